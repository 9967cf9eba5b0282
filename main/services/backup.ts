/**
 * Backup, verify and restore. A backup is the encrypted file itself, copied while we hold the
 * exclusive lock after folding the WAL in: consistent, still encrypted, never plaintext
 * (`db.backup()` refuses encrypted files and `serialize()` would hand out plaintext pages).
 */
import { open as openFile, stat } from 'node:fs/promises';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { BackupCheck, BackupProgress } from '../../shared/contract';
import { openCaseFile, quickCheck, knownSchemaVersion, type CaseFile } from '../../db/case-file';
import { countCases } from '../../db/queries/cases';
import { setSetting, getSettingValue } from '../../db/queries/settings';
import { toErrorInfo } from './errors';

export type Progress = NonNullable<BackupProgress>;
export type ProgressListener = (progress: Progress) => void;

/** What a check of a case file or backup found (the contract's BackupCheck, shown before a restore). */
export type VerifyReport = BackupCheck;

export interface BackupReport extends VerifyReport {
  at: string;
}

export interface LastBackup {
  at: string;
  path: string;
  cases: number;
}

const COPY_CHUNK = 4 * 1024 * 1024;

/** `FOI register.foidesk` → `FOI register backup 2026-11-21 213045.foidesk` (UTC, sorts by time). */
export function backupFileName(source: string, now = new Date()): string {
  const ext = path.extname(source) || '.foidesk';
  const base = path.basename(source, ext);
  const stamp = now.toISOString().slice(0, 19).replace('T', ' ').replaceAll(':', '');
  return `${base} backup ${stamp}${ext}`;
}

function tempBeside(target: string, label: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${label}-${process.pid}-${Date.now()}.tmp`,
  );
}

function removeQuietly(...paths: string[]): void {
  for (const p of paths) for (const suffix of ['', '-wal', '-shm']) rmSync(p + suffix, { force: true });
}

function ioError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  const info = toErrorInfo(error);
  return new AppError(info.code === 'internal' ? 'io' : info.code, `${what}: ${info.message}`);
}

/** Copies a file in chunks, reporting progress, and flushes it to disk before returning. */
async function copyWithProgress(from: string, to: string, onProgress?: ProgressListener): Promise<number> {
  const total = (await stat(from)).size;
  const source = await openFile(from, 'r');
  let dest;
  try {
    dest = await openFile(to, 'wx', 0o600);
    const buffer = Buffer.alloc(COPY_CHUNK);
    let done = 0;
    for (;;) {
      const { bytesRead } = await source.read(buffer, 0, COPY_CHUNK, done);
      if (bytesRead === 0) break;
      let written = 0;
      while (written < bytesRead) {
        written += (await dest.write(buffer, written, bytesRead - written, done + written)).bytesWritten;
      }
      done += bytesRead;
      onProgress?.({ phase: 'copying', bytesDone: done, bytesTotal: total });
    }
    await dest.sync();
    return done;
  } finally {
    await source.close();
    await dest?.close();
  }
}

/**
 * Opens a file as a backup is checked: the passphrase, a full integrity check, the schema version,
 * the number of cases and the last change. Never migrates or repairs it.
 */
export function verifyCaseFile(filePath: string, passphrase: string): VerifyReport {
  const file = openCaseFile({ path: filePath, passphrase, skipQuickCheck: true, migrate: false });
  try {
    return inspectOpenFile(file);
  } finally {
    file.close();
  }
}

function inspectOpenFile(file: CaseFile): VerifyReport {
  // integrity_check lists at most 100 problems; the first few say enough.
  const problems = quickCheck(file.sqlite, true).slice(0, 20);
  const ok = problems.length === 0;
  const lastChange = ok
    ? ((file.sqlite.prepare('SELECT max(at) FROM audit_log').pluck().get() as string | null) ?? null)
    : null;
  return {
    path: file.path,
    ok,
    problems,
    cases: ok ? countCases(file.db) : 0,
    schemaVersion: file.openedAtVersion,
    currentSchemaVersion: knownSchemaVersion(),
    lastChange,
    bytes: statSync(file.path).size,
  };
}

/**
 * Writes a verified backup of an open case file. `dest` is a file path or an existing folder (the
 * file is then named by date). Until it is verified the copy has a temporary name, so a full disk
 * or a killed process never leaves something that looks like a backup.
 */
export async function backupCaseFile(
  file: CaseFile,
  dest: string,
  passphrase: string,
  onProgress?: ProgressListener,
): Promise<BackupReport> {
  let target = path.resolve(dest);
  if (existsSync(target) && statSync(target).isDirectory())
    target = path.join(target, backupFileName(file.path));
  if (target === file.path)
    throw new AppError('validation', 'A backup cannot be written over the case file itself.');
  if (existsSync(target))
    throw new AppError('file-exists', `A file already exists there: ${target}. Nothing was overwritten.`);
  if (!existsSync(path.dirname(target)))
    throw new AppError('file-missing', `The folder does not exist: ${path.dirname(target)}`);

  const temp = tempBeside(target, 'backup');
  try {
    // Fold the WAL into the main file; we hold the exclusive lock, so nothing writes while we copy.
    file.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await copyWithProgress(file.path, temp, onProgress);
  } catch (error) {
    removeQuietly(temp);
    throw ioError(error, 'The backup could not be written');
  }
  let report: VerifyReport;
  try {
    onProgress?.({ phase: 'verifying', bytesDone: 0, bytesTotal: 1 });
    report = verifyCaseFile(temp, passphrase);
  } catch (error) {
    removeQuietly(temp);
    throw ioError(error, 'The backup could not be verified, so it was removed');
  }
  const expected = countCases(file.db);
  if (!report.ok || report.cases !== expected) {
    removeQuietly(temp);
    throw new AppError(
      'damaged',
      `The backup failed its check (${report.ok ? `${report.cases} cases instead of ${expected}` : 'integrity check failed'}), so it was removed.`,
    );
  }
  try {
    renameSync(temp, target);
    syncFolder(path.dirname(target));
  } catch (error) {
    removeQuietly(temp);
    throw ioError(error, 'The backup could not be saved');
  }
  const at = new Date().toISOString();
  setSetting(file.db, LAST_BACKUP_KEY, { at, path: target, cases: report.cases } satisfies LastBackup);
  onProgress?.({ phase: 'done', bytesDone: report.bytes, bytesTotal: report.bytes });
  return { ...report, path: target, at };
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
}

/**
 * Checks a backup without touching anything: copies it aside, opens the copy with the passphrase,
 * runs the full integrity check and reports what it holds.
 */
export function inspectBackup(backupPath: string, passphrase: string): VerifyReport {
  const source = path.resolve(backupPath);
  if (!existsSync(source)) throw new AppError('file-missing', `The backup does not exist: ${source}`);
  return verifyCaseFile(source, passphrase);
}

/**
 * Restores a backup over `targetPath`: the backup is copied beside the target, checked (passphrase,
 * integrity, schema; an older schema is migrated on the copy), the current file is kept as a safety
 * copy, and the checked copy is renamed into place in one step. Any failure leaves the current
 * file as it was. The target must not be open.
 */
export async function restoreCaseFile(
  backupPath: string,
  targetPath: string,
  passphrase: string,
  onProgress?: ProgressListener,
): Promise<RestoreReport> {
  const source = path.resolve(backupPath);
  const target = path.resolve(targetPath);
  if (source === target) throw new AppError('validation', 'The backup and the case file are the same file.');
  if (!existsSync(source)) throw new AppError('file-missing', `The backup does not exist: ${source}`);
  if (!existsSync(path.dirname(target)))
    throw new AppError('file-missing', `The folder does not exist: ${path.dirname(target)}`);

  const staged = tempBeside(target, 'restore');
  let check: VerifyReport;
  try {
    await copyWithProgress(source, staged, onProgress);
    onProgress?.({ phase: 'verifying', bytesDone: 0, bytesTotal: 1 });
    const copy = openCaseFile({ path: staged, passphrase, skipQuickCheck: true });
    try {
      check = inspectOpenFile(copy);
    } finally {
      copy.close();
    }
    if (!check.ok)
      throw new AppError('damaged', 'The backup is damaged (integrity check failed). Nothing was restored.');
  } catch (error) {
    removeQuietly(staged);
    throw ioError(error, 'The backup was not restored');
  }

  let safetyCopy: string | null = null;
  try {
    if (existsSync(target)) {
      safetyCopy = path.join(path.dirname(target), `${path.basename(target)}.before-restore-${Date.now()}`);
      copyFileSync(target, safetyCopy);
      // A WAL left by a crash belongs with the file it came from, not with the restored one.
      if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${safetyCopy}-wal`);
    }
    renameSync(staged, target);
    syncFolder(path.dirname(target));
  } catch (error) {
    removeQuietly(staged);
    throw ioError(error, 'The backup was not restored');
  }
  onProgress?.({ phase: 'done', bytesDone: check.bytes, bytesTotal: check.bytes });
  return { restoredFrom: source, target, safetyCopy, check: { ...check, path: target } };
}

/** Automatic backup into a folder on close, keeping the newest `keep` backups of this file. */
export async function autoBackup(
  file: CaseFile,
  folder: string,
  keep: number,
  passphrase: string,
): Promise<BackupReport> {
  const report = await backupCaseFile(file, folder, passphrase);
  const ext = path.extname(file.path) || '.foidesk';
  const prefix = `${path.basename(file.path, ext)} backup `;
  const ours = readdirSync(folder)
    .filter((name) => name.startsWith(prefix) && name.endsWith(ext))
    .sort();
  for (const old of ours.slice(0, Math.max(0, ours.length - keep)))
    rmSync(path.join(folder, old), { force: true });
  return report;
}
