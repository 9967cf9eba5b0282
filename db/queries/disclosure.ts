/**
 * The disclosure log's rows: which closed cases are chosen for it, and the officer's decision on
 * each possible piece of personal data (migration 0010). Each change is in the audit log.
 */
import type { CaseDb } from '../case-file';
import type { DisclosureAnswer, DisclosureDecision, DisclosureSource } from '../../shared/disclosure-log';
import type { QuestionData } from '../../shared/case-format';
import { loadQuestions } from './cases';
import { recordAudit } from './audit';

interface SourceRow {
  id: number;
  reference: string;
  regime: string;
  received: string;
  responded: string;
  subject: string;
  requestText: string;
  name: string;
  email: string | null;
  address: string | null;
}

const SOURCE_SQL = `SELECT c.id AS id, c.reference AS reference, c.regime AS regime, c.received AS received,
  c.responded AS responded, c.subject AS subject, c.request_text AS requestText,
  r.name AS name, r.email AS email, r.address AS address
  FROM disclosure_choices d JOIN cases c ON c.id = d.case_id JOIN requesters r ON r.id = c.requester_id`;

function answersOf(questions: readonly QuestionData[]): DisclosureAnswer[] {
  const out: DisclosureAnswer[] = [];
  const walk = (list: readonly QuestionData[]) => {
    for (const q of list) {
      const r = q.response;
      out.push({
        number: q.number,
        question: q.text,
        outcome: r?.outcome ?? 'unanswered',
        answer: [r?.heldStatement, r?.text].filter(Boolean).join('\n'),
        exemptions: (r?.exemptions ?? []).map((e) => e.provision).filter(Boolean),
      });
      if (q.parts) walk(q.parts);
    }
  };
  walk(questions);
  return out;
}

function toSource(db: CaseDb, row: SourceRow): DisclosureSource {
  const requester: DisclosureSource['requester'] = { name: row.name };
  if (row.email) requester.email = row.email;
  if (row.address) requester.address = row.address;
  return {
    caseId: row.id,
    reference: row.reference,
    regime: row.regime,
    received: row.received,
    responded: row.responded,
    subject: row.subject,
    requestText: row.requestText,
    answers: answersOf(loadQuestions(db, row.id)),
    requester,
  };
}

/** The chosen cases answered from `from` to `to` (inclusive), in the order they were answered. */
export function listDisclosureSources(db: CaseDb, from: string, to: string): DisclosureSource[] {
  const rows = db.$client
    .prepare(
      `${SOURCE_SQL} WHERE c.status = 'closed' AND c.responded BETWEEN ? AND ? ORDER BY c.responded, c.reference`,
    )
    .all(from, to) as SourceRow[];
  return rows.map((row) => toSource(db, row));
}

export function getDisclosureSource(db: CaseDb, caseId: number): DisclosureSource | undefined {
  const row = db.$client.prepare(`${SOURCE_SQL} WHERE c.id = ?`).get(caseId) as SourceRow | undefined;
  return row ? toSource(db, row) : undefined;
}

export function isChosenForLog(db: CaseDb, caseId: number): boolean {
  return db.$client.prepare('SELECT 1 FROM disclosure_choices WHERE case_id = ?').get(caseId) !== undefined;
}

export function setChosenForLog(db: CaseDb, caseId: number, chosen: boolean, actor: string): void {
  if (chosen === isChosenForLog(db, caseId)) return;
  if (chosen) {
    db.$client
      .prepare('INSERT INTO disclosure_choices (case_id, chosen_by) VALUES (?, ?)')
      .run(caseId, actor);
  } else {
    db.$client.prepare('DELETE FROM disclosure_choices WHERE case_id = ?').run(caseId);
  }
  recordAudit(db, {
    actor,
    caseId,
    action: 'disclosure-choice',
    entity: 'disclosure-log',
    field: null,
    oldValue: chosen ? null : 'chosen',
    newValue: chosen ? 'chosen' : 'not-chosen',
  });
}

export function disclosureDecisions(db: CaseDb, caseId: number): Map<string, DisclosureDecision> {
  const rows = db.$client
    .prepare('SELECT finding, action FROM disclosure_decisions WHERE case_id = ?')
    .all(caseId) as { finding: string; action: DisclosureDecision }[];
  return new Map(rows.map((r) => [r.finding, r.action]));
}

/** Records the decision on a finding; `kindLabel` (never the finding's text) goes in the audit log. */
export function setDisclosureDecision(
  db: CaseDb,
  change: { caseId: number; finding: string; action: DisclosureDecision; actor: string; kindLabel: string },
): void {
  db.$client
    .prepare(
      `INSERT INTO disclosure_decisions (case_id, finding, action, decided_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (case_id, finding) DO UPDATE SET action = excluded.action, decided_by = excluded.decided_by,
       decided_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
    )
    .run(change.caseId, change.finding, change.action, change.actor);
  recordAudit(db, {
    actor: change.actor,
    caseId: change.caseId,
    action: 'disclosure-decision',
    entity: 'disclosure-log',
    field: change.kindLabel,
    oldValue: null,
    newValue: change.action,
  });
}
