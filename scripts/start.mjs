// `npm start`: builds the app and opens it in Electron. Where Electron's binary is not installed
// (ELECTRON_SKIP_BINARY_DOWNLOAD, or a machine that cannot download it), it says so in one line and
// starts the browser version (`npm run web`) instead, which prints the address to open.
// Usage: start.mjs [--no-build] [arguments for Electron...]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const noBuild = args[0] === '--no-build';
const electronArgs = noBuild ? args.slice(1) : args;

/**
 * The Electron binary, found as the `electron` package finds it (path.txt, or
 * ELECTRON_OVERRIDE_DIST_PATH), or undefined when it is not there. The package itself is not
 * required: where the binary is missing it tries to download it and throws.
 */
function electronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? path.join(override, executable || 'electron')
    : executable && path.join(packageDir, 'dist', executable);
  return binary && existsSync(binary) ? binary : undefined;
}

/** Runs a child with this terminal, asks it to stop when this process is, and takes its exit code. */
function runChild(command, childArgs) {
  const child = spawn(command, childArgs, { stdio: 'inherit', cwd: root });
  // Ctrl+C in a terminal reaches the child too; a SIGINT sent to this process alone must as well.
  // SIGTERM, not a second SIGINT: both stop the bridge and Electron cleanly, once.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill('SIGTERM'));
  child.on('error', (error) => {
    process.stderr.write(`FOI Desk could not start: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const binary = electronBinary();
if (!binary) {
  process.stderr.write(
    "Electron's binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD was set at npm install, or the download failed), so FOI Desk starts in the browser instead (npm run web).\n",
  );
}
if (!noBuild) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), 'all'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
if (binary) runChild(binary, [root, ...electronArgs]);
else runChild(process.execPath, [path.join(root, 'dist', 'bridge.mjs')]);
