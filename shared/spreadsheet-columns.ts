/**
 * A team's spreadsheet log read as cases: which column holds which field (recognised by the
 * headers logs use, the ICO's FOI/EIR request-tracking template among them, or mapped by the
 * officer), and each row turned into a case record with its problems in words. A row is judged
 * by the same rules as every other write path: the case format (shared/case-format.ts) and the
 * case rules (shared/case-lifecycle.ts caseRecordProblems); the importer refuses a row with any.
 */
import {
  CASE_FORMAT,
  CASE_OUTCOMES,
  parseInterchangeObject,
  REGIMES,
  type CaseOutcome,
  type CaseRecord,
  type Regime,
} from './case-format';
import { caseRecordProblems } from './case-lifecycle';
import { formatUkDate, parseLogDate, type IsoDate } from './dates';

export const SHEET_FIELDS = [
  'reference',
  'received',
  'requester',
  'requesterEmail',
  'requesterOrganisation',
  'subject',
  'requestText',
  'regime',
  'due',
  'responded',
  'outcome',
  'status',
  'exemptions',
  'officer',
  'department',
  'internalReview',
] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];

/** What the mapping step shows for each field. */
export const SHEET_FIELD_LABELS: Record<SheetField, string> = {
  reference: 'Reference',
  received: 'Date received',
  requester: 'Requester',
  requesterEmail: 'Requester email',
  requesterOrganisation: 'Requester organisation',
  subject: 'Subject',
  requestText: 'Request text',
  regime: 'Regime',
  due: 'Due date (checked against the clock)',
  responded: 'Date responded',
  outcome: 'Outcome',
  status: 'Status',
  exemptions: 'Exemptions',
  officer: 'Officer',
  department: 'Department',
  internalReview: 'Internal review',
};

/**
 * Fields the case file cannot store yet: recognised, so the officer sees what the column is, but
 * mapped to nothing until the case has a place for it.
 */
export const UNSTORED_FIELDS: readonly SheetField[] = [];

/** Headers as logs write them, normalised (lower case, letters and digits, single spaces). */
const HEADERS: Record<SheetField, string[]> = {
  reference: [
    'ref',
    'reference',
    'ref no',
    'reference no',
    'reference number',
    'foi no',
    'foi number',
    'foi ref',
    'foi reference',
    'request ref',
    'request reference',
    'request id',
    'request no',
    'request number',
    'case ref',
    'case reference',
    'case no',
    'case number',
    'our ref',
    'id',
  ],
  received: [
    'date received',
    'received',
    'date of request',
    'request date',
    'date request received',
    'received date',
    'date logged',
    'date opened',
    'opened',
    'date',
  ],
  requester: [
    'requester',
    'requester name',
    'requestor',
    'requestor name',
    'applicant',
    'name',
    'name of requester',
    'from',
    'requested by',
  ],
  requesterEmail: ['email', 'email address', 'requester email', 'e mail', 'contact email'],
  requesterOrganisation: ['organisation', 'organization', 'requester organisation', 'company'],
  subject: ['subject', 'summary', 'title', 'topic', 'request summary', 'summary of request', 'description'],
  requestText: [
    'request',
    'request text',
    'full request',
    'request details',
    'details',
    'information requested',
  ],
  regime: [
    'regime',
    'type',
    'request type',
    'legislation',
    'foi eir',
    'foi or eir',
    'act',
    'type of request',
  ],
  due: ['due', 'due date', 'date due', 'deadline', 'response due', '20 day deadline', 'statutory deadline'],
  responded: [
    'date responded',
    'responded',
    'date closed',
    'closed',
    'closed date',
    'date of response',
    'response date',
    'date response sent',
    'date sent',
    'response sent',
    'completed',
    'date completed',
  ],
  outcome: ['outcome', 'decision', 'result', 'response type', 'outcome of request'],
  status: ['status', 'case status', 'open closed'],
  exemptions: [
    'exemptions',
    'exemption',
    'exemptions applied',
    'exemptions used',
    'exceptions',
    'exemptions exceptions',
  ],
  officer: [
    'officer',
    'handling officer',
    'case officer',
    'assigned to',
    'owner',
    'lead officer',
    'handled by',
  ],
  department: ['department', 'directorate', 'service', 'service area', 'division', 'team', 'business area'],
  internalReview: ['internal review', 'ir', 'review', 'internal review requested', 'appeal'],
};

export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

const HEADER_INDEX = new Map<string, SheetField>();
for (const field of SHEET_FIELDS) for (const h of HEADERS[field]) HEADER_INDEX.set(h, field);

/** The field a header names, or null. Ignores case, punctuation and a trailing "(dd/mm/yyyy)". */
export function fieldForHeader(header: string): SheetField | null {
  const h = normaliseHeader(header.replace(/\(.*?\)/g, ' '));
  return HEADER_INDEX.get(h) ?? HEADER_INDEX.get(h.replace(/^(?:foi|eir|request|case) /, '')) ?? null;
}

/** One entry per column: the field it fills, or null (ignored). */
export type ColumnMapping = (SheetField | null)[];

/**
 * The mapping the headers suggest: each column its field, the first column naming a field taking
 * it. Fields the case file cannot store yet are left unmapped.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<SheetField>();
  return headers.map((header) => {
    const field = fieldForHeader(header);
    if (!field || taken.has(field) || UNSTORED_FIELDS.includes(field)) return null;
    taken.add(field);
    return field;
  });
}

/** How many headers in a row name a field: the header row is the first with at least two. */
export function recognisedHeaders(row: readonly string[]): number {
  return row.filter((cell) => fieldForHeader(cell) !== null).length;
}

/**
 * Parses `--map "Column name=field,Other=ignore"`: each named column to a field (or "ignore").
 * Problems in words; the column names are matched ignoring case and spacing.
 */
export function parseMapOption(
  text: string,
): { ok: true; value: Map<string, SheetField | null> } | { ok: false; problem: string } {
  const out = new Map<string, SheetField | null>();
  for (const part of text.split(',')) {
    if (!part.trim()) continue;
    const eq = part.lastIndexOf('=');
    if (eq <= 0) return { ok: false, problem: `"${part.trim()}" is not Column=field` };
    const column = normaliseHeader(part.slice(0, eq));
    const field = part.slice(eq + 1).trim();
    if (field === 'ignore' || field === '') out.set(column, null);
    else if ((SHEET_FIELDS as readonly string[]).includes(field)) out.set(column, field as SheetField);
    else
      return {
        ok: false,
        problem: `"${field}" is not a field (use one of ${SHEET_FIELDS.join(', ')} or ignore)`,
      };
  }
  return { ok: true, value: out };
}

/** The suggested mapping with the officer's own choices (by column name) laid over it. */
export function applyMapOption(
  headers: readonly string[],
  suggested: ColumnMapping,
  chosen: Map<string, SheetField | null>,
): { mapping: ColumnMapping; unknown: string[] } {
  const mapping = [...suggested];
  const found = new Set<string>();
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (chosen.has(key)) {
      mapping[i] = chosen.get(key)!;
      found.add(key);
    }
  });
  // A field the officer gave to one column is taken from any other column the headers suggested.
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (!chosen.has(key) && mapping[i] && [...chosen.values()].includes(mapping[i])) mapping[i] = null;
  });
  return { mapping, unknown: [...chosen.keys()].filter((k) => !found.has(k)) };
}

/** A cell as the readers hand it over. */
export type SheetCell = string | number | boolean | Date | null;

function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

const REGIME_WORDS: [RegExp, Regime][] = [
  [/^(?:foisa|freedom of information \(?scotland\)?(?: act)?(?: 2002)?)$/, 'FOISA'],
  [/^(?:foisa|foi ?s) ?(?:review|rr)$|review.*scotland/, 'FOISA-REVIEW'],
  [/^(?:eisr|environmental information \(?scotland\)?(?: regulations)?(?: 2004)?)$/, 'EISR'],
  [/^(?:sar|dsar|subject access(?: request)?|data protection|dpa|gdpr|uk gdpr)$/, 'SAR'],
  [/^(?:foi|foia|foi ?a|freedom of information|freedom of information act(?: 2000)?|foi request)$/, 'FOIA'],
  [
    /^(?:eir|environmental|environmental information|environmental information regulations(?: 2004)?|eir request)$/,
    'EIR',
  ],
  [/^(?:ir|foi ?ir|foi internal review|internal review)$/, 'FOI-IR'],
  [/^(?:eir ?(?:recon|reconsideration|review)|eir internal review)$/, 'EIR-RECON'],
];

/** A regime as logs write it ("FOI", "Environmental", "Subject access"), or null. */
export function regimeFromText(text: string): Regime | null {
  const t = text.trim();
  if ((REGIMES as readonly string[]).includes(t.toUpperCase())) return t.toUpperCase() as Regime;
  const lower = t.toLowerCase().replace(/\s+/g, ' ').replace(/[.]/g, '');
  for (const [re, regime] of REGIME_WORDS) if (re.test(lower)) return regime;
  return null;
}

const OUTCOME_WORDS: [RegExp, CaseOutcome][] = [
  [/withdrawn|abandoned|cancelled/, 'withdrawn'],
  [/transfer/, 'transferred'],
  [/lapsed|clarification not (?:received|provided)|no clarification/, 'clarification-lapsed'],
  [/not held|no information held|information not held|nil return/, 'not-held'],
  [/part|partial|some information/, 'part-granted'],
  [/refus|withheld|exempt|vexatious|repeated|s ?12|section 12|cost limit|ncnd|neither confirm/, 'refused'],
  [/grant|provided|released|disclosed|full|answered|complied|information supplied|yes/, 'granted'],
];

/** An outcome as logs write it ("Released in full", "Part disclosed", "Not held"), or null. */
export function outcomeFromText(text: string): CaseOutcome | null {
  const t = text.trim().toLowerCase();
  if ((CASE_OUTCOMES as readonly string[]).includes(t)) return t as CaseOutcome;
  for (const [re, outcome] of OUTCOME_WORDS) if (re.test(t)) return outcome;
  return null;
}

export interface SheetRowOptions {
  today: IsoDate;
  /** The regime of a row with none (default FOIA). */
  defaultRegime?: Regime;
}

export interface SheetRowResult {
  /** The 1-based row number in the sheet, as the officer sees it. */
  row: number;
  reference: string;
  /** Each mapped field's text as read, for the preview. */
  values: Partial<Record<SheetField, string>>;
  /** Null when the row has problems; those rows are not imported. */
  record: CaseRecord | null;
  problems: string[];
  /** Imported anyway, but worth a look (a due date in the log that differs from the clock's). */
  warnings: string[];
  /** The log's due date, read, to compare with the clock's. */
  logDue: IsoDate | null;
  /** What the case file has no field for yet, kept in the import's audit entry. */
  extra: { exemptions?: string; internalReview?: string };
}

/** True for a row with nothing in it (spreadsheets end in rows of empty cells). */
export function isBlankRow(cells: readonly SheetCell[]): boolean {
  return cells.every((c) => cellText(c) === '');
}

/**
 * One row of the log as a case record, with its problems. The rules are the case file's: the
 * record must pass the case format and caseRecordProblems (received not in the future, a closed
 * case needs an outcome and a response date not before receipt, and so on).
 */
export function sheetRowToCase(
  cells: readonly SheetCell[],
  mapping: ColumnMapping,
  rowNumber: number,
  options: SheetRowOptions,
): SheetRowResult {
  const raw: Partial<Record<SheetField, SheetCell>> = {};
  const values: Partial<Record<SheetField, string>> = {};
  mapping.forEach((field, i) => {
    if (!field) return;
    const cell = cells[i] ?? null;
    if (raw[field] === undefined || cellText(raw[field]) === '') raw[field] = cell;
    values[field] = cellText(raw[field]);
  });
  const problems: string[] = [];
  const warnings: string[] = [];
  const text = (f: SheetField) => values[f] ?? '';
  const date = (f: SheetField, label: string, required: boolean): IsoDate | null => {
    const cell = raw[f];
    if (cell === undefined || cellText(cell) === '') {
      if (required) problems.push(`${label} is empty.`);
      return null;
    }
    const parsed = parseLogDate(cell);
    if (!parsed.ok) {
      problems.push(`${label} "${cellText(cell)}" cannot be read: ${parsed.problem}.`);
      return null;
    }
    return parsed.date;
  };

  const reference = text('reference');
  if (!reference) problems.push('The reference is empty.');
  const received = date('received', 'The date received', true);
  const responded = date('responded', 'The date responded', false);
  const logDue = date('due', 'The due date', false);

  let regime: Regime = options.defaultRegime ?? 'FOIA';
  if (text('regime')) {
    const r = regimeFromText(text('regime'));
    if (r) regime = r;
    else
      problems.push(
        `The regime "${text('regime')}" is not one FOI Desk knows (FOI, EIR, SAR, FOISA, EISR, internal review).`,
      );
  }
  let outcome: CaseOutcome | undefined;
  if (text('outcome')) {
    const o = outcomeFromText(text('outcome'));
    if (o) outcome = o;
    else
      problems.push(
        `The outcome "${text('outcome')}" is not one FOI Desk knows (granted, part granted, refused, not held, withdrawn, transferred, clarification lapsed).`,
      );
  }
  const statusText = text('status').toLowerCase();
  const closedByStatus = /closed|complete|responded|answered|done|finished/.test(statusText);
  const openByStatus = statusText !== '' && /open|progress|live|pending|awaiting|ongoing/.test(statusText);
  const closed = closedByStatus || (!openByStatus && Boolean(responded || outcome));

  const requesterName = text('requester') || 'Not recorded';
  if (!text('requester')) warnings.push('No requester in the log: recorded as "Not recorded".');
  const email =
    text('requesterEmail') || (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text('requester')) ? text('requester') : '');
  const subject = text('subject') || text('requestText').split(/\r?\n/)[0]!.slice(0, 200);
  if (!subject) warnings.push('No subject in the log.');

  const candidate: Record<string, unknown> = {
    format: CASE_FORMAT,
    reference,
    regime,
    received: received ?? '',
    requester: {
      name: requesterName,
      ...(email ? { email } : {}),
      ...(text('requesterOrganisation') ? { organisation: text('requesterOrganisation') } : {}),
    },
    subject,
    requestText: text('requestText') || text('subject'),
    questions: [],
    status: closed ? 'closed' : 'open',
    ...(outcome ? { outcome } : {}),
    ...(responded ? { responded } : {}),
    ...(text('officer') ? { officer: text('officer') } : {}),
    ...(text('department') ? { department: text('department') } : {}),
  };
  const extra: SheetRowResult['extra'] = {};
  if (text('exemptions')) extra.exemptions = text('exemptions');
  if (text('internalReview')) extra.internalReview = text('internalReview');

  let record: CaseRecord | null = null;
  if (problems.length === 0) {
    const parsed = parseInterchangeObject(candidate);
    if (!parsed.ok) {
      for (const p of parsed.problems) problems.push(`${sheetLabelForPath(p.field)} ${p.problem}.`);
    } else if (parsed.value.kind === 'case') {
      const rules = caseRecordProblems(parsed.value.value, options.today);
      if (closed && !outcome && rules.some((r) => r.startsWith('Choose the outcome')))
        problems.push(
          responded
            ? `Responded on ${formatUkDate(responded)} but the log gives no outcome: a closed case needs one.`
            : 'Closed in the log but with no outcome: a closed case needs one.',
        );
      for (const r of rules)
        if (!(closed && !outcome && r.startsWith('Choose the outcome'))) problems.push(r);
      if (problems.length === 0) record = parsed.value.value;
    }
  }
  return { row: rowNumber, reference, values, record, problems, warnings, logDue, extra };
}

function sheetLabelForPath(path: string): string {
  const map: Record<string, string> = {
    reference: 'The reference',
    subject: 'The subject',
    requestText: 'The request text',
    officer: 'The officer',
    'requester.name': 'The requester',
    'requester.email': 'The requester email',
    'requester.organisation': 'The requester organisation',
    department: 'The department',
  };
  return map[path] ?? path;
}

/** Rows shown in the preview, and problem rows listed (the rest are counted). */
export const PREVIEW_ROWS = 20;
export const MAX_LISTED_ROWS = 500;

/** A long import under way: bytes read while checking, rows written while writing. */
export interface ImportProgress {
  phase: 'checking' | 'writing';
  /** Bytes read while checking, rows written while writing. */
  done: number;
  total: number;
}

export interface SheetProblemRow {
  row: number;
  reference: string;
  problems: string[];
}

export interface SheetCheck {
  sheet: string;
  headerRow: number;
  /** Data rows (blank rows left out). */
  total: number;
  valid: number;
  skipped: number;
  /** The first rows, as mapped, with their problems and warnings. */
  sample: Pick<SheetRowResult, 'row' | 'reference' | 'values' | 'problems' | 'warnings'>[];
  /** Rows that would be skipped, with why (the first MAX_LISTED_ROWS). */
  problemRows: SheetProblemRow[];
  /** Rows imported with something worth a look (the first MAX_LISTED_ROWS). */
  warningRows: SheetProblemRow[];
  warned: number;
}

export interface SheetImportReport extends SheetCheck {
  imported: number;
}

/** A spreadsheet the page sent, read as far as its header row. */
export interface SheetOpened {
  /** Names the staged sheet in the preview and import calls. */
  token: string;
  name: string;
  sheet: string;
  headerRow: number;
  headers: string[];
  suggested: ColumnMapping;
}
