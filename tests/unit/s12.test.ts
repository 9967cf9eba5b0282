import { describe, expect, it } from 'vitest';
import {
  activityProblem,
  aggregationWindowProblem,
  costRuleFor,
  estimateS12,
  formatMinutes,
  formatPence,
  parseDuration,
  s12LetterValues,
  s12RowProblems,
  DEFAULT_S12_ADVICE,
  MAX_ROW_MINUTES,
  type CostLimitSettings,
} from '../../shared/s12';

const NHS: CostLimitSettings = { costLimitBody: 'other', foisaHourlyRatePence: 1500 };
const CENTRAL: CostLimitSettings = { costLimitBody: 'central-government', foisaHourlyRatePence: 1500 };
const foia = costRuleFor('FOIA', NHS);
const foisa = costRuleFor('FOISA', NHS);
const h = (hours: number) => hours * 60;

describe('the cost rule per regime', () => {
  it('is £450 at £25 an hour for an NHS trust and £600 for central government (reg 3, 4(4))', () => {
    expect(foia).toMatchObject({ kind: 'limit', limitPence: 45_000, ratePence: 2500 });
    expect(costRuleFor('FOI-IR', NHS)).toMatchObject({ limitPence: 45_000 });
    expect(costRuleFor('FOIA', CENTRAL)).toMatchObject({ limitPence: 60_000, ratePence: 2500 });
    expect(estimateS12(foia, [])?.limitMinutes).toBe(h(18));
    expect(estimateS12(costRuleFor('FOIA', CENTRAL), [])?.limitMinutes).toBe(h(24));
  });

  it('is £600 with staff time at no more than £15 an hour under FOISA (SSI 2004/467 reg 3, 5)', () => {
    expect(foisa).toMatchObject({ kind: 'limit', limitPence: 60_000, ratePence: 1500, maxRatePence: 1500 });
    expect(estimateS12(foisa, [])?.limitMinutes).toBe(h(40));
    // The central-government choice is a FOIA rule: it does not move the Scottish limit.
    expect(costRuleFor('FOISA-REVIEW', CENTRAL)).toMatchObject({ limitPence: 60_000 });
    // A team rate above the cap is held to it.
    expect(costRuleFor('FOISA', { ...NHS, foisaHourlyRatePence: 2000 })).toMatchObject({ ratePence: 1500 });
  });

  it('has no cost limit for the EIR, the EISR or a SAR, and says what applies instead', () => {
    for (const regime of ['EIR', 'EIR-RECON'] as const) {
      const rule = costRuleFor(regime, NHS);
      expect(rule.kind).toBe('none');
      if (rule.kind === 'none') expect(rule.reason).toMatch(/12\(4\)\(b\)/);
      expect(estimateS12(rule, [])).toBeNull();
      expect(activityProblem(rule, 'locating')).toMatch(/no cost limit/);
    }
    const eisr = costRuleFor('EISR', NHS);
    expect(eisr.kind === 'none' && eisr.reason).toMatch(/10\(4\)\(b\)/);
    const sar = costRuleFor('SAR', NHS);
    expect(sar.kind === 'none' && sar.reason).toMatch(/Article 12\(5\)/);
  });
});

describe('what may be counted', () => {
  it('counts only the four activities of reg 4(3) under FOIA', () => {
    for (const a of ['determining', 'locating', 'retrieving', 'extracting'])
      expect(activityProblem(foia, a)).toBeNull();
    expect(activityProblem(foia, 'redacting')).toMatch(/redacting may not be counted/);
    expect(activityProblem(foia, 'considering-exemptions')).toMatch(/considering exemptions/);
    expect(activityProblem(foia, 'providing')).toMatch(/not one of the four/);
    expect(activityProblem(foia, 'lunch')).toMatch(/not an activity that may be counted/);
  });

  it('does not count determining whether held under FOISA (reg 3(2)(a))', () => {
    expect(activityProblem(foisa, 'determining')).toMatch(/reg 3\(2\)\(a\)/);
    expect(activityProblem(foisa, 'providing')).toBeNull();
    expect(activityProblem(foisa, 'extracting')).toMatch(/providing/);
  });

  it('refuses negative, fractional and unbounded minutes, and a rate other than the statute allows', () => {
    expect(s12RowProblems(foia, { activity: 'locating', minutes: -1 })).toHaveLength(1);
    expect(s12RowProblems(foia, { activity: 'locating', minutes: 1.5 })).toHaveLength(1);
    expect(s12RowProblems(foia, { activity: 'locating', minutes: MAX_ROW_MINUTES + 1 })).toHaveLength(1);
    expect(s12RowProblems(foia, { activity: 'locating', minutes: MAX_ROW_MINUTES })).toEqual([]);
    expect(s12RowProblems(foia, { activity: 'locating', minutes: 60, ratePence: 3000 })[0]).toMatch(/£25/);
    expect(s12RowProblems(foisa, { activity: 'locating', minutes: 60, ratePence: 1501 })[0]).toMatch(/£15/);
    expect(s12RowProblems(foisa, { activity: 'locating', minutes: 60, ratePence: 1200 })).toEqual([]);
  });

  it('never sums a refused row', () => {
    expect(() => estimateS12(foia, [{ activity: 'redacting', minutes: 600 }])).toThrow(/redacting/);
  });
});

describe('the arithmetic', () => {
  it('treats exactly the limit as within it and one minute more as over (s12(1) "would exceed")', () => {
    const at = estimateS12(foia, [{ activity: 'locating', minutes: h(18) }]);
    expect(at).toMatchObject({ costPence: 45_000, exceeds: false, overByPence: 0, headroomPence: 0 });
    const over = estimateS12(foia, [{ activity: 'locating', minutes: h(18) + 1 }]);
    // One minute at £25 an hour is 41⅔p: over by 42p (rounded up), cost £450.42 (to the nearest penny).
    expect(over).toMatchObject({ exceeds: true, overByPence: 42, overByMinutes: 1, costPence: 45_042 });
  });

  it('adds minutes exactly where decimal pounds would drift', () => {
    // Sums that drift in decimal pounds: 6 minutes is £2.50, and 100 rows of it are exactly £250.
    const rows = Array.from({ length: 100 }, () => ({ activity: 'extracting', minutes: 6 }));
    const r = estimateS12(foia, rows);
    expect(r).toMatchObject({ totalMinutes: 600, costPence: 25_000, exceeds: false, headroomPence: 20_000 });
    // Three rows of 20 minutes: each 833⅓p, together exactly £25.
    const thirds = estimateS12(
      foia,
      [1, 2, 3].map(() => ({ activity: 'locating', minutes: 20 })),
    );
    expect(thirds?.costPence).toBe(2500);
  });

  it('totals per activity and gives how far over', () => {
    const r = estimateS12(foia, [
      { activity: 'determining', minutes: h(2) },
      { activity: 'locating', minutes: h(10) },
      { activity: 'extracting', minutes: h(10) + 30 },
    ]);
    expect(r).toMatchObject({
      totalMinutes: h(22) + 30,
      costPence: 56_250,
      exceeds: true,
      overByPence: 11_250,
      overByMinutes: h(4) + 30,
      byActivity: { determining: 120, locating: 600, extracting: 630 },
    });
  });

  it('costs FOISA staff at their own rate up to £15', () => {
    // 50 hours at £12 = £600: not over; 50 hours and 5 minutes at £12 = £601: over.
    expect(estimateS12(foisa, [{ activity: 'locating', minutes: h(50), ratePence: 1200 }])).toMatchObject({
      costPence: 60_000,
      exceeds: false,
    });
    const over = estimateS12(foisa, [
      { activity: 'locating', minutes: h(50), ratePence: 1200 },
      { activity: 'providing', minutes: 5, ratePence: 1200 },
    ]);
    expect(over).toMatchObject({ costPence: 60_100, exceeds: true, overByPence: 100 });
  });

  it('aggregates other requests within 60 working days (reg 5)', () => {
    const own = [{ activity: 'locating', minutes: h(10) }];
    const alone = estimateS12(foia, own);
    expect(alone?.exceeds).toBe(false);
    const together = estimateS12(foia, own, [
      { reference: 'FOI 101', received: '2026-03-02', rows: [{ activity: 'extracting', minutes: h(9) }] },
    ]);
    expect(together).toMatchObject({
      ownMinutes: 600,
      aggregatedMinutes: 540,
      totalMinutes: 1140,
      exceeds: true,
    });
    const early = { reference: 'FOI 101', received: '2026-01-05' };
    const late = { reference: 'FOI 102', received: '2026-04-01' };
    expect(aggregationWindowProblem(early, late, 60)).toBeNull();
    expect(aggregationWindowProblem(early, late, 61)).toMatch(/60 consecutive working days/);
  });
});

describe('reading and writing times and money', () => {
  it.each([
    ['1.5', 90],
    ['1.5h', 90],
    ['0.25 hours', 15],
    ['0.33', 20],
    ['0.01', 1],
    ['18', 1080],
    ['90m', 90],
    ['90 minutes', 90],
    ['1:30', 90],
    ['2h 15m', 135],
    ['2 hours 15 minutes', 135],
  ])('reads %s as %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toEqual({ minutes });
  });

  it.each(['', '-1', 'abc', '1.555', '1:75', '2h 75m', '1000001m'])('refuses %j', (text) => {
    expect(parseDuration(text)).toHaveProperty('problem');
  });

  it('formats', () => {
    expect(formatMinutes(90)).toBe('1 hour 30 minutes');
    expect(formatMinutes(1080)).toBe('18 hours');
    expect(formatMinutes(1)).toBe('1 minute');
    expect(formatPence(45_000)).toBe('£450');
    expect(formatPence(56_250)).toBe('£562.50');
    expect(formatPence(123_456)).toBe('£1,234.56');
  });
});

describe('the letter values', () => {
  it('gives the limit, the hours and the rate with no worksheet', () => {
    expect(s12LetterValues(foia)).toEqual({ costLimit: '£450', costHours: '18', costRate: '£25' });
    expect(s12LetterValues(costRuleFor('FOIA', CENTRAL))).toEqual({
      costLimit: '£600',
      costHours: '24',
      costRate: '£25',
    });
    expect(s12LetterValues(foisa)).toEqual({ costLimit: '£600', costHours: '40', costRate: '£15' });
    expect(s12LetterValues(costRuleFor('EIR', NHS))).toBeNull();
  });

  it('states the estimate, its make-up, how it was reached, the aggregation and the advice', () => {
    const v = s12LetterValues(foia, {
      rows: [
        { activity: 'locating', minutes: h(12), description: 'sampled 10 files at 6 minutes each.' },
        { activity: 'extracting', minutes: h(10) + 30 },
      ],
      aggregated: [
        { reference: 'FOI 101', received: '2026-03-02', rows: [{ activity: 'determining', minutes: 60 }] },
      ],
    });
    expect(v?.costEstimate).toBe(
      'We estimate that complying with your request would take 23 hours 30 minutes of staff time, costing £587.50 at £25 an hour, which is £137.50 more than the limit of £450. This is made up of determining whether we hold the information, 1 hour; locating it, 12 hours; extracting it, 10 hours 30 minutes. We reached this estimate as follows: sampled 10 files at 6 minutes each.',
    );
    expect(v?.aggregation).toMatch(/1 hour for the request FOI 101, which asks .* regulation 5/);
    expect(v?.adviceAndAssistance).toBe(DEFAULT_S12_ADVICE);
  });
});
