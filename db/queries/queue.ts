/**
 * The case queue: one page of cases at a time, filtered, searched and sorted in SQLite, so a file
 * with 100,000 cases shows its first page as fast as one with fifty.
 *
 * Every page selects the page of ids first (from the index for its filter and sort, stopping at the
 * page) and only then joins the rows it shows. Sorting by due date walks the `cases_due` /
 * `cases_status_due` indexes in order; cases whose clock is stopped (no due date) come after all
 * the dated ones, fetched as a second segment rather than by an `ORDER BY … NULLS LAST` that would
 * sort the whole table. The counts are index-only (`count(*)`, and `due_date IS NOT NULL` from a
 * due-date index), never a pass over the table's rows.
 *
 * Search goes through the FTS5 indexes of migration 0006 (`cases_trigram` finds each word as a
 * substring of the reference, subject, requester, request text or answers, as LIKE '%…%' did;
 * `cases_words` ranks the matches with bm25). Words shorter than three characters, which a trigram
 * index cannot look up, fall back to LIKE. bench/queue.bench.ts runs the same SQL (queueSql) directly.
 */
import type { QueueRowData } from '../../shared/contract';
import type { CaseDb } from '../case-file';
import { cachedStatement, preparedQuery } from '../statement-cache';
import { asc, sql } from 'drizzle-orm';
import { caseEvents } from '../schema';
import type { CaseEventRow } from './cases';
import { OPEN_STATUSES, isOpen } from '../../shared/case-lifecycle';
import { OPEN_TASK_STATUSES } from '../../shared/chasers';

export const QUEUE_VIEWS = ['open', 'closed', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const QUEUE_SORTS = ['due', 'received', 'reference', 'relevance'] as const;
export type QueueSortKey = (typeof QUEUE_SORTS)[number];

export interface QueueFilter {
  view: QueueView;
  status?: string | undefined;
  regime?: string | undefined;
  officer?: string | undefined;
  department?: string | undefined;
  /** The cases behind a figure of the statistics: its WHERE over `c`, from db/queries/stats.ts. */
  statsWhere?: { sql: string; params: unknown[] } | undefined;
  /** Only cases past their due date (and not closed) on `today`. */
  overdue?: boolean | undefined;
  /** Only cases with a contributor task waiting on a department (the (status, case) index of the tasks). */
  waiting?: boolean | undefined;
  search?: string | undefined;
  /** ISO date the overdue filter compares with. */
  today: string;
}

export interface QueueSort {
  /** `relevance` ranks by bm25 when searching (and is the due-date order otherwise). */
  by: QueueSortKey;
  direction: 'asc' | 'desc';
}

/** Where the previous page ended: its last row's sort key (null: a stopped clock) and id. */
export interface QueueCursor {
  key: string | null;
  id: number;
}

export interface QueuePageRequest {
  offset: number;
  limit: number;
  /**
   * Keyset paging: the page starts after this row (the `next` of the page before), seeking in the
   * sort's index instead of stepping over `offset` entries. Ignored for a ranked search.
   */
  after?: QueueCursor | undefined;
}

/** A contributor task still waiting on a department (constants, so no parameters: see shared/chasers.ts). */
const OPEN_TASKS = `t.status IN (${OPEN_TASK_STATUSES.map((x) => `'${x}'`).join(', ')})`;

const ROW_COLUMNS = `c.id AS id, c.reference AS reference, c.subject AS subject, c.regime AS regime,
  c.received AS received, c.due_date AS due, c.status AS status, c.outcome AS outcome,
  c.officer AS officer, c.responded AS responded, r.name AS requester, c.sensitive AS sensitive,
  (SELECT count(*) FROM contributor_tasks t WHERE t.case_id = c.id AND ${OPEN_TASKS}) AS openTasks`;

/** Column weights for bm25 over cases_words: reference, subject, requester, request text, answers. */
const BM25 = 'bm25(cases_words, 4.0, 3.0, 2.0, 1.0, 1.0)';

/** `%`, `_` and the escape itself lose their LIKE meaning in what the officer typed. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Words to match (at most eight, each at most 100 characters): "Cyber Essentials" → two words. */
export function searchTerms(search: string | undefined): string[] {
  if (!search) return [];
  return search
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => w.slice(0, 100));
}

/** An FTS5 string: what the officer typed, never FTS5 syntax (quotes doubled). */
function ftsString(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** A trigram index finds substrings of three characters or more. */
function trigramReady(term: string): boolean {
  return [...term].length >= 3;
}

interface Where {
  sql: string;
  params: unknown[];
  /** The trigram matches are joined in FROM (their parameter is the first of `params`). */
  match: boolean;
  /** The requester table is needed only for a LIKE on a short word (the page join adds the name). */
  needsRequester: boolean;
  /** The FTS5 word query that ranks the matches, when searching. */
  rankMatch: string | null;
}

function buildWhere(filter: QueueFilter): Where {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.status) {
    clauses.push('c.status = ?');
    params.push(filter.status);
  } else if (filter.view === 'open') {
    clauses.push(`c.status IN (${OPEN_STATUSES.map(() => '?').join(', ')})`);
    params.push(...OPEN_STATUSES);
  } else if (filter.view === 'closed') {
    clauses.push("c.status = 'closed'");
  }
  if (filter.regime) {
    clauses.push('c.regime = ?');
    params.push(filter.regime);
  }
  if (filter.officer) {
    clauses.push('c.officer = ?');
    params.push(filter.officer);
  }
  if (filter.department) {
    clauses.push('c.department = ?');
    params.push(filter.department);
  }
  if (filter.statsWhere) {
    clauses.push(`(${filter.statsWhere.sql})`);
    params.push(...filter.statsWhere.params);
  }
  if (filter.overdue) {
    clauses.push("c.due_date < ? AND c.status <> 'closed'");
    params.push(filter.today);
  }
  if (filter.waiting) clauses.push(`c.id IN (SELECT t.case_id FROM contributor_tasks t WHERE ${OPEN_TASKS})`);
  const terms = searchTerms(filter.search);
  const indexed = terms.filter(trigramReady);
  // Every word must appear somewhere in the case: one MATCH with the words ANDed, joined first so
  // the matches drive the query (an IN list would be tested against every case).
  const match = indexed.length > 0 ? indexed.map(ftsString).join(' AND ') : null;
  const short = terms.filter((t) => !trigramReady(t));
  for (const term of short) {
    clauses.push(
      "(c.reference LIKE ? ESCAPE '\\' OR c.subject LIKE ? ESCAPE '\\' OR r.name LIKE ? ESCAPE '\\' OR c.request_text LIKE ? ESCAPE '\\')",
    );
    const p = likePattern(term);
    params.push(p, p, p, p);
  }
  return {
    sql: clauses.length ? clauses.join(' AND ') : '1',
    params: match === null ? params : [match, ...params],
    match: match !== null,
    needsRequester: short.length > 0,
    // Ranked by how well the words match as word prefixes, all of them (bm25 over the cases that
    // have every word); a case where some word appears only inside another word comes after them.
    // One word index pass over the cases with all the words: with any of them it scored every case
    // with either (at 100,000 cases, 22 ms against 14 for "Cyber Essentials").
    rankMatch: terms.length > 0 ? terms.map((t) => `${ftsString(t)}*`).join(' AND ') : null,
  };
}

function fromClause(where: Where): string {
  const matches = where.match
    ? '(SELECT rowid AS id FROM cases_trigram WHERE cases_trigram MATCH ?) AS m CROSS JOIN cases c ON c.id = m.id'
    : 'cases c';
  return where.needsRequester ? `${matches} JOIN requesters r ON r.id = c.requester_id` : matches;
}

/** The statements a queue page runs, exposed so the benchmark can run the very same SQL directly. */
export interface QueueSql {
  /** How many cases match (parameters: `params`). */
  count: string;
  /** How many of them have a due date (parameters: `params`); only the due-date sort needs it. */
  countDated: string;
  /** The page of dated cases in due order (parameters: `params`, then limit and offset). */
  datedPage: string;
  /** The page of cases with a stopped clock, after the dated ones. */
  undatedPage: string;
  /** The page for the other sorts (parameters: `pageParams`, then limit and offset). */
  page: string;
  /** Keyset pages: the same, after a cursor (parameters: `params`, the cursor, then limit and 0). */
  datedAfter: string;
  /** After a cursor in the stopped-clock segment (parameters: `params`, the cursor's id, limit, 0). */
  undatedAfter: string;
  pageAfter: string;
  params: unknown[];
  /** `params`, preceded by the ranking query when the page is ranked. */
  pageParams: unknown[];
  /** Which of the statements listQueue runs for this sort. */
  segmented: boolean;
  /** The page is ranked: its rows carry `total` (the count is run only for a page past the end). */
  ranked: boolean;
}

function pageSql(where: Where, extra: string, orderBy: string, key: string): string {
  // The page's ids come from the indexed query; the rows are joined for those ids only. CROSS JOIN
  // keeps the page as the outer loop: with a plain JOIN the planner walked every case in the sort
  // index to spare itself sorting the hundred rows (1.2 s cold for "all cases" at 100,000).
  const inner = `SELECT c.id FROM ${fromClause(where)} WHERE ${where.sql}${extra} ORDER BY ${orderBy} LIMIT ? OFFSET ?`;
  return `SELECT ${ROW_COLUMNS}, ${key} AS sort_key FROM (${inner}) AS page
    CROSS JOIN cases c ON c.id = page.id JOIN requesters r ON r.id = c.requester_id ORDER BY ${orderBy}`;
}

/** After (key, id) in the order `dir`: a row-value range the (column, id) index seeks to. */
function afterClause(column: string | null, dir: 'ASC' | 'DESC'): string {
  const op = dir === 'ASC' ? '>' : '<';
  return column ? ` AND (${column}, c.id) ${op} (?, ?)` : ` AND c.id ${op} ?`;
}

/**
 * With a trigram match, the matching ids come from the index alone; a filter (view, state, regime,
 * officer) is an id list from the cases indexes (`c.status IN …` reads the (status, due date)
 * index, never the rows), so no case row is read until the page's own hundred.
 */
function filteredMatches(where: Where): string {
  const base = 'SELECT rowid AS id FROM cases_trigram WHERE cases_trigram MATCH ?';
  if (where.sql === '1') return base;
  const from = where.needsRequester ? 'cases c JOIN requesters r ON r.id = c.requester_id' : 'cases c';
  return `${base} AND rowid IN (SELECT c.id FROM ${from} WHERE ${where.sql})`;
}

/** Matches, counted from the FTS5 index (and the filter's id list), not from the case rows. */
function matchCountSql(where: Where): string {
  return `SELECT count(*) FROM (${filteredMatches(where)})`;
}

/**
 * The ranked page: scored and ordered inside the indexes (bm25 from `cases_words` for the trigram
 * matches), the page of ids cut there, and only then the hundred rows joined. `total` comes with
 * the page (a window over the matches), so the match runs once per page.
 */
function rankedPageSql(where: Where): string {
  const order = 'page.score IS NULL, page.score, page.id DESC';
  const rows = (inner: string) => `SELECT ${ROW_COLUMNS}, page.total AS total FROM (${inner}) AS page
    CROSS JOIN cases c ON c.id = page.id JOIN requesters r ON r.id = c.requester_id ORDER BY ${order}`;
  const scores = `w AS MATERIALIZED (SELECT rowid AS id, ${BM25} AS score FROM cases_words WHERE cases_words MATCH ?)`;
  if (where.match) {
    const inner = `SELECT m.id AS id, w.score AS score, count(*) OVER () AS total FROM (${filteredMatches(where)}) AS m
      LEFT JOIN w ON w.id = m.id ORDER BY w.score IS NULL, w.score, m.id DESC LIMIT ? OFFSET ?`;
    return `WITH ${scores} ${rows(inner)}`;
  }
  // Only words too short for the trigram index: LIKE over the filtered cases, ranked the same way.
  const from = where.needsRequester ? 'cases c JOIN requesters r ON r.id = c.requester_id' : 'cases c';
  const inner = `SELECT c.id AS id, w.score AS score, count(*) OVER () AS total FROM ${from}
    LEFT JOIN w ON w.id = c.id
    WHERE ${where.sql} ORDER BY w.score IS NULL, w.score, c.id DESC LIMIT ? OFFSET ?`;
  return `WITH ${scores} ${rows(inner)}`;
}

export function queueSql(filter: QueueFilter, sort: QueueSort): QueueSql {
  const where = buildWhere(filter);
  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const ranked = sort.by === 'relevance' && where.rankMatch !== null;
  const by = sort.by === 'relevance' && !ranked ? 'due' : sort.by;
  const column = by === 'received' ? 'c.received' : by === 'reference' ? 'c.reference' : 'c.due_date';
  const from = fromClause(where);
  return {
    count: where.match ? matchCountSql(where) : `SELECT count(*) FROM ${from} WHERE ${where.sql}`,
    countDated: `SELECT count(*) FROM ${from} WHERE ${where.sql} AND c.due_date IS NOT NULL`,
    datedPage: pageSql(where, ' AND c.due_date IS NOT NULL', `c.due_date ${dir}, c.id ${dir}`, 'c.due_date'),
    undatedPage: pageSql(where, ' AND c.due_date IS NULL', `c.id ${dir}`, 'NULL'),
    page: ranked ? rankedPageSql(where) : pageSql(where, '', `${column} ${dir}, c.id ${dir}`, column),
    datedAfter: pageSql(
      where,
      ` AND c.due_date IS NOT NULL${afterClause('c.due_date', dir)}`,
      `c.due_date ${dir}, c.id ${dir}`,
      'c.due_date',
    ),
    undatedAfter: pageSql(where, ` AND c.due_date IS NULL${afterClause(null, dir)}`, `c.id ${dir}`, 'NULL'),
    pageAfter: pageSql(where, afterClause(column, dir), `${column} ${dir}, c.id ${dir}`, column),
    params: where.params,
    pageParams: ranked ? [where.rankMatch, ...where.params] : where.params,
    segmented: by === 'due',
    ranked,
  };
}

/** How many cases match the filter. */
export function countQueue(db: CaseDb, filter: QueueFilter): number {
  const q = queueSql(filter, { by: 'due', direction: 'asc' });
  return Number(cachedStatement(db.$client, q.count, 'pluck').get(...q.params));
}

type SortedRow = QueueRowData & { sort_key?: string | null; total?: number };

/**
 * One page of the queue and the number of matching cases, and the cursor the next page can start
 * after (keyset paging: a deep page seeks in the index rather than stepping over `offset` rows).
 * Sorting by due date puts cases with a stopped clock (no due date) after the dated ones, in either
 * direction; `relevance` with a search puts the best matches first.
 */
export function listQueue(
  db: CaseDb,
  filter: QueueFilter,
  sort: QueueSort,
  page: QueuePageRequest,
): { rows: QueueRowData[]; total: number; next: QueueCursor | null } {
  const q = queueSql(filter, sort);
  const run = (sql: string, params: unknown[], limit: number, offset: number) =>
    limit > 0 ? (cachedStatement(db.$client, sql).all(...params, limit, offset) as SortedRow[]) : [];
  const count = (sql: string) => Number(cachedStatement(db.$client, sql, 'pluck').get(...q.params));
  const finish = (rows: SortedRow[], total: number) => {
    const last = rows.at(-1);
    const next =
      !q.ranked && last && rows.length === page.limit ? { key: last.sort_key ?? null, id: last.id } : null;
    return {
      rows: rows.map(({ sort_key: _key, total: _total, ...row }) => ({
        ...row,
        sensitive: Boolean(row.sensitive),
      })),
      total,
      next,
    };
  };
  if (q.ranked) {
    const ranked = run(q.page, q.pageParams, page.limit, page.offset);
    return finish(ranked, ranked[0]?.total ?? count(q.count));
  }
  const total = count(q.count);
  const after = page.after;
  if (!q.segmented) {
    if (after) return finish(run(q.pageAfter, [...q.params, after.key, after.id], page.limit, 0), total);
    return finish(run(q.page, q.params, page.limit, page.offset), total);
  }
  const rows: SortedRow[] = [];
  if (after) {
    // In the dated segment: the rest of it first, then the stopped clocks from their start.
    if (after.key !== null)
      rows.push(...run(q.datedAfter, [...q.params, after.key, after.id], page.limit, 0));
    const remaining = page.limit - rows.length;
    if (remaining > 0) {
      rows.push(
        ...(after.key !== null
          ? run(q.undatedPage, q.params, remaining, 0)
          : run(q.undatedAfter, [...q.params, after.id], remaining, 0)),
      );
    }
    return finish(rows, total);
  }
  // With no due date only on stopped clocks, the dated count comes from the due-date index.
  const dated = count(q.countDated);
  if (page.offset < dated)
    rows.push(...run(q.datedPage, q.params, Math.min(page.limit, dated - page.offset), page.offset));
  const remaining = page.limit - rows.length;
  if (remaining > 0 && total > dated)
    rows.push(...run(q.undatedPage, q.params, remaining, Math.max(0, page.offset - dated)));
  return finish(rows, total);
}

/** The counts beside the queue, from one grouped pass over the (status, due date) index. */
export const FACET_COUNTS_SQL =
  'SELECT status, count(*) AS n, count(CASE WHEN due_date < ? THEN 1 END) AS overdue FROM cases GROUP BY status';

export function queueCounts(db: CaseDb, today: string): { open: number; closed: number; overdue: number } {
  const counts = { open: 0, closed: 0, overdue: 0 };
  const rows = cachedStatement(db.$client, FACET_COUNTS_SQL).all(today) as {
    status: string;
    n: number;
    overdue: number;
  }[];
  for (const row of rows) {
    if (row.status === 'closed') counts.closed += row.n;
    if (isOpen(row.status)) {
      counts.open += row.n;
      counts.overdue += row.overdue;
    }
  }
  return counts;
}

/**
 * The distinct officers on cases, from the (officer, due date) index: each step seeks the next
 * name, so the cost grows with the number of officers, not of cases.
 */
export const CASE_OFFICERS_SQL = `WITH RECURSIVE o(name) AS (
    SELECT min(officer) FROM cases WHERE officer IS NOT NULL
    UNION ALL SELECT (SELECT min(officer) FROM cases WHERE officer > o.name) FROM o WHERE o.name IS NOT NULL
  ) SELECT name FROM o WHERE name IS NOT NULL LIMIT 200`;

/** Officer names to filter by: the team list plus any name still on a case. */
export function listQueueOfficers(db: CaseDb): string[] {
  const names = new Set<string>();
  for (const n of cachedStatement(db.$client, 'SELECT name FROM officers ORDER BY name', 'pluck').all())
    names.add(n as string);
  for (const n of cachedStatement(db.$client, CASE_OFFICERS_SQL, 'pluck').all()) names.add(n as string);
  return [...names].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

/** The distinct departments on cases, from the (department, due date) index, as for officers. */
export const CASE_DEPARTMENTS_SQL = `WITH RECURSIVE d(name) AS (
    SELECT min(department) FROM cases WHERE department IS NOT NULL
    UNION ALL SELECT (SELECT min(department) FROM cases WHERE department > d.name) FROM d WHERE d.name IS NOT NULL
  ) SELECT name FROM d WHERE name IS NOT NULL LIMIT 500`;

export function listQueueDepartments(db: CaseDb): string[] {
  const names = cachedStatement(db.$client, CASE_DEPARTMENTS_SQL, 'pluck').all() as string[];
  return names.sort((a, b) => a.localeCompare(b, 'en-GB'));
}

/** The clock events of the cases on one page, in one query. */
export function listEventsForCases(db: CaseDb, ids: readonly number[]): Map<number, CaseEventRow[]> {
  const out = new Map<number, CaseEventRow[]>();
  if (ids.length === 0) return out;
  // drizzle picks every column of case_events, so a column added later (as `awaiting` was) cannot
  // be left out here while the case page reads it. One prepared statement for any number of ids
  // (a JSON array through json_each), not one per page length.
  const query = preparedQuery(db, 'queue.eventsForCases', () =>
    db
      .select()
      .from(caseEvents)
      .where(sql`${caseEvents.caseId} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`)
      .orderBy(asc(caseEvents.date), asc(caseEvents.id))
      .prepare(),
  );
  const rows: CaseEventRow[] = query.all({ ids: JSON.stringify(ids) });
  for (const row of rows) {
    const list = out.get(row.caseId) ?? [];
    list.push(row);
    out.set(row.caseId, list);
  }
  return out;
}
