/**
 * One case: reading it, logging it, editing its details, questions and answers, and its clock
 * events. Each write checks the shared rules (shared/case-lifecycle.ts, shared/answer-rules.ts)
 * first and refuses with one message, nothing changed; the change and its audit entries land in
 * one transaction.
 */
import { inTransaction, type CaseDb } from '../../../db/case-file';
import { listAuditForCase, recordAudit, recordChanges } from '../../../db/queries/audit';
import {
  getCaseRecord,
  getCaseRow,
  insertCaseRecord,
  listCaseEvents,
  loadQuestions,
  type CaseRow,
} from '../../../db/queries/cases';
import {
  deleteCaseEvent,
  getRequester,
  insertCaseEvent,
  nextReference,
  referenceTaken,
  replaceQuestions,
  updateCaseColumns,
  updateRequester,
  type CaseColumns,
} from '../../../db/queries/case-edits';
import { getSettings } from '../../../db/queries/settings';
import { referenceFormatFor } from '../../../shared/settings';
import {
  followSeeReferences,
  questionIds,
  questionNumbers,
  questionTreeProblems,
  responseProblems,
  sarExtensionProblem,
} from '../../../shared/answer-rules';
import type { AuditEntity } from '../../../shared/audit';
import {
  CASE_FORMAT,
  type CaseRecord,
  type CaseStatus,
  type QuestionData,
} from '../../../shared/case-format';
import {
  canMove,
  caseRecordProblems,
  clockActionsFor,
  clockEventProblems,
  closeProblems,
  dateProblems,
  statusAfterEvent,
} from '../../../shared/case-lifecycle';
import type { CaseDetail, CasePatch } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { assessCase, datesOrRefuse, deadlineFor, loadClockContext, toClockEvents } from '../deadlines';
import { caseCloseSignOffProblems } from '../sign-off';
import type { OpenSession } from '../session';
import type { SessionHandlers } from './types';

/** Refuses with every problem in one message, so the officer sees them all at once. */
export function refuseIf(problems: readonly string[]): void {
  if (problems.length > 0) throw new AppError('validation', problems.join(' '));
}

export function requireRow(db: CaseDb, id: number): CaseRow {
  const row = getCaseRow(db, id);
  if (!row) throw new AppError('not-found', 'That case is not in the case file (it may have been removed).');
  return row;
}

function refuseTakenReference(db: CaseDb, reference: string, exceptId?: number): void {
  if (referenceTaken(db, reference, exceptId))
    throw new AppError(
      'duplicate-reference',
      `${reference} is already in the case file (references are compared ignoring case and spaces). Use the next free reference.`,
    );
}

export function getCase(s: OpenSession, id: number): CaseDetail {
  const db = s.db;
  const row = getCaseRow(db, id);
  const record = row ? getCaseRecord(db, id, { ids: true }) : undefined;
  if (!row || !record)
    throw new AppError('not-found', 'That case is not in the case file (it may have been removed).');
  const eventRows = listCaseEvents(db, id);
  const clock = assessCase(loadClockContext(db), row, toClockEvents(eventRows), s.today(), true);
  return {
    id,
    record,
    due: row.dueDate,
    ...clock,
    events: eventRows.map((e) => ({
      id: e.id,
      type: e.type,
      date: e.date,
      until: e.until,
      months: e.months,
      awaiting: e.awaiting,
      note: e.note,
    })),
    timeline: listAuditForCase(db, id).map((a) => ({
      id: a.id,
      at: a.at,
      actor: a.actor,
      action: a.action,
      entity: a.entity,
      field: a.field,
      oldValue: a.oldValue,
      newValue: a.newValue,
    })),
  };
}

/** The columns a patch changes (only those whose value differs from the row). */
function changedColumns(row: CaseRow, patch: CasePatch): CaseColumns {
  const columns: CaseColumns = {};
  const set = <K extends keyof CaseColumns>(key: K, value: CaseColumns[K] | undefined) => {
    if (value === undefined) return;
    const old = row[key as keyof CaseRow] as unknown;
    if ((old ?? null) !== (value ?? null)) columns[key] = value;
  };
  set('reference', patch.reference);
  set('ourRef', patch.ourRef);
  set('regime', patch.regime);
  set(
    'reviewOf',
    patch.reviewOf?.trim() ? patch.reviewOf.trim() : patch.reviewOf === undefined ? undefined : null,
  );
  set('received', patch.received);
  set('channel', patch.channel);
  set('subject', patch.subject);
  set('requestText', patch.requestText);
  set('officer', patch.officer === '' ? null : patch.officer);
  set('status', patch.status);
  set('outcome', patch.outcome);
  set('responded', patch.responded);
  set('department', patch.department === '' ? null : patch.department);
  set('lateReason', patch.lateReason === '' ? null : patch.lateReason);
  set('lateDepartment', patch.lateDepartment === '' ? null : patch.lateDepartment);
  if (patch.signatory !== undefined) {
    set('signatoryName', patch.signatory?.name ?? null);
    set('signatoryTitle', patch.signatory?.title ?? null);
  }
  // The letter's data (lists and objects): compared by value, an empty one stored as none.
  const setJson = <K extends 'enclosures' | 'fee' | 'letterDetails'>(
    key: K,
    value: CaseColumns[K] | undefined,
  ) => {
    if (value === undefined) return;
    const next = emptyAsNull(value);
    if (JSON.stringify(row[key] ?? null) !== JSON.stringify(next)) columns[key] = next;
  };
  setJson(
    'enclosures',
    patch.enclosures?.map((e) => e.trim()).filter((e) => e !== ''),
  );
  setJson('fee', patch.fee);
  setJson('letterDetails', patch.letterDetails && omitBlank(patch.letterDetails));
  return columns;
}

function emptyAsNull<T>(value: T): T | null {
  if (value === null) return null;
  if (Array.isArray(value)) return value.length > 0 ? value : null;
  if (typeof value === 'object') return Object.keys(value).length > 0 ? value : null;
  return value;
}

function omitBlank<T extends Record<string, string | undefined>>(values: T): T {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined && v.trim() !== ''),
  ) as T;
}

/** Every rule an edit must pass, on the case as it would be after the edit. */
function updateProblems(
  s: OpenSession,
  row: CaseRow,
  columns: CaseColumns,
  events: ReturnType<typeof listCaseEvents>,
  due: string | null,
): string[] {
  const today = s.today();
  const regime = columns.regime ?? row.regime;
  const received = columns.received ?? row.received;
  const status = columns.status ?? row.status;
  const problems: string[] = [];
  if (columns.received !== undefined)
    problems.push(...dateProblems(received, 'The date received', { today, required: true }));
  if (columns.status !== undefined && !canMove(row.status, status))
    problems.push('A closed case can only be reopened.');
  if (status === 'closed') {
    const outcome = columns.outcome !== undefined ? columns.outcome : row.outcome;
    const responded = columns.responded !== undefined ? columns.responded : row.responded;
    const lateReason = columns.lateReason !== undefined ? columns.lateReason : row.lateReason;
    problems.push(...closeProblems({ received, due }, { outcome: outcome, responded, lateReason }, today));
    // Sign-off: a case that needs approval is answered by sending an approved letter first.
    if (columns.status === 'closed' || columns.outcome !== undefined)
      problems.push(...caseCloseSignOffProblems(s.db, row.id, outcome));
  } else if (columns.responded) {
    problems.push(
      ...dateProblems(columns.responded, 'The date of the response', { today, notBefore: received }),
    );
  }
  const firstEvent = events[0];
  if (firstEvent && firstEvent.date < received)
    problems.push('The date received cannot be after a clock event already recorded on the case.');
  if (columns.regime !== undefined) {
    const allowed = new Set(clockActionsFor(regime).map((a) => a.type));
    if (events.some((e) => !allowed.has(e.type)))
      problems.push('The case has clock events its new regime does not allow: remove them first.');
  }
  return problems;
}

function updateCase(s: OpenSession, id: number, patch: CasePatch): CaseDetail {
  const db = s.db;
  const row = requireRow(db, id);
  if (patch.reference !== undefined && patch.reference !== row.reference)
    refuseTakenReference(db, patch.reference, id);
  const columns = changedColumns(row, patch);
  const nextStatus = columns.status ?? row.status;
  if (nextStatus !== 'closed' && row.status === 'closed' && columns.status) {
    // Reopened: the case has no outcome until it is closed again.
    if (row.outcome !== null && patch.outcome === undefined) columns.outcome = null;
    if (row.responded !== null && patch.responded === undefined) columns.responded = null;
    if (row.lateReason !== null && patch.lateReason === undefined) columns.lateReason = null;
    if (row.lateDepartment !== null && patch.lateDepartment === undefined) columns.lateDepartment = null;
  }
  inTransaction(db, (tx) => {
    const events = listCaseEvents(tx, id);
    let due = row.dueDate;
    if (columns.regime !== undefined || columns.received !== undefined) {
      const dates = datesOrRefuse(
        loadClockContext(tx),
        { regime: columns.regime ?? row.regime, received: columns.received ?? row.received },
        toClockEvents(events),
      );
      due = dates.due;
      if (dates.due !== row.dueDate) columns.dueDate = dates.due;
      if (dates.statutoryDue !== row.statutoryDue) columns.statutoryDue = dates.statutoryDue;
    }
    refuseIf(updateProblems(s, row, columns, events, due));
    updateCaseColumns(tx, id, columns);
    recordChanges<CaseRow>(tx, {
      actor: s.actor,
      entity: 'case',
      caseId: id,
      before: row,
      after: columns,
      actionFor: (field, value) =>
        field === 'status'
          ? value === 'closed'
            ? 'close'
            : row.status === 'closed'
              ? 'reopen'
              : 'update'
          : 'update',
    });
    if (patch.requester) updateRequesterOf(s, tx, id, row.requesterId, patch.requester);
  });
  return getCase(s, id);
}

function updateRequesterOf(
  s: OpenSession,
  tx: CaseDb,
  caseId: number,
  requesterId: number,
  next: NonNullable<CasePatch['requester']>,
): void {
  const current = getRequester(tx, requesterId);
  if (!current) return;
  const changes: Record<string, string | null> = {};
  for (const key of ['name', 'email', 'address', 'organisation', 'category'] as const) {
    const value = next[key] === undefined || next[key] === '' ? null : next[key];
    if ((current[key] ?? null) !== value) changes[key] = value;
  }
  if (Object.keys(changes).length === 0) return;
  updateRequester(tx, requesterId, changes);
  recordChanges(tx, { actor: s.actor, entity: 'requester', caseId, before: current, after: changes });
}

/** Finds a question, at any depth, by its stable id. */
function questionById(tree: readonly QuestionData[], questionId: string): QuestionData | undefined {
  for (const q of tree) {
    if (q.id === questionId) return q;
    const inParts = q.parts ? questionById(q.parts, questionId) : undefined;
    if (inParts) return inParts;
  }
  return undefined;
}

const STALE_QUESTIONS =
  'The questions of this case were changed since this page loaded them (perhaps in another window). Reload the case and make the change again.';

/**
 * A tree sent back may keep only ids this case has, each once: an id the case no longer has was
 * removed in another window, and saving it again would bring back a question someone removed.
 */
function refuseForeignIds(stored: readonly QuestionData[], sent: readonly QuestionData[]): void {
  const known = new Set(questionIds(stored));
  const seen = new Set<string>();
  for (const qid of questionIds(sent)) {
    if (seen.has(qid)) throw new AppError('validation', 'The same question is in the list twice.');
    seen.add(qid);
    if (!known.has(qid)) throw new AppError('conflict', STALE_QUESTIONS);
  }
}

function audit(
  s: OpenSession,
  tx: CaseDb,
  caseId: number,
  entity: AuditEntity,
  entry: Omit<Parameters<typeof recordAudit>[1], 'actor' | 'caseId' | 'entity'>,
) {
  recordAudit(tx, { actor: s.actor, caseId, entity, ...entry });
}

/** Recomputes the stored due date (and the status a clock stop implies), with audit entries. */
function afterEventChange(s: OpenSession, tx: CaseDb, row: CaseRow, status: CaseStatus | null): void {
  const dates = datesOrRefuse(loadClockContext(tx), row, toClockEvents(listCaseEvents(tx, row.id)));
  const columns: CaseColumns = {};
  if (dates.due !== row.dueDate) columns.dueDate = dates.due;
  if (dates.statutoryDue !== row.statutoryDue) columns.statutoryDue = dates.statutoryDue;
  if (status && status !== row.status) columns.status = status;
  updateCaseColumns(tx, row.id, columns);
  recordChanges<CaseRow>(tx, { actor: s.actor, entity: 'case', caseId: row.id, before: row, after: columns });
}

export const caseHandlers = {
  'cases:get': (s, { id }) => getCase(s, id),

  'cases:create': (s, { draft }) => {
    const db = s.db;
    refuseIf(dateProblems(draft.received, 'The date received', { today: s.today(), required: true }));
    refuseTakenReference(db, draft.reference);
    refuseIf(questionTreeProblems(draft.questions, draft.regime).map((p) => `${p.message}.`));
    const record: CaseRecord = { format: CASE_FORMAT, ...draft, status: 'open' };
    refuseIf(caseRecordProblems(record, s.today()));
    const id = inTransaction(db, (tx) => {
      const dates = datesOrRefuse(loadClockContext(tx), record, []);
      const caseId = insertCaseRecord(tx, record, dates.due, dates.statutoryDue);
      audit(s, tx, caseId, 'case', { action: 'create', newValue: record.reference });
      return caseId;
    });
    return getCase(s, id);
  },

  'cases:update': (s, { id, patch }) => updateCase(s, id, patch),

  'cases:set-questions': (s, { id, questions }) => {
    const row = requireRow(s.db, id);
    inTransaction(s.db, (tx) => {
      const old = loadQuestions(tx, id, { ids: true });
      refuseForeignIds(old, questions);
      // "See question N" answers follow their questions to their new numbers; the rules then judge
      // the tree as it will be stored (a reference to a removed question is refused).
      const followed = followSeeReferences(old, questions);
      refuseIf(
        [...followed.problems, ...questionTreeProblems(followed.questions, row.regime)].map(
          (p) => `${p.message}.`,
        ),
      );
      replaceQuestions(tx, id, followed.questions);
      audit(s, tx, id, 'questions', {
        action: 'set-questions',
        oldValue: old,
        newValue: followed.questions,
      });
    });
    return getCase(s, id);
  },

  'cases:set-response': (s, { id, questionId, response }) => {
    const row = requireRow(s.db, id);
    inTransaction(s.db, (tx) => {
      const tree = loadQuestions(tx, id, { ids: true });
      const node = questionById(tree, questionId);
      if (!node) throw new AppError('conflict', STALE_QUESTIONS);
      if (response) {
        const problems = responseProblems(response, {
          regime: row.regime,
          number: node.number,
          numbers: questionNumbers(tree),
        });
        refuseIf(problems.map((p) => `${p.message}.`));
      }
      const old = node.response;
      if (response) node.response = response;
      else delete node.response;
      replaceQuestions(tx, id, tree);
      audit(s, tx, id, 'question', {
        action: 'set-response',
        field: node.number,
        oldValue: old,
        newValue: response,
      });
    });
    return getCase(s, id);
  },

  'cases:add-event': (s, { id, event }) => {
    const row = requireRow(s.db, id);
    inTransaction(s.db, (tx) => {
      const existing = listCaseEvents(tx, id).map((e) => ({ ...e, type: e.type }));
      refuseIf(
        clockEventProblems(
          { regime: row.regime, received: row.received, status: row.status },
          existing,
          event,
          s.today(),
        ),
      );
      // The SAR extension notice goes within the first month (shared/answer-rules.ts).
      const late = sarExtensionProblem(
        event,
        deadlineFor(loadClockContext(tx), row, toClockEvents(listCaseEvents(tx, id))).statutoryDue,
      );
      refuseIf(late ? [`${late}.`] : []);
      const eventId = insertCaseEvent(tx, id, event);
      audit(s, tx, id, 'event', {
        action: 'add-event',
        field: event.type,
        newValue: { id: eventId, ...event },
      });
      afterEventChange(s, tx, row, statusAfterEvent(row.status, event.type));
    });
    return getCase(s, id);
  },

  'cases:remove-event': (s, { id, eventId }) => {
    const row = requireRow(s.db, id);
    inTransaction(s.db, (tx) => {
      const removed = deleteCaseEvent(tx, id, eventId);
      if (!removed) throw new AppError('not-found', 'That clock event is not on this case.');
      audit(s, tx, id, 'event', {
        action: 'remove-event',
        field: removed.type,
        oldValue: {
          id: removed.id,
          date: removed.date,
          until: removed.until,
          months: removed.months,
          awaiting: removed.awaiting,
          note: removed.note,
        },
      });
      afterEventChange(s, tx, row, null);
    });
    return getCase(s, id);
  },

  'cases:next-reference': (s, { regime }) => ({
    reference: nextReference(s.db, referenceFormatFor(getSettings(s.db), regime)),
  }),
} satisfies SessionHandlers<'cases:'>;
