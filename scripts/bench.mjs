// Runs the benchmarks: each bench/*.bench.ts is bundled with esbuild and run as a plain Node
// program that prints its numbers (no timed assertions anywhere). Usage: bench.mjs [name-filter]
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const filter = process.argv[2] ?? '';
const entries = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
const outdir = path.join(root, 'dist', 'bench');
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
    env: { ...process.env, FOI_DESK_MIGRATIONS: path.join(root, 'db', 'migrations') },
  });
  if (result.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
