/**
 * The background integrity check's result, where the officer works: nothing while all is well,
 * a line while the first check runs, and, if a page of the file is damaged, what happened and what
 * to do (restore from a backup). Asks main for `integrity:status` (answered at once, outside the
 * call queue) every few seconds until the check has finished, then every few minutes for the
 * scheduled re-check.
 */
import { useEffect, useState } from 'react';
import type { IntegrityStatus } from '../../../shared/contract';
import { call } from '../api';
import { Alert } from './fields';

const WHILE_CHECKING_MS = 2_000;
const AFTERWARDS_MS = 5 * 60_000;

/** `refresh`: asks again whenever it changes (the queue passes its query, so a new view re-asks). */
export function IntegrityBanner({ refresh }: { refresh?: string }) {
  const [status, setStatus] = useState<IntegrityStatus | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const poll = () => {
      call('integrity:status', {}).then(
        (next) => {
          if (stopped) return;
          setStatus(next);
          const settled = next.state === 'ok' || next.state === 'damaged' || next.state === 'failed';
          timer = window.setTimeout(poll, settled ? AFTERWARDS_MS : WHILE_CHECKING_MS);
        },
        () => {
          if (!stopped) timer = window.setTimeout(poll, AFTERWARDS_MS);
        },
      );
    };
    poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [refresh]);

  if (!status) return null;
  if (status.state === 'damaged') {
    return (
      <div data-testid="integrity-banner" data-state="damaged">
        <Alert>
          <strong>The case file is damaged.</strong> {status.message}{' '}
          {status.damagedPages.length
            ? `(Damaged page${status.damagedPages.length === 1 ? '' : 's'}: ${status.damagedPages.join(', ')}.) `
            : ''}
          What to do: lock the file (Ctrl+L), then on the unlock screen choose “Restore from a backup” and
          pick your latest backup; the damaged file is kept beside it as a safety copy. Work saved since that
          backup is not in it, so note what you changed.
        </Alert>
      </div>
    );
  }
  if (status.state === 'failed') {
    return (
      <div data-testid="integrity-banner" data-state="failed">
        <Alert tone="warning">
          {status.message ?? 'The integrity check could not read the case file.'} It will try again; if this
          persists, make a backup now and check it with “foi-desk verify”.
        </Alert>
      </div>
    );
  }
  if (status.state === 'checking' && status.pages > 0) {
    return (
      <p className="queue__integrity" data-testid="integrity-banner" data-state="checking" aria-live="polite">
        Checking the case file for damage: {Math.floor((status.pagesChecked / status.pages) * 100)}%
      </p>
    );
  }
  return <span hidden data-testid="integrity-banner" data-state={status.state} />;
}
