/**
 * The statistics over a register whose figures are known, worked by hand below: imported with
 * `foi-desk import` (clock events included: public interest and regulation 7 extensions answered
 * after the statutory date but within the extension, a public interest notice sent too late to
 * extend anything, a fees pause, a clarification stop, a SAR extension), then checked figure by
 * figure in the service, through `foi-desk stats --json` run as a process, through the queue's
 * "these cases" filter (each figure's cases are exactly as many as the figure), and in the .xlsx
 * as LibreOffice Calc reads it back.
 *
 * Period: received 1 January to 31 March 2025; today 15 April 2025 (England and Wales).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskApp } from '../../main/services/app';
import { createHandlers, type Handlers } from '../../main/services/handlers';
import type { CaseRecord, QuestionResponse } from '../../shared/case-format';
import type { StatsReport, StatsCases } from '../../shared/stats';
import { makeTempDir, PASSPHRASE, runCli } from '../helpers';
import { CONVERSION_TIMEOUT_MS, sofficeConvert } from './letters/helpers';

const TODAY = '2025-04-15';
const PERIOD = { from: '2025-01-01', to: '2025-03-31' };

type Extra = Partial<CaseRecord>;
function c(reference: string, regime: CaseRecord['regime'], received: string, extra: Extra = {}): CaseRecord {
  return {
    format: 'foi-desk/case@1',
    reference,
    regime,
    received,
    requester: { name: 'A Requester' },
    subject: `Request ${reference}`,
    requestText: 'Please send the figures.',
    questions: [{ number: '1', text: 'Please send the figures.' }],
    status: 'open',
    ...extra,
  };
}
const closed = (outcome: CaseRecord['outcome'], responded: string, extra: Extra = {}): Extra => ({
  status: 'closed',
  outcome,
  responded,
  ...extra,
});
const answer = (response: QuestionResponse): Extra => ({
  questions: [{ number: '1', text: 'Please send the figures.', response }],
});
const pi = { forDisclosure: ['Openness.'], forWithholding: ['Harm.'], conclusion: 'Withhold.' };

/** Due dates (statutory → extended) from the clock, for the working below. */
const REGISTER: CaseRecord[] = [
  // A: due 3 Feb, answered 20 Jan: in time (statutory).
  c('FOI A', 'FOIA', '2025-01-06', { ...closed('granted', '2025-01-20'), department: 'Estates' }),
  // B: due 3 Feb, extended (PI notice 27 Jan) to 3 Mar; answered 20 Feb: within the extension.
  c('FOI B', 'FOIA', '2025-01-06', {
    ...closed('refused', '2025-02-20'),
    ...answer({
      outcome: 'exempt',
      exemptions: [
        {
          provision: 'FOIA s31(1)(a)',
          likelihood: 'would be likely to',
          reason: 'Crime.',
          publicInterest: pi,
        },
        { provision: 'FOIA s43(2)', likelihood: 'would', reason: 'Commerce.', publicInterest: pi },
      ],
    }),
    events: [{ type: 'pi-extension', date: '2025-01-27', until: '2025-03-03' }],
    department: 'Pharmacy',
    // A complaint to the ICO after the response; the refusal stood.
    commissionerComplaintReceived: '2025-03-05',
    commissionerDecision: 'not-upheld',
    commissionerDecisionRef: 'IC-100001-A1B2',
  }),
  // C: due 3 Feb, answered 10 Feb: late, with its reason.
  c('FOI C', 'FOIA', '2025-01-06', {
    ...closed('part-granted', '2025-02-10', { lateReason: 'Waited for Estates.', lateDepartment: 'Estates' }),
    ...answer({
      outcome: 'part-exempt',
      text: 'Some of it.',
      exemptions: [{ provision: 'FOIA s21', reason: 'Published.' }],
    }),
    department: 'Estates',
    // A complaint about the delay, before the (late) response: no decision yet.
    commissionerComplaintReceived: '2025-02-05',
  }),
  // K: fees notice 20 Jan, paid 30 Jan: due 21 Feb; answered 14 Feb: in time (statutory).
  c('FOI K', 'FOIA', '2025-01-13', {
    ...closed('granted', '2025-02-14'),
    events: [
      { type: 'fees-notice-issued', date: '2025-01-20' },
      { type: 'fee-paid', date: '2025-01-30' },
    ],
  }),
  // D: due 3 Mar; the PI notice of 10 Mar came too late to extend it; answered 20 Mar: late, no reason.
  c('FOI D', 'FOIA', '2025-02-03', {
    ...closed('refused', '2025-03-20'),
    ...answer({ outcome: 'exempt', exemptions: [{ provision: 'FOIA s12', reason: 'Over the cost limit.' }] }),
    events: [{ type: 'pi-extension', date: '2025-03-10', until: '2025-03-31' }],
    commissionerComplaintReceived: '2025-03-25',
    commissionerDecision: 'upheld',
    commissionerDecisionRef: 'IC-100002-C3D4',
  }),
  // E: withdrawn: left out of the percentage.
  c('FOI E', 'FOIA', '2025-02-10', closed('withdrawn', '2025-02-12')),
  // F: due 18 Mar (17 Mar is St Patrick's Day), open: past due.
  c('FOI F', 'FOIA', '2025-02-17', { officer: 'Ann' }),
  // G: EIR, due 1 Apr, reg 7 extension to 1 May; answered 10 Apr: within the extension.
  c('EIR G', 'EIR', '2025-03-03', {
    ...closed('not-held', '2025-04-10'),
    events: [{ type: 'eir-extension', date: '2025-03-20' }],
  }),
  // H: clarification asked, clock stopped: open, not yet due.
  c('FOI H', 'FOIA', '2025-03-24', {
    status: 'clarification',
    events: [{ type: 'clarification-requested', date: '2025-03-25' }],
  }),
  // I: due 8 Apr, open: past due today (not yet on 31 March).
  c('FOI I', 'FOIA', '2025-03-10', { officer: 'Ann' }),
  // Outside the period, open: the backlog only. J due 23 Jan 2025, M due 30 Sep 2024, L due Feb 2024.
  c('FOI J', 'FOIA', '2024-12-20'),
  c('FOI M', 'FOIA', '2024-09-02'),
  c('FOI L', 'FOIA', '2024-02-01'),
  // SARs: S1 due 17 Feb, answered 10 Feb; S2 due 3 Mar, extended to 1 May, answered 1 Apr.
  c('SAR 1', 'SAR', '2025-01-15', closed('granted', '2025-02-10')),
  c('SAR 2', 'SAR', '2025-02-01', {
    ...closed('granted', '2025-04-01'),
    events: [{ type: 'sar-extension', date: '2025-02-20', months: 2 }],
  }),
  // An internal review, due 21 Mar, answered 10 Mar, the refusal upheld.
  c('IR 1', 'FOI-IR', '2025-02-20', closed('refused', '2025-03-10')),
];

const EXPECTED = {
  received: 10,
  answeredInTime: 4,
  answeredWithinStatutory: 2,
  answeredWithinExtension: 2,
  answeredLate: 2,
  openPastDue: 2,
  openNotYetDue: 1,
  withdrawn: 1,
  percentInTime: 50,
  lateReasonMissing: 1,
  clarification: 1,
  fees: 1,
  piExtension: 2,
  eirExtension: 1,
  s12: 1,
  s14: 0,
  outcomes: {
    granted: 2,
    'part-granted': 1,
    refused: 2,
    'not-held': 1,
    withdrawn: 1,
    transferred: 0,
    'clarification-lapsed': 0,
  },
  exemptions: { 'FOIA s12': 1, 'FOIA s21': 1, 'FOIA s31(1)(a)': 1, 'FOIA s43(2)': 1 },
  commissioner: {
    complaints: 3,
    pending: 1,
    decisions: { upheld: 1, 'partly-upheld': 0, 'not-upheld': 1, withdrawn: 0, 'informally-resolved': 0 },
  },
};
const BACKLOG = { asOf: '2025-03-31', under20: 1, from20to60: 1, over60: 1, overYear: 1, total: 4 };

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let app: DeskApp;
let handlers: Handlers;
let report: StatsReport;

beforeAll(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'register.foidesk');
  const json = path.join(temp.dir, 'register.json');
  writeFileSync(json, JSON.stringify(REGISTER));
  expect(runCli(['init', file]).code).toBe(0);
  const imported = runCli(['import', file, json]);
  expect(imported.stderr).toMatch(/warning: .*"FOI D" was answered after its due date \(2025-03-03\)/);
  expect(imported.stderr.match(/warning:/g)).toHaveLength(1);
  expect(imported.code).toBe(0);
  app = new DeskApp({ configDir: path.join(temp.dir, 'config'), now: () => new Date(2025, 3, 15, 12) });
  handlers = createHandlers(app);
  const opened = await handlers['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) });
  expect(opened.ok).toBe(true);
  const figures = await handlers['stats:figures'](PERIOD);
  if (!figures.ok) throw new Error(figures.error.message);
  report = figures.value;
});
afterAll(async () => {
  await app.enqueue(() => app.lockNow());
  temp.cleanup();
});

/** `foi-desk stats` of the test's file over the test's period, as on the test's day, and more. */
function statsOfPeriod(...more: string[]): string[] {
  return ['stats', file, '--from', PERIOD.from, '--to', PERIOD.to, '--today', TODAY, ...more];
}

describe('the statistics of a known register', () => {
  it('gives every FOI/EIR figure, the ICO band and the definition', () => {
    expect(report.main).toEqual(EXPECTED);
    expect(report.band).toBe('unsatisfactory');
    expect(report.definition).toMatch(/on or before its due date/);
  });

  it('gives the SAR and internal review figures', () => {
    expect(report.sar).toMatchObject({
      received: 2,
      answeredInTime: 2,
      answeredWithinStatutory: 1,
      answeredWithinExtension: 1,
      answeredLate: 0,
      percentInTime: 100,
      sarExtended: 1,
      sarPaused: 0,
    });
    expect(report.reviews).toMatchObject({ received: 1, answeredInTime: 1, upheld: 1, overturned: 0 });
  });

  it('gives the months, the backlog by age and the burn-down', () => {
    expect(report.months).toEqual([
      {
        month: '2025-01',
        received: 4,
        answered: 1,
        answeredInTime: 3,
        answeredLate: 1,
        openPastDue: 0,
        percentInTime: 75,
      },
      {
        month: '2025-02',
        received: 3,
        answered: 3,
        answeredInTime: 0,
        answeredLate: 1,
        openPastDue: 1,
        percentInTime: 0,
      },
      {
        month: '2025-03',
        received: 3,
        answered: 1,
        answeredInTime: 1,
        answeredLate: 0,
        openPastDue: 1,
        percentInTime: 50,
      },
    ]);
    expect(report.backlog).toEqual(BACKLOG);
    expect(report.burnDown).toEqual([
      { date: '2025-01-31', pastDue: 3, open: 6 },
      { date: '2025-02-28', pastDue: 3, open: 5 },
      { date: '2025-03-31', pastDue: 4, open: 7 },
    ]);
  });

  it('filters by regime, officer and department', async () => {
    const ann = await handlers['stats:figures']({ ...PERIOD, officer: 'Ann' });
    expect(ann.ok && [ann.value.main.received, ann.value.main.openPastDue]).toEqual([2, 2]);
    const estates = await handlers['stats:figures']({ ...PERIOD, department: 'Estates' });
    expect(estates.ok && [estates.value.main.received, estates.value.main.answeredLate]).toEqual([2, 1]);
    const eir = await handlers['stats:figures']({ ...PERIOD, regime: 'EIR' });
    expect(eir.ok && [eir.value.main.received, eir.value.main.answeredWithinExtension]).toEqual([1, 1]);
    const sar = await handlers['stats:figures']({ ...PERIOD, regime: 'SAR' });
    expect(sar.ok && [sar.value.main.received, sar.value.main.percentInTime]).toEqual([2, 100]);
  });

  it('shows exactly the cases behind each figure in the queue', async () => {
    const queue = async (stats: StatsCases) => {
      const page = await handlers['cases:list']({ view: 'all', stats, offset: 0, limit: 100 });
      if (!page.ok) throw new Error(page.error.message);
      return page.value.rows.map((r) => r.reference).sort();
    };
    const numeric = Object.entries(EXPECTED).filter(([, v]) => typeof v === 'number' && Number.isInteger(v));
    for (const [figure, n] of numeric) {
      if (figure === 'percentInTime') continue;
      expect([figure, (await queue({ ...PERIOD, figure: figure as StatsCases['figure'] })).length]).toEqual([
        figure,
        n,
      ]);
    }
    expect(await queue({ ...PERIOD, figure: 'answeredWithinExtension' })).toEqual(['EIR G', 'FOI B']);
    expect(await queue({ ...PERIOD, figure: 'answeredLate' })).toEqual(['FOI C', 'FOI D']);
    expect(await queue({ ...PERIOD, figure: 'outcome', outcome: 'refused' })).toEqual(['FOI B', 'FOI D']);
    expect(await queue({ ...PERIOD, figure: 'exemption', provision: 'FOIA s12' })).toEqual(['FOI D']);
    expect(await queue({ ...PERIOD, figure: 'backlog', band: 'overYear' })).toEqual(['FOI L']);
    expect(await queue({ ...PERIOD, figure: 'commissioner' })).toEqual(['FOI B', 'FOI C', 'FOI D']);
    expect(await queue({ ...PERIOD, figure: 'commissioner', decision: 'upheld' })).toEqual(['FOI D']);
    expect(await queue({ ...PERIOD, figure: 'commissioner', decision: 'pending' })).toEqual(['FOI C']);
    expect(await queue({ ...PERIOD, figure: 'backlog' })).toEqual(['FOI F', 'FOI J', 'FOI L', 'FOI M']);
    expect(await queue({ ...PERIOD, figure: 'received', month: '2025-02' })).toEqual([
      'FOI D',
      'FOI E',
      'FOI F',
    ]);
    expect(await queue({ ...PERIOD, figure: 'answered', month: '2025-02' })).toEqual([
      'FOI B',
      'FOI C',
      'FOI K',
    ]);
    expect(await queue({ ...PERIOD, group: 'sar', figure: 'answeredWithinExtension' })).toEqual(['SAR 2']);
    const rows = await handlers['stats:cases']({ ...PERIOD, figure: 'answeredWithinExtension' });
    expect(rows.ok && rows.value.map((r) => [r.reference, r.statutoryDue, r.due])).toEqual([
      ['FOI B', '2025-02-03', '2025-03-03'],
      ['EIR G', '2025-04-01', '2025-05-01'],
    ]);
  });

  it('gives the same figures through `foi-desk stats --json` run as a process', async () => {
    // The CLI opens the file itself: the app lets it go first.
    await app.enqueue(() => app.lockNow());
    const out = runCli(statsOfPeriod('--json'));
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ ...EXPECTED, backlog: BACKLOG, band: 'unsatisfactory' });
    const eir = JSON.parse(runCli(statsOfPeriod('--regime', 'EIR', '--json')).stdout) as Record<
      string,
      unknown
    >;
    expect(eir).toMatchObject({ received: 1, answeredInTime: 1, answeredLate: 0, percentInTime: 100 });
    const bad = runCli(['stats', file, '--from', '2025-02-31', '--to', PERIOD.to]);
    expect(bad.code).toBe(2);
  });

  it(
    'writes an .xlsx that LibreOffice Calc reads back with the same numbers',
    async () => {
      const xlsx = path.join(temp.dir, 'figures.xlsx');
      const out = runCli(statsOfPeriod('--xlsx', '--out', xlsx));
      expect(out.code).toBe(0);
      const dir = mkdtempSync(path.join(temp.dir, 'calc-'));
      const [csvPath] = await sofficeConvert([xlsx], dir, { to: 'csv' });
      const csv = readFileSync(csvPath, 'utf8');
      const byKey = new Map<string, string>();
      for (const line of csv.split(/\r?\n/)) {
        const cells = line.split(',');
        if (cells.length >= 4 && cells[0]!.startsWith('FOI and EIR') && !cells[0]!.includes(':'))
          byKey.set(cells[2]!, cells[3]!);
      }
      for (const key of [
        'received',
        'answeredInTime',
        'answeredLate',
        'openPastDue',
        'answeredWithinExtension',
        'withdrawn',
      ] as const)
        expect([key, byKey.get(key)]).toEqual([key, String(EXPECTED[key])]);
      expect(byKey.get('percentInTime')).toBe('50');
      expect(csv).toMatch(/FOI and EIR: exemptions,FOIA s31\(1\)\(a\),FOIA s31\(1\)\(a\),1/);
      expect(csv).toMatch(/Backlog on 2025-03-31,Over a year,overYear,1/);
    },
    CONVERSION_TIMEOUT_MS + 60_000,
  );

  it(
    'renders the committee report as a .docx with the charts',
    async () => {
      // A 1×1 PNG stands in for a chart the page drew.
      const opened = await handlers['session:open']({ path: file, passphrase: Buffer.from(PASSPHRASE) });
      expect(opened.ok).toBe(true);
      const png =
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
      const docx = await handlers['stats:render']({
        selection: PERIOD,
        format: 'docx',
        charts: [{ title: 'In time by month', png }],
      });
      if (!docx.ok) throw new Error(docx.error.message);
      const target = path.join(temp.dir, 'report.docx');
      writeFileSync(target, Buffer.from(docx.value.base64, 'base64'));
      const dir = mkdtempSync(path.join(temp.dir, 'docx-'));
      const [textPath] = await sofficeConvert([target], dir, { to: 'txt:Text' });
      const text = readFileSync(textPath, 'utf8');
      expect(text).toMatch(/Information rights statistics/);
      expect(text).toMatch(/Unsatisfactory \(under 90%\)/);
      expect(text).toMatch(/50\.0%/);
      const csv = await handlers['stats:render']({
        selection: PERIOD,
        format: 'csv',
        cases: { ...PERIOD, figure: 'answeredLate' },
      });
      expect(csv.ok && Buffer.from(csv.value.base64, 'base64').toString()).toMatch(
        /FOI D,FOIA,2025-02-03,2025-03-03,2025-03-03,2025-03-20/,
      );
    },
    CONVERSION_TIMEOUT_MS + 60_000,
  );
});
