/**
 * How many copies of the passphrase string the heap holds while open, right after lock, and after
 * more calls (a heap snapshot collects garbage first). Prints numbers; asserts nothing. One copy
 * is this script's own constant.
 *
 * Two runs: the handlers called in this process with the input as the bridge's JSON.parse gives it,
 * and the bridge itself over HTTP (a real request body). BENCH_PASSPHRASE_AS=string sends the
 * passphrase as a JSON string, as builds before the passphrase travelled as bytes did.
 */
import { writeHeapSnapshot } from 'node:v8';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DeskApp } from '../main/services/app';
import { createHandlers } from '../main/services/handlers';

const PASS = 'Zq7-unique-heap-marker-passphrase-42';
const asString = process.env.BENCH_PASSPHRASE_AS === 'string';
const dir = mkdtempSync(path.join(tmpdir(), 'heap-'));

/** The passphrase field as the page sends it (a fresh value each time, as a new request's would be). */
const field = (): unknown => {
  if (asString) return JSON.parse(JSON.stringify(PASS)) as unknown;
  const bytes = Buffer.from(PASS, 'utf8');
  const values = Array.from(bytes);
  bytes.fill(0);
  return values;
};

/**
 * Linux only: the passphrase's bytes anywhere in this process's writable memory (as one-byte text
 * or UTF-16), live or freed but not yet overwritten, which a heap snapshot does not show. This
 * script's source, its constant and the search needles account for a few.
 */
function inMemory(): string {
  if (process.platform !== 'linux') return 'n/a';
  const needles = [Buffer.from(PASS, 'latin1'), Buffer.from(PASS, 'utf16le')];
  const found = [0, 0];
  const mem = openSync('/proc/self/mem', 'r');
  const chunk = Buffer.alloc(8 * 1024 * 1024);
  try {
    for (const line of readFileSync('/proc/self/maps', 'latin1').split('\n')) {
      const m = /^([0-9a-f]+)-([0-9a-f]+) rw/.exec(line);
      if (!m || line.includes('[vvar]')) continue;
      const end = parseInt(m[2]!, 16);
      for (let at = parseInt(m[1]!, 16); at < end; at += chunk.length - 256) {
        let n: number;
        try {
          n = readSync(mem, chunk, 0, Math.min(chunk.length, end - at), at);
        } catch {
          break;
        }
        const view = chunk.subarray(0, n);
        needles.forEach((needle, i) => {
          for (let k = view.indexOf(needle); k !== -1; k = view.indexOf(needle, k + 1))
            if (k < view.length - 256 || at + n >= end) found[i]!++;
        });
        if (n < chunk.length) break;
      }
    }
  } finally {
    closeSync(mem);
    chunk.fill(0);
  }
  return `${found[0]} one-byte + ${found[1]} UTF-16 in process memory`;
}

const count = (label: string) => {
  const file = writeHeapSnapshot(path.join(dir, `${label}.heapsnapshot`));
  const text = readFileSync(file, 'latin1');
  const n = text.split(PASS).length - 1;
  rmSync(file);
  console.log(`${label}: ${n} copies in the heap snapshot; ${inMemory()}`);
};

console.log(`passphrase sent as ${asString ? 'a JSON string' : 'an array of bytes'}`);
{
  const app = new DeskApp({ configDir: path.join(dir, 'c'), actor: 't' });
  const h = createHandlers(app);
  await h['session:create']({ path: path.join(dir, 'r.foidesk'), passphrase: field() });
  await h['session:lock']({});
  await h['session:open']({ path: path.join(dir, 'r.foidesk'), passphrase: field() });
  count('in-process open');
  await h['session:lock']({});
  count('in-process after-lock');
  for (let i = 0; i < 300; i++) await h['session:status']({});
  count('in-process after-300-calls');
}
{
  // Bundled, the bridge module would take itself for the program run and start a second bridge.
  process.argv[1] = '';
  const { startBridge } = await import('../main/bridge/server');
  const renderRoot = path.join(dir, 'renderer');
  mkdirSync(renderRoot);
  const bridge = await startBridge({ renderRoot, configDir: path.join(dir, 'b') });
  const post = async (channel: string, input: unknown) => {
    const res = await fetch(`${bridge.origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` },
      body: JSON.stringify(input),
    });
    const reply = (await res.json()) as { ok: boolean };
    if (!reply.ok) throw new Error(`${channel} failed`);
  };
  await post('session:create', { path: path.join(dir, 'h.foidesk'), passphrase: field() });
  await post('session:lock', {});
  await post('session:open', { path: path.join(dir, 'h.foidesk'), passphrase: field() });
  count('bridge open');
  await post('session:lock', {});
  count('bridge after-lock');
  for (let i = 0; i < 300; i++) await post('session:status', {});
  count('bridge after-300-calls');
  await bridge.close();
}
rmSync(dir, { recursive: true, force: true });
