/**
 * The statistics as files: the figures as a flat table (CSV, or an .xlsx through exceljs with a
 * sheet of figures, one by month and one of the backlog), and the cases behind a figure with both
 * their statutory and their extended due dates. Cells that start like a formula are guarded as the
 * register's CSV export does; exceljs writes text cells as text, never as formulas.
 */
import { OUTCOME_LABELS, REGIME_LABELS } from '../../shared/labels';
import {
  BACKLOG_LABELS,
  ICO_BAND_LABELS,
  type StatsCaseRow,
  type StatsReport,
  type TimelinessFigures,
} from '../../shared/stats';
import { csvCell } from './import-export';
import { COMMISSIONER_DECISION_LABELS, type CommissionerDecision } from '../../shared/commissioner';

export type FigureRow = [section: string, figure: string, key: string, value: number | string | null];

/** Every figure of a report, one row each, in the order the screen shows them. */
export function figureRows(r: StatsReport): FigureRow[] {
  const rows: FigureRow[] = [];
  const timeliness = (section: string, f: TimelinessFigures) => {
    rows.push(
      [section, 'Received', 'received', f.received],
      [section, 'Answered in time', 'answeredInTime', f.answeredInTime],
      [section, 'Answered within the statutory time', 'answeredWithinStatutory', f.answeredWithinStatutory],
      [section, 'Answered within a lawful extension', 'answeredWithinExtension', f.answeredWithinExtension],
      [section, 'Answered late', 'answeredLate', f.answeredLate],
      [section, 'Open and past due', 'openPastDue', f.openPastDue],
      [section, 'Open, not yet due', 'openNotYetDue', f.openNotYetDue],
      [section, 'Withdrawn or lapsed (left out)', 'withdrawn', f.withdrawn],
      [section, 'Percentage in time', 'percentInTime', f.percentInTime],
      [section, 'Late, reason not recorded', 'lateReasonMissing', f.lateReasonMissing],
    );
  };
  const main = r.selection.regime ? (REGIME_LABELS[r.selection.regime] ?? r.selection.regime) : 'FOI and EIR';
  timeliness(main, r.main);
  rows.push(
    [main, 'Clarification asked (clock stopped)', 'clarification', r.main.clarification],
    [main, 'Fees notice (clock paused)', 'fees', r.main.fees],
    [main, 'Public interest extension', 'piExtension', r.main.piExtension],
    [main, 'Regulation 7 extension', 'eirExtension', r.main.eirExtension],
    [main, 'Section 12 refusals (cost)', 's12', r.main.s12],
    [main, 'Section 14 refusals (vexatious or repeated)', 's14', r.main.s14],
    [main, 'ICO band', 'band', r.band ? ICO_BAND_LABELS[r.band] : null],
  );
  for (const [outcome, n] of Object.entries(r.main.outcomes))
    rows.push([`${main}: outcomes`, OUTCOME_LABELS[outcome] ?? outcome, outcome, n]);
  for (const [provision, n] of Object.entries(r.main.exemptions))
    rows.push([`${main}: exemptions`, provision, provision, n]);
  const cm = r.main.commissioner;
  rows.push(
    [`${main}: complaints to the Commissioner`, 'Complaints', 'commissionerComplaints', cm.complaints],
    [`${main}: complaints to the Commissioner`, 'No decision yet', 'commissionerPending', cm.pending],
  );
  for (const [decision, n] of Object.entries(cm.decisions))
    rows.push([
      `${main}: complaints to the Commissioner`,
      COMMISSIONER_DECISION_LABELS[decision as CommissionerDecision],
      decision,
      n,
    ]);
  timeliness('Subject access', r.sar);
  rows.push(
    ['Subject access', 'Extended', 'sarExtended', r.sar.sarExtended],
    ['Subject access', 'Paused (clock stopped)', 'sarPaused', r.sar.sarPaused],
  );
  timeliness('Internal reviews', r.reviews);
  rows.push(
    ['Internal reviews', 'Upheld', 'upheld', r.reviews.upheld],
    ['Internal reviews', 'Overturned in full or in part', 'overturned', r.reviews.overturned],
  );
  const b = r.backlog;
  rows.push(
    [`Backlog on ${b.asOf}`, BACKLOG_LABELS.under20, 'under20', b.under20],
    [`Backlog on ${b.asOf}`, BACKLOG_LABELS.from20to60, 'from20to60', b.from20to60],
    [`Backlog on ${b.asOf}`, BACKLOG_LABELS.over60, 'over60', b.over60],
    [`Backlog on ${b.asOf}`, BACKLOG_LABELS.overYear, 'overYear', b.overYear],
    [`Backlog on ${b.asOf}`, 'Total past due', 'total', b.total],
  );
  return rows;
}

const CASE_COLUMNS: [keyof StatsCaseRow, string][] = [
  ['reference', 'Reference'],
  ['regime', 'Regime'],
  ['received', 'Received'],
  ['statutoryDue', 'Statutory due date'],
  ['due', 'Due date (extended)'],
  ['responded', 'Response sent'],
  ['status', 'Status'],
  ['outcome', 'Outcome'],
  ['officer', 'Officer'],
  ['department', 'Department'],
  ['lateReason', 'Reason for the delay'],
  ['lateDepartment', 'Department responsible for the delay'],
  ['subject', 'Subject'],
];

const csvLine = (cells: (string | number | null)[]) =>
  cells.map((c) => (typeof c === 'number' ? String(c) : csvCell(c ?? ''))).join(',');

export function statsCsv(report: StatsReport): string {
  const lines = [csvLine(['section', 'figure', 'key', 'value'])];
  for (const row of figureRows(report)) lines.push(csvLine(row));
  return lines.join('\r\n') + '\r\n';
}

export function statsCasesCsv(rows: StatsCaseRow[]): string {
  const lines = [csvLine(CASE_COLUMNS.map(([, h]) => h))];
  for (const row of rows) lines.push(csvLine(CASE_COLUMNS.map(([k]) => row[k])));
  return lines.join('\r\n') + '\r\n';
}

/** Text that would start a formula gets a leading apostrophe, as in the CSV (a cell is text anyway). */
const guard = (v: string | number | null) =>
  typeof v === 'string' ? (csvCell(v).startsWith("'") ? `'${v}` : v) : v;

export async function statsXlsx(report: StatsReport, cases?: StatsCaseRow[]): Promise<Buffer> {
  // Loaded when first needed: exceljs alone took 0.4 s of every foi-desk command's start.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'FOI Desk';
  const figures = book.addWorksheet('Figures');
  figures.columns = [
    { header: 'Section', key: 'section', width: 28 },
    { header: 'Figure', key: 'figure', width: 44 },
    { header: 'Key', key: 'key', width: 26 },
    { header: 'Value', key: 'value', width: 14 },
  ];
  figures.addRow([`Received ${report.selection.from} to ${report.selection.to}`]);
  for (const row of figureRows(report)) figures.addRow(row.map(guard));
  figures.getRow(1).font = { bold: true };
  const months = book.addWorksheet('By month');
  months.columns = [
    { header: 'Month', key: 'month', width: 10 },
    { header: 'Received', key: 'received', width: 10 },
    { header: 'Answered', key: 'answered', width: 10 },
    { header: 'Answered in time', key: 'answeredInTime', width: 16 },
    { header: 'Answered late', key: 'answeredLate', width: 14 },
    { header: 'Open past due', key: 'openPastDue', width: 14 },
    { header: 'Percentage in time', key: 'percentInTime', width: 18 },
  ];
  for (const m of report.months) months.addRow(m);
  months.getRow(1).font = { bold: true };
  const burn = book.addWorksheet('Backlog over time');
  burn.columns = [
    { header: 'Date', key: 'date', width: 12 },
    { header: 'Open', key: 'open', width: 10 },
    { header: 'Open past due', key: 'pastDue', width: 14 },
  ];
  for (const p of report.burnDown) burn.addRow(p);
  burn.getRow(1).font = { bold: true };
  if (cases) {
    const sheet = book.addWorksheet('Cases');
    sheet.columns = CASE_COLUMNS.map(([key, header]) => ({
      header,
      key,
      width: key === 'subject' ? 50 : 16,
    }));
    for (const row of cases) sheet.addRow(CASE_COLUMNS.map(([k]) => guard(row[k])));
    sheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The figures as the CLI's JSON: the keys the issue names first, then the rest of the report. */
export function statsJson(report: StatsReport): Record<string, unknown> {
  const m = report.main;
  return {
    from: report.selection.from,
    to: report.selection.to,
    regime: report.selection.regime ?? null,
    received: m.received,
    answeredInTime: m.answeredInTime,
    answeredWithinStatutory: m.answeredWithinStatutory,
    answeredWithinExtension: m.answeredWithinExtension,
    answeredLate: m.answeredLate,
    openPastDue: m.openPastDue,
    openNotYetDue: m.openNotYetDue,
    withdrawn: m.withdrawn,
    percentInTime: m.percentInTime,
    band: report.band,
    lateReasonMissing: m.lateReasonMissing,
    clarification: m.clarification,
    fees: m.fees,
    piExtension: m.piExtension,
    eirExtension: m.eirExtension,
    commissioner: m.commissioner,
    s12: m.s12,
    s14: m.s14,
    outcomes: m.outcomes,
    exemptions: m.exemptions,
    backlog: report.backlog,
    sar: report.sar,
    reviews: report.reviews,
    months: report.months,
    burnDown: report.burnDown,
    definition: report.definition,
  };
}
