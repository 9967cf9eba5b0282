import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCaseFile, knownSchemaVersion, openCaseFile, type CaseFile } from '../../db/case-file';
import { exportRegisterJson, importInterchange } from '../../main/services/import-export';
import { backupCaseFile, restoreCaseFile } from '../../main/services/backup';
import { makeTempDir, PASSPHRASE, readFixture, repoRoot } from '../helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
});
afterEach(() => {
  delete process.env.FOI_DESK_MIGRATIONS;
  cleanup();
});

/** A copy of the migrations folder as the first release shipped it: migration 0000 only. */
function firstReleaseMigrations(): string {
  const folder = path.join(dir, 'migrations-v1');
  const source = path.join(repoRoot, 'db', 'migrations');
  mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(source, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const first = journal.entries[0]!;
  cpSync(path.join(source, `${first.tag}.sql`), path.join(folder, `${first.tag}.sql`));
  writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: [first] }));
  return folder;
}

/**
 * Imports a fixture into a file at an older schema as that version would have written it: into a
 * current file first, then copied row by row keeping only the columns the older tables have (today's
 * import writes columns, such as the question ids, that the older schema does not have yet).
 * Returns the register as the current file exports it, to compare with after the migration.
 */
function importAsOlderVersion(old: CaseFile, fixture: string): string {
  const older = process.env.FOI_DESK_MIGRATIONS;
  delete process.env.FOI_DESK_MIGRATIONS;
  const staging = createCaseFile({
    path: path.join(dir, `staging-${fixture}.foidesk`),
    passphrase: PASSPHRASE,
  });
  if (older !== undefined) process.env.FOI_DESK_MIGRATIONS = older;
  try {
    importInterchange(staging, [{ path: fixture, text: readFixture(fixture) }], 'test');
    const tables = [
      'requesters',
      'cases',
      'questions',
      'responses',
      'applied_exemptions',
      'public_interest_factors',
      'case_events',
      'audit_log',
    ];
    old.sqlite.transaction(() => {
      for (const table of tables) {
        const columns = (old.sqlite.pragma(`table_info(${table})`) as { name: string }[]).map(
          (c) => `"${c.name}"`,
        );
        const rows = staging.sqlite
          .prepare(`SELECT ${columns.join(', ')} FROM ${table}`)
          .raw()
          .all() as unknown[][];
        const insert = old.sqlite.prepare(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        );
        for (const row of rows) insert.run(...row);
      }
    })();
    return exportRegisterJson(staging);
  } finally {
    staging.close();
  }
}

describe('schema migrations', () => {
  it('brings a file from the first release up to date on open, data intact', () => {
    const current = knownSchemaVersion();
    expect(current).toBeGreaterThanOrEqual(2);
    process.env.FOI_DESK_MIGRATIONS = firstReleaseMigrations();
    const file = path.join(dir, 'old.foidesk');
    const old = createCaseFile({ path: file, passphrase: PASSPHRASE });
    expect(old.sqlite.pragma('user_version', { simple: true })).toBe(1);
    const before = importAsOlderVersion(old, 'foi-4951.case.json');
    const columns = () =>
      (old.sqlite.pragma('table_info(case_events)') as { name: string }[]).map((c) => c.name);
    expect(columns()).not.toContain('awaiting');
    old.close();
    delete process.env.FOI_DESK_MIGRATIONS;

    const reopened = openCaseFile({ path: file, passphrase: PASSPHRASE });
    try {
      expect(reopened.openedAtVersion).toBe(1);
      expect(reopened.sqlite.pragma('user_version', { simple: true })).toBe(current);
      const names = (reopened.sqlite.pragma('table_info(case_events)') as { name: string }[]).map(
        (c) => c.name,
      );
      expect(names).toContain('awaiting');
      expect(exportRegisterJson(reopened)).toBe(before);
    } finally {
      reopened.close();
    }
  });

  it('restores a backup from an older version by migrating the restored copy', async () => {
    process.env.FOI_DESK_MIGRATIONS = firstReleaseMigrations();
    const file = path.join(dir, 'old.foidesk');
    const old = createCaseFile({ path: file, passphrase: PASSPHRASE });
    const before = importAsOlderVersion(old, 'foi-2774.case.json');
    const backup = path.join(dir, 'old-backup.foidesk');
    await backupCaseFile(old, backup, PASSPHRASE);
    old.close();
    delete process.env.FOI_DESK_MIGRATIONS;

    const target = path.join(dir, 'restored.foidesk');
    const report = await restoreCaseFile(backup, target, PASSPHRASE);
    expect(report.check).toMatchObject({ ok: true, cases: 1, schemaVersion: 1 });
    const restored = openCaseFile({ path: target, passphrase: PASSPHRASE });
    try {
      expect(restored.openedAtVersion).toBe(knownSchemaVersion());
      expect(exportRegisterJson(restored)).toBe(before);
    } finally {
      restored.close();
    }
  });
});
