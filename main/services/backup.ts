/**
 * Backup, verify and restore. A backup is the encrypted file itself, copied while we hold the
 * exclusive lock after folding the WAL in: consistent, still encrypted, never plaintext
 * (`db.backup()` refuses encrypted files and `serialize()` would hand out plaintext pages). Writes
 * wait in the app's write queue while the copy runs, and the connection's exclusive lock keeps
 * every other process out, so the bytes copied are one committed state of the file (no VACUUM INTO
 * needed, which would decrypt and re-encrypt every page).
 *
 * What proves a backup, at the cost of a copy: the bytes are hashed (SHA-256) as they are read
 * from the case file, the copy is flushed to disk and read back once, hashed again, and the two
 * hashes must agree; then the copy is opened with the key (the passphrase, the header's page count
 * against the file's length, the application id) and its schema and user_version must equal the
 * case file's, and its case count too. The full structural check (`integrity_check`) is not run on
 * every backup: every page of the open file is authenticated by the background check after unlock
 * and daily (main/services/integrity.ts), and `foi-desk verify` runs integrity_check on demand.
 *
 * Beside each backup a sidecar, `<backup>.sha256` (sha256sum form, no case data), records the
 * SHA-256 of the bytes so verified. A backup to restore from is of unknown history (months on a USB
 * stick), so before it is trusted its bytes are hashed as they are staged beside the target and must
 * equal the sidecar's (the staged copy is read back and hashed too), then the copy is opened with
 * the key, migrated and its tables checked; `backup:inspect` (what the restore screen shows first)
 * checks the hash the same way. Without a sidecar, or when the file no longer matches it (a backup
 * opened and changed since), every page's SQLCipher authentication code is checked instead (what
 * disk damage or a bad copy breaks: the code covers the page and its number), a pass of
 * HMAC-SHA512 over the file, CPU-bound and several times slower than the hash.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  openSync,
  read,
  readdirSync,
  realpathSync,
  renameSync,
  readFileSync,
  rmSync,
  statSync,
  statfsSync,
  write,
  writeFileSync,
} from 'node:fs';
import { open as openAsync } from 'node:fs/promises';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { BackupCheck, BackupProgress } from '../../shared/contract';
import {
  caseFileId,
  isHeldInThisProcess,
  lockForReplace,
  openCaseFile,
  openCaseFileAsync,
  quickCheck,
  knownSchemaVersion,
  type CaseFile,
  type Passphrase,
  type ReplaceLock,
} from '../../db/case-file';
import { deriveFileKey, readSaltFrom, SALT_BYTES } from '../../db/cipher-key';
import { missingTables, openRegularFile, schemaFingerprint, statRegularFile } from '../../db/file-checks';
import { countCases } from '../../db/queries/cases';
import { setSetting, getSettingValue } from '../../db/queries/settings';
import { toErrorInfo } from './errors';
import { sameFile } from './files';
import { checkPages, heldReader } from './integrity';

export type Progress = NonNullable<BackupProgress>;
export type ProgressListener = (progress: Progress) => void;

/** What a check of a case file or backup found (the contract's BackupCheck, shown before a restore). */
export type VerifyReport = BackupCheck;

export interface BackupReport extends VerifyReport {
  at: string;
  /** SHA-256 of the backup's bytes (equal to the case file's as copied). */
  sha256: string;
}

/** Test hooks: `beforeVerify` may change the copy between its write and its check (a flipped byte). */
export interface BackupHooks {
  beforeVerify?: (copyPath: string) => void;
}

export interface LastBackup {
  at: string;
  path: string;
  cases: number;
}

const COPY_CHUNK = 4 * 1024 * 1024;
const readAsync = promisify(read);
const writeAsync = promisify(write);

/**
 * The crash tests' hook: with FOI_DESK_CRASH_AT=<step> the process kills itself at that step, as a
 * power cut would (SIGKILL: no exit handlers, no closing of files).
 */
function crashPoint(step: string): void {
  if (process.env.FOI_DESK_CRASH_AT === step) process.kill(process.pid, 'SIGKILL');
}

export type BackupKind = 'backup' | 'auto-backup';

/**
 * `FOI register.foidesk` → `FOI register backup 2026-11-21 213045.120 3f9a0c1b2d4e.foidesk` (UTC,
 * sorts by time): the last part is the id stored inside the case file, so a backup is known as this
 * file's backup whatever the file is called, and automatic backups say so in their name.
 */
export function backupFileName(
  source: string,
  id: string | null,
  kind: BackupKind = 'backup',
  now = new Date(),
): string {
  const ext = path.extname(source) || '.foidesk';
  const base = path.basename(source, ext);
  const stamp = now.toISOString().slice(0, 23).replace('T', ' ').replaceAll(':', '');
  return `${base} ${kind} ${stamp}${id ? ` ${id}` : ''}${ext}`;
}

/** This machine, in temp names: another machine's temp files in a shared folder are not ours to judge by pid. */
const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
const PROCESS_START = Date.now() - process.uptime() * 1000;
const TEMP_NAME =
  /^\..+\.(?:backup|restore|safety)-(?:([0-9a-f]{8})-)?(\d+)-(\d+)\.tmp(?:-wal|-shm|-journal)?$/;
const FOREIGN_TEMP_AGE_MS = 24 * 60 * 60 * 1000;

function tempBeside(target: string, label: 'backup' | 'restore' | 'safety'): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${label}-${HOST_TAG}-${process.pid}-${Date.now()}.tmp`,
  );
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes the hidden temp copies a killed backup or restore left in `folder`: those whose process is
 * gone, or that an earlier process with this one's pid made. A live process's temp file is kept;
 * another machine's (a shared folder) only once it is a day old.
 */
export function removeStaleTemps(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match) continue;
    const [, host, pidText, atText] = match;
    const pid = Number(pidText);
    const at = Number(atText);
    let stale: boolean;
    if (host && host !== HOST_TAG) stale = Date.now() - at > FOREIGN_TEMP_AGE_MS;
    else if (pid === process.pid) stale = at < PROCESS_START;
    else stale = !processAlive(pid);
    if (!stale) continue;
    const full = path.join(folder, name);
    try {
      if (!lstatSync(full).isFile()) continue;
      rmSync(full, { force: true });
      removed.push(full);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}

function removeQuietly(...paths: string[]): void {
  for (const p of paths) for (const suffix of ['', '-wal', '-shm']) rmSync(p + suffix, { force: true });
}

function ioError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  const info = toErrorInfo(error);
  return new AppError(info.code === 'internal' ? 'io' : info.code, `${what}: ${info.message}`);
}

interface Copied {
  bytes: number;
  /** SHA-256 of the bytes as read ('' when not asked for). */
  sha256: string;
}

/**
 * Copies exactly `total` bytes from a descriptor into a new file (never more, whatever the source
 * does meanwhile), hashing them as they are read (unless `hash` is false), reporting progress,
 * and flushes it to disk once before returning. Two buffers: while one chunk is written (in the
 * thread pool) and hashed, the next is read.
 */
async function copyFromDescriptor(
  fd: number,
  total: number,
  to: string,
  onProgress?: ProgressListener,
  hash = true,
): Promise<Copied> {
  const dest = openSync(to, 'wx', 0o600);
  try {
    const size = Math.min(COPY_CHUNK, Math.max(total, 1));
    const buffers = [Buffer.alloc(size), Buffer.alloc(size)];
    const hasher = hash ? createHash('sha256') : null;
    const readChunk = (buffer: Buffer, at: number) => {
      if (at >= total) return null;
      const reading = readAsync(fd, buffer, 0, Math.min(size, total - at), at);
      // Awaited on the next turn; a failure meanwhile is not an unhandled rejection.
      reading.catch(() => undefined);
      return reading;
    };
    let done = 0;
    let index = 0;
    let pending = readChunk(buffers[0]!, 0);
    while (pending) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) throw new AppError('io', 'The file became shorter while it was copied.');
      const buffer = buffers[index]!;
      const at = done;
      index = 1 - index;
      pending = readChunk(buffers[index]!, at + bytesRead);
      const writing = (async () => {
        let written = 0;
        while (written < bytesRead) {
          written += (await writeAsync(dest, buffer, written, bytesRead - written, at + written))
            .bytesWritten;
        }
      })();
      hasher?.update(buffer.subarray(0, bytesRead));
      await writing;
      done += bytesRead;
      onProgress?.({ phase: 'copying', bytesDone: done, bytesTotal: total });
    }
    fsyncSync(dest);
    return { bytes: done, sha256: hasher?.digest('hex') ?? '' };
  } finally {
    closeSync(dest);
  }
}

/**
 * The length and SHA-256 of a file's bytes, read once (the next chunk is read while one is hashed).
 * A file SQLite has open in this process is read through its held descriptor (`fd`, left open):
 * closing another descriptor would drop SQLite's lock.
 */
async function hashWrittenFile(filePath: string, fd?: number): Promise<{ bytes: number; sha256: string }> {
  const handle = fd === undefined ? await openAsync(filePath, 'r') : heldReader(fd);
  try {
    const hash = createHash('sha256');
    const buffers = [Buffer.alloc(COPY_CHUNK), Buffer.alloc(COPY_CHUNK)];
    let done = 0;
    let index = 0;
    let pending = handle.read(buffers[0]!, 0, COPY_CHUNK, 0);
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      const current = buffers[index]!;
      done += bytesRead;
      index = 1 - index;
      pending = handle.read(buffers[index]!, 0, COPY_CHUNK, done);
      hash.update(current.subarray(0, bytesRead));
    }
    await pending;
    return { bytes: done, sha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}

/** The copy on disk must be the bytes that were read: same length, same hash. */
async function requireSameBytes(copyPath: string, copied: Copied, what: string): Promise<void> {
  const written = await hashWrittenFile(copyPath);
  if (written.bytes !== copied.bytes || written.sha256 !== copied.sha256) {
    throw new AppError(
      'damaged',
      `${what}: the copy on disk differs from the bytes read (${written.bytes === copied.bytes ? 'its SHA-256 differs' : `${written.bytes} bytes instead of ${copied.bytes}`}), so it was removed.`,
    );
  }
}

/**
 * The sidecar written beside each backup: `<backup>.sha256`, one line in `sha256sum` form (the
 * SHA-256 of the backup's bytes, two spaces, its name), so `sha256sum -c` checks it too. It holds no
 * case data. A restore whose bytes match it is spared the pass of HMAC-SHA512 over every page.
 */
export function sidecarPath(backupPath: string): string {
  return `${backupPath}.sha256`;
}

/** The SHA-256 the sidecar beside `backupPath` records, or null (none, unreadable, malformed). */
export function readSidecar(backupPath: string): string | null {
  try {
    const text = readFileSync(sidecarPath(backupPath), 'utf8');
    const match = /^([0-9a-f]{64}) [ *](.+)\n?$/.exec(text);
    return match && match[2] === path.basename(backupPath) ? match[1]! : null;
  } catch {
    return null;
  }
}

/** Writes the sidecar for `backupPath` under a temp name, flushed, then renamed into place. */
function writeSidecar(backupPath: string, sha256: string): void {
  const target = sidecarPath(backupPath);
  const temp = tempBeside(target, 'backup');
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeFileSync(fd, `${sha256}  ${path.basename(backupPath)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Whether the file's bytes are those its sidecar recorded when the backup was made (and verified
 * then): null when there is no sidecar, so the caller checks every page instead.
 */
async function matchesSidecar(filePath: string, sidecarOf: string, fd?: number): Promise<boolean | null> {
  const recorded = readSidecar(sidecarOf);
  if (!recorded) return null;
  return (await hashWrittenFile(filePath, fd)).sha256 === recorded;
}

function pagesMessage(damaged: number[]): string {
  const n = damaged.length;
  return `${n.toLocaleString('en-GB')} page${n === 1 ? '' : 's'} failed ${n === 1 ? 'its' : 'their'} authentication check (page ${damaged.slice(0, 5).join(', ')}${n > 5 ? ' …' : ''})`;
}

/** Refuses before copying when the folder plainly has no room for `bytes` more. */
function requireFreeSpace(folder: string, bytes: number): void {
  let free: number;
  try {
    const fs = statfsSync(folder);
    free = fs.bavail * fs.bsize;
  } catch {
    return;
  }
  if (free < bytes) {
    throw new AppError(
      'io',
      `The disk is full: ${bytes} bytes are needed and only ${free} are free there. Nothing was written.`,
    );
  }
}

/**
 * Opens a file as `foi-desk verify` checks it: the passphrase, a full integrity check, the schema
 * version, the number of cases and the last change. Never migrates or repairs it.
 */
export function verifyCaseFile(filePath: string, passphrase: Passphrase): VerifyReport {
  const file = openCaseFile({ path: filePath, passphrase, skipQuickCheck: true, migrate: false });
  try {
    return inspectOpenFile(file);
  } finally {
    file.close();
  }
}

/** The last change recorded: the newest audit entry (by its key, not a pass over the log). */
function lastChangeOf(file: CaseFile): string | null {
  return (
    (file.sqlite.prepare('SELECT at FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as
      string | undefined) ?? null
  );
}

function inspectOpenFile(file: CaseFile): VerifyReport {
  // integrity_check lists at most 100 problems; the first few say enough.
  const problems = quickCheck(file.sqlite, true).slice(0, 20);
  return reportOf(file, problems);
}

function reportOf(file: CaseFile, problems: string[]): VerifyReport {
  const ok = problems.length === 0;
  return {
    path: file.path,
    ok,
    problems,
    cases: ok ? countCases(file.db) : 0,
    schemaVersion: file.openedAtVersion,
    currentSchemaVersion: knownSchemaVersion(),
    lastChange: ok ? lastChangeOf(file) : null,
    bytes: statSync(file.path).size,
  };
}

/**
 * Checks a backup as the restore screen shows it before anything is replaced: every page's
 * authentication code with the passphrase (what disk damage breaks), then the file opened with the
 * key (header, application id, schema version, the tables, the cases). Never changes it.
 */
export async function inspectBackupFile(filePath: string, passphrase: Passphrase): Promise<VerifyReport> {
  // Opened with its key derived once, in the thread pool; the page check reads with the same key.
  const file = await openCaseFileAsync({ path: filePath, passphrase, skipQuickCheck: true, migrate: false });
  try {
    // The bytes its sidecar recorded when it was made and verified, or else every page checked.
    const sameBytes = await matchesSidecar(file.path, file.path, file.fd);
    const cipherKey = file.cipherKey;
    const { damaged } = sameBytes
      ? { damaged: [] }
      : cipherKey
        ? await checkPages(file.path, { key: cipherKey }, { fd: file.fd })
        : await withKeyBuffer(passphrase, (key) =>
            checkPages(file.path, { passphrase: key }, { fd: file.fd }),
          );
    const problems = damaged.length > 0 ? [pagesMessage(damaged)] : [];
    if (file.openedAtVersion === knownSchemaVersion()) {
      const missing = missingTables(file.sqlite);
      if (missing.length) problems.push(`tables missing: ${missing.join(', ')}`);
    }
    return reportOf(file, problems);
  } finally {
    file.close();
  }
}

/**
 * Starts deriving the file's SQLCipher key from the passphrase and the salt at the start of the
 * file behind `fd`, in the thread pool, so it runs while the bytes are copied (opening the copy
 * with the passphrase would run the 256,000 rounds afterwards, on the main thread). The key is
 * the caller's to zero; `discardKey` does so for one never used.
 */
function deriveKeyOf(fd: number, passphrase: Passphrase): Promise<Buffer> {
  // A file too short to hold a salt opens with no key; the open afterwards says so.
  const salt = readSaltFrom(fd) ?? Buffer.alloc(SALT_BYTES);
  const derived = deriveFileKey(passphrase, salt);
  derived.catch(() => undefined);
  return derived;
}

function discardKey(derived: Promise<Buffer> | null): void {
  derived?.then(
    (key) => key.fill(0),
    () => undefined,
  );
}

/** The passphrase as the bytes SQLite was given (a copy, zeroed after `use`). */
async function withKeyBuffer<T>(passphrase: Passphrase, use: (key: Buffer) => Promise<T>): Promise<T> {
  const key = typeof passphrase === 'string' ? Buffer.from(passphrase, 'utf8') : Buffer.from(passphrase);
  try {
    return await use(key);
  } finally {
    key.fill(0);
  }
}

/**
 * Checks a backup's copy against the open case file it was copied from: it opens with the key (the
 * header's page count is checked against the file's length as it opens), its schema and
 * user_version are the case file's exactly, and it holds as many cases.
 */
function checkCopyAgainst(
  copyPath: string,
  passphrase: Passphrase,
  source: CaseFile,
  rawKey?: Uint8Array,
): VerifyReport {
  const copy = openCaseFile({
    path: copyPath,
    passphrase,
    skipQuickCheck: true,
    migrate: false,
    ...(rawKey ? { rawKey } : {}),
  });
  try {
    const problems: string[] = [];
    if (schemaFingerprint(copy.sqlite) !== schemaFingerprint(source.sqlite))
      problems.push("its schema differs from the case file's");
    const report = reportOf(copy, problems);
    const expected = countCases(source.db);
    if (report.ok && report.cases !== expected)
      return { ...report, ok: false, problems: [`${report.cases} cases instead of ${expected}`] };
    return report;
  } finally {
    copy.close();
  }
}

/**
 * Writes a verified backup of an open case file. `dest` is a file path or an existing folder (the
 * file is then named by date and the file's id). Until it is verified the copy has a temporary
 * name, so a full disk or a killed process never leaves something that looks like a backup.
 */
export async function backupCaseFile(
  file: CaseFile,
  dest: string,
  passphrase: Passphrase,
  onProgress?: ProgressListener,
  kind: BackupKind = 'backup',
  hooks: BackupHooks = {},
): Promise<BackupReport> {
  let target = path.resolve(dest);
  if (existsSync(target) && statSync(target).isDirectory())
    target = path.join(target, backupFileName(file.path, caseFileId(file), kind));
  if (sameFile(target, file.path))
    throw new AppError('validation', 'A backup cannot be written over the case file itself.');
  if (existsSync(target))
    throw new AppError('file-exists', `A file already exists there: ${target}. Nothing was overwritten.`);
  if (!existsSync(path.dirname(target)))
    throw new AppError('file-missing', `The folder does not exist: ${path.dirname(target)}`);
  removeStaleTemps(path.dirname(target));

  const temp = tempBeside(target, 'backup');
  let copied: Copied;
  let derived: Promise<Buffer> | null = null;
  try {
    // Fold the WAL into the main file; we hold the exclusive lock, so nothing writes while we copy.
    file.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const size = statSync(file.path).size;
    requireFreeSpace(path.dirname(target), size);
    // The key the file was opened with, when it was (the copy has its salt); else derived now.
    derived = file.cipherKey
      ? Promise.resolve(Buffer.from(file.cipherKey))
      : deriveKeyOf(file.fd, passphrase);
    // Through the descriptor kept with the lock: opening and closing another would drop the lock.
    copied = await copyFromDescriptor(file.fd, size, temp, onProgress);
    crashPoint('backup-copied');
  } catch (error) {
    discardKey(derived);
    removeQuietly(temp);
    throw ioError(error, 'The backup could not be written');
  }
  let report: VerifyReport;
  try {
    onProgress?.({ phase: 'verifying', bytesDone: 0, bytesTotal: 1 });
    hooks.beforeVerify?.(temp);
    await requireSameBytes(temp, copied, 'The backup failed its check');
    // The copy's bytes are the case file's (its salt too), so the key derived from the case file's
    // salt while copying is the copy's: it opens without deriving it again.
    const rawKey = await derived;
    try {
      report = checkCopyAgainst(temp, passphrase, file, rawKey);
    } finally {
      rawKey.fill(0);
    }
  } catch (error) {
    discardKey(derived);
    removeQuietly(temp);
    if (error instanceof AppError && error.code === 'damaged') throw error;
    throw ioError(error, 'The backup could not be verified, so it was removed');
  }
  if (!report.ok) {
    removeQuietly(temp);
    throw new AppError(
      'damaged',
      `The backup failed its check (${report.problems.join('; ')}), so it was removed.`,
    );
  }
  try {
    renameSync(temp, target);
  } catch (error) {
    removeQuietly(temp);
    throw ioError(error, 'The backup could not be saved');
  }
  try {
    writeSidecar(target, copied.sha256);
  } catch {
    // Only a restore's shortcut: without it the restore checks every page. No stale one stays.
    rmSync(sidecarPath(target), { force: true });
  }
  // One flush of the folder makes both renames durable.
  syncFolder(path.dirname(target));
  const at = new Date().toISOString();
  setSetting(file.db, LAST_BACKUP_KEY, { at, path: target, cases: report.cases } satisfies LastBackup);
  onProgress?.({ phase: 'done', bytesDone: report.bytes, bytesTotal: report.bytes });
  return { ...report, path: target, at, sha256: copied.sha256 };
}

export const LAST_BACKUP_KEY = 'backup.lastGood';

export function getLastBackup(file: CaseFile): LastBackup | null {
  return getSettingValue<LastBackup>(file.db, LAST_BACKUP_KEY) ?? null;
}

function syncFolder(folder: string): void {
  // Makes the rename itself durable; some platforms cannot open a folder, which is harmless.
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot fsync a directory.
  }
}

export interface RestoreReport {
  restoredFrom: string;
  target: string;
  /** The file that was there before, kept as a safety copy (null when there was none). */
  safetyCopy: string | null;
  check: VerifyReport;
  /**
   * How the staged copy's bytes were proved: equal to the SHA-256 its sidecar recorded when the
   * backup was made, or (no sidecar, or a file changed since) every page's authentication code.
   */
  bytesCheckedBy: 'sha256' | 'pages';
}

/** Checks a backup without touching anything (see inspectBackupFile). */
export function inspectBackup(backupPath: string, passphrase: Passphrase): Promise<VerifyReport> {
  const source = path.resolve(backupPath);
  statRegularFile(source, 'The backup');
  return inspectBackupFile(source, passphrase);
}

/** The real path of a file that may not exist yet: its folder resolved, symlinks and all. */
function realTarget(targetPath: string): string {
  const target = path.resolve(targetPath);
  try {
    return realpathSync(target);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(target)), path.basename(target));
    } catch {
      throw new AppError('file-missing', `The folder does not exist: ${path.dirname(target)}`);
    }
  }
}

/**
 * Restores a backup over `targetPath`, holding the target's exclusive lock throughout, so a file
 * open in any FOI Desk window or process is refused and nothing can open it half-way:
 *
 * 1. lock the target (folding any WAL it has into it, so the old file is whole on its own);
 * 2. copy the backup beside it under a temp name; open the copy with the passphrase (this locks
 *    it too); read it back once checking every page's authentication code; migrate an older
 *    schema and check its tables;
 * 3. copy the old file to a safety name (temp name, flushed, then renamed);
 * 4. rename the checked copy over the target in one step, and only then let go of both locks.
 *
 * Killed at any instant, the target is the old file whole or the new one whole; the temp files
 * left are removed by the next backup or restore in that folder.
 */
export async function restoreCaseFile(
  backupPath: string,
  targetPath: string,
  passphrase: Passphrase,
  onProgress?: ProgressListener,
): Promise<RestoreReport> {
  const source = path.resolve(backupPath);
  const target = realTarget(targetPath);
  const folder = path.dirname(target);
  if (sameFile(source, target))
    throw new AppError('validation', 'The backup and the case file are the same file.');
  // A backup this process has open would lose its lock when we read it through another descriptor.
  if (isHeldInThisProcess(source))
    throw new AppError('file-locked', 'That backup is open in FOI Desk. Lock it first.');
  const targetExists = existsSync(target);
  if (targetExists) statRegularFile(target, 'The case file');
  removeStaleTemps(folder);

  let lock: ReplaceLock | null = null;
  let copy: CaseFile | null = null;
  let derived: Promise<Buffer> | null = null;
  let rawKey: Buffer | null = null;
  const staged = tempBeside(target, 'restore');
  let safetyTemp: string | null = null;
  let safetyCopying: Promise<Copied> | null = null;
  try {
    if (targetExists) {
      lock = lockForReplace(target, () => crashPoint('restore-folded'));
      crashPoint('restore-locked');
    }
    const recorded = readSidecar(source);
    const { fd, size } = openRegularFile(source, 'The backup');
    let copied: Copied;
    try {
      requireFreeSpace(folder, size + (targetExists ? statSync(target).size : 0));
      // The backup's key, derived from its salt while it is copied (see deriveKeyOf).
      derived = deriveKeyOf(fd, passphrase);
      copied = await copyFromDescriptor(fd, size, staged, onProgress, recorded !== null);
    } finally {
      closeSync(fd);
    }
    crashPoint('restore-staged');
    // The old file's safety copy is made while the staged copy is checked: each reads and writes
    // files of its own. It takes its name only once the backup has passed, so a refused backup
    // leaves none behind (the finally below removes its temp).
    if (lock) {
      safetyTemp = tempBeside(target, 'safety');
      safetyCopying = copyFromDescriptor(lock.fd, statSync(target).size, safetyTemp, undefined, false);
      safetyCopying.catch(() => undefined);
    }
    onProgress?.({ phase: 'verifying', bytesDone: 0, bytesTotal: 1 });
    // The backup's bytes as read equal those its sidecar recorded when it was made and verified,
    // and the staged copy read back (before SQLite opens it) equals them.
    const bytesCheckedBy = recorded !== null && copied.sha256 === recorded ? 'sha256' : 'pages';
    if (bytesCheckedBy === 'sha256') await requireSameBytes(staged, copied, 'The backup was not restored');
    // The passphrase is proved by opening (and the header's page count against the length).
    // The staged copy's salt is the backup's as read (its hash says so when there is a sidecar;
    // without one, a changed salt fails every page below and the open here).
    rawKey = await derived;
    copy = openCaseFile({ path: staged, passphrase, rawKey, skipQuickCheck: true });
    if (bytesCheckedBy === 'pages') {
      // No sidecar, or the file changed since: the staged copy read back once, every page must
      // authenticate with the key at its own place (the page number is in the code), which a
      // flipped, lost or misplaced page does not.
      const { damaged } = await checkPages(staged, { key: rawKey }, { fd: copy.fd });
      if (damaged.length > 0)
        throw new AppError(
          'damaged',
          `The backup is damaged (${pagesMessage(damaged)}). Nothing was restored.`,
        );
    }
    const missing = missingTables(copy.sqlite);
    const check = reportOf(copy, missing.length ? [`tables missing: ${missing.join(', ')}`] : []);
    if (!check.ok)
      throw new AppError(
        'damaged',
        `The backup is damaged (${check.problems.join('; ')}). Nothing was restored.`,
      );
    // The migration and the id wrote to the copy's WAL: fold it in before the copy takes the name.
    copy.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    crashPoint('restore-verified');

    let safetyCopy: string | null = null;
    if (lock && safetyTemp && safetyCopying) {
      safetyCopy = path.join(folder, `${path.basename(target)}.before-restore-${Date.now()}`);
      await safetyCopying;
      renameSync(safetyTemp, safetyCopy);
      safetyTemp = null;
      crashPoint('restore-safety-copied');
    } else if (existsSync(`${target}-wal`)) {
      // A WAL without its file belongs to nothing we can open; keep it aside, never apply it.
      renameSync(`${target}-wal`, `${target}.before-restore-${Date.now()}-wal`);
    }
    if (process.platform === 'win32') {
      // Windows cannot rename over a file SQLite has open (its handles do not share delete), so
      // both connections close first. The moment between is covered by Windows itself: a file
      // another process opens meanwhile cannot be replaced, and the rename fails, changing nothing.
      lock?.release();
      lock = null;
      copy.close();
    }
    renameSync(staged, target);
    syncFolder(folder);
    crashPoint('restore-renamed');
    // The old file's connection first: closing it removes the old, empty WAL beside the target,
    // before the new file (still locked by `copy`) can be opened by anyone.
    lock?.release();
    lock = null;
    crashPoint('restore-released');
    copy.close();
    copy = null;
    // SQLite leaves the renamed copy's (empty, folded) WAL under the temp name.
    if (existsSync(`${staged}-wal`) && statSync(`${staged}-wal`).size === 0) rmSync(`${staged}-wal`);
    onProgress?.({ phase: 'done', bytesDone: check.bytes, bytesTotal: check.bytes });
    return {
      restoredFrom: source,
      target,
      safetyCopy,
      check: { ...check, path: target },
      bytesCheckedBy,
    };
  } catch (error) {
    throw ioError(error, 'The backup was not restored');
  } finally {
    rawKey?.fill(0);
    if (!rawKey) discardKey(derived);
    // A safety copy not yet named: finished or failed first, so no write lands after its removal.
    if (safetyTemp) {
      await safetyCopying?.catch(() => undefined);
      removeQuietly(safetyTemp);
    }
    copy?.close();
    lock?.release();
    if (existsSync(staged)) removeQuietly(staged);
  }
}

/**
 * Automatic backup into a folder on close, keeping the newest `keep` automatic backups of this
 * file: those named with its id. Manual backups, other files' backups and anything else in the
 * folder are never touched.
 */
export async function autoBackup(
  file: CaseFile,
  folder: string,
  keep: number,
  passphrase: Passphrase,
): Promise<BackupReport> {
  const report = await backupCaseFile(file, folder, passphrase, undefined, 'auto-backup');
  const id = caseFileId(file);
  if (!id) return report;
  const ext = path.extname(file.path) || '.foidesk';
  const ours = new RegExp(
    `^.* auto-backup (\\d{4}-\\d{2}-\\d{2} \\d{6}(?:\\.\\d{3})?) ${id}${ext.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
  );
  const backups = readdirSync(folder)
    .map((name) => ({ name, stamp: ours.exec(name)?.[1] }))
    .filter((b): b is { name: string; stamp: string } => b.stamp !== undefined)
    .sort((x, y) => (x.stamp < y.stamp ? -1 : x.stamp > y.stamp ? 1 : 0));
  for (const old of backups.slice(0, Math.max(0, backups.length - keep))) {
    const full = path.join(folder, old.name);
    if (lstatSync(full).isFile()) rmSync(full, { force: true });
    rmSync(sidecarPath(full), { force: true });
  }
  return report;
}
