/**
 * Seeded registers for the benchmarks, kept between runs: seeding 100,000 cases takes minutes, so
 * the first run keeps the seeded file in FOI_DESK_BENCH_CACHE (default: the temp folder's
 * `foi-desk-bench-cache`) and later runs copy it. Delete the folder to seed afresh.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCaseFile, openCaseFile } from '../db/case-file';
import { PASSPHRASE } from '../tests/helpers';
import { seedCases } from './seed';

export const BENCH_PASSPHRASE = PASSPHRASE;

/** The cases of a register of `cases`: 3% open, as the queue bench has always seeded. */
export function openShare(cases: number): number {
  return Math.round(cases * 0.03);
}

/** Copies a seeded register of `cases` to `dest` (seeding it once into the cache). */
export function seededRegister(cases: number, dest: string): { seededMs: number | null } {
  const cache = process.env.FOI_DESK_BENCH_CACHE ?? path.join(tmpdir(), 'foi-desk-bench-cache');
  mkdirSync(cache, { recursive: true });
  const cached = path.join(cache, `register-${cases}.foidesk`);
  let seededMs: number | null = null;
  if (!existsSync(cached)) {
    const start = performance.now();
    const temp = `${cached}.seeding-${process.pid}`;
    rmSync(temp, { force: true });
    const file = createCaseFile({ path: temp, passphrase: PASSPHRASE });
    seedCases(file, { cases, open: openShare(cases) });
    file.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    file.close();
    renameSync(temp, cached);
    seededMs = performance.now() - start;
  } else {
    // A register seeded before the latest migrations is brought up to date once, in the cache,
    // so no benchmark times a migration (FTS5 index builds) as part of its first open.
    const file = openCaseFile({ path: cached, passphrase: PASSPHRASE });
    file.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    file.close();
  }
  copyFileSync(cached, dest);
  return { seededMs };
}
