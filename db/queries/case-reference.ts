/**
 * Finding a case by the reference a user types (the CLI's `<reference>` arguments): compared as
 * references are everywhere else, ignoring case and spaces (shared/case-lifecycle.ts
 * referenceKey), so "foi4951" finds "FOI 4951". New references are refused when their key is taken,
 * but a file written before that rule may hold two with the same key ("FOI 12" and "FOI12"): then
 * the reference exactly as written decides, and without one the match is refused as ambiguous,
 * naming both, rather than picking one.
 */
import type { CaseDb } from '../case-file';
import { referenceKey } from '../../shared/case-lifecycle';
import { AppError } from '../../shared/errors';

export interface CaseReferenceMatch {
  id: number;
  /** The reference as the case file has it. */
  reference: string;
}

/** The case a typed reference names; refused when there is none, or several and none exactly. */
export function caseByReference(db: CaseDb, reference: string): CaseReferenceMatch {
  const typed = reference.trim();
  const exact = db.$client.prepare('SELECT id, reference FROM cases WHERE reference = ?').get(typed) as
    CaseReferenceMatch | undefined;
  if (exact) return exact;
  const wanted = referenceKey(typed);
  const found: CaseReferenceMatch[] = [];
  for (const row of db.$client
    .prepare('SELECT id, reference FROM cases ORDER BY reference')
    .iterate() as Iterable<CaseReferenceMatch>) {
    if (referenceKey(row.reference) === wanted) found.push({ id: row.id, reference: row.reference });
  }
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new AppError('not-found', `There is no case "${typed}" in the case file.`);
  throw new AppError(
    'conflict',
    `"${typed}" matches ${found.length} cases (${found.map((f) => `"${f.reference}"`).join(', ')}), whose references differ only in case or spaces: give the reference exactly as the case file has it.`,
  );
}
