/**
 * The restore and passwd CLI killed with SIGKILL at random moments, 100 and 30 times: afterwards
 * the file is always whole, the old one (every acknowledged case, some only in its WAL) or the new
 * one. Slow: run with `npm run test:slow`. The step-by-step kills are in restore-safety.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { createCaseFile, openCaseFile } from '../../db/case-file';
import { backupCaseFile } from '../../main/services/backup';
import { cliPath, importFixtures, makeTempDir, PASSPHRASE, readFixture, repoRoot } from '../helpers';
import { buildCrashWriter } from './crash-loop';

let writer: string;
let removeWriter: () => void;
const env = {
  PATH: process.env.PATH,
  FOI_DESK_PASSPHRASE: PASSPHRASE,
  CASE_TEMPLATE: JSON.stringify(JSON.parse(readFixture('foi-2774.case.json'))),
  FOI_DESK_MIGRATIONS: path.join(repoRoot, 'db', 'migrations'),
};
let temp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  temp = makeTempDir();
  // The same bundled writer the crash loop uses, under a name of this process's own.
  ({ path: writer, remove: removeWriter } = await buildCrashWriter());
});
afterAll(() => {
  removeWriter();
  temp.cleanup();
});

function refsIn(file: string, passphrase = PASSPHRASE): string[] {
  const cf = openCaseFile({ path: file, passphrase });
  try {
    expect(cf.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    return (cf.sqlite.prepare('SELECT reference FROM cases').pluck().all() as string[]).sort();
  } finally {
    cf.close();
  }
}

function writeWalOnly(file: string, start: number, count: number): string[] {
  const r = spawnSync(process.execPath, [writer, file, String(start), String(count)], {
    encoding: 'utf8',
    env,
    timeout: 60_000,
  });
  expect(r.signal).toBe('SIGKILL');
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('ACK '))
    .map((l) => l.slice(4));
}

/** Runs the CLI and kills it after `delayMs` (or lets it finish first); resolves with how it ended. */
function runAndKill(args: string[], extraEnv: Record<string, string>, delayMs: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: { ...env, ...extraEnv },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ?? String(code));
    });
  });
}

describe('random SIGKILLs', () => {
  it('restore killed 100 times: the target is the old file whole or the new one whole', async () => {
    const file = path.join(temp.dir, 'register.foidesk');
    const cf = createCaseFile({ path: file, passphrase: PASSPHRASE });
    importFixtures(cf);
    const backup = (await backupCaseFile(cf, path.join(temp.dir, 'backup.foidesk'), PASSPHRASE)).path;
    cf.close();
    const newRefs = refsIn(file);
    // Kills spread over twice the time a whole restore takes here (one run, not killed, measured
    // first), so they land on both sides of the swap however fast the machine is, and still do if
    // it gets busier after the measurement. Nothing is timed.
    const started = performance.now();
    expect(await runAndKill(['restore', backup, file], {}, 600_000)).toBe('0');
    const window = Math.max(600, (performance.now() - started) * 2);
    expect(refsIn(file)).toEqual(newRefs);
    let next = 0;
    let oldSeen = 0;
    let newSeen = 0;
    for (let round = 0; round < 100; round++) {
      const acked = writeWalOnly(file, next, 3);
      next += 1000;
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
      const before = refsIn(file);
      // refsIn folded the WAL; write WAL-only cases again for the restore to meet.
      const more = writeWalOnly(file, next, 3);
      next += 1000;
      const oldRefs = [...before, ...more].sort();
      for (const ref of acked) expect(before).toContain(ref);
      await runAndKill(['restore', backup, file], {}, Math.random() * window);
      const after = refsIn(file);
      if (after.join() === newRefs.join()) newSeen++;
      else {
        expect(after).toEqual(oldRefs);
        oldSeen++;
      }
    }
    // Both outcomes happened, so the kills landed on both sides of the swap.
    expect(oldSeen).toBeGreaterThan(0);
    expect(newSeen).toBeGreaterThan(0);
    // The next run cleans up every killed run's temp files.
    expect(spawnSync(process.execPath, [cliPath, 'restore', backup, file], { env }).status).toBe(0);
    expect(readdirSync(temp.dir).filter((n) => /\.tmp(-wal)?$/.test(n))).toEqual([]);
  }, 900_000);

  it('passwd killed 30 times: the file opens with the old or the new passphrase, every case in it', async () => {
    const file = path.join(temp.dir, 'passwd.foidesk');
    createCaseFile({ path: file, passphrase: PASSPHRASE }).close();
    const acked = writeWalOnly(file, 0, 40);
    const expected = refsIn(file);
    for (const ref of acked) expect(expected).toContain(ref);
    const phrases = [PASSPHRASE, 'another long passphrase 1', 'another long passphrase 2'];
    let current = 0;
    for (let round = 0; round < 30; round++) {
      const target = (current + 1) % phrases.length;
      await runAndKill(
        ['passwd', file],
        { FOI_DESK_PASSPHRASE: phrases[current]!, FOI_DESK_NEW_PASSPHRASE: phrases[target]! },
        Math.random() * 500,
      );
      let opened: string[] | null = null;
      for (const i of [current, target]) {
        try {
          opened = refsIn(file, phrases[i]);
          current = i;
          break;
        } catch (error) {
          if (!/Wrong passphrase/.test(String(error))) throw error;
        }
      }
      expect(opened).toEqual(expected);
    }
  }, 900_000);
});
