import {
  closeSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type BigIntStats,
} from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that a reader sees either the old content or the whole new content, never half:
 * write a temporary file beside it, flush it to disk, then rename over the target.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o600);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
}

function statOrNull(p: string): BigIntStats | null {
  try {
    return statSync(p, { bigint: true });
  } catch {
    return null;
  }
}

/** A name with its letters' case flipped, or null when it has no letter to flip. */
function caseFlipped(name: string): string | null {
  const flipped = [...name].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
  return flipped === name ? null : flipped;
}

/**
 * True when the folder's file system ignores case: the folder under its case-flipped name is the
 * same folder. Only the last name with a letter in it is flipped, so the test stays on the folder's
 * own file system (a FAT stick under a case-sensitive root is told apart).
 */
function caseInsensitiveAt(folder: string): boolean {
  for (let dir = folder; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const flipped = caseFlipped(path.basename(dir));
    if (!flipped) continue;
    const a = statOrNull(dir);
    const b = statOrNull(path.join(path.dirname(dir), flipped));
    return a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;
  }
  return false;
}

/**
 * Whether two paths name the same file: symlinks resolved, hard links and case-insensitive file
 * systems included. Existing files are compared by device and inode; for a path that does not
 * exist yet, its folder's real path and its name (ignoring case where the file system does).
 */
export function sameFile(a: string, b: string): boolean {
  const sa = statOrNull(a);
  const sb = statOrNull(b);
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  if (sa || sb) return false;
  const real = (p: string): string => {
    const resolved = path.resolve(p);
    try {
      return path.join(realpathSync(path.dirname(resolved)), path.basename(resolved));
    } catch {
      return resolved;
    }
  };
  const ra = real(a);
  const rb = real(b);
  if (ra === rb) return true;
  return caseInsensitiveAt(path.dirname(ra)) && ra.toLowerCase() === rb.toLowerCase();
}
