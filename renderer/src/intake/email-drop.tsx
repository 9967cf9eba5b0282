/**
 * Logging a request from an email file: drop an .eml or Outlook .msg on the queue, or pick one.
 * The file goes to main (uploaded in the browser, read by main's dialog in the desktop app), main
 * reads it and answers the prefilled new-case form; nothing is written until the officer logs it.
 */
import { useState } from 'react';
import type { EmailIntakeProposal } from '../../../shared/contract';
import { call, errorMessage } from '../api';
import { Alert } from '../components/fields';
import { FileButton, useFileDrop } from '../files/file-button';
import { hasNativePicker, holdFiles } from '../files/file-pickers';

export function EmailDrop({ onProposal }: { onProposal: (proposal: EmailIntakeProposal) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const take = async (files: File[] | undefined) => {
    setError(null);
    if (files && files.length > 1) {
      setError('Drop one email at a time: each becomes its own case.');
      return;
    }
    if (files && hasNativePicker) {
      setError('In the desktop app, choose the email with the button.');
      return;
    }
    setBusy(true);
    try {
      const [held] = await holdFiles({ kind: 'email' }, files);
      if (!held) return;
      onProposal(await call('intake:read-email', { uploadId: held.uploadId }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const drop = useFileDrop((files) => void take(files));

  return (
    <div
      className={`email-drop${drop.over ? ' email-drop--over' : ''}`}
      data-testid="email-drop"
      {...drop.handlers}
    >
      <p className="email-drop__text">
        {busy ? 'Reading the email…' : 'Drop a request email (.eml or Outlook .msg) here to log it, or'}
      </p>
      <FileButton
        label="Log from an email file…"
        accept=".eml,.msg,message/rfc822,application/vnd.ms-outlook"
        onFiles={(files) => void take(files)}
        disabled={busy}
        testId="email-file-input"
      />
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
