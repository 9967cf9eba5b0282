/**
 * Where an export may be written. `foi-desk export F --out F` once replaced the encrypted case
 * file with plaintext JSON, and `foi-desk letter … --out F` destroyed it: an output path is never
 * the case file being read (or its -wal or -shm, however it is spelt: symlinks, hard links, case),
 * never anything that looks like a case file or backup, and an existing other file is replaced only
 * when the officer said so (`--force`, or the save dialog's own overwrite question).
 */
import { closeSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { isHeldInThisProcess } from '../../db/case-file';

/** The SQLite companions that hold a case file's latest writes or its rollback. */
const COMPANIONS = ['', '-wal', '-shm', '-journal'];
/** What FOI Desk names its case files and backups (the backup folder uses the same extension). */
const CASE_FILE_NAME = /\.foidesk(?:-backup)?(?:-wal|-shm|-journal)?$/i;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** SQLite's WAL header magic, big-endian (the low bit says which checksum byte order). */
const WAL_MAGIC = [0x377f0682, 0x377f0683];
/**
 * The opening bytes of the documents an export writes or an officer keeps (zip: .docx/.xlsx; PDF;
 * OLE2: .doc/.xls/.msg; PNG; JPEG). A compressed document is as random-looking as ciphertext, so
 * one of these is never taken for an encrypted case file, whatever its size.
 */
const DOCUMENT_SIGNATURES = [
  Buffer.from('PK\x03\x04', 'latin1'),
  Buffer.from('PK\x05\x06', 'latin1'),
  Buffer.from('%PDF-', 'latin1'),
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from([0xff, 0xd8, 0xff]),
];

export interface OutputCheck {
  /** The files being read, whose bytes must survive the export. */
  inputs: string[];
  /** The officer asked to replace an existing file. */
  force: boolean;
  /** How the path is named in a message ("--out F", "That file"). */
  label?: string;
}

/**
 * Shannon entropy of a sample in bits per byte: an encrypted page is close to 8, text and most
 * documents well under it (a .docx is compressed, but starts with its zip signature).
 */
function entropy(bytes: Buffer): number {
  const counts = new Array<number>(256).fill(0);
  for (const b of bytes) counts[b]!++;
  let bits = 0;
  for (const n of counts) {
    if (n === 0) continue;
    const p = n / bytes.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function readHead(file: string, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * True for what may be a FOI Desk case file, a backup or a part of one, by name or by content: a
 * SQLite database or WAL, or pages of random-looking bytes in whole 512-byte sectors (what an
 * encrypted SQLite file is: even its header is ciphertext).
 */
export function looksLikeCaseFile(file: string, info: Stats = statSync(file)): boolean {
  if (CASE_FILE_NAME.test(path.basename(file))) return true;
  // The open case file itself, whatever its name (reading it here would drop SQLite's lock).
  if (isHeldInThisProcess(file)) return true;
  if (!info.isFile() || info.size === 0) return false;
  const head = readHead(file, 4096);
  if (head.subarray(0, 16).equals(SQLITE_HEADER)) return true;
  if (head.length >= 4 && WAL_MAGIC.includes(head.readUInt32BE(0))) return true;
  if (DOCUMENT_SIGNATURES.some((sig) => head.subarray(0, sig.length).equals(sig))) return false;
  return info.size >= 1024 && info.size % 512 === 0 && head.length >= 1024 && entropy(head) > 7.5;
}

/** The real path a file has or would have: symlinks in its folder resolved, the name as given. */
function realTarget(file: string): string {
  const absolute = path.resolve(file);
  try {
    return realpathSync.native(absolute);
  } catch {
    try {
      return path.join(realpathSync.native(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return absolute;
    }
  }
}

/** Windows and macOS file systems usually ignore case: compare as they do. */
function samePath(a: string, b: string): boolean {
  const fold = process.platform === 'win32' || process.platform === 'darwin';
  return fold ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/**
 * Throws a one-line AppError when `target` must not be written; returns it otherwise. Called
 * before the work starts (so nobody types a passphrase to be refused) and checked by the caller's
 * atomic write, which replaces the file whole or not at all.
 */
export function checkOutputPath(target: string, check: OutputCheck): string {
  const label = check.label ?? 'That file';
  const real = realTarget(target);
  const info = statOrNull(real);
  for (const input of check.inputs) {
    const inputReal = realTarget(input);
    for (const suffix of COMPANIONS) {
      const companion = inputReal + suffix;
      const other = statOrNull(companion);
      const sameInode = info !== null && other !== null && info.dev === other.dev && info.ino === other.ino;
      if (sameInode || samePath(real, companion)) {
        throw new AppError(
          'validation',
          `${label} is the case file being read${suffix ? ` (its ${suffix.slice(1)} file)` : ''}: choose another file.`,
        );
      }
    }
  }
  if (info?.isDirectory()) throw new AppError('validation', `${label} is a folder: name a file.`);
  if (info && !info.isFile())
    throw new AppError('validation', `${label} is not a regular file: choose another file.`);
  if (CASE_FILE_NAME.test(path.basename(real)) || (info && looksLikeCaseFile(real, info))) {
    throw new AppError(
      'validation',
      `${label} is ${info ? 'or looks like' : 'named like'} a FOI Desk case file or backup, which an export never replaces: choose another file.`,
    );
  }
  if (info && !check.force)
    throw new AppError('file-exists', `${label} already exists: add --force to replace it.`);
  return target;
}
