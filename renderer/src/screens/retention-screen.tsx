/**
 * Retention: the closed cases past their review date under the schedule (Settings → Retention),
 * and disposal of each — deleted entirely, or anonymised with its figures kept for the
 * statistics. Confirmed twice: a dialog saying what goes and what stays, then the reference typed
 * back (main refuses without it, shared/retention.ts disposalConfirmationProblem).
 */
import { useCallback, useEffect, useState } from 'react';
import type { RetentionDueCase } from '../../../shared/contract';
import { REGIME_LABELS } from '../../../shared/labels';
import {
  ANONYMISE_KEEPS,
  ANONYMISE_REMOVES,
  disposalConfirmationProblem,
  type DisposalMethod,
} from '../../../shared/retention';
import { call, errorMessage } from '../api';
import { Alert, TextField } from '../components/fields';
import { ConfirmDialog, Modal } from '../components/modal';
import { formatUkDate } from '../format';

interface Pending {
  row: RetentionDueCase;
  method: DisposalMethod;
  step: 'confirm' | 'type';
}

export function RetentionScreen({ onOpenCase }: { onOpenCase: (id: number) => void }) {
  const [rows, setRows] = useState<RetentionDueCase[] | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    call('retention:due', {}).then(setRows, (e: unknown) =>
      setMessage({ tone: 'error', text: errorMessage(e) }),
    );
  }, []);
  useEffect(load, [load]);

  const dispose = async () => {
    if (!pending) return;
    const problem = disposalConfirmationProblem(pending.row.reference, typed);
    if (problem) {
      setTypedError(problem);
      return;
    }
    setBusy(true);
    try {
      const result = await call('retention:dispose', {
        caseId: pending.row.id,
        method: pending.method,
        confirmReference: typed,
        confirm: true,
      });
      setMessage({
        tone: 'success',
        text: `${result.reference} ${result.method === 'delete' ? 'deleted' : 'anonymised'}.`,
      });
      setPending(null);
      load();
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
      setPending(null);
    } finally {
      setBusy(false);
    }
  };

  const start = (row: RetentionDueCase, method: DisposalMethod) => {
    setTyped('');
    setTypedError(undefined);
    setPending({ row, method, step: 'confirm' });
  };

  return (
    <div className="retention" data-screen="retention" data-ready={rows ? 'true' : 'false'}>
      <h1 className="page-title">Retention</h1>
      <p className="hint">
        Closed cases past their review date under the retention schedule (Settings → Retention). Delete a case
        entirely, or anonymise it: its requester, letters and files go, and the statistics keep counting it.
        Backups made before still hold the case until they are replaced.
      </p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {rows && rows.length === 0 ? <p className="muted">No case is due for review.</p> : null}
      {rows && rows.length > 0 ? (
        <table className="table retention__table">
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Regime</th>
              <th scope="col">Subject</th>
              <th scope="col">Closed</th>
              <th scope="col">Review date</th>
              <th scope="col">Dispose</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-due={row.reference}>
                <td>
                  <button type="button" className="link-button" onClick={() => onOpenCase(row.id)}>
                    {row.reference}
                  </button>
                </td>
                <td>
                  {REGIME_LABELS[row.regime] ?? row.regime}
                  {row.appealed ? ' (appealed)' : ''}
                </td>
                <td>{row.subject}</td>
                <td>{formatUkDate(row.closed)}</td>
                <td>{formatUkDate(row.reviewDate)}</td>
                <td>
                  <div className="button-row">
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={`Anonymise ${row.reference}`}
                      onClick={() => start(row, 'anonymise')}
                    >
                      Anonymise
                    </button>
                    <button
                      type="button"
                      className="button button--warning"
                      aria-label={`Delete ${row.reference}`}
                      onClick={() => start(row, 'delete')}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {pending?.step === 'confirm' ? (
        <ConfirmDialog
          title={`${pending.method === 'delete' ? 'Delete' : 'Anonymise'} ${pending.row.reference}?`}
          confirmLabel="Continue"
          onConfirm={() => setPending({ ...pending, step: 'type' })}
          onCancel={() => setPending(null)}
        >
          {pending.method === 'delete'
            ? 'The case and everything in it (questions, answers, letters, files, drafts, its history) will be removed from the case file for good. The statistics will no longer count it. The history keeps only that it was deleted, when and by whom.'
            : `Removed for good: ${ANONYMISE_REMOVES}. Kept: ${ANONYMISE_KEEPS}.`}
        </ConfirmDialog>
      ) : null}
      {pending?.step === 'type' ? (
        <Modal title={`Confirm: ${pending.method} ${pending.row.reference}`} onClose={() => setPending(null)}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void dispose();
            }}
            noValidate
          >
            <TextField
              label={`Type the reference ${pending.row.reference} to confirm`}
              value={typed}
              error={typedError}
              autoComplete="off"
              onChange={(v) => {
                setTyped(v);
                setTypedError(undefined);
              }}
            />
            <div className="button-row">
              <button type="submit" className="button button--warning" disabled={busy}>
                {busy ? 'Working…' : pending.method === 'delete' ? 'Delete for good' : 'Anonymise for good'}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setPending(null)}>
                Cancel
              </button>
            </div>
          </form>
        </Modal>
      ) : null}
    </div>
  );
}
