import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openCaseFile, type CaseFile } from '../db/case-file';
import { importInterchange } from '../main/services/import-export';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const fixtures = path.join(repoRoot, 'tests', 'fixtures');
export const cliPath = path.join(repoRoot, 'dist', 'cli.mjs');

export const PASSPHRASE = 'correct horse battery staple';

export function fixture(name: string): string {
  return path.join(fixtures, name);
}

export function readFixture(name: string): string {
  return readFileSync(fixture(name), 'utf8');
}

/** A fresh temp folder, removed by the returned cleanup. */
export function makeTempDir(prefix = 'foi-desk-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the compiled `foi-desk` as a user would, as its own process. */
export function runCli(args: string[], env: Record<string, string | undefined> = {}): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    encoding: 'utf8',
    // The test's time zone too, so "today" is the same day in the CLI as in the test.
    env: { PATH: process.env.PATH, TZ: process.env.TZ, FOI_DESK_PASSPHRASE: PASSPHRASE, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The examples everyone tests with: the Walton letterhead and both seed cases. */
export const EXAMPLES = ['walton.organisation.json', 'foi-4951.case.json', 'foi-2774.case.json'];

/** Imports fixture files into an open case file, as `foi-desk import` would. */
export function importFixtures(file: CaseFile, names: string[] = EXAMPLES): void {
  importInterchange(
    file,
    names.map((n) => ({ path: n, text: readFixture(n) })),
    'test',
  );
}

/**
 * Every row of every table of a case file, as one string: two dumps are equal when nothing in the
 * file changed. The search indexes (FTS5 tables and their shadow tables) are derived from the
 * tables, so they are left out.
 */
export function dumpCaseFile(file: string, passphrase = PASSPHRASE): string {
  const cf = openCaseFile({ path: file, passphrase });
  try {
    const tables = cf.sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT GLOB 'cases_words*' AND name NOT GLOB 'cases_trigram*' ORDER BY name`,
      )
      .pluck()
      .all() as string[];
    return JSON.stringify(
      tables.map((t) => [t, cf.sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]),
    );
  } finally {
    cf.close();
  }
}

/**
 * Real small file systems for the disk-full and read-only tests: tmpfs mounts made in a folder of
 * the test's own, removed by `unmountAll`. Mounting needs root (as on CI).
 */
export function tmpfsMounter(folder: () => string) {
  const mounts: string[] = [];
  return {
    canMount: process.getuid?.() === 0,
    mount(options: string): string {
      const point = path.join(folder(), `mnt-${mounts.length}`);
      mkdirSync(point);
      execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', point]);
      mounts.push(point);
      return point;
    },
    unmountAll(): void {
      for (const point of mounts.splice(0)) execFileSync('umount', [point]);
    },
  };
}
