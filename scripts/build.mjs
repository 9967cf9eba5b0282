// Builds what each entry point needs into dist/: the CLI (ahead of time, so it starts fast), the
// Electron main and preload, the browser bridge, and the renderer (Vite). Usage: build.mjs cli|all
import { build } from 'esbuild';
import { cpSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
const what = process.argv[2] ?? 'all';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  // Native and Electron modules load at run time; everything else is bundled.
  external: ['better-sqlite3', 'electron'],
  // ESM bundles still meet CommonJS dependencies that call require().
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
};

mkdirSync(dist, { recursive: true });
// Migrations ship beside the bundles that apply them (db/case-file.ts looks in ./migrations).
rmSync(path.join(dist, 'migrations'), { recursive: true, force: true });
cpSync(path.join(root, 'db', 'migrations'), path.join(dist, 'migrations'), { recursive: true });

await build({
  ...common,
  entryPoints: { 'cli-main': path.join(root, 'main/cli/foi-desk.ts') },
  outdir: dist,
  outExtension: { '.js': '.mjs' },
});
// dist/cli.mjs sets up the process before it loads the bundle. Node's compile cache keeps V8's
// compiled code of the CLI (code only, never anything it reads) in the user's cache folder, so a
// run does not compile the 6 MB bundle again (about 0.2 s of every command's start). --optimize-for-size
// has V8 collect garbage before growing its heap: a 100,000-case import peaks at about 145 MiB
// instead of 280 (its live heap is 20 MiB; the rest was garbage not yet collected), in the same time.
rmSync(path.join(dist, 'cli.mjs.map'), { force: true });
writeFileSync(
  path.join(dist, 'cli.mjs'),
  `// Built by scripts/build.mjs: the foi-desk command line.
import { enableCompileCache } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
setFlagsFromString('--optimize-for-size');
// The user's own cache folder on Linux, where the temp folder is shared by every user (compiled
// code someone else could write there is code this would run); elsewhere the temp folder is the
// user's own.
// (XDG_CACHE_HOME only when absolute, as the XDG spec says.)
const xdg = process.env.XDG_CACHE_HOME;
const cacheHome = xdg && path.isAbsolute(xdg) ? xdg : path.join(homedir(), '.cache');
enableCompileCache?.(
  process.platform === 'linux' ? path.join(cacheHome, 'foi-desk', 'node-compile-cache') : undefined,
);
await import('./cli-main.mjs');
`,
);

if (what === 'all') {
  await build({
    ...common,
    entryPoints: {
      main: path.join(root, 'main/electron/main.ts'),
      bridge: path.join(root, 'main/bridge/server.ts'),
    },
    outdir: dist,
    outExtension: { '.js': '.mjs' },
  });
  // A sandboxed preload must be CommonJS.
  await build({
    ...common,
    banner: {},
    format: 'cjs',
    entryPoints: { preload: path.join(root, 'main/electron/preload.ts') },
    outdir: dist,
    outExtension: { '.js': '.cjs' },
  });
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
