/**
 * Opening without a whole-file check, and the background integrity check that replaces it: a
 * healthy file checks clean (so the cipher parameters agree with SQLCipher's), a byte flipped in
 * one page of a closed file is reported with its page number after unlock, through the channel
 * the app reads (`integrity:status`), and the check runs outside the call queue.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCaseFile, openCaseFile } from '../../db/case-file';
import { DeskApp } from '../../main/services/app';
import { createHandlers } from '../../main/services/handlers';
import { checkPages } from '../../main/services/integrity';
import { seedCases } from '../seed';
import { makeTempDir, PASSPHRASE, runCli } from '../helpers';

let temp: ReturnType<typeof makeTempDir>;
let file: string;

beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'register.foidesk');
  const created = createCaseFile({ path: file, passphrase: PASSPHRASE });
  seedCases(created, { cases: 400, open: 50 });
  created.close();
});
afterEach(() => temp.cleanup());

function newApp(): DeskApp {
  return new DeskApp({ configDir: path.join(temp.dir, 'config'), actor: 'tester', integrityCheck: false });
}

/** Flips one byte in the middle of page `pageNumber` (1-based) of the closed file. */
function flipByte(pageNumber: number): void {
  const bytes = readFileSync(file);
  bytes[(pageNumber - 1) * 4096 + 2000]! ^= 0x01;
  writeFileSync(file, bytes);
}

describe('the background integrity check', () => {
  it('finds every page of a healthy file authentic', async () => {
    const pages = statSync(file).size / 4096;
    expect(pages).toBeGreaterThan(100);
    expect(await checkPages(file, { passphrase: Buffer.from(PASSPHRASE, 'utf8') })).toEqual({
      pages,
      damaged: [],
    });
    // With the wrong key nothing is authentic: the check is not a formality.
    const wrong = await checkPages(file, { passphrase: Buffer.from('not the passphrase', 'utf8') });
    expect(wrong.damaged).toHaveLength(pages);
  });

  it('keeps the case file locked against another process while it checks and after', async () => {
    const app = newApp();
    const handlers = createHandlers(app);
    expect((await handlers['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) })).ok).toBe(
      true,
    );
    const refusedElsewhere = () => {
      const other = runCli(['queue', file]);
      expect(other.code).toBe(1);
      expect(other.stderr).toMatch(/open in another FOI Desk window or process/);
    };
    refusedElsewhere();
    // The check reads the file through the descriptor held with SQLite's lock: opening and closing
    // one of its own dropped the lock, and another process could then write to the file.
    expect(await handlers['integrity:check']({})).toMatchObject({ ok: true, value: { state: 'ok' } });
    refusedElsewhere();
    await handlers['session:lock']({});
    expect(runCli(['queue', file]).code).toBe(0);
  });

  it('opens a file with a damaged page at once and reports the page through integrity:status', async () => {
    const pages = statSync(file).size / 4096;
    const damagedPage = Math.floor(pages * 0.6);
    flipByte(damagedPage);

    const app = newApp();
    const handlers = createHandlers(app);
    const opened = await handlers['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    expect(opened.ok).toBe(true);
    expect(await handlers['integrity:status']({})).toMatchObject({
      ok: true,
      value: { state: 'not-checked' },
    });

    const checked = await handlers['integrity:check']({});
    expect(checked).toMatchObject({
      ok: true,
      value: { state: 'damaged', damagedPages: [damagedPage], pages, pagesChecked: pages },
    });
    expect(checked.ok && checked.value.message).toMatch(/1 page of the case file is damaged/);
    expect(await handlers['integrity:status']({})).toEqual(checked);
    await handlers['session:lock']({});
    expect(await handlers['integrity:status']({})).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('reports a healthy file as ok, without waiting for the call queue', async () => {
    const app = newApp();
    const handlers = createHandlers(app);
    await handlers['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    // A long call holds the queue (a backup's copy): the check is answered all the same.
    let release!: () => void;
    const long = app.enqueue(() => new Promise<void>((resolve) => (release = resolve)), { changes: false });
    expect(await handlers['integrity:check']({})).toMatchObject({
      ok: true,
      value: { state: 'ok', damagedPages: [], message: null },
    });
    release();
    await long;
    await handlers['session:lock']({});
  });

  it('runs on its own after unlock when the app schedules it', async () => {
    const app = new DeskApp({
      configDir: path.join(temp.dir, 'config'),
      actor: 'tester',
      integrityCheck: { firstAfterMs: 0, everyMs: 60_000 },
    });
    const handlers = createHandlers(app);
    await handlers['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    const result = await app.integrity.nextResult();
    expect(result).toMatchObject({ state: 'ok', damagedPages: [] });
    expect(app.integrity.status()).toEqual(result);
    await handlers['session:lock']({});
  });
});

describe('opening', () => {
  it('no longer runs the whole-file check unless asked to', () => {
    flipByte(Math.floor((statSync(file).size / 4096) * 0.6));
    const opened = openCaseFile({ path: file, passphrase: PASSPHRASE });
    opened.close();
    expect(() => openCaseFile({ path: file, passphrase: PASSPHRASE, quickCheck: true })).toThrow(/damaged/);
  });
});

describe('reads and the call queue', () => {
  it('answers reads during a long call that changes nothing, and after the writes queued before them', async () => {
    const app = newApp();
    const handlers = createHandlers(app);
    await handlers['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) });
    let release!: () => void;
    const copy = app.enqueue(() => new Promise<void>((resolve) => (release = resolve)), { changes: false });
    const listed = await handlers['cases:list']({ view: 'open', offset: 0, limit: 10 });
    expect(listed.ok && listed.value.total).toBe(50);
    expect((await handlers['cases:facets']({})).ok).toBe(true);
    release();
    await copy;

    // A write queued first lands before the read that follows it.
    let landWrite!: () => void;
    const write = app.enqueue(
      () =>
        new Promise<void>((resolve) => {
          landWrite = () => {
            app
              .requireSession()
              .file.sqlite.prepare("UPDATE cases SET status = 'closed' WHERE id = 400")
              .run();
            resolve();
          };
        }),
    );
    let answered = false;
    const read = handlers['cases:list']({ view: 'open', offset: 0, limit: 10 }).then((reply) => {
      answered = true;
      return reply;
    });
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    landWrite();
    await write;
    const after = await read;
    expect(after.ok && after.value.total).toBe(49);
    await handlers['session:lock']({});
  });
});
