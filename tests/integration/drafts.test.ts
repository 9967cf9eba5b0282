/**
 * Drafts of unsaved edits, through the channels the page calls, against a real encrypted file: kept
 * before a lock, offered back after unlocking, replaced by a newer one of the same form, discarded,
 * bounded, and never on disk in the clear (neither in the file nor in its -wal).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DeskApp } from '../../main/services/app';
import { createHandlers, type Handlers } from '../../main/services/handlers';
import { MAX_DRAFTS, type Channel, type ChannelInput, type ChannelOutput } from '../../shared/contract';
import { importFixtures, makeTempDir, PASSPHRASE } from '../helpers';
import { openCaseFile } from '../../db/case-file';

/** Words no fixture holds: if they are on disk in the clear, the draft leaked. */
const MARKER = 'Zebra-quartz unsaved answer about the Wexcombe ward rota';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let app: DeskApp;
let handlers: Handlers;

async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const reply = await handlers[channel](input);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

async function refusal(channel: Channel, input: unknown): Promise<string> {
  const reply = await handlers[channel](input);
  if (reply.ok) throw new Error(`${channel} accepted ${JSON.stringify(input).slice(0, 80)}`);
  return reply.error.code;
}

function diskBytes(): Buffer[] {
  return readdirSync(temp.dir)
    .filter((n) => n.startsWith(path.basename(file)))
    .map((n) => readFileSync(path.join(temp.dir, n)));
}

function expectNoMarker(): void {
  const buffers = diskBytes();
  expect(buffers.length).toBeGreaterThan(0);
  for (const buf of buffers) {
    for (const needle of [MARKER.slice(0, 24), MARKER.slice(-24)]) {
      expect(buf.includes(Buffer.from(needle, 'utf8'))).toBe(false);
      expect(buf.includes(Buffer.from(needle, 'utf16le'))).toBe(false);
    }
  }
}

beforeEach(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'register.foidesk');
  app = new DeskApp({ configDir: path.join(temp.dir, 'config'), actor: 'tester (app)' });
  handlers = createHandlers(app);
  await call('session:create', { path: file, passphrase: Buffer.from(PASSPHRASE) });
  importFixtures(app.requireSession().file, ['foi-4951.case.json']);
});
afterEach(async () => {
  await app.enqueue(() => app.lockNow());
  temp.cleanup();
});

describe('drafts of unsaved edits', () => {
  it('are kept in the encrypted file across a lock and offered back, never in the clear on disk', async () => {
    const content = { outcome: 'provided', text: MARKER, exemptions: [] };
    await call('drafts:save', { key: 'answer:1:0', caseId: 1, label: 'the answer to question 1', content });
    // While the file is open the new pages sit in the WAL: that must be encrypted too.
    expect(existsSync(`${file}-wal`)).toBe(true);
    expectNoMarker();
    await call('session:lock', {});
    expectNoMarker();
    // And it is really there (the check above would pass on an empty file otherwise).
    const raw = openCaseFile({ path: file, passphrase: PASSPHRASE });
    expect(JSON.stringify(raw.sqlite.prepare('SELECT content FROM drafts').all())).toContain(MARKER);
    raw.close();

    await call('session:open', { path: file, passphrase: Buffer.from(PASSPHRASE) });
    const [offered, ...rest] = await call('drafts:list', {});
    expect(rest).toEqual([]);
    expect(offered).toMatchObject({
      key: 'answer:1:0',
      caseId: 1,
      label: 'the answer to question 1',
      content,
    });
    expect(await call('drafts:discard', { key: 'answer:1:0' })).toEqual({ discarded: true });
    expect(await call('drafts:list', {})).toEqual([]);
    expect(await call('drafts:discard', { key: 'answer:1:0' })).toEqual({ discarded: false });
  });

  it('keeps one draft per form, the newest', async () => {
    await call('drafts:save', { key: 'letter:1', caseId: 1, label: 'the letter', content: { v: 1 } });
    await call('drafts:save', { key: 'settings:casework', label: 'the casework settings', content: {} });
    await call('drafts:save', { key: 'letter:1', caseId: 1, label: 'the letter', content: { v: 2 } });
    const list = await call('drafts:list', {});
    expect(list.map((d) => [d.key, d.content])).toEqual(
      expect.arrayContaining([
        ['letter:1', { v: 2 }],
        ['settings:casework', {}],
      ]),
    );
    expect(list).toHaveLength(2);
  });

  it('refuses a draft for a case the file does not have, and more than the limit, changing nothing', async () => {
    expect(await refusal('drafts:save', { key: 'letter:99', caseId: 99, label: 'x', content: {} })).toBe(
      'not-found',
    );
    for (let i = 0; i < MAX_DRAFTS; i++)
      await call('drafts:save', { key: `answer:1:${i}`, caseId: 1, label: `answer ${i}`, content: i });
    expect(await refusal('drafts:save', { key: 'letter:1', caseId: 1, label: 'x', content: {} })).toBe(
      'conflict',
    );
    // Replacing one that is there is still allowed.
    await call('drafts:save', { key: 'answer:1:0', caseId: 1, label: 'answer 0', content: 'again' });
    const list = await call('drafts:list', {});
    expect(list).toHaveLength(MAX_DRAFTS);
    expect(list.find((d) => d.key === 'answer:1:0')?.content).toBe('again');
  });

  it('refuses a draft while the file is locked', async () => {
    await call('session:lock', {});
    expect(await refusal('drafts:save', { key: 'letter:1', label: 'x', content: {} })).toBe('locked');
    expect(await refusal('drafts:list', {})).toBe('locked');
  });
});
