import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CLI tests run the compiled `foi-desk`; build it so `npx vitest` alone is enough. */
export default function setup(): void {
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), 'cli'], { stdio: 'inherit' });
}
