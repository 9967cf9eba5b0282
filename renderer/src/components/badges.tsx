import type { ProgressState } from '../../../shared/clock';
import { daysLeftShort, daysLeftText, PROGRESS_LABELS, STATUS_LABELS } from '../format';

/** Where a case stands against its deadline, in colour AND in words. */
export function ProgressBadge({
  state,
  days,
  long = false,
}: {
  state: ProgressState;
  days: number | null;
  long?: boolean;
}) {
  const detail = long ? daysLeftText(days) : days === null ? '' : daysLeftShort(days);
  return (
    <span className={`badge badge--${state}`}>
      <span className="badge__dot" aria-hidden="true" />
      <span>
        {PROGRESS_LABELS[state]}
        {detail && long ? <span className="badge__detail">: {detail}</span> : null}
      </span>
    </span>
  );
}

export function StatusTag({ status }: { status: string }) {
  return <span className={`tag tag--${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}
