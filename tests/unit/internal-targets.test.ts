/**
 * Internal targets: one per regime, in the unit the regime's time limit runs in, never past that
 * limit; the settings schema refuses what the rule refuses; an old single number is read as a
 * per-regime record; and assessProgress counts each regime's target in its own unit. Dates worked
 * out by hand from a printed calendar.
 */
import { describe, expect, it } from 'vitest';
import { REGIMES } from '../../shared/case-format';
import { assessProgress, computeDeadline } from '../../shared/clock';
import {
  DEFAULT_INTERNAL_TARGETS,
  DEFAULT_SETTINGS,
  INTERNAL_TARGET_RULES,
  internalTargetFor,
  internalTargetProblem,
  internalTargetProblems,
  readInternalTargets,
  sameSettingValue,
  settingsSchema,
} from '../../shared/settings';

describe('the internal target rule', () => {
  it('refuses day 25 of a 20-working-day limit, naming the limit and the provision', () => {
    expect(internalTargetProblem('FOIA', 25)).toBe(
      'FOI: day 25 is after the statutory limit of 20 working days (FOIA s10(1)); choose working day 20 or earlier.',
    );
    expect(internalTargetProblem('FOISA-REVIEW', 21)).toContain('FOISA s21(1)');
    expect(internalTargetProblem('EISR', 21)).toContain('EISR reg 5(2)(a)');
    expect(internalTargetProblem('FOIA', 20)).toBeNull();
    expect(internalTargetProblem('FOIA', 1)).toBeNull();
  });

  it('allows each regime up to its own limit, in its own unit', () => {
    expect(internalTargetProblem('EIR-RECON', 40)).toBeNull();
    expect(internalTargetProblem('EIR-RECON', 41)).toContain('40 working days');
    expect(internalTargetProblem('SAR', 29)).toBeNull();
    expect(internalTargetProblem('SAR', 30)).toContain('choose calendar day 29 or earlier');
    for (const regime of REGIMES) {
      const rule = INTERNAL_TARGET_RULES[regime];
      expect(rule.unit).toBe(regime === 'SAR' ? 'calendar-days' : 'working-days');
      expect(internalTargetProblem(regime, rule.default)).toBeNull();
      expect(internalTargetProblem(regime, rule.latest)).toBeNull();
      expect(internalTargetProblem(regime, rule.latest + 1)).not.toBeNull();
    }
  });

  it('says each problem in one short line (the contract passes on messages under 160 characters)', () => {
    for (const regime of REGIMES) {
      const message = internalTargetProblem(regime, INTERNAL_TARGET_RULES[regime].latest + 1)!;
      expect(message.length, regime).toBeLessThan(160);
    }
  });

  it('refuses what is not a whole day of 1 or more', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, '15', null, undefined]) {
      expect(internalTargetProblem('FOIA', bad), String(bad)).toContain('enter a whole number');
    }
  });

  it('lists every regime with a problem', () => {
    expect(internalTargetProblems(DEFAULT_INTERNAL_TARGETS)).toEqual([]);
    const problems = internalTargetProblems({ ...DEFAULT_INTERNAL_TARGETS, FOIA: 25, SAR: 31 });
    expect(problems.map((p) => p.regime)).toEqual(['FOIA', 'SAR']);
    expect(internalTargetProblems({ FOIA: 15 }).map((p) => p.regime)).toEqual(
      REGIMES.filter((r) => r !== 'FOIA'),
    );
  });

  it('gives the target for a regime with its unit', () => {
    const settings = { internalTargetDay: { ...DEFAULT_INTERNAL_TARGETS, FOISA: 12, SAR: 25 } };
    expect(internalTargetFor(settings, 'FOISA')).toEqual({ day: 12, unit: 'working-days' });
    expect(internalTargetFor(settings, 'SAR')).toEqual({ day: 25, unit: 'calendar-days' });
  });
});

describe('the settings schema uses the rule', () => {
  const withTargets = (changes: Record<string, unknown>) => ({
    ...DEFAULT_SETTINGS,
    internalTargetDay: { ...DEFAULT_INTERNAL_TARGETS, ...changes },
  });

  it('refuses a target past the limit, with the rule’s message at the regime’s path', () => {
    const result = settingsSchema.safeParse(withTargets({ FOIA: 25 }));
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['internalTargetDay', 'FOIA'],
        message: internalTargetProblem('FOIA', 25),
      }),
    ]);
    // The contract's settings:save input is the partial schema: the refinement still holds.
    expect(
      settingsSchema.partial().safeParse({ internalTargetDay: withTargets({ SAR: 30 }).internalTargetDay })
        .success,
    ).toBe(false);
  });

  it('refuses the old single number, unknown regimes and missing ones; accepts a good record', () => {
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, internalTargetDay: 15 }).success).toBe(false);
    expect(settingsSchema.safeParse(withTargets({ GDPR: 10 })).success).toBe(false);
    const { EISR: _dropped, ...missing } = DEFAULT_INTERNAL_TARGETS;
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, internalTargetDay: missing }).success).toBe(false);
    expect(settingsSchema.safeParse(withTargets({ FOIA: 20, SAR: 29, 'EIR-RECON': 40 })).success).toBe(true);
  });
});

describe('reading stored targets of any age', () => {
  it('spreads an old single number to every regime, capped at each limit', () => {
    const read = readInternalTargets(25);
    expect(read.FOIA).toBe(20);
    expect(read['FOISA-REVIEW']).toBe(20);
    expect(read['EIR-RECON']).toBe(25);
    expect(read.SAR).toBe(25);
    expect(readInternalTargets(15)).toEqual(Object.fromEntries(REGIMES.map((r) => [r, 15])));
  });

  it('keeps good days of a record and fills the rest from the defaults', () => {
    expect(readInternalTargets({ FOIA: 12, EIR: 25, SAR: 'x' })).toEqual({
      ...DEFAULT_INTERNAL_TARGETS,
      FOIA: 12,
    });
    expect(readInternalTargets('rubbish')).toEqual(DEFAULT_INTERNAL_TARGETS);
    expect(readInternalTargets(null)).toEqual(DEFAULT_INTERNAL_TARGETS);
    expect(readInternalTargets(0)).toEqual(DEFAULT_INTERNAL_TARGETS);
  });

  it('compares setting values by content', () => {
    expect(sameSettingValue({ FOIA: 1, SAR: 2 }, { SAR: 2, FOIA: 1 })).toBe(true);
    expect(sameSettingValue({ FOIA: 1 }, { FOIA: 2 })).toBe(false);
    expect(sameSettingValue(3, 3)).toBe(true);
  });
});

describe('assessProgress counts each regime’s target in its unit', () => {
  const sar = computeDeadline({ regime: 'SAR', received: '2025-09-03', jurisdiction: 'england-and-wales' });
  const foisaReview = computeDeadline({
    regime: 'FOISA-REVIEW',
    received: '2025-11-14',
    jurisdiction: 'scotland',
  });

  it('SAR: calendar day N from the settings record, the day of receipt being day 1', () => {
    // Wed 3 Sep 2025 is day 1, so day 15 is Wed 17 Sep.
    const targets = { ...DEFAULT_INTERNAL_TARGETS, SAR: 15 };
    expect(assessProgress(sar, '2025-09-05', { internalTargetDay: targets }).internalDue).toBe('2025-09-17');
    // Day 20 is Mon 22 Sep; day 21 (the default) Tue 23 Sep.
    expect(
      assessProgress(sar, '2025-09-05', { internalTargetDay: DEFAULT_INTERNAL_TARGETS }).internalDue,
    ).toBe('2025-09-23');
  });

  it('SAR in working days when a target says so: working day 15 after receipt', () => {
    // Thu 4 Sep is working day 1; 15 is Wed 24 Sep.
    expect(
      assessProgress(sar, '2025-09-05', { internalTarget: { day: 15, unit: 'working-days' } }).internalDue,
    ).toBe('2025-09-24');
  });

  it('a working-day regime from the same record: FOISA review working day 15, St Andrew’s Day skipped', () => {
    // Working day 15 after Fri 14 Nov 2025, with Monday 1 Dec (the substitute day) skipped: Mon 8 Dec.
    const progress = assessProgress(foisaReview, '2025-12-09', {
      internalTargetDay: DEFAULT_INTERNAL_TARGETS,
    });
    expect(progress.internalDue).toBe('2025-12-08');
    expect(progress.internalOverdue).toBe(true);
    const other = { ...DEFAULT_INTERNAL_TARGETS, 'FOISA-REVIEW': 10 };
    // Working day 10 is Fri 28 Nov.
    expect(assessProgress(foisaReview, '2025-11-20', { internalTargetDay: other }).internalDue).toBe(
      '2025-11-28',
    );
  });
});
