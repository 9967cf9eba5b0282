/**
 * Paths the officer chose in a dialog that main itself opened. The renderer may ask main to write
 * a letter or restore a backup at a path, but a compromised or buggy page must not be able to name
 * any file it likes: when a native dialog answers, main records the path as granted for that one
 * purpose; the handler then takes the grant, which is used once and expires. A path the page made
 * up has no grant and is refused.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';

export type GrantPurpose =
  'letter-export' | 'restore-target' | 'attachment-export' | 'eml-export' | 'stats-export';

/** Long enough for an officer to read the dialog's answer and press the button, not for a day. */
export const GRANT_TTL_MS = 10 * 60_000;

interface Grant {
  purpose: GrantPurpose;
  key: string;
  expires: number;
}

/**
 * The same file however it is spelt: absolute, symlinks in the folder resolved, case folded where
 * the file system ignores it.
 */
export function pathKey(file: string): string {
  const absolute = path.resolve(file);
  let real: string;
  try {
    real = realpathSync.native(absolute);
  } catch {
    try {
      real = path.join(realpathSync.native(path.dirname(absolute)), path.basename(absolute));
    } catch {
      real = absolute;
    }
  }
  return process.platform === 'win32' || process.platform === 'darwin' ? real.toLowerCase() : real;
}

export class GrantedPaths {
  private grants: Grant[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Records that the officer chose `file` for `purpose` in a dialog main opened. */
  grant(purpose: GrantPurpose, file: string): void {
    this.prune();
    const key = pathKey(file);
    this.grants = this.grants.filter((g) => !(g.purpose === purpose && g.key === key));
    this.grants.push({ purpose, key, expires: this.now() + GRANT_TTL_MS });
  }

  /** True, once, when `file` was granted for `purpose` and the grant has not expired. */
  take(purpose: GrantPurpose, file: string): boolean {
    this.prune();
    if (!path.isAbsolute(file)) return false;
    const key = pathKey(file);
    const index = this.grants.findIndex((g) => g.purpose === purpose && g.key === key);
    if (index < 0) return false;
    this.grants.splice(index, 1);
    return true;
  }

  /** Every grant dropped (on lock: a choice made for one session is not carried into the next). */
  clear(): void {
    this.grants = [];
  }

  private prune(): void {
    const now = this.now();
    this.grants = this.grants.filter((g) => g.expires > now);
  }
}
