/**
 * The statistics over a generated register of a few hundred cases (seeded, so the same every run):
 * every count the grouped passes give equals the number of cases the queue shows behind it (each
 * figure's own predicate, case by case), the months and the backlog's bands included, and the
 * burn-down equals what it means, worked here case by case: open on a day = received by then and
 * not yet answered; past due = due before then and not yet answered (a case closed without a
 * response date is left out). The figures are computed by index-only passes and counts before the
 * period (db/queries/stats.ts), so this checks the restructuring against the plain definitions.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskApp } from '../../main/services/app';
import { createHandlers, type Handlers } from '../../main/services/handlers';
import type { CaseRecord, QuestionResponse } from '../../shared/case-format';
import {
  BACKLOG_BANDS,
  type StatsCases,
  type StatsCaseRow,
  type StatsGroup,
  type StatsReport,
  type StatsSelection,
} from '../../shared/stats';
import { makeTempDir, PASSPHRASE, runCli } from '../helpers';

const TODAY = '2025-06-20';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

function register(): CaseRecord[] {
  const rnd = random(20250620);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: CaseRecord[] = [];
  for (let i = 0; i < 320; i++) {
    const regime = pick(['FOIA', 'FOIA', 'FOIA', 'EIR', 'SAR', 'FOI-IR'] as const);
    // Received from the start of 2023 to a little before today.
    const received = addDays('2023-01-02', Math.floor(rnd() * 890));
    const base: CaseRecord = {
      format: 'foi-desk/case@1',
      reference: `GEN ${String(i).padStart(4, '0')}`,
      regime,
      received,
      requester: { name: 'A Requester' },
      subject: `Request ${i}`,
      requestText: 'Please send the figures.',
      questions: [{ number: '1', text: 'Please send the figures.' }],
      status: 'open',
      officer: pick(['Ann', 'Bob', undefined]),
      department: pick(['Estates', 'Finance', undefined]),
    };
    const events: NonNullable<CaseRecord['events']> = [];
    if (regime === 'FOIA' && rnd() < 0.15)
      events.push({ type: 'pi-extension', date: addDays(received, 14), until: addDays(received, 55) });
    if (regime === 'EIR' && rnd() < 0.25) events.push({ type: 'eir-extension', date: addDays(received, 10) });
    if (regime === 'SAR' && rnd() < 0.25)
      events.push({ type: 'sar-extension', date: addDays(received, 12), months: 2 });
    if (regime === 'FOIA' && rnd() < 0.1) {
      events.push({ type: 'fees-notice-issued', date: addDays(received, 5) });
      events.push({ type: 'fee-paid', date: addDays(received, 9) });
    }
    const state = rnd();
    const answeredAfter = Math.floor(5 + rnd() * 70);
    const responded = addDays(received, answeredAfter);
    events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    if (state < 0.08 && (regime === 'FOIA' || regime === 'EIR')) {
      out.push({
        ...base,
        status: 'clarification',
        events: [{ type: 'clarification-requested', date: addDays(received, 2) }],
      });
      continue;
    }
    if (state < 0.14 || responded > TODAY) {
      out.push({ ...base, ...(events.length ? { events } : {}) });
      continue;
    }
    if (state < 0.19) {
      out.push({ ...base, status: 'closed', outcome: 'withdrawn', responded: addDays(received, 3) });
      continue;
    }
    let response: QuestionResponse | undefined;
    const used = rnd();
    const provisions =
      used < 0.06
        ? ['FOIA s12', 's12(1)']
        : used < 0.12
          ? ['FOIA s12']
          : used < 0.16
            ? ['FOIA s14(1)']
            : used < 0.24
              ? ['FOIA s21', 'FOIA s41']
              : [];
    if (regime === 'FOIA' && provisions.length)
      response = {
        outcome: 'exempt',
        exemptions: provisions.map((provision) => ({ provision, reason: 'Generated.' })),
      };
    out.push({
      ...base,
      status: 'closed',
      outcome: response ? 'refused' : pick(['granted', 'part-granted', 'not-held'] as const),
      responded,
      ...(answeredAfter > 40 ? { lateReason: 'Waited for the department.' } : {}),
      ...(events.length ? { events } : {}),
      ...(response ? { questions: [{ number: '1', text: 'Please send the figures.', response }] } : {}),
    });
  }
  return out;
}

let temp: ReturnType<typeof makeTempDir>;
let app: DeskApp;
let handlers: Handlers;

beforeAll(async () => {
  temp = makeTempDir();
  const file = path.join(temp.dir, 'generated.foidesk');
  const json = path.join(temp.dir, 'generated.json');
  writeFileSync(json, JSON.stringify(register()));
  expect(runCli(['init', file]).code).toBe(0);
  const imported = runCli(['import', file, json]);
  expect([imported.code, imported.stderr.split('\n').filter((l) => !l.startsWith('warning:'))]).toEqual([
    0,
    expect.anything(),
  ]);
  app = new DeskApp({ configDir: path.join(temp.dir, 'config'), now: () => new Date(2025, 5, 20, 12) });
  handlers = createHandlers(app);
  const opened = await handlers['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) });
  expect(opened.ok).toBe(true);
});
afterAll(async () => {
  await app.enqueue(() => app.lockNow());
  temp.cleanup();
});

async function figures(selection: StatsSelection): Promise<StatsReport> {
  const r = await handlers['stats:figures'](selection);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
async function queueCount(stats: StatsCases): Promise<number> {
  const page = await handlers['cases:list']({ view: 'all', stats, offset: 0, limit: 500 });
  if (!page.ok) throw new Error(page.error.message);
  return page.value.rows.length;
}
async function cases(stats: StatsCases): Promise<StatsCaseRow[]> {
  const r = await handlers['stats:cases'](stats);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const COUNTED = [
  'received',
  'answeredInTime',
  'answeredWithinStatutory',
  'answeredWithinExtension',
  'answeredLate',
  'openPastDue',
  'openNotYetDue',
  'withdrawn',
  'lateReasonMissing',
] as const;
const INFORMATION_EXTRA = ['clarification', 'fees', 'piExtension', 'eirExtension', 's12', 's14'] as const;

const SELECTIONS: [string, StatsSelection][] = [
  ['a quarter', { from: '2024-01-01', to: '2024-03-31' }],
  ['a financial year', { from: '2024-04-01', to: '2025-03-31' }],
  ['the whole register', { from: '2022-01-01', to: '2025-12-31' }],
  ['a year, one officer', { from: '2023-04-01', to: '2024-03-31', officer: 'Ann' }],
  ['a year, one department', { from: '2023-01-01', to: '2023-12-31', department: 'Estates' }],
];

describe('the statistics of a generated register', () => {
  it.each(SELECTIONS)('every figure for %s is the number of cases behind it', async (_, sel) => {
    const report = await figures(sel);
    const groups: [StatsGroup, object][] = [
      ['information', report.main],
      ['sar', report.sar],
      ['review', report.reviews],
    ];
    let nonZero = 0;
    for (const [group, figs] of groups) {
      const keys = group === 'information' ? [...COUNTED, ...INFORMATION_EXTRA] : [...COUNTED];
      for (const figure of keys) {
        const n = await queueCount({ ...sel, group, figure });
        expect([group, figure, (figs as Record<string, unknown>)[figure]]).toEqual([group, figure, n]);
        if (n > 0) nonZero++;
      }
    }
    expect(nonZero).toBeGreaterThan(10);
    for (const [outcome, n] of Object.entries(report.main.outcomes))
      expect([outcome, n]).toEqual([
        outcome,
        await queueCount({ ...sel, figure: 'outcome', outcome: outcome as never }),
      ]);
    for (const [provision, n] of Object.entries(report.main.exemptions))
      expect([provision, n]).toEqual([
        provision,
        await queueCount({ ...sel, figure: 'exemption', provision }),
      ]);
    for (const m of report.months) {
      expect([m.month, m.received]).toEqual([
        m.month,
        await queueCount({ ...sel, figure: 'received', month: m.month }),
      ]);
      expect([m.month, m.answered]).toEqual([
        m.month,
        await queueCount({ ...sel, figure: 'answered', month: m.month }),
      ]);
    }
    let total = 0;
    for (const band of BACKLOG_BANDS) {
      expect([band, report.backlog[band]]).toEqual([
        band,
        await queueCount({ ...sel, figure: 'backlog', band }),
      ]);
      total += report.backlog[band];
    }
    expect(report.backlog.total).toBe(total);
  });

  // Each month of 2023 and 2024 too: the counts before a period end on the day before it, so a case
  // due on the last day of a month must fall on the right side of it.
  const MONTHS: [string, StatsSelection][] = Array.from({ length: 24 }, (_, i) => {
    const y = 2023 + Math.floor(i / 12);
    const m = String((i % 12) + 1).padStart(2, '0');
    return [`${y}-${m}`, { from: `${y}-${m}-01`, to: `${y}-${m}-28` }];
  });
  it.each([...SELECTIONS, ...MONTHS])(
    'the burn-down for %s is what it means, case by case',
    async (_, sel) => {
      const report = await figures(sel);
      // Every case of the information regimes (within the officer and department chosen).
      const all = await cases({ ...sel, from: '2000-01-01', to: '2099-12-31', figure: 'received' });
      expect(all.length).toBeGreaterThan(50);
      const kept = all.filter((c) => !(c.status === 'closed' && c.responded === null));
      const unanswered = (c: StatsCaseRow, d: string) => c.responded === null || c.responded > d;
      const expected = report.burnDown.map(({ date }) => ({
        date,
        pastDue: kept.filter((c) => c.due !== null && c.due < date && unanswered(c, date)).length,
        open: kept.filter((c) => c.received <= date && unanswered(c, date)).length,
      }));
      expect(report.burnDown.length).toBeGreaterThan(0);
      expect(report.burnDown).toEqual(expected);
      expect(expected.some((p) => p.open > 0)).toBe(true);
    },
  );
});
