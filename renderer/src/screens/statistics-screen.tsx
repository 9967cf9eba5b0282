/**
 * The Statistics screen (issue 13): the figures the IG committee and the ICO ask for, for a month,
 * quarter, financial year or any period, by regime, officer and department. Every figure is a
 * button that opens the queue on the cases behind it. The figures are computed in SQL in main
 * (stats:figures, a read that never waits behind the write queue); the page stays usable while a
 * large period is computed and shows the last figures until the new ones arrive. Charts are drawn
 * with Chart.js on canvases, and the committee report gets them as PNG images.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { REGIMES } from '../../../shared/case-format';
import { todayIso, formatUkDate } from '../../../shared/dates';
import {
  BACKLOG_BANDS,
  BACKLOG_LABELS,
  ICO_BAND_LABELS,
  IN_TIME_DEFINITION,
  periodContaining,
  shiftPeriod,
  type PeriodKind,
  type StatsCases,
  type StatsReport,
  type StatsSelection,
  type TimelinessFigures,
} from '../../../shared/stats';
import { call, errorMessage } from '../api';
import { Alert, DateField, SelectField } from '../components/fields';
import { saveStatsExport } from './stats-save';
import { OUTCOME_LABELS, REGIME_LABELS } from '../format';
import { COMMISSIONER_DECISIONS, COMMISSIONER_DECISION_LABELS } from '../../../shared/commissioner';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

const KINDS: { kind: PeriodKind; label: string }[] = [
  { kind: 'month', label: 'Month' },
  { kind: 'quarter', label: 'Quarter' },
  { kind: 'financial-year', label: 'Financial year' },
  { kind: 'custom', label: 'Custom' },
];

export interface StatsClick {
  cases: StatsCases;
  label: string;
}

function periodLabel(kind: PeriodKind, s: { from: string; to: string }): string {
  const [y, m] = s.from.split('-').map(Number) as [number, number];
  const month = (n: number) =>
    new Date(Date.UTC(2000, n - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  if (kind === 'month') return `${month(m)} ${y}`;
  if (kind === 'quarter') return `${month(m)} to ${month(m + 2)} ${y}`;
  if (kind === 'financial-year') return `Financial year ${y}/${String((y + 1) % 100).padStart(2, '0')}`;
  return `${formatUkDate(s.from)} to ${formatUkDate(s.to)}`;
}

const pct = (p: number | null) => (p === null ? '—' : `${p.toFixed(1)}%`);

export function StatisticsScreen({ onShowCases }: { onShowCases: (click: StatsClick) => void }) {
  const uid = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [kind, setKind] = useState<PeriodKind>('quarter');
  const [period, setPeriod] = useState(() => periodContaining('quarter', todayIso()));
  const [regime, setRegime] = useState('');
  const [officer, setOfficer] = useState('');
  const [department, setDepartment] = useState('');
  const [officers, setOfficers] = useState<string[]>([]);
  const [departments, setDepartments] = useState<string[]>([]);
  const [report, setReport] = useState<StatsReport | null>(null);
  const [computing, setComputing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const charts = useRef(new Map<string, Chart>());

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    call('cases:facets', {}).then(
      (f) => {
        setOfficers(f.officers);
        setDepartments(f.departments);
      },
      () => undefined,
    );
  }, []);

  const selection: StatsSelection = {
    from: period.from,
    to: period.to,
    ...(regime ? { regime: regime as StatsSelection['regime'] & string } : {}),
    ...(officer ? { officer } : {}),
    ...(department ? { department } : {}),
  };
  const key = JSON.stringify(selection);

  useEffect(() => {
    if (period.from > period.to) return undefined;
    let current = true;
    setComputing(true);
    call('stats:figures', JSON.parse(key) as StatsSelection).then(
      (r) => {
        if (!current) return;
        setReport(r);
        setError(null);
        setComputing(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(errorMessage(e));
        setComputing(false);
      },
    );
    return () => {
      current = false;
    };
  }, [key]);

  const chooseKind = (next: PeriodKind) => {
    setKind(next);
    // The new period holds today if the old one did, otherwise the old one's first day.
    const today = todayIso();
    const anchor = period.from <= today && today <= period.to ? today : period.from;
    if (next !== 'custom') setPeriod(periodContaining(next, anchor));
  };

  const show = (figure: StatsCases['figure'], label: string, extra: Partial<StatsCases> = {}) =>
    onShowCases({
      cases: { ...selection, figure, ...extra },
      label: `${label}, ${periodLabel(kind, period)}`,
    });

  const download = async (format: 'csv' | 'xlsx' | 'docx') => {
    setMessage(null);
    try {
      const images =
        format === 'docx'
          ? ['in-time', 'received-answered', 'backlog'].flatMap((id) => {
              const chart = charts.current.get(id);
              const title = CHART_TITLES[id] ?? id;
              return chart
                ? [
                    {
                      title,
                      png: chart.toBase64Image('image/png', 1).replace(/^data:image\/png;base64,/, ''),
                    },
                  ]
                : [];
            })
          : undefined;
      const done = await saveStatsExport({ selection, format, ...(images ? { charts: images } : {}) });
      if (done) setMessage(done);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const m = report?.main;
  const mainName = regime ? (REGIME_LABELS[regime] ?? regime) : 'FOI and EIR requests';

  return (
    <div className="statistics" data-screen="statistics">
      <div className="page-head">
        <h1 className="page-title" ref={heading} tabIndex={-1}>
          Statistics
        </h1>
      </div>
      <div className="stats__tools">
        <div className="segmented" role="group" aria-label="Period">
          {KINDS.map((k) => (
            <button
              key={k.kind}
              type="button"
              className="segmented__button"
              aria-pressed={kind === k.kind}
              onClick={() => chooseKind(k.kind)}
            >
              {k.label}
            </button>
          ))}
        </div>
        {kind === 'custom' ? (
          <div className="field-row">
            <DateField
              label="Received from"
              value={period.from}
              onChange={(v) => setPeriod({ ...period, from: v })}
            />
            <DateField label="to" value={period.to} onChange={(v) => setPeriod({ ...period, to: v })} />
          </div>
        ) : (
          <div className="stats__period">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setPeriod(shiftPeriod(kind, period, -1))}
            >
              Previous
            </button>
            <p className="stats__period-name" data-testid="period">
              {periodLabel(kind, period)}
            </p>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setPeriod(shiftPeriod(kind, period, 1))}
            >
              Next
            </button>
          </div>
        )}
      </div>
      <div className="queue__filters">
        <SelectField
          label="Regime"
          value={regime}
          onChange={setRegime}
          options={[
            { value: '', label: 'FOI and EIR' },
            ...REGIMES.map((r) => ({ value: r, label: REGIME_LABELS[r] ?? r })),
          ]}
        />
        <SelectField
          label="Officer"
          value={officer}
          onChange={setOfficer}
          options={[{ value: '', label: 'Anyone' }, ...officers.map((o) => ({ value: o, label: o }))]}
        />
        <SelectField
          label="Department"
          value={department}
          onChange={setDepartment}
          options={[
            { value: '', label: 'Any department' },
            ...departments.map((d) => ({ value: d, label: d })),
          ]}
        />
      </div>
      <details className="stats__help">
        <summary>How “in time” is counted</summary>
        <p>{IN_TIME_DEFINITION}</p>
        <p>
          The ICO’s self-assessment bands: 95% and over is good, 90% to 95% adequate, under 90%
          unsatisfactory. The backlog counts every request still open past its due date at the end of the
          period (or today), whenever it was received. Section 12 and 14 refusals are the cases with that
          provision recorded as an exemption. An internal review closed as refused or not held upheld the
          decision; one closed as granted in full or in part overturned it.
        </p>
      </details>
      {error ? <Alert>{error}</Alert> : null}
      <p className="muted" role="status" aria-live="polite" data-testid="stats-status">
        {computing
          ? 'Computing the figures…'
          : report
            ? `Figures as at ${formatUkDate(report.today)}, computed in ${report.elapsedMs} ms.`
            : ''}
      </p>
      {report && m ? (
        <div className="stats__body" aria-busy={computing}>
          <section className="panel" aria-labelledby={`${uid}-main`}>
            <h2 className="panel__title" id={`${uid}-main`}>
              {mainName}
            </h2>
            <p className={`stats__band stats__band--${report.band ?? 'none'}`} data-testid="band">
              {pct(m.percentInTime)} in time
              {report.band ? ` — ICO band: ${ICO_BAND_LABELS[report.band]}` : ' — nothing to judge yet'}
            </p>
            <Timeliness f={m} show={show} />
            <FigureList
              items={[
                ['clarification', 'Clarification asked (clock stopped)', m.clarification],
                ['fees', 'Fees notice (clock paused)', m.fees],
                ['piExtension', 'Public interest extension', m.piExtension],
                ['eirExtension', 'Regulation 7 extension', m.eirExtension],
                ['s12', 'Section 12 refusals (cost limit)', m.s12],
                ['s14', 'Section 14 refusals (vexatious or repeated)', m.s14],
              ]}
              show={show}
            />
            <h3 className="stats__subhead">Outcomes</h3>
            <ul className="stats__figures">
              {Object.entries(m.outcomes).map(([o, n]) => (
                <li key={o}>
                  <FigureButton
                    value={n}
                    label={OUTCOME_LABELS[o] ?? o}
                    onClick={() =>
                      show('outcome', OUTCOME_LABELS[o] ?? o, {
                        outcome: o as StatsCases['outcome'] & string,
                      })
                    }
                  />
                </li>
              ))}
            </ul>
            <h3 className="stats__subhead">Exemptions and exceptions used</h3>
            {Object.keys(m.exemptions).length ? (
              <ul className="stats__figures">
                {Object.entries(m.exemptions).map(([p, n]) => (
                  <li key={p}>
                    <FigureButton
                      value={n}
                      label={p}
                      onClick={() => show('exemption', p, { provision: p })}
                    />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">None in this period.</p>
            )}
            <h3 className="stats__subhead">Complaints to the Commissioner</h3>
            <p className="muted">
              About the requests received in the period (the ICO, or the Scottish Information Commissioner),
              by the decision recorded on the case.
            </p>
            <ul className="stats__figures" data-testid="commissioner">
              <li>
                <FigureButton
                  value={m.commissioner.complaints}
                  label="Complaints"
                  onClick={() => show('commissioner', 'Complaints to the Commissioner')}
                />
              </li>
              <li>
                <FigureButton
                  value={m.commissioner.pending}
                  label="No decision yet"
                  onClick={() =>
                    show('commissioner', 'Commissioner: no decision yet', { decision: 'pending' })
                  }
                />
              </li>
              {COMMISSIONER_DECISIONS.map((d) => (
                <li key={d}>
                  <FigureButton
                    value={m.commissioner.decisions[d]}
                    label={COMMISSIONER_DECISION_LABELS[d]}
                    onClick={() =>
                      show('commissioner', `Commissioner: ${COMMISSIONER_DECISION_LABELS[d]}`, {
                        decision: d,
                      })
                    }
                  />
                </li>
              ))}
            </ul>
          </section>
          <section className="panel" aria-labelledby={`${uid}-charts`}>
            <h2 className="panel__title" id={`${uid}-charts`}>
              Charts
            </h2>
            <div className="stats__charts">
              <StatsChart id="in-time" charts={charts.current} config={inTimeConfig(report)} />
              <StatsChart id="received-answered" charts={charts.current} config={receivedConfig(report)} />
              <StatsChart id="backlog" charts={charts.current} config={backlogConfig(report)} />
              <StatsChart id="burn-down" charts={charts.current} config={burnDownConfig(report)} />
            </div>
          </section>
          <section className="panel" aria-labelledby={`${uid}-backlog`}>
            <h2 className="panel__title" id={`${uid}-backlog`}>
              Backlog on {formatUkDate(report.backlog.asOf)}
            </h2>
            <ul className="stats__figures">
              {BACKLOG_BANDS.map((b) => (
                <li key={b}>
                  <FigureButton
                    value={report.backlog[b]}
                    label={BACKLOG_LABELS[b]}
                    onClick={() => show('backlog', BACKLOG_LABELS[b], { band: b })}
                  />
                </li>
              ))}
              <li>
                <FigureButton
                  value={report.backlog.total}
                  label="Past due in all"
                  onClick={() => show('backlog', 'Backlog past due')}
                />
              </li>
            </ul>
          </section>
          {!regime ? (
            <>
              <section className="panel" aria-labelledby={`${uid}-sar`}>
                <h2 className="panel__title" id={`${uid}-sar`}>
                  Subject access requests
                </h2>
                <Timeliness f={report.sar} show={(f, l, e) => show(f, `SAR: ${l}`, { ...e, group: 'sar' })} />
                <FigureList
                  items={[
                    ['sarExtended', 'Extended', report.sar.sarExtended],
                    ['sarPaused', 'Paused (clock stopped)', report.sar.sarPaused],
                  ]}
                  show={(f, l) => show(f, `SAR: ${l}`, { group: 'sar' })}
                />
              </section>
              <section className="panel" aria-labelledby={`${uid}-reviews`}>
                <h2 className="panel__title" id={`${uid}-reviews`}>
                  Internal reviews
                </h2>
                <Timeliness
                  f={report.reviews}
                  show={(f, l, e) => show(f, `Reviews: ${l}`, { ...e, group: 'review' })}
                />
                <p>
                  Upheld: {report.reviews.upheld}. Overturned in full or in part: {report.reviews.overturned}.
                </p>
              </section>
            </>
          ) : null}
          <section className="panel" aria-labelledby={`${uid}-export`}>
            <h2 className="panel__title" id={`${uid}-export`}>
              Export
            </h2>
            <div className="button-row">
              <button type="button" className="button button--secondary" onClick={() => void download('csv')}>
                Figures as CSV
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void download('xlsx')}
              >
                Figures as a spreadsheet (.xlsx)
              </button>
              <button type="button" className="button" onClick={() => void download('docx')}>
                Committee report (.docx)
              </button>
            </div>
            {message ? <p role="status">{message}</p> : null}
          </section>
        </div>
      ) : null}
    </div>
  );
}

type Show = (figure: StatsCases['figure'], label: string, extra?: Partial<StatsCases>) => void;

function FigureButton({
  value,
  label,
  onClick,
}: {
  value: number | string;
  label: string;
  onClick: () => void;
}) {
  return (
    <button type="button" className="stats__figure" onClick={onClick} data-figure={label}>
      <span className="stats__value">
        {typeof value === 'number' ? value.toLocaleString('en-GB') : value}
      </span>
      <span className="stats__label">{label}</span>
    </button>
  );
}

function FigureList({ items, show }: { items: [StatsCases['figure'], string, number][]; show: Show }) {
  return (
    <ul className="stats__figures">
      {items.map(([figure, label, n]) => (
        <li key={figure}>
          <FigureButton value={n} label={label} onClick={() => show(figure, label)} />
        </li>
      ))}
    </ul>
  );
}

function Timeliness({ f, show }: { f: TimelinessFigures; show: Show }) {
  return (
    <FigureList
      items={[
        ['received', 'Received', f.received],
        ['answeredWithinStatutory', 'Answered within the time limit', f.answeredWithinStatutory],
        ['answeredWithinExtension', 'Answered within a lawful extension', f.answeredWithinExtension],
        ['answeredLate', 'Answered late', f.answeredLate],
        ['openPastDue', 'Open and past due', f.openPastDue],
        ['openNotYetDue', 'Open, not yet due', f.openNotYetDue],
        ['withdrawn', 'Withdrawn or lapsed (left out)', f.withdrawn],
        ['lateReasonMissing', 'Late, reason not recorded', f.lateReasonMissing],
      ]}
      show={show}
    />
  );
}

const CHART_TITLES: Record<string, string> = {
  'in-time': 'Answered in time, by month received',
  'received-answered': 'Received and answered, by month',
  backlog: 'Backlog by age',
  'burn-down': 'Open and past due over time',
};

/** One Chart.js chart on its own canvas, redrawn when its data changes, kept for the report. */
function StatsChart({
  id,
  charts,
  config,
}: {
  id: string;
  charts: Map<string, Chart>;
  config: ChartConfiguration;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const data = JSON.stringify(config.data);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, config);
    charts.set(id, chart);
    return () => {
      chart.destroy();
      charts.delete(id);
    };
    // The chart is drawn again only when its data changes.
  }, [data]);
  return (
    <figure className="stats__chart">
      <figcaption>{CHART_TITLES[id]}</figcaption>
      <div className="stats__canvas">
        <canvas ref={canvas} role="img" aria-label={CHART_TITLES[id]} data-chart={id} />
      </div>
    </figure>
  );
}

const BLUE = '#005eb8';
const GREEN = '#007f3b';
const AMBER = '#ed8b00';
const RED = '#d5281b';
const GREY = '#768692';

const common = {
  animation: false as const,
  responsive: true,
  maintainAspectRatio: false,
  plugins: { legend: { position: 'bottom' as const } },
};

function inTimeConfig(r: StatsReport): ChartConfiguration {
  const labels = r.months.map((m) => m.month);
  return {
    type: 'line',
    data: {
      labels,
      datasets: [
        {
          label: 'In time %',
          data: r.months.map((m) => m.percentInTime),
          borderColor: BLUE,
          backgroundColor: BLUE,
        },
        {
          label: '95% (good)',
          data: labels.map(() => 95),
          borderColor: GREEN,
          borderDash: [6, 4],
          pointRadius: 0,
        },
        {
          label: '90% (adequate)',
          data: labels.map(() => 90),
          borderColor: AMBER,
          borderDash: [6, 4],
          pointRadius: 0,
        },
      ],
    },
    options: { ...common, scales: { y: { min: 0, max: 100 } } },
  };
}

function receivedConfig(r: StatsReport): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: r.months.map((m) => m.month),
      datasets: [
        { label: 'Received', data: r.months.map((m) => m.received), backgroundColor: BLUE },
        { label: 'Answered', data: r.months.map((m) => m.answered), backgroundColor: GREEN },
      ],
    },
    options: { ...common, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  };
}

function backlogConfig(r: StatsReport): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: BACKLOG_BANDS.map((b) => BACKLOG_LABELS[b]),
      datasets: [
        {
          label: `Past due on ${r.backlog.asOf}`,
          data: BACKLOG_BANDS.map((b) => r.backlog[b]),
          backgroundColor: [AMBER, RED, RED, '#8a1538'],
        },
      ],
    },
    options: { ...common, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  };
}

function burnDownConfig(r: StatsReport): ChartConfiguration {
  return {
    type: 'line',
    data: {
      labels: r.burnDown.map((p) => p.date),
      datasets: [
        { label: 'Open', data: r.burnDown.map((p) => p.open), borderColor: GREY, backgroundColor: GREY },
        {
          label: 'Open past due',
          data: r.burnDown.map((p) => p.pastDue),
          borderColor: RED,
          backgroundColor: RED,
        },
      ],
    },
    options: { ...common, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  };
}
