/**
 * Decrypts every page of a case file, and every frame of its -wal, outside SQLite: what someone
 * holding the passphrase and the bare file could read, free pages and unused space included. Used
 * to prove disposal leaves nothing of a case anywhere in the file.
 *
 * SQLCipher 4's defaults, as db/case-file.ts sets them (and main/services/integrity.ts checks):
 * the key is PBKDF2-HMAC-SHA512 over the passphrase with the 16-byte salt that opens the file,
 * 256,000 iterations, 32 bytes; 4096-byte pages, each AES-256-CBC encrypted (no padding) with its
 * 16-byte IV in the 80-byte reserve at the page's end (IV, then a 64-byte HMAC); page 1's first 16
 * bytes are the salt and are not encrypted. A WAL frame is a 24-byte header and one such page,
 * after the WAL's 32-byte header.
 */
import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

const PAGE = 4096;
const SALT = 16;
const RESERVE = 80;
const IV = 16;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

export function deriveKey(passphrase: string | Buffer, salt: Buffer): Buffer {
  return pbkdf2Sync(passphrase, salt, 256_000, 32, 'sha512');
}

function decryptPage(key: Buffer, page: Buffer, pageNumber: number): Buffer {
  const start = pageNumber === 1 ? SALT : 0;
  const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + IV);
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(start, PAGE - RESERVE)), decipher.final()]);
}

export interface DecryptedFile {
  /** Each page's plaintext (page 1 without its salt), the file's pages then the WAL's frames. */
  pages: Buffer[];
  /** How many came from the -wal. */
  walFrames: number;
}

/** Every page of `filePath` (and `filePath-wal` if it exists and holds frames), decrypted. */
export function decryptCaseFile(filePath: string, passphrase: string): DecryptedFile {
  const bytes = readFileSync(filePath);
  const salt = bytes.subarray(0, SALT);
  const key = deriveKey(passphrase, salt);
  const pages: Buffer[] = [];
  for (let n = 1; n * PAGE <= bytes.length; n++) {
    pages.push(decryptPage(key, bytes.subarray((n - 1) * PAGE, n * PAGE), n));
  }
  let walFrames = 0;
  const walPath = `${filePath}-wal`;
  if (existsSync(walPath)) {
    const wal = readFileSync(walPath);
    for (let at = WAL_HEADER; at + FRAME_HEADER + PAGE <= wal.length; at += FRAME_HEADER + PAGE) {
      const pageNumber = wal.readUInt32BE(at);
      pages.push(decryptPage(key, wal.subarray(at + FRAME_HEADER, at + FRAME_HEADER + PAGE), pageNumber));
      walFrames++;
    }
  }
  return { pages, walFrames };
}

/**
 * Which of `needles` appear anywhere in the decrypted pages, compared case-blind (the word index
 * keeps words folded to lower case), as UTF-8 and as UTF-16LE (how a string may sit in a blob).
 */
export function findInPages(file: DecryptedFile, needles: readonly string[]): string[] {
  const text = Buffer.concat(file.pages).toString('latin1').toLowerCase();
  return needles.filter((needle) => {
    const utf8 = Buffer.from(needle.toLowerCase(), 'utf8').toString('latin1');
    const utf16 = Buffer.from(needle.toLowerCase(), 'utf16le').toString('latin1');
    return text.includes(utf8) || text.includes(utf16);
  });
}

/** True when the decryption is right: page 1 reads as an SQLite header (page size at bytes 16–17). */
export function looksLikeSqlite(file: DecryptedFile): boolean {
  const first = file.pages[0];
  // Page 1 lost its 16 salt bytes, so the header's page size (bytes 16–17) is at 0–1.
  return first !== undefined && first.readUInt16BE(0) === PAGE;
}
