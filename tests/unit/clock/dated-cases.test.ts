/**
 * Dated cases worked out by hand from a printed calendar and the statute (never from the code under
 * test). FOIA/EIR count working days in any part of the UK; FOISA, Scotland's only; SAR runs a
 * calendar month and rolls forward over the organisation's own non-working days.
 */
import { describe, expect, it } from 'vitest';
import { computeDeadline, type ClockEvent, type ClockInput, type ExtraHoliday } from '../../../shared/clock';
import type { Jurisdiction, Regime } from '../../../shared/case-format';

interface Case {
  regime: Regime;
  jurisdiction?: Jurisdiction;
  received: string;
  events?: ClockEvent[];
  extraHolidays?: ExtraHoliday[];
  countsNext?: boolean;
  expected: string | null;
  why?: string;
}

const EW: Jurisdiction = 'england-and-wales';

const cases: Case[] = [
  // ---- Christmas and New Year, FOIA (union of all UK bank holidays) -----------------------------
  {
    regime: 'FOIA',
    received: '2015-12-14',
    expected: '2016-01-15',
    why: '25 Dec (Fri), 28 Dec (Boxing Day substitute), 1 Jan, and Scotland’s 4 Jan (2 Jan was a Saturday) skipped',
  },
  {
    regime: 'FOIA',
    received: '2016-12-16',
    expected: '2017-01-19',
    why: 'Christmas on Sunday: 26 and 27 Dec off; New Year on Sunday: 2 Jan (E&W substitute, Scotland’s 2nd January) and 3 Jan (Scotland substitute)',
  },
  {
    regime: 'FOIA',
    received: '2017-12-20',
    expected: '2018-01-23',
    why: 'an English trust still skips Scotland’s 2 January: 22 Jan without it',
  },
  {
    regime: 'FOIA',
    received: '2018-12-24',
    expected: '2019-01-25',
    why: '25, 26 Dec, 1 Jan, 2 Jan (Scotland)',
  },
  {
    regime: 'FOIA',
    received: '2018-12-25',
    expected: '2019-01-25',
    why: 'received on Christmas Day: day 1 is the first working day after it (27 Dec), the same result as 24 Dec',
  },
  {
    regime: 'FOIA',
    received: '2018-12-25',
    countsNext: true,
    expected: '2019-01-28',
    why: 'setting on: treated as received on 27 Dec, day 1 is 28 Dec, one day more',
  },
  {
    regime: 'FOIA',
    received: '2019-12-20',
    expected: '2020-01-23',
    why: '25, 26 Dec, 1 Jan, 2 Jan (Scotland)',
  },
  {
    regime: 'FOIA',
    received: '2020-12-21',
    expected: '2021-01-22',
    why: 'Christmas Friday, Boxing Day substitute Monday 28 Dec; 1 Jan Friday, Scotland’s 2 Jan substitute Monday 4 Jan',
  },
  {
    regime: 'FOIA',
    received: '2021-12-17',
    expected: '2022-01-20',
    why: 'Christmas on Saturday: 27 and 28 Dec substitutes; 3 Jan (New Year substitute) and 4 Jan (Scotland)',
  },
  {
    regime: 'FOIA',
    received: '2022-12-19',
    expected: '2023-01-20',
    why: '26, 27 Dec; 2 Jan and 3 Jan (Scotland)',
  },
  {
    regime: 'FOIA',
    received: '2023-12-22',
    expected: '2024-01-25',
    why: '25, 26 Dec; 1 Jan and 2 Jan (Scotland)',
  },
  {
    regime: 'FOIA',
    received: '2024-12-20',
    expected: '2025-01-23',
    why: '25, 26 Dec; 1 Jan and 2 Jan (Scotland)',
  },
  {
    regime: 'FOIA',
    received: '2024-12-25',
    expected: '2025-01-27',
    why: 'received on Christmas Day (Wednesday): Boxing Day too, day 1 is Friday 27 Dec',
  },
  {
    regime: 'FOIA',
    received: '2024-12-25',
    countsNext: true,
    expected: '2025-01-28',
    why: 'setting on: treated as received on 27 Dec',
  },
  {
    regime: 'FOIA',
    received: '2025-12-19',
    expected: '2026-01-22',
    why: '25, 26 Dec; 1 Jan and 2 Jan (Scotland)',
  },
  {
    regime: 'FOIA',
    received: '2026-12-18',
    expected: '2027-01-21',
    why: 'Boxing Day substitute Monday 28 Dec; Scotland’s 2 Jan substitute Monday 4 Jan',
  },
  {
    regime: 'FOIA',
    jurisdiction: 'northern-ireland',
    received: '2026-12-18',
    expected: '2027-01-21',
    why: 'FOIA working days do not depend on the organisation’s own jurisdiction',
  },
  {
    regime: 'FOISA',
    jurisdiction: 'scotland',
    received: '2015-12-14',
    expected: '2016-01-15',
    why: 'Scotland has all of these days itself',
  },
  {
    regime: 'FOISA',
    jurisdiction: 'scotland',
    received: '2017-12-20',
    expected: '2018-01-23',
    why: 'Scotland: 25, 26 Dec, 1, 2 Jan',
  },

  // ---- Easter ---------------------------------------------------------------------------------
  {
    regime: 'FOIA',
    received: '2023-03-27',
    expected: '2023-04-26',
    why: 'Good Friday 7 Apr and Easter Monday 10 Apr',
  },
  {
    regime: 'FOISA',
    jurisdiction: 'scotland',
    received: '2023-03-27',
    expected: '2023-04-25',
    why: 'Easter Monday is not a bank holiday in Scotland, so it counts under FOISA',
  },
  {
    regime: 'FOIA',
    jurisdiction: 'scotland',
    received: '2023-03-27',
    expected: '2023-04-26',
    why: 'a UK-wide body in Scotland answering under FOIA still skips Easter Monday',
  },
  {
    regime: 'FOIA',
    received: '2024-03-15',
    expected: '2024-04-17',
    why: 'St Patrick’s Day on Sunday 17 Mar: NI substitute Monday 18 Mar; Good Friday 29 Mar, Easter Monday 1 Apr',
  },
  {
    regime: 'FOIA',
    received: '2025-04-01',
    expected: '2025-05-01',
    why: 'Good Friday 18 Apr, Easter Monday 21 Apr',
  },
  {
    regime: 'FOISA',
    jurisdiction: 'scotland',
    received: '2025-04-01',
    expected: '2025-04-30',
    why: 'Easter Monday 21 Apr counts in Scotland',
  },
  { regime: 'EIR', received: '2025-04-01', expected: '2025-05-01', why: 'EIR counts like FOIA' },

  // ---- One-off days -----------------------------------------------------------------------------
  {
    regime: 'FOIA',
    received: '2022-05-27',
    expected: '2022-06-28',
    why: '2022 jubilee: 30 May is a working day (spring holiday moved to 2 June), 2 and 3 June skipped',
  },
  {
    regime: 'FOIA',
    received: '2022-09-02',
    expected: '2022-10-03',
    why: 'state funeral of Queen Elizabeth II, Monday 19 Sept 2022',
  },
  {
    regime: 'FOIA',
    received: '2023-04-28',
    expected: '2023-05-31',
    why: '1 May (early May), 8 May (coronation), 29 May (spring) skipped',
  },
  {
    regime: 'FOIA',
    received: '2020-05-01',
    expected: '2020-06-02',
    why: '2020: early May holiday moved to Friday 8 May for VE day; 4 May is a working day; 25 May spring holiday',
  },
  {
    regime: 'FOIA',
    received: '2012-05-25',
    expected: '2012-06-26',
    why: '2012: 28 May is a working day; 4 June (moved spring holiday) and 5 June (Diamond Jubilee) skipped',
  },
  {
    regime: 'FOIA',
    received: '2026-11-27',
    expected: '2026-12-30',
    why: 'St Andrew’s Day Monday 30 Nov; 25 Dec and Boxing Day substitute 28 Dec',
  },
  {
    regime: 'FOIA',
    received: '2026-11-27',
    extraHolidays: [{ date: '2026-12-14', name: 'State funeral' }],
    expected: '2026-12-31',
    why: 'a user-added one-off day moves the date by one working day',
  },
  {
    regime: 'FOIA',
    received: '2026-11-27',
    extraHolidays: [{ date: '2026-12-14', name: 'Local holiday', jurisdictions: ['scotland'] }],
    expected: '2026-12-31',
    why: 'FOIA skips a bank holiday in any part of the UK, Scotland-only included',
  },

  // ---- Scotland-only and Northern Ireland-only days ---------------------------------------------
  {
    regime: 'FOIA',
    received: '2025-03-03',
    expected: '2025-04-01',
    why: 'St Patrick’s Day Monday 17 Mar (Northern Ireland) is skipped by an English trust',
  },
  {
    regime: 'FOISA',
    jurisdiction: 'scotland',
    received: '2025-03-03',
    expected: '2025-03-31',
    why: 'FOISA: St Patrick’s Day is a working day in Scotland',
  },
  {
    regime: 'FOIA',
    received: '2025-07-01',
    expected: '2025-07-30',
    why: '12 July 2025 is a Saturday: Northern Ireland’s substitute Monday 14 July is skipped',
  },
  {
    regime: 'FOISA',
    jurisdiction: 'scotland',
    received: '2025-07-01',
    expected: '2025-07-29',
    why: 'FOISA: the Boyne substitute day counts',
  },
  {
    regime: 'FOIA',
    received: '2025-08-01',
    expected: '2025-09-02',
    why: 'Scotland’s summer holiday 4 Aug and England’s 25 Aug are both skipped',
  },
  {
    regime: 'FOISA',
    jurisdiction: 'scotland',
    received: '2025-08-01',
    expected: '2025-09-01',
    why: 'FOISA: 4 Aug skipped, England’s 25 Aug counts',
  },
  {
    regime: 'FOIA',
    received: '2025-11-14',
    expected: '2025-12-15',
    why: 'St Andrew’s Day is a Sunday in 2025: Scotland’s substitute Monday 1 Dec is skipped',
  },
  {
    regime: 'FOIA',
    received: '2022-11-25',
    expected: '2022-12-28',
    why: 'St Andrew’s Day Wednesday 30 Nov 2022; Christmas on Sunday: 26 and 27 Dec',
  },
  {
    regime: 'FOISA',
    jurisdiction: 'scotland',
    received: '2022-11-25',
    expected: '2022-12-28',
    why: 'the same days are Scottish bank holidays',
  },

  // ---- Receipt on a non-working day and the setting -----------------------------------------------
  {
    regime: 'FOIA',
    received: '2025-01-03',
    expected: '2025-01-31',
    why: 'plain Friday receipt, day 1 Monday 6 Jan',
  },
  {
    regime: 'FOIA',
    received: '2025-01-04',
    expected: '2025-01-31',
    why: 'Saturday receipt: day 1 is still Monday 6 Jan',
  },
  { regime: 'FOIA', received: '2025-01-05', expected: '2025-01-31', why: 'Sunday receipt' },
  {
    regime: 'FOIA',
    received: '2025-01-04',
    countsNext: true,
    expected: '2025-02-03',
    why: 'setting on: treated as received Monday 6 Jan, day 1 Tuesday',
  },
  {
    regime: 'FOIA',
    received: '2025-01-05',
    countsNext: true,
    expected: '2025-02-03',
    why: 'Sunday, setting on',
  },
  {
    regime: 'FOIA',
    received: '2025-01-03',
    countsNext: true,
    expected: '2025-01-31',
    why: 'the setting changes nothing for a working-day receipt',
  },
  {
    regime: 'FOIA',
    received: '2025-05-05',
    expected: '2025-06-03',
    why: 'received on the early May bank holiday; spring holiday 26 May skipped',
  },
  {
    regime: 'FOIA',
    received: '2025-05-05',
    countsNext: true,
    expected: '2025-06-04',
    why: 'bank holiday receipt, setting on',
  },

  // ---- Clarification and fees -------------------------------------------------------------------
  {
    regime: 'FOIA',
    received: '2025-01-06',
    events: [{ type: 'clarification-requested', date: '2025-01-08' }],
    expected: null,
    why: 'awaiting clarification: no due date',
  },
  {
    regime: 'FOIA',
    received: '2025-01-06',
    events: [
      { type: 'clarification-requested', date: '2025-01-08' },
      { type: 'clarification-received', date: '2025-01-20' },
    ],
    expected: '2025-02-17',
    why: 's1(3): a fresh 20 working days from Monday 20 Jan, day 1 Tuesday 21 Jan',
  },
  {
    regime: 'FOIA',
    received: '2025-01-06',
    events: [
      { type: 'clarification-requested', date: '2025-01-08' },
      { type: 'clarification-received', date: '2025-01-25' },
    ],
    expected: '2025-02-21',
    why: 'clarification arriving on a Saturday: day 1 is Monday 27 Jan',
  },
  {
    regime: 'FOIA',
    received: '2025-01-06',
    countsNext: true,
    events: [
      { type: 'clarification-requested', date: '2025-01-08' },
      { type: 'clarification-received', date: '2025-01-25' },
    ],
    expected: '2025-02-24',
    why: 'setting on: a Saturday clarification is treated as received on Monday 27 Jan',
  },
  {
    regime: 'FOIA',
    received: '2025-01-06',
    events: [
      { type: 'fees-notice-issued', date: '2025-01-08' },
      { type: 'fee-paid', date: '2025-01-14' },
    ],
    expected: '2025-02-10',
    why: 's10(2): 8, 9, 10, 13, 14 Jan disregarded; 3 Feb + 5 working days',
  },
  {
    regime: 'FOIA',
    received: '2025-01-06',
    events: [
      { type: 'fees-notice-issued', date: '2025-01-08' },
      { type: 'fee-paid', date: '2025-01-11' },
    ],
    expected: '2025-02-06',
    why: 'fee paid on a Saturday: only 8, 9, 10 Jan are working days disregarded',
  },
  {
    regime: 'FOIA',
    received: '2025-01-06',
    events: [{ type: 'fees-notice-issued', date: '2025-01-08' }],
    expected: null,
    why: 'awaiting the fee',
  },

  // ---- Extensions -------------------------------------------------------------------------------
  {
    regime: 'FOIA',
    received: '2025-01-06',
    events: [{ type: 'pi-extension', date: '2025-01-31', until: '2025-03-03' }],
    expected: '2025-03-03',
    why: 'public interest extension to the estimated date (20 extra working days exactly)',
  },
  {
    regime: 'EIR',
    received: '2025-01-06',
    events: [{ type: 'eir-extension', date: '2025-01-20' }],
    expected: '2025-03-03',
    why: 'reg 7: 40 working days from 6 Jan',
  },
  {
    regime: 'FOI-IR',
    received: '2025-01-06',
    events: [{ type: 'ir-extension', date: '2025-01-20' }],
    expected: '2025-03-03',
    why: 'internal review extended to 40 working days',
  },
  {
    regime: 'FOI-IR',
    received: '2025-01-06',
    expected: '2025-02-03',
    why: 'internal review: 20 working days',
  },
  { regime: 'EIR-RECON', received: '2025-01-06', expected: '2025-03-03', why: 'reg 11: 40 working days' },
  {
    regime: 'FOISA',
    jurisdiction: 'scotland',
    received: '2025-01-06',
    events: [{ type: 'pi-extension', date: '2025-01-20', until: '2025-03-03' }],
    expected: '2025-02-03',
    why: 'FOISA has no public interest extension: ignored',
  },

  // ---- SAR: calendar month, month ends, roll forward --------------------------------------------
  {
    regime: 'SAR',
    received: '2025-09-03',
    expected: '2025-10-03',
    why: 'the ICO’s example: 3 September → 3 October',
  },
  {
    regime: 'SAR',
    received: '2026-09-03',
    expected: '2026-10-05',
    why: '3 Oct 2026 is a Saturday: next working day',
  },
  {
    regime: 'SAR',
    received: '2025-01-31',
    expected: '2025-02-28',
    why: 'no 31 February: last day of February',
  },
  { regime: 'SAR', received: '2024-01-31', expected: '2024-02-29', why: 'leap year: 29 February' },
  { regime: 'SAR', received: '2024-01-30', expected: '2024-02-29', why: 'leap year, 30 January' },
  { regime: 'SAR', received: '2023-01-29', expected: '2023-02-28', why: 'common year: no 29 February' },
  { regime: 'SAR', received: '2025-03-31', expected: '2025-04-30', why: '31 March → 30 April' },
  {
    regime: 'SAR',
    received: '2026-01-31',
    expected: '2026-03-02',
    why: '28 Feb 2026 is a Saturday: clamped, then rolled to Monday 2 March',
  },
  { regime: 'SAR', received: '2027-01-31', expected: '2027-03-01', why: '28 Feb 2027 is a Sunday' },
  {
    regime: 'SAR',
    received: '2025-10-31',
    expected: '2025-12-01',
    why: '30 Nov 2025 is a Sunday; in England Monday 1 Dec is a working day',
  },
  {
    regime: 'SAR',
    jurisdiction: 'scotland',
    received: '2025-10-31',
    expected: '2025-12-02',
    why: 'in Scotland Monday 1 Dec is the St Andrew’s Day substitute',
  },
  {
    regime: 'SAR',
    received: '2025-11-29',
    expected: '2025-12-29',
    why: 'Saturday receipt still counts as day 1',
  },
  {
    regime: 'SAR',
    received: '2025-11-29',
    countsNext: true,
    expected: '2025-12-29',
    why: 'the non-working-day setting does not apply to SAR',
  },
  {
    regime: 'SAR',
    received: '2024-11-25',
    expected: '2024-12-27',
    why: 'Christmas and Boxing Day: Friday 27 Dec',
  },
  {
    regime: 'SAR',
    received: '2025-11-26',
    expected: '2025-12-29',
    why: 'Boxing Day Friday, then the weekend',
  },
  {
    regime: 'SAR',
    received: '2021-12-03',
    expected: '2022-01-04',
    why: 'England: 3 Jan 2022 New Year substitute',
  },
  {
    regime: 'SAR',
    jurisdiction: 'scotland',
    received: '2021-12-03',
    expected: '2022-01-05',
    why: 'Scotland: 3 and 4 Jan 2022 both off',
  },
  { regime: 'SAR', received: '2025-03-21', expected: '2025-04-22', why: 'England: Easter Monday 21 Apr' },
  {
    regime: 'SAR',
    jurisdiction: 'scotland',
    received: '2025-03-21',
    expected: '2025-04-21',
    why: 'Scotland: Easter Monday is a working day',
  },
  {
    regime: 'SAR',
    received: '2025-03-18',
    expected: '2025-04-22',
    why: 'Good Friday, weekend, Easter Monday',
  },
  { regime: 'SAR', received: '2025-07-25', expected: '2025-08-26', why: 'England: summer holiday 25 Aug' },
  {
    regime: 'SAR',
    jurisdiction: 'scotland',
    received: '2025-07-25',
    expected: '2025-08-25',
    why: 'Scotland: 25 Aug is a working day',
  },
  {
    regime: 'SAR',
    jurisdiction: 'scotland',
    received: '2025-07-04',
    expected: '2025-08-05',
    why: 'Scotland: summer holiday Monday 4 Aug',
  },
  {
    regime: 'SAR',
    jurisdiction: 'northern-ireland',
    received: '2025-06-12',
    expected: '2025-07-15',
    why: 'NI: 12 July Saturday, substitute Monday 14 July',
  },
  {
    regime: 'SAR',
    received: '2025-06-12',
    expected: '2025-07-14',
    why: 'England: Monday 14 July is a working day',
  },
  {
    regime: 'SAR',
    jurisdiction: 'northern-ireland',
    received: '2025-02-17',
    expected: '2025-03-18',
    why: 'NI: St Patrick’s Day Monday 17 Mar',
  },
  { regime: 'SAR', received: '2022-08-19', expected: '2022-09-20', why: 'state funeral Monday 19 Sept 2022' },
  { regime: 'SAR', received: '2023-04-08', expected: '2023-05-09', why: 'coronation Monday 8 May 2023' },
  {
    regime: 'SAR',
    received: '2022-05-02',
    expected: '2022-06-06',
    why: 'jubilee 2 and 3 June, then the weekend',
  },
  {
    regime: 'SAR',
    received: '2026-11-14',
    extraHolidays: [{ date: '2026-12-14', name: 'State funeral' }],
    expected: '2026-12-15',
    why: 'a user-added day applies to SAR too',
  },
  {
    regime: 'SAR',
    received: '2026-11-14',
    extraHolidays: [{ date: '2026-12-14', name: 'Local holiday', jurisdictions: ['scotland'] }],
    expected: '2026-12-14',
    why: 'an added Scotland-only day does not move an English SAR',
  },

  // ---- SAR extension and clock stops -------------------------------------------------------------
  {
    regime: 'SAR',
    received: '2025-01-31',
    events: [{ type: 'sar-extension', date: '2025-02-10' }],
    expected: '2025-04-30',
    why: 'three months from receipt (ICO), clamped to 30 April',
  },
  {
    regime: 'SAR',
    received: '2025-09-03',
    events: [{ type: 'sar-extension', date: '2025-09-20', months: 1 }],
    expected: '2025-11-03',
    why: 'a one-month extension: two months from receipt',
  },
  {
    regime: 'SAR',
    received: '2024-09-25',
    events: [{ type: 'sar-extension', date: '2024-10-01', months: 2 }],
    expected: '2024-12-27',
    why: '25 Dec 2024 → Boxing Day → Friday 27 Dec',
  },
  {
    regime: 'SAR',
    received: '2025-09-03',
    events: [
      { type: 'sar-clock-stopped', date: '2025-09-05' },
      { type: 'sar-clock-restarted', date: '2025-09-10' },
    ],
    expected: '2025-10-09',
    why: 'clarification: 5–10 Sept inclusive (6 days) do not count, 3 Oct + 6',
  },
  {
    regime: 'SAR',
    received: '2025-09-03',
    events: [
      { type: 'clarification-requested', date: '2025-09-05' },
      { type: 'clarification-received', date: '2025-09-10' },
    ],
    expected: '2025-10-09',
    why: 'the clarification events stop a SAR clock the same way',
  },
  {
    regime: 'SAR',
    received: '2025-09-03',
    events: [
      { type: 'sar-clock-stopped', date: '2025-09-05', awaiting: 'identity' },
      { type: 'sar-clock-restarted', date: '2025-09-10' },
    ],
    expected: '2025-10-10',
    why: 'identity evidence: the month runs from the day it arrives',
  },
  {
    regime: 'SAR',
    received: '2025-09-03',
    events: [{ type: 'sar-clock-stopped', date: '2025-09-05' }],
    expected: null,
    why: 'stopped',
  },
];

function input(c: Case): ClockInput {
  return {
    regime: c.regime,
    jurisdiction: c.jurisdiction ?? EW,
    received: c.received,
    events: c.events,
    extraHolidays: c.extraHolidays,
    receivedOnNonWorkingDayCountsNext: c.countsNext ?? false,
  };
}

describe('dated cases worked out by hand', () => {
  it('has at least 60 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(
    cases.map((c) => [`${c.regime} ${c.jurisdiction ?? EW} ${c.received}: ${c.why ?? ''}`, c] as const),
  )('%s', (_name, c) => {
    const full = computeDeadline(input(c));
    const fast = computeDeadline(input(c), { explain: false });
    expect(full.due).toBe(c.expected);
    expect(fast.due).toBe(c.expected);
    expect(full.stopped).toBe(c.expected === null);
  });
});
