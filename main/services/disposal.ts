/**
 * Retention and disposal (issue #14): the schedule (a setting, the Code's figures by default), the
 * closed cases due for review, and disposing of one — deleted entirely, or anonymised with its
 * figures kept for the statistics (shared/retention.ts ANONYMISE_KEEPS). Either way the audit log
 * records it without the data removed, the case's earlier entries are scrubbed or deleted with it,
 * and db/queries/retention.ts purgeFreedSpace leaves no copy in the file's free pages, search
 * indexes or WAL (tests/integration/retention-pages.test.ts decrypts every page to check).
 */
import { inTransaction, type CaseDb } from '../../db/case-file';
import { recordAudit } from '../../db/queries/audit';
import {
  anonymiseCaseRows,
  deleteCaseRows,
  getStoredRetentionSchedule,
  listClosedForRetention,
  purgeFreedSpace,
  readCaseTexts,
  storeRetentionSchedule,
  type CaseTexts,
  type CleanTexts,
  type RetentionRow,
} from '../../db/queries/retention';
import { getCaseRow } from '../../db/queries/cases';
import { originalStillWhole } from '../../db/queries/retention';
import type { DisposalResult, RetentionDueCase, RetentionScheduleView } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { redact } from '../../shared/personal-data';
import {
  DEFAULT_RETENTION_SCHEDULE,
  RETENTION_CODE,
  disposalConfirmationProblem,
  readRetentionSchedule,
  retentionScheduleSchema,
  reviewDate,
  type DisposalMethod,
  type RetentionSchedule,
} from '../../shared/retention';

export function retentionSchedule(db: CaseDb): RetentionSchedule {
  return readRetentionSchedule(getStoredRetentionSchedule(db));
}

export function retentionScheduleView(db: CaseDb): RetentionScheduleView {
  return {
    schedule: retentionSchedule(db),
    defaults: DEFAULT_RETENTION_SCHEDULE,
    code: { title: RETENTION_CODE.title, url: RETENTION_CODE.url },
  };
}

export function saveRetentionSchedule(
  db: CaseDb,
  schedule: RetentionSchedule,
  actor: string,
): RetentionScheduleView {
  const next = retentionScheduleSchema.parse(schedule);
  inTransaction(db, (tx) => {
    const before = retentionSchedule(tx);
    storeRetentionSchedule(tx, next);
    recordAudit(tx, {
      actor,
      action: 'update',
      entity: 'settings',
      field: 'retentionSchedule',
      oldValue: before,
      newValue: next,
    });
  });
  return retentionScheduleView(db);
}

function withReviewDate(row: RetentionRow, schedule: RetentionSchedule): RetentionDueCase | null {
  const due = reviewDate(
    {
      regime: row.regime,
      closed: row.closed,
      appealed: row.appealed,
      appealClosed: row.appealClosed,
      appealOpen: row.appealOpen,
    },
    schedule,
  );
  if (due === null) return null;
  return {
    id: row.id,
    reference: row.reference,
    regime: row.regime,
    subject: row.subject,
    received: row.received,
    closed: row.closed,
    appealed: row.appealed,
    reviewDate: due,
  };
}

/** The closed cases whose review date is on or before `asOf`, the longest overdue first. */
export function casesDueForReview(db: CaseDb, asOf: string): RetentionDueCase[] {
  const schedule = retentionSchedule(db);
  return listClosedForRetention(db)
    .map((row) => withReviewDate(row, schedule))
    .filter((c): c is RetentionDueCase => c !== null && c.reviewDate <= asOf)
    .sort((a, b) => a.reviewDate.localeCompare(b.reviewDate) || a.reference.localeCompare(b.reference));
}

const SAR_SUBJECT = 'Subject access request (anonymised)';

/**
 * The case's texts with nothing of the requester left. FOI and EIR texts are about public
 * information and are what a disclosure log publishes, so they are kept with each personal-data
 * finding (shared/personal-data.ts: emails, phone numbers, postcodes, NHS numbers, the requester's
 * name, its parts and address lines) removed. A subject access request is the requester's own data
 * from first word to last, so its texts are removed whole.
 */
export function cleanTexts(regime: string, t: CaseTexts): CleanTexts {
  const who = {
    name: t.requester.name,
    email: t.requester.email ?? undefined,
    address: t.requester.address ?? undefined,
  };
  const sar = regime === 'SAR';
  const clean = (text: string) => (sar ? '' : redact(text, who, () => true));
  const cleanOrNull = (text: string | null) => (text === null || sar ? null : clean(text));
  return {
    subject: sar ? SAR_SUBJECT : clean(t.subject),
    requestText: clean(t.requestText),
    lateReason: t.lateReason === null ? null : redact(t.lateReason, who, () => true),
    questions: new Map(t.questions.map((q) => [q.id, clean(q.text)])),
    responses: new Map(
      t.responses.map((r) => [
        r.questionId,
        {
          text: cleanOrNull(r.text),
          heldStatement: cleanOrNull(r.heldStatement),
          link: cleanOrNull(r.link),
          footnotes: sar || !r.footnotes ? null : r.footnotes.map(clean),
        },
      ]),
    ),
  };
}

export interface DisposeInput {
  caseId: number;
  method: DisposalMethod;
  confirmReference: string;
}

/**
 * Disposes of one closed case due for review. Refused, with nothing changed, unless the reference
 * typed matches, the case is closed and its review date has come (an open review keeps it).
 */
export function disposeCase(db: CaseDb, input: DisposeInput, actor: string, today: string): DisposalResult {
  const row = getCaseRow(db, input.caseId);
  if (!row) throw new AppError('not-found', 'That case is not in this file.');
  const typed = disposalConfirmationProblem(row.reference, input.confirmReference);
  if (typed) throw new AppError('validation', typed, 'confirmReference');
  const due = casesDueForReview(db, today).find((c) => c.id === input.caseId);
  if (!due)
    throw new AppError(
      'conflict',
      `${row.reference} is not due for review under the retention schedule (it must be closed, any review of it closed, and its retention period over).`,
    );
  // A review case is what makes its original "appealed": deleting it while the original is still
  // whole would shorten the original's retention to the unappealed period.
  if (input.method === 'delete' && row.reviewOf && originalStillWhole(db, row.reviewOf))
    throw new AppError(
      'conflict',
      `${row.reference} is the review of ${row.reviewOf}, which is still in the file: dispose of ${row.reviewOf} first, or anonymise this review.`,
    );
  // What the history keeps of it: how and when it was disposed of, by whom, never its content.
  const summary = {
    method: input.method,
    reference: row.reference,
    regime: row.regime,
    received: row.received,
    closed: due.closed,
    reviewDate: due.reviewDate,
  };
  inTransaction(db, (tx) => {
    if (input.method === 'delete') {
      deleteCaseRows(tx, input.caseId);
    } else {
      const texts = readCaseTexts(tx, input.caseId);
      if (!texts) throw new AppError('not-found', 'That case is not in this file.');
      anonymiseCaseRows(tx, input.caseId, cleanTexts(row.regime, texts), actor);
    }
    recordAudit(tx, { actor, caseId: input.caseId, action: 'disposed', entity: 'case', newValue: summary });
  });
  purgeFreedSpace(db);
  return { method: input.method, reference: row.reference };
}
