/**
 * Importing the team's spreadsheet log: choose the .xlsx or .csv, check which column holds which
 * field (the headers suggest it), look at the first rows with each row's problems and the rows
 * that would be skipped, then import the valid rows or nothing, and read what was skipped and why.
 */
import { useEffect, useState } from 'react';
import { REGIMES, type Regime } from '../../../shared/case-format';
import { MAX_SHEET_MB } from '../../../shared/contract';
import {
  SHEET_FIELD_LABELS,
  SHEET_FIELDS,
  UNSTORED_FIELDS,
  type ColumnMapping,
  type ImportProgress,
  type SheetCheck,
  type SheetField,
  type SheetImportReport,
  type SheetOpened,
  type SheetProblemRow,
} from '../../../shared/spreadsheet-columns';
import { formatLongDate, parseLogDate } from '../../../shared/dates';
import { call, errorMessage } from '../api';

const POLL_MS = 200;
const PREVIEW_FIELDS: SheetField[] = [
  'reference',
  'received',
  'regime',
  'requester',
  'subject',
  'responded',
  'outcome',
];

/** A date as the import reads it (day first), so a misread is seen before the import; the rest as typed. */
function shown(field: SheetField, value: string | undefined): string {
  if (!value) return '';
  if (field !== 'received' && field !== 'responded') return value;
  const read = parseLogDate(value);
  return read.ok ? formatLongDate(read.date) : value;
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    out += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return btoa(out);
}

function useImportProgress(active: boolean): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return;
    }
    let live = true;
    const timer = setInterval(() => {
      call('import:progress', {}).then(
        (p) => live && setProgress(p),
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

function ProgressLine({ progress, label }: { progress: ImportProgress | null; label: string }) {
  const pct =
    progress && progress.total > 0
      ? Math.min(100, Math.round((progress.done / progress.total) * 100))
      : undefined;
  return (
    <div className="backup-progress" role="status">
      <p className="field__label">{label}</p>
      <progress className="backup-progress__bar" max={100} value={pct} aria-label={label} />
      <p className="muted">
        {progress?.phase === 'writing'
          ? `Writing cases… ${progress.done} of ${progress.total}`
          : pct !== undefined
            ? `Reading and checking the rows… ${pct}%`
            : 'Reading…'}
      </p>
    </div>
  );
}

function ProblemList({ rows, more, label }: { rows: SheetProblemRow[]; more: number; label: string }) {
  if (rows.length === 0) return null;
  return (
    <div className="panel">
      <h3 className="panel__subtitle">{label}</h3>
      <ul className="plain-list import-log__problems" aria-label={label}>
        {rows.map((r) => (
          <li className="plain-list__item" key={r.row}>
            <strong>
              Row {r.row}
              {r.reference ? ` (${r.reference})` : ''}:
            </strong>{' '}
            {r.problems.join(' ')}
          </li>
        ))}
      </ul>
      {more > 0 ? <p className="muted">… and {more} more.</p> : null}
    </div>
  );
}

export function ImportLog({ onDone }: { onDone: () => void }) {
  const [opened, setOpened] = useState<SheetOpened | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [defaultRegime, setDefaultRegime] = useState<Regime>('FOIA');
  const [check, setCheck] = useState<SheetCheck | null>(null);
  const [mode, setMode] = useState<'valid-rows' | 'all-or-nothing'>('valid-rows');
  const [report, setReport] = useState<SheetImportReport | null>(null);
  const [busy, setBusy] = useState<'reading' | 'checking' | 'importing' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const progress = useImportProgress(busy === 'checking' || busy === 'importing');

  useEffect(
    () => () => {
      if (opened) call('import:sheet-close', { token: opened.token }).catch(() => undefined);
    },
    [opened],
  );

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setCheck(null);
    setReport(null);
    if (file.size > MAX_SHEET_MB * 1024 * 1024) {
      setError(
        `${file.name} is larger than ${MAX_SHEET_MB} MB: import it with foi-desk import on the command line.`,
      );
      return;
    }
    setBusy('reading');
    try {
      const data = toBase64(await file.arrayBuffer());
      const sheet = await call('import:sheet-open', { name: file.name, data });
      setOpened(sheet);
      setMapping(sheet.suggested);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const setColumn = (i: number, field: SheetField | null) => {
    setCheck(null);
    setMapping((m) => m.map((f, j) => (j === i ? field : f === field && field !== null ? null : f)));
  };

  const preview = async () => {
    if (!opened) return;
    setError(null);
    setBusy('checking');
    try {
      setCheck(await call('import:sheet-preview', { token: opened.token, mapping, defaultRegime }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const run = async () => {
    if (!opened) return;
    setError(null);
    setBusy('importing');
    try {
      const done = await call('import:sheet-run', { token: opened.token, mapping, defaultRegime, mode });
      setReport(done);
      setOpened(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const missing = (['reference', 'received'] as const).filter((f) => !mapping.includes(f));

  return (
    <section className="import-log" data-screen="import" aria-labelledby="import-title">
      <div className="page-head">
        <h1 className="page-title" id="import-title">
          Import a spreadsheet log
        </h1>
      </div>
      {error ? (
        <div className="error-summary" role="alert">
          <p className="error-summary__title">{error}</p>
        </div>
      ) : null}

      {report ? (
        <div className="panel">
          <h2 className="panel__title">
            Imported {report.imported} case{report.imported === 1 ? '' : 's'}
            {report.skipped ? `; skipped ${report.skipped} row${report.skipped === 1 ? '' : 's'}` : ''}
          </h2>
          <ProblemList
            rows={report.problemRows}
            more={report.skipped - report.problemRows.length}
            label="Rows skipped, and why"
          />
          <div className="button-row">
            <button type="button" className="button" onClick={onDone}>
              Go to the case queue
            </button>
          </div>
        </div>
      ) : (
        <div className="panel">
          <div className="field">
            <label className="field__label" htmlFor="import-file">
              The log (.xlsx or .csv)
            </label>
            <p className="field__hint">
              Columns are recognised by their headers (Ref, Date received, Requester, Subject, Type, Due, Date
              responded, Outcome…); check each one below. Dates are read day first, as in the UK.
            </p>
            <input
              id="import-file"
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              disabled={busy !== null}
              onChange={(e) => void choose(e.target.files?.[0])}
            />
          </div>
          {busy === 'reading' ? <p className="loading">Reading the file…</p> : null}
        </div>
      )}

      {opened && !report ? (
        <>
          <div className="panel">
            <h2 className="panel__title">Columns</h2>
            <p className="muted">
              {opened.name}, sheet “{opened.sheet}”, headers on row {opened.headerRow}.
            </p>
            <table className="working__table import-log__mapping">
              <caption className="visually-hidden">Which field each column fills</caption>
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Fills</th>
                </tr>
              </thead>
              <tbody>
                {opened.headers.map((header, i) => (
                  <tr key={i}>
                    <td>
                      <label htmlFor={`map-${i}`}>{header || `(column ${i + 1}, no header)`}</label>
                    </td>
                    <td>
                      <select
                        id={`map-${i}`}
                        className="select"
                        value={mapping[i] ?? ''}
                        disabled={busy !== null}
                        onChange={(e) => setColumn(i, (e.target.value || null) as SheetField | null)}
                      >
                        <option value="">Ignore</option>
                        {SHEET_FIELDS.filter((f) => !UNSTORED_FIELDS.includes(f)).map((f) => (
                          <option key={f} value={f}>
                            {SHEET_FIELD_LABELS[f]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="field">
              <label className="field__label" htmlFor="import-regime">
                Regime of a row that gives none
              </label>
              <select
                id="import-regime"
                className="select"
                value={defaultRegime}
                onChange={(e) => {
                  setCheck(null);
                  setDefaultRegime(e.target.value as Regime);
                }}
              >
                {REGIMES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </div>
            {missing.length ? (
              <p className="warning-text">
                Map a column to {missing.map((f) => SHEET_FIELD_LABELS[f]).join(' and ')}: every case needs
                it.
              </p>
            ) : null}
            <div className="button-row">
              <button
                type="button"
                className="button button--secondary"
                disabled={busy !== null || missing.length > 0}
                onClick={() => void preview()}
              >
                Check the rows
              </button>
            </div>
            {busy === 'checking' ? <ProgressLine progress={progress} label="Checking the rows" /> : null}
          </div>

          {check ? (
            <div className="panel">
              <h2 className="panel__title" id="import-preview-title">
                {check.total} row{check.total === 1 ? '' : 's'}: {check.valid} can be imported,{' '}
                {check.skipped} with problems
              </h2>
              <table className="working__table import-log__preview" aria-labelledby="import-preview-title">
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    {PREVIEW_FIELDS.map((f) => (
                      <th scope="col" key={f}>
                        {SHEET_FIELD_LABELS[f]}
                      </th>
                    ))}
                    <th scope="col">Problems</th>
                  </tr>
                </thead>
                <tbody>
                  {check.sample.map((r) => (
                    <tr key={r.row} className={r.problems.length ? 'import-log__bad' : undefined}>
                      <td>{r.row}</td>
                      {PREVIEW_FIELDS.map((f) => (
                        <td key={f}>{shown(f, r.values[f])}</td>
                      ))}
                      <td>
                        {r.problems.length ? (
                          <span className="field__error">{r.problems.join(' ')}</span>
                        ) : r.warnings.length ? (
                          <span className="muted">{r.warnings.join(' ')}</span>
                        ) : (
                          'None'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ProblemList
                rows={check.problemRows}
                more={check.skipped - check.problemRows.length}
                label="Rows that would be skipped"
              />
              <fieldset className="fieldset">
                <legend className="fieldset__legend fieldset__legend--small">What to import</legend>
                <div className="radios">
                  <div className="radio">
                    <input
                      className="radio__input"
                      type="radio"
                      id="import-mode-valid"
                      name="import-mode"
                      checked={mode === 'valid-rows'}
                      onChange={() => setMode('valid-rows')}
                    />
                    <label className="radio__label" htmlFor="import-mode-valid">
                      Import the {check.valid} valid row{check.valid === 1 ? '' : 's'} and skip the rest
                    </label>
                  </div>
                  <div className="radio">
                    <input
                      className="radio__input"
                      type="radio"
                      id="import-mode-all"
                      name="import-mode"
                      checked={mode === 'all-or-nothing'}
                      onChange={() => setMode('all-or-nothing')}
                    />
                    <label className="radio__label" htmlFor="import-mode-all">
                      Import nothing unless every row is valid
                    </label>
                  </div>
                </div>
              </fieldset>
              <div className="button-row">
                <button
                  type="button"
                  className="button"
                  disabled={
                    busy !== null || (mode === 'all-or-nothing' && check.skipped > 0) || check.valid === 0
                  }
                  onClick={() => void run()}
                >
                  Import
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy !== null}
                  onClick={onDone}
                >
                  Cancel
                </button>
              </div>
              {busy === 'importing' ? <ProgressLine progress={progress} label="Importing" /> : null}
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
