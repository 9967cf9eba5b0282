/**
 * Internal targets: the day a team aims to have a response ready, per regime, in the unit the
 * regime's time limit runs in, and never past that limit. Pure and dependency-free, so the clock
 * (assessProgress), the settings schema and the Settings screen all use the same rule.
 */
import type { Regime } from './case-format';

/** How an internal target is counted: working days after receipt, or calendar days from receipt. */
export type TargetUnit = 'working-days' | 'calendar-days';

export interface InternalTargetRule {
  /** The words the screens use for the regime: "FOI", "Subject access". */
  label: string;
  unit: TargetUnit;
  /** The last day a target may fall on: the statutory limit, in the target's own unit. */
  latest: number;
  /**
   * The limit in words, with the provision; short, as the problem message goes to the officer in
   * one line (the contract cuts longer messages). A reg 7 extension is never a target's limit.
   */
  limit: string;
  /** Three-quarters of the time, as the common 15 of 20 working days. */
  default: number;
}

/**
 * Each regime's internal target: its unit and the statutory limit it may not pass. The working-day
 * regimes count working day N after the date of receipt, as their time limits do. A subject access
 * request runs for a calendar month from the day of receipt (day 1), so its target is calendar day N;
 * the shortest such month is 29 days (received 1 February 2027, due 1 March 2027; received
 * 31 January, due 28 February), so a later day could fall after the deadline.
 */
export const INTERNAL_TARGET_RULES: Readonly<Record<Regime, InternalTargetRule>> = {
  FOIA: {
    label: 'FOI',
    unit: 'working-days',
    latest: 20,
    limit: '20 working days (FOIA s10(1))',
    default: 15,
  },
  EIR: {
    label: 'EIR',
    unit: 'working-days',
    latest: 20,
    limit: '20 working days (EIR reg 5(2))',
    default: 15,
  },
  FOISA: {
    label: 'FOI (Scotland)',
    unit: 'working-days',
    latest: 20,
    limit: '20 working days (FOISA s10(1))',
    default: 15,
  },
  SAR: {
    label: 'Subject access',
    unit: 'calendar-days',
    latest: 29,
    limit: 'one calendar month (UK GDPR), as short as 29 days from receipt',
    default: 21,
  },
  'FOI-IR': {
    label: 'FOI internal review',
    unit: 'working-days',
    latest: 20,
    limit: '20 working days (s45 Code of Practice)',
    default: 15,
  },
  'EIR-RECON': {
    label: 'EIR reconsideration',
    unit: 'working-days',
    latest: 40,
    limit: '40 working days (EIR reg 11(4))',
    default: 30,
  },
  'FOISA-REVIEW': {
    label: 'FOISA review',
    unit: 'working-days',
    latest: 20,
    limit: '20 working days (FOISA s21(1))',
    default: 15,
  },
  EISR: {
    label: 'EIR (Scotland)',
    unit: 'working-days',
    latest: 20,
    limit: '20 working days (EISR reg 5(2)(a))',
    default: 15,
  },
};

/** The team's internal target per regime: working day N, or for a subject access request calendar day N. */
export type InternalTargets = Record<Regime, number>;

export interface InternalTarget {
  day: number;
  unit: TargetUnit;
}

/** The regimes in the order the screens list them. */
const TARGET_REGIMES = Object.keys(INTERNAL_TARGET_RULES) as Regime[];

export const DEFAULT_INTERNAL_TARGETS: InternalTargets = Object.fromEntries(
  TARGET_REGIMES.map((regime) => [regime, INTERNAL_TARGET_RULES[regime].default]),
) as InternalTargets;

export function unitWords(unit: TargetUnit, day: number): string {
  const word = unit === 'working-days' ? 'working day' : 'calendar day';
  return `${word} ${day}`;
}

/** The problem with one regime's target, or null if it is a whole day within the statutory limit. */
export function internalTargetProblem(regime: Regime, day: unknown): string | null {
  const rule = INTERNAL_TARGET_RULES[regime];
  const unit = rule.unit === 'working-days' ? 'working day' : 'calendar day';
  if (typeof day !== 'number' || !Number.isInteger(day) || day < 1) {
    return `${rule.label}: enter a whole number of days, 1 or more (the ${unit} the response should be ready).`;
  }
  if (day > rule.latest) {
    return `${rule.label}: day ${day} is after the statutory limit of ${rule.limit}; choose ${unit} ${rule.latest} or earlier.`;
  }
  return null;
}

/** Every regime whose target is missing, not a whole day, or past its statutory limit. */
export function internalTargetProblems(
  targets: Partial<Record<Regime, unknown>>,
): { regime: Regime; problem: string }[] {
  const out: { regime: Regime; problem: string }[] = [];
  for (const regime of TARGET_REGIMES) {
    const problem = internalTargetProblem(regime, targets[regime]);
    if (problem) out.push({ regime, problem });
  }
  return out;
}

/** The internal target for a case of this regime, in the unit it is counted in. */
export function internalTargetFor(
  settings: { internalTargetDay: InternalTargets },
  regime: Regime,
): InternalTarget {
  const rule = INTERNAL_TARGET_RULES[regime];
  const day = settings.internalTargetDay[regime];
  return { day: internalTargetProblem(regime, day) === null ? day : rule.default, unit: rule.unit };
}

/**
 * Reads a stored internal target setting of any age. Before targets were per regime the setting was
 * one number, "working day N", applied to every regime (and to a subject access request as calendar
 * day N): each regime keeps that number, moved back to its statutory limit, which is also where the
 * clock already capped it, so no case's internal date moves. A regime missing or unusable in a
 * stored record gets its default.
 */
export function readInternalTargets(stored: unknown): InternalTargets {
  const out = { ...DEFAULT_INTERNAL_TARGETS };
  if (typeof stored === 'number' && Number.isInteger(stored) && stored >= 1) {
    for (const regime of TARGET_REGIMES) out[regime] = Math.min(stored, INTERNAL_TARGET_RULES[regime].latest);
    return out;
  }
  if (typeof stored === 'object' && stored !== null && !Array.isArray(stored)) {
    const record = stored as Record<string, unknown>;
    for (const regime of TARGET_REGIMES) {
      const day = Object.hasOwn(record, regime) ? record[regime] : undefined;
      if (typeof day === 'number' && internalTargetProblem(regime, day) === null) out[regime] = day;
    }
  }
  return out;
}
