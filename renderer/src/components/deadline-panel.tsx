/** The due date and how it was reached: the counted days and the days that did not count, with why. */
import type { Deadline, Progress } from '../../../shared/clock';
import { formatLongDate, formatUkDate } from '../format';
import { ProgressBadge } from './badges';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function weekdayOf(iso: string): string {
  const [y = 1970, m = 1, d = 1] = iso.split('-').map(Number);
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
}

export function DeadlinePanel({
  deadline,
  progress,
  headingLevel = 2,
  closed = false,
}: {
  deadline: Deadline;
  progress: Progress | null;
  headingLevel?: 2 | 3;
  closed?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="deadline" aria-labelledby="deadline-heading" data-ready="true">
      <Heading className="deadline__heading" id="deadline-heading">
        Due date
      </Heading>
      {deadline.due ? (
        <p className="deadline__date">
          <span className="deadline__uk" data-testid="due-date">
            {formatUkDate(deadline.due)}
          </span>
          <span className="deadline__long">{formatLongDate(deadline.due)}</span>
        </p>
      ) : (
        <p className="deadline__date deadline__date--stopped">
          Clock stopped{deadline.stoppedReason ? `: ${deadline.stoppedReason}` : ''}
        </p>
      )}
      {progress && !closed ? (
        <ProgressBadge state={progress.state} days={progress.workingDaysLeft} long />
      ) : null}
      {progress?.state === 'closed' ? (
        <p className="deadline__note">
          {progress.respondedOnTime === true
            ? 'Answered within the time limit.'
            : progress.respondedOnTime === false
              ? 'Answered after the due date.'
              : 'Closed.'}
        </p>
      ) : null}
      <p className="deadline__summary">{deadline.summary}</p>
      <dl className="deadline__facts">
        <div>
          <dt>Time limit</dt>
          <dd>{deadline.limit}</dd>
        </div>
        {deadline.statutoryDue && deadline.statutoryDue !== deadline.due ? (
          <div>
            <dt>Without the extension</dt>
            <dd>{formatUkDate(deadline.statutoryDue)}</dd>
          </div>
        ) : null}
        {progress?.internalDue ? (
          <div>
            <dt>Internal target</dt>
            <dd>{formatUkDate(progress.internalDue)}</dd>
          </div>
        ) : null}
        {deadline.latestLawful && deadline.latestLawful !== deadline.due ? (
          <div>
            <dt>Latest with an extension</dt>
            <dd>{formatUkDate(deadline.latestLawful)}</dd>
          </div>
        ) : null}
      </dl>
      {deadline.warnings.length ? (
        <ul className="deadline__warnings">
          {deadline.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {deadline.counted.length || deadline.skipped.length ? (
        <details className="working">
          <summary>
            Show the working ({deadline.counted.length} days counted, {deadline.skipped.length} not counted)
          </summary>
          {deadline.notes.length ? (
            <ol className="working__notes">
              {deadline.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ol>
          ) : null}
          <div className="working__columns">
            <table className="working__table">
              <caption>Days counted</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Date</th>
                </tr>
              </thead>
              <tbody>
                {deadline.counted.map((c) => (
                  <tr key={c.date}>
                    <td>{c.day}</td>
                    <td>
                      {weekdayOf(c.date)} {formatUkDate(c.date)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="working__table">
              <caption>Days not counted</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {deadline.skipped.map((s) => (
                  <tr key={s.date}>
                    <td>
                      {weekdayOf(s.date)} {formatUkDate(s.date)}
                    </td>
                    <td>{s.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </section>
  );
}
