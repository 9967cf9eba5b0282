/**
 * The compliance statistics, computed in SQLite: one grouped pass over the cases received in the
 * period (the `cases_received` / `cases_<regime|officer|department>_received` indexes find them),
 * clock events looked up per case through `events_case`, exemptions through their question. Each
 * figure is one predicate over a case (`figurePredicate`), and the queue's "these cases" filter
 * uses the very same predicate, so a figure and the cases behind it can never disagree.
 *
 * bench/stats.bench.ts runs the same SQL (statsSql) on raw better-sqlite3.
 */
import type { CaseDb } from '../case-file';
import {
  BACKLOG_BANDS,
  EXCLUDED_OUTCOMES,
  regimesOfGroup,
  type BacklogBand,
  type StatsCaseRow,
  type StatsCases,
  type StatsFigure,
  type StatsGroup,
  type StatsSelection,
} from '../../shared/stats';
import { CASE_OUTCOMES } from '../../shared/case-format';

/** A piece of SQL with its positional parameters, in order. */
export interface Sql {
  sql: string;
  params: unknown[];
}

const q = (sql: string, ...params: unknown[]): Sql => ({ sql, params });
function join(parts: Sql[], sep: string): Sql {
  return { sql: parts.map((p) => p.sql).join(sep), params: parts.flatMap((p) => p.params) };
}
const list = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** The dates the backlog bands start from, worked out on the register's calendar by the caller. */
export interface BacklogCutoffs {
  asOf: string;
  /** Due on or after this date: past due by under 20 working days. */
  wd20: string;
  wd60: string;
  /** A year before asOf. */
  year: string;
}

const EXCLUDED = `c.outcome IN (${EXCLUDED_OUTCOMES.map((o) => `'${o}'`).join(', ')})`;
const ANSWERED = `(c.status = 'closed' AND c.responded IS NOT NULL AND NOT ${EXCLUDED.replace('c.outcome IN', "coalesce(c.outcome, '') IN")})`;
const STATUTORY = 'coalesce(c.statutory_due, c.due_date)';
// A case's events and exemptions as `c.id IN (…)`: the subquery is run once per statement into an
// in-memory index of case ids, so a figure over 100,000 cases probes that, not the file, per case.
const HAS_EVENT = (types: readonly string[]) =>
  `c.id IN (SELECT e.case_id FROM case_events e WHERE e.type IN (${types.map((t) => `'${t}'`).join(', ')}))`;
/** A provision as recorded, "FOIA s12" or "s12(1)": the section, with or without its subsection. */
const USES_SECTION = (section: string) =>
  `c.id IN (SELECT qq.case_id FROM applied_exemptions x JOIN questions qq ON qq.id = x.question_id
    WHERE x.position >= 0
      AND (x.provision GLOB '*s${section}' OR x.provision GLOB '*s${section}(*' OR x.provision GLOB '*s${section} *'))`;

/** Where a case stands for one figure, as SQL over `c` (a row of cases); `today` for open cases. */
export function figurePredicate(
  figure: Exclude<StatsFigure, 'outcome' | 'exemption' | 'backlog' | 'commissioner'>,
  today: string,
): Sql {
  switch (figure) {
    case 'received':
      return q('1');
    case 'answered':
      return q(ANSWERED);
    case 'answeredInTime':
      return q(`${ANSWERED} AND (c.due_date IS NULL OR c.responded <= c.due_date)`);
    case 'answeredWithinStatutory':
      return q(`${ANSWERED} AND (${STATUTORY} IS NULL OR c.responded <= ${STATUTORY})`);
    case 'answeredWithinExtension':
      return q(`${ANSWERED} AND c.responded > ${STATUTORY} AND c.responded <= c.due_date`);
    case 'answeredLate':
      return q(`${ANSWERED} AND c.responded > c.due_date`);
    case 'lateReasonMissing':
      return q(`${ANSWERED} AND c.responded > c.due_date AND coalesce(trim(c.late_reason), '') = ''`);
    case 'openPastDue':
      return q(`c.status <> 'closed' AND c.due_date < ?`, today);
    case 'openNotYetDue':
      return q(`c.status <> 'closed' AND (c.due_date IS NULL OR c.due_date >= ?)`, today);
    case 'withdrawn':
      return q(EXCLUDED);
    case 'clarification':
      return q(HAS_EVENT(['clarification-requested']));
    case 'fees':
      return q(HAS_EVENT(['fees-notice-issued']));
    case 'piExtension':
      return q(HAS_EVENT(['pi-extension']));
    case 'eirExtension':
      return q(HAS_EVENT(['eir-extension']));
    case 'sarExtended':
      return q(HAS_EVENT(['sar-extension']));
    case 'sarPaused':
      return q(HAS_EVENT(['sar-clock-stopped']));
    case 's12':
      return q(USES_SECTION('12'));
    case 's14':
      return q(USES_SECTION('14'));
  }
}

/** The cases a selection covers: received in the period, of the regimes, officer and department. */
export function selectionWhere(selection: StatsSelection, group: StatsGroup, month?: string): Sql {
  const regimes = selection.regime ? [selection.regime] : regimesOfGroup(group);
  const parts: Sql[] = [
    q(`c.regime IN (${list(regimes)})`, ...regimes),
    month
      ? q('c.received BETWEEN ? AND ?', `${month}-01`, `${month}-31`)
      : q('c.received BETWEEN ? AND ?', selection.from, selection.to),
  ];
  if (month) parts.push(q('c.received BETWEEN ? AND ?', selection.from, selection.to));
  if (selection.officer) parts.push(q('c.officer = ?', selection.officer));
  if (selection.department) parts.push(q('c.department = ?', selection.department));
  return join(parts, ' AND ');
}

/** The backlog's cases: every case of the regimes (whenever received) open and past due on `asOf`. */
function backlogWhere(
  selection: StatsSelection,
  group: StatsGroup,
  cut: BacklogCutoffs,
  band?: BacklogBand,
): Sql {
  const regimes = selection.regime ? [selection.regime] : regimesOfGroup(group);
  const parts: Sql[] = [
    q(`c.regime IN (${list(regimes)})`, ...regimes),
    q(
      'c.received <= ? AND c.due_date < ? AND (c.responded IS NULL OR c.responded > ?)',
      cut.asOf,
      cut.asOf,
      cut.asOf,
    ),
    // A case closed without a response date (withdrawn) left the backlog when it closed; we do not
    // know when, so it is not counted.
    q(`NOT (c.status = 'closed' AND c.responded IS NULL)`),
  ];
  if (selection.officer) parts.push(q('c.officer = ?', selection.officer));
  if (selection.department) parts.push(q('c.department = ?', selection.department));
  if (band) parts.push(bandPredicate(band, cut));
  return join(parts, ' AND ');
}

function bandPredicate(band: BacklogBand, cut: BacklogCutoffs): Sql {
  switch (band) {
    case 'under20':
      return q('c.due_date >= ?', cut.wd20);
    case 'from20to60':
      return q('c.due_date < ? AND c.due_date >= ?', cut.wd20, cut.wd60);
    case 'over60':
      return q('c.due_date < ? AND c.due_date >= ?', cut.wd60, cut.year);
    case 'overYear':
      return q('c.due_date < ?', cut.year);
  }
}

/**
 * The cases behind one figure, as a WHERE over `c` for the queue (db/queries/queue.ts). `cut`
 * is needed for the backlog's bands.
 */
export function statsCasesWhere(sel: StatsCases, today: string, cut: BacklogCutoffs): Sql {
  const group = sel.group ?? 'information';
  if (sel.figure === 'backlog') return backlogWhere(sel, group, cut, sel.band);
  if (sel.figure === 'answered' && sel.month) {
    // Received vs answered: the cases answered in the month, whenever received (within the filters).
    const regimes = sel.regime ? [sel.regime] : regimesOfGroup(group);
    const parts = [
      q(`c.regime IN (${list(regimes)})`, ...regimes),
      q(ANSWERED),
      q('c.responded BETWEEN ? AND ?', `${sel.month}-01`, `${sel.month}-31`),
    ];
    if (sel.officer) parts.push(q('c.officer = ?', sel.officer));
    if (sel.department) parts.push(q('c.department = ?', sel.department));
    return join(parts, ' AND ');
  }
  const where = selectionWhere(sel, group, sel.month);
  let figure: Sql;
  if (sel.figure === 'outcome') figure = q(`c.status = 'closed' AND c.outcome = ?`, sel.outcome ?? '');
  else if (sel.figure === 'commissioner') figure = commissionerPredicate(sel.decision);
  else if (sel.figure === 'exemption')
    figure = q(
      `EXISTS (SELECT 1 FROM questions qq JOIN applied_exemptions x ON x.question_id = qq.id
        WHERE qq.case_id = c.id AND x.position >= 0 AND x.provision = ?)`,
      sel.provision ?? '',
    );
  else figure = figurePredicate(sel.figure, today);
  return join([where, figure], ' AND ');
}

/** A complaint to the Commissioner, of one decision, or none yet (`pending`). */
export function commissionerPredicate(decision?: StatsCases['decision']): Sql {
  const has = 'c.commissioner_complaint_received IS NOT NULL';
  if (!decision) return q(has);
  if (decision === 'pending') return q(`${has} AND c.commissioner_decision IS NULL`);
  return q(`${has} AND c.commissioner_decision = ?`, decision);
}

/**
 * The covering indexes, named: with an officer or department chosen the planner would rather walk
 * cases_department_received (or _due) and read each of the department's rows, far slower on an
 * encrypted file than the covering index's range, which holds the officer and department too.
 */
const BY_RECEIVED = 'INDEXED BY cases_stats_received';
const BY_RESPONDED = 'INDEXED BY cases_stats_responded';
const BY_DUE = 'INDEXED BY cases_stats_due';

/** The timeliness figures every group has, as SUM(CASE …) columns. */
const TIMELINESS = [
  'received',
  'answeredInTime',
  'answeredWithinStatutory',
  'answeredWithinExtension',
  'answeredLate',
  'openPastDue',
  'openNotYetDue',
  'withdrawn',
  'lateReasonMissing',
] as const;
const GROUP_EXTRA: Record<StatsGroup, readonly (typeof COUNTED)[number][]> = {
  information: ['clarification', 'fees', 'piExtension', 'eirExtension', 's12', 's14'],
  sar: ['sarExtended', 'sarPaused'],
  review: [],
};
/** Every figure the grouped pass counts (the benchmark names its columns from this list). */
export const COUNTED = [
  ...TIMELINESS,
  'clarification',
  'fees',
  'piExtension',
  'eirExtension',
  's12',
  's14',
  'sarExtended',
  'sarPaused',
] as const;

function sums(figures: readonly (typeof COUNTED)[number][], today: string): Sql {
  return join(
    figures.map((f) => {
      const p = figurePredicate(f, today);
      return { sql: `count(CASE WHEN ${p.sql} THEN 1 END) AS "${f}"`, params: p.params };
    }),
    ', ',
  );
}

/** The statements behind a report, exposed so the benchmark runs the very same SQL directly. */
export interface StatsSql {
  counts: Record<StatsGroup, Sql>;
  outcomes: Sql;
  commissioner: Sql;
  exemptions: Sql;
  reviewOutcomes: Sql;
  monthsReceived: Sql;
  monthsAnswered: Sql;
  backlog: Sql;
  burnDown: Sql;
}

export function statsSql(
  selection: StatsSelection,
  today: string,
  cut: BacklogCutoffs,
  monthEnds: string[],
): StatsSql {
  const group: StatsGroup = selection.regime
    ? ((['sar', 'review'] as const).find((g) => regimesOfGroup(g).includes(selection.regime!)) ??
      'information')
    : 'information';
  const counts = {} as Record<StatsGroup, Sql>;
  for (const g of ['information', 'sar', 'review'] as const) {
    // With one regime chosen, its own group shows it; the other groups show nothing.
    const sel = g === group || !selection.regime ? selection : { ...selection, regime: undefined };
    const where = g === group || !selection.regime ? selectionWhere(sel, g) : q('0');
    const s = sums([...TIMELINESS, ...GROUP_EXTRA[g]], today);
    counts[g] = {
      sql: `SELECT ${s.sql} FROM cases c ${BY_RECEIVED} WHERE ${where.sql}`,
      params: [...s.params, ...where.params],
    };
  }
  const main = selectionWhere(selection, group);
  const review = selection.regime && group !== 'review' ? q('0') : selectionWhere(selection, 'review');
  const inTime = figurePredicate('answeredInTime', today);
  const late = figurePredicate('answeredLate', today);
  const pastDue = figurePredicate('openPastDue', today);
  const answered = figurePredicate('answered', today);
  const regimes = selection.regime ? [selection.regime] : regimesOfGroup(group);
  const answeredWhere = join(
    [
      q(`c.regime IN (${list(regimes)})`, ...regimes),
      q(ANSWERED),
      q('c.responded BETWEEN ? AND ?', selection.from, selection.to),
      ...(selection.officer ? [q('c.officer = ?', selection.officer)] : []),
      ...(selection.department ? [q('c.department = ?', selection.department)] : []),
    ],
    ' AND ',
  );
  const backlog = backlogWhere(selection, group, cut);
  const bands = join(
    BACKLOG_BANDS.map((b) => {
      const p = bandPredicate(b, cut);
      return { sql: `count(CASE WHEN ${p.sql} THEN 1 END) AS "${b}"`, params: p.params };
    }),
    ', ',
  );
  const burnWhere = join(
    [
      q(`c.regime IN (${list(regimes)})`, ...regimes),
      ...(selection.officer ? [q('c.officer = ?', selection.officer)] : []),
      ...(selection.department ? [q('c.department = ?', selection.department)] : []),
    ],
    ' AND ',
  );
  const ends = monthEnds.length ? monthEnds : [cut.asOf];
  return {
    counts,
    outcomes: {
      sql: `SELECT c.outcome AS outcome, count(*) AS n FROM cases c ${BY_RECEIVED} WHERE ${main.sql} AND c.status = 'closed' AND c.outcome IS NOT NULL GROUP BY c.outcome`,
      params: main.params,
    },
    commissioner: {
      // The partial index cases_stats_commissioner holds exactly these cases.
      sql: `SELECT coalesce(c.commissioner_decision, 'pending') AS decision, count(*) AS n FROM cases c
        WHERE ${main.sql} AND ${commissionerPredicate().sql} GROUP BY 1`,
      params: main.params,
    },
    exemptions: {
      // Each case counts once for each provision it used, however many questions used it.
      // CROSS JOIN keeps this order (the period's cases first): from the exemptions' side every
      // exemption of the register would look its case up.
      sql: `SELECT x.provision AS provision, count(DISTINCT c.id) AS n FROM cases c ${BY_RECEIVED}
        CROSS JOIN questions qq ON qq.case_id = c.id CROSS JOIN applied_exemptions x ON x.question_id = qq.id
        WHERE ${main.sql} AND x.position >= 0 GROUP BY x.provision ORDER BY n DESC, x.provision`,
      params: main.params,
    },
    reviewOutcomes: {
      sql: `SELECT count(CASE WHEN c.outcome IN ('refused', 'not-held') THEN 1 END) AS upheld,
        count(CASE WHEN c.outcome IN ('granted', 'part-granted') THEN 1 END) AS overturned
        FROM cases c WHERE ${review.sql} AND c.status = 'closed'`,
      params: review.params,
    },
    monthsReceived: {
      sql: `SELECT substr(c.received, 1, 7) AS month, count(*) AS received,
        count(CASE WHEN ${inTime.sql} THEN 1 END) AS answeredInTime,
        count(CASE WHEN ${late.sql} THEN 1 END) AS answeredLate,
        count(CASE WHEN ${pastDue.sql} THEN 1 END) AS openPastDue
        FROM cases c ${BY_RECEIVED} WHERE ${main.sql} GROUP BY month ORDER BY month`,
      params: [...inTime.params, ...late.params, ...pastDue.params, ...main.params],
    },
    monthsAnswered: {
      sql: `SELECT substr(c.responded, 1, 7) AS month, count(*) AS answered FROM cases c ${BY_RESPONDED}
        WHERE ${answeredWhere.sql} AND ${answered.sql} GROUP BY month ORDER BY month`,
      params: [...answeredWhere.params, ...answered.params],
    },
    backlog: {
      sql: `SELECT ${bands.sql}, count(*) AS total FROM cases c WHERE ${backlog.sql}`,
      params: [...bands.params, ...backlog.params],
    },
    burnDown: burnDownSql(burnWhere, ends),
  };
}

/** Before any date of the burn-down: its counts are one row each, dated before every month end. */
const BEFORE = '0000-00-00';

/**
 * The burn-down's counts. Open on day d = received by d − answered by d; open past due on d = due
 * before d − due before d and answered by d (a case closed with no response date, withdrawn, is
 * left out: we do not know when it left). Each term is a count of cases by one date (r: received,
 * s: responded, u: the day after the due date, v: the later of that day and the response),
 * summed up to each month end by burnDownPoints. So each term is one count of the cases before
 * the first month (a range of a covering index, no grouping) and a count grouped by date over the
 * months shown, whatever the register's age.
 */
function burnDownSql(where: Sql, ends: readonly string[]): Sql {
  const first = `${ends[0]!.slice(0, 7)}-01`;
  const last = ends[ends.length - 1]!;
  const kept = `NOT (c.status = 'closed' AND c.responded IS NULL)`;
  const part = (
    kind: string,
    date: string,
    cond: string,
    params: unknown[],
    grouped: boolean,
    by: string,
  ): Sql => ({
    // Each part on the covering index its range is on: left alone, the planner would walk
    // cases_received in date order (or a department's index) and read every row.
    sql: `SELECT '${kind}' AS kind, ${grouped ? date : `'${BEFORE}'`} AS date, count(*) AS n
      FROM cases c ${by}
      WHERE ${where.sql} AND ${cond}${grouped ? ' GROUP BY 2' : ''}`,
    params: [...where.params, ...params],
  });
  const dayAfterDue = "date(c.due_date, '+1 day')";
  return join(
    [
      // r: received before the first month; received in the months.
      part('r', 'c.received', `c.received < ? AND ${kept}`, [first], false, BY_RECEIVED),
      part('r', 'c.received', `c.received BETWEEN ? AND ? AND ${kept}`, [first, last], true, BY_RECEIVED),
      // s: answered (a response date is never a withdrawn case's).
      part('s', 'c.responded', 'c.responded < ?', [first], false, BY_RESPONDED),
      part('s', 'c.responded', 'c.responded BETWEEN ? AND ?', [first, last], true, BY_RESPONDED),
      // u: the day after the due date before the first month (due before the day before it), and
      // within the months (due from the day before the first month to the day before the last end).
      part('u', dayAfterDue, `c.due_date < date(?, '-1 day') AND ${kept}`, [first], false, BY_DUE),
      part(
        'u',
        dayAfterDue,
        `c.due_date >= date(?, '-1 day') AND c.due_date < ? AND ${kept}`,
        [first, last],
        true,
        BY_DUE,
      ),
      // v: both dates before the first month; answered in the months (due by the last end); or
      // answered before the first month and due within the months (the day after due is then the later).
      part(
        'v',
        dayAfterDue,
        `c.due_date < date(?, '-1 day') AND c.responded < ?`,
        [first, first],
        false,
        BY_DUE,
      ),
      part(
        'v',
        `max(${dayAfterDue}, c.responded)`,
        'c.responded BETWEEN ? AND ? AND c.due_date < ?',
        [first, last, last],
        true,
        BY_RESPONDED,
      ),
      part(
        'v',
        dayAfterDue,
        `c.responded < ? AND c.due_date >= date(?, '-1 day') AND c.due_date < ?`,
        [first, first, last],
        true,
        BY_DUE,
      ),
    ],
    ' UNION ALL ',
  );
}

export type CountRow = Record<(typeof COUNTED)[number], number>;

export interface StatsRows {
  counts: Record<StatsGroup, Partial<CountRow>>;
  outcomes: { outcome: string; n: number }[];
  commissioner: { decision: string; n: number }[];
  exemptions: { provision: string; n: number }[];
  reviewOutcomes: { upheld: number; overturned: number };
  monthsReceived: {
    month: string;
    received: number;
    answeredInTime: number;
    answeredLate: number;
    openPastDue: number;
  }[];
  monthsAnswered: { month: string; answered: number }[];
  backlog: Record<BacklogBand | 'total', number>;
  burnDown: { kind: 'r' | 's' | 'u' | 'v'; date: string; n: number }[];
}

/** Runs every statement of a report. Read-only. */
export function runStatsSql(db: CaseDb, s: StatsSql): StatsRows {
  const all = <T>(x: Sql) => db.$client.prepare(x.sql).all(...x.params) as T[];
  const get = <T>(x: Sql) => db.$client.prepare(x.sql).get(...x.params) as T;
  return {
    counts: {
      information: get<Partial<CountRow>>(s.counts.information),
      sar: get<Partial<CountRow>>(s.counts.sar),
      review: get<Partial<CountRow>>(s.counts.review),
    },
    outcomes: all(s.outcomes),
    commissioner: all(s.commissioner),
    exemptions: all(s.exemptions),
    reviewOutcomes: get(s.reviewOutcomes),
    monthsReceived: all(s.monthsReceived),
    monthsAnswered: all(s.monthsAnswered),
    backlog: get(s.backlog),
    burnDown: all(s.burnDown),
  };
}

export const OUTCOME_KEYS = CASE_OUTCOMES;

/** The burn-down's points from its grouped counts: cumulative sums up to each date. */
export function burnDownPoints(
  rows: StatsRows['burnDown'],
  ends: readonly string[],
): { date: string; pastDue: number; open: number }[] {
  const upTo = (kind: string, d: string) => {
    let n = 0;
    for (const r of rows) if (r.kind === kind && r.date <= d) n += r.n;
    return n;
  };
  // A few thousand grouped rows at most (one per distinct date), summed for each end.
  return ends.map((d) => ({
    date: d,
    open: upTo('r', d) - upTo('s', d),
    pastDue: upTo('u', d) - upTo('v', d),
  }));
}

export function listStatsCases(db: CaseDb, where: Sql, limit = 100_000): StatsCaseRow[] {
  return db.$client
    .prepare(
      `SELECT c.reference AS reference, c.regime AS regime, c.received AS received,
        c.statutory_due AS statutoryDue, c.due_date AS due, c.responded AS responded, c.status AS status,
        c.outcome AS outcome, c.officer AS officer, c.department AS department,
        c.late_reason AS lateReason, c.late_department AS lateDepartment, c.subject AS subject
      FROM cases c WHERE ${where.sql} ORDER BY c.received, c.id LIMIT ?`,
    )
    .all(...where.params, limit) as StatsCaseRow[];
}
