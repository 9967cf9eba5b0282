import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A temp folder of this run's own (LibreOffice profiles live here), removed at the end. */
    runDir: string;
  }
}

/**
 * The CLI tests run the compiled `foi-desk`; build it so `npx vitest` alone is enough. Each run
 * also gets a temp folder of its own, so two runs on one machine never share a path.
 */
export default function setup(project: TestProject): () => void {
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), 'cli'], { stdio: 'inherit' });
  const runDir = mkdtempSync(path.join(tmpdir(), 'foi-desk-run-'));
  project.provide('runDir', runDir);
  return () => rmSync(runDir, { recursive: true, force: true });
}
