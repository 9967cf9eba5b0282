/**
 * `npm start` (scripts/start.mjs, run here with --no-build on the suite's build): where Electron's
 * binary is missing it says why in one line and starts the browser bridge, which prints its
 * address; where the binary is there it runs it on the app. ELECTRON_OVERRIDE_DIST_PATH, Electron's
 * own variable for where its binary lives, points at a folder without one, or with a stand-in.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { makeTempDir, repoRoot } from '../helpers';

const START = path.join(repoRoot, 'scripts', 'start.mjs');

function start(temp: string, electronDir: string) {
  return spawn(process.execPath, [START, '--no-build'], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      FOI_DESK_CONFIG_DIR: path.join(temp, 'config'),
      HOME: temp,
      ELECTRON_OVERRIDE_DIST_PATH: electronDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('npm start', () => {
  it('without Electron says why in one line and starts the browser version, printing its address', async () => {
    expect(existsSync(path.join(repoRoot, 'dist', 'bridge.mjs')), 'run `npm run build` first').toBe(true);
    const temp = makeTempDir();
    const child = start(temp.dir, path.join(temp.dir, 'no-electron-here'));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const first = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`npm start exited (${code}): ${stderr}`)));
      });
      expect(first).toMatch(/^FOI Desk is ready at http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{40,}$/);
      const page = await fetch(new URL('/', first.replace('FOI Desk is ready at ', '')));
      expect(page.status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(
          /^Electron's binary is not installed \(ELECTRON_SKIP_BINARY_DOWNLOAD.*npm run web/,
        ),
      ]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      temp.cleanup();
    }
  });

  it('with Electron runs it on the app and passes its exit code on', async () => {
    const temp = makeTempDir();
    const electronDir = path.join(temp.dir, 'electron');
    mkdirSync(electronDir);
    const standIn = path.join(electronDir, 'electron');
    writeFileSync(standIn, '#!/bin/sh\necho "electron $*"\nexit 3\n');
    chmodSync(standIn, 0o755);
    const child = start(temp.dir, electronDir);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      // 'close', not 'exit': the output is all read only once the pipes have closed.
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
      expect(stdout).toBe(`electron ${repoRoot}\n`);
      expect(stderr).toBe('');
      expect(code).toBe(3);
    } finally {
      temp.cleanup();
    }
  });
});
