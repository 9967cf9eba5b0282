/**
 * The passphrase is held only as bytes in main and zeroed on lock (issue 10, item 9): the session's
 * key buffer is all zeros after lock, the channels refuse a passphrase sent as a string, and a heap
 * snapshot of a bridge process holds no string of the passphrase, open or locked.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskApp } from '../../main/services/app';
import { createHandlers, type Handlers } from '../../main/services/handlers';
import { makeTempDir, PASSPHRASE, repoRoot } from '../helpers';

describe('the passphrase in memory', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let app: DeskApp;
  let handlers: Handlers;
  beforeEach(() => {
    temp = makeTempDir();
    app = new DeskApp({ configDir: path.join(temp.dir, 'config'), actor: 'test' });
    handlers = createHandlers(app);
  });
  afterEach(async () => {
    await app.lockNow();
    temp.cleanup();
  });

  it('keeps the bytes it was sent as the session key, zeroes the array, and zeroes the key on lock', async () => {
    const file = path.join(temp.dir, 'r.foidesk');
    const sent = Array.from(Buffer.from(PASSPHRASE, 'utf8'));
    expect((await handlers['session:create']({ path: file, passphrase: sent })).ok).toBe(true);
    expect(sent.every((b) => b === 0)).toBe(true);
    const key = app.session!.key;
    expect(key.toString('utf8')).toBe(PASSPHRASE);
    await handlers['session:lock']({});
    expect(key.length).toBe(Buffer.byteLength(PASSPHRASE));
    expect(key.every((b) => b === 0)).toBe(true);

    // The same bytes open it again; a wrong passphrase's bytes are zeroed too.
    const wrong = Buffer.from('not the passphrase', 'utf8');
    const reply = await handlers['session:open']({ path: file, passphrase: wrong });
    expect(!reply.ok && reply.error.code).toBe('wrong-passphrase');
    expect(wrong.every((b) => b === 0)).toBe(true);
    expect((await handlers['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) })).ok).toBe(
      true,
    );
  });

  it('refuses a passphrase sent as a string, and counts a new one in characters, not bytes', async () => {
    const file = path.join(temp.dir, 's.foidesk');
    const asString = await handlers['session:create']({ path: file, passphrase: PASSPHRASE });
    expect(asString).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(JSON.stringify(asString)).not.toContain(PASSPHRASE);
    // Seven characters, fourteen bytes: too short.
    const short = await handlers['session:create']({ path: file, passphrase: Buffer.from('ééééééé') });
    expect(short).toMatchObject({ ok: false, error: { code: 'validation' } });
    const eight = await handlers['session:create']({ path: file, passphrase: Buffer.from('éééééééé') });
    expect(eight.ok).toBe(true);
  });

  it('leaves no string of the passphrase in a bridge process’s heap, open or locked', () => {
    // A passphrase no source file contains: made here from random-looking parts, passed as hex.
    const marker = `heap-${process.pid}-${Date.now().toString(36)}-marker`;
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(repoRoot, 'tests', 'integration', 'passphrase-heap-child.ts'),
        temp.dir,
        Buffer.from(marker, 'utf8').toString('hex'),
      ],
      { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, string>;
    const copies = (snapshot: string) => readFileSync(snapshot, 'latin1').split(marker).length - 1;
    expect(copies(out.open!)).toBe(0);
    expect(copies(out.locked!)).toBe(0);
    expect(copies(out.withString!)).toBeGreaterThan(0);
  }, 240_000);
});
