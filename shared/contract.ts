/**
 * The one contract between the renderer and the app: every channel (`domain:verb`) with the zod
 * schema its input must pass and the type of the value it answers with. Electron's preload builds
 * `window.api` from it, main registers a handler per channel from it, the browser bridge answers
 * POST /api/<channel> from it, and the renderer's types are derived from it: nothing is written
 * twice. Every reply is an {@link Envelope}.
 */
import { z } from 'zod';
import {
  CASE_OUTCOMES,
  CASE_STATUSES,
  CHANNELS,
  JURISDICTIONS,
  REGIMES,
  caseEventSchema,
  caseSchema,
  fieldPathOf,
  isoDate,
  organisationSchema,
  questionSchema,
  questionTreeSchema,
  reference,
  requesterSchema,
  responseSchema,
  shortText,
  signatorySchema,
  feeSchema,
  letterDetailsSchema,
  type CaseRecord,
  type Organisation,
  type QuestionData,
} from './case-format';
import { settingsSchema, type Settings } from './settings';
import {
  statsCasesSchema,
  statsExportSchema,
  statsSelectionSchema,
  type StatsCaseRow,
  type StatsReport,
} from './stats';
import { MIN_PASSPHRASE_LENGTH } from './passphrase';
import { MAX_LOGO_BYTES } from './letter/logo';
import { type Deadline, type ExtraHoliday, type Progress, type ProgressState } from './clock';
import {
  contributorSettingsSchema,
  departmentInputSchema,
  type ChaseKind,
  type ContributorSettings,
  type ContributorStatus,
  type Department,
  type NextChase,
} from './chasers';
import type { ErrorInfo } from './errors';
import { s12SaveInputSchema, type S12WorksheetView } from './s12';
import type { SimilarFlag } from './similarity';
import type { DisclosureFinding } from './disclosure-log';
import type { Regime } from './case-format';
import { ATTACHMENT_KINDS, type AttachmentKind } from './attachment-rules';
import { COMMISSIONER_DECISIONS } from './commissioner-decisions';
import {
  letterDocumentSchema,
  letterTemplateSchema,
  standardParagraphSchema,
  type LetterDocument,
  type LetterTemplate,
  type StandardParagraph,
} from './letter/template';
import {
  DISPOSAL_METHODS,
  retentionScheduleSchema,
  type DisposalMethod,
  type RetentionSchedule,
} from './retention';
import {
  SHEET_FIELDS,
  type ImportProgress,
  type SheetCheck,
  type SheetImportReport,
  type SheetOpened,
} from './spreadsheet-columns';
import {
  standardAnswerInputSchema,
  type StandardAnswerList,
  type StandardAnswerView,
} from './standard-answers';
import type { SignOffPolicy, SignOffStatus } from './sign-off';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

// Values the channels answer with ---------------------------------------------------------------

export interface RecentFile {
  path: string;
  /** The file name alone, for the list. */
  name: string;
  /** False when the file is no longer there (moved, or on a drive not plugged in). */
  exists: boolean;
}

export interface OpenFileInfo {
  path: string;
  name: string;
}

export interface SessionStatus {
  state: 'locked' | 'open';
  file: OpenFileInfo | null;
  /** Who the case history names for this session's changes (the officer chosen at unlock). */
  officer: string | null;
  recent: RecentFile[];
  /** Where a new case file could go, e.g. ~/Documents/FOI register.foidesk. */
  suggestedPath: string;
  /** The team's idle lock once a file is open (0 = off); null while locked. */
  idleLockMinutes: number | null;
  /**
   * Seconds until the idle lock is due (0: due now), or null when none is (locked, or the lock is
   * off). The page saves its unsaved edits as drafts and locks by then; main locks on its own only a
   * grace period later, for a page that is gone.
   */
  idleLockDueInSeconds: number | null;
}

/** A queue row as the database gives it. */
export interface QueueRowData {
  id: number;
  reference: string;
  subject: string;
  regime: string;
  received: string;
  due: string | null;
  status: string;
  outcome: string | null;
  officer: string | null;
  responded: string | null;
  requester: string;
  /** Contributor tasks still waiting on a department (issue 14). */
  openTasks: number;
  /** Flagged as sensitive (sign-off, shared/sign-off.ts). */
  sensitive: boolean;
}

/** A queue row with where it stands against its deadline today. */
export interface QueueRow extends QueueRowData {
  progress: ProgressState;
  workingDaysLeft: number | null;
}

export interface QueuePage {
  rows: QueueRow[];
  total: number;
  offset: number;
  /** The date the progress was assessed on. */
  today: string;
  /** Keyset paging: pass as `after` for the page that follows (null at the end, or when ranked). */
  next?: QueueCursor | null;
}

/** Where a queue page ended: its last row's stored sort key and id. */
export interface QueueCursor {
  key: string | null;
  id: number;
}

export interface QueueFacets {
  officers: string[];
  /** The departments named on cases, for the queue's and the statistics' filters. */
  departments: string[];
  counts: { open: number; closed: number; overdue: number };
  /** Open cases waiting on a department (an open contributor task). */
  waitingOnDepartments: number;
}

export interface CaseEventView {
  id: number;
  type: string;
  date: string;
  until: string | null;
  months: number | null;
  awaiting: string | null;
  note: string | null;
}

export interface TimelineEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

export interface CaseDetail {
  id: number;
  record: CaseRecord;
  /** The stored due date (what the queue sorts by). */
  due: string | null;
  /** With the day-by-day working; null when the clock cannot be computed (see clockProblem). */
  deadline: Deadline | null;
  progress: Progress | null;
  /** Why the clock could not be computed (a date outside the supported years), if so. */
  clockProblem: string | null;
  events: CaseEventView[];
  timeline: TimelineEntry[];
}

export interface Officer {
  id: number;
  name: string;
  title: string;
  /** For the "Our Ref" pattern ("SS"); empty when not given. */
  initials: string;
  active: boolean;
}

export interface SettingsBundle {
  settings: Settings;
  organisation: Organisation | null;
  officers: Officer[];
  holidays: ExtraHoliday[];
  /** The letterhead logo, null for none. */
  logo: LogoView | null;
}

/** The letterhead logo as the settings page shows it. */
export interface LogoView {
  type: 'image/png' | 'image/jpeg';
  base64: string;
  width: number;
  height: number;
}

export interface BackupStatus {
  last: { at: string; path: string; cases: number } | null;
  /** True when there is no backup or the last one is older than the reminder setting. */
  due: boolean;
  reminderDays: number;
  autoBackupFolder: string;
  /** The last automatic backup failed (and none has succeeded since): when, and why. */
  autoBackupFailure: { at: string; message: string } | null;
}

/** The background check of the open file's pages (main/services/integrity.ts). */
export interface IntegrityStatus {
  state: 'not-checked' | 'checking' | 'ok' | 'damaged' | 'failed';
  /** When the latest check started and finished (ISO instants). */
  startedAt: string | null;
  checkedAt: string | null;
  pagesChecked: number;
  pages: number;
  /** The first damaged pages found (1-based page numbers). */
  damagedPages: number[];
  /** What to tell the officer when it is not all well. */
  message: string | null;
}

/** Unsaved edits kept in the case file when it was locked, to offer back after unlocking. */
export interface DraftView {
  /** The form it came from: "letter:12", "answer:12:0.1", "case-details:12", "settings:casework". */
  key: string;
  caseId: number | null;
  /** What the officer was changing, as the offer names it: "the letter for FOI 4951". */
  label: string;
  /** The form's own state, as the form saved it. */
  content: unknown;
  savedAt: string;
}

export interface BackupResult {
  path: string;
  at: string;
  cases: number;
  bytes: number;
}

/** What a backup holds, checked before anything is replaced. */
export interface BackupCheck {
  path: string;
  ok: boolean;
  problems: string[];
  cases: number;
  schemaVersion: number;
  currentSchemaVersion: number;
  /** ISO timestamp of the last change recorded in the backup's audit log. */
  lastChange: string | null;
  bytes: number;
}

export interface RestoreResult {
  target: string;
  /** The file that was there before, kept beside it (null when there was none). */
  safetyCopy: string | null;
  check: BackupCheck;
}

/** A backup or restore under way; null when none is. */
export type BackupProgress = {
  phase: 'copying' | 'verifying' | 'done';
  bytesDone: number;
  bytesTotal: number;
} | null;

export interface ClockPreview {
  deadline: Deadline;
  progress: Progress;
}

/** One saved version of a letter, with its document. */
export interface LetterVersionView {
  id: number;
  caseId: number;
  templateId: string;
  version: number;
  document: LetterDocument;
  /** The officer changed it by hand (it is not just what the case generated). */
  edited: boolean;
  /** When it was marked as sent; a sent version is locked. */
  sentAt: string | null;
  createdAt: string;
  /** The case has changed since this letter was generated from it. */
  stale: boolean;
}

/** A version in the history list: everything but the document, which can be large. */
export type LetterVersionSummary = Omit<LetterVersionView, 'document'> & {
  /** "Refusal notice", from the letter itself (the template may have been renamed since). */
  title: string;
  /** The date the letter bears (ISO). */
  date: string;
};

export interface LetterTemplateChoice {
  id: string;
  name: string;
  title: string;
  description: string | null;
  regimes: Regime[];
}

export interface LetterTemplateChoices {
  templates: LetterTemplateChoice[];
  /** The template the case suggests (null when none suits its regime). */
  suggested: string | null;
}

/** The templates and standard paragraphs in force; `customised` when the team has adapted it. */
export interface LetterLibrary {
  templates: (LetterTemplate & { customised: boolean })[];
  paragraphs: (StandardParagraph & { customised: boolean })[];
}

export interface LetterDocx {
  fileName: string;
  /** The .docx bytes, base64: the bridge answers JSON, and the page turns it into a download. */
  base64: string;
}

export interface ExportedFile {
  path: string;
  bytes: number;
}

/** A case whose request is like another's (shared/similarity.ts says how alike and what it may mean). */
export interface SimilarCase {
  id: number;
  reference: string;
  subject: string;
  regime: string;
  received: string;
  status: string;
  outcome: string | null;
  responded: string | null;
  requester: string;
  sameRequester: boolean;
  /** 0–100: 100 is the same request. */
  score: number;
  /** The words both requests use, rarest first. */
  matched: string[];
  flags: SimilarFlag[];
}

/** The disclosure log for a period: the chosen cases and what the personal-data check found. */
export interface DisclosurePreview {
  from: string;
  to: string;
  entries: {
    caseId: number;
    reference: string;
    responded: string;
    subject: string;
    findings: DisclosureFinding[];
  }[];
  /** Findings the officer has not decided yet: the export is refused while there are any. */
  undecided: number;
}

/** A file for the page to download: the same shape as a letter's .docx (bytes as base64). */
export type DownloadFile = LetterDocx;

// Email intake, attachments and file pickers (issue 12) ----------------------------------------

/** A file kept in the case file, as the case lists it (its bytes are fetched only to export it). */
export interface AttachmentView {
  id: number;
  caseId: number;
  kind: AttachmentKind;
  name: string;
  contentType: string;
  size: number;
  createdAt: string;
}

export interface CaseAttachments {
  caseId: number;
  attachments: AttachmentView[];
  used: { count: number; bytes: number };
  limits: { fileBytes: number; caseBytes: number; files: number; sentence: string };
  /** Where the case came from, when it was logged from an email. */
  source: {
    messageId: string | null;
    whatDoTheyKnow: boolean;
    note: string | null;
    sentAt: string | null;
  } | null;
}

/** A file picked or uploaded, held in main's memory until a call uses it. */
export interface UploadedFile {
  uploadId: string;
  name: string;
  size: number;
  contentType: string;
}

export interface EmailIntakeAttachment {
  /** Its place among the email's attachments: what `intake:log-email` keeps by. */
  index: number;
  name: string;
  contentType: string;
  size: number;
  /** Shown inside the HTML (a logo): not kept unless the officer ticks it. */
  inline: boolean;
  /** Proposed to keep. */
  keep: boolean;
  /** Why it cannot be kept (too large), if so. */
  problem: string | null;
}

export interface EmailDuplicate {
  caseId: number;
  reference: string;
  why: 'message-id' | 'same-text';
}

/** The new-case form prefilled from an email, for the officer to review before anything is written. */
export interface EmailIntakeProposal {
  intakeId: string;
  fileName: string;
  emailSize: number;
  draft: CaseDraft;
  /** What to check about the email (no date, text made from HTML, a different Reply-To…). */
  notes: string[];
  /** What the question splitter adjusted (the form shows these beside the questions). */
  questionNotes: string[];
  whatDoTheyKnow: boolean;
  sourceNote: string | null;
  sentAt: string | null;
  messageId: string | null;
  duplicates: EmailDuplicate[];
  attachments: EmailIntakeAttachment[];
}

export interface AttachmentFile {
  fileName: string;
  contentType: string;
  /** The bytes, base64: the bridge answers JSON, and the page turns it into a download. */
  base64: string;
}

// Contributor tasks and chasers (issue 14) ------------------------------------------------------

/** A department's task on a case, with its chasers so far and the next one the schedule gives. */
export interface ContributorTaskView {
  id: number;
  caseId: number;
  department: Department;
  /** The questions asked (their stable ids and numbers now); none means the whole case. */
  questions: { id: string; number: string }[];
  asked: string;
  internalDue: string;
  status: ContributorStatus;
  note: string | null;
  includeRequester: boolean;
  reply: string | null;
  answered: string | null;
  chases: { date: string; kind: ChaseKind; to: string }[];
  next: NextChase | null;
}

export interface CaseContributors {
  caseId: number;
  tasks: ContributorTaskView[];
  /** The departments that can be asked (active ones). */
  departments: Department[];
  settings: ContributorSettings;
  /** The internal due date a task asked today gets by default. */
  defaultInternalDue: string;
  today: string;
}

export interface ContributorSettingsBundle {
  settings: ContributorSettings;
  departments: Department[];
}

/** An email to a department, drafted for the officer's own mail client (nothing is sent). */
export interface ChaseDraft {
  taskId: number;
  kind: ChaseKind;
  number: number;
  recipient: 'contact' | 'escalation';
  from: string | null;
  to: string;
  cc: string | null;
  subject: string;
  body: string;
  mailto: string;
  fileName: string;
}

export interface ChaseResult {
  draft: ChaseDraft;
  /** The .eml for the browser to download (null when the mailto: link was chosen). */
  file: DownloadFile | null;
  contributors: CaseContributors;
}

const heldId = z.string().regex(/^[0-9a-f]{32}$/, { message: 'is not a picked file' });

// Retention (issue #14) --------------------------------------------------------------------------

export interface RetentionScheduleView {
  schedule: RetentionSchedule;
  /** The Code's figures (shared/retention.ts), for "reset to the Code". */
  defaults: RetentionSchedule;
  code: { title: string; url: string };
}

/** A closed case past its review date under the schedule. */
export interface RetentionDueCase {
  id: number;
  reference: string;
  regime: Regime;
  subject: string;
  received: string;
  closed: string;
  appealed: boolean;
  reviewDate: string;
}

export interface DisposalResult {
  method: DisposalMethod;
  reference: string;
}

export const openFileRequestSchema = z.strictObject({
  /** email: an .eml or .msg to log; attachment: any file to keep with a case. */
  kind: z.enum(['email', 'attachment']),
  multiple: z.boolean().optional(),
});
export type OpenFileRequest = z.infer<typeof openFileRequestSchema>;

export const openPathRequestSchema = z.strictObject({
  /** case-file: a case file to open; backup-file: a backup to restore; folder: where backups go. */
  kind: z.enum(['case-file', 'backup-file', 'folder']),
});
export type OpenPathRequest = z.infer<typeof openPathRequestSchema>;

// Input schemas -------------------------------------------------------------------------------

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const filePath = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(4096, { message: 'is too long' })
  .refine((s) => !s.includes('\0'), { message: 'is not a valid path' });
const isByte = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 255;

/** Characters (code points) in UTF-8 bytes, counted without making a string of them. */
function codePoints(bytes: Uint8Array): number {
  let n = 0;
  for (const byte of bytes) if ((byte & 0xc0) !== 0x80) n++;
  return n;
}

/**
 * The passphrase travels as its UTF-8 bytes, never as a string, so main never holds it as one (a
 * JavaScript string cannot be wiped): a Uint8Array over Electron's IPC (structured clone), an array
 * of byte values in the bridge's JSON (JSON.parse then makes numbers, not a string). Both become a
 * Uint8Array; an array given is zeroed once copied. The page sends passphraseBytes(). The
 * passphrase is never echoed back: messages name the rule only.
 */
const passphraseOf = (min: number, message: string) =>
  z
    .union([
      z.custom<Uint8Array>((v) => v instanceof Uint8Array),
      // Not z.array(): that would hand the transform a copy, and the array sent would stay unzeroed.
      z.custom<number[]>((v) => Array.isArray(v) && v.length <= 4096 && v.every(isByte)),
    ])
    .transform((value) => {
      if (value instanceof Uint8Array) return value;
      const bytes = new Uint8Array(value);
      value.fill(0);
      return bytes;
    })
    .refine((bytes) => bytes.length > 0, { message: 'is required' })
    .refine((bytes) => bytes.length <= 4096 && codePoints(bytes) <= 1024, { message: 'is too long' })
    .refine((bytes) => bytes.length === 0 || codePoints(bytes) >= min, { message });
const passphrase = passphraseOf(1, 'is required');
const nonEmpty = shortText.trim().min(1, { message: 'is required' });
/** An officer's initials for "Our Ref": letters only, as written ("SS", "McD"). */
const officerInitials = z
  .string()
  .trim()
  .max(8, { message: 'is too long (at most 8 characters)' })
  .regex(/^[\p{L}.'-]*$/u, { message: 'must be letters only' });
/** The officer named at unlock, for the case history; blank means the operating-system user. */
const officerName = z.string().trim().max(120, { message: 'is too long (at most 120 characters)' });

/** A clock event as the case page records it: the same shape the case format carries. */
export const clockEventInput = caseEventSchema;
export type ClockEventInput = z.infer<typeof clockEventInput>;

/**
 * A question's stable id (32 hex digits), made when the question is first saved and kept through
 * renumbering, reordering and every later save: the channels address a question by it, never by
 * its position, so a second window cannot write to the wrong question.
 */
export const questionId = z.string().regex(/^[0-9a-f]{32}$/, { message: 'is not a question id' });

/**
 * A question as the case page sends it back: the interchange shape plus the id it was given
 * (absent for a question added in this edit). An id the case does not have is refused.
 */
/** A question as the case page sends it: the interchange question with its stable id, on every level. */
export const caseQuestionSchema: z.ZodType<QuestionData> = questionTreeSchema({ id: questionId.optional() });

export const caseDraftSchema = z.strictObject({
  reference,
  ourRef: shortText.optional(),
  regime: z.enum(REGIMES),
  received: isoDate,
  channel: z.enum(CHANNELS).optional(),
  requester: requesterSchema,
  subject: nonEmpty,
  requestText: caseSchema.shape.requestText,
  questions: z.array(questionSchema).max(500),
  officer: shortText.optional(),
  department: shortText.optional(),
});
export type CaseDraft = z.infer<typeof caseDraftSchema>;

export const casePatchSchema = z.strictObject({
  reference: reference.optional(),
  ourRef: shortText.nullable().optional(),
  regime: z.enum(REGIMES).optional(),
  /** A review case's original request, by reference; null or "" clears it. */
  reviewOf: shortText.nullable().optional(),
  received: isoDate.optional(),
  channel: z.enum(CHANNELS).nullable().optional(),
  requester: requesterSchema.optional(),
  subject: nonEmpty.optional(),
  requestText: caseSchema.shape.requestText.optional(),
  officer: shortText.nullable().optional(),
  status: z.enum(CASE_STATUSES).optional(),
  outcome: z.enum(CASE_OUTCOMES).nullable().optional(),
  responded: isoDate.nullable().optional(),
  signatory: signatorySchema.nullable().optional(),
  department: shortText.nullable().optional(),
  /** Closing after the due date needs the reason for the delay (shared/case-lifecycle.ts closeProblems). */
  lateReason: caseSchema.shape.requestText.nullable().optional(),
  lateDepartment: shortText.nullable().optional(),
  enclosures: caseSchema.shape.enclosures.unwrap().max(50).nullable().optional(),
  fee: feeSchema.nullable().optional(),
  letterDetails: letterDetailsSchema.nullable().optional(),
});
export type CasePatch = z.infer<typeof casePatchSchema>;

export const queueQuerySchema = z.strictObject({
  view: z.enum(['open', 'closed', 'all']),
  status: z.enum(CASE_STATUSES).optional(),
  regime: z.enum(REGIMES).optional(),
  officer: shortText.optional(),
  department: shortText.optional(),
  /** "These cases": the cases behind one figure of the statistics (db/queries/stats.ts). */
  stats: statsCasesSchema.optional(),
  overdue: z.boolean().optional(),
  /** Only cases with a contributor task still waiting on a department. */
  waiting: z.boolean().optional(),
  search: z.string().max(200, { message: 'is too long (at most 200 characters)' }).optional(),
  /** `relevance`: the best matches of the search first (the default when searching). */
  sort: z.enum(['due', 'received', 'reference', 'relevance']).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
  offset: z.number().int().min(0).max(10_000_000),
  limit: z.number().int().min(1).max(500),
  /** Start after this row (the previous page's `next`) instead of stepping over `offset` rows. */
  after: z.strictObject({ key: z.string().max(200).nullable(), id: z.number().int().min(0) }).optional(),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

/** A saved letter holds at most this much text in all (a 1 MB answer fits twice over)… */
export const MAX_LETTER_CHARS = 4_000_000;
/** …in at most this many JSON values, at most this deep (the body's own limit is 120). */
export const MAX_LETTER_VALUES = 200_000;
export const MAX_LETTER_DEPTH = 130;

/**
 * Measures a value without recursion, stopping at the first limit passed, so a hostile letter is
 * refused before the recursive document schema could overflow the stack on it.
 */
function letterBoundsProblem(value: unknown): string | null {
  let chars = 0;
  let values = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (depth > MAX_LETTER_DEPTH) return 'is nested too deeply';
    if (++values > MAX_LETTER_VALUES) return 'has too many parts';
    if (typeof v === 'string') {
      chars += v.length;
      if (chars > MAX_LETTER_CHARS) return `is too long (at most ${MAX_LETTER_CHARS} characters of text)`;
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, child] of Object.entries(v)) {
        chars += key.length;
        stack.push([child, depth + 1]);
      }
    }
  }
  return null;
}

/** At most this many drafts are kept in a case file (one per form that had unsaved edits). */
export const MAX_DRAFTS = 50;
const draftKey = z
  .string()
  .min(1, { message: 'is required' })
  .max(200, { message: 'is too long' })
  .regex(/^[a-z][a-z-]*(?::[A-Za-z0-9._-]+){0,3}$/, { message: 'must name a form, such as "letter:12"' });
/** A draft's content: any JSON value, within the same bounds as a saved letter (a draft may be one). */
const draftContent = z
  .unknown()
  .superRefine((value, ctx) => {
    const problem = letterBoundsProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .pipe(z.json());

export const letterDocumentInput = z
  .unknown()
  .superRefine((value, ctx) => {
    const problem = letterBoundsProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .pipe(letterDocumentSchema);

const templateId = letterTemplateSchema.shape.id;
const paragraphId = standardParagraphSchema.shape.id;

/** Where the officer chose to save a Word file: it must be one, so no other file can be overwritten. */
const docxPath = filePath.refine((p) => /\.docx$/i.test(p), { message: 'must be a .docx file' });

/** A file name offered in a save dialog: a name only, never a folder. */
const suggestedFileName = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(255, { message: 'is too long' })
  .refine((s) => !/[\\/\0]/.test(s), { message: 'must be a file name without a folder' });

export const savePathRequestSchema = z.strictObject({
  suggestedName: suggestedFileName,
  /**
   * docx: where to export a letter; case-file: which case file a restore replaces (or creates);
   * new-case-file: where to create one; attachment: where to export a file kept with a case.
   */
  kind: z.enum([
    'docx',
    'case-file',
    'new-case-file',
    'attachment',
    'eml',
    // The statistics' exports (issue 13): the figures or their cases, or the committee report.
    'stats-csv',
    'stats-xlsx',
    'stats-docx',
  ]),
});
export type SavePathRequest = z.infer<typeof savePathRequestSchema>;

const empty = z.strictObject({});

/** The largest spreadsheet the app takes through the page (the bridge's request limit is 16 MB). */
export const MAX_SHEET_MB = 11;
const MAX_SHEET_BASE64 = Math.ceil((MAX_SHEET_MB * 1024 * 1024) / 3) * 4;
const sheetToken = z.string().regex(/^[0-9a-f]{32}$/, { message: 'is not a staged spreadsheet' });
const sheetMapping = z.array(z.enum(SHEET_FIELDS).nullable()).max(500);

/** A channel: its input schema, and its output type carried as a phantom. */
const channel =
  <Out>() =>
  <In extends z.ZodType>(input: In): { input: In; output: Out } => ({ input, output: undefined as Out });

export const contract = {
  'session:status': channel<SessionStatus>()(
    // `active`: the officer did something since the last call, so the idle lock starts again.
    z.strictObject({ active: z.boolean().optional() }),
  ),
  'session:create': channel<SessionStatus>()(
    z.strictObject({
      path: filePath,
      passphrase: passphraseOf(MIN_PASSPHRASE_LENGTH, `must be at least ${MIN_PASSPHRASE_LENGTH} characters`),
      officer: officerName.optional(),
    }),
  ),
  'session:open': channel<SessionStatus>()(
    z.strictObject({ path: filePath, passphrase, officer: officerName.optional() }),
  ),
  'session:lock': channel<SessionStatus>()(empty),
  'session:forget-recent': channel<SessionStatus>()(z.strictObject({ path: filePath })),

  'cases:list': channel<QueuePage>()(queueQuerySchema),
  'cases:facets': channel<QueueFacets>()(empty),
  'cases:get': channel<CaseDetail>()(z.strictObject({ id })),
  'cases:create': channel<CaseDetail>()(z.strictObject({ draft: caseDraftSchema })),
  'cases:update': channel<CaseDetail>()(z.strictObject({ id, patch: casePatchSchema })),
  /**
   * The whole question tree, as edited. Questions keep the ids they are sent with; a "see question
   * N" answer is read in the numbering the case had before this edit and follows its question to
   * its new number (refused when that question is removed). See shared/answer-rules.ts.
   */
  'cases:set-questions': channel<CaseDetail>()(
    z.strictObject({ id, questions: z.array(caseQuestionSchema).max(500) }),
  ),
  'cases:set-response': channel<CaseDetail>()(
    z.strictObject({
      id,
      /** The question's id (from CaseDetail): refused as not found once that question is removed. */
      questionId,
      response: responseSchema.nullable(),
    }),
  ),
  'cases:add-event': channel<CaseDetail>()(z.strictObject({ id, event: clockEventInput })),
  'cases:remove-event': channel<CaseDetail>()(z.strictObject({ id, eventId: id })),
  /** The next free reference in the format of `regime` (its own, or the team's default). */
  /** The requests most like this one's, most similar first, with what matched and what it may mean. */
  'cases:similar': channel<SimilarCase[]>()(
    z.strictObject({ id, limit: z.number().int().min(1).max(50).optional() }),
  ),
  'cases:next-reference': channel<{ reference: string }>()(
    z.strictObject({ regime: z.enum(REGIMES).optional() }),
  ),

  'clock:preview': channel<ClockPreview>()(
    z.strictObject({
      regime: z.enum(REGIMES),
      received: isoDate,
      events: z.array(clockEventInput).max(50).optional(),
    }),
  ),

  'settings:get': channel<SettingsBundle>()(empty),
  'settings:save': channel<SettingsBundle>()(z.strictObject({ settings: settingsSchema.partial() })),
  'settings:save-organisation': channel<SettingsBundle>()(
    z.strictObject({ organisation: organisationSchema }),
  ),
  'settings:save-officer': channel<SettingsBundle>()(
    z.strictObject({
      id: id.optional(),
      name: nonEmpty,
      title: shortText,
      initials: officerInitials.optional(),
      active: z.boolean(),
    }),
  ),
  'settings:add-holiday': channel<SettingsBundle & { recomputed: number }>()(
    z.strictObject({
      date: isoDate,
      name: nonEmpty,
      jurisdictions: z.array(z.enum(JURISDICTIONS)).max(3).optional(),
    }),
  ),
  'settings:remove-holiday': channel<SettingsBundle & { recomputed: number }>()(
    z.strictObject({ date: isoDate }),
  ),

  'letters:templates': channel<LetterTemplateChoices>()(
    // With a case: the templates for its regime and the one it suggests.
    z.strictObject({ caseId: id.optional() }),
  ),
  'letters:list': channel<LetterVersionSummary[]>()(z.strictObject({ caseId: id })),
  'letters:get': channel<LetterVersionView>()(z.strictObject({ versionId: id })),
  'letters:generate': channel<LetterVersionView>()(
    z.strictObject({
      caseId: id,
      templateId,
      /** The officer confirmed that a fresh letter may replace hand edits (kept in the history). */
      replaceEdits: z.boolean().optional(),
      /** The date the letter bears; absent: the responded date of a closed case, today for an open one. */
      date: isoDate.optional(),
    }),
  ),
  'letters:save': channel<LetterVersionView>()(
    z.strictObject({ versionId: id, document: letterDocumentInput }),
  ),
  'letters:mark-sent': channel<LetterVersionView>()(z.strictObject({ versionId: id })),
  'letters:render-docx': channel<LetterDocx>()(z.strictObject({ versionId: id })),
  'letters:export-docx': channel<ExportedFile>()(z.strictObject({ versionId: id, path: docxPath })),
  'letters:library': channel<LetterLibrary>()(empty),
  'letters:save-template': channel<LetterLibrary>()(z.strictObject({ template: letterTemplateSchema })),
  'letters:reset-template': channel<LetterLibrary>()(z.strictObject({ id: templateId })),
  'letters:save-paragraph': channel<LetterLibrary>()(z.strictObject({ paragraph: standardParagraphSchema })),
  'letters:reset-paragraph': channel<LetterLibrary>()(z.strictObject({ id: paragraphId })),
  /**
   * Gives a saved letter a new date, keeping every hand edit: saved as a new version (a sent one is
   * locked and refused).
   */
  'letters:redate': channel<LetterVersionView>()(z.strictObject({ versionId: id, date: isoDate })),
  /** The letterhead logo (PNG or JPEG, checked by its bytes and size), or null to remove it. */
  'settings:save-logo': channel<SettingsBundle>()(
    z.strictObject({
      base64: z
        .string()
        .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 4)
        .nullable(),
    }),
  ),
  /** Electron only: the native save dialog. The browser bridge answers that it has none. */
  'dialog:save-path': channel<{ path: string | null }>()(savePathRequestSchema),

  /** Keeps a form's unsaved edits in the case file (before a lock); a newer draft replaces it. */
  'drafts:save': channel<{ key: string; savedAt: string }>()(
    z.strictObject({
      key: draftKey,
      caseId: id.optional(),
      label: nonEmpty.max(200, { message: 'is too long (at most 200 characters)' }),
      content: draftContent,
    }),
  ),
  'drafts:list': channel<DraftView[]>()(empty),
  'drafts:discard': channel<{ discarded: boolean }>()(z.strictObject({ key: draftKey })),

  /** Whether a case is in the disclosure log, and why it cannot be if so. */
  'disclosure:choice': channel<{ chosen: boolean; problems: string[] }>()(z.strictObject({ caseId: id })),
  'disclosure:choose': channel<{ chosen: boolean }>()(z.strictObject({ caseId: id, chosen: z.boolean() })),
  'disclosure:preview': channel<DisclosurePreview>()(z.strictObject({ from: isoDate, to: isoDate })),
  /** Remove or keep one finding; answers with the period's preview as it now stands. */
  'disclosure:decide': channel<DisclosurePreview>()(
    z.strictObject({
      from: isoDate,
      to: isoDate,
      caseId: id,
      key: z.string().min(1).max(2000),
      action: z.enum(['remove', 'keep']),
    }),
  ),
  'disclosure:export': channel<DownloadFile>()(
    z.strictObject({
      from: isoDate,
      to: isoDate,
      format: z.enum(['csv', 'html']),
      acceptFlags: z.boolean().optional(),
    }),
  ),
  /**
   * A case's complaint to the Commissioner (shared/commissioner.ts), set whole: the date it was
   * made, the decision and the decision notice's reference; null clears each.
   */
  'cases:set-commissioner': channel<CaseDetail>()(
    z.strictObject({
      id,
      complaintReceived: isoDate.nullable(),
      decision: z.enum(COMMISSIONER_DECISIONS).nullable(),
      decisionRef: shortText.nullable(),
    }),
  ),
  /** The statistics for a period (issue 13); a read, computed in SQL. */
  'stats:figures': channel<StatsReport>()(statsSelectionSchema),
  /** The cases behind one figure (the queue shows them with `stats` in its query). */
  'stats:cases': channel<StatsCaseRow[]>()(statsCasesSchema),
  /** The figures or their cases as CSV or .xlsx, or the one-page committee report (.docx), as bytes. */
  'stats:render': channel<LetterDocx>()(statsExportSchema),
  /** The same, written by main where the officer chose in the Save dialog (Electron). */
  'stats:export': channel<ExportedFile>()(statsExportSchema.extend({ path: filePath })),

  'backup:status': channel<BackupStatus>()(empty),
  'backup:create': channel<BackupResult>()(z.strictObject({ folder: filePath })),
  /** Answered at once, outside the call queue, so the app can show a backup's progress. */
  'backup:progress': channel<BackupProgress>()(empty),
  /** The latest background integrity check of the open file; answered at once, outside the queue. */
  'integrity:status': channel<IntegrityStatus>()(empty),
  /** Runs the integrity check now (or joins the one under way) and answers with its result. */
  'integrity:check': channel<IntegrityStatus>()(empty),
  'backup:inspect': channel<BackupCheck>()(z.strictObject({ path: filePath, passphrase })),
  'backup:restore': channel<RestoreResult>()(
    z.strictObject({ backupPath: filePath, targetPath: filePath, passphrase }),
  ),
  // Email intake, attachments and file pickers (issue 12).
  /** Reads a picked or uploaded .eml/.msg and answers the prefilled new-case form; writes nothing. */
  'intake:read-email': channel<EmailIntakeProposal>()(
    z.strictObject({ uploadId: heldId, regime: z.enum(REGIMES).optional() }),
  ),
  /** Logs the reviewed case with the email and the attachments kept (by index); a duplicate needs allowDuplicate. */
  'intake:log-email': channel<CaseDetail>()(
    z.strictObject({
      intakeId: heldId,
      draft: caseDraftSchema,
      keep: z.array(z.number().int().min(0).max(10_000)).max(500),
      allowDuplicate: z.boolean().optional(),
    }),
  ),
  'intake:discard': channel<{ discarded: boolean }>()(z.strictObject({ intakeId: heldId })),
  'attachments:list': channel<CaseAttachments>()(z.strictObject({ caseId: id })),
  'attachments:add': channel<CaseAttachments>()(
    z.strictObject({ caseId: id, uploadIds: z.array(heldId).min(1).max(50), kind: z.enum(ATTACHMENT_KINDS) }),
  ),
  /** Deletes a file from the case: the page asks first, and says so with `confirm`. */
  'attachments:remove': channel<CaseAttachments>()(z.strictObject({ id, confirm: z.literal(true) })),
  /** The file's bytes for the browser to download. */
  'attachments:download': channel<AttachmentFile>()(z.strictObject({ id })),
  /** Electron: writes the file where the officer chose in the save dialog (kind "attachment"). */
  'attachments:export': channel<ExportedFile>()(z.strictObject({ id, path: filePath })),
  /** Electron only: the native open dialog; the files chosen are read into main's memory. */
  'dialog:open-file': channel<{ files: UploadedFile[] }>()(openFileRequestSchema),
  /** Electron only: a path chosen in the native open dialog, for a field that takes a typed path. */
  'dialog:open-path': channel<{ path: string | null }>()(openPathRequestSchema),

  // Spreadsheet log import: the page sends the file's bytes (base64), main keeps them for this
  // session while the officer maps the columns, previews every row's problems, then imports.
  'import:sheet-open': channel<SheetOpened>()(
    z.strictObject({
      name: z.string().trim().min(1).max(260),
      /** The file's bytes, base64 (the bridge speaks JSON). */
      data: z
        .string()
        .max(MAX_SHEET_BASE64, { message: `is too large (a spreadsheet of at most ${MAX_SHEET_MB} MB)` }),
    }),
  ),
  'import:sheet-preview': channel<SheetCheck>()(
    z.strictObject({ token: sheetToken, mapping: sheetMapping, defaultRegime: z.enum(REGIMES).optional() }),
  ),
  'import:sheet-run': channel<SheetImportReport>()(
    z.strictObject({
      token: sheetToken,
      mapping: sheetMapping,
      defaultRegime: z.enum(REGIMES).optional(),
      /** valid-rows: import the valid rows, skip the rest; all-or-nothing: any problem, nothing. */
      mode: z.enum(['valid-rows', 'all-or-nothing']),
    }),
  ),
  'import:sheet-close': channel<{ closed: boolean }>()(z.strictObject({ token: sheetToken })),
  /** Answered at once, outside the call queue: the import under way, or null. */
  'import:progress': channel<ImportProgress | null>()(empty),

  // The s12 estimate worksheet (shared/s12.ts): read with its totals and suggestions, saved whole.
  's12:get': channel<S12WorksheetView>()(z.strictObject({ caseId: id })),
  's12:save': channel<S12WorksheetView>()(s12SaveInputSchema),
  // The team's library of standard answers (issue 14, part 3; shared/standard-answers.ts).
  /** The library, or the entries whose title, tags, exemption or text hold every word of `search`. */
  'answers:list': channel<StandardAnswerList>()(
    z.strictObject({
      search: z.string().max(200).optional(),
      regime: z.enum(REGIMES).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
  ),
  /** Entries that suit one question of a case (its words against theirs), best first. */
  'answers:suggest': channel<StandardAnswerView[]>()(
    z.strictObject({ caseId: id, questionId, limit: z.number().int().min(1).max(20).optional() }),
  ),
  /**
   * Adds an entry (no id) or changes one; refused while the text seems to hold personal data unless
   * `acceptPersonalData`. `fromCaseId`: saved from that case's answer (its requester is looked for).
   */
  'answers:save': channel<StandardAnswerView>()(
    z.strictObject({
      id: id.optional(),
      entry: standardAnswerInputSchema,
      fromCaseId: id.optional(),
      acceptPersonalData: z.boolean().optional(),
    }),
  ),
  /** Marks an entry as checked and still right today. */
  'answers:review': channel<StandardAnswerView>()(z.strictObject({ id })),
  /** Deletes an entry: the page asks first, and says so with `confirm`. */
  'answers:remove': channel<{ removed: boolean }>()(z.strictObject({ id, confirm: z.literal(true) })),
  // Contributor tasks and chasers (issue 14): departments in Settings, tasks on a case, chasers
  // drafted as .eml files or mailto: links for the officer's own mail client.
  'contributors:settings': channel<ContributorSettingsBundle>()(empty),
  'contributors:save-settings': channel<ContributorSettingsBundle>()(
    z.strictObject({ settings: contributorSettingsSchema }),
  ),
  'contributors:save-department': channel<ContributorSettingsBundle>()(
    z.strictObject({ department: departmentInputSchema }),
  ),
  'contributors:list': channel<CaseContributors>()(z.strictObject({ caseId: id })),
  /** Asks a department about the case, or about some of its questions (by their stable ids). */
  'contributors:ask': channel<CaseContributors>()(
    z.strictObject({
      caseId: id,
      departmentId: id,
      questionIds: z.array(questionId).max(500),
      /** Absent: the team's default number of working days from today. */
      internalDue: isoDate.optional(),
      note: z.string().trim().max(4000, { message: 'is too long (at most 4,000 characters)' }).optional(),
      /** The requester's name, email and address go into the emails (applicant-blind when false). */
      includeRequester: z.boolean().optional(),
    }),
  ),
  /** The email as it would be drafted now (request: the first email; next: the next chaser). */
  'contributors:draft': channel<ChaseDraft>()(
    z.strictObject({
      taskId: id,
      kind: z.enum(['request', 'next']),
      includeRequester: z.boolean().optional(),
    }),
  ),
  /** Drafts the email and records it (a chaser moves the task on): the .eml to download, or the mailto: link. */
  'contributors:chase': channel<ChaseResult>()(
    z.strictObject({
      taskId: id,
      kind: z.enum(['request', 'next']),
      includeRequester: z.boolean().optional(),
      as: z.enum(['eml', 'mailto']),
    }),
  ),
  /** Electron: writes the .eml where the officer chose in the save dialog (kind "eml"), and records it. */
  'contributors:chase-export': channel<ChaseResult & { path: string; bytes: number }>()(
    z.strictObject({
      taskId: id,
      kind: z.enum(['request', 'next']),
      includeRequester: z.boolean().optional(),
      path: filePath.refine((p) => /\.eml$/i.test(p), { message: 'must be an .eml file' }),
    }),
  ),
  'contributors:record-reply': channel<CaseContributors>()(
    z.strictObject({
      taskId: id,
      reply: z.string().trim().min(1, { message: 'is required' }).max(1_000_000),
      date: isoDate.optional(),
    }),
  ),
  /**
   * The reply into a question's answer, through the answer rules: `fill` only an unanswered
   * question (an answer already there is refused, never replaced), `append` below the answer's
   * text, `replace` after the officer confirmed.
   */
  'contributors:copy-reply': channel<CaseDetail>()(
    z.strictObject({ taskId: id, questionId, mode: z.enum(['fill', 'append', 'replace']) }),
  ),
  // Sign-off (issue #14; the rules in shared/sign-off.ts) ------------------------------------------
  /** Where each of the case's letters stands, who may approve and every step taken. */
  'sign-off:status': channel<SignOffStatus>()(z.strictObject({ caseId: id })),
  /** Asks a named officer (never the one asking) to approve a letter version as it is now. */
  'sign-off:request': channel<SignOffStatus>()(
    z.strictObject({ versionId: id, approver: officerName, note: z.string().max(4000).optional() }),
  ),
  /** The approver named in the request approves the version (as it is now). */
  'sign-off:approve': channel<SignOffStatus>()(z.strictObject({ versionId: id })),
  /** The approver returns the version; the comment is required (the rule says so when blank). */
  'sign-off:return': channel<SignOffStatus>()(
    z.strictObject({ versionId: id, comment: z.string().max(4000) }),
  ),
  'sign-off:set-sensitive': channel<SignOffStatus>()(z.strictObject({ caseId: id, sensitive: z.boolean() })),
  'sign-off:policy': channel<SignOffPolicy>()(empty),
  'sign-off:save-policy': channel<SignOffPolicy>()(
    z.strictObject({
      policy: z.strictObject({
        regimes: z.array(z.enum(REGIMES)).max(REGIMES.length),
        sensitive: z.boolean(),
      }),
    }),
  ),
  // Retention (issue #14): the schedule per regime, the closed cases due for review, and disposal
  // (delete or anonymise), which needs the reference typed back as its second confirmation.
  'retention:schedule': channel<RetentionScheduleView>()(empty),
  'retention:save-schedule': channel<RetentionScheduleView>()(
    z.strictObject({ schedule: retentionScheduleSchema }),
  ),
  'retention:due': channel<RetentionDueCase[]>()(z.strictObject({ asOf: isoDate.optional() })),
  'retention:dispose': channel<DisposalResult>()(
    z.strictObject({
      caseId: id,
      method: z.enum(DISPOSAL_METHODS),
      /** The case's reference as the officer typed it (the second confirmation). */
      confirmReference: z.string().max(200),
      confirm: z.literal(true),
    }),
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

export const CHANNEL_NAMES = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The api the renderer holds: one async function per channel, answering with an envelope. */
export type Api = { [C in Channel]: (input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>> };

/**
 * One plain line per problem ("draft.received: is not a real date …"). Built from the schema's
 * rule, never from the value, so a passphrase or case text is never echoed.
 */
export function describeValidation(error: z.ZodError): string {
  const lines = error.issues.slice(0, 5).map((issue) => {
    let problem: string;
    switch (issue.code) {
      case 'invalid_type':
        problem = /received undefined$/.test(issue.message) ? 'is required' : `must be ${issue.expected}`;
        break;
      case 'unrecognized_keys':
        problem = `has unknown field(s) ${issue.keys.map((k) => k.slice(0, 40)).join(', ')}`;
        break;
      case 'invalid_value':
        problem = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
        break;
      default:
        // zod's own messages state the rule ("Too big: expected string to have <=500 characters").
        problem = issue.message.length < 160 ? issue.message : 'is not valid';
    }
    return `${fieldPathOf(issue.path, 'input')}: ${problem}`;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  return `The request was not valid: ${lines.join('; ')}${more}.`;
}
