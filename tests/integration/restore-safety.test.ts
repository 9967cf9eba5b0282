/**
 * Replacing a case file safely, as an officer meets it: the `foi-desk` CLI as a process, killed at
 * every step of a restore, against a file whose newest cases are only in its WAL (a writer that
 * was killed); the lock an open file holds; pruning in a shared folder; leftover temp files; inputs
 * that are not files; and the one-line messages for files that cannot be used.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { caseFileId, createCaseFile, openCaseFile } from '../../db/case-file';
import { autoBackup, backupCaseFile, restoreCaseFile } from '../../main/services/backup';
import { sameFile } from '../../main/services/files';
import {
  cliPath,
  importFixtures,
  makeTempDir,
  PASSPHRASE,
  readFixture,
  repoRoot,
  tmpfsMounter,
} from '../helpers';
import { buildCrashWriter } from './crash-loop';

let writer: string;
let removeWriter: () => void;
const migrations = path.join(repoRoot, 'db', 'migrations');
const FIXTURE_REFS = ['FOI 2774', 'FOI 4951'];
const template = JSON.stringify(JSON.parse(readFixture('foi-2774.case.json')));

beforeAll(async () => {
  // The same bundled writer the crash loop uses, under a name of this process's own.
  ({ path: writer, remove: removeWriter } = await buildCrashWriter());
});
afterAll(() => removeWriter());

let dir: string;
let cleanup: () => void;
let file: string;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  file = path.join(dir, 'register.foidesk');
  const cf = createCaseFile({ path: file, passphrase: PASSPHRASE });
  importFixtures(cf);
  cf.close();
});
afterEach(() => cleanup());

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The CLI as its own process; the timeout only turns a hang into a failure, it asserts nothing. */
function cli(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, FOI_DESK_PASSPHRASE: PASSPHRASE, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const writerEnv = {
  PATH: process.env.PATH,
  FOI_DESK_PASSPHRASE: PASSPHRASE,
  CASE_TEMPLATE: template,
  FOI_DESK_MIGRATIONS: migrations,
};

/** A writer adds `count` cases and is killed: they are acknowledged, and only in the WAL. */
function writeWalOnly(target: string, start: number, count: number): string[] {
  const r = spawnSync(process.execPath, [writer, target, String(start), String(count)], {
    encoding: 'utf8',
    env: writerEnv,
    timeout: 60_000,
  });
  expect(r.signal).toBe('SIGKILL');
  const acked = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('ACK '))
    .map((l) => l.slice(4));
  expect(acked).toHaveLength(count);
  expect(statSync(`${target}-wal`).size).toBeGreaterThan(0);
  return acked;
}

/** The references in a file, after a full integrity check. */
function refsIn(target: string): string[] {
  const cf = openCaseFile({ path: target, passphrase: PASSPHRASE });
  try {
    expect(cf.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    return (cf.sqlite.prepare('SELECT reference FROM cases').pluck().all() as string[]).sort();
  } finally {
    cf.close();
  }
}

const tempsIn = (folder: string) => readdirSync(folder).filter((n) => /\.tmp(-wal|-shm|-journal)?$/.test(n));
const oneLine = (text: string) => expect(text.trim().split('\n')).toHaveLength(1);

async function backupOf(target: string, dest: string): Promise<string> {
  const cf = openCaseFile({ path: target, passphrase: PASSPHRASE });
  try {
    return (await backupCaseFile(cf, dest, PASSPHRASE)).path;
  } finally {
    cf.close();
  }
}

describe('a restore killed at each step leaves the old file whole or the new one whole', () => {
  const steps: [string, 'old' | 'new'][] = [
    ['restore-folded', 'old'],
    ['restore-locked', 'old'],
    ['restore-staged', 'old'],
    ['restore-verified', 'old'],
    ['restore-safety-copied', 'old'],
    ['restore-renamed', 'new'],
    ['restore-released', 'new'],
  ];
  it.each(steps)('killed at %s: the target holds the %s file', async (step, expected) => {
    const backup = await backupOf(file, path.join(dir, 'backup.foidesk'));
    const acked = writeWalOnly(file, 0, 5);
    const oldRefs = [...FIXTURE_REFS, ...acked].sort();

    const killed = cli(['restore', backup, file], { FOI_DESK_CRASH_AT: step });
    expect(killed.signal).toBe('SIGKILL');
    expect(refsIn(file)).toEqual(expected === 'old' ? oldRefs : FIXTURE_REFS);
    // From the safety copy on, the old file is also kept whole beside it.
    const safety = readdirSync(dir).filter((n) => n.includes('.before-restore-'));
    if (step === 'restore-safety-copied' || expected === 'new') {
      expect(safety).toHaveLength(1);
      expect(refsIn(path.join(dir, safety[0]!))).toEqual(oldRefs);
    }

    // The next run restores and removes what the killed one left behind.
    const again = cli(['restore', backup, file]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(refsIn(file)).toEqual(FIXTURE_REFS);
    expect(tempsIn(dir)).toEqual([]);
  });
});

describe('the lock an open case file holds', () => {
  it('refuses to restore over a file another process has open; every write it acknowledged lands', async () => {
    const backup = await backupOf(file, path.join(dir, 'backup.foidesk'));
    const child = spawn(process.execPath, [writer, file, '0'], {
      env: writerEnv,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('ACK ')) resolve();
      });
    });
    const refused = cli(['restore', backup, file]);
    child.kill('SIGKILL');
    await exited;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/open in another FOI Desk window or process/);
    oneLine(refused.stderr);
    const acked = out
      .split('\n')
      .filter((l) => l.startsWith('ACK '))
      .map((l) => l.slice(4));
    const present = new Set(refsIn(file));
    for (const ref of acked) expect(present.has(ref), `${ref} was acknowledged but lost`).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('before-restore'))).toEqual([]);
  });

  it('refuses a restore over the file this process has open, also through a symlinked folder', async () => {
    const backup = await backupOf(file, path.join(dir, 'backup.foidesk'));
    const link = path.join(dir, 'linked');
    symlinkSync(dir, link);
    const viaLink = path.join(link, 'register.foidesk');
    expect(sameFile(viaLink, file)).toBe(true);
    expect(sameFile(path.join(link, 'new.foidesk'), path.join(dir, 'new.foidesk'))).toBe(true);
    expect(sameFile(backup, file)).toBe(false);

    const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
    try {
      await expect(restoreCaseFile(backup, viaLink, PASSPHRASE)).rejects.toThrow(
        /open in another FOI Desk window or process/,
      );
      // Still locked: nothing in the attempt dropped this process's lock.
      const other = cli(['export', file]);
      expect(other.stderr).toMatch(/open in another FOI Desk window or process/);
    } finally {
      cf.close();
    }
    expect(tempsIn(dir)).toEqual([]);
  });

  it('a backup of the open file keeps the lock (copying it through another descriptor dropped it)', async () => {
    const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
    try {
      await backupCaseFile(cf, path.join(dir, 'b.foidesk'), PASSPHRASE);
      const other = cli(['export', file]);
      expect(other.code).toBe(1);
      expect(other.stderr).toMatch(/open in another FOI Desk window or process/);
    } finally {
      cf.close();
    }
  });
});

describe('automatic backups are this file’s own', () => {
  it('two officers’ files with the default name in one folder, keep = 3: pruning spares the other’s', async () => {
    const shared = path.join(dir, 'shared');
    mkdirSync(shared);
    const files = ['officer-a', 'officer-b'].map((who) => {
      mkdirSync(path.join(dir, who));
      const f = path.join(dir, who, 'FOI register.foidesk');
      createCaseFile({ path: f, passphrase: PASSPHRASE }).close();
      return f;
    });
    const [a, b] = files as [string, string];
    const cfA = openCaseFile({ path: a, passphrase: PASSPHRASE });
    const idA = caseFileId(cfA)!;
    try {
      for (let i = 0; i < 3; i++) await autoBackup(cfA, shared, 3, PASSPHRASE);
      await backupCaseFile(cfA, shared, PASSPHRASE);
    } finally {
      cfA.close();
    }
    const aBefore = readdirSync(shared)
      .filter((n) => n.endsWith('.foidesk'))
      .sort();
    expect(aBefore).toHaveLength(4);

    const cfB = openCaseFile({ path: b, passphrase: PASSPHRASE });
    const idB = caseFileId(cfB)!;
    try {
      // "After the second officer locks 4 times": each lock makes an automatic backup.
      for (let i = 0; i < 4; i++) await autoBackup(cfB, shared, 3, PASSPHRASE);
    } finally {
      cfB.close();
    }
    expect(idA).toMatch(/^[0-9a-f]{12}$/);
    expect(idB).not.toBe(idA);
    const after = readdirSync(shared)
      .filter((n) => n.endsWith('.foidesk'))
      .sort();
    for (const name of aBefore) expect(after).toContain(name);
    const bAuto = after.filter((n) => n.includes(' auto-backup ') && n.includes(idB));
    expect(bAuto).toHaveLength(3);
    expect(after.filter((n) => n.includes(idA))).toHaveLength(4);
    expect(after.filter((n) => n.includes(idA) && n.includes(' backup '))).toHaveLength(1);
    // The id is inside the encrypted backup too: the name is not the only witness.
    const kept = openCaseFile({ path: path.join(shared, bAuto[0]!), passphrase: PASSPHRASE });
    try {
      expect(caseFileId(kept)).toBe(idB);
    } finally {
      kept.close();
    }
  });

  it('a restored file keeps the id its backups are named by', async () => {
    const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
    const id = caseFileId(cf);
    cf.close();
    const backup = await backupOf(file, dir);
    expect(path.basename(backup)).toMatch(
      new RegExp(`^register backup \\d{4}-\\d{2}-\\d{2} \\d{6}\\.\\d{3} ${id}\\.foidesk$`),
    );
    const restored = path.join(dir, 'restored.foidesk');
    await restoreCaseFile(backup, restored, PASSPHRASE);
    const again = openCaseFile({ path: restored, passphrase: PASSPHRASE });
    try {
      expect(caseFileId(again)).toBe(id);
    } finally {
      again.close();
    }
  });
});

describe('temp files a killed backup leaves', () => {
  it('are removed on the next run; a live process’s are kept', () => {
    const folder = path.join(dir, 'backups');
    mkdirSync(folder);
    const killed = cli(['backup', file, folder], { FOI_DESK_CRASH_AT: 'backup-copied' });
    expect(killed.signal).toBe('SIGKILL');
    const left = tempsIn(folder);
    expect(left).toHaveLength(1);
    expect(statSync(path.join(folder, left[0]!)).size).toBe(statSync(file).size);
    // One a live process (this test runner) is writing: not the next run's to remove.
    const live = `.other.foidesk.backup-${process.pid}-${Date.now()}.tmp`;
    writeFileSync(path.join(folder, live), 'in progress');

    const next = cli(['backup', file, folder]);
    expect(next.code).toBe(0);
    expect(tempsIn(folder)).toEqual([live]);
    expect(readdirSync(folder).filter((n) => n.endsWith('.foidesk'))).toHaveLength(1);
  });
});

describe('inputs are regular files', () => {
  it('restoring from /dev/zero, a FIFO or a folder is refused at once with a line that names it', () => {
    const before = readFileSync(file);
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const cases: [string, RegExp][] = [
      ['/dev/zero', /The backup is a device, not a FOI Desk file/],
      [fifo, /The backup is a pipe \(FIFO\), not a FOI Desk file/],
      [dir, /The backup is a folder, not a FOI Desk file/],
    ];
    for (const [source, message] of cases) {
      const r = cli(['restore', source, file]);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      oneLine(r.stderr);
    }
    // Opening or verifying one is refused the same way.
    expect(cli(['verify', fifo]).stderr).toMatch(/is a pipe \(FIFO\)/);
    expect(cli(['export', '/dev/zero']).stderr).toMatch(/is a device/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(tempsIn(dir)).toEqual([]);
  });
});

describe('one clear line for each file that cannot be used', () => {
  const tmpfs = tmpfsMounter(() => dir);
  const canMount = tmpfs.canMount;
  const mountTmpfs = (options: string) => tmpfs.mount(options);
  afterEach(() => tmpfs.unmountAll());

  it.runIf(canMount)('a read-only file (a read-only mount)', () => {
    const point = mountTmpfs('size=4m');
    const target = path.join(point, 'register.foidesk');
    copyFileSync(file, target);
    execFileSync('mount', ['-o', 'remount,ro', point]);
    const r = cli(['export', target]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^foi-desk export: The case file is read-only/);
    oneLine(r.stderr);
  });

  it.runIf(!canMount)('a read-only file (no write permission)', () => {
    chmodSync(file, 0o444);
    const r = cli(['export', file]);
    expect(r.stderr).toMatch(/^foi-desk export: The case file is read-only/);
    oneLine(r.stderr);
  });

  it.runIf(canMount)('init on a full disk says so and leaves nothing behind', () => {
    // A fresh case file is about 124 KiB: a 64 KiB file system fills part-way.
    const full = mountTmpfs('size=64k');
    const r = cli(['init', path.join(full, 'register.foidesk')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^foi-desk init: The disk is full/);
    oneLine(r.stderr);
    expect(readdirSync(full)).toEqual([]);
  });

  it('a symlink loop, and a missing file', () => {
    const a = path.join(dir, 'a.foidesk');
    const b = path.join(dir, 'b.foidesk');
    symlinkSync(b, a);
    symlinkSync(a, b);
    const loop = cli(['export', a]);
    expect(loop.stderr).toMatch(/loops through symbolic links/);
    oneLine(loop.stderr);
    expect(cli(['export', path.join(dir, 'missing.foidesk')]).stderr).toMatch(/does not exist/);
  });

  it('a damaged header is "damaged", a wrong passphrase "Wrong passphrase"', () => {
    const damaged = path.join(dir, 'damaged.foidesk');
    const bytes = readFileSync(file);
    bytes.fill(0, 0, 64);
    writeFileSync(damaged, bytes);
    const r = cli(['export', damaged]);
    expect(r.stderr).toMatch(
      /^foi-desk export: The case file is damaged: its first page is not encrypted data/,
    );
    oneLine(r.stderr);

    const text = path.join(dir, 'overwritten.foidesk');
    const bytes2 = readFileSync(file);
    bytes2.write('Dear requester, please find attached '.repeat(20), 0);
    writeFileSync(text, bytes2);
    expect(cli(['export', text]).stderr).toMatch(/is damaged: its first page is not encrypted data/);

    const wrong = cli(['export', file], { FOI_DESK_PASSPHRASE: 'not the passphrase at all' });
    expect(wrong.stderr).toMatch(/^foi-desk export: Wrong passphrase/);
    // The known limit: a first page of random bytes looks like ciphertext under another passphrase.
    const random = path.join(dir, 'random.foidesk');
    const bytes3 = readFileSync(file);
    randomBytes(4096).copy(bytes3, 0);
    writeFileSync(random, bytes3);
    expect(cli(['export', random]).stderr).toMatch(/Wrong passphrase/);
    expect(existsSync(`${damaged}-wal`)).toBe(false);
  });
});
