/**
 * The import of issue 16 at 10,000 cases (and 100,000 with FOI_DESK_BENCH_100K=1): `foi-desk
 * import` as a process (time and peak RSS, by /usr/bin/time), the streamed import in-process
 * (importInterchangeFiles: check pass, then the write pass with due dates and audit entries),
 * beside raw inserts of the same rows (JSON.parse of the whole file, the same prepared statements,
 * one transaction, no checks). Numbers to read; nothing here fails a build. `npm run bench import`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createCaseFile, inTransaction } from '../db/case-file';
import { CaseWriter } from '../db/queries/import-writer';
import type { CaseRecord } from '../shared/case-format';
import { importInterchangeFiles } from '../main/services/import/interchange-files';
import { makeTempDir, PASSPHRASE } from '../tests/helpers';
import { writeRegister } from '../tests/import-register';
import { measure, ratio } from './harness';

const SIZES = process.env.FOI_DESK_BENCH_100K ? [10_000, 100_000] : [10_000];
const RUNS = 3;
const key = () => new TextEncoder().encode(PASSPHRASE);
const cli = path.join(process.cwd(), 'dist', 'cli.mjs');

const temp = makeTempDir('foi-desk-bench-import-');
try {
  for (const size of SIZES) {
    const json = path.join(temp.dir, `register-${size}.json`);
    await writeRegister(json, size);
    let n = 0;
    const fresh = () => {
      const file = path.join(temp.dir, `bench-${size}-${n++}.foidesk`);
      return { file, cf: createCaseFile({ path: file, passphrase: key() }) };
    };
    const drop = (file: string) => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    };

    const raw = await measure(
      `raw inserts, ${size} cases (JSON.parse + same statements)`,
      () => {
        const { file, cf } = fresh();
        const records = JSON.parse(readFileSync(json, 'utf8')) as CaseRecord[];
        inTransaction(cf.db, (tx) => {
          const w = new CaseWriter(tx);
          for (const r of records) w.insertCase(r, null);
        });
        cf.close();
        drop(file);
      },
      { iterations: RUNS, warmup: 0 },
    );
    const service = await measure(
      `import (streamed, checked, due dates), ${size} cases`,
      async () => {
        const { file, cf } = fresh();
        await importInterchangeFiles(cf, [json], { actor: 'bench' });
        cf.close();
        drop(file);
      },
      { iterations: RUNS, warmup: 0 },
    );
    console.log(`  ${ratio(service, raw)}`);

    // The command line as a user runs it: wall time and peak memory of the whole process.
    const { file, cf } = fresh();
    cf.close();
    const run = spawnSync(
      '/usr/bin/time',
      ['-f', 'maxrss_kib=%M elapsed_s=%e', process.execPath, cli, 'import', file, json],
      {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, FOI_DESK_PASSPHRASE: PASSPHRASE },
      },
    );
    const m = /maxrss_kib=(\d+) elapsed_s=([\d.]+)/.exec(run.stderr);
    console.log(
      m
        ? `foi-desk import ${size} cases (process): ${Number(m[2]).toFixed(1)} s, peak RSS ${(Number(m[1]) / 1024).toFixed(0)} MiB`
        : `foi-desk import ${size} cases: ${run.stdout}${run.stderr}`,
    );
    drop(file);
    drop(json);
  }
} finally {
  temp.cleanup();
}
