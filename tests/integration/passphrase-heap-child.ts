/**
 * Run by passphrase-memory.test.ts as its own process: unlocks a new case file through the bridge
 * over HTTP with the passphrase given as hex in argv (so this process never makes a string of it),
 * locks, and writes heap snapshots. Prints the snapshots' paths as JSON.
 */
import { writeHeapSnapshot } from 'node:v8';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startBridge } from '../../main/bridge/server';

const [dir, hex] = process.argv.slice(2) as [string, string];
const key = (): number[] => Array.from(Buffer.from(hex, 'hex'));
const renderRoot = path.join(dir, 'renderer');
mkdirSync(renderRoot, { recursive: true });
const bridge = await startBridge({ renderRoot, configDir: path.join(dir, 'config') });
const post = async (channel: string, input: unknown): Promise<void> => {
  const res = await fetch(`${bridge.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` },
    body: JSON.stringify(input),
  });
  const reply = (await res.json()) as { ok: boolean };
  if (!reply.ok) throw new Error(`${channel} failed`);
};
const file = path.join(dir, 'heap.foidesk');
await post('session:create', { path: file, passphrase: key() });
await post('session:lock', {});
await post('session:open', { path: file, passphrase: key() });
const open = writeHeapSnapshot(path.join(dir, 'open.heapsnapshot'));
await post('session:lock', {});
const locked = writeHeapSnapshot(path.join(dir, 'locked.heapsnapshot'));
// The control: the same search must find the passphrase once a string of it exists.
const control = Buffer.from(hex, 'hex').toString('utf8');
const withString = writeHeapSnapshot(path.join(dir, 'control.heapsnapshot'));
await bridge.close();
process.stdout.write(`${JSON.stringify({ open, locked, withString, kept: control.length })}\n`);
