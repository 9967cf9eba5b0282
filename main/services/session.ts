/**
 * The open session: the one case file the officer unlocked, who they are, and the day it is. Every
 * handler that reads or writes the register takes one of these; nothing reaches for a global
 * connection. The passphrase is kept as bytes (needed to verify backups) and those bytes are
 * zeroed on lock. That is all that can be zeroed: the passphrase also arrives as a JavaScript string
 * (the IPC or HTTP body, the parsed input) and is turned back into one for SQLCipher's key pragma
 * and a backup's verification; such strings cannot be wiped and stay in the heap until collected.
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
