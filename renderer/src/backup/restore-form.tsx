/**
 * Restore from a backup, from the unlock screen: check the backup first (passphrase, integrity,
 * schema, number of cases, last change), show what it holds, and only then replace the case file,
 * keeping the current one beside it as a safety copy.
 */
import { PathPicker } from '../files/path-picker';
import { useRef, useState, type FormEvent } from 'react';
import type { BackupCheck, RestoreResult } from '../../../shared/contract';
import { call, errorMessage, passphraseBytes } from '../api';
import { Alert, TextField } from '../components/fields';
import { formatTimestamp } from '../format';
import { BackupProgressBar, useBackupProgress } from './backup-progress';

export function RestoreForm({
  initialTarget,
  onRestored,
}: {
  initialTarget: string;
  onRestored: (result: RestoreResult) => void;
}) {
  const [backupPath, setBackupPath] = useState('');
  const [target, setTarget] = useState(initialTarget);
  const [passphrase, setPassphrase] = useState('');
  const [check, setCheck] = useState<BackupCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'checking' | 'restoring' | null>(null);
  const progress = useBackupProgress(busy === 'restoring');
  const confirmRef = useRef<HTMLButtonElement>(null);

  const inspect = async (event: FormEvent) => {
    event.preventDefault();
    setCheck(null);
    if (!backupPath.trim()) return setError('Enter where the backup is.');
    if (!target.trim()) return setError('Enter the case file to restore into.');
    if (!passphrase) return setError('Enter the passphrase the backup was made with.');
    setError(null);
    setBusy('checking');
    try {
      const result = await call('backup:inspect', {
        path: backupPath.trim(),
        passphrase: passphraseBytes(passphrase),
      });
      setCheck(result);
      if (result.ok) requestAnimationFrame(() => confirmRef.current?.focus());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const restore = async () => {
    setBusy('restoring');
    setError(null);
    try {
      const result = await call('backup:restore', {
        backupPath: backupPath.trim(),
        targetPath: target.trim(),
        passphrase: passphraseBytes(passphrase),
      });
      setPassphrase('');
      onRestored(result);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <form onSubmit={(e) => void inspect(e)} noValidate aria-label="Restore from a backup">
      <TextField
        id="restore-backup"
        label="The backup to restore"
        hint="The full path of the backup file, for example E:\FOI backups\FOI register backup 2026-11-20 170000.foidesk"
        value={backupPath}
        onChange={(v) => {
          setBackupPath(v);
          setCheck(null);
        }}
        autoComplete="off"
        spellCheck={false}
      />
      <PathPicker
        kind="backup-file"
        label="the backup to restore"
        onChosen={(p) => {
          setBackupPath(p);
          setCheck(null);
        }}
      />
      <TextField
        id="restore-target"
        label="The case file to restore into"
        hint="The file there now is kept beside it as a safety copy."
        value={target}
        onChange={(v) => {
          setTarget(v);
          setCheck(null);
        }}
        autoComplete="off"
        spellCheck={false}
      />
      <PathPicker
        kind="restore-target"
        label="the case file to restore into"
        onChosen={(p) => {
          setTarget(p);
          setCheck(null);
        }}
      />
      <div className="field">
        <label className="field__label" htmlFor="restore-passphrase">
          The backup’s passphrase
        </label>
        <input
          id="restore-passphrase"
          className="input"
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={(e) => {
            setPassphrase(e.target.value);
            setCheck(null);
          }}
        />
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <button type="submit" className="button button--secondary" disabled={busy !== null}>
        {busy === 'checking' ? 'Checking…' : 'Check the backup'}
      </button>
      {check ? (
        <div className="restore-check" data-testid="restore-check">
          <h2 className="panel__subtitle">What the backup holds</h2>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>Integrity check</dt>
              <dd>{check.ok ? 'Passed' : `Failed: ${check.problems[0] ?? 'damaged'}`}</dd>
            </div>
            <div className="summary-list__row">
              <dt>Cases</dt>
              <dd>{check.cases}</dd>
            </div>
            <div className="summary-list__row">
              <dt>Last change</dt>
              <dd>{check.lastChange ? formatTimestamp(check.lastChange) : 'None recorded'}</dd>
            </div>
            <div className="summary-list__row">
              <dt>Made by</dt>
              <dd>
                {check.schemaVersion < check.currentSchemaVersion
                  ? 'An earlier version of FOI Desk: it is brought up to date when restored.'
                  : 'This version of FOI Desk.'}
              </dd>
            </div>
          </dl>
          {check.ok ? (
            <>
              {busy === 'restoring' ? <BackupProgressBar progress={progress} label="Restoring" /> : null}
              <button
                ref={confirmRef}
                type="button"
                className="button button--warning"
                disabled={busy !== null}
                onClick={() => void restore()}
              >
                {busy === 'restoring' ? 'Restoring…' : 'Replace the case file with this backup'}
              </button>
            </>
          ) : (
            <Alert>This backup is damaged and cannot be restored. Try another one.</Alert>
          )}
        </div>
      ) : null}
    </form>
  );
}
