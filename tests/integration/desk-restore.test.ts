/**
 * Backup progress, checking a backup and restoring it through the contract, as the app does:
 * the open file is closed first, the current file is kept as a safety copy, and the officer
 * unlocks the restored file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DeskApp } from '../../main/services/app';
import { createHandlers, type Handlers } from '../../main/services/handlers';
import { importInterchange } from '../../main/services/import-export';
import { openCaseFile } from '../../db/case-file';
import type { Envelope } from '../../shared/contract';
import { importFixtures, makeTempDir, PASSPHRASE, readFixture } from '../helpers';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let desk: DeskApp;
let api: Handlers;

function value<T>(reply: Envelope<T>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

beforeEach(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'register.foidesk');
  desk = new DeskApp({
    configDir: path.join(temp.dir, 'config'),
    actor: 'tester (app)',
    suggestedFolder: temp.dir,
  });
  api = createHandlers(desk);
  value(await api['session:create']({ path: file, passphrase: Buffer.from(PASSPHRASE) }));
  value(await api['session:lock']({}));
  const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
  importFixtures(cf);
  cf.close();
  value(await api['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) }));
});
afterEach(async () => {
  await desk.enqueue(() => desk.lockNow());
  temp.cleanup();
});

describe('backup and restore through the contract', () => {
  it('shows progress while a backup runs, then none', async () => {
    const folder = path.join(temp.dir, 'backups');
    mkdirSync(folder);
    expect(value(await api['backup:progress']({}))).toBeNull();
    const seen: unknown[] = [];
    const running = api['backup:create']({ folder });
    // The progress channel is answered outside the queue, so it sees the backup under way.
    for (let i = 0; i < 200 && seen.length === 0; i++) {
      const p = value(await api['backup:progress']({}));
      if (p) seen.push(p);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = value(await running);
    expect(['copying', 'verifying', 'done']).toContain((seen[0] as { phase: string }).phase);
    expect(result.cases).toBe(2);
    expect(value(await api['backup:progress']({}))).toBeNull();
    expect(value(await api['backup:status']({}))).toMatchObject({ due: false, last: { cases: 2 } });
  });

  it('checks a backup, then restores it over the open file with a safety copy', async () => {
    const folder = path.join(temp.dir, 'backups');
    mkdirSync(folder);
    const backup = value(await api['backup:create']({ folder }));

    // A case added after the backup, which the restore will take away again.
    const afterBackup = readFixture('foi-4951.case.json').replace('"FOI 4951"', '"FOI 9999"');
    value(await api['session:lock']({}));
    const cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
    importInterchange(cf, [{ path: 'x', text: afterBackup }], 'test');
    cf.close();
    value(await api['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) }));

    const check = value(
      await api['backup:inspect']({ path: backup.path, passphrase: Buffer.from(PASSPHRASE) }),
    );
    expect(check).toMatchObject({ ok: true, cases: 2, problems: [] });
    expect(check.lastChange).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const wrong = await api['backup:inspect']({
      path: backup.path,
      passphrase: Buffer.from('not the passphrase'),
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });

    const restored = value(
      await api['backup:restore']({
        backupPath: backup.path,
        targetPath: file,
        passphrase: Buffer.from(PASSPHRASE),
      }),
    );
    expect(restored.check.cases).toBe(2);
    expect(restored.safetyCopy).not.toBeNull();
    expect(existsSync(restored.safetyCopy!)).toBe(true);
    // The restore closed the session; the officer unlocks the restored file.
    expect(value(await api['session:status']({})).state).toBe('locked');
    value(await api['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) }));
    const page = value(await api['cases:list']({ view: 'all', offset: 0, limit: 50 }));
    expect(page.rows.map((r) => r.reference).sort()).toEqual(['FOI 2774', 'FOI 4951']);
  });

  it('refuses a damaged backup and leaves the current file as it was', async () => {
    value(await api['session:lock']({}));
    const before = readFileSync(file);
    const damaged = path.join(temp.dir, 'damaged.foidesk');
    writeFileSync(damaged, before.subarray(0, 5000));
    const reply = await api['backup:restore']({
      backupPath: damaged,
      targetPath: file,
      passphrase: Buffer.from(PASSPHRASE),
    });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.message).toMatch(/damaged/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(temp.dir).filter((n) => n.includes('before-restore') || n.endsWith('.tmp'))).toEqual(
      [],
    );
  });

  it('restores only into a case file main knows, or a new one: never a path the page made up', async () => {
    const folder = path.join(temp.dir, 'backups');
    mkdirSync(folder);
    const backup = value(await api['backup:create']({ folder }));
    value(await api['session:lock']({}));
    const restore = (targetPath: string) =>
      api['backup:restore']({ backupPath: backup.path, targetPath, passphrase: Buffer.from(PASSPHRASE) });

    const document = path.join(temp.dir, 'minutes.docx');
    writeFileSync(document, 'the minutes');
    for (const target of [document, 'register.foidesk', path.join(temp.dir, 'new.txt')]) {
      const reply = await restore(target);
      expect(reply.ok, target).toBe(false);
      expect(!reply.ok && reply.error.code).toBe('validation');
    }
    expect(readFileSync(document, 'utf8')).toBe('the minutes');
    expect(existsSync(path.resolve('register.foidesk'))).toBe(false);

    // A new .foidesk file replaces nothing; the file in the recent list is the officer's own.
    expect((await restore(path.join(temp.dir, 'fresh.foidesk'))).ok).toBe(true);
    expect((await restore(file)).ok).toBe(true);
  });

  it('takes a case file chosen in the dialog main opened, or one it refused as damaged', async () => {
    const folder = path.join(temp.dir, 'backups');
    mkdirSync(folder);
    const backup = value(await api['backup:create']({ folder }));
    value(await api['session:lock']({}));
    const other = path.join(temp.dir, 'colleague.foidesk');
    writeFileSync(other, readFileSync(file));
    const restore = (app: Handlers, targetPath: string) =>
      app['backup:restore']({ backupPath: backup.path, targetPath, passphrase: Buffer.from(PASSPHRASE) });
    expect((await restore(api, other)).ok).toBe(false);

    const withDialog = new DeskApp({
      configDir: path.join(temp.dir, 'config-dialog'),
      chooseSavePath: () => Promise.resolve(other),
    });
    const dialogApi = createHandlers(withDialog);
    expect(
      value(await dialogApi['dialog:save-path']({ suggestedName: 'x.foidesk', kind: 'case-file' })),
    ).toEqual({
      path: other,
    });
    // A wrong passphrase replaces nothing and keeps the choice for the next try; success uses it up.
    const wrong = await dialogApi['backup:restore']({
      backupPath: backup.path,
      targetPath: other,
      passphrase: Buffer.from('nope'),
    });
    expect(wrong.ok).toBe(false);
    expect((await restore(dialogApi, other)).ok).toBe(true);
    const fresh = new DeskApp({ configDir: path.join(temp.dir, 'config-fresh') });
    const freshApi = createHandlers(fresh);
    const damaged = path.join(temp.dir, 'damaged.foidesk');
    writeFileSync(damaged, readFileSync(file).subarray(0, 4096 * 3));
    const opened = await freshApi['session:open']({ path: damaged, passphrase: Buffer.from(PASSPHRASE) });
    expect(!opened.ok && opened.error.code).toBe('damaged');
    expect((await restore(freshApi, damaged)).ok).toBe(true);
  });
});
