/** The working that explains a date, the warnings, the summary line, and bad input. */
import { describe, expect, it } from 'vitest';
import {
  ClockInputError,
  computeDeadline,
  computeDueDate,
  latestLawfulDate,
  withLongestExtension,
  type ClockInput,
} from '../../../shared/clock';

const base = (over: Partial<ClockInput>): ClockInput => ({
  regime: 'FOIA',
  jurisdiction: 'england-and-wales',
  received: '2025-01-06',
  ...over,
});

function reasonOn(d: ReturnType<typeof computeDeadline>, date: string): string | undefined {
  return d.skipped.find((s) => s.date === date)?.reason;
}

describe('counted and skipped days', () => {
  it('numbers 20 working days and gives every skipped day a reason', () => {
    const d = computeDeadline(base({ received: '2022-11-25' }));
    expect(d.counted).toHaveLength(20);
    expect(d.counted.map((c) => c.day)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(d.counted[0]).toEqual({ day: 1, date: '2022-11-28' });
    expect(d.counted[19]).toEqual({ day: 20, date: '2022-12-28' });
    expect(reasonOn(d, '2022-11-26')).toBe('Saturday');
    expect(reasonOn(d, '2022-11-27')).toBe('Sunday');
    expect(reasonOn(d, '2022-11-30')).toBe("Bank holiday in Scotland: St Andrew's Day");
    expect(reasonOn(d, '2022-12-25')).toBe('Sunday');
    expect(reasonOn(d, '2022-12-26')).toBe('Bank holiday in all of the UK: Boxing Day');
    expect(reasonOn(d, '2022-12-27')).toBe('Bank holiday in all of the UK: Christmas Day (substitute day)');
    // Every calendar day after receipt up to the due date is either counted or skipped, once.
    expect(d.counted.length + d.skipped.length).toBe(33);
    expect(d.notes[0]).toContain('day 1 is the first working day after the date of receipt');
  });

  it('names the part of the UK each holiday belongs to', () => {
    const newYear = computeDeadline(base({ received: '2022-12-19' }));
    expect(reasonOn(newYear, '2023-01-02')).toBe(
      "Bank holiday in England, Wales and Northern Ireland: New Year's Day (substitute day); Bank holiday in Scotland: 2nd January",
    );
    expect(reasonOn(newYear, '2023-01-03')).toBe("Bank holiday in Scotland: New Year's Day (substitute day)");
    const easter = computeDeadline(base({ received: '2025-04-01' }));
    expect(reasonOn(easter, '2025-04-18')).toBe('Bank holiday in all of the UK: Good Friday');
    expect(reasonOn(easter, '2025-04-21')).toBe(
      'Bank holiday in England, Wales and Northern Ireland: Easter Monday',
    );
    const boyne = computeDeadline(base({ received: '2025-07-01' }));
    expect(reasonOn(boyne, '2025-07-14')).toBe(
      "Bank holiday in Northern Ireland: Battle of the Boyne (Orangemen's Day) (substitute day)",
    );
    const funeral = computeDeadline(base({ received: '2022-09-02' }));
    expect(reasonOn(funeral, '2022-09-19')).toBe(
      'Bank holiday in all of the UK: Bank holiday for the State Funeral of Queen Elizabeth II',
    );
  });

  it('FOISA and SAR name only their own jurisdiction', () => {
    const foisa = computeDeadline(
      base({ regime: 'FOISA', jurisdiction: 'scotland', received: '2025-11-14' }),
    );
    expect(reasonOn(foisa, '2025-12-01')).toBe("Bank holiday in Scotland: St Andrew's Day (substitute day)");
    const sar = computeDeadline(base({ regime: 'SAR', jurisdiction: 'scotland', received: '2025-10-31' }));
    expect(reasonOn(sar, '2025-11-30')).toBe('Sunday (the deadline moves to the next working day)');
    expect(reasonOn(sar, '2025-12-01')).toBe(
      "Bank holiday in Scotland: St Andrew's Day (substitute day) (the deadline moves to the next working day)",
    );
  });

  it('shows added holidays by their name', () => {
    const all = computeDeadline(
      base({ received: '2026-11-27', extraHolidays: [{ date: '2026-12-14', name: 'State funeral' }] }),
    );
    expect(reasonOn(all, '2026-12-14')).toBe('Added holiday: State funeral');
    const scottish = computeDeadline(
      base({
        received: '2026-11-27',
        extraHolidays: [{ date: '2026-12-14', name: 'Local day', jurisdictions: ['scotland'] }],
      }),
    );
    expect(reasonOn(scottish, '2026-12-14')).toBe('Added holiday in Scotland: Local day');
  });

  it('shows the deemed day of receipt under the non-working-day setting', () => {
    const d = computeDeadline(base({ received: '2025-01-04', receivedOnNonWorkingDayCountsNext: true }));
    expect(d.clockStart).toBe('2025-01-06');
    expect(d.skipped.slice(0, 2)).toEqual([
      { date: '2025-01-05', reason: 'Sunday' },
      {
        date: '2025-01-06',
        reason: 'Treated as the date of receipt (the request arrived on a non-working day)',
      },
    ]);
    expect(d.counted[0]).toEqual({ day: 1, date: '2025-01-07' });
    expect(d.summary).toContain('treated as received on Monday 6 January 2025');
  });

  it('shows fee days as disregarded', () => {
    const d = computeDeadline(
      base({
        events: [
          { type: 'fees-notice-issued', date: '2025-01-08' },
          { type: 'fee-paid', date: '2025-01-14' },
        ],
      }),
    );
    for (const date of ['2025-01-08', '2025-01-09', '2025-01-10', '2025-01-13', '2025-01-14']) {
      expect(reasonOn(d, date)).toBe('Clock stopped: awaiting fee');
    }
    expect(reasonOn(d, '2025-01-11')).toBe('Saturday');
    expect(d.pauses).toEqual([
      { from: '2025-01-08', to: '2025-01-14', reason: 'Clock stopped: awaiting fee' },
    ]);
    expect(d.counted).toHaveLength(20);
    expect(d.summary).toBe(
      'Due Monday 10 February 2025: the 20th working day after receipt on Monday 6 January 2025, not counting 5 working days awaiting the fee (FOIA s10).',
    );
  });

  it('counts a fresh period after clarification', () => {
    const d = computeDeadline(
      base({
        events: [
          { type: 'clarification-requested', date: '2025-01-08' },
          { type: 'clarification-received', date: '2025-01-20' },
        ],
      }),
    );
    expect(d.clockStart).toBe('2025-01-20');
    expect(d.counted[0]).toEqual({ day: 1, date: '2025-01-21' });
    expect(d.summary).toBe(
      'Due Monday 17 February 2025: the 20th working day after the clarification received on Monday 20 January 2025 (FOIA s10).',
    );
    expect(d.notes.some((n) => n.includes('a fresh 20 working days run from it (FOIA s1(3))'))).toBe(true);
  });

  it('SAR: day 1 is the day of receipt, paused days are shown', () => {
    const d = computeDeadline(
      base({
        regime: 'SAR',
        received: '2025-09-03',
        events: [
          { type: 'sar-clock-stopped', date: '2025-09-05' },
          { type: 'sar-clock-restarted', date: '2025-09-10' },
        ],
      }),
    );
    expect(d.due).toBe('2025-10-09');
    expect(d.counted[0]).toEqual({ day: 1, date: '2025-09-03' });
    expect(d.counted[1]).toEqual({ day: 2, date: '2025-09-04' });
    expect(d.counted[2]).toEqual({ day: 3, date: '2025-09-11' });
    expect(d.skipped).toHaveLength(6);
    expect(d.skipped.every((s) => s.reason === 'Clock stopped: awaiting clarification')).toBe(true);
    expect(d.counted.at(-1)).toEqual({ day: 31, date: '2025-10-09' });
    expect(d.summary).toBe(
      'Due Thursday 9 October 2025: one month from receipt on Wednesday 3 September 2025, plus 6 days while the clock was stopped (UK GDPR Art 12(3)).',
    );
  });

  it('SAR: a roll-forward is explained in the summary', () => {
    const d = computeDeadline(base({ regime: 'SAR', received: '2026-09-03' }));
    expect(d.summary).toBe(
      'Due Monday 5 October 2026: one month from receipt on Thursday 3 September 2026; Saturday 3 October 2026 is not a working day, so the deadline moves to the next one (UK GDPR Art 12(3)).',
    );
    expect(d.skipped).toEqual([
      { date: '2026-10-03', reason: 'Saturday (the deadline moves to the next working day)' },
      { date: '2026-10-04', reason: 'Sunday (the deadline moves to the next working day)' },
    ]);
  });

  it('leaves the working out when explain is false, but keeps dates, warnings and summary', () => {
    const input = base({ events: [{ type: 'pi-extension', date: '2025-01-31', until: '2025-03-20' }] });
    const full = computeDeadline(input);
    const fast = computeDeadline(input, { explain: false });
    expect(fast.counted).toEqual([]);
    expect(fast.skipped).toEqual([]);
    expect(fast.notes).toEqual([]);
    expect({ ...fast, counted: [], skipped: [], notes: [] }).toEqual({
      ...full,
      counted: [],
      skipped: [],
      notes: [],
    });
    expect(computeDueDate(input)).toBe(full.due);
  });
});

describe('stopped clocks', () => {
  it('reports the state while awaiting clarification', () => {
    const d = computeDeadline(base({ events: [{ type: 'clarification-requested', date: '2025-01-10' }] }));
    expect(d).toMatchObject({
      due: null,
      statutoryDue: null,
      latestLawful: null,
      stopped: true,
      stoppedSince: '2025-01-10',
      stoppedReason: 'awaiting clarification',
    });
    expect(d.summary).toBe(
      'Clock stopped since Friday 10 January 2025, awaiting clarification: no due date until it arrives, then a fresh 20 working days run (FOIA s1(3)).',
    );
    // The days used before the stop are still shown.
    expect(d.counted.map((c) => c.date)).toEqual(['2025-01-07', '2025-01-08', '2025-01-09', '2025-01-10']);
  });

  it('reports the state while awaiting a fee', () => {
    const d = computeDeadline(base({ events: [{ type: 'fees-notice-issued', date: '2025-01-10' }] }));
    expect(d.stoppedReason).toBe('awaiting fee');
    expect(d.pauses).toEqual([{ from: '2025-01-10', to: null, reason: 'Clock stopped: awaiting fee' }]);
    expect(reasonOn(d, '2025-01-10')).toBe('Clock stopped: awaiting fee');
  });

  it('reports a stopped SAR awaiting identity', () => {
    const d = computeDeadline(
      base({
        regime: 'SAR',
        events: [{ type: 'sar-clock-stopped', date: '2025-01-08', awaiting: 'identity' }],
      }),
    );
    expect(d.stopped).toBe(true);
    expect(d.stoppedReason).toBe('awaiting identity');
    expect(d.summary).toContain('the month then runs from that day');
  });
});

describe('extensions and latest lawful dates', () => {
  it('FOIA: 40 working days is the latest the ICO expects', () => {
    const d = computeDeadline(base({}));
    expect(d.statutoryDue).toBe('2025-02-03');
    expect(d.latestLawful).toBe('2025-03-03');
    expect(latestLawfulDate(base({}))).toBe('2025-03-03');
  });

  it('warns when the public interest estimate is past 20 extra working days, not at exactly 20', () => {
    const ok = computeDeadline(
      base({ events: [{ type: 'pi-extension', date: '2025-01-31', until: '2025-03-03' }] }),
    );
    expect(ok.warnings).toEqual([]);
    expect(ok.extension).toBe('public-interest');
    const long = computeDeadline(
      base({ events: [{ type: 'pi-extension', date: '2025-01-31', until: '2025-03-04' }] }),
    );
    expect(long.due).toBe('2025-03-04');
    expect(long.warnings).toHaveLength(1);
    expect(long.warnings[0]).toContain('more than 20 working days after the statutory date');
    expect(long.summary).toContain('after a public interest extension (FOIA s10(3))');
    // The working runs on to the estimated date, past day 40.
    expect(long.counted.at(-1)).toEqual({ day: 41, date: '2025-03-04' });
  });

  it('assumes 20 extra working days when no estimated date is given', () => {
    const d = computeDeadline(base({ events: [{ type: 'pi-extension', date: '2025-01-31' }] }));
    expect(d.due).toBe('2025-03-03');
    expect(d.warnings[0]).toContain('has no estimated date');
  });

  it('ignores an extension notice sent after the statutory date', () => {
    const d = computeDeadline(
      base({ events: [{ type: 'pi-extension', date: '2025-02-04', until: '2025-02-20' }] }),
    );
    expect(d.due).toBe('2025-02-03');
    expect(d.extendedTo).toBeNull();
    expect(d.warnings[0]).toContain('cannot extend it');
  });

  it('ignores a fees notice given after the due date', () => {
    const d = computeDeadline(
      base({
        events: [
          { type: 'fees-notice-issued', date: '2025-02-10' },
          { type: 'fee-paid', date: '2025-02-12' },
        ],
      }),
    );
    expect(d.due).toBe('2025-02-03');
    expect(d.warnings).toHaveLength(2);
    expect(d.warnings[0]).toContain('does not stop the clock');
  });

  it('warns when a fee arrives more than three months after the notice', () => {
    const d = computeDeadline(
      base({
        events: [
          { type: 'fees-notice-issued', date: '2025-01-08' },
          { type: 'fee-paid', date: '2025-04-08' },
        ],
      }),
    );
    expect(d.warnings[0]).toContain('outside the three months that began with the fees notice');
    const inTime = computeDeadline(
      base({
        events: [
          { type: 'fees-notice-issued', date: '2025-01-08' },
          { type: 'fee-paid', date: '2025-04-07' },
        ],
      }),
    );
    expect(inTime.warnings).toEqual([]);
  });

  it('FOISA has no extension: the latest lawful date is the statutory date', () => {
    const d = computeDeadline(base({ regime: 'FOISA', jurisdiction: 'scotland' }));
    expect(d.latestLawful).toBe(d.statutoryDue);
    const piInput = base({
      regime: 'FOISA',
      jurisdiction: 'scotland',
      events: [{ type: 'pi-extension', date: '2025-01-08', until: '2025-03-03' }],
    });
    expect(computeDeadline(piInput).warnings[0]).toContain('FOISA has no public interest extension');
    expect(withLongestExtension(piInput)).toBe(piInput);
  });

  it('warns when FOISA is used by an organisation outside Scotland', () => {
    expect(computeDeadline(base({ regime: 'FOISA' })).warnings[0]).toContain('Scottish public authorities');
  });

  it('SAR: three months is the latest; an extension after the first month is refused', () => {
    const d = computeDeadline(base({ regime: 'SAR', received: '2025-09-03' }));
    expect(d.latestLawful).toBe('2025-12-03');
    const late = computeDeadline(
      base({
        regime: 'SAR',
        received: '2025-09-03',
        events: [{ type: 'sar-extension', date: '2025-10-06' }],
      }),
    );
    expect(late.due).toBe('2025-10-03');
    expect(late.warnings[0]).toContain('within the first month');
  });

  it('SAR: a clock stop after the extended date is refused, one within it counts', () => {
    const stops = (date: string) =>
      computeDeadline(
        base({
          regime: 'SAR',
          received: '2025-09-03',
          events: [
            { type: 'sar-extension', date: '2025-09-10' },
            { type: 'sar-clock-stopped', date: date },
            { type: 'sar-clock-restarted', date: '2025-12-10' },
          ],
        }),
      );
    // Extended to 3 Dec; stopped 1 Dec and restarted 10 Dec: 10 days added → 13 Dec (Sat) → 15 Dec.
    expect(stops('2025-12-01').due).toBe('2025-12-15');
    const late = stops('2025-12-04');
    expect(late.due).toBe('2025-12-03');
    expect(late.warnings[0]).toContain('cannot be paused');
  });

  it('withLongestExtension reaches the latest lawful date for each regime', () => {
    for (const regime of ['FOIA', 'EIR', 'FOI-IR', 'SAR', 'EIR-RECON', 'FOISA'] as const) {
      const input = base({ regime, jurisdiction: regime === 'FOISA' ? 'scotland' : 'england-and-wales' });
      expect(computeDeadline(withLongestExtension(input)).due).toBe(latestLawfulDate(input));
    }
  });

  it('ignores events that do not apply to the regime, with a warning', () => {
    const d = computeDeadline(base({ events: [{ type: 'sar-extension', date: '2025-01-08' }] }));
    expect(d.due).toBe('2025-02-03');
    expect(d.warnings[0]).toContain('does not apply to FOIA');
    const eir = computeDeadline(
      base({ regime: 'EIR', events: [{ type: 'pi-extension', date: '2025-01-08' }] }),
    );
    expect(eir.warnings[0]).toContain('regulation 7');
  });
});

describe('events and input problems', () => {
  it('sorts events by date', () => {
    const d = computeDeadline(
      base({
        events: [
          { type: 'clarification-received', date: '2025-01-20' },
          { type: 'clarification-requested', date: '2025-01-08' },
        ],
      }),
    );
    expect(d.due).toBe('2025-02-17');
  });

  it('turns unusable events and added holidays into warnings', () => {
    const d = computeDeadline(
      base({
        events: [
          { type: 'fee-paid', date: '2025-02-30' },
          { type: 'clarification-requested', date: '2024-12-01' },
          { type: 'fee-paid', date: '2025-01-08' },
        ],
        extraHolidays: [{ date: 'soon', name: 'Party' }],
      }),
    );
    expect(d.due).toBe('2025-02-03');
    expect(d.warnings).toEqual([
      'The added holiday "Party" has an unusable date "soon" and is ignored.',
      'The fee payment has an unusable date "2025-02-30" and is ignored.',
      'The request for clarification on Sunday 1 December 2024 is before the date of receipt and is ignored.',
      'Fee paid on Wednesday 8 January 2025 with no fees notice awaiting payment; ignored.',
    ]);
  });

  it('reports event types and stop reasons it does not know', () => {
    const d = computeDeadline(base({ events: [{ type: 'toString' as never, date: '2025-01-08' }] }));
    expect(d.due).toBe('2025-02-03');
    expect(d.warnings).toEqual(['Unknown clock event "toString" ignored.']);
    const sar = computeDeadline(
      base({
        regime: 'SAR',
        received: '2025-09-03',
        events: [
          { type: 'sar-clock-stopped', date: '2025-09-05', awaiting: 'payment' as never },
          { type: 'sar-clock-restarted', date: '2025-09-10' },
        ],
      }),
    );
    expect(sar.due).toBe('2025-10-09');
    expect(sar.warnings).toEqual(['A clock stop awaiting "payment" is treated as awaiting clarification.']);
  });

  it('throws a plain error for input it cannot compute from', () => {
    expect(() => computeDeadline(base({ received: '2023-02-29' }))).toThrow(ClockInputError);
    expect(() => computeDeadline(base({ received: '2023-02-29' }))).toThrow(
      'the date of receipt "2023-02-29" is not a real date in the form YYYY-MM-DD',
    );
    expect(() => computeDeadline(base({ regime: 'FOI' as never }))).toThrow('unknown regime "FOI"');
    expect(() => computeDeadline(base({ jurisdiction: 'wales' as never }))).toThrow(
      'unknown jurisdiction "wales"',
    );
    expect(() => computeDeadline(base({ received: '2004-12-31' }))).toThrow(
      'outside the years the clock covers',
    );
  });

  it('warns when the deadline reaches years whose holidays are projected', () => {
    const d = computeDeadline(base({ received: '2031-03-03' }));
    expect(d.warnings.some((w) => w.includes('projected from the usual pattern'))).toBe(true);
    expect(computeDeadline(base({ received: '2029-03-05' })).warnings).toEqual([]);
  });
});
