/**
 * The disclosure log for a period: the chosen cases, the personal-data findings and the officer's
 * decisions, and the published file (CSV or a static HTML page). An export is refused while a
 * finding is undecided unless the officer accepts them as they are (`acceptFlags`); the requester
 * is left out whatever is chosen. The rules are in shared/disclosure-log.ts and
 * shared/personal-data.ts; this only reads and writes the case file.
 */
import { inTransaction, type CaseDb } from '../../db/case-file';
import {
  disclosureDecisions,
  getDisclosureSource,
  isChosenForLog,
  listDisclosureSources,
  setChosenForLog,
  setDisclosureDecision,
} from '../../db/queries/disclosure';
import { getCaseRow } from '../../db/queries/cases';
import { getOrganisation } from '../../db/queries/organisation';
import {
  disclosureChoiceProblems,
  disclosureCsv,
  disclosureFindings,
  disclosureHtml,
  publishedEntry,
  type DisclosureDecision,
} from '../../shared/disclosure-log';
import type { DisclosurePreview } from '../../shared/contract';
import { QUESTION_OUTCOME_LABELS } from '../../shared/labels';
import { AppError } from '../../shared/errors';

const outcomeLabel = (o: string) => (o === 'unanswered' ? 'Not answered' : (QUESTION_OUTCOME_LABELS[o] ?? o));

function checkPeriod(from: string, to: string): void {
  if (from > to) throw new AppError('validation', 'The period ends before it starts.', 'to');
}

export function disclosurePreview(db: CaseDb, from: string, to: string): DisclosurePreview {
  checkPeriod(from, to);
  const entries = listDisclosureSources(db, from, to).map((s) => ({
    caseId: s.caseId,
    reference: s.reference,
    responded: s.responded,
    subject: s.subject,
    findings: disclosureFindings(s, disclosureDecisions(db, s.caseId)),
  }));
  const undecided = entries.reduce((n, e) => n + e.findings.filter((f) => f.decision === null).length, 0);
  return { from, to, entries, undecided };
}

export function disclosureChoice(db: CaseDb, caseId: number): { chosen: boolean; problems: string[] } {
  const row = getCaseRow(db, caseId);
  if (!row) throw new AppError('not-found', 'That case is not in the case file (it may have been removed).');
  return { chosen: isChosenForLog(db, caseId), problems: disclosureChoiceProblems(row) };
}

export function chooseForLog(
  db: CaseDb,
  caseId: number,
  chosen: boolean,
  actor: string,
): { chosen: boolean } {
  const row = getCaseRow(db, caseId);
  if (!row) throw new AppError('not-found', 'That case is not in the case file (it may have been removed).');
  if (chosen) {
    const problems = disclosureChoiceProblems(row);
    if (problems.length > 0) throw new AppError('validation', problems.join(' '));
  }
  inTransaction(db, () => setChosenForLog(db, caseId, chosen, actor));
  return { chosen };
}

export function decideFinding(
  db: CaseDb,
  change: { caseId: number; key: string; action: DisclosureDecision; actor: string },
): void {
  const source = getDisclosureSource(db, change.caseId);
  if (!source) throw new AppError('not-found', 'That case is not in the disclosure log.');
  const finding = disclosureFindings(source, disclosureDecisions(db, change.caseId)).find(
    (f) => f.key === change.key,
  );
  if (!finding)
    throw new AppError('not-found', 'That finding is no longer in the case (its text has changed).');
  if (finding.fixed) {
    throw new AppError(
      'validation',
      "The requester's name and address are always left out of the disclosure log.",
    );
  }
  inTransaction(db, () =>
    setDisclosureDecision(db, {
      caseId: change.caseId,
      finding: change.key,
      action: change.action,
      actor: change.actor,
      kindLabel: finding.label.toLowerCase(),
    }),
  );
}

export interface DisclosureFile {
  fileName: string;
  text: string;
  cases: number;
  /** Undecided findings published as they are (only with acceptFlags). */
  accepted: { reference: string; label: string; where: string[] }[];
}

export function renderDisclosureLog(
  db: CaseDb,
  options: { from: string; to: string; format: 'csv' | 'html'; acceptFlags?: boolean | undefined },
): DisclosureFile {
  checkPeriod(options.from, options.to);
  const sources = listDisclosureSources(db, options.from, options.to);
  const accepted: DisclosureFile['accepted'] = [];
  const entries = sources.map((s) => {
    const decisions = disclosureDecisions(db, s.caseId);
    for (const f of disclosureFindings(s, decisions)) {
      if (f.decision === null) accepted.push({ reference: s.reference, label: f.label, where: f.where });
    }
    return publishedEntry(s, decisions, options.acceptFlags === true);
  });
  if (accepted.length > 0 && !options.acceptFlags) {
    const cases = new Set(accepted.map((a) => a.reference));
    throw new AppError(
      'validation',
      `${accepted.length} possible piece${accepted.length === 1 ? '' : 's'} of personal data in ${[...cases].join(', ')} ${
        accepted.length === 1 ? 'is' : 'are'
      } not decided yet: remove or keep each before the log is published.`,
    );
  }
  const organisation = getOrganisation(db)?.name ?? 'Disclosure log';
  const text =
    options.format === 'csv'
      ? disclosureCsv(entries, outcomeLabel)
      : disclosureHtml(entries, { organisation, from: options.from, to: options.to, outcomeLabel });
  return {
    fileName: `disclosure-log-${options.from}-to-${options.to}.${options.format}`,
    text,
    cases: entries.length,
    accepted: options.acceptFlags ? accepted : [],
  };
}
