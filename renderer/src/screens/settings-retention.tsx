/**
 * Settings → Retention: how long closed cases are kept per regime, in years from closure and in
 * years when appealed (an internal review or a complaint to the Commissioner), the Records
 * Management Code of Practice 2021's figures by default (shared/retention.ts).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { RetentionScheduleView } from '../../../shared/contract';
import { REGIMES, type Regime } from '../../../shared/case-format';
import { REGIME_LABELS } from '../../../shared/labels';
import type { RetentionSchedule } from '../../../shared/retention';
import { call, errorMessage } from '../api';
import { Alert } from '../components/fields';

type Texts = Record<Regime, { years: string; yearsIfAppealed: string }>;

function toTexts(schedule: RetentionSchedule): Texts {
  return Object.fromEntries(
    REGIMES.map((r) => [
      r,
      { years: String(schedule[r].years), yearsIfAppealed: String(schedule[r].yearsIfAppealed) },
    ]),
  ) as Texts;
}

function toSchedule(texts: Texts): RetentionSchedule {
  return Object.fromEntries(
    REGIMES.map((r) => [
      r,
      { years: Number(texts[r].years), yearsIfAppealed: Number(texts[r].yearsIfAppealed) },
    ]),
  ) as RetentionSchedule;
}

export function RetentionPanel() {
  const uid = useId();
  const [view, setView] = useState<RetentionScheduleView | null>(null);
  const [texts, setTexts] = useState<Texts | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    call('retention:schedule', {}).then(
      (v) => live && (setView(v), setTexts(toTexts(v.schedule))),
      (e: unknown) => live && setMessage({ tone: 'error', text: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, []);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!texts) return;
    try {
      const v = await call('retention:save-schedule', { schedule: toSchedule(texts) });
      setView(v);
      setTexts(toTexts(v.schedule));
      setMessage({ tone: 'success', text: 'Retention schedule saved.' });
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    }
  };

  const set = (regime: Regime, key: 'years' | 'yearsIfAppealed', value: string) =>
    setTexts((t) => (t ? { ...t, [regime]: { ...t[regime], [key]: value } } : t));

  return (
    <section className="panel" aria-labelledby={`${uid}-heading`} data-panel="retention">
      <h2 className="panel__title" id={`${uid}-heading`}>
        Retention
      </h2>
      <p className="hint">
        Years a closed case is kept before it is due for review (delete or anonymise it on the Retention
        screen). Appealed: it had an internal review, counted from the review’s closure. The defaults are the
        team’s reading of {view?.code.title ?? 'the Records Management Code of Practice 2021'} (
        {view?.code.url ?? ''}); check them against your own retention schedule.
      </p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {texts ? (
        <form onSubmit={(e) => void save(e)} noValidate>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Regime</th>
                <th scope="col">Years after closure</th>
                <th scope="col">Years if appealed</th>
              </tr>
            </thead>
            <tbody>
              {REGIMES.map((regime) => (
                <tr key={regime} data-regime={regime}>
                  <th scope="row">{REGIME_LABELS[regime] ?? regime}</th>
                  <td>
                    <input
                      className="input input--short"
                      inputMode="numeric"
                      aria-label={`${REGIME_LABELS[regime] ?? regime}: years after closure`}
                      value={texts[regime].years}
                      onChange={(e) => set(regime, 'years', e.target.value)}
                    />
                  </td>
                  <td>
                    <input
                      className="input input--short"
                      inputMode="numeric"
                      aria-label={`${REGIME_LABELS[regime] ?? regime}: years if appealed`}
                      value={texts[regime].yearsIfAppealed}
                      onChange={(e) => set(regime, 'yearsIfAppealed', e.target.value)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="button-row">
            <button type="submit" className="button">
              Save retention schedule
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => view && setTexts(toTexts(view.defaults))}
            >
              Use the Code’s figures
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
