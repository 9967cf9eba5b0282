/**
 * Retention (issue #14): the closed cases with what the schedule needs (closure, appeal), and the
 * SQL of disposal — deleting a case with everything that hangs off it, or anonymising it in place —
 * and the clean-up that leaves no copy of what was removed in the file's free space or indexes.
 */
import type { CaseDb } from '../case-file';
import type { Regime } from '../../shared/case-format';
import { scrubAuditEntry } from '../../shared/retention';
import { getSettingValue, setSetting } from './settings';

export const RETENTION_SETTING = 'retentionSchedule';

export function getStoredRetentionSchedule(db: CaseDb): unknown {
  return getSettingValue<unknown>(db, RETENTION_SETTING);
}

export function storeRetentionSchedule(db: CaseDb, schedule: unknown): void {
  setSetting(db, RETENTION_SETTING, schedule);
}

/**
 * THE ONE PLACE that says whether a case was appealed and when its appeal ended, as a table of
 * `(reference_key, appeal_closed, open_reviews)`: an internal review (a review case whose `reviewOf`
 * names the request, compared as shared/case-lifecycle.ts referenceKey does, spaces and case aside;
 * it ends when the latest review is closed) or a complaint to the Commissioner
 * (`cases.commissioner_complaint_received`; open until a decision is recorded).
 */
export const APPEALS_SQL = `SELECT reference_key, max(appeal_closed) AS appeal_closed, sum(open) AS open_reviews
  FROM (
    SELECT lower(replace(r.review_of, ' ', '')) AS reference_key,
      CASE WHEN r.status = 'closed' THEN r.responded END AS appeal_closed, r.status <> 'closed' AS open
    FROM cases r WHERE r.review_of IS NOT NULL AND trim(r.review_of) <> ''
    UNION ALL
    -- A complaint to the Commissioner (shared/commissioner.ts) is an appeal too: open until its
    -- decision is recorded; the file keeps no decision date, so the complaint's date stands for it.
    SELECT lower(replace(c.reference, ' ', '')), c.commissioner_complaint_received, c.commissioner_decision IS NULL
    FROM cases c WHERE c.commissioner_complaint_received IS NOT NULL
  )
  GROUP BY reference_key`;

export interface RetentionRow {
  id: number;
  reference: string;
  regime: Regime;
  subject: string;
  received: string;
  /** The date it was closed: the response date (the last change for a closed case without one). */
  closed: string;
  outcome: string | null;
  appealed: boolean;
  appealClosed: string | null;
  appealOpen: boolean;
}

/** Every closed case not already anonymised, with its closure and appeal (for the schedule). */
export function listClosedForRetention(db: CaseDb): RetentionRow[] {
  const rows = db.$client
    .prepare(
      `WITH appeals AS (${APPEALS_SQL})
      SELECT c.id AS id, c.reference AS reference, c.regime AS regime, c.subject AS subject,
        c.received AS received, coalesce(c.responded, substr(c.updated_at, 1, 10), c.received) AS closed,
        c.outcome AS outcome, a.reference_key IS NOT NULL AS appealed, a.appeal_closed AS appealClosed,
        coalesce(a.open_reviews, 0) > 0 AS appealOpen
      FROM cases c LEFT JOIN appeals a ON a.reference_key = lower(replace(c.reference, ' ', ''))
      WHERE c.status = 'closed' AND NOT EXISTS (SELECT 1 FROM case_anonymised n WHERE n.case_id = c.id)`,
    )
    .all() as (Omit<RetentionRow, 'appealed' | 'appealOpen'> & { appealed: number; appealOpen: number })[];
  return rows.map((r) => ({ ...r, appealed: r.appealed === 1, appealOpen: r.appealOpen === 1 }));
}

/** Whether the request a review names (by reference key) is in the file and not anonymised. */
export function originalStillWhole(db: CaseDb, reviewOf: string): boolean {
  return (
    db.$client
      .prepare(
        `SELECT 1 FROM cases c WHERE lower(replace(c.reference, ' ', '')) = lower(replace(?, ' ', ''))
          AND NOT EXISTS (SELECT 1 FROM case_anonymised n WHERE n.case_id = c.id)`,
      )
      .get(reviewOf) !== undefined
  );
}

export function isAnonymised(db: CaseDb, caseId: number): boolean {
  return db.$client.prepare('SELECT 1 FROM case_anonymised WHERE case_id = ?').get(caseId) !== undefined;
}

/** The tables that hang off a case and go whole when it is deleted or anonymised. */
const CASE_ATTACHED = [
  'letter_versions',
  'drafts',
  'attachments',
  'case_emails',
  'disclosure_choices',
  'disclosure_decisions',
] as const;

/** Removes the requester row if no case uses it any more. */
function dropRequesterIfUnused(db: CaseDb, requesterId: number): void {
  db.$client
    .prepare(
      'DELETE FROM requesters WHERE id = ? AND NOT EXISTS (SELECT 1 FROM cases WHERE requester_id = ?)',
    )
    .run(requesterId, requesterId);
}

/**
 * Deletes a case and everything of it: questions, answers, exemptions and their factors, clock
 * events, letters, drafts, files, its email, disclosure choices and decisions (the foreign keys
 * cascade; named here too so nothing depends on a pragma), its audit entries, its requester when no
 * other case has them, and its rows in both search indexes (the delete trigger). Call in a transaction.
 */
export function deleteCaseRows(db: CaseDb, caseId: number): void {
  const c = db.$client.prepare('SELECT requester_id AS requesterId FROM cases WHERE id = ?').get(caseId) as
    { requesterId: number } | undefined;
  if (!c) return;
  for (const table of CASE_ATTACHED) db.$client.prepare(`DELETE FROM ${table} WHERE case_id = ?`).run(caseId);
  db.$client.prepare('DELETE FROM case_events WHERE case_id = ?').run(caseId);
  db.$client.prepare('DELETE FROM questions WHERE case_id = ?').run(caseId);
  db.$client.prepare('DELETE FROM audit_log WHERE case_id = ?').run(caseId);
  db.$client.prepare('DELETE FROM cases WHERE id = ?').run(caseId);
  dropRequesterIfUnused(db, c.requesterId);
}

export interface CaseTexts {
  subject: string;
  requestText: string;
  lateReason: string | null;
  questions: { id: number; text: string }[];
  responses: {
    questionId: number;
    text: string | null;
    heldStatement: string | null;
    link: string | null;
    footnotes: string[] | null;
  }[];
  requester: {
    id: number;
    name: string;
    email: string | null;
    address: string | null;
    category: string | null;
  };
}

/** The free texts of a case and its requester, for the anonymiser to clean. */
export function readCaseTexts(db: CaseDb, caseId: number): CaseTexts | undefined {
  const c = db.$client
    .prepare(
      `SELECT c.subject AS subject, c.request_text AS requestText, c.late_reason AS lateReason,
        r.id AS rid, r.name AS name, r.email AS email, r.address AS address, r.category AS category
      FROM cases c JOIN requesters r ON r.id = c.requester_id WHERE c.id = ?`,
    )
    .get(caseId) as
    | {
        subject: string;
        requestText: string;
        lateReason: string | null;
        rid: number;
        name: string;
        email: string | null;
        address: string | null;
        category: string | null;
      }
    | undefined;
  if (!c) return undefined;
  const questions = db.$client
    .prepare('SELECT id, text FROM questions WHERE case_id = ?')
    .all(caseId) as CaseTexts['questions'];
  const responses = (
    db.$client
      .prepare(
        `SELECT s.question_id AS questionId, s.text AS text, s.held_statement AS heldStatement,
          s.link AS link, s.footnotes AS footnotes
        FROM responses s JOIN questions q ON q.id = s.question_id WHERE q.case_id = ?`,
      )
      .all(caseId) as (Omit<CaseTexts['responses'][number], 'footnotes'> & { footnotes: string | null })[]
  ).map((r) => ({ ...r, footnotes: r.footnotes ? (JSON.parse(r.footnotes) as string[]) : null }));
  return {
    subject: c.subject,
    requestText: c.requestText,
    lateReason: c.lateReason,
    questions,
    responses,
    requester: { id: c.rid, name: c.name, email: c.email, address: c.address, category: c.category },
  };
}

export interface CleanTexts {
  subject: string;
  requestText: string;
  lateReason: string | null;
  questions: Map<number, string>;
  responses: Map<
    number,
    { text: string | null; heldStatement: string | null; link: string | null; footnotes: string[] | null }
  >;
}

/**
 * Anonymises a case in place (call in a transaction): a new requester with no identity (the
 * category kept) and the old one dropped when unused; the cleaned texts; exemption reasoning,
 * public interest factors, clock event notes, enclosures, fee and letter wording removed; letters,
 * drafts, files, the email, disclosure choices and decisions deleted; every audit entry of the case
 * scrubbed (shared/retention.ts scrubAuditEntry); the case marked anonymised.
 */
export function anonymiseCaseRows(db: CaseDb, caseId: number, texts: CleanTexts, actor: string): void {
  const old = db.$client
    .prepare(
      'SELECT r.id AS id, r.category AS category FROM cases c JOIN requesters r ON r.id = c.requester_id WHERE c.id = ?',
    )
    .get(caseId) as { id: number; category: string | null } | undefined;
  if (!old) return;
  const fresh = db.$client
    .prepare(`INSERT INTO requesters (name, category) VALUES ('Anonymised requester', ?) RETURNING id`)
    .get(old.category) as { id: number };
  db.$client
    .prepare(
      `UPDATE cases SET requester_id = ?, subject = ?, request_text = ?, late_reason = ?, enclosures = NULL,
        fee = NULL, letter_details = NULL, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
    )
    .run(fresh.id, texts.subject, texts.requestText, texts.lateReason, caseId);
  dropRequesterIfUnused(db, old.id);
  const setQuestion = db.$client.prepare('UPDATE questions SET text = ? WHERE id = ?');
  for (const [id, text] of texts.questions) setQuestion.run(text, id);
  const setResponse = db.$client.prepare(
    'UPDATE responses SET text = ?, held_statement = ?, link = ?, footnotes = ? WHERE question_id = ?',
  );
  for (const [id, r] of texts.responses)
    setResponse.run(r.text, r.heldStatement, r.link, r.footnotes ? JSON.stringify(r.footnotes) : null, id);
  db.$client
    .prepare(
      `DELETE FROM public_interest_factors WHERE exemption_id IN (SELECT x.id FROM applied_exemptions x
        JOIN questions q ON q.id = x.question_id WHERE q.case_id = ?)`,
    )
    .run(caseId);
  db.$client
    .prepare(
      `UPDATE applied_exemptions SET reason = '', pi_conclusion = NULL
        WHERE question_id IN (SELECT id FROM questions WHERE case_id = ?)`,
    )
    .run(caseId);
  db.$client.prepare('UPDATE case_events SET note = NULL WHERE case_id = ?').run(caseId);
  for (const table of CASE_ATTACHED) db.$client.prepare(`DELETE FROM ${table} WHERE case_id = ?`).run(caseId);
  scrubCaseAudit(db, caseId);
  db.$client.prepare('INSERT INTO case_anonymised (case_id, anonymised_by) VALUES (?, ?)').run(caseId, actor);
}

/** Every audit entry of a case rewritten with nothing of the requester in it. */
export function scrubCaseAudit(db: CaseDb, caseId: number): void {
  const rows = db.$client
    .prepare(
      'SELECT id, action, entity, field, old_value AS oldValue, new_value AS newValue FROM audit_log WHERE case_id = ?',
    )
    .all(caseId) as {
    id: number;
    action: string;
    entity: string;
    field: string | null;
    oldValue: string | null;
    newValue: string | null;
  }[];
  const update = db.$client.prepare(
    'UPDATE audit_log SET field = ?, old_value = ?, new_value = ? WHERE id = ?',
  );
  for (const row of rows) {
    const clean = scrubAuditEntry(row);
    if (clean.field !== row.field || clean.oldValue !== row.oldValue || clean.newValue !== row.newValue)
      update.run(clean.field, clean.oldValue, clean.newValue, row.id);
  }
}

/**
 * After a disposal, outside any transaction: what was removed must not survive anywhere in the
 * file. `secure_delete` zeroes what is freed from now on; both FTS5 indexes are merged into one
 * segment ('optimize': a contentless table keeps a deleted row's tokens, marked deleted, until its
 * segments merge), so the old segments holding the tokens are freed; VACUUM writes every page
 * afresh (free space and freed pages from edits made before, when secure_delete was off, still
 * hold old values); the WAL is checkpointed and truncated, so no old page image stays in it.
 */
export function purgeFreedSpace(db: CaseDb): void {
  const sqlite = db.$client;
  const before = Number(sqlite.pragma('secure_delete', { simple: true }));
  sqlite.pragma('secure_delete = ON');
  try {
    sqlite.exec(`INSERT INTO cases_words (cases_words) VALUES ('optimize')`);
    sqlite.exec(`INSERT INTO cases_trigram (cases_trigram) VALUES ('optimize')`);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.exec('VACUUM');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    sqlite.pragma(`secure_delete = ${before ? 'ON' : 'OFF'}`);
  }
}
