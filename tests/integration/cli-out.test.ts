/**
 * `--out` as a tired officer (or an attacker's script) types it: the case file itself, its WAL,
 * the same file through a symlinked folder or a hard link, a backup under another name, and an
 * ordinary file that exists. Run as a process, as `foi-desk` is used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copyFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fixture, makeTempDir, runCli } from '../helpers';

let dir: string;
let cleanup: () => void;
let file: string;
let original: Buffer;

beforeAll(() => {
  ({ dir, cleanup } = makeTempDir());
  file = path.join(dir, 'register.foidesk');
  expect(runCli(['init', file]).code).toBe(0);
  expect(
    runCli(['import', file, fixture('walton.organisation.json'), fixture('foi-4951.case.json')]).code,
  ).toBe(0);
  original = readFileSync(file);
});
afterAll(() => cleanup());

/** Refused with exit 1 and one line that says why; the case file is byte-for-byte what it was. */
function expectRefused(args: string[], why: RegExp): void {
  const result = runCli(args);
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).toMatch(why);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stdout).toBe('');
  expect(readFileSync(file).equals(original)).toBe(true);
  // Nothing half-written left behind either.
  expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
}

const LETTER = ['FOI 4951', '--template', 'refusal'];

describe('foi-desk --out never replaces a case file', () => {
  it('refuses the case file being read, for export and letter', () => {
    for (const format of ['json', 'csv']) {
      expectRefused(['export', file, '--format', format, '--out', file], /is the case file being read/);
      expectRefused(
        ['export', file, '--format', format, '--out', file, '--force'],
        /is the case file being read/,
      );
    }
    expectRefused(['letter', file, ...LETTER, '--out', file], /is the case file being read/);
    expectRefused(['letter', file, ...LETTER, '--out', file, '--force'], /is the case file being read/);
  });

  it('refuses its -wal and -shm, and the same file by another path', () => {
    expectRefused(['export', file, '--out', `${file}-wal`, '--force'], /being read \(its wal file\)/);
    expectRefused(['letter', file, ...LETTER, '--out', `${file}-shm`, '--force'], /its shm file/);
    const linkedFolder = path.join(dir, 'linked');
    symlinkSync(dir, linkedFolder);
    expectRefused(
      ['export', file, '--out', path.join(linkedFolder, 'register.foidesk'), '--force'],
      /is the case file being read/,
    );
    expectRefused(
      ['export', path.join(linkedFolder, 'register.foidesk'), '--out', file, '--force'],
      /is the case file being read/,
    );
    const hardLink = path.join(dir, 'register.json');
    linkSync(file, hardLink);
    expectRefused(['export', file, '--out', hardLink, '--force'], /is the case file being read/);
    expectRefused(['export', file, '--out', path.relative(process.cwd(), file), '--force'], /being read/);
  });

  it('refuses a backup or another case file, by its content or its name', () => {
    const backup = path.join(dir, 'keep me.bak');
    copyFileSync(file, backup);
    const backupBytes = readFileSync(backup);
    expectRefused(['export', file, '--out', backup, '--force'], /looks like a FOI Desk case file or backup/);
    expectRefused(['letter', file, ...LETTER, '--out', backup, '--force'], /case file or backup/);
    expect(readFileSync(backup).equals(backupBytes)).toBe(true);
    expectRefused(
      ['export', file, '--out', path.join(dir, 'new.foidesk')],
      /named like a FOI Desk case file/,
    );
    // A letter written into a folder is checked under the name it gets.
    mkdirSync(path.join(dir, 'letters'));
    const named = runCli(['letter', file, ...LETTER, '--out', path.join(dir, 'letters')]);
    expect(named.code, named.stderr).toBe(0);
  });

  it('replaces another existing file only with --force, whole', () => {
    const notes = path.join(dir, 'notes.txt');
    writeFileSync(notes, 'my notes');
    expectRefused(
      ['export', file, '--out', notes],
      /--out .*notes\.txt already exists: add --force to replace it/,
    );
    expect(readFileSync(notes, 'utf8')).toBe('my notes');
    const forced = runCli(['export', file, '--format', 'csv', '--out', notes, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(notes, 'utf8')).toMatch(/^reference,regime/);

    const docx = path.join(dir, 'letter.docx');
    expect(runCli(['letter', file, ...LETTER, '--out', docx]).code).toBe(0);
    expectRefused(['letter', file, ...LETTER, '--out', docx], /already exists: add --force/);
    expect(runCli(['letter', file, ...LETTER, '--out', docx, '--force']).code).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('says --force belongs with --out', () => {
    const result = runCli(['export', file, '--force']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--force goes with --out/);
  });
});
