/**
 * Sign-off: the rules for approving a response before it goes out, in one place. The team chooses
 * which responses need approval (per regime, and for cases flagged as sensitive); the officer asks
 * a named approver; the approver approves or returns it with a comment; "mark as sent" is refused
 * until the version being sent is approved. The case page explains with these functions and every
 * write path (the channels, the bridge) refuses on the same problems, with nothing changed.
 *
 * Decisions a careful IG team would make, kept as rules here:
 * - No one approves their own response: the approver must be another officer, from the officers
 *   list, and only the officer a request names may approve or return it.
 * - Approval is of one letter version, as it stood with the case's answers when it was approved.
 *   A new version (an edit, a re-date, a fresh letter) needs approval again, and so does the same
 *   version once the answers or the letter's details change (the approval lapses).
 * - Returning a response needs a comment saying what to change.
 * - A response goes out by marking its letter as sent; closing a case that needs sign-off with an
 *   outcome that answers the request therefore needs a letter marked as sent first.
 */
import { REGIMES, type CaseOutcome, type Regime } from './case-format';
import { REGIME_LABELS } from './labels';

/** What the team requires. Off by default: no regime, not for sensitive cases. */
export interface SignOffPolicy {
  /** Regimes whose every response needs approval. */
  regimes: Regime[];
  /** Cases flagged as sensitive need approval whatever their regime. */
  sensitive: boolean;
}

export const DEFAULT_SIGN_OFF_POLICY: SignOffPolicy = { regimes: [], sensitive: false };

export const SIGN_OFF_STEP_KINDS = ['requested', 'approved', 'returned'] as const;
export type SignOffStepKind = (typeof SIGN_OFF_STEP_KINDS)[number];

/** One step as recorded: who did what to which letter version, when. */
export interface SignOffStep {
  id: number;
  versionId: number;
  kind: SignOffStepKind;
  /** The officer who took the step (the session's officer). */
  actor: string;
  /** For a request: the officer asked to approve. */
  approver: string | null;
  /** For a return (required), or a note with a request. */
  comment: string | null;
  /** What the letter and the answers were when the step was taken (see the service). */
  fingerprint: string;
  at: string;
}

/** Where one letter version stands. */
export type VersionSignOff =
  | { state: 'none' }
  | { state: 'requested'; approver: string; requestedBy: string; at: string }
  | { state: 'approved'; approver: string; requestedBy: string; at: string }
  | { state: 'returned'; approver: string; requestedBy: string; comment: string; at: string }
  | {
      state: 'lapsed';
      /** What lapsed: the approval given, or the request still waiting. */
      was: 'approved' | 'requested';
      approver: string;
      requestedBy: string;
      at: string;
    };

/** Names compare as officers type them: case and spacing do not make two people. */
export function sameOfficer(a: string, b: string): boolean {
  const key = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  return key(a) === key(b);
}

/**
 * Why a case needs sign-off under the policy, in words, or null when it does not. `sensitive` is
 * the case's flag.
 */
export function signOffReason(
  policy: SignOffPolicy,
  c: { regime: Regime; sensitive?: boolean | undefined },
): string | null {
  const reasons: string[] = [];
  if (policy.regimes.includes(c.regime))
    reasons.push(`the team approves every ${REGIME_LABELS[c.regime] ?? c.regime} response`);
  if (policy.sensitive && c.sensitive) reasons.push('the case is flagged as sensitive');
  return reasons.length ? `Needs approval before it is sent: ${reasons.join(', and ')}.` : null;
}

/**
 * Where a version stands, from its own steps (oldest first) and what the letter and answers are
 * now. The newest step decides; an approval or a waiting request lapses when the fingerprint has
 * changed since the request.
 */
export function versionSignOff(steps: readonly SignOffStep[], currentFingerprint: string): VersionSignOff {
  let request: SignOffStep | undefined;
  let last: SignOffStep | undefined;
  for (const step of steps) {
    if (step.kind === 'requested') request = step;
    last = step;
  }
  if (!last || !request) return { state: 'none' };
  const approver = request.approver ?? '';
  const requestedBy = request.actor;
  switch (last.kind) {
    case 'requested':
      return request.fingerprint === currentFingerprint
        ? { state: 'requested', approver, requestedBy, at: last.at }
        : { state: 'lapsed', was: 'requested', approver, requestedBy, at: last.at };
    case 'approved':
      return last.fingerprint === currentFingerprint
        ? { state: 'approved', approver: last.actor, requestedBy, at: last.at }
        : { state: 'lapsed', was: 'approved', approver: last.actor, requestedBy, at: last.at };
    case 'returned':
      return {
        state: 'returned',
        approver: last.actor,
        requestedBy,
        comment: last.comment ?? '',
        at: last.at,
      };
  }
}

/** The one-line account of a version's sign-off, for the case page. */
export function describeVersionSignOff(s: VersionSignOff): string {
  switch (s.state) {
    case 'none':
      return 'Not yet sent for approval.';
    case 'requested':
      return `Waiting for ${s.approver} to approve (asked by ${s.requestedBy}).`;
    case 'approved':
      return `Approved by ${s.approver}.`;
    case 'returned':
      return `Returned by ${s.approver}: ${s.comment}`;
    case 'lapsed':
      return s.was === 'approved'
        ? `The approval by ${s.approver} has lapsed: the letter or the answers changed after it was approved. Ask for approval again.`
        : `The request to ${s.approver} has lapsed: the letter or the answers changed after approval was asked. Ask again.`;
  }
}

/**
 * Why this version may not be marked as sent (empty: it may). `reason` is signOffReason's, null
 * when the case needs no sign-off.
 */
export function sendProblems(reason: string | null, state: VersionSignOff): string[] {
  if (reason === null || state.state === 'approved') return [];
  switch (state.state) {
    case 'none':
      return [`${reason} Ask an approver to approve this version first.`];
    case 'requested':
      return [`${reason} ${describeVersionSignOff(state)}`];
    case 'returned':
      return [
        `${reason} ${state.approver} returned it: ${state.comment} Make the changes and ask for approval again.`,
      ];
    case 'lapsed':
      return [`${reason} ${describeVersionSignOff(state)}`];
  }
}

/** What asking for approval needs. `officers` are the active officers' names. */
export function requestProblems(input: {
  requestedBy: string;
  approver: string;
  officers: readonly string[];
  sent: boolean;
  state: VersionSignOff;
}): string[] {
  const problems: string[] = [];
  const approver = input.approver.trim();
  if (input.sent) problems.push('This letter was sent and is locked: there is nothing to approve.');
  if (!approver) problems.push('Choose the officer who is to approve the response.');
  else if (!input.officers.some((name) => sameOfficer(name, approver)))
    problems.push(`${approver} is not an active officer: choose the approver from the officers in Settings.`);
  else if (sameOfficer(approver, input.requestedBy))
    problems.push('You cannot approve your own response: ask another officer.');
  if (input.state.state === 'approved')
    problems.push(`This version is approved already (by ${input.state.approver}).`);
  return problems;
}

/** What approving or returning a version needs. */
export function decisionProblems(input: {
  actor: string;
  decision: 'approved' | 'returned';
  comment?: string | null | undefined;
  sent: boolean;
  state: VersionSignOff;
}): string[] {
  const { state } = input;
  if (input.sent) return ['This letter was sent and is locked: it can no longer be approved or returned.'];
  if (state.state === 'lapsed' && state.was === 'requested') return [describeVersionSignOff(state)];
  if (state.state !== 'requested') return ['No one has asked for this version to be approved.'];
  const problems: string[] = [];
  if (!sameOfficer(input.actor, state.approver))
    problems.push(
      `Only ${state.approver}, whom the request names, can approve or return it (you are ${input.actor}).`,
    );
  else if (sameOfficer(input.actor, state.requestedBy))
    problems.push('You cannot approve your own response.');
  if (input.decision === 'returned' && !input.comment?.trim())
    problems.push('Say what needs to change: returning a response needs a comment.');
  return problems;
}

/**
 * Outcomes that answer the request, so that closing with one means a response went out. A
 * withdrawn request, a transfer and a clarification never received send no response to approve.
 */
const ANSWERING_OUTCOMES: readonly CaseOutcome[] = ['granted', 'part-granted', 'refused', 'not-held'];

/**
 * What closing a case needs under sign-off: a case that needs approval is answered by marking an
 * approved letter as sent, so it closes with an answering outcome only once a letter was sent.
 */
export function closeSignOffProblems(
  reason: string | null,
  close: { outcome: CaseOutcome | null | undefined; letterSent: boolean },
): string[] {
  if (reason === null || !close.outcome || !ANSWERING_OUTCOMES.includes(close.outcome)) return [];
  if (close.letterSent) return [];
  return [
    `${reason} Have the response letter approved and mark it as sent before closing the case as answered.`,
  ];
}

/** A stored policy read back defensively: anything unknown is left out. */
export function readSignOffPolicy(value: unknown): SignOffPolicy {
  if (!value || typeof value !== 'object') return DEFAULT_SIGN_OFF_POLICY;
  const v = value as { regimes?: unknown; sensitive?: unknown };
  const regimes = Array.isArray(v.regimes) ? REGIMES.filter((r) => (v.regimes as unknown[]).includes(r)) : [];
  return { regimes, sensitive: v.sensitive === true };
}

/** One letter of a case as the sign-off panel shows it: its newest version and where it stands. */
export interface SignOffVersionView {
  versionId: number;
  templateId: string;
  version: number;
  title: string;
  sent: boolean;
  signOff: VersionSignOff;
  /** Why it may not be marked as sent now (empty: it may). */
  sendProblems: string[];
}

/** What `sign-off:status` answers for a case. */
export interface SignOffStatus {
  caseId: number;
  sensitive: boolean;
  policy: SignOffPolicy;
  /** signOffReason for the case: null when it needs no approval. */
  reason: string | null;
  /** The session's officer, who the steps taken now are recorded as. */
  you: string;
  /** The active officers who may be asked to approve (everyone but you). */
  approvers: string[];
  /** The newest version of each of the case's letters. */
  versions: SignOffVersionView[];
  /** Every step on the case's letters, oldest first. */
  steps: SignOffStep[];
}
