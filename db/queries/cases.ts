import { randomBytes } from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { CaseDb } from '../case-file';
import { preparedQuery } from '../statement-cache';
import {
  appliedExemptions,
  caseEvents,
  cases,
  publicInterestFactors,
  questions,
  requesters,
  responses,
} from '../schema';
import {
  CASE_FORMAT,
  type AppliedExemption,
  type CaseEventData,
  type CaseRecord,
  type QuestionData,
  type QuestionResponse,
} from '../../shared/case-format';
import { omitNulls } from './omit-nulls';

export type CaseRow = typeof cases.$inferSelect;

export function findCaseByReference(db: CaseDb, reference: string): CaseRow | undefined {
  return db.select().from(cases).where(eq(cases.reference, reference)).get();
}

export function getCaseRow(db: CaseDb, id: number): CaseRow | undefined {
  // The case page's read: prepared once per connection (db/statement-cache.ts).
  return preparedQuery(db, 'cases.row', () =>
    db
      .select()
      .from(cases)
      .where(eq(cases.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}

/** Every reference in the file (the import compares them by their key, ignoring case and spaces). */
export function listReferences(db: CaseDb): string[] {
  return db.$client.prepare('SELECT reference FROM cases').pluck().all() as string[];
}

/** Inserts one case with its requester, questions, answers and exemptions. Call inside a transaction. */
export function insertCaseRecord(
  db: CaseDb,
  record: CaseRecord,
  dueDate: string | null,
  statutoryDue: string | null = dueDate,
): number {
  const requester = db
    .insert(requesters)
    .values({
      name: record.requester.name,
      email: record.requester.email ?? null,
      address: record.requester.address ?? null,
      organisation: record.requester.organisation ?? null,
      category: record.requester.category ?? null,
    })
    .returning({ id: requesters.id })
    .get();
  const row = db
    .insert(cases)
    .values({
      reference: record.reference,
      ourRef: record.ourRef ?? null,
      regime: record.regime,
      reviewOf: record.reviewOf ?? null,
      received: record.received,
      channel: record.channel ?? null,
      requesterId: requester.id,
      subject: record.subject,
      requestText: record.requestText,
      status: record.status,
      outcome: record.outcome ?? null,
      responded: record.responded ?? null,
      officer: record.officer ?? null,
      signatoryName: record.signatory?.name ?? null,
      signatoryTitle: record.signatory?.title ?? null,
      enclosures: record.enclosures ?? null,
      fee: record.fee ?? null,
      letterDetails: record.letterDetails ?? null,
      dueDate,
      statutoryDue,
      department: record.department ?? null,
      sensitive: record.sensitive === true,
      lateReason: record.lateReason ?? null,
      lateDepartment: record.lateDepartment ?? null,
      commissionerComplaintReceived: record.commissionerComplaintReceived ?? null,
      commissionerDecision: record.commissionerDecision ?? null,
      commissionerDecisionRef: record.commissionerDecisionRef ?? null,
    })
    .returning({ id: cases.id })
    .get();
  insertQuestions(db, row.id, null, record.questions);
  return row.id;
}

/** A new question id: 32 random hex digits (the migration gives older questions the same kind). */
export function newQuestionId(): string {
  return randomBytes(16).toString('hex');
}

/** Inserts a question tree; a question that comes with an `id` keeps it, one without gets a new one. */
export function insertQuestions(
  db: CaseDb,
  caseId: number,
  parentId: number | null,
  list: QuestionData[],
): void {
  list.forEach((q, position) => {
    const key = q.id ?? newQuestionId();
    const { id } = db
      .insert(questions)
      .values({ caseId, parentId, position, number: q.number, text: q.text, key })
      .returning({ id: questions.id })
      .get();
    if (q.response) insertResponse(db, id, q.response);
    if (q.parts) insertQuestions(db, caseId, id, q.parts);
  });
}

function insertResponse(db: CaseDb, questionId: number, response: QuestionResponse): void {
  db.insert(responses)
    .values({
      questionId,
      outcome: response.outcome,
      heldStatement: response.heldStatement ?? null,
      seeQuestion: response.seeQuestion ?? null,
      link: response.link ?? null,
      text: response.text ?? null,
      footnotes: response.footnotes ?? null,
    })
    .run();
  if (response.exemptions) insertExemptions(db, questionId, response.exemptions);
}

function insertExemptions(db: CaseDb, questionId: number, list: AppliedExemption[]): void {
  if (list.length === 0) {
    markEmptyExemptions(db, questionId);
    return;
  }
  list.forEach((ex, position) => {
    const { id } = db
      .insert(appliedExemptions)
      .values({
        questionId,
        position,
        provision: ex.provision,
        title: ex.title ?? null,
        likelihood: ex.likelihood ?? null,
        reason: ex.reason,
        piConclusion: ex.publicInterest ? ex.publicInterest.conclusion : null,
      })
      .returning({ id: appliedExemptions.id })
      .get();
    const factors = [
      ...(ex.publicInterest?.forDisclosure ?? []).map((text, i) => ({
        side: 'for-disclosure' as const,
        text,
        i,
      })),
      ...(ex.publicInterest?.forWithholding ?? []).map((text, i) => ({
        side: 'for-withholding' as const,
        text,
        i,
      })),
    ];
    for (const f of factors) {
      db.insert(publicInterestFactors)
        .values({ exemptionId: id, side: f.side, position: f.i, text: f.text })
        .run();
    }
  });
}

/** `exemptions: []` is rare but legal; a sentinel position of -1 records it without a fake exemption. */
function markEmptyExemptions(db: CaseDb, questionId: number): void {
  db.insert(appliedExemptions).values({ questionId, position: -1, provision: '', reason: '' }).run();
}

export type QuestionRow = typeof questions.$inferSelect;
export type ResponseRow = typeof responses.$inferSelect;
export type ExemptionRow = typeof appliedExemptions.$inferSelect;
export type FactorRow = typeof publicInterestFactors.$inferSelect;
export type RequesterRow = typeof requesters.$inferSelect;

/**
 * Loads the questions of a case as the nested interchange structure, order kept; with `ids`, each
 * question carries its stable id (the case page and the handlers need them, an export never has them).
 */
export function loadQuestions(db: CaseDb, caseId: number, { ids: withIds = false } = {}): QuestionData[] {
  const qRows = db
    .select()
    .from(questions)
    .where(eq(questions.caseId, caseId))
    .orderBy(asc(questions.position), asc(questions.id))
    .all();
  if (qRows.length === 0) return [];
  const ids = qRows.map((q) => q.id);
  const rRows = db.select().from(responses).where(inArray(responses.questionId, ids)).all();
  const eRows = db
    .select()
    .from(appliedExemptions)
    .where(inArray(appliedExemptions.questionId, ids))
    .orderBy(asc(appliedExemptions.position))
    .all();
  const fRows = eRows.length
    ? db
        .select()
        .from(publicInterestFactors)
        .where(
          inArray(
            publicInterestFactors.exemptionId,
            eRows.map((e) => e.id),
          ),
        )
        .orderBy(asc(publicInterestFactors.position))
        .all()
    : [];
  return assembleQuestions(qRows, rRows, eRows, fRows, withIds);
}

export function assembleQuestions(
  qRows: QuestionRow[],
  rRows: ResponseRow[],
  eRows: ExemptionRow[],
  fRows: FactorRow[],
  withIds: boolean,
): QuestionData[] {
  const byParent = new Map<number | null, QuestionRow[]>();
  for (const q of qRows) {
    const list = byParent.get(q.parentId) ?? [];
    list.push(q);
    byParent.set(q.parentId, list);
  }
  const responseByQ = new Map(rRows.map((r) => [r.questionId, r]));
  const exemptionsByQ = new Map<number, ExemptionRow[]>();
  for (const e of eRows) exemptionsByQ.set(e.questionId, [...(exemptionsByQ.get(e.questionId) ?? []), e]);
  const factorsByE = new Map<number, FactorRow[]>();
  for (const f of fRows) factorsByE.set(f.exemptionId, [...(factorsByE.get(f.exemptionId) ?? []), f]);

  const build = (parentId: number | null): QuestionData[] =>
    (byParent.get(parentId) ?? []).map((q) => {
      const parts = build(q.id);
      const r = responseByQ.get(q.id);
      const out: QuestionData = withIds
        ? { id: q.key, number: q.number, text: q.text }
        : { number: q.number, text: q.text };
      if (parts.length) out.parts = parts;
      if (r) out.response = toResponse(r, exemptionsByQ.get(q.id), factorsByE);
      return out;
    });
  return build(null);
}

function toResponse(
  r: ResponseRow,
  exemptionRows: ExemptionRow[] | undefined,
  factorsByE: Map<number, FactorRow[]>,
): QuestionResponse {
  const exemptions = exemptionRows
    ?.filter((e) => e.position >= 0)
    .map((e): AppliedExemption => {
      const factors = factorsByE.get(e.id) ?? [];
      const ex = omitNulls({
        provision: e.provision,
        title: e.title,
        likelihood: e.likelihood,
        reason: e.reason,
      }) as AppliedExemption;
      if (e.piConclusion !== null) {
        ex.publicInterest = {
          forDisclosure: factors.filter((f) => f.side === 'for-disclosure').map((f) => f.text),
          forWithholding: factors.filter((f) => f.side === 'for-withholding').map((f) => f.text),
          conclusion: e.piConclusion,
        };
      }
      return ex;
    });
  return omitNulls({
    outcome: r.outcome,
    heldStatement: r.heldStatement,
    seeQuestion: r.seeQuestion,
    link: r.link,
    text: r.text,
    exemptions: exemptionRows ? exemptions : undefined,
    footnotes: r.footnotes,
  }) as QuestionResponse;
}

/**
 * The whole case in the interchange format, keys in the documented order. With `ids` (the case
 * page), each question also carries its stable id; exports and letters leave them out. With
 * `events` (the export), the case's clock events come last, in the order they happened, and the
 * key is left out when there are none.
 */
export function getCaseRecord(
  db: CaseDb,
  id: number,
  { ids = false, events = false } = {},
): CaseRecord | undefined {
  const row = getCaseRow(db, id);
  if (!row) return undefined;
  const requester = db.select().from(requesters).where(eq(requesters.id, row.requesterId)).get();
  if (!requester) return undefined;
  return buildCaseRecord(
    row,
    requester,
    loadQuestions(db, id, { ids }),
    events ? listCaseEvents(db, id) : [],
  );
}

/**
 * A case in the interchange format from its rows (the export reads them with statements it
 * prepares once, db/queries/export.ts; getCaseRecord one query at a time).
 */
export function buildCaseRecord(
  row: CaseRow,
  requester: RequesterRow,
  questionTree: QuestionData[],
  eventRows: CaseEventRow[],
): CaseRecord {
  return omitNulls({
    format: CASE_FORMAT,
    reference: row.reference,
    ourRef: row.ourRef,
    regime: row.regime,
    reviewOf: row.reviewOf,
    received: row.received,
    channel: row.channel,
    requester: omitNulls({
      name: requester.name,
      email: requester.email,
      address: requester.address,
      organisation: requester.organisation,
      category: requester.category,
    }) as CaseRecord['requester'],
    subject: row.subject,
    requestText: row.requestText,
    questions: questionTree,
    status: row.status,
    outcome: row.outcome,
    responded: row.responded,
    lateReason: row.lateReason,
    lateDepartment: row.lateDepartment,
    officer: row.officer,
    department: row.department,
    sensitive: row.sensitive ? true : null,
    signatory:
      row.signatoryName !== null ? { name: row.signatoryName, title: row.signatoryTitle ?? '' } : undefined,
    enclosures: row.enclosures,
    fee: row.fee,
    letterDetails: row.letterDetails,
    commissionerComplaintReceived: row.commissionerComplaintReceived,
    commissionerDecision: row.commissionerDecision,
    commissionerDecisionRef: row.commissionerDecisionRef,
    events: eventsOf(eventRows),
  }) as CaseRecord;
}

function eventsOf(rows: CaseEventRow[]): CaseEventData[] | undefined {
  if (rows.length === 0) return undefined;
  return rows.map(
    (e) =>
      omitNulls({
        type: e.type,
        date: e.date,
        until: e.until,
        months: e.months,
        awaiting: e.awaiting,
        note: e.note,
      }) as CaseEventData,
  );
}

export function listCaseIds(db: CaseDb): number[] {
  return db
    .select({ id: cases.id })
    .from(cases)
    .orderBy(asc(cases.id))
    .all()
    .map((r) => r.id);
}

export function countCases(db: CaseDb): number {
  return Number(db.$client.prepare('SELECT count(*) AS n FROM cases').pluck().get());
}

export type CaseEventRow = typeof caseEvents.$inferSelect;
export function listCaseEvents(db: CaseDb, caseId: number): CaseEventRow[] {
  return preparedQuery(db, 'cases.events', () =>
    db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, sql.placeholder('caseId')))
      .orderBy(asc(caseEvents.date), asc(caseEvents.id))
      .prepare(),
  ).all({ caseId });
}

/** One row per case, in the order logged: what the register's CSV export holds. */
export interface RegisterRow {
  reference: string;
  regime: string;
  received: string;
  due: string | null;
  status: string;
  outcome: string | null;
  responded: string | null;
  subject: string;
}

export function listRegisterRows(db: CaseDb): RegisterRow[] {
  return db.$client
    .prepare(
      'SELECT reference, regime, received, due_date AS due, status, outcome, responded, subject FROM cases ORDER BY id',
    )
    .all() as RegisterRow[];
}
