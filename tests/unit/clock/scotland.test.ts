/**
 * The Scottish regimes, worked out by hand from a printed calendar and the statute (never from the
 * code under test): a FOISA review is due on the 20th Scottish working day after the requirement for
 * review is received (FOISA s21(1), s73), with nothing to stop or extend it; a request under the
 * Environmental Information (Scotland) Regulations 2004 on the 20th (reg 5(2)(a)), or the 40th after
 * a regulation 7 extension, with more particulars (reg 9(4)) and advance fees (reg 8) as its clock
 * events. Scottish working days skip 2 January, St Andrew's Day and the first Monday in August, and
 * count Easter Monday and the last Monday in August.
 */
import { describe, expect, it } from 'vitest';
import {
  computeDeadline,
  hasExtension,
  latestLawfulDate,
  withLongestExtension,
  type ClockEvent,
  type ClockInput,
} from '../../../shared/clock';
import type { Regime } from '../../../shared/case-format';

interface Case {
  regime: Regime;
  received: string;
  events?: ClockEvent[];
  expected: string;
  why: string;
}

const cases: Case[] = [
  {
    regime: 'FOISA-REVIEW',
    received: '2025-11-14',
    expected: '2025-12-15',
    why: 'St Andrew’s Day on Sunday 30 Nov 2025: the substitute Monday 1 Dec is skipped',
  },
  {
    regime: 'EISR',
    received: '2026-11-13',
    expected: '2026-12-14',
    why: 'St Andrew’s Day on Monday 30 Nov 2026 is skipped',
  },
  {
    regime: 'FOISA-REVIEW',
    received: '2026-12-18',
    expected: '2027-01-21',
    why: 'Christmas Fri 25 Dec, Boxing Day substitute Mon 28 Dec, New Year Fri 1 Jan, 2 January substitute Mon 4 Jan',
  },
  {
    regime: 'EISR',
    received: '2025-12-10',
    expected: '2026-01-13',
    why: '25, 26 Dec and 1, 2 Jan (a Thursday and a Friday) skipped',
  },
  {
    regime: 'EISR',
    received: '2026-07-28',
    expected: '2026-08-26',
    why: 'first Monday in August, 3 Aug 2026, is Scotland’s summer bank holiday',
  },
  {
    regime: 'FOISA-REVIEW',
    received: '2027-03-25',
    expected: '2027-04-23',
    why: 'Good Friday 26 Mar skipped; Easter Monday 29 Mar is a Scottish working day (day 1)',
  },
  {
    regime: 'FOI-IR',
    received: '2027-03-25',
    expected: '2027-04-26',
    why: 'the same dates under the s45 Code skip Easter Monday too (any part of the UK)',
  },
  {
    regime: 'EISR',
    received: '2026-07-28',
    events: [{ type: 'eir-extension', date: '2026-08-10' }],
    expected: '2026-09-23',
    why: 'reg 7: 40 Scottish working days; Monday 31 Aug (England’s summer holiday) counts',
  },
  {
    regime: 'EIR',
    received: '2026-07-28',
    events: [{ type: 'eir-extension', date: '2026-08-10' }],
    expected: '2026-09-24',
    why: 'the English EIR skip both 3 Aug (Scotland) and 31 Aug (England and Wales)',
  },
  {
    regime: 'EISR',
    received: '2026-07-28',
    events: [
      { type: 'clarification-requested', date: '2026-08-04' },
      { type: 'clarification-received', date: '2026-08-11' },
    ],
    expected: '2026-09-08',
    why: 'reg 9(4): a fresh 20 working days from the particulars on Tue 11 Aug; 31 Aug counts',
  },
  {
    regime: 'EISR',
    received: '2026-07-28',
    events: [
      { type: 'fees-notice-issued', date: '2026-07-30' },
      { type: 'fee-paid', date: '2026-08-06' },
    ],
    expected: '2026-09-02',
    why: 'reg 8: 29 Jul counts; 30 Jul to 6 Aug (both included) do not; counting resumes Fri 7 Aug',
  },
  {
    regime: 'FOISA-REVIEW',
    received: '2025-11-14',
    events: [
      { type: 'clarification-requested', date: '2025-11-20' },
      { type: 'fees-notice-issued', date: '2025-11-21' },
      { type: 'pi-extension', date: '2025-11-24', until: '2026-01-30' },
    ],
    expected: '2025-12-15',
    why: 's21(1): nothing stops or extends a review',
  },
  {
    regime: 'EISR',
    received: '2026-07-28',
    events: [{ type: 'pi-extension', date: '2026-08-10', until: '2026-10-30' }],
    expected: '2026-08-26',
    why: 'the EISR have no public interest extension',
  },
  {
    regime: 'EISR',
    received: '2026-07-28',
    events: [{ type: 'eir-extension', date: '2026-08-27' }],
    expected: '2026-08-26',
    why: 'reg 7(2): the extension must be notified within the first 20 working days',
  },
];

function input(c: Case): ClockInput {
  return { regime: c.regime, received: c.received, jurisdiction: 'scotland', events: c.events ?? [] };
}

describe('Scottish regimes: hand-worked due dates', () => {
  for (const c of cases) {
    it(`${c.regime} received ${c.received}${c.events?.length ? ' with events' : ''} is due ${c.expected}: ${c.why}`, () => {
      expect(computeDeadline(input(c)).due).toBe(c.expected);
    });
  }
});

describe('Scottish regimes: what the working says', () => {
  it('names the statute and skips Scottish holidays by name', () => {
    const review = computeDeadline(input(cases[0]!));
    expect(review.summary).toContain('(FOISA s21(1))');
    expect(review.limit).toBe('20 working days');
    expect(review.skipped.find((d) => d.date === '2025-12-01')?.reason).toContain('St Andrew');
    const eisr = computeDeadline(input(cases[4]!));
    expect(eisr.summary).toContain('(EISR reg 5(2)(a))');
    expect(eisr.skipped.map((s) => s.date)).toContain('2026-08-03');
    expect(eisr.counted).toHaveLength(20);
  });

  it('cites EISR reg 7 for the extension, and reg 9(4) for the particulars', () => {
    const extended = computeDeadline(input(cases[7]!));
    expect(extended.extension).toBe('eir-reg-7');
    expect(extended.statutoryDue).toBe('2026-08-26');
    expect(extended.summary).toContain('EISR reg 7(1)');
    expect(extended.counted.map((d) => d.date)).toContain('2026-08-31');
    const particulars = computeDeadline(input(cases[9]!));
    expect(particulars.notes.join(' ')).toContain('EISR reg 9(4)');
  });

  it('warns about each event a FOISA review cannot use, and a late or wrong extension', () => {
    const review = computeDeadline(input(cases[11]!));
    expect(review.warnings).toHaveLength(3);
    for (const w of review.warnings) expect(w).toContain('s21(1)');
    expect(computeDeadline(input(cases[12]!)).warnings[0]).toContain('no public interest extension');
    expect(computeDeadline(input(cases[13]!)).warnings[0]).toContain('after the statutory date');
  });

  it('warns when an EISR fee arrives more than 60 working days after the notice', () => {
    // Notice Thu 30 Jul 2026; the 60th Scottish working day after it is Fri 23 Oct 2026 (3 Aug
    // skipped, 31 Aug counted), so a fee on Monday 26 Oct is the 61st.
    const late = computeDeadline({
      regime: 'EISR',
      received: '2026-07-28',
      jurisdiction: 'scotland',
      events: [
        { type: 'fees-notice-issued', date: '2026-07-30' },
        { type: 'fee-paid', date: '2026-10-26' },
      ],
    });
    expect(late.warnings.join(' ')).toContain('60 working days');
    const inTime = computeDeadline({
      regime: 'EISR',
      received: '2026-07-28',
      jurisdiction: 'scotland',
      events: [
        { type: 'fees-notice-issued', date: '2026-07-30' },
        { type: 'fee-paid', date: '2026-10-23' },
      ],
    });
    expect(inTime.warnings.join(' ')).not.toContain('60 working days');
  });

  it('gives a FOISA review no extension and the EISR the reg 7 one as the latest lawful date', () => {
    expect(hasExtension('FOISA-REVIEW')).toBe(false);
    expect(hasExtension('EISR')).toBe(true);
    const review: ClockInput = { regime: 'FOISA-REVIEW', received: '2025-11-14', jurisdiction: 'scotland' };
    expect(latestLawfulDate(review)).toBe('2025-12-15');
    expect(withLongestExtension(review)).toBe(review);
    const eisr: ClockInput = { regime: 'EISR', received: '2026-07-28', jurisdiction: 'scotland' };
    expect(latestLawfulDate(eisr)).toBe('2026-09-23');
    expect(computeDeadline(withLongestExtension(eisr)).due).toBe('2026-09-23');
  });

  it('warns when a Scottish regime is used by an organisation not set to Scotland', () => {
    for (const regime of ['FOISA-REVIEW', 'EISR'] as const) {
      const d = computeDeadline({ regime, received: '2025-11-14', jurisdiction: 'england-and-wales' });
      expect(d.warnings[0]).toContain('Scottish public authorities');
      // The calendar is Scotland's whatever the organisation's setting says (s73).
      expect(d.due).toBe('2025-12-15');
    }
  });
});
