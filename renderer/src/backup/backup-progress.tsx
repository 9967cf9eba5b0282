/** Progress of a backup or restore under way, polled from the service while `active`. */
import { useEffect, useState } from 'react';
import type { BackupProgress } from '../../../shared/contract';
import { call } from '../api';

const POLL_MS = 150;

export function useBackupProgress(active: boolean): BackupProgress {
  const [progress, setProgress] = useState<BackupProgress>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return;
    }
    let live = true;
    const timer = setInterval(() => {
      call('backup:progress', {}).then(
        (p) => live && p && setProgress(p),
        () => undefined,
      );
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [active]);
  return progress;
}

export function BackupProgressBar({ progress, label }: { progress: BackupProgress; label: string }) {
  const copied =
    progress && progress.bytesTotal > 0 ? Math.round((progress.bytesDone / progress.bytesTotal) * 100) : 0;
  const text =
    progress?.phase === 'verifying' || progress?.phase === 'done'
      ? 'Checking the copy: passphrase, integrity, cases…'
      : `Copying… ${copied}%`;
  return (
    <div className="backup-progress">
      <label className="field__label" htmlFor="backup-progress">
        {label}
      </label>
      <progress
        id="backup-progress"
        className="backup-progress__bar"
        max={100}
        value={progress?.phase === 'copying' ? copied : progress ? 100 : undefined}
      />
      <p className="muted" aria-live="polite">
        {text}
      </p>
    </div>
  );
}
