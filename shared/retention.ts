/**
 * Retention of closed cases: how long a case is kept after it is closed, per regime, and the day
 * it falls due for review (delete or anonymise, main/services/disposal.ts).
 *
 * The default schedule follows the Records Management Code of Practice for Health and Social Care
 * 2021 (NHSX, now NHS England Transformation Directorate), Appendix II "Retention schedule":
 * https://transform.england.nhs.uk/information-governance/guidance/records-management-code/records-management-code-of-practice/
 * The figures used are those the team believes Appendix II gives for "Freedom of Information (FOI)
 * requests and responses" and for "Subject Access Requests (SAR)": 3 years from closure, 6 years if
 * the request was appealed. NOT CONFIRMED WORD FOR WORD: the search done when this was written found
 * the Code and that Appendix II is its retention schedule, but not the text of those two entries
 * (README, "Retention"). Every figure is a setting the team can change to its own schedule.
 *
 * "Appealed" here means an internal review (a review case whose `reviewOf` names the request) and,
 * once recorded, a complaint to the Commissioner: db/queries/retention.ts is the one place that
 * decides it. An appealed request is kept from the later of its own closure and its review's.
 */
import { z } from 'zod';
import { REGIMES, type Regime } from './case-format';

export const RETENTION_CODE = {
  title: 'Records Management Code of Practice for Health and Social Care 2021, Appendix II',
  url: 'https://transform.england.nhs.uk/information-governance/guidance/records-management-code/records-management-code-of-practice/',
} as const;

export interface RetentionPeriod {
  /** Whole years kept after closure. */
  years: number;
  /** Whole years kept after closure when the case was appealed (internal review or Commissioner). */
  yearsIfAppealed: number;
}
export type RetentionSchedule = Record<Regime, RetentionPeriod>;

const periodSchema = z
  .strictObject({
    years: z.number().int().min(1).max(100),
    yearsIfAppealed: z.number().int().min(1).max(100),
  })
  .refine((p) => p.yearsIfAppealed >= p.years, {
    message: 'an appealed case cannot be kept for less time than one not appealed',
    path: ['yearsIfAppealed'],
  });

export const retentionScheduleSchema = z.strictObject(
  Object.fromEntries(REGIMES.map((r) => [r, periodSchema])) as Record<Regime, typeof periodSchema>,
);

/**
 * The Code's figures for every regime. A review case (FOI-IR, EIR-RECON, FOISA-REVIEW) is itself
 * the appeal, so it is kept for the appealed period whether or not it went further.
 */
export const DEFAULT_RETENTION_SCHEDULE: RetentionSchedule = {
  FOIA: { years: 3, yearsIfAppealed: 6 },
  EIR: { years: 3, yearsIfAppealed: 6 },
  FOISA: { years: 3, yearsIfAppealed: 6 },
  EISR: { years: 3, yearsIfAppealed: 6 },
  SAR: { years: 3, yearsIfAppealed: 6 },
  'FOI-IR': { years: 6, yearsIfAppealed: 6 },
  'EIR-RECON': { years: 6, yearsIfAppealed: 6 },
  'FOISA-REVIEW': { years: 6, yearsIfAppealed: 6 },
};

/** A stored schedule read with the Code's default for any regime missing or invalid. */
export function readRetentionSchedule(stored: unknown): RetentionSchedule {
  const out: RetentionSchedule = { ...DEFAULT_RETENTION_SCHEDULE };
  if (!stored || typeof stored !== 'object') return out;
  for (const regime of REGIMES) {
    const parsed = periodSchema.safeParse((stored as Record<string, unknown>)[regime]);
    if (parsed.success) out[regime] = parsed.data;
  }
  return out;
}

/** The same day `years` later; 29 February becomes 28 February in a year that has none. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface RetentionFacts {
  regime: Regime;
  /** The date the case was closed (its response date); null while open, which is never due. */
  closed: string | null;
  /** Whether it was appealed (internal review, or a complaint to the Commissioner). */
  appealed: boolean;
  /** When appealed: the date the appeal ended (the review's closure), if later than `closed`. */
  appealClosed?: string | null;
  /** A review of it is still open: the appeal has not ended, so the case is not due. */
  appealOpen?: boolean;
}

/**
 * The day a closed case falls due for review under `schedule`: closure (or the end of its appeal,
 * whichever is later) plus the regime's years. Null for an open case.
 */
export function reviewDate(facts: RetentionFacts, schedule: RetentionSchedule): string | null {
  if (!facts.closed || facts.appealOpen) return null;
  const period = schedule[facts.regime];
  const from =
    facts.appealed && facts.appealClosed && facts.appealClosed > facts.closed
      ? facts.appealClosed
      : facts.closed;
  return addYears(from, facts.appealed ? period.yearsIfAppealed : period.years);
}

/** Due for review on and after its review date. */
export function isDueForReview(facts: RetentionFacts, schedule: RetentionSchedule, today: string): boolean {
  const due = reviewDate(facts, schedule);
  return due !== null && due <= today;
}

export const DISPOSAL_METHODS = ['delete', 'anonymise'] as const;
export type DisposalMethod = (typeof DISPOSAL_METHODS)[number];

/**
 * What anonymising keeps: every figure the statistics count. Written here so the README, the
 * confirmation dialog and the code say the same.
 */
export const ANONYMISE_KEEPS =
  'reference, regime, dates (received, due, statutory due, responded), status, outcome, officer, department, ' +
  'the reason for any delay, clock events (dates only), each question’s outcome and the exemptions applied (provisions only)';
export const ANONYMISE_REMOVES =
  'the requester (name, email, address, organisation), letters, drafts, files, the email it came from, ' +
  'disclosure log choices and decisions, clock event notes, exemption reasoning and public interest factors, ' +
  'and the values in its history; FOI and EIR texts keep what is left after the personal-data check ' +
  '(emails, phone numbers, postcodes, NHS numbers and the requester’s name removed), a subject access ' +
  'request’s texts are removed whole';

/** The words the officer types to confirm a disposal: the case's reference exactly. */
export function disposalConfirmationProblem(reference: string, typed: string): string | null {
  return typed.trim() === reference ? null : `Type the reference ${reference} to confirm.`;
}

/** Case fields whose audit values say nothing about the requester: kept when a case is anonymised. */
const SAFE_AUDIT_FIELDS = new Set([
  'reference',
  'regime',
  'reviewOf',
  'received',
  'channel',
  'officer',
  'status',
  'outcome',
  'responded',
  'dueDate',
  'statutoryDue',
  'department',
  'lateDepartment',
  'category',
]);

export interface ScrubbableAuditEntry {
  action: string;
  entity: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

/**
 * An audit entry of an anonymised case with nothing of the requester left: the action, entity and
 * when stay (the history still says what was done), values are kept only for the fields above and
 * for an answer's outcome and exemption provisions; a file's name (the field of attachment entries)
 * and every other value go.
 */
export function scrubAuditEntry<T extends ScrubbableAuditEntry>(entry: T): T {
  const none = { ...entry, oldValue: null, newValue: null };
  switch (entry.action) {
    case 'create':
    case 'close':
    case 'reopen':
    case 'disposed':
      return entry;
    case 'update':
      return entry.entity === 'case' && SAFE_AUDIT_FIELDS.has(entry.field ?? '') ? entry : none;
    case 'set-response':
      return { ...entry, oldValue: null, newValue: answerFigures(entry.newValue) };
    case 'add-event': {
      const v = parseObject(entry.newValue);
      const kept = v ? { type: v.type, date: v.date, until: v.until } : null;
      return { ...entry, oldValue: null, newValue: kept ? JSON.stringify(kept) : null };
    }
    case 'attachment-added':
    case 'attachment-removed':
    case 'attachment-exported':
      return { ...none, field: null };
    default:
      return none;
  }
}

function parseObject(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function answerFigures(text: string | null): string | null {
  const r = parseObject(text);
  if (!r) return null;
  const exemptions = Array.isArray(r.exemptions)
    ? (r.exemptions as { provision?: unknown }[])
        .map((x) => (typeof x.provision === 'string' ? { provision: x.provision } : null))
        .filter(Boolean)
    : [];
  return JSON.stringify({ outcome: r.outcome, exemptions });
}
