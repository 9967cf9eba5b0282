import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, truncateSync, writeFileSync, statSync, copyFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { changePassphrase, createCaseFile, openCaseFile, openCaseFileAsync } from '../../db/case-file';
import { backupCaseFile } from '../../main/services/backup';
import { exportRegister, importInterchange } from '../../main/services/import-export';
import { jsonItems } from '../../main/services/import/json-stream';
import { sheetRows } from '../../main/services/import/sheet-reader';
import { looksLikeCaseFile } from '../../main/services/output-paths';
import { makeTempDir, PASSPHRASE, readFixture, runCli } from '../helpers';
import type { CaseRecord } from '../../shared/case-format';

let dir: string;
let cleanup: () => void;
let file: string;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  file = path.join(dir, 'cases.foidesk');
});
afterEach(() => cleanup());

function importExamples(target: string, names: string[]) {
  const cf = openCaseFile({ path: target, passphrase: PASSPHRASE });
  try {
    importInterchange(
      cf,
      names.map((n) => ({ path: n, text: readFixture(n) })),
      'test',
    );
  } finally {
    cf.close();
  }
}

function allFileBytes(target: string): Buffer[] {
  return [target, `${target}-wal`, `${target}-shm`, `${target}-journal`]
    .filter((p) => existsSync(p))
    .map((p) => readFileSync(p));
}

/** Every string that must never be on disk in the clear, in the encodings SQLite could use. */
function plaintextMarkers(record: CaseRecord): string[] {
  const texts = [record.requester.email!, record.subject];
  const walk = (qs: CaseRecord['questions']) =>
    qs.forEach((q) => {
      texts.push(q.text);
      if (q.parts) walk(q.parts);
    });
  walk(record.questions);
  return texts;
}

function expectNoPlaintext(buffers: Buffer[], markers: string[]) {
  expect(buffers.length).toBeGreaterThan(0);
  for (const buf of buffers) {
    for (const m of markers) {
      // A 24-byte slice is enough to spot a leak and avoids false passes on page-split text.
      for (const needle of [m.slice(0, 24), m.slice(-24)]) {
        expect(buf.includes(Buffer.from(needle, 'utf8'))).toBe(false);
        expect(buf.includes(Buffer.from(needle, 'utf16le'))).toBe(false);
      }
    }
  }
}

describe('the encrypted case file', () => {
  it('holds no plaintext of an imported case in the file or its -wal/-shm, open or closed', () => {
    createCaseFile({ path: file, passphrase: PASSPHRASE }).close();
    const record = JSON.parse(readFixture('foi-4951.case.json')) as CaseRecord;
    const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
    importInterchange(cf, [{ path: 'foi-4951.case.json', text: readFixture('foi-4951.case.json') }], 'test');
    // While open, the new pages sit in the WAL: it must be encrypted too.
    expect(existsSync(`${file}-wal`)).toBe(true);
    expectNoPlaintext(allFileBytes(file), plaintextMarkers(record));
    cf.close();
    expectNoPlaintext(allFileBytes(file), plaintextMarkers(record));
    // And the data is really there (the test would pass vacuously on an empty file otherwise).
    const again = openCaseFile({ path: file, passphrase: PASSPHRASE });
    expect(exportRegister(again)).toContainEqual(record);
    again.close();
  });

  it('refuses a wrong passphrase clearly and leaves the file byte-identical', () => {
    createCaseFile({ path: file, passphrase: PASSPHRASE }).close();
    importExamples(file, ['foi-4951.case.json']);
    const before = readFileSync(file);
    expect(() => openCaseFile({ path: file, passphrase: 'not the passphrase' })).toThrow(/wrong passphrase/i);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
    expect(exportRegister(cf)).toHaveLength(1);
    cf.close();
  });

  it('changes the passphrase: the new one opens the file and the old one no longer does', () => {
    createCaseFile({ path: file, passphrase: PASSPHRASE }).close();
    importExamples(file, ['foi-4951.case.json']);
    const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
    changePassphrase(cf, 'a brand new passphrase');
    cf.close();
    expect(() => openCaseFile({ path: file, passphrase: PASSPHRASE })).toThrow(/wrong passphrase/i);
    const reopened = openCaseFile({ path: file, passphrase: 'a brand new passphrase' });
    expect(exportRegister(reopened)).toHaveLength(1);
    reopened.close();
  });

  it('reports random bytes and truncated files as not a case file or damaged, and leaves them unchanged', () => {
    const random = path.join(dir, 'random.foidesk');
    writeFileSync(random, randomBytes(10_000));
    const randomBefore = readFileSync(random);
    expect(() => openCaseFile({ path: random, passphrase: PASSPHRASE })).toThrow(
      /not a FOI Desk case file or it is damaged/,
    );
    expect(readFileSync(random).equals(randomBefore)).toBe(true);

    createCaseFile({ path: file, passphrase: PASSPHRASE }).close();
    importExamples(file, ['foi-4951.case.json', 'foi-2774.case.json']);
    const size = statSync(file).size;
    const cut = path.join(dir, 'cut.foidesk');
    copyFileSync(file, cut);
    truncateSync(cut, Math.floor(size / 2) + 123);
    const cutBefore = readFileSync(cut);
    expect(() => openCaseFile({ path: cut, passphrase: PASSPHRASE })).toThrow(
      /not a FOI Desk case file or it is damaged/,
    );
    expect(readFileSync(cut).equals(cutBefore)).toBe(true);

    // Cut on a page boundary: the key works, reading the schema does not.
    const pageCut = path.join(dir, 'page-cut.foidesk');
    copyFileSync(file, pageCut);
    truncateSync(pageCut, 4096 * 2);
    const pageCutBefore = readFileSync(pageCut);
    expect(() => openCaseFile({ path: pageCut, passphrase: PASSPHRASE })).toThrow(/damaged/);
    expect(readFileSync(pageCut).equals(pageCutBefore)).toBe(true);

    const empty = path.join(dir, 'empty.foidesk');
    writeFileSync(empty, '');
    expect(() => openCaseFile({ path: empty, passphrase: PASSPHRASE })).toThrow(/not a FOI Desk case file/);
  });

  it('refuses an unencrypted SQLite file and a missing file', () => {
    const plain = path.join(dir, 'plain.db');
    const db = new Database(plain);
    db.exec('CREATE TABLE t(x)');
    db.close();
    expect(() => openCaseFile({ path: plain, passphrase: PASSPHRASE })).toThrow(/unencrypted/);
    expect(() => openCaseFile({ path: path.join(dir, 'nope.foidesk'), passphrase: PASSPHRASE })).toThrow(
      /does not exist/,
    );
  });

  it('refuses a file written by a newer schema and leaves it unchanged', () => {
    const cf = createCaseFile({ path: file, passphrase: PASSPHRASE });
    cf.sqlite.pragma('user_version = 999');
    cf.close();
    const before = readFileSync(file);
    expect(() => openCaseFile({ path: file, passphrase: PASSPHRASE })).toThrow(/newer version of FOI Desk/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses to create over an existing file', () => {
    writeFileSync(file, 'precious');
    expect(() => createCaseFile({ path: file, passphrase: PASSPHRASE })).toThrow(/already exists/);
    expect(readFileSync(file, 'utf8')).toBe('precious');
  });

  it('is locked against a second connection while open', () => {
    const cf = createCaseFile({ path: file, passphrase: PASSPHRASE });
    try {
      expect(() => openCaseFile({ path: file, passphrase: PASSPHRASE })).toThrow(/open in another/);
    } finally {
      cf.close();
    }
    openCaseFile({ path: file, passphrase: PASSPHRASE }).close();
  });

  it('is not read through another descriptor while open, which would drop its lock', async () => {
    // Named without .foidesk, so nothing is decided by the name.
    const plain = path.join(dir, 'register.db');
    const cf = createCaseFile({ path: plain, passphrase: PASSPHRASE });
    try {
      const items = jsonItems(plain);
      await expect(items.next()).rejects.toThrow(/The file to import is the case file FOI Desk has open/);
      const rows = sheetRows({ kind: 'csv', name: 'register.db', path: plain });
      await expect(rows.next()).rejects.toThrow(/The spreadsheet is the case file FOI Desk has open/);
      // An export never replaces it, and it is told apart without reading it.
      expect(looksLikeCaseFile(plain)).toBe(true);
      const other = runCli(['queue', plain]);
      expect(other.stderr).toMatch(/open in another FOI Desk window or process/);
    } finally {
      cf.close();
    }
  });

  it('opens with its key derived in the thread pool, kept for the session and zeroed on close', async () => {
    createCaseFile({ path: file, passphrase: PASSPHRASE }).close();
    await expect(openCaseFileAsync({ path: file, passphrase: 'not the passphrase at all' })).rejects.toThrow(
      /Wrong passphrase/,
    );
    // The officer's passphrase bytes are zeroed by the caller as soon as the open has begun: the
    // derivation in the thread pool works on a copy of its own.
    const given = Buffer.from(PASSPHRASE);
    const opening = openCaseFileAsync({ path: file, passphrase: given });
    given.fill(0);
    const cf = await opening;
    const key = cf.cipherKey!;
    expect(key).toHaveLength(32);
    expect(key.some((b) => b !== 0)).toBe(true);
    // The same key SQLCipher derives: a backup made with it opens and verifies.
    const backup = path.join(dir, 'copy.foidesk');
    expect((await backupCaseFile(cf, backup, PASSPHRASE)).cases).toBe(0);
    // After a new passphrase the old key is forgotten, and a backup derives the new one.
    changePassphrase(cf, 'a whole new passphrase here');
    expect(cf.cipherKey).toBeNull();
    expect(key.every((b) => b === 0)).toBe(true);
    const after = path.join(dir, 'after.foidesk');
    await backupCaseFile(cf, after, 'a whole new passphrase here');
    cf.close();
    const again = await openCaseFileAsync({ path: file, passphrase: 'a whole new passphrase here' });
    const second = again.cipherKey!;
    again.close();
    expect(second.every((b) => b === 0)).toBe(true);
    openCaseFile({ path: after, passphrase: 'a whole new passphrase here' }).close();
  });

  it('runs with WAL, foreign keys and an in-memory temp store', () => {
    const cf = createCaseFile({ path: file, passphrase: PASSPHRASE });
    expect(cf.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(cf.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(cf.sqlite.pragma('temp_store', { simple: true })).toBe(2);
    expect(cf.sqlite.pragma('cipher', { simple: true })).toBe('sqlcipher');
    cf.close();
  });
});
