/**
 * What a path is, before anything opens it: case files and backups are regular files. A folder, a
 * device (/dev/zero), a FIFO or a socket is refused at once with a line that names it, so nothing
 * ever blocks on a pipe or copies an endless device.
 */
import { closeSync, constants, fstatSync, openSync, statSync, type Stats } from 'node:fs';
import type Database from 'better-sqlite3';
import { getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { AppError } from '../shared/errors';
import * as schema from './schema';

/** Far above any real register (50,000 cases are a few hundred MB), low enough to stop a runaway. */
export const MAX_CASE_FILE_BYTES = 16 * 1024 ** 3;

/** "a folder", "a device" … for anything that is not a regular file; null for a regular file. */
export function describeKind(stat: Stats): string | null {
  if (stat.isFile()) return null;
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** One line for a path that could not be looked at: missing, a symlink loop, no permission. */
export function pathError(error: unknown, filePath: string, what: string): AppError {
  if (error instanceof AppError) return error;
  switch ((error as { code?: string }).code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError('file-missing', `${what} does not exist: ${filePath}`);
    case 'ELOOP':
      return new AppError(
        'io',
        `${what} cannot be reached: its path loops through symbolic links (${filePath}).`,
      );
    case 'EACCES':
    case 'EPERM':
      return new AppError('io', `${what} cannot be read: no permission (${filePath}).`);
    case 'ENAMETOOLONG':
      return new AppError('validation', `${what}: the path is too long.`);
    default:
      return new AppError('io', `${what} cannot be read (${filePath}).`);
  }
}

/** Stats a path that must be a regular file (symlinks followed), or says plainly what it is. */
export function statRegularFile(filePath: string, what: string): Stats {
  let stat: Stats;
  try {
    stat = statSync(filePath);
  } catch (error) {
    throw pathError(error, filePath, what);
  }
  const kind = describeKind(stat);
  if (kind) throw new AppError('not-a-case-file', `${what} is ${kind}, not a FOI Desk file: ${filePath}`);
  return stat;
}

/**
 * Opens a regular file for reading. O_NONBLOCK means a FIFO swapped in after the check cannot
 * block the open, and the descriptor itself is checked again; `maxBytes` bounds what is read.
 */
export function openRegularFile(
  filePath: string,
  what: string,
  maxBytes = MAX_CASE_FILE_BYTES,
): { fd: number; size: number } {
  statRegularFile(filePath, what);
  let fd: number;
  try {
    fd = openSync(filePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw pathError(error, filePath, what);
  }
  const stat = fstatSync(fd);
  const kind = describeKind(stat);
  if (kind || stat.size > maxBytes) {
    closeSync(fd);
    throw new AppError(
      kind ? 'not-a-case-file' : 'validation',
      kind
        ? `${what} is ${kind}, not a FOI Desk file: ${filePath}`
        : `${what} is too large (${stat.size} bytes; the limit is ${maxBytes}): ${filePath}`,
    );
  }
  return { fd, size: stat.size };
}

/** The code of an error or of the error it wraps (drizzle's migrator wraps SQLite's). */
export function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** The tables a case file of the current schema has (db/schema.ts), by name. */
export function expectedTables(): string[] {
  const names: string[] = [];
  for (const value of Object.values(schema) as unknown[]) {
    if (is(value, SQLiteTable)) names.push(getTableName(value));
  }
  return names.sort();
}

/** The expected tables an open file lacks (reads only its schema pages). */
export function missingTables(sqlite: Database.Database): string[] {
  const present = new Set(
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
  );
  return expectedTables().filter((name) => !present.has(name));
}

/**
 * The whole schema of an open file (every table, index, trigger and virtual table, with its SQL)
 * and its user_version: a copy of a file must match it exactly.
 */
export function schemaFingerprint(sqlite: Database.Database): string {
  const rows = sqlite
    .prepare("SELECT type, name, tbl_name, coalesce(sql, '') AS sql FROM sqlite_master ORDER BY type, name")
    .all();
  return JSON.stringify({ version: sqlite.pragma('user_version', { simple: true }), rows });
}
