/** The s12 estimate worksheet of a case: its rows and the cases it aggregates (db/schema.ts). */
import { asc, eq, inArray } from 'drizzle-orm';
import type { CaseDb } from '../case-file';
import { cases, s12Aggregations, s12Rows, s12Worksheets } from '../schema';
import type { S12Activity } from '../../shared/s12';

export interface S12RowRecord {
  activity: S12Activity;
  minutes: number;
  ratePence?: number;
  question?: string;
  description?: string;
}

export interface S12WorksheetRecord {
  advice: string | null;
  updatedAt: string;
  updatedBy: string;
  rows: S12RowRecord[];
  aggregatedCaseIds: number[];
}

function rowRecord(r: typeof s12Rows.$inferSelect): S12RowRecord {
  const out: S12RowRecord = { activity: r.activity, minutes: r.minutes };
  if (r.ratePence !== null) out.ratePence = r.ratePence;
  if (r.question !== null) out.question = r.question;
  if (r.description !== null) out.description = r.description;
  return out;
}

export function getS12Rows(db: CaseDb, caseId: number): S12RowRecord[] {
  return db
    .select()
    .from(s12Rows)
    .where(eq(s12Rows.caseId, caseId))
    .orderBy(asc(s12Rows.position), asc(s12Rows.id))
    .all()
    .map(rowRecord);
}

export function getS12Worksheet(db: CaseDb, caseId: number): S12WorksheetRecord | undefined {
  const sheet = db.select().from(s12Worksheets).where(eq(s12Worksheets.caseId, caseId)).get();
  if (!sheet) return undefined;
  const aggregated = db
    .select({ id: s12Aggregations.otherCaseId })
    .from(s12Aggregations)
    .innerJoin(cases, eq(cases.id, s12Aggregations.otherCaseId))
    .where(eq(s12Aggregations.caseId, caseId))
    .orderBy(asc(cases.received), asc(cases.id))
    .all()
    .map((r) => r.id);
  return {
    advice: sheet.advice,
    updatedAt: sheet.updatedAt,
    updatedBy: sheet.updatedBy,
    rows: getS12Rows(db, caseId),
    aggregatedCaseIds: aggregated,
  };
}

/** Replaces the case's worksheet as a whole (inside the caller's transaction). */
export function saveS12Worksheet(
  db: CaseDb,
  caseId: number,
  sheet: { advice: string | null; rows: readonly S12RowRecord[]; aggregatedCaseIds: readonly number[] },
  actor: string,
  at: string,
): void {
  db.insert(s12Worksheets)
    .values({ caseId, advice: sheet.advice, updatedAt: at, updatedBy: actor })
    .onConflictDoUpdate({
      target: s12Worksheets.caseId,
      set: { advice: sheet.advice, updatedAt: at, updatedBy: actor },
    })
    .run();
  db.delete(s12Rows).where(eq(s12Rows.caseId, caseId)).run();
  sheet.rows.forEach((r, position) =>
    db
      .insert(s12Rows)
      .values({
        caseId,
        position,
        activity: r.activity,
        minutes: r.minutes,
        ratePence: r.ratePence ?? null,
        question: r.question ?? null,
        description: r.description ?? null,
      })
      .run(),
  );
  db.delete(s12Aggregations).where(eq(s12Aggregations.caseId, caseId)).run();
  for (const otherCaseId of sheet.aggregatedCaseIds)
    db.insert(s12Aggregations).values({ caseId, otherCaseId }).run();
}

/** True when there was one to remove (its rows and aggregations go with it). */
export function deleteS12Worksheet(db: CaseDb, caseId: number): boolean {
  return db.delete(s12Worksheets).where(eq(s12Worksheets.caseId, caseId)).run().changes > 0;
}

/** The reference, date received and regime of each of `ids` that is in the file. */
export function s12CaseFacts(
  db: CaseDb,
  ids: readonly number[],
): { id: number; reference: string; received: string; regime: string }[] {
  if (ids.length === 0) return [];
  return db
    .select({ id: cases.id, reference: cases.reference, received: cases.received, regime: cases.regime })
    .from(cases)
    .where(inArray(cases.id, [...ids]))
    .all();
}
