/**
 * The register read for an export, row by row: iterators over prepared statements, so an export of
 * 100,000 cases never holds more than one case in memory.
 */
import type { CaseDb } from '../case-file';
import type { RegisterRow } from './cases';

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
