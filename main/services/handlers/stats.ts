/**
 * The statistics: the figures for a period (db/queries/stats.ts, in SQL), put together with the
 * ICO band and the definition of "in time" (shared/stats.ts). Read-only; the channel is a read, so
 * a large period never waits behind the write queue, and the page stays responsive meanwhile.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  burnDownPoints,
  listStatsCases,
  runStatsSql,
  statsCasesWhere,
  statsSql,
  type BacklogCutoffs,
  type CountRow,
} from '../../../db/queries/stats';
import type { CaseDb } from '../../../db/case-file';
import { addWorkingDays } from '../../../shared/clock';
import { CASE_OUTCOMES, type CaseOutcome } from '../../../shared/case-format';
import {
  IN_TIME_DEFINITION,
  statsFileName,
  icoBand,
  lastDayOfMonth,
  monthsBetween,
  percentOf,
  type MonthFigures,
  type StatsCaseRow,
  type StatsCases,
  type StatsExport,
  type StatsReport,
  type StatsSelection,
  type TimelinessFigures,
} from '../../../shared/stats';
import { loadClockContext } from '../deadlines';
import { COMMISSIONER_DECISIONS, type CommissionerDecision } from '../../../shared/commissioner';
import { statsCasesCsv, statsCsv, statsXlsx } from '../stats-export';
import { getOrganisation } from '../../../db/queries/organisation';
import { renderStatsReport } from '../../../templates/stats-report';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic } from '../files';
import { checkOutputPath } from '../output-paths';
import type { OpenSession } from '../session';
import type { AppHandlers, SessionHandlers } from './types';

/** The day the backlog is measured on and its bands' first dates, on the register's calendar. */
export function backlogCutoffs(db: CaseDb, to: string, today: string): BacklogCutoffs {
  const asOf = to < today ? to : today;
  const context = loadClockContext(db);
  const back = (n: number) => addWorkingDays(asOf, -n, 'FOIA', context.jurisdiction, context.extraHolidays);
  const [y, m, d] = asOf.split('-') as [string, string, string];
  const year = `${Number(y) - 1}-${m}-${m === '02' && d === '29' ? '28' : d}`;
  return { asOf, wd20: back(20), wd60: back(60), year };
}

function timeliness(row: Partial<CountRow>): TimelinessFigures {
  const n = (k: keyof CountRow) => Number(row[k] ?? 0);
  const judged = n('answeredInTime') + n('answeredLate') + n('openPastDue');
  return {
    received: n('received'),
    answeredInTime: n('answeredInTime'),
    answeredWithinStatutory: n('answeredWithinStatutory'),
    answeredWithinExtension: n('answeredWithinExtension'),
    answeredLate: n('answeredLate'),
    openPastDue: n('openPastDue'),
    openNotYetDue: n('openNotYetDue'),
    withdrawn: n('withdrawn'),
    percentInTime: percentOf(n('answeredInTime'), judged),
    lateReasonMissing: n('lateReasonMissing'),
  };
}

export function computeStats(db: CaseDb, selection: StatsSelection, today: string): StatsReport {
  const started = performance.now();
  const cut = backlogCutoffs(db, selection.to, today);
  const months = monthsBetween(selection.from, selection.to, 60);
  const monthEnds = months.map(lastDayOfMonth).map((d) => (d > cut.asOf ? cut.asOf : d));
  const ends = [...new Set(monthEnds)];
  const rows = runStatsSql(db, statsSql(selection, today, cut, ends));
  const info = rows.counts.information;
  const n = (r: Partial<CountRow>, k: keyof CountRow) => Number(r[k] ?? 0);
  const outcomes = Object.fromEntries(CASE_OUTCOMES.map((o) => [o, 0])) as Record<CaseOutcome, number>;
  for (const r of rows.outcomes) if (r.outcome in outcomes) outcomes[r.outcome as CaseOutcome] = r.n;
  const decisions = Object.fromEntries(COMMISSIONER_DECISIONS.map((d) => [d, 0])) as Record<
    CommissionerDecision,
    number
  >;
  let pending = 0;
  for (const r of rows.commissioner)
    if (r.decision === 'pending') pending = r.n;
    else if (r.decision in decisions) decisions[r.decision as CommissionerDecision] = r.n;
  const commissioner = {
    complaints: pending + Object.values(decisions).reduce((a, b) => a + b, 0),
    pending,
    decisions,
  };
  const exemptions: Record<string, number> = {};
  for (const r of rows.exemptions) exemptions[r.provision] = r.n;
  const received = new Map(rows.monthsReceived.map((r) => [r.month, r]));
  const answered = new Map(rows.monthsAnswered.map((r) => [r.month, r.answered]));
  const monthFigures: MonthFigures[] = months.map((month) => {
    const r = received.get(month);
    const inTime = r?.answeredInTime ?? 0;
    const late = r?.answeredLate ?? 0;
    const pastDue = r?.openPastDue ?? 0;
    return {
      month,
      received: r?.received ?? 0,
      answered: answered.get(month) ?? 0,
      answeredInTime: inTime,
      answeredLate: late,
      openPastDue: pastDue,
      percentInTime: percentOf(inTime, inTime + late + pastDue),
    };
  });
  const main = {
    ...timeliness(info),
    clarification: n(info, 'clarification'),
    fees: n(info, 'fees'),
    piExtension: n(info, 'piExtension'),
    eirExtension: n(info, 'eirExtension'),
    outcomes,
    exemptions,
    s12: n(info, 's12'),
    s14: n(info, 's14'),
    commissioner,
  };
  // With one regime chosen from the SAR or review group, that group's figures lead.
  const lead = selection.regime === 'SAR' ? rows.counts.sar : null;
  const leadReview = selection.regime && ['FOI-IR', 'EIR-RECON', 'FOISA-REVIEW'].includes(selection.regime);
  const mainFigures = lead
    ? { ...main, ...timeliness(lead) }
    : leadReview
      ? { ...main, ...timeliness(rows.counts.review) }
      : main;
  return {
    selection,
    today,
    main: mainFigures,
    sar: {
      ...timeliness(rows.counts.sar),
      sarExtended: n(rows.counts.sar, 'sarExtended'),
      sarPaused: n(rows.counts.sar, 'sarPaused'),
    },
    reviews: {
      ...timeliness(rows.counts.review),
      upheld: Number(rows.reviewOutcomes.upheld ?? 0),
      overturned: Number(rows.reviewOutcomes.overturned ?? 0),
    },
    months: monthFigures,
    backlog: {
      asOf: cut.asOf,
      under20: Number(rows.backlog.under20 ?? 0),
      from20to60: Number(rows.backlog.from20to60 ?? 0),
      over60: Number(rows.backlog.over60 ?? 0),
      overYear: Number(rows.backlog.overYear ?? 0),
      total: Number(rows.backlog.total ?? 0),
    },
    burnDown: burnDownPoints(rows.burnDown, ends.length ? ends : [cut.asOf]),
    band: icoBand(mainFigures.percentInTime),
    definition: IN_TIME_DEFINITION,
    elapsedMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

/** The cases behind a figure, with both due dates (for the exports). */
export function statsCases(db: CaseDb, sel: StatsCases, today: string): StatsCaseRow[] {
  return listStatsCases(db, statsCasesWhere(sel, today, backlogCutoffs(db, sel.to, today)));
}

/** The figures (or the cases behind one) as CSV or .xlsx, or the committee report as .docx. */
async function renderStats(
  s: OpenSession,
  request: StatsExport,
): Promise<{ fileName: string; bytes: Buffer }> {
  const today = s.today();
  const report = computeStats(s.db, request.selection, today);
  const cases = request.cases ? statsCases(s.db, request.cases, today) : undefined;
  const name = statsFileName(request);
  switch (request.format) {
    case 'csv':
      return { fileName: name, bytes: Buffer.from(cases ? statsCasesCsv(cases) : statsCsv(report)) };
    case 'xlsx':
      return { fileName: name, bytes: await statsXlsx(report, cases) };
    case 'docx':
      return {
        fileName: name,
        bytes: await renderStatsReport(report, getOrganisation(s.db), request.charts ?? []),
      };
  }
}

export const statsHandlers = {
  'stats:figures': (s, selection) => computeStats(s.db, selection, s.today()),
  'stats:cases': (s, sel) => statsCases(s.db, sel, s.today()),
  'stats:render': async (s, request) => {
    const file = await renderStats(s, request);
    return { fileName: file.fileName, base64: file.bytes.toString('base64') };
  },
} satisfies SessionHandlers<'stats:'>;

/**
 * `stats:export`: the same file written where the officer chose in the Save dialog main opened
 * (granted-paths.ts), never at a path the page made up, nor over the case file.
 */
export const statsAppHandlers = {
  'stats:export': async (app, input) => {
    const s = app.requireSession();
    const { path: target, ...request } = input;
    if (!app.grants.take('stats-export', target))
      throw new AppError(
        'validation',
        'Choose where to save the statistics with the Save dialog: FOI Desk writes only where you chose.',
      );
    const folder = path.dirname(target);
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw new AppError('file-missing', 'That folder does not exist.');
    checkOutputPath(target, { inputs: [s.file.path], force: true });
    const { bytes } = await renderStats(s, request);
    writeFileAtomic(target, bytes);
    return { path: target, bytes: bytes.length };
  },
} satisfies AppHandlers<'stats:'>;
