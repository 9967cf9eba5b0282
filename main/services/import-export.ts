/**
 * Import and export in the interchange format. An import is all or nothing: every file is read
 * and checked first, then everything is written in one transaction.
 */
import { AppError } from '../../shared/errors';
import {
  parseInterchangeObject,
  stripControls,
  type CaseRecord,
  type InterchangeObject,
  type Organisation,
} from '../../shared/case-format';
import { inTransaction, type CaseFile } from '../../db/case-file';
import { getCaseRecord, listRegisterRows, listCaseIds, listReferences } from '../../db/queries/cases';
import {
  caseRecordProblems,
  clockEventProblems,
  isLate,
  referenceKey,
  type ClockEventLike,
} from '../../shared/case-lifecycle';
import { questionTreeProblems } from '../../shared/answer-rules';
import { todayIso } from '../../shared/dates';
import { getOrganisation, saveOrganisation } from '../../db/queries/organisation';
import { recordAudit } from '../../db/queries/audit';
import { CaseWriter } from '../../db/queries/import-writer';
import { deadlineFor, loadClockContext } from './deadlines';

export interface ImportSource {
  /** Shown in problems, e.g. the file path. */
  path: string;
  text: string;
}

export interface ImportReport {
  cases: string[];
  organisation: boolean;
  /** What was imported but should be looked at (a late case closed without a reason for the delay). */
  warnings: string[];
}

/** An import refused as a whole; each problem is one `path: field: problem` line. */
export class ImportError extends AppError {
  constructor(readonly problems: string[]) {
    super(
      'validation',
      `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}.\n${problems.join('\n')}`,
    );
  }
}

interface Parsed {
  cases: { source: string; field: string; value: CaseRecord }[];
  organisations: { source: string; field: string; value: Organisation }[];
}

/**
 * One interchange object checked: the format (zod), then the same case rules every other write
 * path applies (dates, closing, answers, clock events). `prefix` is its place in a list (`[3]`) or ''.
 */
export function checkInterchangeItem(
  item: unknown,
  prefix: string,
  sourcePath: string,
  today: string,
): { problems: string[]; value: InterchangeObject | null } {
  const problems: string[] = [];
  const result = parseInterchangeObject(item);
  if (!result.ok) {
    for (const p of result.problems) {
      const field = prefix ? `${prefix}${p.field.startsWith('[') ? '' : '.'}${p.field}` : p.field;
      problems.push(`${sourcePath}: ${field}: ${p.problem}`);
    }
    return { problems, value: null };
  }
  if (result.value.kind === 'case') {
    const record = result.value.value;
    const field = prefix || '(file)';
    const ruleProblems = [
      ...caseRecordProblems(record, today).map((p) => `${field === '(file)' ? '' : `${field}: `}${p}`),
      ...questionTreeProblems(record.questions, record.regime).map(
        (p) => `${prefix ? `${prefix}.` : ''}${p.field}: ${p.message}`,
      ),
      ...eventProblems(record, today).map((p) => `${prefix ? `${prefix}.` : ''}${p}`),
    ];
    if (ruleProblems.length) {
      for (const p of ruleProblems) problems.push(`${sourcePath}: ${p}`);
      return { problems, value: null };
    }
  }
  return { problems, value: result.value };
}

/**
 * Reads and checks every source: each object with checkInterchangeItem, and references unique
 * ignoring case and spaces.
 */
export function parseImportSources(sources: ImportSource[], today: string = todayIso()): Parsed {
  const problems: string[] = [];
  const parsed: Parsed = { cases: [], organisations: [] };
  for (const source of sources) {
    let json: unknown;
    try {
      json = JSON.parse(source.text.replace(/^\uFEFF/, ''));
    } catch (error) {
      problems.push(`${source.path}: (file): is not valid JSON (${(error as Error).message})`);
      continue;
    }
    const items = Array.isArray(json) ? json : [json];
    if (items.length === 0) problems.push(`${source.path}: (file): holds an empty list`);
    items.forEach((item, index) => {
      const prefix = Array.isArray(json) ? `[${index}]` : '';
      const checked = checkInterchangeItem(item, prefix, source.path, today);
      problems.push(...checked.problems);
      if (!checked.value) return;
      const field = prefix || '(file)';
      if (checked.value.kind === 'case')
        parsed.cases.push({ source: source.path, field, value: checked.value.value });
      else parsed.organisations.push({ source: source.path, field, value: checked.value.value });
    });
  }
  const seen = new Map<string, string>();
  for (const c of parsed.cases) {
    const key = referenceKey(c.value.reference);
    const where = seen.get(key);
    if (where) problems.push(duplicateProblem(c.source, c.field, c.value.reference, where));
    else seen.set(key, c.source);
  }
  if (parsed.organisations.length > 1) {
    const extra = parsed.organisations[1]!;
    problems.push(`${extra.source}: ${extra.field}: more than one organisation profile in this import`);
  }
  if (problems.length) throw new ImportError(problems);
  return parsed;
}

export function duplicateProblem(source: string, field: string, reference: string, where: string): string {
  return `${source}: ${refField(field)}: "${reference}" appears twice in this import, ignoring case and spaces (also ${where})`;
}

export function clashProblem(source: string, field: string, reference: string): string {
  return `${source}: ${refField(field)}: "${reference}" is already in the case file (references are compared ignoring case and spaces)`;
}

/**
 * A case's clock events checked as the case page records them: each in turn against the ones
 * before it (shared/case-lifecycle.ts clockEventProblems). A closed case's history is checked as
 * it stood while the case was open, since a closed case takes no new events but keeps its old ones.
 */
function eventProblems(record: CaseRecord, today: string): string[] {
  const out: string[] = [];
  const before: ClockEventLike[] = [];
  const asOpen = { regime: record.regime, received: record.received, status: 'open' };
  (record.events ?? []).forEach((event, i) => {
    for (const p of clockEventProblems(asOpen, before, event, today)) out.push(`events[${i}]: ${p}`);
    before.push(event);
  });
  return out;
}

/**
 * Closed history from an old log often has no reason for a delay: it is imported (refusing it
 * would leave the history out of the statistics) and named in the report, and the statistics count
 * it as "reason not recorded". Every other write path refuses to close late without a reason.
 */
export function lateWarning(source: string, field: string, v: CaseRecord, due: string | null): string | null {
  if (v.status === 'closed' && isLate(due, v.responded) && !v.lateReason?.trim())
    return `${source}: ${refField(field)}: "${v.reference}" was answered after its due date (${due}) and has no reason for the delay (lateReason); it is imported and counted as late, reason not recorded`;
  return null;
}

function refField(field: string): string {
  return field === '(file)' ? 'reference' : `${field}.reference`;
}

export function importInterchange(file: CaseFile, sources: ImportSource[], actor: string): ImportReport {
  const parsed = parseImportSources(sources);
  const { db } = file;
  const taken = new Set(listReferences(db).map(referenceKey));
  const clashes = parsed.cases.filter((c) => taken.has(referenceKey(c.value.reference)));
  if (clashes.length) {
    throw new ImportError(clashes.map((c) => clashProblem(c.source, c.field, c.value.reference)));
  }
  return inTransaction(db, (tx) => {
    const org = parsed.organisations[0];
    if (org) {
      saveOrganisation(tx, org.value);
      recordAudit(tx, { actor, action: 'import', entity: 'organisation', newValue: org.value.name });
    }
    const context = loadClockContext(tx);
    const warnings: string[] = [];
    const writer = new CaseWriter(tx);
    for (const c of parsed.cases) {
      const dates = deadlineFor(context, c.value, c.value.events ?? []);
      const late = lateWarning(c.source, c.field, c.value, dates.due);
      if (late) warnings.push(late);
      const id = writer.insertCase(c.value, dates.due, dates.statutoryDue);
      writer.recordAudit({ actor, caseId: id, action: 'import', entity: 'case', newValue: c.source });
    }
    return { cases: parsed.cases.map((c) => c.value.reference), organisation: Boolean(org), warnings };
  });
}

/** The register as interchange objects: the organisation profile (if any), then every case. */
export function exportRegister(file: CaseFile): (Organisation | CaseRecord)[] {
  const out: (Organisation | CaseRecord)[] = [];
  const org = getOrganisation(file.db);
  if (org) out.push(org);
  for (const id of listCaseIds(file.db)) {
    const record = getCaseRecord(file.db, id, { events: true });
    if (record) out.push(record);
  }
  return out;
}

export function exportRegisterJson(file: CaseFile): string {
  return JSON.stringify(exportRegister(file), null, 2) + '\n';
}

export const CSV_COLUMNS = [
  'reference',
  'regime',
  'received',
  'due',
  'status',
  'outcome',
  'responded',
  'subject',
] as const;

/**
 * One row per case for a spreadsheet. A cell that starts like a formula is prefixed with an
 * apostrophe, so a hostile subject line cannot run in Excel or LibreOffice Calc.
 */
export function exportRegisterCsv(file: CaseFile): string {
  const rows = listRegisterRows(file.db);
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(row[c] ?? '')).join(','));
  return lines.join('\r\n') + '\r\n';
}

/**
 * Spreadsheets look past what comes before a formula sign: LibreOffice Calc skipped a NUL and ran
 * "\u0000=1+1". So the guard looks past every control, space and invisible character, and takes
 * the full-width signs too; a cell that starts with a tab or carriage return is quoted as well.
 */
const FORMULA_START = /^(?:[\p{Cc}\p{Z}\p{Cf}]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r\n])/u;

export function csvCell(value: string): string {
  // Controls other than tab and line breaks (kept by older case files) carry nothing a reader sees.
  const text = stripControls(value);
  const safe = FORMULA_START.test(value) || FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
