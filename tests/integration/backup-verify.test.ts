/**
 * A backup is proved by its bytes and its header, not by a full integrity check: a copy whose bytes
 * differ from what was read is refused (a byte flipped between the write and the check), and a
 * restore source with one damaged page is refused before anything is replaced.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { createCaseFile, openCaseFile, type CaseFile } from '../../db/case-file';
import {
  backupCaseFile,
  getLastBackup,
  inspectBackup,
  readSidecar,
  restoreCaseFile,
  sidecarPath,
} from '../../main/services/backup';
import { importFixtures, makeTempDir, PASSPHRASE } from '../helpers';

let dir: string;
let cleanup: () => void;
let file: string;
let cf: CaseFile;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  file = path.join(dir, 'register.foidesk');
  createCaseFile({ path: file, passphrase: PASSPHRASE }).close();
  cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
  importFixtures(cf);
});
afterEach(() => {
  cf.close();
  cleanup();
});

function flipByte(target: string, offset: number): void {
  const fd = openSync(target, 'r+');
  try {
    const one = Buffer.alloc(1);
    readSync(fd, one, 0, 1, offset);
    one[0] = one[0]! ^ 0x01;
    writeSync(fd, one, 0, 1, offset);
  } finally {
    closeSync(fd);
  }
}

describe('verifying a backup by its bytes', () => {
  it('refuses a backup whose copy has a flipped byte, and leaves nothing behind', async () => {
    const dest = path.join(dir, 'backup.foidesk');
    let copy = '';
    await expect(
      backupCaseFile(cf, dest, PASSPHRASE, undefined, 'backup', {
        beforeVerify: (copyPath) => {
          copy = copyPath;
          // A byte in the middle of a page that opening the copy never reads.
          flipByte(copyPath, readFileSync(copyPath).length - 3000);
        },
      }),
    ).rejects.toThrow(/copy on disk differs from the bytes read \(its SHA-256 differs\)/);
    expect(copy).not.toBe('');
    expect(existsSync(copy)).toBe(false);
    expect(existsSync(dest)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp'))).toEqual([]);
    expect(getLastBackup(cf)).toBeNull();
  });

  it('a sound backup reports the SHA-256 of its bytes, and passes the page check', async () => {
    const dest = path.join(dir, 'backup.foidesk');
    const report = await backupCaseFile(cf, dest, PASSPHRASE);
    expect(report).toMatchObject({ ok: true, cases: 2, path: dest });
    const { createHash } = await import('node:crypto');
    expect(report.sha256).toBe(createHash('sha256').update(readFileSync(dest)).digest('hex'));
    expect(await inspectBackup(dest, PASSPHRASE)).toMatchObject({ ok: true, cases: 2, problems: [] });
  });

  it('a restore source with one damaged page is refused (inspect says which page), nothing replaced', async () => {
    const backup = path.join(dir, 'backup.foidesk');
    await backupCaseFile(cf, backup, PASSPHRASE);
    const bytes = readFileSync(backup);
    const pages = bytes.length / 4096;
    flipByte(backup, (pages - 1) * 4096 + 100);
    const report = await inspectBackup(backup, PASSPHRASE);
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(
      new RegExp(`1 page failed its authentication check \\(page ${pages}\\)`),
    );

    const target = path.join(dir, 'live.foidesk');
    writeFileSync(target, readFileSync(backup)); // stand-in for the file a restore would replace
    const before = readFileSync(target);
    cf.close();
    cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
    await expect(restoreCaseFile(backup, file, PASSPHRASE)).rejects.toThrow(
      /file-locked|open in FOI Desk|open in another/,
    );
    await expect(restoreCaseFile(backup, path.join(dir, 'new.foidesk'), PASSPHRASE)).rejects.toThrow(
      new RegExp(`The backup is damaged \\(1 page failed its authentication check \\(page ${pages}\\)\\)`),
    );
    expect(existsSync(path.join(dir, 'new.foidesk'))).toBe(false);
    expect(readFileSync(target).equals(before)).toBe(true);
  });

  it('writes a sidecar with the SHA-256 of the backup (sha256sum form); a restore proves the bytes by it', async () => {
    const backup = path.join(dir, 'backup.foidesk');
    const report = await backupCaseFile(cf, backup, PASSPHRASE);
    const sha = createHash('sha256').update(readFileSync(backup)).digest('hex');
    expect(readFileSync(sidecarPath(backup), 'utf8')).toBe(`${sha}  backup.foidesk\n`);
    expect(report.sha256).toBe(sha);
    expect(readSidecar(backup)).toBe(sha);

    const restored = await restoreCaseFile(backup, path.join(dir, 'new.foidesk'), PASSPHRASE);
    expect(restored).toMatchObject({ bytesCheckedBy: 'sha256', check: { ok: true, cases: 2 } });
    // The same bytes under another name, no sidecar beside them: every page is checked instead.
    const bare = path.join(dir, 'bare.foidesk');
    copyFileSync(backup, bare);
    const byPages = await restoreCaseFile(bare, path.join(dir, 'new2.foidesk'), PASSPHRASE);
    expect(byPages).toMatchObject({ bytesCheckedBy: 'pages', check: { ok: true, cases: 2 } });
  });

  it('a sidecar naming another file, or malformed, is not trusted: every page is checked', async () => {
    const backup = path.join(dir, 'backup.foidesk');
    await backupCaseFile(cf, backup, PASSPHRASE);
    const sha = readSidecar(backup)!;
    writeFileSync(sidecarPath(backup), `${sha}  other.foidesk\n`);
    expect(readSidecar(backup)).toBeNull();
    writeFileSync(sidecarPath(backup), 'not a hash\n');
    expect(readSidecar(backup)).toBeNull();
    const restored = await restoreCaseFile(backup, path.join(dir, 'new.foidesk'), PASSPHRASE);
    expect(restored.bytesCheckedBy).toBe('pages');
  });

  it('a backup changed since its sidecar (opened and edited in FOI Desk) restores by its pages', async () => {
    const backup = path.join(dir, 'backup.foidesk');
    await backupCaseFile(cf, backup, PASSPHRASE);
    const opened = openCaseFile({ path: backup, passphrase: PASSPHRASE });
    opened.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('bench.note', '1')").run();
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    opened.close();
    expect(createHash('sha256').update(readFileSync(backup)).digest('hex')).not.toBe(readSidecar(backup));
    expect(await inspectBackup(backup, PASSPHRASE)).toMatchObject({ ok: true, cases: 2 });
    const restored = await restoreCaseFile(backup, path.join(dir, 'new.foidesk'), PASSPHRASE);
    expect(restored).toMatchObject({ bytesCheckedBy: 'pages', check: { ok: true, cases: 2 } });
  });
});
