/**
 * The case queue: one page of cases at a time, filtered, searched and sorted in SQLite, so a file
 * with 50,000 cases shows its first page as fast as one with fifty.
 *
 * Sorting by due date walks the `cases_due` / `cases_status_due` indexes in order and stops at the
 * page; cases whose clock is stopped (no due date) come after all the dated ones, fetched as a
 * second segment rather than by an `ORDER BY … NULLS LAST` that would sort the whole table.
 * Search is a LIKE over reference, subject, request text and requester name (every word must match
 * somewhere); bench/queue.bench.ts measures it against the same SQL run on better-sqlite3 directly.
 */
import type { QueueRowData } from '../../shared/contract';
import type { CaseDb } from '../case-file';
import { asc, inArray } from 'drizzle-orm';
import { caseEvents } from '../schema';
import type { CaseEventRow } from './cases';
import { OPEN_STATUSES } from '../../shared/case-lifecycle';

export const QUEUE_VIEWS = ['open', 'closed', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const QUEUE_SORTS = ['due', 'received', 'reference'] as const;
export type QueueSortKey = (typeof QUEUE_SORTS)[number];

export interface QueueFilter {
  view: QueueView;
  status?: string | undefined;
  regime?: string | undefined;
  officer?: string | undefined;
  /** Only cases past their due date (and not closed) on `today`. */
  overdue?: boolean | undefined;
  search?: string | undefined;
  /** ISO date the overdue filter compares with. */
  today: string;
}

export interface QueueSort {
  by: QueueSortKey;
  direction: 'asc' | 'desc';
}

export interface QueuePageRequest {
  offset: number;
  limit: number;
}

const ROW_COLUMNS = `c.id AS id, c.reference AS reference, c.subject AS subject, c.regime AS regime,
  c.received AS received, c.due_date AS due, c.status AS status, c.outcome AS outcome,
  c.officer AS officer, c.responded AS responded, r.name AS requester`;

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

interface Where {
  sql: string;
  params: unknown[];
  /** The requester table is needed only when searching (the row's name comes from the page join). */
  needsRequester: boolean;
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
  if (filter.overdue) {
    clauses.push("c.due_date < ? AND c.status <> 'closed'");
    params.push(filter.today);
  }
  const terms = searchTerms(filter.search);
  for (const term of terms) {
    clauses.push(
      "(c.reference LIKE ? ESCAPE '\\' OR c.subject LIKE ? ESCAPE '\\' OR r.name LIKE ? ESCAPE '\\' OR c.request_text LIKE ? ESCAPE '\\')",
    );
    const p = likePattern(term);
    params.push(p, p, p, p);
  }
  return { sql: clauses.length ? clauses.join(' AND ') : '1', params, needsRequester: terms.length > 0 };
}

function fromClause(where: Where): string {
  return where.needsRequester ? 'cases c JOIN requesters r ON r.id = c.requester_id' : 'cases c';
}

/** How many cases match the filter. */
export function countQueue(db: CaseDb, filter: QueueFilter): number {
  const where = buildWhere(filter);
  return Number(
    db.$client
      .prepare(`SELECT count(*) FROM ${fromClause(where)} WHERE ${where.sql}`)
      .pluck()
      .get(...where.params),
  );
}

/** The statements a queue page runs, exposed so the benchmark can run the very same SQL directly. */
export interface QueueSql {
  /** One row: `total` matching cases and how many of them are `dated` (have a due date). */
  count: string;
  /** The page of dated cases in due order (parameters: the filter's, then limit and offset). */
  datedPage: string;
  /** The page of cases with a stopped clock, after the dated ones. */
  undatedPage: string;
  /** The page for the other sorts. */
  page: string;
  params: unknown[];
}

function pageSql(where: Where, extra: string, orderBy: string): string {
  // The page's ids come from the indexed query; the requester name is joined for those rows only.
  const inner = `SELECT c.id FROM ${fromClause(where)} WHERE ${where.sql}${extra} ORDER BY ${orderBy} LIMIT ? OFFSET ?`;
  return `SELECT ${ROW_COLUMNS} FROM (${inner}) AS page
    JOIN cases c ON c.id = page.id JOIN requesters r ON r.id = c.requester_id ORDER BY ${orderBy}`;
}

export function queueSql(filter: QueueFilter, sort: QueueSort): QueueSql {
  const where = buildWhere(filter);
  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const column =
    sort.by === 'received' ? 'c.received' : sort.by === 'reference' ? 'c.reference' : 'c.due_date';
  return {
    count: `SELECT count(*) AS total, count(c.due_date) AS dated FROM ${fromClause(where)} WHERE ${where.sql}`,
    datedPage: pageSql(where, ' AND c.due_date IS NOT NULL', `c.due_date ${dir}, c.id ${dir}`),
    undatedPage: pageSql(where, ' AND c.due_date IS NULL', `c.id ${dir}`),
    page: pageSql(where, '', `${column} ${dir}, c.id ${dir}`),
    params: where.params,
  };
}

/**
 * One page of the queue and the number of matching cases. Sorting by due date puts cases with a
 * stopped clock (no due date) after the dated ones, in either direction.
 */
export function listQueue(
  db: CaseDb,
  filter: QueueFilter,
  sort: QueueSort,
  page: QueuePageRequest,
): { rows: QueueRowData[]; total: number } {
  const q = queueSql(filter, sort);
  const run = (sql: string, limit: number, offset: number) =>
    limit > 0 ? (db.$client.prepare(sql).all(...q.params, limit, offset) as QueueRowData[]) : [];
  // One scan counts both: a search over 50,000 request texts is not run twice for the numbers.
  const { total, dated } = db.$client.prepare(q.count).get(...q.params) as { total: number; dated: number };
  if (sort.by !== 'due') return { rows: run(q.page, page.limit, page.offset), total };
  const rows: QueueRowData[] = [];
  if (page.offset < dated)
    rows.push(...run(q.datedPage, Math.min(page.limit, dated - page.offset), page.offset));
  const remaining = page.limit - rows.length;
  if (remaining > 0 && total > dated)
    rows.push(...run(q.undatedPage, remaining, Math.max(0, page.offset - dated)));
  return { rows, total };
}

/** Officer names to filter by: the team list plus any name still on a case. */
export function listQueueOfficers(db: CaseDb): string[] {
  const names = new Set<string>();
  for (const n of db.$client.prepare('SELECT name FROM officers ORDER BY name').pluck().all() as string[])
    names.add(n);
  for (const n of db.$client
    .prepare('SELECT DISTINCT officer FROM cases WHERE officer IS NOT NULL ORDER BY officer LIMIT 200')
    .pluck()
    .all() as string[]) {
    names.add(n);
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

/** The clock events of the cases on one page, in one query. */
export function listEventsForCases(db: CaseDb, ids: readonly number[]): Map<number, CaseEventRow[]> {
  const out = new Map<number, CaseEventRow[]>();
  if (ids.length === 0) return out;
  // drizzle picks every column of case_events, so a column added later (as `awaiting` was) cannot
  // be left out here while the case page reads it.
  const rows: CaseEventRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...db
        .select()
        .from(caseEvents)
        .where(inArray(caseEvents.caseId, ids.slice(i, i + 500)))
        .orderBy(asc(caseEvents.date), asc(caseEvents.id))
        .all(),
    );
  }
  for (const row of rows) {
    const list = out.get(row.caseId) ?? [];
    list.push(row);
    out.set(row.caseId, list);
  }
  return out;
}
