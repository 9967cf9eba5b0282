/**
 * The register read for an export, row by row: iterators over prepared statements, so an export of
 * 100,000 cases never holds more than one case in memory.
 */
import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { CaseDb } from '../case-file';
import {
  appliedExemptions,
  caseEvents,
  cases,
  publicInterestFactors,
  questions,
  requesters,
  responses,
} from '../schema';
import type { CaseRecord } from '../../shared/case-format';
import { assembleQuestions, buildCaseRecord, type RegisterRow } from './cases';

/** The ids of every case, in the order logged (one prepared statement, stepped as it is read). */
export function* iterateCaseIds(db: CaseDb): Generator<number> {
  yield* db.$client.prepare('SELECT id FROM cases ORDER BY id').pluck().iterate() as IterableIterator<number>;
}

/** One row per case for the CSV, in the order logged. */
export function* iterateRegisterRows(db: CaseDb): Generator<RegisterRow> {
  yield* db.$client
    .prepare(
      'SELECT reference, regime, received, due_date AS due, status, outcome, responded, subject FROM cases ORDER BY id',
    )
    .iterate() as IterableIterator<RegisterRow>;
}

/**
 * Reads whole cases in the interchange format with statements prepared once for the whole export.
 * (A statement prepared per query, as the query builder does, costs native memory that is not
 * given back while the connection is open: ~4 KiB each, gigabytes over a large export.)
 */
export function caseRecordReader(db: CaseDb): (id: number) => CaseRecord | undefined {
  const id = sql.placeholder('id');
  const caseRow = db.select().from(cases).where(eq(cases.id, id)).prepare();
  const requesterRow = db
    .select()
    .from(requesters)
    .where(eq(requesters.id, sql.placeholder('requester')))
    .prepare();
  const questionRows = db
    .select()
    .from(questions)
    .where(eq(questions.caseId, id))
    .orderBy(asc(questions.position), asc(questions.id))
    .prepare();
  const responseRows = db
    .select(getTableColumns(responses))
    .from(responses)
    .innerJoin(questions, eq(questions.id, responses.questionId))
    .where(eq(questions.caseId, id))
    .prepare();
  const exemptionRows = db
    .select(getTableColumns(appliedExemptions))
    .from(appliedExemptions)
    .innerJoin(questions, eq(questions.id, appliedExemptions.questionId))
    .where(eq(questions.caseId, id))
    .orderBy(asc(appliedExemptions.position))
    .prepare();
  const factorRows = db
    .select(getTableColumns(publicInterestFactors))
    .from(publicInterestFactors)
    .innerJoin(appliedExemptions, eq(appliedExemptions.id, publicInterestFactors.exemptionId))
    .innerJoin(questions, eq(questions.id, appliedExemptions.questionId))
    .where(eq(questions.caseId, id))
    .orderBy(asc(publicInterestFactors.position))
    .prepare();
  const eventRows = db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, id))
    .orderBy(asc(caseEvents.date), asc(caseEvents.id))
    .prepare();
  return (caseId) => {
    const row = caseRow.get({ id: caseId });
    if (!row) return undefined;
    const requester = requesterRow.get({ requester: row.requesterId });
    if (!requester) return undefined;
    const qRows = questionRows.all({ id: caseId });
    const tree =
      qRows.length === 0
        ? []
        : (() => {
            const eRows = exemptionRows.all({ id: caseId });
            return assembleQuestions(
              qRows,
              responseRows.all({ id: caseId }),
              eRows,
              eRows.length ? factorRows.all({ id: caseId }) : [],
              false,
            );
          })();
    return buildCaseRecord(row, requester, tree, eventRows.all({ id: caseId }));
  };
}
