/**
 * The hot reads reuse their prepared statements: showing the queue again and again adds no new
 * statement, a search's SQL varies with its words but the cache stays bounded, and a cached read
 * still sees every change written since.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { createCaseFile, openCaseFile, type CaseFile } from '../../db/case-file';
import { listQueue, queueCounts } from '../../db/queries/queue';
import { getSettings, setSetting } from '../../db/queries/settings';
import { cachedStatementCount } from '../../db/statement-cache';
import { importFixtures, makeTempDir, PASSPHRASE } from '../helpers';

let cleanup: () => void;
let cf: CaseFile;
beforeEach(() => {
  const temp = makeTempDir();
  cleanup = temp.cleanup;
  const file = path.join(temp.dir, 'register.foidesk');
  createCaseFile({ path: file, passphrase: PASSPHRASE }).close();
  cf = openCaseFile({ path: file, passphrase: PASSPHRASE });
  importFixtures(cf);
});
afterEach(() => {
  cf.close();
  cleanup();
});

const TODAY = '2026-11-21';

describe('prepared statements kept per connection', () => {
  it('the same page shown 200 times prepares its statements once, with the same rows', () => {
    const page = () =>
      listQueue(
        cf.db,
        { view: 'all', today: TODAY },
        { by: 'due', direction: 'asc' },
        { offset: 0, limit: 50 },
      );
    const first = page();
    expect(first.total).toBe(2);
    const after = cachedStatementCount(cf.sqlite);
    expect(after).toBeGreaterThan(0);
    for (let i = 0; i < 200; i++) expect(page()).toEqual(first);
    expect(cachedStatementCount(cf.sqlite)).toBe(after);
  });

  it('stays bounded over many different searches, each still answered right', () => {
    for (let i = 0; i < 300; i++) {
      const words = Array.from({ length: (i % 12) + 1 }, (_, k) => `word${k}`).join(' ');
      const filter = { view: 'all' as const, today: TODAY, search: `${words} x${i}`, officer: `o${i}` };
      expect(listQueue(cf.db, filter, { by: 'due', direction: 'asc' }, { offset: 0, limit: 10 }).total).toBe(
        0,
      );
    }
    expect(cachedStatementCount(cf.sqlite)).toBeLessThanOrEqual(200);
    const found = listQueue(
      cf.db,
      { view: 'all', today: TODAY, search: 'Cyber Essentials' },
      { by: 'relevance', direction: 'asc' },
      { offset: 0, limit: 10 },
    );
    expect(found.total).toBeGreaterThan(0);
  });

  it('a cached read sees what was written after it was prepared', () => {
    const before = queueCounts(cf.db, TODAY);
    cf.sqlite.prepare("UPDATE cases SET status = 'closed' WHERE status != 'closed'").run();
    const after = queueCounts(cf.db, TODAY);
    expect(after.closed).toBe(before.closed + before.open);
    expect(after.open).toBe(0);
    const settings = getSettings(cf.db);
    setSetting(cf.db, 'autoBackupKeep', settings.autoBackupKeep + 1);
    expect(getSettings(cf.db).autoBackupKeep).toBe(settings.autoBackupKeep + 1);
  });
});
