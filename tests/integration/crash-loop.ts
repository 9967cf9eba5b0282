/**
 * The crash loop the backup tests share: a child process (crash-writer.ts) writes cases one
 * transaction at a time and acknowledges each commit; it is killed with SIGKILL at a random moment,
 * the file is checked, and the next child carries on. `npm test` runs a few rounds, the slow suite
 * many.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { expect } from 'vitest';
import { openCaseFile } from '../../db/case-file';
import { PASSPHRASE, readFixture, repoRoot } from '../helpers';

export interface CrashWriter {
  path: string;
  remove: () => void;
}

/**
 * Bundles the writer inside the repository (so it resolves better-sqlite3 from node_modules),
 * under a name of this process's own, so parallel runs never overwrite each other's.
 */
export async function buildCrashWriter(): Promise<CrashWriter> {
  const folder = path.join(repoRoot, 'dist', 'tests');
  mkdirSync(folder, { recursive: true });
  const writer = path.join(folder, `crash-writer-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(repoRoot, 'tests/integration/crash-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: writer,
    external: ['better-sqlite3'],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return { path: writer, remove: () => rmSync(writer, { force: true }) };
}

/** Kills a writer on `file` `rounds` times; after each kill every acknowledged case is there. */
export async function killAndCheck(writer: CrashWriter, file: string, rounds: number): Promise<void> {
  const template = JSON.stringify(JSON.parse(readFixture('foi-2774.case.json')));
  const acked = new Set<string>();
  let next = 0;
  for (let round = 0; round < rounds; round++) {
    const child = spawn(process.execPath, [writer.path, file, String(next)], {
      env: {
        PATH: process.env.PATH,
        FOI_DESK_PASSPHRASE: PASSPHRASE,
        CASE_TEMPLATE: template,
        FOI_DESK_MIGRATIONS: path.join(repoRoot, 'db', 'migrations'),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffer = '';
    const killAfter = 1 + Math.floor(Math.random() * 12);
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise<void>((resolve) => {
      let acks = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        let nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (line.startsWith('ACK ')) {
            acked.add(line.slice(4));
            acks++;
            // Kill mid-stream: sometimes right after an ACK, sometimes during the next write.
            if (acks >= killAfter) {
              if (Math.random() < 0.5) child.kill('SIGKILL');
              else setImmediate(() => child.kill('SIGKILL'));
              resolve();
            }
          }
        }
      });
      child.on('exit', () => resolve());
    });
    await exited;
    next += 1000;
    const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
    try {
      expect(cf.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const present = new Set(
        cf.sqlite
          .prepare("SELECT reference FROM cases WHERE reference LIKE 'CRASH %'")
          .pluck()
          .all() as string[],
      );
      for (const ref of acked) expect(present.has(ref), `${ref} was acknowledged but lost`).toBe(true);
    } finally {
      cf.close();
    }
  }
  expect(acked.size).toBeGreaterThanOrEqual(rounds);
}
