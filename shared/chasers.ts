/**
 * Contributor tasks and their chasers (issue 14), as pure rules: the internal due date a task gets,
 * when the next chaser is due and to whom, and what it says. The ICO's practice recommendations to
 * late authorities ask for internal deadlines and escalation when departments miss them; this is
 * that, counted in the same statutory working days as the case's own clock (shared/clock), so a
 * bank holiday moves a chase the way it moves a due date.
 *
 * The schedule: no chase while the internal due date has not passed; the first on the first
 * working day after it; each later one N working days (the team's chase interval) after the one
 * before. The third and every later chase goes to the department's escalation contact (the task is
 * then "escalated"). Once the case's own due date has passed, the next chase is an "overdue" one,
 * worded as such, due on the first working day after the case's due date even if the interval has
 * not run out.
 *
 * Applicant-blind: what goes to a department names no requester unless the officer chose to
 * include them; their name and email are taken out of the question text as well.
 */
import { z } from 'zod';
import type { Jurisdiction, Regime } from './case-format';
import { addWorkingDays, type ExtraHoliday } from './clock';
import { formatLongDate, type IsoDate } from './dates';

export const CONTRIBUTOR_STATUSES = ['asked', 'chased', 'answered', 'escalated'] as const;
export type ContributorStatus = (typeof CONTRIBUTOR_STATUSES)[number];
/** Still waiting on the department. */
export const OPEN_TASK_STATUSES = ['asked', 'chased', 'escalated'] as const satisfies ContributorStatus[];

export const CONTRIBUTOR_STATUS_LABELS: Record<ContributorStatus, string> = {
  asked: 'Asked',
  chased: 'Chased',
  answered: 'Answered',
  escalated: 'Escalated',
};

/** request: the first email asking; chase / escalation / overdue: the chasers. */
export const CHASE_KINDS = ['request', 'chase', 'escalation', 'overdue'] as const;
export type ChaseKind = (typeof CHASE_KINDS)[number];

export const CHASE_KIND_LABELS: Record<ChaseKind, string> = {
  request: 'Request to the department',
  chase: 'Chaser',
  escalation: 'Escalation',
  overdue: 'Overdue chaser',
};

export function isOpenTask(status: string): boolean {
  return (OPEN_TASK_STATUSES as readonly string[]).includes(status);
}

/** After this many chases the next one goes to the escalation contact. */
export const CHASES_BEFORE_ESCALATION = 2;

// Settings ---------------------------------------------------------------------------------------

/** Kept under one key of the settings table (`contributors`), beside the team's other settings. */
export const CONTRIBUTOR_SETTINGS_KEY = 'contributors';

export const contributorSettingsSchema = z.strictObject({
  /** A task's internal due date: this many working days after the department is asked. */
  internalDueDays: z.number().int().min(1).max(60),
  /** Working days between one chaser and the next. */
  chaseIntervalDays: z.number().int().min(1).max(20),
});
export type ContributorSettings = z.infer<typeof contributorSettingsSchema>;

export const DEFAULT_CONTRIBUTOR_SETTINGS: ContributorSettings = { internalDueDays: 5, chaseIntervalDays: 3 };

/** A stored value, or the defaults for anything missing or unreadable. */
export function readContributorSettings(stored: unknown): ContributorSettings {
  const merged = { ...DEFAULT_CONTRIBUTOR_SETTINGS };
  if (stored && typeof stored === 'object') {
    for (const key of Object.keys(merged) as (keyof ContributorSettings)[]) {
      const candidate = { ...merged, [key]: (stored as Record<string, unknown>)[key] };
      if (contributorSettingsSchema.safeParse(candidate).success) Object.assign(merged, candidate);
    }
  }
  return merged;
}

const email = z
  .string()
  .trim()
  .max(254, { message: 'is too long' })
  .regex(/^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/, { message: 'is not an email address' });
const name = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(120, { message: 'is too long (at most 120 characters)' })
  // A name goes into a mail header: no line breaks, no control characters.
  .refine((s) => !/[\p{Cc}]/u.test(s), { message: 'must be one line' });

export const departmentInputSchema = z
  .strictObject({
    id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    name,
    contactName: name,
    email,
    escalationName: name.optional(),
    escalationEmail: email.optional(),
    active: z.boolean(),
  })
  .refine((d) => (d.escalationName === undefined) === (d.escalationEmail === undefined), {
    message: 'needs both the escalation contact’s name and email, or neither',
    path: ['escalationEmail'],
  });
export type DepartmentInput = z.infer<typeof departmentInputSchema>;

export interface Department {
  id: number;
  name: string;
  contactName: string;
  email: string;
  escalationName: string | null;
  escalationEmail: string | null;
  active: boolean;
}

// Dates ------------------------------------------------------------------------------------------

/** The case's working-day calendar: its regime's (FOIA s10(6), FOISA s73) with the added holidays. */
export interface TaskCalendar {
  regime: Regime;
  jurisdiction: Jurisdiction;
  extraHolidays?: readonly ExtraHoliday[];
}

function plusWorkingDays(date: IsoDate, n: number, calendar: TaskCalendar): IsoDate {
  return addWorkingDays(date, n, calendar.regime, calendar.jurisdiction, calendar.extraHolidays);
}

/** The default internal due date: `days` working days after the day the department was asked. */
export function internalDueDate(asked: IsoDate, days: number, calendar: TaskCalendar): IsoDate {
  return plusWorkingDays(asked, days, calendar);
}

export interface ChaseRecord {
  date: IsoDate;
  kind: ChaseKind;
}

export interface ScheduleInput {
  status: ContributorStatus;
  internalDue: IsoDate;
  /** The emails drafted for the task so far, oldest first (the first request counts for nothing). */
  chases: readonly ChaseRecord[];
  /** The case's own due date (extended where lawful); null while its clock is stopped. */
  caseDue: IsoDate | null;
  intervalDays: number;
  today: IsoDate;
  calendar: TaskCalendar;
}

export interface NextChase {
  /** 1 for the first chaser. */
  number: number;
  /** The day it is due (a working day). */
  due: IsoDate;
  kind: Exclude<ChaseKind, 'request'>;
  recipient: 'contact' | 'escalation';
  /** Due today or earlier. */
  isDue: boolean;
}

/** The next chaser of a task, or null when none is (the department has answered). */
export function nextChase(input: ScheduleInput): NextChase | null {
  if (input.status === 'answered') return null;
  const chases = input.chases.filter((c) => c.kind !== 'request');
  const last = chases.at(-1);
  let due = last
    ? plusWorkingDays(last.date, input.intervalDays, input.calendar)
    : plusWorkingDays(input.internalDue, 1, input.calendar);
  let overdue = false;
  if (input.caseDue) {
    const overdueFrom = plusWorkingDays(input.caseDue, 1, input.calendar);
    const overdueSent = chases.some((c) => c.kind === 'overdue');
    if (!overdueSent && overdueFrom < due) {
      // The case itself is late: chase at once, but never twice on one day.
      const afterLast = last ? plusWorkingDays(last.date, 1, input.calendar) : overdueFrom;
      due = overdueFrom > afterLast ? overdueFrom : afterLast;
    }
    overdue = due >= overdueFrom;
  }
  const escalate = chases.length >= CHASES_BEFORE_ESCALATION;
  return {
    number: chases.length + 1,
    due,
    kind: overdue ? 'overdue' : escalate ? 'escalation' : 'chase',
    recipient: escalate ? 'escalation' : 'contact',
    isDue: due <= input.today,
  };
}

/** The task's status once a chaser of this kind has been drafted. */
export function statusAfterChase(
  status: ContributorStatus,
  recipient: 'contact' | 'escalation',
): ContributorStatus {
  if (status === 'answered') return status;
  if (recipient === 'escalation' || status === 'escalated') return 'escalated';
  return 'chased';
}

// Wording ----------------------------------------------------------------------------------------

export interface RequesterIdentity {
  name: string;
  email?: string | undefined;
  address?: string | undefined;
}

/** The requester's name and email taken out of a text that goes to a department. */
export function withoutRequester(text: string, requester: RequesterIdentity): string {
  let out = text;
  const parts = [requester.email, requester.name, ...(requester.address ?? '').split(/\r?\n/)]
    .map((p) => p?.trim() ?? '')
    .filter((p) => p.length >= 3)
    .sort((a, b) => b.length - a.length);
  for (const part of parts) {
    const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(escaped, 'giu'), '[the requester]');
  }
  return out;
}

export interface ChaserContext {
  kind: ChaseKind;
  /** 1 for the first chaser (ignored for the request). */
  number: number;
  reference: string;
  subject: string;
  regimeLabel: string;
  department: Pick<Department, 'name' | 'contactName' | 'escalationName'>;
  recipient: 'contact' | 'escalation';
  questions: readonly { number: string; text: string }[];
  /** The officer's note to the department, if any. */
  note: string | null;
  asked: IsoDate;
  internalDue: IsoDate;
  caseDue: IsoDate | null;
  officer: string;
  team: string | null;
  requester: RequesterIdentity;
  /** The officer ticked to include the requester's identity. */
  includeRequester: boolean;
}

export interface ChaserText {
  subject: string;
  body: string;
}

/** The email to the department: its subject (with the case reference) and plain-text body. */
export function chaserText(c: ChaserContext): ChaserText {
  const blind = (t: string) => (c.includeRequester ? t : withoutRequester(t, c.requester));
  const to =
    c.recipient === 'escalation' && c.department.escalationName
      ? c.department.escalationName
      : c.department.contactName;
  const subjectLine = blind(c.subject);
  const lines: string[] = [`Dear ${to},`, ''];
  let title: string;
  switch (c.kind) {
    case 'request':
      title = `information needed by ${formatLongDate(c.internalDue)}`;
      lines.push(
        `We have received a request (${c.regimeLabel}; our reference ${c.reference}) and need the help of ${c.department.name} to answer it.`,
        `Please send us the information below, or tell us if it is not held, by ${formatLongDate(c.internalDue)}.`,
      );
      break;
    case 'chase':
      title = `reminder ${c.number}, information was due ${formatLongDate(c.internalDue)}`;
      lines.push(
        `On ${formatLongDate(c.asked)} we asked ${c.department.name} for information for request ${c.reference}, by ${formatLongDate(c.internalDue)}. We have not had it yet.`,
        'Please send it, or tell us when it will come, as soon as you can.',
      );
      break;
    case 'escalation':
      title = `escalation, information was due ${formatLongDate(c.internalDue)}`;
      lines.push(
        `On ${formatLongDate(c.asked)} we asked ${c.department.name} (${c.department.contactName}) for information for request ${c.reference}, by ${formatLongDate(c.internalDue)}. We have chased ${c.number - 1} times without an answer, so we are raising it with you.`,
        'Please make sure the information reaches us as soon as possible.',
      );
      break;
    case 'overdue':
      title = 'OVERDUE, the statutory deadline has passed';
      lines.push(
        `Request ${c.reference} is now overdue: the law required an answer by ${c.caseDue ? formatLongDate(c.caseDue) : 'its due date'}, and that date has passed.`,
        `We asked ${c.department.name} on ${formatLongDate(c.asked)} for the information below, by ${formatLongDate(c.internalDue)}. Every further day is a breach of the statutory time limit that the Information Commissioner can act on.`,
        'Please send the information today, or tell us at once what is holding it up.',
      );
      break;
  }
  if (c.kind !== 'overdue' && c.caseDue)
    lines.push('', `The statutory deadline for our answer is ${formatLongDate(c.caseDue)}.`);
  if (c.note) lines.push('', blind(c.note));
  lines.push('');
  if (c.questions.length) {
    lines.push(c.questions.length === 1 ? 'The question:' : 'The questions:', '');
    for (const q of c.questions) lines.push(`${q.number}. ${blind(q.text)}`);
  } else {
    lines.push(`The request is about: ${subjectLine}`);
  }
  lines.push('');
  if (c.includeRequester) {
    lines.push('The requester (shared with you for this request only):', c.requester.name);
    if (c.requester.email) lines.push(c.requester.email);
    if (c.requester.address) lines.push(...c.requester.address.split(/\r?\n/));
  } else {
    lines.push(
      'We handle requests applicant-blind: who asked does not change the answer, so it is not shared.',
    );
  }
  lines.push('', 'Please reply to this email, quoting the reference.', '', 'Thank you,', c.officer);
  if (c.team) lines.push(c.team);
  return { subject: `${c.reference}: ${title} (${subjectLine})`, body: lines.join('\n') };
}

/** A mailto: link for the same email (RFC 6068): To, and Cc, Subject and body as query fields. */
export function mailtoLink(to: string, cc: string | null, text: ChaserText): string {
  const q = [
    cc ? `cc=${encodeURIComponent(cc)}` : null,
    `subject=${encodeURIComponent(text.subject)}`,
    `body=${encodeURIComponent(text.body.replace(/\n/g, '\r\n'))}`,
  ].filter(Boolean);
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?${q.join('&')}`;
}
