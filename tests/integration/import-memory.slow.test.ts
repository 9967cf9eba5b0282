/**
 * `foi-desk import` of a 100,000-case JSON file in flat memory: the file is read item by item and
 * written with prepared statements, so the process's peak RSS at 100k cases is about what it is
 * at 10k (measured by /usr/bin/time around the CLI process; nothing here is timed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { openCaseFile } from '../../db/case-file';
import { writeRegister } from '../import-register';
import { cliPath, makeTempDir, PASSPHRASE, runCli } from '../helpers';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = makeTempDir('foi-desk-import-memory-'));
});
afterAll(() => cleanup());

/** Imports `count` generated cases into a new file; returns the CLI's peak RSS in MiB. */
async function importPeak(count: number): Promise<number> {
  const json = path.join(dir, `register-${count}.json`);
  const file = path.join(dir, `register-${count}.foidesk`);
  await writeRegister(json, count);
  expect(runCli(['init', file]).code).toBe(0);
  const run = spawnSync(
    '/usr/bin/time',
    ['-f', 'maxrss_kib=%M', process.execPath, cliPath, 'import', file, json],
    {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, FOI_DESK_PASSPHRASE: PASSPHRASE },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  expect(run.stdout, run.stderr).toBe(`Imported ${count} cases.\n`);
  const peak = Number(/maxrss_kib=(\d+)/.exec(run.stderr)?.[1]) / 1024;
  const cf = openCaseFile({ path: file, passphrase: new TextEncoder().encode(PASSPHRASE) });
  try {
    expect(cf.sqlite.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(count);
    expect(cf.sqlite.prepare('SELECT count(*) FROM cases WHERE due_date IS NULL').pluck().get()).toBe(0);
  } finally {
    cf.close();
  }
  console.log(`import of ${count} cases: peak RSS ${peak.toFixed(0)} MiB`);
  return peak;
}

describe('streaming import', () => {
  it('imports 100,000 cases with peak memory flat (about what 10,000 take, under 300 MB)', async () => {
    const at10k = await importPeak(10_000);
    const at100k = await importPeak(100_000);
    expect(at100k).toBeLessThan(300);
    // Ten times the cases, not ten times the memory: within half as much again as the 10k peak
    // (SQLite's page cache and the allocator grow a little with the file; a whole-file parse grew
    // 1.38 GB at 10k, and before the CLI had V8 collect before growing its heap, 171 → 284 MiB).
    expect(at100k).toBeLessThan(at10k * 1.5);
    // Writing 100,000 encrypted cases with their search index takes minutes on a shared 2-core machine.
  }, 1_800_000);
});
