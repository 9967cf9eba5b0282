/**
 * A reminder under the header when the case file has never been backed up, or its last good
 * backup is older than the team's reminder setting. Officers back up themselves; this is how the
 * app keeps that from being forgotten.
 */
import { useEffect, useState } from 'react';
import type { BackupStatus } from '../../../shared/contract';
import { call } from '../api';
import { formatTimestamp } from '../format';

export function BackupReminder({ onBackUp, refreshKey }: { onBackUp: () => void; refreshKey: unknown }) {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  useEffect(() => {
    let live = true;
    call('backup:status', {}).then(
      (s) => live && setStatus(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [refreshKey]);
  if (!status?.due) return null;
  return (
    <div className="backup-reminder" role="status" data-testid="backup-reminder">
      <p className="backup-reminder__text">
        {status.last
          ? `The last backup of this case file was on ${formatTimestamp(status.last.at)}, more than ${status.reminderDays} days ago.`
          : 'This case file has never been backed up.'}
      </p>
      <button type="button" className="button button--secondary button--small" onClick={onBackUp}>
        Back up now
      </button>
    </div>
  );
}
