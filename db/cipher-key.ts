/**
 * SQLCipher 4's key derivation, as `db/case-file.ts` configures the cipher (`cipher = 'sqlcipher'`,
 * `legacy = 4`): PBKDF2-HMAC-SHA512 of the passphrase (its UTF-8 bytes, as given to SQLite) over the
 * file's 16-byte salt (its first bytes), 256,000 rounds, a 32-byte key. Done here, in Node's thread
 * pool, the derivation leaves the main thread free (SQLite's own runs on it, and takes longer), and
 * the key serves every later use of the same file in the session: the background page check, and
 * the backups, whose copies carry the same salt. tests/integration/integrity.test.ts fails if these
 * parameters ever disagree with SQLCipher's.
 */
import { pbkdf2 } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { promisify } from 'node:util';

const pbkdf2Async = promisify(pbkdf2);

export const SALT_BYTES = 16;
export const KDF_ITERATIONS = 256_000;
export const KEY_BYTES = 32;

/** The key of a file with this salt: what `openCaseFile({ rawKey })` takes. The caller zeroes it. */
export function deriveCipherKey(passphrase: Buffer, salt: Buffer): Promise<Buffer> {
  return pbkdf2Async(passphrase, salt, KDF_ITERATIONS, KEY_BYTES, 'sha512');
}

/**
 * The key of a file with this salt from the passphrase as the officer gave it (text, or its UTF-8
 * bytes as SQLite is given them). The thread pool works on a copy of the passphrase, zeroed once
 * it is done, so the caller may zero its own at any time; the key is the caller's to zero.
 */
export async function deriveFileKey(passphrase: string | Uint8Array, salt: Buffer): Promise<Buffer> {
  const copy = typeof passphrase === 'string' ? Buffer.from(passphrase, 'utf8') : Buffer.from(passphrase);
  try {
    return await deriveCipherKey(copy, salt);
  } finally {
    copy.fill(0);
  }
}

/** The salt at the start of the file behind `fd`, or null when the file is too short to hold one. */
export function readSaltFrom(fd: number): Buffer | null {
  const salt = Buffer.alloc(SALT_BYTES);
  return readSync(fd, salt, 0, SALT_BYTES, 0) === SALT_BYTES ? salt : null;
}

/**
 * The salt at the start of a file this process does not hold open (the caller checks: reading a
 * held file through a descriptor of its own would drop SQLite's lock), or null when it cannot be
 * read in full; opening the file then says why.
 */
export function readSalt(filePath: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(filePath, 'r');
  } catch {
    return null;
  }
  try {
    return readSaltFrom(fd);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
