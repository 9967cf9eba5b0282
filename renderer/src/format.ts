/** Words and formats the screens share: UK dates, regime and status names, progress in words. */
import { formatLongDate, formatUkDate } from '../../shared/dates';
import type { ProgressState } from '../../shared/clock';

export { formatUkDate, formatLongDate };

export const REGIME_LABELS: Record<string, string> = {
  FOIA: 'FOI',
  EIR: 'EIR',
  FOISA: 'FOI (Scotland)',
  SAR: 'Subject access',
  'FOI-IR': 'FOI internal review',
  'EIR-RECON': 'EIR reconsideration',
};

export const REGIME_LONG: Record<string, string> = {
  FOIA: 'Freedom of Information Act 2000',
  EIR: 'Environmental Information Regulations 2004',
  FOISA: 'Freedom of Information (Scotland) Act 2002',
  SAR: 'Subject access request (UK GDPR Article 15)',
  'FOI-IR': 'FOI internal review',
  'EIR-RECON': 'EIR reconsideration (regulation 11)',
};

export const STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  clarification: 'Awaiting clarification',
  'on-hold': 'On hold',
  closed: 'Closed',
};

export const OUTCOME_LABELS: Record<string, string> = {
  granted: 'Granted in full',
  'part-granted': 'Granted in part',
  refused: 'Refused',
  'not-held': 'Not held',
  withdrawn: 'Withdrawn',
  transferred: 'Transferred',
  'clarification-lapsed': 'Clarification not received',
};

export const QUESTION_OUTCOME_LABELS: Record<string, string> = {
  provided: 'Information provided',
  'not-held': 'Not held',
  exempt: 'Exempt (withheld)',
  'part-exempt': 'Part exempt (some withheld)',
  ncnd: 'Neither confirm nor deny',
  published: 'Already published',
  'see-other': 'See another answer',
};

export const CHANNEL_LABELS: Record<string, string> = {
  email: 'Email',
  post: 'Post',
  web: 'Web form',
  other: 'Other',
};

export const PROGRESS_LABELS: Record<ProgressState, string> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  'on-track': 'On track',
  stopped: 'Clock stopped',
  closed: 'Closed',
};

export const EVENT_LABELS: Record<string, string> = {
  'clarification-requested': 'Clarification asked for',
  'clarification-received': 'Clarification received',
  'fees-notice-issued': 'Fees notice issued',
  'fee-paid': 'Fee paid',
  'pi-extension': 'Extended for the public interest test',
  'eir-extension': 'Extended under EIR regulation 7',
  'ir-extension': 'Internal review extended',
  'sar-extension': 'Subject access extended',
  'sar-clock-stopped': 'Clock stopped (subject access)',
  'sar-clock-restarted': 'Clock restarted (subject access)',
};

/** "3 working days left", "due today", "2 working days late". */
export function daysLeftText(days: number | null): string {
  if (days === null) return '';
  if (days === 0) return 'Due today';
  if (days > 0) return `${days} working day${days === 1 ? '' : 's'} left`;
  const late = -days;
  return `${late} working day${late === 1 ? '' : 's'} late`;
}

/** Short form for the queue's column. */
export function daysLeftShort(days: number | null): string {
  if (days === null) return '–';
  if (days === 0) return 'today';
  return days > 0 ? `${days} left` : `${-days} late`;
}

/** 2026-11-21T14:03:05.123Z → 21/11/2026 14:03 (local time). */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const UK_DATE = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$/;
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

/** What an officer types ("11/11/2021", "1/2/22", "2021-11-11") as ISO, or null. */
export function parseUkDate(text: string): string | null {
  let y: number;
  let m: number;
  let d: number;
  const uk = UK_DATE.exec(text);
  const iso = ISO.exec(text);
  if (uk) {
    d = Number(uk[1]);
    m = Number(uk[2]);
    y = Number(uk[3]);
    if (uk[3]!.length === 2) y += 2000;
  } else if (iso) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  } else {
    return null;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
