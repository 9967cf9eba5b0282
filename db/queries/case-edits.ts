/**
 * Query functions for changing a case after it was logged (fields, requester, questions and
 * answers, clock events) and for the team lists the case page draws on (officers, added bank
 * holidays). Each takes the database first and does one thing; the desk service wraps them in a
 * transaction with their audit entries.
 */
import { asc, eq } from 'drizzle-orm';
import type { CaseDb } from '../case-file';
import { preparedQuery } from '../statement-cache';
import { addedHolidays, caseEvents, cases, officers, questions, requesters } from '../schema';
import { insertQuestions } from './cases';
import type { QuestionData } from '../../shared/case-format';
import { referenceKey } from '../../shared/case-lifecycle';
import type { ClockEventType, SarAwaiting } from '../../shared/clock/types';

export type CaseColumns = Partial<
  Pick<
    typeof cases.$inferInsert,
    | 'reference'
    | 'ourRef'
    | 'regime'
    | 'reviewOf'
    | 'received'
    | 'channel'
    | 'subject'
    | 'requestText'
    | 'status'
    | 'outcome'
    | 'responded'
    | 'officer'
    | 'signatoryName'
    | 'signatoryTitle'
    | 'enclosures'
    | 'fee'
    | 'letterDetails'
    | 'dueDate'
    | 'statutoryDue'
    | 'department'
    | 'lateReason'
    | 'lateDepartment'
    | 'commissionerComplaintReceived'
    | 'commissionerDecision'
    | 'commissionerDecisionRef'
  >
>;

export function updateCaseColumns(db: CaseDb, id: number, values: CaseColumns): void {
  if (Object.keys(values).length === 0) return;
  db.update(cases)
    .set({ ...values, updatedAt: new Date().toISOString() })
    .where(eq(cases.id, id))
    .run();
}

export type RequesterRow = typeof requesters.$inferSelect;

export function getRequester(db: CaseDb, id: number): RequesterRow | undefined {
  return db.select().from(requesters).where(eq(requesters.id, id)).get();
}

export function updateRequester(db: CaseDb, id: number, values: Partial<Omit<RequesterRow, 'id'>>): void {
  if (Object.keys(values).length === 0) return;
  db.update(requesters).set(values).where(eq(requesters.id, id)).run();
}

/**
 * Replaces a case's questions, answers and exemptions with the tree given (cascades remove the
 * old rows). Questions keep the ids they come with, so a question saved again is the same question.
 */
export function replaceQuestions(db: CaseDb, caseId: number, list: QuestionData[]): void {
  db.delete(questions).where(eq(questions.caseId, caseId)).run();
  insertQuestions(db, caseId, null, list);
}

export interface NewCaseEvent {
  type: ClockEventType;
  date: string;
  until?: string | null | undefined;
  months?: number | null | undefined;
  awaiting?: SarAwaiting | null | undefined;
  note?: string | null | undefined;
}

export function insertCaseEvent(db: CaseDb, caseId: number, event: NewCaseEvent): number {
  return db
    .insert(caseEvents)
    .values({
      caseId,
      type: event.type,
      date: event.date,
      until: event.until ?? null,
      months: event.months ?? null,
      awaiting: event.awaiting ?? null,
      note: event.note ?? null,
    })
    .returning({ id: caseEvents.id })
    .get().id;
}

export type CaseEventRecord = typeof caseEvents.$inferSelect;

/** Removes one event of a case; returns it, or undefined when the case has no such event. */
export function deleteCaseEvent(db: CaseDb, caseId: number, eventId: number): CaseEventRecord | undefined {
  const row = db.select().from(caseEvents).where(eq(caseEvents.id, eventId)).get();
  if (!row || row.caseId !== caseId) return undefined;
  db.delete(caseEvents).where(eq(caseEvents.id, eventId)).run();
  return row;
}

/**
 * The next free reference in the team's format: the highest number already used with the same
 * text around `{n}`, plus one ("FOI {n}" with FOI 4951 in the file → "FOI 4952").
 */
export function nextReference(db: CaseDb, format: string): string {
  const at = format.indexOf('{n}');
  const prefix = at >= 0 ? format.slice(0, at) : format;
  const suffix = at >= 0 ? format.slice(at + 3) : '';
  let refs: string[];
  if (prefix) {
    // A range on the unique reference index: every reference that starts with the prefix.
    const upper = prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);
    refs = db.$client
      .prepare('SELECT reference FROM cases WHERE reference >= ? AND reference < ?')
      .pluck()
      .all(prefix, upper) as string[];
  } else {
    refs = db.$client.prepare('SELECT reference FROM cases').pluck().all() as string[];
  }
  let max = 0;
  for (const ref of refs) {
    if (!ref.startsWith(prefix) || !ref.endsWith(suffix)) continue;
    const middle = ref.slice(prefix.length, ref.length - suffix.length);
    if (/^\d{1,9}$/.test(middle)) max = Math.max(max, Number(middle));
  }
  return `${prefix}${max + 1}${suffix}`;
}

/**
 * The same reference as far as the register is concerned (shared/case-lifecycle referenceKey):
 * "foi 4951" is taken when "FOI 4951" is in the file. SQLite folds ASCII case only, so a reference
 * with other letters is compared in JS against every reference.
 */
export function referenceTaken(db: CaseDb, reference: string, exceptId?: number): boolean {
  const key = referenceKey(reference);
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(reference);
  const candidates = (
    ascii
      ? db.$client
          .prepare(
            `SELECT id, reference FROM cases
             WHERE lower(replace(replace(replace(replace(reference, ' ', ''), char(9), ''), char(10), ''), char(13), '')) = ?`,
          )
          .all(key)
      : db.$client.prepare('SELECT id, reference FROM cases').all()
  ) as { id: number; reference: string }[];
  return candidates.some((c) => c.id !== exceptId && referenceKey(c.reference) === key);
}

// Team lists -----------------------------------------------------------------------------------

export type OfficerRow = typeof officers.$inferSelect;
export type OfficerValues = { name: string; title: string; initials?: string; active: boolean };

export function listOfficers(db: CaseDb): OfficerRow[] {
  return db.select().from(officers).orderBy(asc(officers.name)).all();
}

export function getOfficer(db: CaseDb, id: number): OfficerRow | undefined {
  return db.select().from(officers).where(eq(officers.id, id)).get();
}

export function insertOfficer(db: CaseDb, values: OfficerValues): number {
  return db.insert(officers).values(values).returning({ id: officers.id }).get().id;
}

export function updateOfficer(db: CaseDb, id: number, values: OfficerValues): void {
  db.update(officers).set(values).where(eq(officers.id, id)).run();
}

export type AddedHolidayRow = typeof addedHolidays.$inferSelect;

export function listAddedHolidays(db: CaseDb): AddedHolidayRow[] {
  // Read for every queue page (the clock): prepared once per connection.
  return preparedQuery(db, 'holidays.added', () =>
    db.select().from(addedHolidays).orderBy(asc(addedHolidays.date)).prepare(),
  ).all();
}

export function getAddedHoliday(db: CaseDb, date: string): AddedHolidayRow | undefined {
  return db.select().from(addedHolidays).where(eq(addedHolidays.date, date)).get();
}

export function insertAddedHoliday(
  db: CaseDb,
  values: { date: string; name: string; jurisdictions: string[] | null },
): void {
  db.insert(addedHolidays).values(values).run();
}

export function deleteAddedHoliday(db: CaseDb, date: string): void {
  db.delete(addedHolidays).where(eq(addedHolidays.date, date)).run();
}
