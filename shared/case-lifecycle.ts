/**
 * The life of a case, in one place: its statuses and which are open, the moves between them, the
 * clock actions each regime allows, what a clock event needs, and what closing needs. The case
 * page uses these to explain at the field; every write path (each channel, the CLI import, the
 * bridge) calls the same functions and refuses on the same problems, with nothing changed.
 */
import { CASE_STATUSES, type CaseOutcome, type CaseStatus, type Regime } from './case-format';
import type { ClockEventType, SarAwaiting } from './clock/types';
import { formatUkDate, type IsoDate } from './dates';
import { commissionerProblems, type CommissionerFields } from './commissioner';

export { CASE_STATUSES };

/** Statuses of a case still being worked: the clock runs or is stopped, no response sent yet. */
export const OPEN_STATUSES = ['open', 'clarification', 'on-hold'] as const satisfies readonly CaseStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export function isOpen(status: string): status is OpenStatus {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/**
 * The moves a case can make. Any open status can move to any other open one (an officer corrects
 * a clock stop by hand) or be closed; a closed case can only be reopened (to `open`).
 */
export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  if (from === to) return true;
  if (from === 'closed') return to === 'open';
  return true;
}

/** The status a clock event implies: a clarification or fee stops the clock, its answer restarts it. */
export function statusAfterEvent(status: string, type: ClockEventType): CaseStatus | null {
  if (status === 'closed') return null;
  switch (type) {
    case 'clarification-requested':
      return 'clarification';
    case 'fees-notice-issued':
    case 'sar-clock-stopped':
      return 'on-hold';
    case 'clarification-received':
      return status === 'clarification' ? 'open' : null;
    case 'fee-paid':
    case 'sar-clock-restarted':
      return status === 'on-hold' ? 'open' : null;
    case 'pi-extension':
    case 'eir-extension':
    case 'ir-extension':
    case 'sar-extension':
      return null;
  }
}

export interface ClockAction {
  type: ClockEventType;
  label: string;
  needsUntil?: boolean;
  needsMonths?: boolean;
  awaiting?: SarAwaiting;
  hint?: string;
}

const PAUSES: ClockAction[] = [
  {
    type: 'clarification-requested',
    label: 'Ask for clarification',
    hint: 'The clock stops until the clarification arrives (FOIA s1(3)).',
  },
  {
    type: 'clarification-received',
    label: 'Clarification received',
    hint: 'A fresh time limit runs from the day it arrived.',
  },
  {
    type: 'fees-notice-issued',
    label: 'Fees notice issued',
    hint: 'Working days until the fee arrives do not count (s9); the requester has three months to pay.',
  },
  { type: 'fee-paid', label: 'Fee paid' },
];

/** The clock actions the law gives each regime. */
export function clockActionsFor(regime: Regime): ClockAction[] {
  switch (regime) {
    case 'FOIA':
      return [
        ...PAUSES,
        {
          type: 'pi-extension',
          label: 'Extend for the public interest test',
          needsUntil: true,
          hint: 'Send the s17(2) notice within the time limit, naming the exemption and an estimated date. The ICO expects no more than 20 extra working days.',
        },
      ];
    case 'EIR':
      return [
        ...PAUSES,
        {
          type: 'eir-extension',
          label: 'Extend under regulation 7',
          hint: 'Complex and voluminous: 40 working days. Tell the requester within 20.',
        },
      ];
    case 'FOI-IR':
      return [
        {
          type: 'ir-extension',
          label: 'Extend the internal review',
          hint: 'The Code of Practice allows up to 40 working days in total.',
        },
      ];
    case 'EIR-RECON':
    case 'FOISA-REVIEW':
      // FOISA s21(1): 20 working days from receipt of the requirement for review, nothing stops it.
      return [];
    case 'FOISA':
      return PAUSES;
    case 'EISR':
      return [
        {
          type: 'clarification-requested',
          label: 'Ask for more particulars',
          hint: 'Too general a request (EISR reg 9(2)): a fresh 20 working days run from the particulars (reg 9(4)).',
        },
        { type: 'clarification-received', label: 'Particulars received' },
        {
          type: 'fees-notice-issued',
          label: 'Fee notice issued (payment in advance)',
          hint: 'The time until the fee arrives does not count (EISR reg 8); the requester has 60 working days to pay.',
        },
        { type: 'fee-paid', label: 'Fee paid' },
        {
          type: 'eir-extension',
          label: 'Extend under regulation 7',
          hint: 'Volume and complexity: up to 20 further working days, 40 in all. Tell the requester, with reasons, within the first 20 (EISR reg 7(2)).',
        },
      ];
    case 'SAR':
      return [
        {
          type: 'sar-extension',
          label: 'Extend',
          needsMonths: true,
          hint: 'Up to two further months; tell the requester within the first month.',
        },
        {
          type: 'sar-clock-stopped',
          label: 'Stop: awaiting clarification',
          awaiting: 'clarification',
          hint: 'The days until the clarification arrives are added back to the month.',
        },
        {
          type: 'sar-clock-stopped',
          label: 'Stop: awaiting identity',
          awaiting: 'identity',
          hint: 'The month starts again from the day the proof of identity arrives.',
        },
        {
          type: 'sar-clock-stopped',
          label: 'Stop: awaiting fee',
          awaiting: 'fee',
          hint: 'The month starts again from the day the fee arrives.',
        },
        { type: 'sar-clock-restarted', label: 'Restart the clock' },
      ];
  }
}

/** What each event must follow: the event that opened the stop it ends. */
export const ENDS: Partial<Record<ClockEventType, ClockEventType>> = {
  'clarification-received': 'clarification-requested',
  'fee-paid': 'fees-notice-issued',
  'sar-clock-restarted': 'sar-clock-stopped',
};

export interface ClockEventLike {
  type: ClockEventType;
  date: IsoDate;
  until?: IsoDate | null | undefined;
  months?: number | null | undefined;
  awaiting?: string | null | undefined;
}

/**
 * Problems with adding `event` to a case: the regime must allow it, it must fall on or after the
 * date received and not after today, not before the events already recorded, and an event that
 * ends a stop needs that stop to be open.
 */
export function clockEventProblems(
  c: { regime: Regime; received: IsoDate; status: string },
  existing: readonly ClockEventLike[],
  event: ClockEventLike,
  today: IsoDate,
): string[] {
  const problems: string[] = [];
  if (c.status === 'closed') problems.push('The case is closed: reopen it before changing its clock.');
  const allowed = clockActionsFor(c.regime).map((a) => a.type);
  if (!allowed.includes(event.type)) problems.push(`A ${c.regime} case has no "${event.type}" clock action.`);
  problems.push(...dateProblems(event.date, 'The date of a clock event', { notBefore: c.received, today }));
  const last = existing.reduce<IsoDate | null>(
    (latest, e) => (latest && latest > e.date ? latest : e.date),
    null,
  );
  if (last && event.date < last)
    problems.push(
      `The clock event cannot be dated before the last one recorded (${formatUkDate(last)}): record events in order.`,
    );
  const opener = ENDS[event.type];
  if (opener) {
    const open = openStop(existing, opener);
    if (!open) problems.push('There is no open clock stop for this event to end.');
  } else if (
    (event.type === 'clarification-requested' ||
      event.type === 'fees-notice-issued' ||
      event.type === 'sar-clock-stopped') &&
    anyOpenStop(existing)
  ) {
    problems.push('The clock is already stopped: record the end of that stop first.');
  }
  if (event.type === 'pi-extension') {
    if (!event.until) problems.push('Give the estimated date for the public interest extension.');
    else if (event.until <= event.date)
      problems.push('The estimated date of the public interest extension must be after the notice.');
  }
  if (event.type === 'sar-extension' && event.months != null && event.months !== 1 && event.months !== 2)
    problems.push('A subject access request can be extended by one or two further months.');
  if (
    event.type === 'sar-clock-stopped' &&
    event.awaiting &&
    !['clarification', 'identity', 'fee'].includes(event.awaiting)
  )
    problems.push('A stopped subject access clock awaits clarification, identity or a fee.');
  return problems;
}

function openStop(events: readonly ClockEventLike[], opener: ClockEventType): boolean {
  let open = false;
  for (const e of events) {
    if (e.type === opener) open = true;
    else if (ENDS[e.type] === opener) open = false;
  }
  return open;
}

function anyOpenStop(events: readonly ClockEventLike[]): boolean {
  return Object.values(ENDS).some((opener) => opener !== undefined && openStop(events, opener));
}

/**
 * One date field's problems: a real calendar date, not in the future, not before `notBefore`.
 * `what` names the field as the sentence starts ("The date of the response").
 */
export function dateProblems(
  value: string | null | undefined,
  what: string,
  rules: { today: IsoDate; notBefore?: IsoDate | undefined; notBeforeWhat?: string; required?: boolean },
): string[] {
  if (value === null || value === undefined || value === '')
    return rules.required ? [`${what} is required.`] : [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !realDate(value)) return [`${what} is not a real date.`];
  const out: string[] = [];
  if (value > rules.today) out.push(`${what} cannot be in the future.`);
  if (rules.notBefore && value < rules.notBefore)
    out.push(
      `${what} cannot be before ${rules.notBeforeWhat ?? 'the date the request was received'} (${formatUkDate(rules.notBefore)}).`,
    );
  return out;
}

function realDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Whether a response dated `responded` was late against the date it was due (the extended date
 * when a lawful extension was notified in time: the clock never moves `due` for a late notice).
 */
export function isLate(due: IsoDate | null | undefined, responded: IsoDate | null | undefined): boolean {
  return Boolean(due && responded && responded > due);
}

export const LATE_REASON_NEEDED = (due: IsoDate) =>
  `The response is after the date it was due (${formatUkDate(due)}): give the reason for the delay.`;

/**
 * What closing a case needs: an outcome, and a response date that is real, not before receipt, not
 * in the future; and a response after the due date needs the reason for the delay (the statistics
 * report it, with the department responsible). `c.due` is the date due when the case is closed; a
 * caller that does not know it (undefined) leaves the late rule to the one that does.
 */
export function closeProblems(
  c: { received: IsoDate; due?: IsoDate | null | undefined },
  close: {
    outcome: CaseOutcome | null | undefined;
    responded: IsoDate | null | undefined;
    lateReason?: string | null | undefined;
  },
  today: IsoDate,
): string[] {
  const problems: string[] = [];
  if (!close.outcome) problems.push('Choose the outcome before closing the case.');
  const dateIssues = dateProblems(close.responded, 'The date of the response', {
    today,
    notBefore: c.received,
    required: true,
  });
  problems.push(...dateIssues);
  if (dateIssues.length === 0 && c.due && isLate(c.due, close.responded) && !close.lateReason?.trim())
    problems.push(LATE_REASON_NEEDED(c.due));
  return problems;
}

/**
 * A case's dates and status checked together, as stored: the rules the import and every edit
 * apply to the whole record.
 */
export function caseRecordProblems(
  c: {
    received: IsoDate;
    status: CaseStatus;
    outcome?: CaseOutcome | null | undefined;
    responded?: IsoDate | null | undefined;
  } & CommissionerFields,
  today: IsoDate,
): string[] {
  const problems = dateProblems(c.received, 'The date received', { today, required: true });
  problems.push(...commissionerProblems(c, c, today));
  if (c.status === 'closed')
    problems.push(...closeProblems(c, { outcome: c.outcome, responded: c.responded }, today));
  else if (c.responded)
    problems.push(...dateProblems(c.responded, 'The date of the response', { today, notBefore: c.received }));
  return problems;
}

/** A reference as the register compares them: case and spacing do not make two references differ. */
export function referenceKey(reference: string): string {
  return reference.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}
