/**
 * The compliance statistics (issue 13): what is counted, over which cases, and the words that say
 * so. The figures themselves are computed in SQL (db/queries/stats.ts); this module holds the
 * selection (period, regime, officer, department), the figure keys the queue's "these cases"
 * filter understands, the ICO band and the definition of "in time", so the screen, the CLI, the
 * exports and the README say the same thing.
 */
import { z } from 'zod';
import { CASE_OUTCOMES, REGIMES, isoDate, shortText, type CaseOutcome, type Regime } from './case-format';
import { COMMISSIONER_DECISIONS, type CommissionerDecision } from './commissioner-decisions';

/** Information requests: the s45 Code's figures (FOI and EIR, and their Scottish counterparts). */
export const INFORMATION_REGIMES = ['FOIA', 'EIR', 'FOISA', 'EISR'] as const satisfies readonly Regime[];
export const SAR_REGIMES = ['SAR'] as const satisfies readonly Regime[];
/** Internal reviews, EIR reconsiderations and FOISA reviews. */
export const REVIEW_REGIMES = ['FOI-IR', 'EIR-RECON', 'FOISA-REVIEW'] as const satisfies readonly Regime[];

/** Outcomes left out of the percentage: the request was withdrawn or never became one. */
export const EXCLUDED_OUTCOMES = [
  'withdrawn',
  'clarification-lapsed',
] as const satisfies readonly CaseOutcome[];

export const IN_TIME_DEFINITION =
  'A request is answered in time when the response was sent on or before its due date: 20 working days ' +
  '(a calendar month for a subject access request), or the date of a lawful extension (public interest, ' +
  'EIR regulation 7, a SAR extension) notified before the first date passed. Requests are counted by the ' +
  'date they were received. The percentage is the requests answered in time out of those answered plus ' +
  'those still open past their due date; withdrawn requests and clarifications never received are left ' +
  'out, and so are open requests not yet due (they can be neither in time nor late yet).';

/** Which cases a set of figures covers: received in [from, to], optionally one regime, officer, department. */
export const statsSelectionSchema = z.strictObject({
  from: isoDate,
  to: isoDate,
  /** One regime; absent: the group's regimes (information requests, SARs, reviews). */
  regime: z.enum(REGIMES).optional(),
  officer: shortText.optional(),
  department: shortText.optional(),
});
export type StatsSelection = z.infer<typeof statsSelectionSchema>;

/**
 * The figures that click through to their cases. Each is one SQL predicate over a case
 * (db/queries/stats.ts figurePredicate), used by the counts and by the queue alike.
 */
export const STATS_FIGURES = [
  'received',
  'answeredInTime',
  'answeredWithinStatutory',
  'answeredWithinExtension',
  'answeredLate',
  'openPastDue',
  'openNotYetDue',
  'withdrawn',
  'clarification',
  'fees',
  'piExtension',
  'eirExtension',
  'sarExtended',
  'sarPaused',
  's12',
  's14',
  'lateReasonMissing',
  'outcome',
  'exemption',
  'backlog',
  'answered',
  /** Complaints to the Commissioner (about the requests received in the period); `decision` narrows. */
  'commissioner',
] as const;
export type StatsFigure = (typeof STATS_FIGURES)[number];

export const BACKLOG_BANDS = ['under20', 'from20to60', 'over60', 'overYear'] as const;
export type BacklogBand = (typeof BACKLOG_BANDS)[number];
export const BACKLOG_LABELS: Record<BacklogBand, string> = {
  under20: 'Past due by under 20 working days',
  from20to60: '20 to 60 working days',
  over60: 'Over 60 working days (under a year)',
  overYear: 'Over a year',
};

/** "These cases": a figure of a selection, as the queue's filter (`stats` in queueQuerySchema). */
export const statsCasesSchema = statsSelectionSchema.extend({
  /** Which group of regimes when no one regime is chosen. */
  group: z.enum(['information', 'sar', 'review']).optional(),
  figure: z.enum(STATS_FIGURES),
  /** For `outcome`. */
  outcome: z.enum(CASE_OUTCOMES).optional(),
  /** For `exemption`: the provision as recorded. */
  provision: shortText.optional(),
  /** For `backlog`: the age band, as of `to` (or today, if earlier). */
  band: z.enum(BACKLOG_BANDS).optional(),
  /** For `commissioner`: one decision, or `pending` (no decision yet); absent: every complaint. */
  decision: z.enum([...COMMISSIONER_DECISIONS, 'pending']).optional(),
  /** Only the cases received (or, for `answered`, answered) in this month (YYYY-MM). */
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
});
export type StatsCases = z.infer<typeof statsCasesSchema>;

export type StatsGroup = NonNullable<StatsCases['group']>;

export function regimesOfGroup(group: StatsGroup): readonly Regime[] {
  return group === 'sar' ? SAR_REGIMES : group === 'review' ? REVIEW_REGIMES : INFORMATION_REGIMES;
}

export interface TimelinessFigures {
  received: number;
  answeredInTime: number;
  /** Within the statutory time limit (20 working days; a month for a SAR). */
  answeredWithinStatutory: number;
  /** After the statutory date but within a lawful extension notified in time. */
  answeredWithinExtension: number;
  answeredLate: number;
  openPastDue: number;
  openNotYetDue: number;
  /** Withdrawn, or clarification never received: left out of the percentage. */
  withdrawn: number;
  /** In time out of (answered + open past due), one decimal; null when there is nothing to judge. */
  percentInTime: number | null;
  /** Late answers closed without a reason for the delay (imported history). */
  lateReasonMissing: number;
}

export interface InformationFigures extends TimelinessFigures {
  /** Stopped clock: clarification asked. */
  clarification: number;
  /** Paused clock: fees notice issued. */
  fees: number;
  piExtension: number;
  eirExtension: number;
  /** Closed cases by outcome, keyed by the case format's outcome names. */
  outcomes: Record<CaseOutcome, number>;
  /** Cases that used each exemption or exception, keyed by the provision as recorded. */
  exemptions: Record<string, number>;
  s12: number;
  s14: number;
  /** Complaints to the Commissioner about the requests received in the period, by decision. */
  commissioner: CommissionerFigures;
}

export interface CommissionerFigures {
  complaints: number;
  /** No decision recorded yet. */
  pending: number;
  decisions: Record<CommissionerDecision, number>;
}

export interface SarFigures extends TimelinessFigures {
  sarExtended: number;
  sarPaused: number;
}

export interface ReviewFigures extends TimelinessFigures {
  /** Closed as refused or not held: the original decision stood. */
  upheld: number;
  /** Closed as granted in full or in part: the original decision was changed. */
  overturned: number;
}

export interface MonthFigures {
  month: string;
  received: number;
  /** Answered in this month (by the date of the response), whenever received. */
  answered: number;
  answeredInTime: number;
  answeredLate: number;
  openPastDue: number;
  percentInTime: number | null;
}

export interface BacklogFigures {
  /** The date the backlog is measured on: the end of the period, or today if that is earlier. */
  asOf: string;
  under20: number;
  from20to60: number;
  over60: number;
  overYear: number;
  total: number;
}

export interface BurnDownPoint {
  date: string;
  /** Open past due on that date (any date received). */
  pastDue: number;
  /** Open on that date. */
  open: number;
}

/** The cases behind a figure, for the exports: one row each, with both due dates. */
export interface StatsCaseRow {
  reference: string;
  regime: string;
  received: string;
  statutoryDue: string | null;
  due: string | null;
  responded: string | null;
  status: string;
  outcome: string | null;
  officer: string | null;
  department: string | null;
  lateReason: string | null;
  lateDepartment: string | null;
  subject: string;
}

export type IcoBand = 'good' | 'adequate' | 'unsatisfactory';

export interface StatsReport {
  selection: StatsSelection;
  today: string;
  /** The figures for the chosen regime, or for all information requests when none is chosen. */
  main: InformationFigures;
  sar: SarFigures;
  reviews: ReviewFigures;
  /** In-time percentage by month received, received vs answered by month. */
  months: MonthFigures[];
  backlog: BacklogFigures;
  burnDown: BurnDownPoint[];
  band: IcoBand | null;
  definition: string;
  /** How long the SQL took, in milliseconds (shown on the screen, printed by the benchmark). */
  elapsedMs: number;
}

/** The ICO's self-assessment bands: 95% and over good, 90–95% adequate, under 90% unsatisfactory. */
export function icoBand(percent: number | null): IcoBand | null {
  if (percent === null) return null;
  if (percent >= 95) return 'good';
  if (percent >= 90) return 'adequate';
  return 'unsatisfactory';
}

export const ICO_BAND_LABELS: Record<IcoBand, string> = {
  good: 'Good (95% and over)',
  adequate: 'Adequate (90% to 95%)',
  unsatisfactory: 'Unsatisfactory (under 90%)',
};

/** One decimal, as the committee reads it; null when nothing can be judged. */
export function percentOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

// Periods ----------------------------------------------------------------------------------------

export type PeriodKind = 'month' | 'quarter' | 'financial-year' | 'custom';

const pad = (n: number) => String(n).padStart(2, '0');
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The month, quarter (calendar quarters) or financial year (April to March) that holds `date`. */
export function periodContaining(
  kind: Exclude<PeriodKind, 'custom'>,
  date: string,
): { from: string; to: string } {
  const [y, m] = date.split('-').map(Number) as [number, number];
  if (kind === 'month') return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
  if (kind === 'quarter') {
    const first = Math.floor((m - 1) / 3) * 3 + 1;
    return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${pad(lastDay(y, first + 2))}` };
  }
  const start = m >= 4 ? y : y - 1;
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

/** The period before or after one of the same kind. */
export function shiftPeriod(
  kind: Exclude<PeriodKind, 'custom'>,
  period: { from: string },
  step: 1 | -1,
): { from: string; to: string } {
  const [y, m] = period.from.split('-').map(Number) as [number, number];
  const months = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  const index = y * 12 + (m - 1) + step * months;
  return periodContaining(kind, `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`);
}

/** The months (YYYY-MM) from `from` to `to`, at most `max` of them (the latest kept). */
export function monthsBetween(from: string, to: string, max = 60): string[] {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = fy * 12 + fm - 1; i <= ty * 12 + tm - 1; i++)
    out.push(`${Math.floor(i / 12)}-${pad((i % 12) + 1)}`);
  return out.slice(-max);
}

export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${pad(lastDay(y, m))}`;
}

/** A chart drawn by the page, sent as PNG bytes (base64) for the committee report. */
export const chartImageSchema = z.strictObject({
  title: shortText,
  png: z
    .string()
    .max(4_000_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'must be base64' }),
});
export type ChartImage = z.infer<typeof chartImageSchema>;

export const statsExportSchema = z.strictObject({
  selection: statsSelectionSchema,
  format: z.enum(['csv', 'xlsx', 'docx']),
  /** The cases behind this figure, instead of the figures (csv and xlsx). */
  cases: statsCasesSchema.optional(),
  /** The committee report's charts, drawn by the page (docx). */
  charts: z.array(chartImageSchema).max(4).optional(),
});
export type StatsExport = z.infer<typeof statsExportSchema>;

/** The file name an export is offered under (the Save dialog's suggestion, the download's name). */
export function statsFileName(request: Pick<StatsExport, 'selection' | 'format' | 'cases'>): string {
  const { from, to } = request.selection;
  return `FOI statistics ${from} to ${to}${request.cases ? ` ${request.cases.figure} cases` : ''}.${request.format}`;
}
