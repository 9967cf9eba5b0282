/**
 * "Choose…" beside a field that takes a typed path (a case file, a backup, a folder): main's own
 * open or save dialog in the desktop app. The browser has no way to give a page a file's path, so
 * there the field is typed, as before, and no button is shown.
 */
import { useState } from 'react';
import { call, errorMessage } from '../api';
import { chooseNewCaseFile, choosePath, hasNativePicker } from './file-pickers';

export type PathKind = 'case-file' | 'backup-file' | 'folder' | 'new-case-file' | 'restore-target';

async function choose(kind: PathKind): Promise<string | null> {
  if (kind === 'new-case-file') return chooseNewCaseFile('FOI register.foidesk');
  // The file a restore replaces is chosen in a save dialog: main grants that path for the restore.
  if (kind === 'restore-target')
    return (await call('dialog:save-path', { suggestedName: 'FOI register.foidesk', kind: 'case-file' }))
      .path;
  return choosePath(kind);
}

export function PathPicker({
  kind,
  label,
  onChosen,
}: {
  kind: PathKind;
  /** What the button picks, for screen readers: "the case file". */
  label: string;
  onChosen: (path: string) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  if (!hasNativePicker) return null;
  return (
    <div className="path-picker">
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => {
          setError(null);
          choose(kind).then(
            (path) => {
              if (path) onChosen(path);
            },
            (e: unknown) => setError(errorMessage(e)),
          );
        }}
      >
        Choose…<span className="visually-hidden"> {label}</span>
      </button>
      {error ? <span className="warning-text"> {error}</span> : null}
    </div>
  );
}
