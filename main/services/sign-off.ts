/**
 * Sign-off for a case's letters, over the rules in shared/sign-off.ts: where each version stands,
 * the steps (each in the same transaction as its audit entry), and the checks that sending a
 * letter and closing a case call. The approval is of a letter version as it stood with the case's
 * answers: the fingerprint below is what "as it stood" means.
 */
import { createHash } from 'node:crypto';
import { inTransaction, type CaseDb } from '../../db/case-file';
import { recordAudit } from '../../db/queries/audit';
import { getCaseRecord } from '../../db/queries/cases';
import { listOfficers } from '../../db/queries/case-edits';
import { getLetterVersion, listLetterVersions, type LetterVersionRow } from '../../db/queries/letters';
import {
  caseHasSentLetter,
  getSignOffPolicy,
  insertSignOffStep,
  listSignOffSteps,
  setCaseSensitive,
} from '../../db/queries/sign-off';
import type { CaseOutcome, CaseRecord } from '../../shared/case-format';
import { AppError } from '../../shared/errors';
import {
  closeSignOffProblems,
  decisionProblems,
  requestProblems,
  sameOfficer,
  sendProblems,
  signOffReason,
  versionSignOff,
  type SignOffStatus,
  type SignOffStep,
  type VersionSignOff,
} from '../../shared/sign-off';
import { letterDocumentSchema } from '../../templates/index';

function requireCaseRecord(db: CaseDb, caseId: number): CaseRecord {
  const record = getCaseRecord(db, caseId);
  if (!record) throw new AppError('not-found', 'That case is not in the case file.');
  return record;
}

function requireVersion(db: CaseDb, versionId: number): LetterVersionRow {
  const row = getLetterVersion(db, versionId);
  if (!row) throw new AppError('not-found', 'That letter version is not in the case file.');
  return row;
}

/**
 * What an approval is of: the letter version's own text and details, and what the response says
 * on the case (each answer with its exemptions and public interest test, the letter details, fee,
 * enclosures, signatory and the requester it goes to). The status, outcome and response date are
 * left out, so closing the case does not undo an approval; the sensitive flag is sign-off's own.
 */
export function signOffFingerprint(record: CaseRecord, row: LetterVersionRow): string {
  const answers = {
    questions: record.questions,
    letterDetails: record.letterDetails ?? null,
    fee: record.fee ?? null,
    enclosures: record.enclosures ?? null,
    signatory: record.signatory ?? null,
    ourRef: record.ourRef ?? null,
    requester: record.requester,
  };
  return createHash('sha256')
    .update(JSON.stringify([row.id, row.document, answers]))
    .digest('hex');
}

function stateOf(steps: readonly SignOffStep[], row: LetterVersionRow, record: CaseRecord): VersionSignOff {
  return versionSignOff(
    steps.filter((s) => s.versionId === row.id),
    signOffFingerprint(record, row),
  );
}

/** Why this version may not be sent now (empty: it may); the letters' mark-sent calls this. */
export function letterSendProblems(db: CaseDb, row: LetterVersionRow): string[] {
  const record = requireCaseRecord(db, row.caseId);
  const reason = signOffReason(getSignOffPolicy(db), record);
  if (reason === null) return [];
  return sendProblems(reason, stateOf(listSignOffSteps(db, row.caseId), row, record));
}

/** What closing the case with `outcome` needs under sign-off; the case update calls this. */
export function caseCloseSignOffProblems(
  db: CaseDb,
  caseId: number,
  outcome: CaseOutcome | null | undefined,
): string[] {
  const record = requireCaseRecord(db, caseId);
  return closeSignOffProblems(signOffReason(getSignOffPolicy(db), record), {
    outcome,
    letterSent: caseHasSentLetter(db, caseId),
  });
}

export function signOffStatus(db: CaseDb, caseId: number, you: string): SignOffStatus {
  const record = requireCaseRecord(db, caseId);
  const policy = getSignOffPolicy(db);
  const reason = signOffReason(policy, record);
  const steps = listSignOffSteps(db, caseId);
  const newest = new Map<string, LetterVersionRow>();
  for (const row of listLetterVersions(db, caseId)) {
    const seen = newest.get(row.templateId);
    if (!seen || row.version > seen.version) newest.set(row.templateId, row);
  }
  const versions = [...newest.values()].map((row) => {
    const signOff = stateOf(steps, row, record);
    return {
      versionId: row.id,
      templateId: row.templateId,
      version: row.version,
      title: letterDocumentSchema.parse(row.document).meta.title,
      sent: row.sentAt !== null,
      signOff,
      sendProblems: row.sentAt ? [] : sendProblems(reason, signOff),
    };
  });
  return {
    caseId,
    sensitive: record.sensitive === true,
    policy,
    reason,
    you,
    approvers: listOfficers(db)
      .filter((o) => o.active && !sameOfficer(o.name, you))
      .map((o) => o.name),
    versions,
    steps,
  };
}

function refuseIf(problems: readonly string[]): void {
  if (problems.length > 0) throw new AppError('validation', problems.join(' '));
}

/** Asks `approver` to approve the version as it is now. */
export function requestApproval(
  db: CaseDb,
  actor: string,
  input: { versionId: number; approver: string; note?: string | undefined },
): number {
  const row = requireVersion(db, input.versionId);
  return inTransaction(db, (tx) => {
    const record = requireCaseRecord(tx, row.caseId);
    const state = stateOf(listSignOffSteps(tx, row.caseId), row, record);
    const officers = listOfficers(tx).filter((o) => o.active);
    refuseIf(
      requestProblems({
        requestedBy: actor,
        approver: input.approver,
        officers: officers.map((o) => o.name),
        sent: row.sentAt !== null,
        state,
      }),
    );
    // The name as the officers list spells it, whatever case it was typed in.
    const approver = officers.find((o) => sameOfficer(o.name, input.approver))?.name ?? input.approver;
    const note = input.note?.trim() || null;
    insertSignOffStep(tx, {
      caseId: row.caseId,
      versionId: row.id,
      kind: 'requested',
      actor,
      approver,
      comment: note,
      fingerprint: signOffFingerprint(record, row),
    });
    recordAudit(tx, {
      actor,
      caseId: row.caseId,
      action: 'approval-requested',
      entity: 'letter',
      field: row.templateId,
      newValue: { version: row.version, approver, ...(note ? { comment: note } : {}) },
    });
    return row.caseId;
  });
}

/** The named approver approves the version, or returns it with a comment. */
export function decideApproval(
  db: CaseDb,
  actor: string,
  input: { versionId: number; decision: 'approved' | 'returned'; comment?: string | undefined },
): number {
  const row = requireVersion(db, input.versionId);
  return inTransaction(db, (tx) => {
    const record = requireCaseRecord(tx, row.caseId);
    const state = stateOf(listSignOffSteps(tx, row.caseId), row, record);
    refuseIf(
      decisionProblems({
        actor,
        decision: input.decision,
        comment: input.comment,
        sent: row.sentAt !== null,
        state,
      }),
    );
    const comment = input.decision === 'returned' ? (input.comment?.trim() ?? null) : null;
    insertSignOffStep(tx, {
      caseId: row.caseId,
      versionId: row.id,
      kind: input.decision,
      actor,
      comment,
      fingerprint: signOffFingerprint(record, row),
    });
    recordAudit(tx, {
      actor,
      caseId: row.caseId,
      action: input.decision === 'approved' ? 'approval-given' : 'approval-returned',
      entity: 'letter',
      field: row.templateId,
      newValue: { version: row.version, ...(comment ? { comment } : {}) },
    });
    return row.caseId;
  });
}

export function flagSensitive(db: CaseDb, actor: string, caseId: number, sensitive: boolean): void {
  inTransaction(db, (tx) => {
    const record = requireCaseRecord(tx, caseId);
    const before = record.sensitive === true;
    if (before === sensitive) return;
    setCaseSensitive(tx, caseId, sensitive);
    recordAudit(tx, {
      actor,
      caseId,
      action: 'update',
      entity: 'case',
      field: 'sensitive',
      oldValue: before ? 'yes' : 'no',
      newValue: sensitive ? 'yes' : 'no',
    });
  });
}
