/** Words and formats the screens share: UK dates, regime and status names, progress in words. */
import { formatLongDate, formatUkDate, parseUkDate } from '../../shared/dates';

export { formatUkDate, formatLongDate, parseUkDate };
export {
  CHANNEL_LABELS,
  EVENT_LABELS,
  OUTCOME_LABELS,
  PROGRESS_LABELS,
  QUESTION_OUTCOME_LABELS,
  REGIME_LABELS,
  REGIME_LONG,
  STATUS_LABELS,
} from '../../shared/labels';

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
