/**
 * The encrypted case file: one SQLite file encrypted with the SQLCipher-compatible cipher of
 * better-sqlite3-multiple-ciphers. The passphrase is passed in, used as key material and never
 * logged, put in SQL text or an error message.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, openSync, readSync, closeSync, statSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { AppError } from '../shared/errors';
import { MIN_PASSPHRASE_LENGTH } from '../shared/passphrase';
import * as schema from './schema';

export type CaseDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface CaseFile {
  readonly path: string;
  readonly db: CaseDb;
  readonly sqlite: Database.Database;
  /** The schema version the file was at before it was opened (for restore reports). */
  readonly openedAtVersion: number;
  close(): void;
}

export interface OpenOptions {
  path: string;
  passphrase: string;
  /** Skip the integrity check on open (only for tools that run their own, fuller check). */
  skipQuickCheck?: boolean;
  /** Leave an older schema as it is (verifying a backup must not change it). Default: migrate. */
  migrate?: boolean;
}

/** "FOID" — marks a decrypted database as ours, so another app's encrypted SQLite is told apart. */
export const APPLICATION_ID = 0x464f4944;
const PAGE_SIZE = 4096;
const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The migrations folder: db/migrations in the source tree, dist/migrations beside the bundles. */
export function migrationsFolder(): string {
  const override = process.env.FOI_DESK_MIGRATIONS;
  if (override) return override;
  return fileURLToPath(new URL('./migrations', import.meta.url));
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

const knownVersions = new Map<string, number>();
/** How many migrations this build knows: a file at a higher user_version was written by a newer FOI Desk. */
export function knownSchemaVersion(): number {
  const folder = migrationsFolder();
  let version = knownVersions.get(folder);
  if (version === undefined) {
    const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
    version = journal.entries.length;
    knownVersions.set(folder, version);
  }
  return version;
}

function applyKey(sqlite: Database.Database, passphrase: string): void {
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
  sqlite.key(Buffer.from(passphrase, 'utf8'));
}

function applyConnectionSettings(sqlite: Database.Database): void {
  // Exclusive locking: a second process (or window) gets "locked" instead of a second writer, and
  // WAL keeps its index in memory, so no -shm file is written beside the case file.
  sqlite.pragma('locking_mode = EXCLUSIVE');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('temp_store = MEMORY');
}

/** Cheap structural checks that need no key: refuse what cannot be an encrypted case file. */
function checkLooksLikeCaseFile(filePath: string): void {
  let size: number;
  try {
    const stat = statSync(filePath);
    if (!stat.isFile()) throw new AppError('not-a-case-file', 'That is a folder, not a FOI Desk case file.');
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('file-missing', `The case file does not exist: ${filePath}`);
  }
  if (size === 0 || size % PAGE_SIZE !== 0) {
    throw new AppError('not-a-case-file', 'This is not a FOI Desk case file or it is damaged.');
  }
  const head = Buffer.alloc(16);
  const fd = openSync(filePath, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.equals(SQLITE_PLAIN_HEADER)) {
    throw new AppError(
      'not-a-case-file',
      'This is not a FOI Desk case file: it is an unencrypted SQLite database.',
    );
  }
}

function translateOpenError(error: unknown): never {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_NOTADB') {
    throw new AppError(
      'wrong-passphrase',
      'Wrong passphrase: the case file could not be unlocked. (If you are sure it is right, the file is not a FOI Desk case file or is damaged.)',
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    throw new AppError(
      'file-locked',
      'The case file is open in another FOI Desk window or process. Close it there first.',
    );
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_IOERR_SHORT_READ') {
    throw new AppError('damaged', 'The case file is damaged. Restore it from a backup.');
  }
  if (code === 'SQLITE_CANTOPEN') {
    throw new AppError('file-missing', 'The case file could not be opened (missing, or no permission).');
  }
  throw error;
}

/** Runs the quick integrity check; a damaged file is refused, never repaired in place. */
export function quickCheck(sqlite: Database.Database, full = false): string[] {
  const rows = sqlite.pragma(full ? 'integrity_check' : 'quick_check') as Record<string, string>[];
  const messages = rows.map((r) => Object.values(r)[0] ?? '');
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}

function refuseNewer(version: number): void {
  const known = knownSchemaVersion();
  if (version > known) {
    throw new AppError(
      'newer-schema',
      `This case file was written by a newer version of FOI Desk (schema ${version}; this version knows ${known}). Update FOI Desk to open it.`,
    );
  }
}

function migrateToCurrent(sqlite: Database.Database, db: CaseDb): void {
  const version = Number(sqlite.pragma('user_version', { simple: true }));
  const known = knownSchemaVersion();
  refuseNewer(version);
  if (version < known) {
    migrate(db, { migrationsFolder: migrationsFolder() });
    sqlite.pragma(`user_version = ${known}`);
  }
}

/** Opens an existing case file with its passphrase, checks it and brings its schema up to date. */
export function openCaseFile(options: OpenOptions): CaseFile {
  const filePath = path.resolve(options.path);
  checkLooksLikeCaseFile(filePath);
  let sqlite: Database.Database;
  try {
    // A short timeout: a file held by another process is reported at once, not after seconds.
    sqlite = new Database(filePath, { fileMustExist: true, timeout: 200 });
  } catch (error) {
    translateOpenError(error);
  }
  try {
    applyKey(sqlite, options.passphrase);
    sqlite.pragma('locking_mode = EXCLUSIVE');
    // The first read proves the key (and takes the lock) before anything is written.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    sqlite.exec('BEGIN EXCLUSIVE; COMMIT');
    if (!options.skipQuickCheck) {
      const problems = quickCheck(sqlite);
      if (problems.length > 0) {
        throw new AppError(
          'damaged',
          'The case file is damaged (integrity check failed). Restore it from a backup.',
        );
      }
    }
    const appId = Number(sqlite.pragma('application_id', { simple: true }));
    if (appId !== APPLICATION_ID) {
      throw new AppError(
        'not-a-case-file',
        'This is not a FOI Desk case file (it is another encrypted database).',
      );
    }
    const openedAtVersion = Number(sqlite.pragma('user_version', { simple: true }));
    applyConnectionSettings(sqlite);
    const db = drizzle({ client: sqlite, schema });
    if (options.migrate === false) refuseNewer(openedAtVersion);
    else migrateToCurrent(sqlite, db);
    return makeCaseFile(filePath, sqlite, db, openedAtVersion);
  } catch (error) {
    sqlite.close();
    if (error instanceof AppError) throw error;
    translateOpenError(error);
  }
}

function requireLongEnough(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError('validation', `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
}

/** Creates a new, empty encrypted case file. Refuses to overwrite anything. */
export function createCaseFile(options: OpenOptions): CaseFile {
  const filePath = path.resolve(options.path);
  requireLongEnough(options.passphrase);
  for (const p of [filePath, `${filePath}-wal`, `${filePath}-journal`]) {
    if (existsSync(p))
      throw new AppError('file-exists', `A file already exists there: ${p}. Nothing was overwritten.`);
  }
  if (!existsSync(path.dirname(filePath))) {
    throw new AppError('file-missing', `The folder does not exist: ${path.dirname(filePath)}`);
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(filePath);
  } catch (error) {
    translateOpenError(error);
  }
  applyKey(sqlite, options.passphrase);
  applyConnectionSettings(sqlite);
  sqlite.pragma(`application_id = ${APPLICATION_ID}`);
  const db = drizzle({ client: sqlite, schema });
  migrateToCurrent(sqlite, db);
  return makeCaseFile(filePath, sqlite, db, 0);
}

function makeCaseFile(
  filePath: string,
  sqlite: Database.Database,
  db: CaseDb,
  openedAtVersion: number,
): CaseFile {
  return {
    path: filePath,
    db,
    sqlite,
    openedAtVersion,
    close() {
      if (!sqlite.open) return;
      // Fold the WAL back into the main file so a copy of the case file alone is complete.
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.close();
    },
  };
}

/** Changes the passphrase; afterwards the old one no longer opens the file. */
export function changePassphrase(file: CaseFile, newPassphrase: string): void {
  requireLongEnough(newPassphrase);
  file.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  file.sqlite.rekey(Buffer.from(newPassphrase, 'utf8'));
}

/** Runs work with a case file open, closing it whatever happens. */
export function withCaseFile<T>(options: OpenOptions, work: (file: CaseFile) => T): T {
  const file = openCaseFile(options);
  try {
    return work(file);
  } finally {
    file.close();
  }
}

export async function withCaseFileAsync<T>(
  options: OpenOptions,
  work: (file: CaseFile) => Promise<T>,
): Promise<T> {
  const file = openCaseFile(options);
  try {
    return await work(file);
  } finally {
    file.close();
  }
}

/**
 * Runs `work` in one SQLite transaction on the file's connection (drizzle queries included): all of
 * it lands, or none of it does.
 */
export function inTransaction<T>(db: CaseDb, work: (db: CaseDb) => T): T {
  return db.$client.transaction(() => work(db))();
}
