import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { caseFileId, createCaseFile, openCaseFile } from '../../db/case-file';
import { exportRegisterJson } from '../../main/services/import-export';
import { autoBackup, backupCaseFile, getLastBackup, restoreCaseFile } from '../../main/services/backup';
import { importFixtures, makeTempDir, PASSPHRASE, readFixture, runCli, tmpfsMounter } from '../helpers';
import { buildCrashWriter, killAndCheck, type CrashWriter } from './crash-loop';

let dir: string;
let cleanup: () => void;
let file: string;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  file = path.join(dir, 'register.foidesk');
  createCaseFile({ path: file, passphrase: PASSPHRASE }).close();
  const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
  importFixtures(cf);
  cf.close();
});
afterEach(() => cleanup());

function exportOf(target: string, passphrase = PASSPHRASE): string {
  const cf = openCaseFile({ path: target, passphrase });
  try {
    return exportRegisterJson(cf);
  } finally {
    cf.close();
  }
}

const MARKERS = [
  'requester@example.org',
  'requester2@example.org',
  'Cyber Essentials',
  'cyber security strategy',
];

describe('backup and restore', () => {
  it('backup → restore into a new file → export equals the original, and holds no plaintext', async () => {
    const original = exportOf(file);
    const progress: string[] = [];
    const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
    const backupPath = path.join(dir, 'copy.foidesk');
    const report = await backupCaseFile(cf, backupPath, PASSPHRASE, (p) => progress.push(p.phase));
    expect(report).toMatchObject({ ok: true, cases: 2, path: backupPath });
    expect(getLastBackup(cf)).toMatchObject({ path: backupPath, cases: 2 });
    cf.close();
    expect(progress).toContain('copying');
    expect(progress.at(-1)).toBe('done');
    const bytes = readFileSync(backupPath);
    for (const m of MARKERS) expect(bytes.includes(Buffer.from(m))).toBe(false);

    const restored = path.join(dir, 'restored.foidesk');
    const result = await restoreCaseFile(backupPath, restored, PASSPHRASE);
    expect(result.safetyCopy).toBeNull();
    expect(result.check).toMatchObject({ ok: true, cases: 2 });
    expect(exportOf(restored)).toBe(original);
  });

  it('CLI: backup to a folder, verify, restore over the file with a safety copy', () => {
    const folder = path.join(dir, 'backups');
    mkdirSync(folder);
    const backup = runCli(['backup', file, folder]);
    expect(backup.code).toBe(0);
    // The backup and its sidecar (the SHA-256 of its bytes, for a restore).
    const [name, sidecar] = readdirSync(folder).sort();
    expect(sidecar).toBe(`${name}.sha256`);
    expect(name).toMatch(/^register backup \d{4}-\d{2}-\d{2} \d{6}\.\d{3} [0-9a-f]{12}\.foidesk$/);
    const backupPath = path.join(folder, name!);
    const verify = runCli(['verify', backupPath]);
    expect(verify).toMatchObject({ code: 0 });
    expect(verify.stdout).toMatch(/integrity: ok\ncases: 2/);
    const original = runCli(['export', file]).stdout;
    // Change the live file, then restore the backup over it.
    const extra = path.join(dir, 'extra.json');
    writeFileSync(extra, readFixture('foi-4951.case.json').replace('"FOI 4951"', '"FOI 9999"'));
    expect(runCli(['import', file, extra]).code).toBe(0);
    expect(runCli(['export', file]).stdout).not.toBe(original);
    const restore = runCli(['restore', backupPath, file]);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/kept as .*before-restore/);
    expect(runCli(['export', file]).stdout).toBe(original);
  });

  it('refuses damaged, truncated or wrong-passphrase backups and leaves the current file untouched', async () => {
    const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
    const good = path.join(dir, 'good.foidesk');
    await backupCaseFile(cf, good, PASSPHRASE);
    cf.close();
    const target = path.join(dir, 'live.foidesk');
    copyFileSync(file, target);
    const before = readFileSync(target);

    const truncated = path.join(dir, 'truncated.foidesk');
    copyFileSync(good, truncated);
    truncateSync(truncated, 5000);
    const damaged = path.join(dir, 'damaged.foidesk');
    const bytes = readFileSync(good);
    // Flip bytes in the last page: the cipher's page check fails there.
    for (let i = bytes.length - 2000; i < bytes.length - 1500; i++) bytes[i] = bytes[i]! ^ 0xff;
    writeFileSync(damaged, bytes);

    await expect(restoreCaseFile(truncated, target, PASSPHRASE)).rejects.toThrow(
      /not a FOI Desk case file or it is damaged/,
    );
    await expect(restoreCaseFile(damaged, target, PASSPHRASE)).rejects.toThrow(/damaged/);
    await expect(restoreCaseFile(good, target, 'wrong passphrase!')).rejects.toThrow(/Wrong passphrase/);
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  describe('a destination that cannot take the backup', () => {
    // Real small filesystems: a 64 KiB tmpfs fills up part-way through the copy, and a read-only
    // mount refuses the first write. Mounting needs root (as on CI); elsewhere a read-only folder
    // stands in for the read-only disk.
    const tmpfs = tmpfsMounter(() => dir);
    const canMount = tmpfs.canMount;
    const mountTmpfs = (options: string) => tmpfs.mount(options);
    afterEach(() => tmpfs.unmountAll());

    it.runIf(canMount)('a full disk gives a clear error and leaves no half-written file', async () => {
      const full = mountTmpfs('size=64k');
      const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
      try {
        expect(statSync(file).size).toBeGreaterThan(64 * 1024);
        await expect(backupCaseFile(cf, full, PASSPHRASE)).rejects.toThrow(/disk is full/);
        expect(getLastBackup(cf)).toBeNull();
      } finally {
        cf.close();
      }
      expect(readdirSync(full)).toEqual([]);
    });

    it('a read-only destination gives a clear error and leaves nothing behind', async () => {
      let readOnly: string;
      if (canMount) readOnly = mountTmpfs('ro,size=1m');
      else {
        readOnly = path.join(dir, 'read-only');
        mkdirSync(readOnly);
        chmodSync(readOnly, 0o500);
      }
      const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
      try {
        await expect(backupCaseFile(cf, readOnly, PASSPHRASE)).rejects.toThrow(/cannot be written to/);
      } finally {
        cf.close();
        if (!canMount) chmodSync(readOnly, 0o700);
      }
      expect(readdirSync(readOnly)).toEqual([]);
    });
  });

  it('keeps the last N automatic backups of this file, and touches nothing else', async () => {
    const folder = path.join(dir, 'auto');
    mkdirSync(folder);
    const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
    const id = caseFileId(cf)!;
    const others = [
      // A manual backup, a backup from before ids, another file's automatic backup.
      `register backup 2020-01-01 000000.000 ${id}.foidesk`,
      'register backup 2020-01-01 000000.foidesk',
      'register auto-backup 2020-01-01 000000.000 0123456789ab.foidesk',
    ];
    try {
      for (let i = 0; i < 4; i++) {
        writeFileSync(
          path.join(folder, `register auto-backup 2020-01-0${i + 1} 000000.000 ${id}.foidesk`),
          'old',
        );
      }
      for (const name of others) writeFileSync(path.join(folder, name), 'not ours to prune');
      // Sidecars: one of a backup about to be pruned, one of another file's backup.
      writeFileSync(
        path.join(folder, `register auto-backup 2020-01-01 000000.000 ${id}.foidesk.sha256`),
        'x',
      );
      writeFileSync(path.join(folder, `${others[2]}.sha256`), 'not ours to prune');
      await autoBackup(cf, folder, 2, PASSPHRASE);
    } finally {
      cf.close();
    }
    const names = readdirSync(folder).sort();
    const auto = names.filter((n) => n.includes(' auto-backup ') && n.includes(id) && n.endsWith('.foidesk'));
    // A pruned backup's sidecar goes with it; the kept ones made here have theirs.
    expect(names.filter((n) => n.endsWith('.sha256'))).toEqual([`${others[2]}.sha256`, `${auto[1]}.sha256`]);
    expect(auto).toHaveLength(2);
    expect(auto[0]).toBe(`register auto-backup 2020-01-04 000000.000 ${id}.foidesk`);
    expect(auto[1]).toMatch(/^register auto-backup \d{4}-\d{2}-\d{2} \d{6}\.\d{3} [0-9a-f]{12}\.foidesk$/);
    for (const name of others) expect(names).toContain(name);
  });
});

describe('crash safety', () => {
  let writer: CrashWriter;
  beforeAll(async () => {
    writer = await buildCrashWriter();
  });
  afterAll(() => writer?.remove());

  // npm test: ten kills. The slow suite (backup-crash.slow.test.ts) runs the same loop fifty times.
  it('keeps every acknowledged case through 10 SIGKILLs at random moments', async () => {
    await killAndCheck(writer, file, 10);
  }, 600_000);
});
