/**
 * `npm run web` as a user starts it: the built bridge prints the address to open, token included,
 * as its first line, serves the page, refuses a request without the token, and stops on SIGTERM.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { makeTempDir, repoRoot } from '../helpers';

const BRIDGE = path.join(repoRoot, 'dist', 'bridge.mjs');

describe('the built bridge', () => {
  it('prints its address first, answers with the token only, and stops on SIGTERM', async () => {
    expect(existsSync(BRIDGE), 'run `node scripts/build.mjs all` first').toBe(true);
    const temp = makeTempDir();
    const child = spawn(process.execPath, [BRIDGE], {
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        FOI_DESK_CONFIG_DIR: path.join(temp.dir, 'config'),
        HOME: temp.dir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const first = await new Promise<string>((resolve, reject) => {
        lines.once('line', resolve);
        child.once('exit', (code) =>
          reject(new Error(`the bridge exited (${code}) before printing its address`)),
        );
      });
      const match = /^FOI Desk is ready at (http:\/\/127\.0\.0\.1:(\d+))\/#token=([A-Za-z0-9_-]{40,})$/.exec(
        first,
      );
      expect(match, first).not.toBeNull();
      const [, origin, , token] = match!;
      const page = await fetch(`${origin}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"></div>');
      const call = (auth: string | null) =>
        fetch(`${origin}/api/session:status`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
          body: '{}',
        });
      expect((await call(null)).status).toBe(401);
      const ok = await call(`Bearer ${token}`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ ok: true, value: { state: 'locked' } });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      temp.cleanup();
    }
  });

  it('records a start-up failure in its log, without the message', async () => {
    expect(existsSync(BRIDGE), 'run `node scripts/build.mjs all` first').toBe(true);
    const temp = makeTempDir();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    const configDir = path.join(temp.dir, 'config');
    try {
      const child = spawn(process.execPath, [BRIDGE], {
        env: { PATH: process.env.PATH, PORT: String(port), FOI_DESK_CONFIG_DIR: configDir, HOME: temp.dir },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const exited = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(exited).toBe(1);
      const lines = readFileSync(path.join(configDir, 'logs', 'foi-desk.log'), 'utf8')
        .trim()
        .split('\n');
      expect(lines).toHaveLength(1);
      const line = JSON.parse(lines[0]!) as { event: string; id: string; error: { code?: string } };
      expect(line).toMatchObject({ event: 'start-up-failed', error: { code: 'EADDRINUSE' } });
      expect(line.id).toMatch(/^[0-9a-f]{6}$/);
      expect(lines[0]).not.toContain(String(port));
    } finally {
      blocker.close();
      temp.cleanup();
    }
  });
});
