/**
 * Properties checked against an independent, deliberately plain count: a day-by-day loop over JS
 * Dates in UTC, using the same bank-holiday table but none of the clock's own code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANK_HOLIDAY_TABLE, computeDeadline, computeDueDate } from '../../../shared/clock';
import type { Jurisdiction } from '../../../shared/case-format';

const DAY_MS = 86_400_000;
const FIRST = Date.UTC(2015, 0, 1);
const LAST = Date.UTC(2027, 11, 31);
const JURISDICTIONS: Jurisdiction[] = ['england-and-wales', 'scotland', 'northern-ireland'];

const ukHolidays = new Set(JURISDICTIONS.flatMap((j) => BANK_HOLIDAY_TABLE[j].map(([d]) => d)));
const holidaysOf = (j: Jurisdiction) => new Set(BANK_HOLIDAY_TABLE[j].map(([d]) => d));

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);

function isWorking(date: string, holidays: Set<string>): boolean {
  const dow = new Date(ms(date)).getUTCDay();
  return dow !== 0 && dow !== 6 && !holidays.has(date);
}

/** The 20th working day after receipt, one day at a time. */
function twentiethWorkingDay(received: string, holidays: Set<string>): string {
  let t = ms(received);
  let count = 0;
  while (count < 20) {
    t += DAY_MS;
    if (isWorking(iso(t), holidays)) count++;
  }
  return iso(t);
}

/** Same date next month, or that month's last day. */
function sameDateNextMonth(received: string): string {
  const d = new Date(ms(received));
  const lastOfNext = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 2, 0)).getUTCDate();
  return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, Math.min(d.getUTCDate(), lastOfNext)));
}

const receiptDate = fc.integer({ min: 0, max: (LAST - FIRST) / DAY_MS }).map((n) => iso(FIRST + n * DAY_MS));
const jurisdiction = fc.constantFrom(...JURISDICTIONS);

describe('FOIA due dates (property)', () => {
  it('are working days exactly 20 working days after receipt', () => {
    fc.assert(
      fc.property(receiptDate, jurisdiction, (received, j) => {
        const due = computeDueDate({ regime: 'FOIA', received, jurisdiction: j });
        expect(due).not.toBeNull();
        expect(isWorking(due ?? '', ukHolidays)).toBe(true);
        expect(due).toBe(twentiethWorkingDay(received, ukHolidays));
      }),
      { numRuns: 1000 },
    );
  });

  it('FOISA counts Scotland’s bank holidays only', () => {
    const scotland = holidaysOf('scotland');
    fc.assert(
      fc.property(receiptDate, (received) => {
        const due = computeDueDate({ regime: 'FOISA', received, jurisdiction: 'scotland' });
        expect(due).toBe(twentiethWorkingDay(received, scotland));
      }),
      { numRuns: 500 },
    );
  });

  it('are never earlier for a later receipt date', () => {
    fc.assert(
      fc.property(receiptDate, receiptDate, (a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const dueEarly =
          computeDueDate({ regime: 'FOIA', received: early, jurisdiction: 'england-and-wales' }) ?? '';
        const dueLate =
          computeDueDate({ regime: 'FOIA', received: late, jurisdiction: 'england-and-wales' }) ?? '';
        expect(dueEarly <= dueLate).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('the working counts 20 days and accounts for every day in between', () => {
    fc.assert(
      fc.property(receiptDate, (received) => {
        const d = computeDeadline({ regime: 'FOIA', received, jurisdiction: 'england-and-wales' });
        expect(d.counted.map((c) => c.day)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        expect(d.counted.at(-1)?.date).toBe(d.due);
        const span = (ms(d.due ?? received) - ms(received)) / DAY_MS;
        expect(d.counted.length + d.skipped.length).toBe(span);
        for (const s of d.skipped) expect(isWorking(s.date, ukHolidays)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('SAR due dates (property)', () => {
  it('are working days on or after the same date next month, and the first such day', () => {
    fc.assert(
      fc.property(receiptDate, jurisdiction, (received, j) => {
        const holidays = holidaysOf(j);
        const due = computeDueDate({ regime: 'SAR', received, jurisdiction: j }) ?? '';
        const month = sameDateNextMonth(received);
        expect(due >= month).toBe(true);
        expect(isWorking(due, holidays)).toBe(true);
        // Rolled forward no further than needed.
        for (let t = ms(month); t < ms(due); t += DAY_MS) expect(isWorking(iso(t), holidays)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
