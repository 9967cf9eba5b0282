/**
 * The rows of a spreadsheet log as they are read: .xlsx through exceljs's streaming
 * WorkbookReader (shared strings and styles cached, so a date-formatted cell arrives as a Date),
 * .csv through csv-parse (UTF-8 with or without BOM, or Windows-1252 as older Excel saves it; the
 * delimiter , ; or tab, whichever the first line uses). Neither holds the whole sheet in memory.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import type { SheetCell } from '../../../shared/spreadsheet-columns';
import { AppError } from '../../../shared/errors';
import { refuseHeldFile } from '../../../db/case-file';

export type SheetKind = 'xlsx' | 'csv';

/** Where a spreadsheet comes from: a file on disk (the CLI) or the bytes the page sent (the app). */
export type SheetSource = { kind: SheetKind; name: string } & ({ path: string } | { bytes: Uint8Array });

export interface SheetRow {
  sheet: string;
  /** 1-based, as the spreadsheet numbers its rows. */
  row: number;
  cells: SheetCell[];
}

export function sheetKindOf(name: string): SheetKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  return null;
}

export function sourceSize(source: SheetSource): number | null {
  return 'bytes' in source ? source.bytes.byteLength : null;
}

function openStream(source: SheetSource): Readable {
  if ('path' in source) {
    refuseHeldFile(source.path, 'The spreadsheet');
    return createReadStream(source.path, { highWaterMark: 256 * 1024 });
  }
  const bytes = source.bytes;
  const CHUNK = 256 * 1024;
  return Readable.from(
    (function* () {
      for (let i = 0; i < bytes.byteLength; i += CHUNK)
        yield Buffer.from(bytes.buffer, bytes.byteOffset + i, Math.min(CHUNK, bytes.byteLength - i));
    })(),
  );
}

/** Counts the bytes that pass, for progress. */
function counted(stream: Readable, onBytes?: (bytes: number) => void): Readable {
  if (!onBytes) return stream;
  let n = 0;
  stream.on('data', (chunk: Buffer) => {
    n += chunk.length;
    onBytes(n);
  });
  return stream;
}

/** An exceljs cell value as the log's text, number or date. */
export function excelCell(value: unknown): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v['richText']))
      return (v['richText'] as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in v) return excelCell(v['result']);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if (typeof v['text'] === 'string') return v['text'];
    if ('error' in v) return null;
  }
  return null;
}

async function* xlsxRows(source: SheetSource, onBytes?: (bytes: number) => void): AsyncGenerator<SheetRow> {
  // Loaded when first needed: exceljs alone took 0.4 s of every foi-desk command's start.
  const { default: ExcelJS } = await import('exceljs');
  const input = openStream(source);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(counted(input, onBytes), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let index = 0;
  try {
    for await (const worksheet of reader) {
      index++;
      const name = (worksheet as unknown as { name?: string }).name ?? `Sheet ${index}`;
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: SheetCell[] = [];
        for (let c = 1; c < values.length; c++) cells.push(excelCell(values[c]));
        yield { sheet: name, row: row.number, cells };
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'validation',
      `${source.name} could not be read as an .xlsx workbook (${(error as Error).message.split('\n')[0]}).`,
    );
  } finally {
    input.destroy();
  }
}

function decodeSample(sample: Uint8Array): 'utf-8' | 'windows-1252' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, lastCompleteUtf8(sample)));
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** The end of the last whole UTF-8 sequence in a sample cut at an arbitrary byte. */
function lastCompleteUtf8(bytes: Uint8Array): number {
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (need > back) end -= back;
    break;
  }
  return end;
}

function delimiterOf(firstLine: string): string {
  let best = ',';
  let bestCount = -1;
  for (const d of [',', ';', '\t']) {
    let n = 0;
    let quoted = false;
    for (const c of firstLine) {
      if (c === '"') quoted = !quoted;
      else if (c === d && !quoted) n++;
    }
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

async function firstBytes(source: SheetSource, n: number): Promise<Uint8Array> {
  if ('bytes' in source) return source.bytes.subarray(0, n);
  refuseHeldFile(source.path, 'The spreadsheet');
  const parts: Buffer[] = [];
  let have = 0;
  for await (const chunk of createReadStream(source.path, {
    start: 0,
    end: n - 1,
  }) as AsyncIterable<Buffer>) {
    parts.push(chunk);
    have += chunk.length;
  }
  return Buffer.concat(parts, have);
}

async function* csvRows(source: SheetSource, onBytes?: (bytes: number) => void): AsyncGenerator<SheetRow> {
  const sample = await firstBytes(source, 64 * 1024);
  const encoding = decodeSample(sample);
  const firstLine =
    new TextDecoder(encoding)
      .decode(sample)
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0] ?? '';
  const decoder = new TextDecoder(encoding);
  const input = openStream(source);
  const text = counted(input, onBytes).map((chunk: Buffer) => decoder.decode(chunk, { stream: true }));
  const parser = text.pipe(
    parseCsv({
      bom: true,
      delimiter: delimiterOf(firstLine),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: false,
    }),
  );
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { sheet: source.name, row, cells: record.map((c) => (c === '' ? null : c)) };
    }
  } catch (error) {
    throw new AppError(
      'validation',
      `${source.name}: row ${row + 1} could not be read as CSV (${(error as Error).message.split('\n')[0]}).`,
    );
  } finally {
    // Stopped early (the header row found) or done: close the file; the streams piped from it
    // report a premature close, which is what was asked for.
    for (const s of [input, text, parser]) s.on('error', () => undefined);
    input.destroy();
  }
}

/** Every row of every sheet, in order. */
export function sheetRows(source: SheetSource, onBytes?: (bytes: number) => void): AsyncGenerator<SheetRow> {
  return source.kind === 'xlsx' ? xlsxRows(source, onBytes) : csvRows(source, onBytes);
}
