/**
 * A spreadsheet log of a few hundred rows, messy as real logs are (a title above the headers,
 * headers as teams write them, dates in every form, a few bad rows), made with exceljs: the
 * preview's problems, the import of the valid rows into a real encrypted file, the cases and
 * their due dates; then the same through `foi-desk import` as a process, .xlsx and .csv.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createCaseFile, openCaseFile, type CaseFile } from '../../db/case-file';
import { computeDueDate } from '../../shared/clock';
import type { Regime } from '../../shared/case-format';
import { checkSheet, importSheet, readLayout } from '../../main/services/import/sheet-import';
import type { SheetSource } from '../../main/services/import/sheet-reader';
import { ImportError } from '../../main/services/import-export';
import { makeTempDir, PASSPHRASE, runCli } from '../helpers';

const TODAY = '2026-11-30';
const HEADERS = [
  'FOI No.',
  'Date Received (dd/mm/yyyy)',
  'Requestor',
  'Summary of request',
  'Type',
  'Due Date',
  'Date Closed',
  'Outcome',
  'Exemptions Applied',
  'Handling Officer',
  'Department',
  'Internal Review?',
  'Notes',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ordinal = (d: number) =>
  `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;
const isoPlus = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const excelSerial = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25569;

/** A date written the way row i of a log writes it. */
function messyDate(iso: string, i: number): string | number | Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const dd = String(d).padStart(2, '0');
  const mm = String(m).padStart(2, '0');
  switch (i % 7) {
    case 0:
      return new Date(`${iso}T00:00:00Z`); // a real date cell
    case 1:
      return `${dd}/${mm}/${y}`;
    case 2:
      return `${d}-${MONTHS[m - 1]}-${String(y).slice(2)}`;
    case 3:
      return `${ordinal(d)} ${LONG[m - 1]} ${y}`;
    case 4:
      return `${dd}.${mm}.${y}`;
    case 5:
      return excelSerial(iso); // a serial number in a cell that lost its date format
    default:
      return `${d}/${m}/${String(y).slice(2)}`;
  }
}

const REGIME_TEXT: [string, Regime][] = [
  ['FOI', 'FOIA'],
  ['Environmental', 'EIR'],
  ['Freedom of Information', 'FOIA'],
  ['EIR', 'EIR'],
  ['Subject Access', 'SAR'],
];
const OUTCOME_TEXT = [
  'Granted in full',
  'Part released',
  'Refused - s43',
  'Information not held',
  'Withdrawn',
];

interface Expected {
  reference: string;
  regime: Regime;
  received: string;
  responded?: string;
}

/** 300 good rows, then the bad ones, each with the problem the preview must give. */
function buildRows(): {
  rows: (string | number | Date | null)[][];
  good: Expected[];
  bad: [string, string][];
} {
  const rows: (string | number | Date | null)[][] = [];
  const good: Expected[] = [];
  for (let i = 0; i < 300; i++) {
    const received = isoPlus('2005-01-04', i * 23);
    const [text, regime] = REGIME_TEXT[i % REGIME_TEXT.length]!;
    const closed = i % 3 !== 0;
    const responded = closed ? isoPlus(received, 12 + (i % 9)) : undefined;
    const reference = `FOI/${2005 + Math.floor(i / 20)}/${String(i + 1).padStart(4, '0')}`;
    rows.push([
      i % 11 === 0 ? ` ${reference.toLowerCase()} ` : reference,
      messyDate(received, i),
      i % 13 === 0 ? null : `Requester ${i}`,
      `Subject of request ${i}`,
      text,
      i % 17 === 0 ? messyDate(isoPlus(received, 1), i) : null,
      responded ? messyDate(responded, i + 3) : null,
      closed ? OUTCOME_TEXT[i % OUTCOME_TEXT.length]! : null,
      i % 5 === 0 ? 's40(2), s43(2)' : null,
      'A. Officer',
      'Estates',
      i % 19 === 0 ? 'Yes' : 'No',
      'free notes',
    ]);
    good.push({
      reference: i % 11 === 0 ? reference.toLowerCase() : reference,
      regime,
      received,
      ...(responded ? { responded } : {}),
    });
  }
  const bad: [string, string][] = [];
  const add = (
    ref: string,
    received: unknown,
    problem: string,
    extra: Partial<Record<number, unknown>> = {},
  ) => {
    const row: unknown[] = [
      ref,
      received,
      'Bad Row',
      'Bad subject',
      'FOI',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ];
    for (const [k, v] of Object.entries(extra)) row[Number(k)] = v;
    rows.push(row as (string | number | Date | null)[]);
    bad.push([ref, problem]);
  };
  add('', '01/02/2021', 'The reference is empty.');
  add('BAD-1', '31/02/2021', 'The date received "31/02/2021" cannot be read: February 2021 has no day 31.');
  add('BAD-2', '01/31/2021', 'The date received "01/31/2021" cannot be read: 31 is not a month');
  add('BAD-3', '01/01/2030', 'The date received cannot be in the future.');
  add(
    'BAD-4',
    '10/03/2020',
    'The date of the response cannot be before the date the request was received (10/03/2020).',
    {
      6: '01/03/2020',
      7: 'Granted',
    },
  );
  add(
    'BAD-5',
    '10/03/2020',
    'Responded on 20/03/2020 but the log gives no outcome: a closed case needs one.',
    { 6: '20/03/2020' },
  );
  add('BAD-6', '10/03/2020', 'The regime "Complaint" is not one FOI Desk knows', { 4: 'Complaint' });
  add('FOI/2005/0002', '10/03/2020', 'The reference "FOI/2005/0002" is also on row 5');
  add('BAD-7', 'TBC', 'The date received "TBC" cannot be read: not a date in a form FOI Desk reads');
  return { rows, good, bad };
}

async function writeWorkbook(target: string, rows: (string | number | Date | null)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Instructions');
  notes.addRow(['How to use this log']);
  notes.addRow(['Enter each request on the Request tracker sheet.']);
  const ws = wb.addWorksheet('Request tracker');
  ws.addRow(['Freedom of Information request log 2005–2021']);
  ws.addRow([]);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  ws.getColumn(2).numFmt = 'dd/mm/yyyy';
  await wb.xlsx.writeFile(target);
}

function csvOf(rows: (string | number | Date | null)[][]): string {
  const cell = (v: string | number | Date | null) => {
    if (v === null) return '';
    const text =
      v instanceof Date
        ? `${String(v.getUTCDate()).padStart(2, '0')}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}`
        : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [HEADERS, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

let dir: string;
let cleanup: () => void;
let file: string;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  file = path.join(dir, 'register.foidesk');
});
afterEach(() => cleanup());

function casesIn(cf: CaseFile) {
  return cf.sqlite
    .prepare(
      'SELECT reference, regime, received, status, outcome, responded, officer, department, due_date AS due FROM cases ORDER BY id',
    )
    .all() as {
    reference: string;
    regime: string;
    received: string;
    status: string;
    outcome: string | null;
    responded: string | null;
    officer: string | null;
    department: string | null;
    due: string;
  }[];
}

describe('importing a spreadsheet log', () => {
  it('previews each row’s problems, imports the valid rows with their due dates, and reports what was skipped', async () => {
    const { rows, good, bad } = buildRows();
    const xlsx = path.join(dir, 'log.xlsx');
    await writeWorkbook(xlsx, rows);
    const source: SheetSource = { kind: 'xlsx', name: 'log.xlsx', path: xlsx };
    const layout = await readLayout(source);
    // The tracker sheet, past the instructions sheet and the title above its headers.
    expect(layout).toMatchObject({ sheet: 'Request tracker', headerRow: 3 });
    expect(layout.suggested).toEqual([
      'reference',
      'received',
      'requester',
      'subject',
      'regime',
      'due',
      'responded',
      'outcome',
      'exemptions',
      'officer',
      'department',
      'internalReview',
      null,
    ]);

    const cf = createCaseFile({ path: file, passphrase: new TextEncoder().encode(PASSPHRASE) });
    try {
      const check = await checkSheet(cf, source, layout, layout.suggested, { today: TODAY });
      expect(check.total).toBe(rows.length);
      expect(check.valid).toBe(good.length);
      expect(check.skipped).toBe(bad.length);
      expect(check.problemRows.map((r) => r.reference)).toEqual(bad.map(([ref]) => ref));
      check.problemRows.forEach((r, i) => expect(r.problems.join(' '), r.reference).toContain(bad[i]![1]));
      // Data starts on row 4; the first rows come back as mapped, for the preview.
      expect(check.sample[0]).toMatchObject({ row: 4, problems: [] });
      expect(check.sample[0]!.values.received).toBe('2005-01-04');
      expect(check.sample[0]!.warnings).toContain('No requester in the log: recorded as "Not recorded".');
      expect(
        check.warningRows.some((w) => w.problems.some((p) => p.includes('differs from the statutory'))),
      ).toBe(true);
      expect(casesIn(cf)).toEqual([]); // the preview writes nothing

      // All or nothing: refused as a whole, nothing written.
      await expect(
        importSheet(cf, source, layout, layout.suggested, {
          today: TODAY,
          actor: 'test',
          mode: 'all-or-nothing',
        }),
      ).rejects.toBeInstanceOf(ImportError);
      expect(casesIn(cf)).toEqual([]);

      const progress: string[] = [];
      const report = await importSheet(cf, source, layout, layout.suggested, {
        today: TODAY,
        actor: 'test',
        mode: 'valid-rows',
        onProgress: (p) => progress.push(`${p.phase} ${p.done}/${p.total}`),
      });
      expect(report.imported).toBe(good.length);
      expect(report.skipped).toBe(bad.length);
      expect(progress.at(-1)).toBe(`writing ${good.length}/${good.length}`);

      const stored = casesIn(cf);
      expect(stored.map((c) => c.reference)).toEqual(good.map((g) => g.reference));
      stored.forEach((c, i) => {
        const g = good[i]!;
        expect(c, g.reference).toMatchObject({
          regime: g.regime,
          received: g.received,
          status: g.responded ? 'closed' : 'open',
          responded: g.responded ?? null,
          officer: 'A. Officer',
          department: 'Estates',
        });
        if (g.responded) expect(c.outcome).not.toBeNull();
        expect(c.due, g.reference).toBe(
          computeDueDate({ regime: g.regime, jurisdiction: 'england-and-wales', received: g.received }),
        );
      });
      // Known dates: the first row, 4 January 2005 (FOIA), is due 1 February 2005.
      expect(stored[0]).toMatchObject({ received: '2005-01-04', due: '2005-02-01', status: 'open' });
      const outcomes = new Set(stored.map((c) => c.outcome));
      expect(outcomes).toEqual(
        new Set([null, 'granted', 'part-granted', 'refused', 'not-held', 'withdrawn']),
      );
      // What the case has no field for is kept with the import's audit entry.
      const audit = cf.sqlite
        .prepare("SELECT new_value FROM audit_log WHERE action = 'import' ORDER BY id LIMIT 1")
        .pluck()
        .get() as string;
      expect(JSON.parse(audit)).toMatchObject({
        source: 'log.xlsx',
        row: 4,
        exemptions: 's40(2), s43(2)',
        internalReview: 'Yes',
      });
    } finally {
      cf.close();
    }
  });

  it('foi-desk import takes the .xlsx and the .csv as a process, with --map, --check and --skip-invalid', async () => {
    const { rows, good, bad } = buildRows();
    const xlsx = path.join(dir, 'log.xlsx');
    await writeWorkbook(xlsx, rows);
    expect(runCli(['init', file]).code).toBe(0);

    const checked = runCli(['import', file, xlsx, '--check']);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(
      `${rows.length} rows in "Request tracker" (headers on row 3): ${good.length} valid, ${bad.length} with problems. Nothing was imported (--check).`,
    );
    expect(checked.stdout).toContain(
      'row 305 (BAD-1): The date received "31/02/2021" cannot be read: February 2021 has no day 31.',
    );

    const refused = runCli(['import', file, xlsx]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Nothing was imported');
    expect(refused.stderr).toContain('(BAD-3): The date received cannot be in the future.');

    // --map: the officer says "Summary of request" is the request text and ignores "Handling Officer".
    const done = runCli([
      'import',
      file,
      xlsx,
      '--skip-invalid',
      '--map',
      'Summary of request=requestText,Handling officer=ignore',
    ]);
    expect(done.stderr).toContain('Summary of request → Request text');
    expect(done.stderr).toContain('Handling Officer → ignored');
    expect(done).toMatchObject({ code: 0 });
    expect(done.stdout).toContain(`Imported ${good.length} cases from ${xlsx}; skipped ${bad.length} rows:`);
    const cf = openCaseFile({ path: file, passphrase: new TextEncoder().encode(PASSPHRASE) });
    try {
      const first = cf.sqlite
        .prepare('SELECT subject, request_text AS text, officer FROM cases ORDER BY id LIMIT 1')
        .get();
      expect(first).toEqual({ subject: 'Subject of request 0', text: 'Subject of request 0', officer: null });
      expect(casesIn(cf)).toHaveLength(good.length);
    } finally {
      cf.close();
    }

    // The same log saved as CSV into a fresh file: the same cases, the same due dates.
    const second = path.join(dir, 'second.foidesk');
    const csv = path.join(dir, 'log.csv');
    writeFileSync(csv, '\uFEFF' + csvOf(rows));
    expect(runCli(['init', second]).code).toBe(0);
    const fromCsv = runCli(['import', second, csv, '--skip-invalid']);
    expect(fromCsv).toMatchObject({ code: 0 });
    expect(fromCsv.stdout).toContain(`Imported ${good.length} cases`);
    const a = openCaseFile({ path: file, passphrase: new TextEncoder().encode(PASSPHRASE) });
    const b = openCaseFile({ path: second, passphrase: new TextEncoder().encode(PASSPHRASE) });
    try {
      const strip = (cs: ReturnType<typeof casesIn>) => cs.map(({ officer: _o, ...c }) => c);
      expect(strip(casesIn(b))).toEqual(strip(casesIn(a)));
    } finally {
      a.close();
      b.close();
    }

    const badMap = runCli(['import', file, xlsx, '--map', 'Nope=reference']);
    expect(badMap.code).toBe(2);
    expect(badMap.stderr).toContain('no column is headed "nope"');
  });
});
