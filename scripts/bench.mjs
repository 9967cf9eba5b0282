// Runs the benchmarks: each bench/*.bench.ts is bundled with esbuild and run as a plain Node
// program that prints its numbers (no timed assertions anywhere), then a summary of each row at
// each register size beside its raw limit. Usage: bench.mjs [name-filter...]
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const filters = process.argv.slice(2);
const entries = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && (filters.length === 0 || filters.some((x) => f.includes(x))))
  .sort();
const outdir = path.join(root, 'dist', 'bench');
// Each benchmark appends its summary rows (bench/harness.ts reportRow) here; printed at the end.
const rowsFile = path.join(tmpdir(), `foi-desk-bench-rows-${process.pid}.jsonl`);
rmSync(rowsFile, { force: true });
let failed = 0;
for (const entry of entries) {
  const outfile = path.join(outdir, entry.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [path.join(root, 'bench', entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    external: ['better-sqlite3', 'electron', 'playwright-core'],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'warning',
  });
  console.log(`\n# ${entry}`);
  const result = spawnSync(process.execPath, [outfile], {
    stdio: 'inherit',
    env: {
      ...process.env,
      FOI_DESK_MIGRATIONS: path.join(root, 'db', 'migrations'),
      FOI_DESK_BENCH_ROWS: rowsFile,
    },
  });
  if (result.status !== 0) failed++;
}

/** Each row at 10k and 100k cases beside its raw limit (medians, ms), as the README quotes them. */
function summary() {
  if (!existsSync(rowsFile)) return;
  const rows = readFileSync(rowsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  rmSync(rowsFile, { force: true });
  const sizes = [...new Set(rows.map((r) => r.cases))].sort((a, b) => a - b);
  const names = [...new Set(rows.map((r) => r.row))];
  const ms = (v) =>
    v === null || v === undefined
      ? '—'
      : v >= 100
        ? Math.round(v).toLocaleString('en-GB')
        : v.toFixed(v >= 10 ? 1 : 2);
  const label = (n) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));
  console.log('\n# Summary (medians, ms; the limit from the same run)\n');
  console.log(`| what | ${sizes.map((n) => `${label(n)}: FOI Desk / limit`).join(' | ')} | the limit |`);
  console.log(`| --- | ${sizes.map(() => '---').join(' | ')} | --- |`);
  for (const name of names) {
    const of = rows.filter((r) => r.row === name);
    const cells = sizes.map((n) => {
      const r = of.find((x) => x.cases === n);
      if (!r) return '—';
      const ratio = r.limitMs ? ` (${(r.appMs / r.limitMs).toFixed(1)}×)` : '';
      return `${ms(r.appMs)} / ${ms(r.limitMs)}${ratio}`;
    });
    console.log(`| ${name} | ${cells.join(' | ')} | ${of.find((r) => r.limit)?.limit ?? '—'} |`);
  }
}
summary();
process.exitCode = failed ? 1 : 0;
