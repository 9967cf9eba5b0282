/**
 * The unlock screen: open a recent case file or another one with its passphrase, or create a new
 * encrypted case file. A wrong passphrase is said plainly; a lost passphrase cannot be recovered,
 * and the screen says so before a file is created.
 */
import { PathPicker } from '../files/path-picker';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SessionStatus } from '../../../shared/contract';
import { ApiError, call, errorMessage, passphraseBytes } from '../api';
import { Alert, TextField } from '../components/fields';
import { MIN_LENGTH, passphraseStrength } from '../passphrase-strength';
import { RestoreForm } from '../backup/restore-form';

const ANOTHER = '__another__';

export function UnlockScreen({
  status,
  notice,
  onOpened,
  onStatus,
}: {
  status: SessionStatus;
  notice: string | null;
  onOpened: (status: SessionStatus) => void;
  onStatus: (status: SessionStatus) => void;
}) {
  const recent = status.recent;
  const [mode, setMode] = useState<'open' | 'create' | 'restore'>(recent.length ? 'open' : 'create');
  const [restoreTarget, setRestoreTarget] = useState(recent[0]?.path ?? status.suggestedPath);
  const [restored, setRestored] = useState<string | null>(null);
  // The name the case history shows for this session; the last one given is offered again.
  const [officer, setOfficer] = useState(status.officer ?? '');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="unlock" data-ready="true" data-screen="unlock">
      <header className="unlock__brand">
        <p className="unlock__logo" aria-hidden="true">
          FOI Desk
        </p>
        <p className="unlock__tagline">Case manager for FOI, EIR and subject access requests</p>
      </header>
      <main className="unlock__main" id="main">
        <h1 className="unlock__title" ref={heading} tabIndex={-1}>
          {mode === 'open'
            ? 'Unlock a case file'
            : mode === 'create'
              ? 'Create a new case file'
              : 'Restore from a backup'}
        </h1>
        {notice ? <Alert tone="info">{notice}</Alert> : null}
        {restored ? <Alert tone="success">{restored}</Alert> : null}
        <div className="tabs" role="group" aria-label="What do you want to do?">
          <button
            type="button"
            className="tabs__tab"
            aria-pressed={mode === 'open'}
            onClick={() => setMode('open')}
          >
            Open a case file
          </button>
          <button
            type="button"
            className="tabs__tab"
            aria-pressed={mode === 'create'}
            onClick={() => setMode('create')}
          >
            Create a new case file
          </button>
          <button
            type="button"
            className="tabs__tab"
            aria-pressed={mode === 'restore'}
            onClick={() => setMode('restore')}
          >
            Restore from a backup
          </button>
        </div>
        <div className="panel unlock__panel">
          {mode === 'open' ? (
            <OpenForm
              status={status}
              officer={officer}
              onOfficer={setOfficer}
              onOpened={onOpened}
              onStatus={onStatus}
              onRestore={(target) => {
                setRestoreTarget(target);
                setRestored(null);
                setMode('restore');
              }}
            />
          ) : mode === 'create' ? (
            <CreateForm status={status} officer={officer} onOfficer={setOfficer} onOpened={onOpened} />
          ) : (
            <RestoreForm
              initialTarget={restoreTarget}
              onRestored={(result) => {
                setRestored(
                  `Restored ${result.check.cases} case${result.check.cases === 1 ? '' : 's'} into ${result.target}.` +
                    (result.safetyCopy ? ` The file that was there is kept as ${result.safetyCopy}.` : '') +
                    ' Unlock it with the backup’s passphrase.',
                );
                void call('session:status', {}).then((s) => {
                  onStatus(s);
                  setMode('open');
                });
              }}
            />
          )}
        </div>
        <p className="unlock__privacy">
          Your cases stay on this computer in one encrypted file. Nothing is sent anywhere.
        </p>
      </main>
    </div>
  );
}

/** "Your name (for the case history)": blank means the computer's user name. */
function OfficerField({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  return (
    <TextField
      id={id}
      label="Your name (for the case history)"
      hint="Optional. The timeline names you for what you change; left empty, it names this computer’s user."
      value={value}
      onChange={onChange}
      autoComplete="name"
      maxLength={120}
      spellCheck={false}
    />
  );
}

function OpenForm({
  status,
  officer,
  onOfficer,
  onOpened,
  onStatus,
  onRestore,
}: {
  status: SessionStatus;
  officer: string;
  onOfficer: (name: string) => void;
  onOpened: (status: SessionStatus) => void;
  onStatus: (status: SessionStatus) => void;
  onRestore: (target: string) => void;
}) {
  const recent = status.recent;
  const [damaged, setDamaged] = useState<string | null>(null);
  const [choice, setChoice] = useState(recent[0]?.path ?? ANOTHER);
  const [otherPath, setOtherPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const path = choice === ANOTHER ? otherPath.trim() : choice;
    if (!path) {
      setError('Enter where the case file is.');
      return;
    }
    if (!passphrase) {
      setError('Enter the passphrase.');
      passRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setDamaged(null);
    try {
      const opened = await call('session:open', {
        path,
        passphrase: passphraseBytes(passphrase),
        officer: officer.trim(),
      });
      setPassphrase('');
      onOpened(opened);
    } catch (e) {
      setError(errorMessage(e));
      // A damaged file is never repaired in place: offer the way back, a backup.
      if (e instanceof ApiError && e.code === 'damaged') setDamaged(path);
      setPassphrase('');
      passRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Open a case file">
      {recent.length ? (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Recent case files</legend>
          <div className="radios">
            {recent.map((r, i) => (
              <div className="radio radio--file" key={r.path}>
                <input
                  className="radio__input"
                  type="radio"
                  id={`recent-${i}`}
                  name="recent"
                  checked={choice === r.path}
                  onChange={() => setChoice(r.path)}
                />
                <label className="radio__label" htmlFor={`recent-${i}`}>
                  <span className="file__name">{r.name}</span>
                  <span className="file__path">{r.path}</span>
                  {r.exists ? null : (
                    <span className="file__missing">
                      Not found (moved, or on a drive that is not connected)
                    </span>
                  )}
                </label>
                <button
                  type="button"
                  className="button button--link recent__forget"
                  aria-label={`Remove from list: ${r.name}`}
                  onClick={() => {
                    void call('session:forget-recent', { path: r.path }).then((s) => {
                      onStatus(s);
                      setChoice(s.recent[0]?.path ?? ANOTHER);
                    });
                  }}
                >
                  Remove from list
                </button>
              </div>
            ))}
            <div className="radio">
              <input
                className="radio__input"
                type="radio"
                id="recent-another"
                name="recent"
                checked={choice === ANOTHER}
                onChange={() => setChoice(ANOTHER)}
              />
              <label className="radio__label" htmlFor="recent-another">
                Another case file
              </label>
            </div>
          </div>
        </fieldset>
      ) : null}
      {choice === ANOTHER ? (
        <TextField
          id="open-path"
          label="Where the case file is"
          hint="The full path, for example C:\Users\you\Documents\FOI register.foidesk"
          value={otherPath}
          onChange={setOtherPath}
          autoComplete="off"
          spellCheck={false}
        />
      ) : null}
      {choice === ANOTHER ? (
        <PathPicker kind="case-file" label="the case file" onChosen={setOtherPath} />
      ) : null}
      <OfficerField id="open-officer" value={officer} onChange={onOfficer} />
      <div className="field">
        <label className="field__label" htmlFor="open-passphrase">
          Passphrase
        </label>
        <input
          ref={passRef}
          id="open-passphrase"
          className="input"
          type="password"
          autoComplete="current-password"
          value={passphrase}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'open-error' : undefined}
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </div>
      {error ? (
        <div id="open-error">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      {damaged ? (
        <button type="button" className="button button--secondary" onClick={() => onRestore(damaged)}>
          Restore this case file from a backup
        </button>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
    </form>
  );
}

function CreateForm({
  status,
  officer,
  onOfficer,
  onOpened,
}: {
  status: SessionStatus;
  officer: string;
  onOfficer: (name: string) => void;
  onOpened: (status: SessionStatus) => void;
}) {
  const [path, setPath] = useState(status.suggestedPath);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const strength = passphraseStrength(passphrase);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!path.trim()) return setError('Enter where to save the new case file.');
    if (passphrase.length < MIN_LENGTH)
      return setError(`The passphrase must be at least ${MIN_LENGTH} characters.`);
    if (passphrase !== confirm)
      return setError('The two passphrases do not match. Type the same passphrase twice.');
    if (!understood) return setError('Confirm that you understand a lost passphrase cannot be recovered.');
    setBusy(true);
    setError(null);
    try {
      const opened = await call('session:create', {
        path: path.trim(),
        passphrase: passphraseBytes(passphrase),
        officer: officer.trim(),
      });
      setPassphrase('');
      setConfirm('');
      onOpened(opened);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Create a new case file">
      <TextField
        id="create-path"
        label="Where to save the new case file"
        hint="The full path of a new file. Nothing is ever overwritten."
        value={path}
        onChange={setPath}
        autoComplete="off"
        spellCheck={false}
      />
      <PathPicker kind="new-case-file" label="where to save the new case file" onChosen={setPath} />
      <OfficerField id="create-officer" value={officer} onChange={onOfficer} />
      <div className="field">
        <label className="field__label" htmlFor="create-passphrase">
          Passphrase
        </label>
        <div className="field__hint" id="create-passphrase-hint">
          At least {MIN_LENGTH} characters. Four or more unrelated words are strong and easy to type.
        </div>
        <input
          id="create-passphrase"
          className="input"
          type="password"
          autoComplete="new-password"
          value={passphrase}
          aria-describedby="create-passphrase-hint create-strength"
          onChange={(e) => setPassphrase(e.target.value)}
        />
        <div className="strength" id="create-strength" aria-live="polite">
          <meter
            className={`strength__meter strength__meter--${strength.score}`}
            min={0}
            max={4}
            low={2}
            high={3}
            optimum={4}
            value={strength.score}
            aria-label="Passphrase strength"
          />
          <span className="strength__label">
            Strength: <strong>{passphrase ? strength.label : 'not entered'}</strong>
            {passphrase ? `. ${strength.advice}` : ''}
          </span>
        </div>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="create-confirm">
          Type the passphrase again
        </label>
        <input
          id="create-confirm"
          className="input"
          type="password"
          autoComplete="new-password"
          value={confirm}
          aria-invalid={confirm && confirm !== passphrase ? true : undefined}
          aria-describedby="create-confirm-state"
          onChange={(e) => setConfirm(e.target.value)}
        />
        <div className="field__hint" id="create-confirm-state" aria-live="polite">
          {confirm
            ? confirm === passphrase
              ? 'The passphrases match.'
              : 'The passphrases do not match yet.'
            : ''}
        </div>
      </div>
      <div className="warning-callout" role="note">
        <p className="warning-callout__title">A lost passphrase cannot be recovered</p>
        <p>
          The case file is encrypted with this passphrase. If it is lost, nobody can open the file again: not
          IT, not the makers of FOI Desk. Keep a copy somewhere safe that your information governance lead
          agrees, and make backups.
        </p>
      </div>
      <div className="checkbox">
        <input
          id="create-understood"
          type="checkbox"
          className="checkbox__input"
          checked={understood}
          onChange={(e) => setUnderstood(e.target.checked)}
        />
        <label className="checkbox__label" htmlFor="create-understood">
          I understand that a lost passphrase cannot be recovered
        </label>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Creating…' : 'Create the case file'}
      </button>
    </form>
  );
}
