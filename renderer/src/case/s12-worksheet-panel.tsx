/**
 * The s12 estimate worksheet of a case: rows of permitted activities with the time each takes,
 * totalled against the cost limit chosen in Settings as the officer types (shared/s12.ts, the same
 * rule main applies on saving), the cases whose costs are aggregated, and the advice and assistance
 * the cost-limit letter gives. An EIR or SAR case is told what applies instead.
 */
import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { S12RowInput, S12WorksheetView } from '../../../shared/s12';
import {
  activityProblem,
  estimateS12,
  formatMinutes,
  formatPence,
  parseDuration,
  S12_ACTIVITY_LABELS,
  MAX_S12_ROWS,
} from '../../../shared/s12';
import { call, errorMessage } from '../api';
import { Alert, CheckboxField, SelectField, TextArea, TextField } from '../components/fields';
import { formatUkDate } from '../format';

interface RowText {
  key: number;
  activity: string;
  time: string;
  rate: string;
  question: string;
  description: string;
}

let nextKey = 1;

function rowText(r: S12WorksheetView['rows'][number] | null, activity: string): RowText {
  const minutes = r?.minutes ?? 0;
  return {
    key: nextKey++,
    activity: r?.activity ?? activity,
    time: r
      ? minutes % 60 === 0
        ? String(minutes / 60)
        : `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`
      : '',
    rate: r?.ratePence !== undefined ? (r.ratePence / 100).toFixed(2) : '',
    question: r?.question ?? '',
    description: r?.description ?? '',
  };
}

/** "12.50" → 1250 pence; empty → undefined; anything else → NaN (refused). */
function parseRate(text: string): number | undefined {
  const t = text.trim().replace(/^£/, '');
  if (t === '') return undefined;
  const m = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(t);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : Number.NaN;
}

interface Parsed {
  rows: S12RowInput[];
  problems: (string | null)[];
}

/** A row with nothing written in it: not part of the estimate, and nothing to correct. */
function isBlankRow(r: RowText): boolean {
  return [r.time, r.rate, r.question, r.description].every((t) => t.trim() === '');
}

function parseRows(view: S12WorksheetView, rows: RowText[]): Parsed {
  const out: S12RowInput[] = [];
  const problems = rows.map((r) => {
    if (isBlankRow(r)) return null;
    const time = parseDuration(r.time);
    if ('problem' in time) return time.problem;
    const rate = parseRate(r.rate);
    if (Number.isNaN(rate)) return 'Give the hourly rate in pounds, for example 12.50.';
    const row: S12RowInput = { activity: r.activity, minutes: time.minutes };
    if (rate !== undefined) row.ratePence = rate;
    if (r.question.trim()) row.question = r.question.trim();
    if (r.description.trim()) row.description = r.description.trim();
    const rule = activityProblem(view.rule, r.activity);
    if (rule) return rule;
    out.push(row);
    return null;
  });
  return { rows: out, problems };
}

export function S12WorksheetPanel({ caseId, onChanged }: { caseId: number; onChanged?: () => void }) {
  const uid = useId();
  const [view, setView] = useState<S12WorksheetView | null>(null);
  const [rows, setRows] = useState<RowText[]>([]);
  const [aggregated, setAggregated] = useState<number[]>([]);
  const [advice, setAdvice] = useState('');
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  /**
   * The rows whose problems are shown: those the officer has left, and all of them once a save was
   * tried. A row being filled in is not yet wrong.
   */
  const [checked, setChecked] = useState<ReadonlySet<number> | 'all'>(() => new Set());
  const check = (key: number) => setChecked((c) => (c === 'all' || c.has(key) ? c : new Set([...c, key])));

  const show = useCallback((v: S12WorksheetView) => {
    setView(v);
    setChecked(new Set());
    const first = v.rule.kind === 'limit' ? (v.rule.activities[0] ?? 'locating') : 'locating';
    setRows(v.rows.length > 0 ? v.rows.map((r) => rowText(r, first)) : [rowText(null, first)]);
    setAggregated(v.aggregated.map((a) => a.id));
    setAdvice(v.advice);
  }, []);

  useEffect(() => {
    call('s12:get', { caseId }).then(show, (e: unknown) =>
      setMessage({ tone: 'error', text: errorMessage(e) }),
    );
  }, [caseId, show]);

  const parsed = useMemo(() => (view ? parseRows(view, rows) : null), [view, rows]);
  const live = useMemo(() => {
    if (!view || !parsed || parsed.problems.some((p) => p !== null)) return null;
    // Nothing written and nothing aggregated: no estimate to state, not one of nothing.
    if (parsed.rows.length === 0 && aggregated.length === 0) return 'empty' as const;
    // The aggregated cases as saved: a case newly ticked is counted once saved.
    const others = view.aggregated
      .filter((a) => aggregated.includes(a.id))
      .map((a) => ({
        reference: a.reference,
        received: a.received,
        rows:
          view.rule.kind === 'limit' && a.minutes > 0
            ? [{ activity: view.rule.activities[0] ?? 'locating', minutes: a.minutes }]
            : [],
      }));
    try {
      return estimateS12(view.rule, parsed.rows, others);
    } catch {
      return null;
    }
  }, [view, parsed, aggregated]);

  if (!view) {
    return (
      <section className="panel" aria-labelledby={`${uid}-heading`}>
        <h2 className="panel__title" id={`${uid}-heading`}>
          Cost limit estimate (s12)
        </h2>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : <p className="muted">Loading…</p>}
      </section>
    );
  }

  const rule = view.rule;
  if (rule.kind === 'none') {
    return (
      <section className="panel s12" aria-labelledby={`${uid}-heading`} data-panel="s12">
        <h2 className="panel__title" id={`${uid}-heading`}>
          Cost limit estimate
        </h2>
        <p>{rule.reason}</p>
      </section>
    );
  }

  const activityOptions = rule.activities.map((a) => ({ value: a, label: S12_ACTIVITY_LABELS[a] }));
  const scotland = rule.law === 'foisa-fees-2004';
  const update = (key: number, patch: Partial<RowText>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const candidates = [
    ...view.aggregated.map((a) => ({
      id: a.id,
      label: `${a.reference}, received ${formatUkDate(a.received)}`,
      hint: a.hasWorksheet
        ? `Its own estimate: ${formatMinutes(a.minutes)}.`
        : 'It has no estimate of its own yet.',
    })),
    ...view.suggestions
      .filter((s) => !view.aggregated.some((a) => a.id === s.id))
      .map((s) => ({
        id: s.id,
        label: `${s.reference}, received ${formatUkDate(s.received)}`,
        hint: s.message,
      })),
  ];

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    if (!parsed || parsed.problems.some((p) => p !== null)) {
      setChecked('all');
      setMessage({ tone: 'error', text: 'Correct the rows marked before saving.' });
      return;
    }
    setBusy(true);
    try {
      show(await call('s12:save', { caseId, rows: parsed.rows, aggregatedCaseIds: aggregated, advice }));
      setMessage({ tone: 'success', text: 'The estimate was saved. The cost-limit letter states it.' });
      // The save is in the case's history.
      onChanged?.();
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const result = live === 'empty' ? null : (live ?? view.result);
  return (
    <section className="panel s12" aria-labelledby={`${uid}-heading`} data-panel="s12">
      <h2 className="panel__title" id={`${uid}-heading`}>
        Cost limit estimate (s12)
      </h2>
      <p className="muted">
        The limit is {formatPence(rule.limitPence)}
        {scotland
          ? `, with staff time at no more than ${formatPence(rule.maxRatePence)} an hour per member of staff`
          : `, ${formatMinutes(Math.floor((rule.limitPence * 60) / rule.ratePence))} at ${formatPence(rule.ratePence)} an hour`}
        . {rule.citation}
      </p>
      <Alert tone="info">
        Only{' '}
        {scotland
          ? 'locating, retrieving and providing'
          : 'determining whether the information is held, locating, retrieving and extracting it'}{' '}
        may be counted. Time spent reading, redacting, considering exemptions or the public interest, or
        consulting others may not{scotland ? ', nor determining whether the information is held' : ''}.
      </Alert>
      <form onSubmit={(e) => void save(e)} noValidate>
        <table className="table s12__rows">
          <caption className="visually-hidden">The estimate, one row per activity or question</caption>
          <thead>
            <tr>
              <th scope="col">Activity</th>
              <th scope="col">Question</th>
              <th scope="col">Time</th>
              {scotland ? <th scope="col">£ an hour</th> : null}
              <th scope="col">How estimated</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr
                key={r.key}
                data-row={i + 1}
                onBlur={(e) => {
                  // Leaving the row, not moving within it.
                  if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)))
                    check(r.key);
                }}
              >
                <td>
                  <SelectField
                    label={<span className="visually-hidden">Activity, row {i + 1}</span>}
                    value={r.activity}
                    options={activityOptions}
                    onChange={(activity) => update(r.key, { activity })}
                  />
                </td>
                <td>
                  <TextField
                    label={<span className="visually-hidden">Question, row {i + 1}</span>}
                    value={r.question}
                    onChange={(question) => update(r.key, { question })}
                    size={4}
                    maxLength={20}
                  />
                </td>
                <td>
                  <TextField
                    label={<span className="visually-hidden">Time, row {i + 1}</span>}
                    value={r.time}
                    onChange={(time) => update(r.key, { time })}
                    error={
                      checked === 'all' || checked.has(r.key) ? (parsed?.problems[i] ?? undefined) : undefined
                    }
                    placeholder="1.5 or 1:30"
                    size={8}
                  />
                </td>
                {scotland ? (
                  <td>
                    <TextField
                      label={<span className="visually-hidden">Hourly rate, row {i + 1}</span>}
                      value={r.rate}
                      onChange={(rate) => update(r.key, { rate })}
                      placeholder={(rule.ratePence / 100).toFixed(2)}
                      size={6}
                    />
                  </td>
                ) : null}
                <td>
                  <TextField
                    label={<span className="visually-hidden">How estimated, row {i + 1}</span>}
                    value={r.description}
                    onChange={(description) => update(r.key, { description })}
                    placeholder="sampled 10 files at 6 minutes each"
                    maxLength={500}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                  >
                    Remove<span className="visually-hidden"> row {i + 1}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          className="button button--secondary"
          disabled={rows.length >= MAX_S12_ROWS}
          onClick={() => setRows((rs) => [...rs, rowText(null, rule.activities[0] ?? 'locating')])}
        >
          Add a row
        </button>

        {result ? (
          <div
            className={`s12__total${result.exceeds ? ' s12__total--over' : ''}`}
            role="status"
            data-exceeds={result.exceeds}
          >
            <p>
              <strong>Total: {formatMinutes(result.totalMinutes)}</strong>
              {result.aggregatedMinutes > 0
                ? ` (${formatMinutes(result.aggregatedMinutes)} from aggregated requests)`
                : ''}
              , costing {formatPence(result.costPence)} against the limit of {formatPence(result.limitPence)}.
            </p>
            <p>
              {result.exceeds
                ? `Over the limit by ${formatPence(result.overByPence)}${scotland ? '' : ` (${formatMinutes(result.overByMinutes)})`}: section 12 applies.`
                : `Within the limit, with ${formatPence(result.headroomPence)} to spare: section 12 does not apply.`}
            </p>
          </div>
        ) : null}

        <fieldset className="s12__aggregation">
          <legend>Aggregate with other requests</legend>
          <p className="field__hint">{rule.aggregation}</p>
          {candidates.length === 0 ? (
            <p className="muted">No similar request from this requester was found.</p>
          ) : null}
          {candidates.map((c) => (
            <CheckboxField
              key={c.id}
              label={c.label}
              hint={c.hint}
              checked={aggregated.includes(c.id)}
              onChange={(on) => setAggregated((ids) => (on ? [...ids, c.id] : ids.filter((x) => x !== c.id)))}
            />
          ))}
        </fieldset>

        <TextArea
          label="Advice and assistance (s16)"
          hint="How the request could be refined to fall under the limit. The letter uses this; left empty, it uses the wording shown."
          value={advice}
          onChange={setAdvice}
          placeholder={view.defaultAdvice}
          rows={4}
          maxLength={4000}
        />
        {view.notes.map((n) => (
          <Alert key={n} tone="warning">
            {n}
          </Alert>
        ))}
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        <button type="submit" className="button" disabled={busy}>
          Save the estimate
        </button>
        {view.updatedAt ? (
          <p className="muted">
            Last saved by {view.updatedBy} on {formatUkDate(view.updatedAt.slice(0, 10))}.
          </p>
        ) : null}
      </form>
    </section>
  );
}
