/**
 * Importing a spreadsheet log: find the header row, suggest the mapping, check every row with the
 * case rules (shared/spreadsheet-columns.ts sheetRowToCase), show what would be skipped and why,
 * then write the valid rows, or refuse the whole file if the officer asked for all or nothing.
 * The rows are read twice (check, then write), never held all at once.
 */
import type { CaseFile } from '../../../db/case-file';
import { listReferences } from '../../../db/queries/cases';
import { CaseWriter } from '../../../db/queries/import-writer';
import { isLate, referenceKey } from '../../../shared/case-lifecycle';
import type { CaseRecord, Regime } from '../../../shared/case-format';
import { formatUkDate, todayIso } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { ClockInputError } from '../../../shared/clock';
import {
  isBlankRow,
  MAX_LISTED_ROWS,
  PREVIEW_ROWS,
  recognisedHeaders,
  sheetRowToCase,
  suggestMapping,
  type ColumnMapping,
  type SheetCheck,
  type SheetImportReport,
  type SheetRowResult,
} from '../../../shared/spreadsheet-columns';
import { deadlineFor, loadClockContext, type ClockContext } from '../deadlines';
import { ImportError } from '../import-export';
import { inAsyncTransaction, nextTick, WRITE_BATCH, type ImportProgressListener } from './bulk';
import { sheetRows, sourceSize, type SheetSource } from './sheet-reader';

/** Rows shown in the preview, and problem rows listed (the rest are counted). */
/** Rows looked at for the header row before the first non-blank one is taken. */
const HEADER_SEARCH_ROWS = 30;

export interface SheetLayout {
  sheet: string;
  /** The header row's number; data starts on the row after it. */
  headerRow: number;
  headers: string[];
  suggested: ColumnMapping;
}

/**
 * The sheet and header row to read: the first sheet with a row, among its first rows, where at
 * least two headers name a field (the ICO template has instructions and a non-working-days
 * sheet before its tracker); otherwise the first sheet's first non-blank row.
 */
export async function readLayout(source: SheetSource): Promise<SheetLayout> {
  let fallback: SheetLayout | null = null;
  let currentSheet: string | null = null;
  let seenInSheet = 0;
  for await (const { sheet, row, cells } of sheetRows(source)) {
    if (sheet !== currentSheet) {
      currentSheet = sheet;
      seenInSheet = 0;
    }
    if (++seenInSheet > HEADER_SEARCH_ROWS || isBlankRow(cells)) continue;
    const headers = cells.map((c) => (c === null ? '' : c instanceof Date ? '' : String(c).trim()));
    if (recognisedHeaders(headers) >= 2)
      return { sheet, headerRow: row, headers, suggested: suggestMapping(headers) };
    fallback ??= { sheet, headerRow: row, headers, suggested: suggestMapping(headers) };
  }
  if (!fallback) throw new AppError('validation', `${source.name} holds no rows to import.`);
  return fallback;
}

export interface SheetOptions {
  today?: string;
  defaultRegime?: Regime;
  onProgress?: ImportProgressListener;
}

type OnValid = (
  row: SheetRowResult & { record: CaseRecord },
  due: string | null,
  statutoryDue: string | null,
) => void;

/** Checks every data row; `onValid` (the write pass) gets each valid row with its due date. */
async function walkSheet(
  file: CaseFile,
  source: SheetSource,
  layout: SheetLayout,
  mapping: ColumnMapping,
  options: SheetOptions,
  context: ClockContext,
  onValid?: OnValid,
): Promise<SheetCheck> {
  const today = options.today ?? todayIso();
  if (mapping.length > layout.headers.length + 200)
    throw new AppError('validation', 'The mapping has more columns than the sheet.');
  if (!mapping.includes('reference') || !mapping.includes('received'))
    throw new AppError(
      'validation',
      'Map a column to Reference and one to Date received: every case needs both.',
    );
  const taken = new Set(listReferences(file.db).map(referenceKey));
  const seen = new Map<string, number>();
  const out: SheetCheck = {
    sheet: layout.sheet,
    headerRow: layout.headerRow,
    total: 0,
    valid: 0,
    skipped: 0,
    sample: [],
    problemRows: [],
    warningRows: [],
    warned: 0,
  };
  const size = sourceSize(source);
  const onBytes =
    options.onProgress && size && !onValid
      ? (b: number) => options.onProgress!({ phase: 'checking', done: b, total: size })
      : undefined;
  for await (const { sheet, row, cells } of sheetRows(source, onBytes)) {
    if (sheet !== layout.sheet || row <= layout.headerRow || isBlankRow(cells)) continue;
    out.total++;
    const result = sheetRowToCase(cells, mapping, row, {
      today,
      ...(options.defaultRegime ? { defaultRegime: options.defaultRegime } : {}),
    });
    if (result.reference) {
      const key = referenceKey(result.reference);
      const before = seen.get(key);
      if (before !== undefined)
        result.problems.push(
          `The reference "${result.reference}" is also on row ${before} (references are compared ignoring case and spaces).`,
        );
      else {
        seen.set(key, row);
        if (taken.has(key))
          result.problems.push(`The reference "${result.reference}" is already in the case file.`);
      }
    }
    let due: string | null = null;
    let statutoryDue: string | null = null;
    if (result.problems.length === 0 && result.record) {
      try {
        ({ due, statutoryDue } = deadlineFor(context, result.record, []));
      } catch (error) {
        if (!(error instanceof ClockInputError)) throw error;
        result.problems.push(`The statutory clock cannot use this row's dates: ${error.message}.`);
        result.record = null;
      }
      const r = result.record;
      if (r && r.status === 'closed' && isLate(due, r.responded) && !r.lateReason?.trim())
        result.warnings.push(
          `Answered after its due date (${formatUkDate(due!)}) with no reason for the delay in the log: imported and counted as late, reason not recorded.`,
        );
      if (result.logDue && due && result.logDue !== due)
        result.warnings.push(
          `The log's due date ${formatUkDate(result.logDue)} differs from the statutory ${formatUkDate(due)}; the clock's is kept.`,
        );
    }
    if (out.sample.length < PREVIEW_ROWS)
      out.sample.push({
        row,
        reference: result.reference,
        values: result.values,
        problems: result.problems,
        warnings: result.warnings,
      });
    if (result.problems.length || !result.record) {
      out.skipped++;
      if (out.problemRows.length < MAX_LISTED_ROWS)
        out.problemRows.push({ row, reference: result.reference, problems: result.problems });
    } else {
      out.valid++;
      if (result.warnings.length) {
        out.warned++;
        if (out.warningRows.length < MAX_LISTED_ROWS)
          out.warningRows.push({ row, reference: result.reference, problems: result.warnings });
      }
      onValid?.(result as SheetRowResult & { record: CaseRecord }, due, statutoryDue);
    }
    if (out.total % WRITE_BATCH === 0) await nextTick();
  }
  return out;
}

/** The preview: every row checked, nothing written. */
export async function checkSheet(
  file: CaseFile,
  source: SheetSource,
  layout: SheetLayout,
  mapping: ColumnMapping,
  options: SheetOptions = {},
): Promise<SheetCheck> {
  return walkSheet(file, source, layout, mapping, options, loadClockContext(file.db));
}

/** Problems as `row N (REF): problem` lines, for the CLI and an all-or-nothing refusal. */
export function problemLines(check: SheetCheck, name: string): string[] {
  const lines = check.problemRows.flatMap((r) =>
    r.problems.map((p) => `${name}: row ${r.row}${r.reference ? ` (${r.reference})` : ''}: ${p}`),
  );
  const more = check.skipped - check.problemRows.length;
  if (more > 0) lines.push(`… and ${more} more row${more === 1 ? '' : 's'} with problems`);
  return lines;
}

/**
 * Imports the log: `all-or-nothing` refuses the file if any row has a problem; `valid-rows`
 * imports every valid row and reports the others as skipped. Written in one transaction.
 */
export async function importSheet(
  file: CaseFile,
  source: SheetSource,
  layout: SheetLayout,
  mapping: ColumnMapping,
  options: SheetOptions & { actor: string; mode: 'all-or-nothing' | 'valid-rows' },
): Promise<SheetImportReport> {
  const context = loadClockContext(file.db);
  const first = await walkSheet(file, source, layout, mapping, options, context);
  if (options.mode === 'all-or-nothing' && first.skipped > 0)
    throw new ImportError(problemLines(first, source.name));
  if (first.valid === 0)
    throw new ImportError([`${source.name}: no row can be imported`, ...problemLines(first, source.name)]);
  let written = 0;
  const second = await inAsyncTransaction(file.db, async () => {
    const writer = new CaseWriter(file.db);
    const check = await walkSheet(
      file,
      source,
      layout,
      mapping,
      { ...options, onProgress: undefined },
      context,
      (row, due, statutoryDue) => {
        const id = writer.insertCase(row.record, due, statutoryDue);
        writer.recordAudit({
          actor: options.actor,
          caseId: id,
          action: 'import',
          entity: 'case',
          newValue: { source: source.name, row: row.row, ...row.extra },
        });
        written++;
        if (written % WRITE_BATCH === 0)
          options.onProgress?.({ phase: 'writing', done: written, total: first.valid });
      },
    );
    if (check.valid !== first.valid)
      throw new AppError('validation', `${source.name} changed while it was imported. Nothing was imported.`);
    return check;
  });
  options.onProgress?.({ phase: 'writing', done: written, total: first.valid });
  return { ...second, imported: written };
}
