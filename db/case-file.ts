/**
 * The encrypted case file: one SQLite file encrypted with the SQLCipher-compatible cipher of
 * better-sqlite3-multiple-ciphers. The passphrase is passed in as bytes (its UTF-8), handed to
 * sqlite3_key() as they are (`db.key(buffer)`: the same KDF as `PRAGMA key = 'text'`, so files made
 * either way open either way), and never logged, put in SQL text or an error message.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  statfsSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { AppError } from '../shared/errors';
import { errorCode, statRegularFile } from './file-checks';
import { MIN_PASSPHRASE_LENGTH } from '../shared/passphrase';
import { deriveFileKey, readSalt } from './cipher-key';
import * as schema from './schema';

export type CaseDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface CaseFile {
  readonly path: string;
  readonly db: CaseDb;
  readonly sqlite: Database.Database;
  /** The schema version the file was at before it was opened (for restore reports). */
  readonly openedAtVersion: number;
  /**
   * A read-only descriptor on the locked file, open as long as the file is. Read the file's bytes
   * (a backup copy) through this one only: SQLite's locks are POSIX record locks, and closing any
   * other descriptor on the file in this process would silently drop them.
   */
  readonly fd: number;
  /**
   * The 32-byte SQLCipher key the file was opened with, when it was opened with one (rawKey, as
   * openCaseFileAsync does): the page check and the backups use it rather than derive it again.
   * Zeroed when the file is closed, and forgotten when its passphrase changes.
   */
  readonly cipherKey: Buffer | null;
  /** Zeroes and forgets cipherKey (changePassphrase: the old key no longer opens the file). */
  forgetCipherKey(): void;
  close(): void;
}

/**
 * A passphrase as its UTF-8 bytes: the app, the bridge, IPC and the CLI pass these, and zero them
 * when done. A string is still taken (tests, benchmarks): it cannot be wiped, so the app never
 * makes one.
 */
export type Passphrase = Uint8Array | string;

/** A view of the bytes, no copy (so zeroing the caller's buffer zeroes what SQLite was given). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Runs `use` with the passphrase as a Buffer: the caller's own bytes, or, for a string, a
 * temporary copy that is zeroed afterwards.
 */
export function withKeyBytes<T>(passphrase: Passphrase, use: (key: Buffer) => T): T {
  if (typeof passphrase !== 'string') return use(asBuffer(passphrase));
  const temp = Buffer.from(passphrase, 'utf8');
  try {
    return use(temp);
  } finally {
    temp.fill(0);
  }
}

/** Characters (Unicode code points) in UTF-8 bytes, counted without decoding them to a string. */
export function codePointCount(bytes: Uint8Array): number {
  let n = 0;
  for (const byte of bytes) if ((byte & 0xc0) !== 0x80) n++;
  return n;
}

export interface OpenOptions {
  path: string;
  passphrase: Passphrase;
  /**
   * Run `PRAGMA quick_check` before anything else. Off by default: it reads the whole file, so
   * opening would take time in proportion to its size (5 s at 100,000 cases). SQLCipher refuses a
   * damaged page whenever it is read, and the app checks every page in the background after
   * unlock (main/services/integrity.ts).
   */
  quickCheck?: boolean;
  /** Kept for the callers that asked to skip the check, which no longer runs unless asked for. */
  skipQuickCheck?: boolean;
  /** Leave an older schema as it is (verifying a backup must not change it). Default: migrate. */
  migrate?: boolean;
  /**
   * The 32-byte SQLCipher key already derived from the passphrase and this file's salt
   * (db/cipher-key.ts deriveFileKey): used instead of the passphrase, so opening skips
   * the 256,000-round key derivation (a backup's copy, its key derived while the bytes were copied).
   * A wrong key is refused as a wrong passphrase is. The caller zeroes it.
   */
  rawKey?: Uint8Array;
}

/** "FOID" — marks a decrypted database as ours, so another app's encrypted SQLite is told apart. */
export const APPLICATION_ID = 0x464f4944;
const PAGE_SIZE = 4096;
const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** The settings row that names this case file; backups carry it in their name. */
export const CASE_FILE_ID_KEY = 'case-file-id';

const LOCKED_MESSAGE = 'The case file is open in another FOI Desk window or process. Close it there first.';

/**
 * Files this process holds locked (by device and inode), with the descriptor kept open beside the
 * lock. Nothing may open and close another descriptor on them: that would drop the lock.
 */
const heldHere = new Map<string, number>();

function inodeKey(filePath: string): string | null {
  try {
    const stat = statSync(filePath, { bigint: true });
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

/** True when this process has the file open (as a case file or locked for a restore). */
export function isHeldInThisProcess(filePath: string): boolean {
  const key = inodeKey(filePath);
  return key !== null && heldHere.has(key);
}

/**
 * Refuses to read a file this process has open as a case file (picked as an import or a source by
 * mistake): reading it would open and close a descriptor of its own, which drops SQLite's lock.
 */
export function refuseHeldFile(filePath: string, what: string): void {
  if (isHeldInThisProcess(filePath)) {
    throw new AppError('validation', `${what} is the case file FOI Desk has open. Choose another file.`);
  }
}

/** Opens the descriptor kept beside a lock just taken; released after the SQLite connection closes. */
function holdDescriptor(filePath: string): { fd: number; release: () => void } {
  const key = inodeKey(filePath);
  const fd = openSync(filePath, 'r');
  if (key) heldHere.set(key, fd);
  return {
    fd,
    release: () => {
      if (key && heldHere.get(key) === fd) heldHere.delete(key);
      closeSync(fd);
    },
  };
}

function lockedError(): AppError {
  return new AppError('file-locked', LOCKED_MESSAGE);
}

/**
 * A SQLCipher page is ciphertext: its bytes look random. A first page where one byte value is
 * common, or a salt of a few repeated bytes, was overwritten (zeros, text): the file is damaged, not
 * locked with another passphrase. Random bytes of the right size cannot be told from a file with
 * another passphrase, so those still get the wrong-passphrase message.
 */
function firstPageLooksEncrypted(page: Buffer): boolean {
  const counts = new Uint32Array(256);
  for (const byte of page) counts[byte]!++;
  // Random 4 KiB: each value about 16 times, the commonest rarely above 35.
  if (Math.max(...counts) >= 48) return false;
  return new Set(page.subarray(0, 16)).size > 4;
}

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

function applyKey(sqlite: Database.Database, passphrase: Passphrase): void {
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
  // sqlite3_key() copies the bytes into SQLite's own memory (freed when the connection closes).
  withKeyBytes(passphrase, (key) => sqlite.key(key));
}

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/** SQLCipher's raw-key form, x'<64 hex digits>', written into a buffer (no string of the key). */
function applyRawKey(sqlite: Database.Database, rawKey: Uint8Array): void {
  if (rawKey.length !== 32) throw new AppError('validation', 'A raw key is 32 bytes.');
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
  const text = Buffer.alloc(3 + 2 * rawKey.length);
  try {
    text[0] = 0x78; // x
    text[1] = 0x27; // '
    rawKey.forEach((byte, i) => {
      text[2 + 2 * i] = HEX_DIGITS[byte >> 4]!;
      text[3 + 2 * i] = HEX_DIGITS[byte & 15]!;
    });
    text[text.length - 1] = 0x27;
    sqlite.key(text);
  } finally {
    text.fill(0);
  }
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
function checkLooksLikeCaseFile(filePath: string, writable: boolean): { headerLooksEncrypted: boolean } {
  const size = statRegularFile(filePath, 'The case file').size;
  // Before any descriptor is opened: opening and closing one would drop this process's own lock.
  if (isHeldInThisProcess(filePath)) throw lockedError();
  if (size === 0 || size % PAGE_SIZE !== 0) {
    throw new AppError('not-a-case-file', 'This is not a FOI Desk case file or it is damaged.');
  }
  if (writable) {
    try {
      accessSync(filePath, constants.W_OK);
    } catch {
      throw new AppError(
        'io',
        'The case file is read-only (or you may not change it): FOI Desk needs to write to it. Copy it to a folder you can write to, or change its permissions.',
      );
    }
  }
  const head = Buffer.alloc(PAGE_SIZE);
  const fd = openSync(filePath, 'r');
  try {
    readSync(fd, head, 0, PAGE_SIZE, 0);
  } finally {
    closeSync(fd);
  }
  if (head.subarray(0, 16).equals(SQLITE_PLAIN_HEADER)) {
    throw new AppError(
      'not-a-case-file',
      'This is not a FOI Desk case file: it is an unencrypted SQLite database.',
    );
  }
  return { headerLooksEncrypted: firstPageLooksEncrypted(head) };
}

function translateOpenError(error: unknown, headerLooksEncrypted = true): never {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_NOTADB' && !headerLooksEncrypted) {
    throw new AppError(
      'damaged',
      'The case file is damaged: its first page is not encrypted data (its header was overwritten). Restore it from a backup.',
    );
  }
  if (code === 'SQLITE_NOTADB') {
    throw new AppError(
      'wrong-passphrase',
      'Wrong passphrase: the case file could not be unlocked. (If you are sure it is right, the file is not a FOI Desk case file or is damaged.)',
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw lockedError();
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    throw new AppError('io', 'The disk is full: nothing was written.');
  }
  if (code === 'SQLITE_READONLY' || code?.startsWith('SQLITE_READONLY_') || code === 'SQLITE_IOERR_LOCK') {
    throw new AppError(
      'io',
      'The case file is read-only (or you may not change it): FOI Desk needs to write to it. Copy it to a folder you can write to, or change its permissions.',
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
  const { headerLooksEncrypted } = checkLooksLikeCaseFile(filePath, true);
  let sqlite: Database.Database;
  try {
    // A short timeout: a file held by another process is reported at once, not after seconds.
    sqlite = new Database(filePath, { fileMustExist: true, timeout: 200 });
  } catch (error) {
    translateOpenError(error);
  }
  let held: { fd: number; release: () => void } | undefined;
  try {
    if (options.rawKey) applyRawKey(sqlite, options.rawKey);
    else applyKey(sqlite, options.passphrase);
    sqlite.pragma('locking_mode = EXCLUSIVE');
    // The first read proves the key (and takes the lock) before anything is written.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    sqlite.exec('BEGIN EXCLUSIVE; COMMIT');
    held = holdDescriptor(filePath);
    if (options.quickCheck === true && !options.skipQuickCheck) {
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
    else {
      migrateToCurrent(sqlite, db);
      ensureCaseFileId(sqlite);
    }
    return makeCaseFile(
      filePath,
      sqlite,
      db,
      openedAtVersion,
      held,
      options.rawKey ? Buffer.from(options.rawKey) : null,
    );
  } catch (error) {
    sqlite.close();
    held?.release();
    if (error instanceof AppError) throw error;
    translateOpenError(error, headerLooksEncrypted);
  }
}

/**
 * Opens a case file as openCaseFile does, with its key derived first in Node's thread pool
 * (db/cipher-key.ts): the event loop stays free while the 256,000 rounds run, and the file keeps
 * the key (CaseFile.cipherKey) for its page check and backups. A file that cannot be read here
 * (missing, too short, already open in this process) is left to openCaseFile to refuse.
 */
export async function openCaseFileAsync(options: OpenOptions): Promise<CaseFile> {
  const filePath = path.resolve(options.path);
  const salt = options.rawKey || isHeldInThisProcess(filePath) ? null : readSalt(filePath);
  if (!salt) return openCaseFile(options);
  const rawKey = await deriveFileKey(options.passphrase, salt);
  try {
    return openCaseFile({ ...options, rawKey });
  } finally {
    rawKey.fill(0);
  }
}

/** Gives a file its id on first open (older files had none); backups carry it in their names. */
function ensureCaseFileId(sqlite: Database.Database): void {
  sqlite
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING')
    .run(CASE_FILE_ID_KEY, JSON.stringify(randomBytes(6).toString('hex')));
}

/** The id stored inside the case file (12 hex digits), or null for a file opened without migrating. */
export function caseFileId(file: CaseFile): string | null {
  const row = file.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(CASE_FILE_ID_KEY) as
    { value: string } | undefined;
  if (!row) return null;
  const id = JSON.parse(row.value) as unknown;
  return typeof id === 'string' && /^[0-9a-f]{12}$/.test(id) ? id : null;
}

function requireLongEnough(passphrase: Passphrase): void {
  const length = typeof passphrase === 'string' ? [...passphrase].length : codePointCount(passphrase);
  if (length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError('validation', `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
}

/**
 * Creates a new, empty encrypted case file. Refuses to overwrite anything; if it fails part-way (a
 * full disk) it removes what it wrote, so no half-made file is left.
 */
export function createCaseFile(options: OpenOptions): CaseFile {
  const filePath = path.resolve(options.path);
  requireLongEnough(options.passphrase);
  const made = [filePath, `${filePath}-wal`, `${filePath}-journal`];
  for (const p of made) {
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
  let held: { fd: number; release: () => void } | undefined;
  try {
    applyKey(sqlite, options.passphrase);
    applyConnectionSettings(sqlite);
    sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    const db = drizzle({ client: sqlite, schema });
    migrateToCurrent(sqlite, db);
    ensureCaseFileId(sqlite);
    // Fold the new file's pages in now, so a full disk shows here and not when it is closed.
    checkpointFully(sqlite);
    held = holdDescriptor(filePath);
    return makeCaseFile(filePath, sqlite, db, 0, held);
  } catch (error) {
    sqlite.close();
    held?.release();
    for (const p of made) rmSync(p, { force: true });
    const code = errorCode(error);
    // SQLite rolls a transaction back itself on SQLITE_FULL, and the migrator's own ROLLBACK then
    // fails and hides the first error: a folder with less room than a new file needs says why.
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'SQLITE_IOERR_WRITE' || lowOnSpace(filePath))
      throw new AppError(
        'io',
        'The disk is full: the case file was not created, and nothing was left behind.',
      );
    if (error instanceof AppError) throw error;
    translateOpenError(error);
  }
}

/** A new case file and its WAL need about 250 KiB; less than 1 MiB free is a full disk. */
function lowOnSpace(filePath: string): boolean {
  try {
    const fs = statfsSync(path.dirname(filePath));
    return fs.bavail * fs.bsize < 1024 * 1024;
  } catch {
    return false;
  }
}

/** Folds the WAL into the main file; refuses to go on if SQLite could not fold all of it. */
function checkpointFully(sqlite: Database.Database): void {
  const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (result && result.busy !== 0) throw Object.assign(new Error('checkpoint busy'), { code: 'SQLITE_BUSY' });
}

function makeCaseFile(
  filePath: string,
  sqlite: Database.Database,
  db: CaseDb,
  openedAtVersion: number,
  held: { fd: number; release: () => void },
  key: Buffer | null = null,
): CaseFile {
  let cipherKey = key;
  const forgetCipherKey = () => {
    cipherKey?.fill(0);
    cipherKey = null;
  };
  return {
    path: filePath,
    db,
    sqlite,
    openedAtVersion,
    fd: held.fd,
    get cipherKey() {
      return cipherKey;
    },
    forgetCipherKey,
    close() {
      if (!sqlite.open) return;
      try {
        // Fold the WAL back into the main file so a copy of the case file alone is complete.
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        sqlite.close();
        forgetCipherKey();
        // Only after SQLite has let go of its lock: closing this earlier would drop the lock.
        held.release();
      }
    },
  };
}

/**
 * Takes the exclusive lock on a file that is about to be replaced (a restore target), without its
 * key: it may be damaged, or locked with another passphrase. Closing a first connection folds a
 * leftover WAL into the file (SQLite's checkpoint copies the encrypted pages as they are), so the
 * old file is whole on its own; the lock is then taken again and held until `release`. A file
 * that is open anywhere is refused.
 */
export interface ReplaceLock {
  /** A descriptor on the locked file, for the safety copy (see CaseFile.fd). */
  readonly fd: number;
  /** Lets go of the lock; call after the replacement is in place. */
  release(): void;
}

export function lockForReplace(filePath: string, afterFold?: () => void): ReplaceLock {
  const target = path.resolve(filePath);
  if (isHeldInThisProcess(target)) throw lockedError();
  const wal = `${target}-wal`;
  const takeLock = (): Database.Database => {
    // SQLite takes the exclusive lock when it opens a WAL in exclusive mode, even on a file it
    // cannot read; an empty WAL makes sure there is one to open.
    try {
      closeSync(openSync(wal, 'wx', 0o600));
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
    let sqlite: Database.Database;
    try {
      sqlite = new Database(target, { fileMustExist: true, timeout: 200 });
    } catch (error) {
      translateOpenError(error);
    }
    try {
      sqlite.pragma('locking_mode = EXCLUSIVE');
      try {
        sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw lockedError();
        // Anything else (not readable without the key) is expected: the lock is taken first.
      }
      return sqlite;
    } catch (error) {
      sqlite.close();
      throw error;
    }
  };
  takeLock().close();
  afterFold?.();
  const sqlite = takeLock();
  let held: { fd: number; release: () => void };
  try {
    if (existsSync(wal) && statSync(wal).size > 0) {
      throw new AppError(
        'io',
        'The recent changes in the case file could not be folded into it, so nothing was restored.',
      );
    }
    held = holdDescriptor(target);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return {
    fd: held.fd,
    release() {
      // The connection still points at the old file (now renamed or replaced): closing it removes
      // the old, empty WAL beside the target; the new file's own WAL has another name.
      if (sqlite.open) sqlite.close();
      held.release();
    },
  };
}

/** Changes the passphrase; afterwards the old one no longer opens the file. */
export function changePassphrase(file: CaseFile, newPassphrase: Passphrase): void {
  requireLongEnough(newPassphrase);
  file.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  withKeyBytes(newPassphrase, (key) => file.sqlite.rekey(key));
  file.forgetCipherKey();
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
  const file = await openCaseFileAsync(options);
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
