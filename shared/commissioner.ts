/**
 * Complaints to the Commissioner (issue 13): after a response (or the lack of one, or an internal
 * review), the requester may complain to the Information Commissioner (the ICO: FOIA, EIR and
 * subject access) or, for FOISA and the EIRs (Scotland), apply to the Scottish Information
 * Commissioner. A case records the date the complaint was made (as the Commissioner notified it),
 * the decision notice's outcome and its reference. The rules below are the only ones: the case
 * page, `cases:set-commissioner` and the import all call commissionerProblems.
 *
 * Fields (case format and CaseDetail.record), columns (cases):
 * - `commissionerComplaintReceived` (`commissioner_complaint_received`): ISO date the complaint was
 *   made; a case with one counts as appealed to the Commissioner.
 * - `commissionerDecision` (`commissioner_decision`): one of COMMISSIONER_DECISIONS; absent while
 *   the Commissioner has not decided.
 * - `commissionerDecisionRef` (`commissioner_decision_ref`): the decision notice's reference
 *   ("IC-123456-A1B2", "FS50123456", "Decision 123/2024").
 */
import type { IsoDate } from './dates';
import { dateProblems } from './case-lifecycle';
import type { Regime } from './case-format';
import { COMMISSIONER_DECISIONS, type CommissionerDecision } from './commissioner-decisions';

export { COMMISSIONER_DECISIONS, type CommissionerDecision };

export const COMMISSIONER_DECISION_LABELS: Record<CommissionerDecision, string> = {
  upheld: 'Upheld (decision notice found for the requester)',
  'partly-upheld': 'Partly upheld',
  'not-upheld': 'Not upheld (our handling stood)',
  withdrawn: 'Withdrawn by the requester',
  'informally-resolved': 'Resolved informally',
};

/** The decisions that come as a decision notice (the others close without one). */
export const DECISION_NOTICE_OUTCOMES: readonly CommissionerDecision[] = [
  'upheld',
  'partly-upheld',
  'not-upheld',
];

export interface CommissionerFields {
  commissionerComplaintReceived?: IsoDate | null | undefined;
  commissionerDecision?: CommissionerDecision | null | undefined;
  commissionerDecisionRef?: string | null | undefined;
}

/** Which Commissioner hears a complaint about a case of this regime. */
export function commissionerFor(regime: Regime): { short: string; name: string } {
  return regime === 'FOISA' || regime === 'EISR' || regime === 'FOISA-REVIEW'
    ? { short: 'the Scottish Information Commissioner', name: 'Scottish Information Commissioner' }
    : { short: 'the ICO', name: 'Information Commissioner’s Office' };
}

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';

/**
 * What is wrong with a case's Commissioner complaint: the date must be real, not in the future
 * and not before the request was received; when the response was sent by its due date (`due`
 * known), a complaint cannot come before the response (before it, a complaint can only be about
 * the delay, which begins after the due date). A decision needs the complaint's date, and a
 * reference needs the decision.
 */
export function commissionerProblems(
  c: { received: IsoDate; responded?: IsoDate | null | undefined; due?: IsoDate | null | undefined },
  f: CommissionerFields,
  today: IsoDate,
): string[] {
  const date = f.commissionerComplaintReceived ?? null;
  const problems = dateProblems(date, 'The date of the complaint to the Commissioner', {
    today,
    notBefore: c.received,
  });
  if (date && problems.length === 0 && c.responded && date < c.responded && c.due && date <= c.due)
    problems.push(
      'The complaint to the Commissioner cannot be before the response unless the response was late: give the date the Commissioner notified.',
    );
  if (!date && f.commissionerDecision)
    problems.push('Give the date of the complaint to the Commissioner before its decision.');
  if (!f.commissionerDecision && !blank(f.commissionerDecisionRef))
    problems.push('Choose the Commissioner’s decision for the decision notice reference.');
  return problems;
}
