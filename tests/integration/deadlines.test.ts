import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { createCaseFile, type CaseFile } from '../../db/case-file';
import { addedHolidays } from '../../db/schema';
import { importInterchange } from '../../main/services/import-export';
import { recomputeAllDueDates } from '../../main/services/deadlines';
import { makeTempDir, PASSPHRASE, readFixture } from '../helpers';

let cleanup: () => void;
let cf: CaseFile;
beforeEach(() => {
  const t = makeTempDir();
  cleanup = t.cleanup;
  cf = createCaseFile({ path: path.join(t.dir, 'cases.foidesk'), passphrase: PASSPHRASE });
});
afterEach(() => {
  cf.close();
  cleanup();
});

function dueOf(reference: string): string | null {
  return cf.sqlite.prepare('SELECT due_date FROM cases WHERE reference = ?').pluck().get(reference) as
    string | null;
}

describe('stored due dates', () => {
  it('are computed on import and recomputed for open cases when a one-off holiday is added', () => {
    const base = JSON.parse(readFixture('foi-4951.case.json')) as Record<string, unknown>;
    const open = { ...base, reference: 'FOI 7001', received: '2026-11-16', status: 'open' };
    delete (open as { outcome?: unknown }).outcome;
    delete (open as { responded?: unknown }).responded;
    const closed = { ...base, reference: 'FOI 7002', received: '2026-11-16' };
    importInterchange(cf, [{ path: 'x', text: JSON.stringify([open, closed]) }], 'test');
    // Mon 16 Nov 2026; St Andrew's Day (Mon 30 Nov, Scotland) is skipped under FOIA: due Tue 15 Dec.
    expect(dueOf('FOI 7001')).toBe('2026-12-15');
    expect(dueOf('FOI 7002')).toBe('2026-12-15');

    cf.db.insert(addedHolidays).values({ date: '2026-12-14', name: 'State funeral' }).run();
    expect(recomputeAllDueDates(cf.db)).toBe(1);
    expect(dueOf('FOI 7001')).toBe('2026-12-16');
    // A closed case keeps the date it was answered against.
    expect(dueOf('FOI 7002')).toBe('2026-12-15');
  });
});
