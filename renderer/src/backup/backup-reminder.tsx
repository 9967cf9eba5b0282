/**
 * The banner under the header: the last automatic backup failed (and why), or the case file has
 * never been backed up, or its last good backup is older than the team's reminder setting. "Back up
 * now" backs up there and then, with progress, to the automatic-backup folder or the folder of the
 * last backup; only when neither is known does it ask for a folder, in the banner itself.
 */
import { PathPicker } from '../files/path-picker';
import { useEffect, useState, type FormEvent } from 'react';
import type { BackupStatus } from '../../../shared/contract';
import { call, errorMessage } from '../api';
import { Alert, TextField } from '../components/fields';
import { formatTimestamp } from '../format';
import { BackupProgressBar, useBackupProgress } from './backup-progress';

/** The folder a file path is in (Windows or POSIX separators), or null for a bare name. */
export function folderOf(filePath: string): string | null {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  if (cut < 0) return null;
  return cut === 0 ? filePath.slice(0, 1) : filePath.slice(0, cut);
}

/** Where "Back up now" writes without asking: the automatic-backup folder, else the last backup's. */
export function knownBackupFolder(status: BackupStatus): string | null {
  if (status.autoBackupFolder) return status.autoBackupFolder;
  return status.last ? folderOf(status.last.path) : null;
}

type Outcome = { tone: 'success' | 'error'; text: string } | null;

export function BackupReminder({ refreshKey }: { refreshKey: unknown }) {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [folder, setFolder] = useState('');
  const [folderError, setFolderError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const progress = useBackupProgress(busy);

  useEffect(() => {
    let live = true;
    // A new page: the last backup's outcome was news on the one before.
    setOutcome(null);
    setAsking(false);
    call('backup:status', {}).then(
      (s) => live && setStatus(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [refreshKey]);

  const backUpTo = async (target: string) => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await call('backup:create', { folder: target });
      setAsking(false);
      setOutcome({
        tone: 'success',
        text: `Backed up and checked: ${result.path} (${result.cases} case${result.cases === 1 ? '' : 's'}).`,
      });
      setStatus(await call('backup:status', {}));
    } catch (e) {
      setOutcome({ tone: 'error', text: `The backup was not made. ${errorMessage(e)}` });
      // Offer another folder: the known one may be on a drive that is not plugged in.
      setFolder(target);
      setAsking(true);
    } finally {
      setBusy(false);
    }
  };

  const backUpNow = () => {
    const known = status ? knownBackupFolder(status) : null;
    if (known) void backUpTo(known);
    else setAsking(true);
  };

  const submitFolder = (e: FormEvent) => {
    e.preventDefault();
    if (!folder.trim()) {
      setFolderError('Enter the folder to back up to, for example a USB drive or a network folder.');
      return;
    }
    setFolderError(null);
    void backUpTo(folder.trim());
  };

  if (!status) return null;
  // A failure is news until a good backup has been made since.
  const failure =
    status.autoBackupFailure && (!status.last || status.last.at < status.autoBackupFailure.at)
      ? status.autoBackupFailure
      : null;
  if (!failure && !status.due && !outcome) return null;
  const known = knownBackupFolder(status);

  return (
    <div
      className={`backup-reminder${failure ? ' backup-reminder--failed' : ''}`}
      role={failure ? 'alert' : 'status'}
      data-testid="backup-reminder"
    >
      <div className="backup-reminder__body">
        {failure ? (
          <p className="backup-reminder__text">
            <strong>The automatic backup on {formatTimestamp(failure.at)} failed:</strong> {failure.message}{' '}
            {status.last
              ? `The last good backup is from ${formatTimestamp(status.last.at)}.`
              : 'This case file has never been backed up.'}
          </p>
        ) : status.due ? (
          <p className="backup-reminder__text">
            {status.last
              ? `The last backup of this case file was on ${formatTimestamp(status.last.at)}, more than ${status.reminderDays} days ago.`
              : 'This case file has never been backed up.'}
          </p>
        ) : null}
        {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
        {busy ? <BackupProgressBar progress={progress} label="Backing up" /> : null}
        {asking && !busy ? (
          <form
            className="backup-reminder__ask"
            onSubmit={submitFolder}
            noValidate
            aria-label="Back up to a folder"
          >
            <TextField
              label="Back up to this folder"
              hint="For example a USB drive or a network folder. The backup stays encrypted with the same passphrase."
              value={folder}
              onChange={setFolder}
              error={folderError}
              spellCheck={false}
            />
            <PathPicker kind="folder" label="the backup folder" onChosen={setFolder} />
            <div className="button-row">
              <button type="submit" className="button button--small">
                Back up
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setAsking(false)}
              >
                Cancel
              </button>
            </div>
          </form>
        ) : null}
      </div>
      {failure || status.due ? (
        asking ? null : (
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={busy}
            onClick={backUpNow}
            title={known ? `Backs up to ${known}` : undefined}
          >
            {busy ? 'Backing up…' : 'Back up now'}
          </button>
        )
      ) : null}
    </div>
  );
}
