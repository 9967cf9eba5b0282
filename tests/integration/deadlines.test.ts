import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { createCaseFile, type CaseFile } from '../../db/case-file';
import { addedHolidays, caseEvents } from '../../db/schema';
import { listCaseEvents } from '../../db/queries/cases';
import { importInterchange } from '../../main/services/import-export';
import { fillStatutoryDueDates, recomputeAllDueDates, toClockEvents } from '../../main/services/deadlines';
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
    const closed = { ...base, reference: 'FOI 7002', received: '2026-11-16', responded: '2026-11-20' };
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

  it('fills a statutory due date left empty, from the index of exactly those cases', () => {
    const base = JSON.parse(readFixture('foi-4951.case.json')) as Record<string, unknown>;
    const open = { ...base, reference: 'FOI 7003', received: '2026-11-16', status: 'open' };
    delete (open as { outcome?: unknown }).outcome;
    delete (open as { responded?: unknown }).responded;
    importInterchange(cf, [{ path: 'x', text: JSON.stringify(open) }], 'test');
    const statutory = () =>
      cf.sqlite.prepare("SELECT statutory_due FROM cases WHERE reference = 'FOI 7003'").pluck().get();
    expect(statutory()).toBe('2026-12-15');
    expect(fillStatutoryDueDates(cf.db)).toBe(0);
    // As a case stored before the statutory date was kept.
    cf.sqlite.prepare("UPDATE cases SET statutory_due = NULL WHERE reference = 'FOI 7003'").run();
    expect(fillStatutoryDueDates(cf.db)).toBe(1);
    expect(statutory()).toBe('2026-12-15');
    expect(fillStatutoryDueDates(cf.db)).toBe(0);
  });

  it('keeps what a stopped SAR clock awaits, which decides how the month restarts', () => {
    const sar = {
      ...(JSON.parse(readFixture('foi-4951.case.json')) as Record<string, unknown>),
      reference: 'SAR 1',
      regime: 'SAR',
      received: '2026-01-05',
      status: 'open',
      // A SAR has no FOIA exemptions: the seed's answers would be refused.
      questions: [{ number: '1', text: 'All the personal data you hold about me.' }],
    };
    delete (sar as { outcome?: unknown }).outcome;
    delete (sar as { responded?: unknown }).responded;
    importInterchange(cf, [{ path: 'x', text: JSON.stringify(sar) }], 'test');
    const id = cf.sqlite.prepare("SELECT id FROM cases WHERE reference = 'SAR 1'").pluck().get() as number;
    cf.db
      .insert(caseEvents)
      .values([
        { caseId: id, type: 'sar-clock-stopped', date: '2026-01-06', awaiting: 'identity' },
        { caseId: id, type: 'sar-clock-restarted', date: '2026-01-20' },
      ])
      .run();
    const events = toClockEvents(listCaseEvents(cf.db, id));
    expect(events[0]).toEqual({ type: 'sar-clock-stopped', date: '2026-01-06', awaiting: 'identity' });
    recomputeAllDueDates(cf.db);
    // Identity arrived on Tue 20 Jan 2026: the month runs again from that day, due Fri 20 Feb.
    expect(dueOf('SAR 1')).toBe('2026-02-20');
  });
});
