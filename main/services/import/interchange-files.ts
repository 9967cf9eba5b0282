/**
 * `foi-desk import` of interchange JSON files, streamed: each file is read item by item
 * (json-stream.ts), checked with the same rules as importInterchange, then written with prepared
 * statements in one transaction. Memory holds one case at a time and the references seen, so a
 * 100,000-case file imports in flat memory. All or nothing: any problem, nothing is written.
 */
import type { CaseFile } from '../../../db/case-file';
import { listReferences } from '../../../db/queries/cases';
import { CaseWriter } from '../../../db/queries/import-writer';
import { recordAudit } from '../../../db/queries/audit';
import { saveOrganisation } from '../../../db/queries/organisation';
import { referenceKey } from '../../../shared/case-lifecycle';
import { todayIso } from '../../../shared/dates';
import type { CaseRecord, InterchangeObject } from '../../../shared/case-format';
import { deadlineFor, loadClockContext } from '../deadlines';
import {
  checkInterchangeItem,
  clashProblem,
  duplicateProblem,
  ImportError,
  lateWarning,
  type ImportReport,
} from '../import-export';
import { jsonItems } from './json-stream';
import {
  checkUnchanged,
  fileStamp,
  inAsyncTransaction,
  nextTick,
  WRITE_BATCH,
  type ImportProgressListener,
} from './bulk';

/** Problems listed in full before the rest are counted: a broken 100k file is not 100k lines. */
export const MAX_PROBLEMS_LISTED = 200;

export interface FileImportOptions {
  actor: string;
  today?: string;
  onProgress?: ImportProgressListener;
}

async function* checkedItems(
  path: string,
  today: string,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<{ field: string; problems: string[]; value: InterchangeObject | null }> {
  for await (const item of jsonItems(path, onBytes ? { onBytes } : {})) {
    if (!item.ok) {
      yield { field: '(file)', problems: [`${path}: (file): ${item.problem}`], value: null };
      continue;
    }
    const prefix = item.index >= 0 ? `[${item.index}]` : '';
    const checked = checkInterchangeItem(item.value, prefix, path, today);
    yield { field: prefix || '(file)', ...checked };
  }
}

export async function importInterchangeFiles(
  file: CaseFile,
  paths: string[],
  options: FileImportOptions,
): Promise<ImportReport> {
  const today = options.today ?? todayIso();
  const { db } = file;
  const stamps = paths.map((p) => fileStamp(p));
  const totalBytes = paths.reduce((n, p, i) => n + Number(stamps[i]!.split(':')[0]), 0);
  const problems: string[] = [];
  let more = 0;
  const problem = (line: string) => {
    if (problems.length < MAX_PROBLEMS_LISTED) problems.push(line);
    else more++;
  };
  const taken = new Set(listReferences(db).map(referenceKey));
  const seen = new Map<string, string>();
  let organisations = 0;
  let caseCount = 0;
  let bytesBefore = 0;

  // First pass: read and check everything, write nothing.
  for (const path of paths) {
    let items = 0;
    for await (const item of checkedItems(path, today, (b) =>
      options.onProgress?.({ phase: 'checking', done: bytesBefore + b, total: totalBytes }),
    )) {
      items++;
      for (const p of item.problems) problem(p);
      if (!item.value) continue;
      if (item.value.kind === 'organisation') {
        if (++organisations > 1)
          problem(`${path}: ${item.field}: more than one organisation profile in this import`);
        continue;
      }
      caseCount++;
      const key = referenceKey(item.value.value.reference);
      const where = seen.get(key);
      if (where) problem(duplicateProblem(path, item.field, item.value.value.reference, where));
      else {
        seen.set(key, path);
        if (taken.has(key)) problem(clashProblem(path, item.field, item.value.value.reference));
      }
      if (items % WRITE_BATCH === 0) await nextTick();
    }
    bytesBefore += Number(stamps[paths.indexOf(path)]!.split(':')[0]);
  }
  seen.clear();
  if (problems.length) {
    if (more) problems.push(`… and ${more} more problem${more === 1 ? '' : 's'}`);
    throw new ImportError(problems);
  }

  // Second pass: the same files again, written as they are read.
  const references: string[] = [];
  const warnings: string[] = [];
  let moreWarnings = 0;
  let organisation = false;
  await inAsyncTransaction(db, async () => {
    const context = loadClockContext(db);
    const writer = new CaseWriter(db);
    let written = 0;
    for (const [i, path] of paths.entries()) {
      checkUnchanged(path, stamps[i]!);
      for await (const item of checkedItems(path, today)) {
        // Checked in the first pass; a difference now means the file changed in between.
        if (!item.value)
          throw new ImportError([...item.problems, `${path}: (file): changed during the import`]);
        if (item.value.kind === 'organisation') {
          saveOrganisation(db, item.value.value);
          recordAudit(db, {
            actor: options.actor,
            action: 'import',
            entity: 'organisation',
            newValue: item.value.value.name,
          });
          organisation = true;
          continue;
        }
        const record: CaseRecord = item.value.value;
        const dates = deadlineFor(context, record, record.events ?? []);
        const late = lateWarning(path, item.field, record, dates.due);
        if (late && warnings.length < MAX_PROBLEMS_LISTED) warnings.push(late);
        else if (late) moreWarnings++;
        const id = writer.insertCase(record, dates.due, dates.statutoryDue);
        writer.recordAudit({
          actor: options.actor,
          caseId: id,
          action: 'import',
          entity: 'case',
          newValue: path,
        });
        references.push(record.reference);
        if (++written % WRITE_BATCH === 0) {
          options.onProgress?.({ phase: 'writing', done: written, total: caseCount });
          await nextTick();
        }
      }
      checkUnchanged(path, stamps[i]!);
    }
    if (written !== caseCount) throw new ImportError([`(files): changed during the import`]);
    options.onProgress?.({ phase: 'writing', done: written, total: caseCount });
  });
  if (moreWarnings)
    warnings.push(
      `… and ${moreWarnings} more late case${moreWarnings === 1 ? '' : 's'} without a reason for the delay`,
    );
  return { cases: references, organisation, warnings };
}
