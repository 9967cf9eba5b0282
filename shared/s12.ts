/**
 * The section 12 estimate: whether complying with a request would cost more than the appropriate
 * limit. Pure arithmetic over whole minutes and whole pence, so no sum ever suffers a floating-point
 * rounding error: a cost is compared with the limit by cross-multiplying integers (minutes × pence
 * an hour against limit × 60), and only the figures printed are rounded.
 *
 * The law, by regime:
 * - FOIA (and its internal review): s12(1); the Freedom of Information and Data Protection
 *   (Appropriate Limit and Fees) Regulations 2004 (SI 2004/3244). Reg 3(2): £600 for the bodies in
 *   Part I of Schedule 1 to the Act (central government, Parliament, the armed forces); reg 3(3):
 *   £450 for every other authority, NHS trusts included. Reg 4(3): only the cost of (a) determining
 *   whether the information is held, (b) locating it, (c) retrieving it and (d) extracting it may be
 *   counted; reg 4(4): staff time at £25 per person per hour, whatever the staff are paid. Time spent
 *   reading, redacting or considering exemptions is none of these and may not be counted (the ICO's
 *   guidance on s12; Chief Constable of South Yorkshire Police v IC [2011] EWHC 44 (Admin)).
 *   Reg 5: requests by one person, or by people who appear to be acting in concert or in a
 *   campaign, for the same or similar information, received within any 60 consecutive working
 *   days, are costed together.
 * - FOISA (and its review): s12(1); the Freedom of Information (Fees for Required Disclosure)
 *   (Scotland) Regulations 2004 (SSI 2004/467). Reg 5: the prescribed amount is £600. Reg 3(1):
 *   "projected costs" are those of locating, retrieving and providing the information; reg 3(2)(a):
 *   no account is taken of determining whether it is held, or whether it should be given;
 *   reg 3(2)(b): staff time is estimated at no more than £15 per hour per member of staff (the
 *   actual cost when lower, so the rate is the team's, capped at £15). Reg 6: requests by different
 *   persons on the same subject may be refused together only if the authority makes the information
 *   public within 20 working days of the first; there is no same-requester aggregation rule.
 * - EIR and EISR: no cost limit. A request whose cost would be excessive is manifestly unreasonable
 *   (EIR reg 12(4)(b); EISR reg 10(4)(b)), an exception subject to the public interest test; the
 *   Fees Regulations' figures may inform that judgement but do not decide it.
 * - SAR: no cost limit; a request may be refused only as manifestly unfounded or excessive (UK GDPR
 *   Article 12(5)).
 */
import { z } from 'zod';
import type { Regime } from './case-format';

export const S12_ACTIVITIES = ['determining', 'locating', 'retrieving', 'extracting', 'providing'] as const;
export type S12Activity = (typeof S12_ACTIVITIES)[number];

export const S12_ACTIVITY_LABELS: Record<S12Activity, string> = {
  determining: 'Determining whether the information is held',
  locating: 'Locating the information',
  retrieving: 'Retrieving the information',
  extracting: 'Extracting the information',
  providing: 'Providing the information',
};

/** How the letter names each activity in running prose. */
const ACTIVITY_PROSE: Record<S12Activity, string> = {
  determining: 'determining whether we hold the information',
  locating: 'locating it',
  retrieving: 'retrieving it',
  extracting: 'extracting it',
  providing: 'providing it',
};

/** The bodies reg 3 of the 2004 Regulations distinguishes (Settings: "cost limit"). */
export const COST_LIMIT_BODIES = ['other', 'central-government'] as const;
export type CostLimitBody = (typeof COST_LIMIT_BODIES)[number];

export const FOIA_RATE_PENCE = 2500;
export const FOIA_LIMIT_PENCE: Record<CostLimitBody, number> = {
  other: 45_000,
  'central-government': 60_000,
};
export const FOISA_LIMIT_PENCE = 60_000;
export const FOISA_MAX_RATE_PENCE = 1500;

/** Bounds on what a worksheet holds: far past any real estimate, well short of an overflow. */
export const MAX_S12_ROWS = 100;
export const MAX_ROW_MINUTES = 1000 * 60;
export const MAX_AGGREGATED_CASES = 20;
export const MAX_S12_DESCRIPTION = 500;
export const MAX_S12_ADVICE = 4000;
/** Reg 5(2)(b): within any period of 60 consecutive working days. */
export const S12_AGGREGATION_WORKING_DAYS = 60;

export interface CostLimitSettings {
  costLimitBody: CostLimitBody;
  /** FOISA: the team's hourly staff cost, at most £15 (reg 3(2)(b)). */
  foisaHourlyRatePence: number;
}

export type CostRule =
  | {
      kind: 'limit';
      law: 'fees-regulations-2004' | 'foisa-fees-2004';
      limitPence: number;
      /** The rate each row is costed at unless it gives its own (FOISA only). */
      ratePence: number;
      /** The highest rate a row may give; FOIA's is fixed, so it equals `ratePence`. */
      maxRatePence: number;
      activities: readonly S12Activity[];
      /** Where the figures come from, for the worksheet. */
      citation: string;
      aggregation: string;
    }
  | { kind: 'none'; reason: string };

const FOIA_ACTIVITIES: readonly S12Activity[] = ['determining', 'locating', 'retrieving', 'extracting'];
const FOISA_ACTIVITIES: readonly S12Activity[] = ['locating', 'retrieving', 'providing'];

/** The cost rule a case of `regime` is estimated under. */
export function costRuleFor(regime: Regime, settings: CostLimitSettings): CostRule {
  switch (regime) {
    case 'FOIA':
    case 'FOI-IR': {
      const central = settings.costLimitBody === 'central-government';
      return {
        kind: 'limit',
        law: 'fees-regulations-2004',
        limitPence: FOIA_LIMIT_PENCE[settings.costLimitBody],
        ratePence: FOIA_RATE_PENCE,
        maxRatePence: FOIA_RATE_PENCE,
        activities: FOIA_ACTIVITIES,
        citation: `FOIA s12(1); the Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004 reg ${central ? '3(2) (£600 for central government, Schedule 1 Part I)' : '3(3) (£450)'}, reg 4(3) (the four activities) and reg 4(4) (£25 an hour).`,
        aggregation:
          'Requests by the same person, or by people acting in concert or in a campaign, for the same or similar information received within 60 consecutive working days may be costed together (FOIA s12(4); Fees Regulations 2004 reg 5).',
      };
    }
    case 'FOISA':
    case 'FOISA-REVIEW':
      return {
        kind: 'limit',
        law: 'foisa-fees-2004',
        limitPence: FOISA_LIMIT_PENCE,
        ratePence: Math.min(settings.foisaHourlyRatePence, FOISA_MAX_RATE_PENCE),
        maxRatePence: FOISA_MAX_RATE_PENCE,
        activities: FOISA_ACTIVITIES,
        citation:
          'FOISA s12(1); the Freedom of Information (Fees for Required Disclosure) (Scotland) Regulations 2004 reg 5 (£600), reg 3(1) (locating, retrieving and providing), reg 3(2)(a) (not determining whether held or whether to release) and reg 3(2)(b) (staff time at no more than £15 an hour per member of staff).',
        aggregation:
          'FOISA has no same-requester aggregation: requests by different people on the same subject may be refused together only if the information is made public within 20 working days of the first (Fees Regulations (Scotland) 2004 reg 6).',
      };
    case 'EIR':
    case 'EIR-RECON':
      return {
        kind: 'none',
        reason:
          'The EIR have no cost limit and section 12 does not apply. A request whose cost would be excessive may be manifestly unreasonable (EIR reg 12(4)(b)), an exception subject to the public interest test; the £450 / 18 hours of the Fees Regulations can inform that judgement but do not decide it.',
      };
    case 'EISR':
      return {
        kind: 'none',
        reason:
          'The EISR have no cost limit and FOISA s12 does not apply. A request whose cost would be excessive may be manifestly unreasonable (EISR reg 10(4)(b)), an exception subject to the public interest test.',
      };
    case 'SAR':
      return {
        kind: 'none',
        reason:
          'A subject access request has no cost limit. It may be refused only if it is manifestly unfounded or excessive (UK GDPR Article 12(5)).',
      };
    default:
      return assertNever(regime);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected regime ${String(value)}`);
}

/** Words officers use for time that may not be counted, with the reason given back to them. */
const NOT_COUNTED: { pattern: RegExp; what: string }[] = [
  { pattern: /redact/i, what: 'redacting' },
  {
    pattern: /exempt|exception|public.?interest|consider|decid|review|legal|advice/i,
    what: 'considering exemptions or whether to release',
  },
  { pattern: /read|check|approv|sign/i, what: 'reading, checking or approving' },
  { pattern: /consult|third.?part/i, what: 'consulting third parties' },
];

/** Why `activity` may not be counted under `rule`, or null when it may. */
export function activityProblem(rule: CostRule, activity: string): string | null {
  if (rule.kind === 'none') return rule.reason;
  if ((rule.activities as readonly string[]).includes(activity)) return null;
  const scotland = rule.law === 'foisa-fees-2004';
  if (activity === 'determining' && scotland)
    return 'Time spent determining whether the information is held may not be counted under FOISA (Fees Regulations (Scotland) 2004 reg 3(2)(a)).';
  if (activity === 'extracting' && scotland)
    return 'Under FOISA the activities are locating, retrieving and providing (reg 3(1)): record extracting as providing.';
  if (activity === 'providing' && !scotland)
    return 'Providing (copying, sending) is not one of the four activities of the Fees Regulations 2004 reg 4(3).';
  const known = NOT_COUNTED.find((n) => n.pattern.test(activity));
  const allowed = rule.activities.map((a) => ACTIVITY_PROSE[a]).join(', ');
  const law = scotland ? 'Fees Regulations (Scotland) 2004 reg 3' : 'Fees Regulations 2004 reg 4(3)';
  return known
    ? `Time spent ${known.what} may not be counted towards the cost limit (${law}): only ${allowed}.`
    : `That is not an activity that may be counted (${law}): only ${allowed}.`;
}

export interface S12RowInput {
  activity: string;
  minutes: number;
  /** FOISA: this member of staff's hourly cost in pence, at most £15; FOIA rows leave it out. */
  ratePence?: number | undefined;
  /** The question the row is for ("1", "2.1"), if per question. */
  question?: string | undefined;
  /** How the time was estimated: "sampled 10 files at 6 minutes each". */
  description?: string | undefined;
}

/** Every problem with one row, in the officer's words (empty when it may be saved). */
export function s12RowProblems(rule: CostRule, row: S12RowInput): string[] {
  const problems: string[] = [];
  const activity = activityProblem(rule, row.activity);
  if (activity) problems.push(activity);
  if (!Number.isSafeInteger(row.minutes) || row.minutes < 0)
    problems.push('The time must be a whole number of minutes, not negative.');
  else if (row.minutes > MAX_ROW_MINUTES)
    problems.push(`One row may hold at most ${MAX_ROW_MINUTES / 60} hours; split the work into rows.`);
  if (row.ratePence !== undefined && rule.kind === 'limit') {
    if (rule.law === 'fees-regulations-2004' && row.ratePence !== FOIA_RATE_PENCE)
      problems.push('Under the Fees Regulations 2004 staff time is always costed at £25 an hour (reg 4(4)).');
    else if (!Number.isSafeInteger(row.ratePence) || row.ratePence <= 0 || row.ratePence > rule.maxRatePence)
      problems.push(
        `The hourly rate must be more than £0 and at most ${formatPence(rule.maxRatePence)} (Fees Regulations (Scotland) 2004 reg 3(2)(b)).`,
      );
  }
  if ((row.description ?? '').length > MAX_S12_DESCRIPTION)
    problems.push(`The description is too long (at most ${MAX_S12_DESCRIPTION} characters).`);
  if ((row.question ?? '').length > 20) problems.push('The question number is too long.');
  return problems;
}

/** Problems with a whole worksheet: each row's, numbered, and the bounds. */
export function s12WorksheetProblems(rule: CostRule, rows: readonly S12RowInput[], advice = ''): string[] {
  const problems: string[] = [];
  if (rows.length > MAX_S12_ROWS) problems.push(`A worksheet holds at most ${MAX_S12_ROWS} rows.`);
  rows.forEach((row, i) => {
    for (const p of s12RowProblems(rule, row)) problems.push(`Row ${i + 1}: ${p}`);
  });
  if (advice.length > MAX_S12_ADVICE)
    problems.push(`The advice and assistance is too long (at most ${MAX_S12_ADVICE} characters).`);
  return problems;
}

export interface AggregatedEstimate {
  reference: string;
  received: string;
  rows: readonly S12RowInput[];
}

export interface S12Result {
  /** Minutes of this case's own rows, of the aggregated cases', and both. */
  ownMinutes: number;
  aggregatedMinutes: number;
  totalMinutes: number;
  /** Minutes per permitted activity, over every counted row. */
  byActivity: Partial<Record<S12Activity, number>>;
  /** The cost, rounded to the nearest penny (half up). */
  costPence: number;
  limitPence: number;
  /** The limit as time at the rule's rate (18 hours = 1080 minutes), rounded down. */
  limitMinutes: number;
  ratePence: number;
  /** Strictly more than the limit: exactly the limit is not over it (s12(1) "would exceed"). */
  exceeds: boolean;
  /** How far over (0 when not): pence rounded up, so an estimate over the limit is never "£0 over". */
  overByPence: number;
  /** How far over in minutes at the rule's rate, rounded up (0 when not over). */
  overByMinutes: number;
  /** What is left under the limit (0 when over), pence rounded down. */
  headroomPence: number;
}

function rowRate(rule: Extract<CostRule, { kind: 'limit' }>, row: S12RowInput): number {
  return rule.law === 'foisa-fees-2004' && row.ratePence !== undefined ? row.ratePence : rule.ratePence;
}

/**
 * Totals a worksheet. Throws on a row the rule refuses, so a bad row can never be summed: the
 * handler refuses it before saving, with the same words.
 */
export function estimateS12(
  rule: CostRule,
  rows: readonly S12RowInput[],
  aggregated: readonly AggregatedEstimate[] = [],
): S12Result | null {
  if (rule.kind === 'none') return null;
  const all = [...rows, ...aggregated.flatMap((a) => a.rows)];
  const problems = s12WorksheetProblems(rule, all);
  if (problems.length > 0) throw new Error(problems.join(' '));
  // pence × minutes / 60 is the cost in pence; keep the numerator as an integer (at most 2,000
  // rows × 60,000 minutes × 2,500 pence = 3 × 10^11, well inside a safe integer).
  let numerator = 0;
  let ownMinutes = 0;
  let aggregatedMinutes = 0;
  const byActivity: Partial<Record<S12Activity, number>> = {};
  const add = (row: S12RowInput, own: boolean) => {
    numerator += row.minutes * rowRate(rule, row);
    if (own) ownMinutes += row.minutes;
    else aggregatedMinutes += row.minutes;
    const activity = row.activity as S12Activity;
    byActivity[activity] = (byActivity[activity] ?? 0) + row.minutes;
  };
  rows.forEach((r) => add(r, true));
  aggregated.forEach((a) => a.rows.forEach((r) => add(r, false)));
  const limitNumerator = rule.limitPence * 60;
  const exceeds = numerator > limitNumerator;
  const over = exceeds ? numerator - limitNumerator : 0;
  return {
    ownMinutes,
    aggregatedMinutes,
    totalMinutes: ownMinutes + aggregatedMinutes,
    byActivity,
    costPence: Math.floor((numerator + 30) / 60),
    limitPence: rule.limitPence,
    limitMinutes: Math.floor(limitNumerator / rule.ratePence),
    ratePence: rule.ratePence,
    exceeds,
    overByPence: Math.ceil(over / 60),
    overByMinutes: Math.ceil(over / rule.ratePence),
    headroomPence: exceeds ? 0 : Math.floor((limitNumerator - numerator) / 60),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading and writing times and money

/**
 * Reads a time as officers write it: decimal hours ("1.5", "1.5h", "0.25 hours"), minutes ("90m",
 * "90 min"), hours and minutes ("1:30", "2h 15m", "2 hours 15 minutes"). Decimal hours take at most
 * two places and are rounded to the nearest minute ("0.33" = 20 minutes). Returns the whole minutes,
 * or a problem in words.
 */
export function parseDuration(text: string): { minutes: number } | { problem: string } {
  const t = text.trim().toLowerCase();
  const bad = {
    problem: 'Give the time as hours (1.5), minutes (90m) or hours and minutes (1:30 or 1h 30m).',
  };
  if (t === '') return { problem: 'Give the time.' };
  let m = /^(\d{1,5})(?:\.(\d{1,2}))?\s*(?:h|hr|hrs|hours?)?$/.exec(t);
  if (m) {
    const hundredths = Number((m[2] ?? '').padEnd(2, '0'));
    return bounded(Number(m[1]) * 60 + Math.floor((hundredths * 60 + 50) / 100));
  }
  m = /^(\d{1,7})\s*(?:m|mins?|minutes?)$/.exec(t);
  if (m) return bounded(Number(m[1]));
  m = /^(\d{1,5}):([0-5]\d)$/.exec(t);
  if (m) return bounded(Number(m[1]) * 60 + Number(m[2]));
  m = /^(\d{1,5})\s*(?:h|hrs?|hours?)\s*(\d{1,2})\s*(?:m|mins?|minutes?)?$/.exec(t);
  if (m && Number(m[2]) < 60) return bounded(Number(m[1]) * 60 + Number(m[2]));
  if (/^-/.test(t)) return { problem: 'The time cannot be negative.' };
  return bad;
}

function bounded(minutes: number): { minutes: number } | { problem: string } {
  return minutes > MAX_ROW_MINUTES
    ? { problem: `One row may hold at most ${MAX_ROW_MINUTES / 60} hours; split the work into rows.` }
    : { minutes };
}

/** 90 → "1 hour 30 minutes"; 1080 → "18 hours"; 0 → "0 minutes". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h === 1 ? '1 hour' : `${h} hours`;
  const mins = m === 1 ? '1 minute' : `${m} minutes`;
  if (h === 0) return mins;
  return m === 0 ? hours : `${hours} ${mins}`;
}

/** 45000 → "£450"; 56250 → "£562.50"; 123456 → "£1,234.56". */
export function formatPence(pence: number): string {
  const pounds = Math.floor(pence / 100);
  const p = pence % 100;
  const whole = pounds.toLocaleString('en-GB');
  return p === 0 ? `£${whole}` : `£${whole}.${String(p).padStart(2, '0')}`;
}

/** The limit as hours for the letter: 1080 → "18", 2400 → "40", 2917 → "48.6". */
export function formatHoursNumber(minutes: number): string {
  if (minutes % 60 === 0) return String(minutes / 60);
  const tenths = Math.floor((minutes * 10) / 60);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

// ---------------------------------------------------------------------------------------------
// The letter

export const DEFAULT_S12_ADVICE =
  'You may be able to bring your request within the limit by narrowing it: for example by asking for a shorter period, for fewer of the questions, or for the information of one department or site. If you tell us how you would like to refine your request, we will treat it as a new request and answer it within 20 working days.';

export interface S12LetterValues {
  costLimit: string;
  costHours: string;
  costRate: string;
  costEstimate?: string;
  aggregation?: string;
  adviceAndAssistance?: string;
}

/**
 * The placeholders of the cost-limit letter (templates/defaults/paragraphs.json `cost-limit.body`)
 * from the rule and, when there is one, the worksheet.
 */
export function s12LetterValues(
  rule: CostRule,
  worksheet?: {
    rows: readonly S12RowInput[];
    aggregated: readonly AggregatedEstimate[];
    advice?: string | undefined;
  },
): S12LetterValues | null {
  if (rule.kind === 'none') return null;
  const values: S12LetterValues = {
    costLimit: formatPence(rule.limitPence),
    costHours: formatHoursNumber(Math.floor((rule.limitPence * 60) / rule.ratePence)),
    // FOISA's letter says staff time is charged at "no more than" the rate: the £15 cap.
    costRate: formatPence(rule.maxRatePence),
  };
  if (!worksheet || (worksheet.rows.length === 0 && worksheet.aggregated.length === 0)) return values;
  const result = estimateS12(rule, worksheet.rows, worksheet.aggregated);
  if (!result) return values;
  const parts = rule.activities
    .filter((a) => (result.byActivity[a] ?? 0) > 0)
    .map((a) => `${ACTIVITY_PROSE[a]}, ${formatMinutes(result.byActivity[a] ?? 0)}`);
  const how = worksheet.rows
    .map((r) => r.description?.trim())
    .filter((d): d is string => !!d)
    .map((d) => d.replace(/[.;]+$/, ''));
  const fixedRate =
    rule.law === 'fees-regulations-2004' || worksheet.rows.every((r) => r.ratePence === undefined);
  const costed = fixedRate
    ? `${formatPence(result.costPence)} at ${formatPence(rule.ratePence)} an hour`
    : `${formatPence(result.costPence)} at staff rates of no more than ${formatPence(rule.maxRatePence)} an hour`;
  let estimate = `We estimate that complying with your request would take ${formatMinutes(result.totalMinutes)} of staff time, costing ${costed}`;
  estimate += result.exceeds
    ? `, which is ${formatPence(result.overByPence)} more than the limit of ${formatPence(result.limitPence)}.`
    : `, which is within the limit of ${formatPence(result.limitPence)}.`;
  if (parts.length > 0) estimate += ` This is made up of ${parts.join('; ')}.`;
  if (how.length > 0) estimate += ` We reached this estimate as follows: ${how.join('; ')}.`;
  values.costEstimate = estimate;
  if (worksheet.aggregated.length > 0) {
    const refs = worksheet.aggregated.map((a) => a.reference);
    const list = refs.length === 1 ? refs[0] : `${refs.slice(0, -1).join(', ')} and ${refs[refs.length - 1]}`;
    values.aggregation =
      rule.law === 'fees-regulations-2004'
        ? `This estimate includes ${formatMinutes(result.aggregatedMinutes)} for the request${refs.length === 1 ? '' : 's'} ${list}, which ${refs.length === 1 ? 'asks' : 'ask'} for the same or similar information and ${refs.length === 1 ? 'was' : 'were'} received within 60 consecutive working days of your request; regulation 5 of the Regulations allows us to aggregate the costs of such requests.`
        : `This estimate includes ${formatMinutes(result.aggregatedMinutes)} for the request${refs.length === 1 ? '' : 's'} ${list} on the same subject (regulation 6 of the Regulations).`;
  }
  values.adviceAndAssistance = worksheet.advice?.trim() || DEFAULT_S12_ADVICE;
  return values;
}

/**
 * Whether cases received on these dates may be aggregated: all within one period of 60
 * consecutive working days, i.e. no more than 60 working days between the earliest and the latest.
 * `workingDaysApart` counts on the case's calendar (shared/clock).
 */
export function aggregationWindowProblem(
  earliest: { reference: string; received: string },
  latest: { reference: string; received: string },
  workingDaysApart: number,
): string | null {
  return workingDaysApart > S12_AGGREGATION_WORKING_DAYS
    ? `${latest.reference} was received ${workingDaysApart} working days after ${earliest.reference}: requests may be aggregated only when all are received within 60 consecutive working days (Fees Regulations 2004 reg 5(2)(b)).`
    : null;
}

// ---------------------------------------------------------------------------------------------
// The worksheet as the contract carries it (shared/contract.ts `s12:*`)

const caseId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A row as the page sends it. The activity is any short text: the rule, not the schema, refuses it in words. */
export const s12RowInputSchema = z.strictObject({
  activity: z.string().trim().min(1).max(40),
  minutes: z.number().int().min(0).max(MAX_ROW_MINUTES),
  ratePence: z.number().int().min(1).max(FOIA_RATE_PENCE).optional(),
  question: z.string().trim().max(20).optional(),
  description: z.string().trim().max(MAX_S12_DESCRIPTION).optional(),
});

export const s12SaveInputSchema = z.strictObject({
  caseId,
  rows: z.array(s12RowInputSchema).max(MAX_S12_ROWS),
  aggregatedCaseIds: z.array(caseId).max(MAX_AGGREGATED_CASES),
  /** Advice and assistance (FOIA s16, FOISA s15) for the letter; empty uses DEFAULT_S12_ADVICE. */
  advice: z.string().max(MAX_S12_ADVICE),
});
export type S12SaveInput = z.infer<typeof s12SaveInputSchema>;

export interface S12RowView {
  activity: S12Activity;
  minutes: number;
  ratePence?: number;
  question?: string;
  description?: string;
}

export interface S12AggregatedView {
  id: number;
  reference: string;
  received: string;
  /** Minutes of that case's own worksheet (0 when it has none). */
  minutes: number;
  hasWorksheet: boolean;
}

export interface S12Suggestion {
  id: number;
  reference: string;
  received: string;
  kind: 'aggregation' | 'concert';
  message: string;
}

export interface S12WorksheetView {
  caseId: number;
  reference: string;
  regime: Regime;
  rule: CostRule;
  /** False until the officer first saves one. */
  saved: boolean;
  rows: S12RowView[];
  aggregated: S12AggregatedView[];
  advice: string;
  defaultAdvice: string;
  result: S12Result | null;
  /** What the cost-limit letter will say (null where there is no cost limit). */
  letter: S12LetterValues | null;
  /** Similar requests the costs may be aggregated with (shared/similarity.ts flags). */
  suggestions: S12Suggestion[];
  /** Things to know that do not stop a save (an aggregated case with no estimate of its own). */
  notes: string[];
  updatedAt: string | null;
  updatedBy: string | null;
}
