/**
 * The shape every large import shares: a first pass that reads and checks every row, writing
 * nothing, and a second that writes them, in one transaction so a failure leaves the file as it
 * was, yielding to the event loop between batches so the app keeps answering (and showing
 * progress) while 50,000 rows go in.
 */
import { statSync } from 'node:fs';
import type { CaseDb } from '../../../db/case-file';
import { AppError } from '../../../shared/errors';
import type { ImportProgress } from '../../../shared/spreadsheet-columns';

export type { ImportProgress };

export type ImportProgressListener = (progress: ImportProgress) => void;

/** Rows written between two yields to the event loop (and progress reports). */
export const WRITE_BATCH = 500;

export const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `write` inside one transaction (BEGIN IMMEDIATE … COMMIT), rolled back if it throws. The
 * write may await between batches: the app's call queue keeps every other write out meanwhile,
 * and reads wait for it (DeskApp.read waits for the writes queued before it).
 */
export async function inAsyncTransaction<T>(db: CaseDb, write: () => Promise<T>): Promise<T> {
  const sql = db.$client;
  sql.exec('BEGIN IMMEDIATE');
  try {
    const out = await write();
    sql.exec('COMMIT');
    return out;
  } catch (error) {
    if (sql.inTransaction) sql.exec('ROLLBACK');
    throw error;
  }
}

/** What a file looked like when first read: a change before the second pass stops the import. */
export function fileStamp(path: string): string {
  const s = statSync(path);
  return `${s.size}:${s.mtimeMs}`;
}

export function checkUnchanged(path: string, stamp: string): void {
  if (fileStamp(path) !== stamp)
    throw new AppError(
      'validation',
      `${path} changed while it was being imported. Nothing was imported: run the import again.`,
    );
}
