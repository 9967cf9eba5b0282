/**
 * The disclosure log: for a period, the closed cases chosen for publication, what the personal-data
 * check found in each (the requester always left out), a decision per finding, and the export as
 * CSV or a static web page. The export is refused in main while a finding is undecided; this
 * screen only says so first.
 */
import { useEffect, useId, useState } from 'react';
import type { DisclosurePreview } from '../../../shared/contract';
import { todayIso } from '../../../shared/dates';
import { call, errorMessage } from '../api';
import { Alert, DateField } from '../components/fields';
import { base64ToBytes, downloadFile } from '../letters/download';
import { formatUkDate } from '../format';

function startOfQuarter(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
}

export function DisclosureLogScreen({ onOpenCase }: { onOpenCase: (id: number) => void }) {
  const uid = useId();
  const today = todayIso();
  const [from, setFrom] = useState(startOfQuarter(today));
  const [to, setTo] = useState(today);
  const [preview, setPreview] = useState<DisclosurePreview | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return;
    call('disclosure:preview', { from, to }).then(
      (p) => live && (setPreview(p), setMessage(null)),
      (e: unknown) => live && setMessage({ tone: 'error', text: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [from, to]);

  const decide = async (caseId: number, key: string, action: 'remove' | 'keep') => {
    try {
      setPreview(await call('disclosure:decide', { from, to, caseId, key, action }));
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    }
  };

  const exportAs = async (format: 'csv' | 'html') => {
    setBusy(true);
    try {
      const file = await call('disclosure:export', { from, to, format });
      downloadFile(file.fileName, base64ToBytes(file.base64), format === 'csv' ? 'text/csv' : 'text/html');
      setMessage({ tone: 'success', text: `Exported ${file.fileName}.` });
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const entries = preview?.entries ?? [];
  return (
    <div className="disclosure" data-screen="disclosure-log" data-ready={preview ? 'true' : 'false'}>
      <h1 className="page-title">Disclosure log</h1>
      <p className="hint">
        Closed cases chosen for publication on their case page, answered in the period. The requester’s name
        and address are always left out. Decide each possible piece of personal data before you export: remove
        it, or keep it when it is not personal data (a switchboard number, the trust’s own postcode).
      </p>
      <div className="disclosure__period">
        <DateField label="From" value={from} onChange={setFrom} />
        <DateField label="To" value={to} onChange={setTo} />
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {preview && entries.length === 0 ? (
        <p className="muted">No cases chosen for the log were answered in this period.</p>
      ) : null}
      {entries.map((e) => (
        <section
          key={e.caseId}
          className="panel"
          aria-labelledby={`${uid}-${e.caseId}`}
          data-entry={e.reference}
        >
          <h2 className="panel__title" id={`${uid}-${e.caseId}`}>
            <button type="button" className="link-button" onClick={() => onOpenCase(e.caseId)}>
              {e.reference}
            </button>
            : {e.subject}
          </h2>
          <p className="muted">Responded {formatUkDate(e.responded)}</p>
          {e.findings.length === 0 ? <p>No personal data found.</p> : null}
          <ul className="findings">
            {e.findings.map((f) => (
              <li
                key={f.key}
                className="finding"
                data-finding={f.kind}
                data-decision={f.decision ?? 'undecided'}
              >
                <span className="finding__what">
                  <strong>{f.label}</strong>: <mark>{f.value}</mark>{' '}
                  <span className="muted">in {f.where.join(', ')}</span>
                </span>
                {f.fixed ? (
                  <span className="tag">Always left out</span>
                ) : (
                  <span className="finding__actions" role="group" aria-label={`${f.label} ${f.value}`}>
                    <button
                      type="button"
                      className={`button button--small ${f.decision === 'remove' ? '' : 'button--secondary'}`}
                      aria-pressed={f.decision === 'remove'}
                      onClick={() => void decide(e.caseId, f.key, 'remove')}
                    >
                      Remove
                    </button>
                    <button
                      type="button"
                      className={`button button--small ${f.decision === 'keep' ? '' : 'button--secondary'}`}
                      aria-pressed={f.decision === 'keep'}
                      onClick={() => void decide(e.caseId, f.key, 'keep')}
                    >
                      Keep
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {preview && entries.length > 0 ? (
        <div className="button-row">
          {preview.undecided > 0 ? (
            <p className="warning-text" role="status">
              {preview.undecided} finding{preview.undecided === 1 ? '' : 's'} still to decide.
            </p>
          ) : null}
          <button
            type="button"
            className="button"
            disabled={busy || preview.undecided > 0}
            onClick={() => void exportAs('html')}
          >
            Export as a web page
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy || preview.undecided > 0}
            onClick={() => void exportAs('csv')}
          >
            Export as CSV
          </button>
        </div>
      ) : null}
    </div>
  );
}
