/**
 * Bulk writes for the import: each statement prepared once per import and run for every row
 * (compiling a drizzle statement per row took ~70% of an import's time). The rows written are
 * the ones insertCaseRecord, insertCaseEvent and recordAudit write, column for column; the FTS
 * triggers keep the search index as they do for any insert. Call inside a transaction.
 */
import type { Statement } from 'better-sqlite3';
import type { CaseDb } from '../case-file';
import type {
  AppliedExemption,
  CaseEventData,
  CaseRecord,
  QuestionData,
  QuestionResponse,
} from '../../shared/case-format';
import type { AuditRecord } from './audit';
import { newQuestionId } from './cases';

export class CaseWriter {
  private readonly requester: Statement;
  private readonly kase: Statement;
  private readonly question: Statement;
  private readonly response: Statement;
  private readonly exemption: Statement;
  private readonly factor: Statement;
  private readonly event: Statement;
  private readonly audit: Statement;

  constructor(db: CaseDb) {
    const sql = db.$client;
    this.requester = sql.prepare(
      'INSERT INTO requesters (name, email, address, organisation, category) VALUES (?, ?, ?, ?, ?)',
    );
    this.kase = sql.prepare(
      `INSERT INTO cases (reference, our_ref, regime, received, channel, requester_id, subject, request_text,
        status, outcome, responded, officer, signatory_name, signatory_title, enclosures, due_date,
        statutory_due, department, late_reason, late_department, review_of, fee, letter_details,
        commissioner_complaint_received, commissioner_decision, commissioner_decision_ref, sensitive)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.question = sql.prepare(
      'INSERT INTO questions (case_id, parent_id, position, number, text, key) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.response = sql.prepare(
      `INSERT INTO responses (question_id, outcome, held_statement, see_question, link, text, footnotes)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.exemption = sql.prepare(
      `INSERT INTO applied_exemptions (question_id, position, provision, title, likelihood, reason, pi_conclusion)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.factor = sql.prepare(
      'INSERT INTO public_interest_factors (exemption_id, side, position, text) VALUES (?, ?, ?, ?)',
    );
    this.event = sql.prepare(
      'INSERT INTO case_events (case_id, type, date, until, months, awaiting, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.audit = sql.prepare(
      `INSERT INTO audit_log (actor, case_id, action, entity, field, old_value, new_value)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** One case with its requester, questions, answers, exemptions and clock events; returns its id. */
  insertCase(record: CaseRecord, dueDate: string | null, statutoryDue: string | null = dueDate): number {
    const r = record.requester;
    const requesterId = this.requester.run(
      r.name,
      r.email ?? null,
      r.address ?? null,
      r.organisation ?? null,
      r.category ?? null,
    ).lastInsertRowid;
    const caseId = Number(
      this.kase.run(
        record.reference,
        record.ourRef ?? null,
        record.regime,
        record.received,
        record.channel ?? null,
        requesterId,
        record.subject,
        record.requestText,
        record.status,
        record.outcome ?? null,
        record.responded ?? null,
        record.officer ?? null,
        record.signatory?.name ?? null,
        record.signatory?.title ?? null,
        record.enclosures ? JSON.stringify(record.enclosures) : null,
        dueDate,
        statutoryDue,
        record.department ?? null,
        record.lateReason ?? null,
        record.lateDepartment ?? null,
        record.reviewOf ?? null,
        record.fee ? JSON.stringify(record.fee) : null,
        record.letterDetails ? JSON.stringify(record.letterDetails) : null,
        record.commissionerComplaintReceived ?? null,
        record.commissionerDecision ?? null,
        record.commissionerDecisionRef ?? null,
        record.sensitive === true ? 1 : 0,
      ).lastInsertRowid,
    );
    this.insertQuestions(caseId, null, record.questions);
    for (const event of record.events ?? []) this.insertEvent(caseId, event);
    return caseId;
  }

  private insertQuestions(caseId: number, parentId: number | null, list: readonly QuestionData[]): void {
    list.forEach((q, position) => {
      const id = Number(
        this.question.run(caseId, parentId, position, q.number, q.text, q.id ?? newQuestionId())
          .lastInsertRowid,
      );
      if (q.response) this.insertResponse(id, q.response);
      if (q.parts) this.insertQuestions(caseId, id, q.parts);
    });
  }

  private insertResponse(questionId: number, response: QuestionResponse): void {
    this.response.run(
      questionId,
      response.outcome,
      response.heldStatement ?? null,
      response.seeQuestion ?? null,
      response.link ?? null,
      response.text ?? null,
      response.footnotes ? JSON.stringify(response.footnotes) : null,
    );
    if (response.exemptions) this.insertExemptions(questionId, response.exemptions);
  }

  private insertExemptions(questionId: number, list: readonly AppliedExemption[]): void {
    // `exemptions: []` is recorded by a sentinel at position -1, as insertCaseRecord does.
    if (list.length === 0) {
      this.exemption.run(questionId, -1, '', null, null, '', null);
      return;
    }
    list.forEach((ex, position) => {
      const id = this.exemption.run(
        questionId,
        position,
        ex.provision,
        ex.title ?? null,
        ex.likelihood ?? null,
        ex.reason,
        ex.publicInterest ? ex.publicInterest.conclusion : null,
      ).lastInsertRowid;
      (ex.publicInterest?.forDisclosure ?? []).forEach((text, i) =>
        this.factor.run(id, 'for-disclosure', i, text),
      );
      (ex.publicInterest?.forWithholding ?? []).forEach((text, i) =>
        this.factor.run(id, 'for-withholding', i, text),
      );
    });
  }

  private insertEvent(caseId: number, event: CaseEventData): void {
    this.event.run(
      caseId,
      event.type,
      event.date,
      event.until ?? null,
      event.months ?? null,
      event.awaiting ?? null,
      event.note ?? null,
    );
  }

  recordAudit(entry: AuditRecord): void {
    const asText = (v: unknown) =>
      v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v);
    this.audit.run(
      entry.actor,
      entry.caseId ?? null,
      entry.action,
      entry.entity,
      entry.field ?? null,
      asText(entry.oldValue),
      asText(entry.newValue),
    );
  }
}
