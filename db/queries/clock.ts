/** What the statutory clock reads and writes across the register: open cases' dates, events, due dates. */
import { asc } from 'drizzle-orm';
import type { CaseDb } from '../case-file';
import { caseEvents } from '../schema';
import type { CaseEventRow } from './cases';

export interface OpenCaseDates {
  id: number;
  regime: string;
  received: string;
  due: string | null;
  statutoryDue: string | null;
}

/** Every case not yet closed, with the dates its clock needs. */
export function listOpenCaseDates(db: CaseDb): OpenCaseDates[] {
  return db.$client
    .prepare(
      "SELECT id, regime, received, due_date AS due, statutory_due AS statutoryDue FROM cases WHERE status <> 'closed'",
    )
    .all() as OpenCaseDates[];
}

/** Every clock event in the file, grouped by case, in the order they happened. */
export function listEventsByCase(db: CaseDb): Map<number, CaseEventRow[]> {
  const out = new Map<number, CaseEventRow[]>();
  for (const event of db.select().from(caseEvents).orderBy(asc(caseEvents.date), asc(caseEvents.id)).all()) {
    const list = out.get(event.caseId);
    if (list) list.push(event);
    else out.set(event.caseId, [event]);
  }
  return out;
}

/** Stores recomputed due dates in one transaction (one prepared statement for them all). */
export function storeDueDates(
  db: CaseDb,
  changes: readonly { id: number; due: string | null; statutoryDue?: string | null | undefined }[],
): void {
  const update = db.$client.prepare(
    'UPDATE cases SET due_date = ?, statutory_due = coalesce(?, statutory_due) WHERE id = ?',
  );
  db.$client.transaction(() => {
    for (const c of changes) update.run(c.due, c.statutoryDue ?? null, c.id);
  })();
}

/** Cases with a due date but no statutory date (stored before it was kept). */
export function listCasesWithoutStatutoryDue(db: CaseDb): OpenCaseDates[] {
  return db.$client
    .prepare(
      // Every unlock asks: read from the partial index of exactly these cases (normally empty), named
      // because the planner would otherwise walk the due-date index of every dated case (0.3 s cold
      // at 100,000 cases).
      'SELECT id, regime, received, due_date AS due, statutory_due AS statutoryDue FROM cases INDEXED BY cases_statutory_due_missing WHERE statutory_due IS NULL AND due_date IS NOT NULL',
    )
    .all() as OpenCaseDates[];
}

export function storeStatutoryDueDates(
  db: CaseDb,
  changes: readonly { id: number; statutoryDue: string | null }[],
): void {
  const update = db.$client.prepare('UPDATE cases SET statutory_due = ? WHERE id = ?');
  db.$client.transaction(() => {
    for (const c of changes) update.run(c.statutoryDue, c.id);
  })();
}
