/**
 * The register as text, a case at a time: the same bytes as one JSON.stringify of the whole
 * register (`JSON.stringify(list, null, 2)`, which failed past a few gigabytes at 100,000 cases) or
 * the whole CSV, produced as chunks so an export streams with flat memory.
 */
import type { CaseFile } from '../../../db/case-file';
import { countCases } from '../../../db/queries/cases';
import { caseRecordReader, iterateCaseIds, iterateRegisterRows } from '../../../db/queries/export';
import { getOrganisation } from '../../../db/queries/organisation';
import { CSV_COLUMNS, csvCell } from '../import-export';

export type ExportFormat = 'json' | 'csv';

/** How far an export has got: cases written of the cases in the register. */
export type ExportProgress = (done: number, total: number) => void;

/** One array element as JSON.stringify(array, null, 2) lays it out (strings never hold a raw line break). */
function element(value: unknown): string {
  return `  ${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')}`;
}

/** The interchange JSON: the organisation profile (if any), then every case with its events. */
export function* registerJsonChunks(file: CaseFile, onProgress?: ExportProgress): Generator<string> {
  const total = countCases(file.db);
  let first = true;
  const next = (value: unknown): string => {
    const text = `${first ? '[\n' : ',\n'}${element(value)}`;
    first = false;
    return text;
  };
  const org = getOrganisation(file.db);
  if (org) yield next(org);
  const readCase = caseRecordReader(file.db);
  let done = 0;
  for (const id of iterateCaseIds(file.db)) {
    const record = readCase(id);
    if (record) yield next(record);
    onProgress?.(++done, total);
  }
  yield first ? '[]\n' : '\n]\n';
}

/** The CSV, one row per case, formula-guarded cells (import-export.ts csvCell). */
export function* registerCsvChunks(file: CaseFile, onProgress?: ExportProgress): Generator<string> {
  const total = countCases(file.db);
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  let done = 0;
  let batch: string[] = [];
  for (const row of iterateRegisterRows(file.db)) {
    batch.push(CSV_COLUMNS.map((c) => csvCell(row[c] ?? '')).join(','));
    done++;
    if (batch.length === 500) {
      yield `${batch.join('\r\n')}\r\n`;
      batch = [];
      onProgress?.(done, total);
    }
  }
  if (batch.length) yield `${batch.join('\r\n')}\r\n`;
  onProgress?.(done, total);
}

export function registerChunks(
  file: CaseFile,
  format: ExportFormat,
  onProgress?: ExportProgress,
): Generator<string> {
  return format === 'csv' ? registerCsvChunks(file, onProgress) : registerJsonChunks(file, onProgress);
}
