/**
 * The open session: the one case file the officer unlocked, who they are, and the day it is. Every
 * handler that reads or writes the register takes one of these; nothing reaches for a global
 * connection.
 *
 * The passphrase: main holds it only as bytes. The page sends its UTF-8 bytes (a Uint8Array over
 * Electron's IPC, an array of byte values in the bridge's JSON, so neither JSON.parse nor IPC makes
 * a string of it); the schema turns them into a Uint8Array and zeroes the array it came from; the
 * session keeps that one buffer as `key`, without a copy, and lockNow() zeroes it. SQLCipher gets
 * the key derived from those bytes (db/cipher-key.ts), which the file keeps (CaseFile.cipherKey) for
 * the page check and the backups and zeroes when it closes; the HTTP body's bytes are zeroed once
 * parsed. What is not ours to wipe: SQLite's own copy of the key (freed when the connection closes,
 * by SQLite, not zeroed by us), the integrity check's HMAC key while one runs (zeroed when it ends),
 * and in the renderer the typed text, which the browser holds only as a string. The CLI reads the
 * passphrase as a string (an environment variable or readline) and turns it into bytes at once.
 */
import type { CaseDb, CaseFile } from '../../db/case-file';
import { todayIso } from '../../shared/dates';

export interface OpenSession {
  readonly file: CaseFile;
  readonly db: CaseDb;
  /** The passphrase as UTF-8 bytes; zeroed when the session ends. */
  readonly key: Buffer;
  /** Who the audit log names for what is done in this session. */
  readonly actor: string;
  now(): Date;
  /** Today's date (ISO) in the officer's time zone. */
  today(): string;
}

export function openSession(
  file: CaseFile,
  key: Buffer,
  actor: string,
  now: () => Date = () => new Date(),
): OpenSession {
  return { file, db: file.db, key, actor, now, today: () => todayIso(now()) };
}
