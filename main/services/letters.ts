/**
 * Letters for a case: built from the case (nothing typed twice), saved as versions in the case
 * file, edited by the officer, locked once sent, and rendered to .docx for signature.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { LetterVersionView } from '../../shared/contract';
import { formatLongDate, todayIso, type IsoDate } from '../../shared/dates';
import { letterFileName } from '../../shared/letter/file-name';
import {
  letterDateFor,
  ourRefFor,
  resolveSignatory,
  type LetterSignatory,
} from '../../shared/letter/signatory';
import { listOfficers } from '../../db/queries/case-edits';
import { getSettings, getSettingValue } from '../../db/queries/settings';
import type { CaseRecord, Organisation } from '../../shared/case-format';
import {
  buildLetter,
  getTemplate,
  letterDocumentSchema,
  listParagraphs,
  listTemplates,
  renderLetterDocx,
  suggestTemplateId,
  type LetterDocument,
  type LetterTemplate,
  type StandardParagraph,
} from '../../templates/index';
import { inTransaction, type CaseFile } from '../../db/case-file';
import { findCaseByReference, getCaseRecord, listCaseEvents } from '../../db/queries/cases';
import { getOrganisation } from '../../db/queries/organisation';
import { recordAudit } from '../../db/queries/audit';
import {
  getLetterVersion,
  insertLetterVersion,
  latestLetterVersion,
  listLetterVersions,
  markLetterVersionSent,
  type LetterVersionRow,
} from '../../db/queries/letters';
import { deadlineFor, loadClockContext, toClockEvents } from './deadlines';
import { suggestedTemplate, templateRegimeProblem } from '../../shared/letter/template-choice';
import { loadLogo } from './letter-logo';
import { s12LetterValuesForCase, s12LimitExceeded } from './s12';
import type { S12LetterValues } from '../../shared/s12';
import { letterSendProblems } from './sign-off';

export const TEMPLATE_OVERRIDES_KEY = 'letters.templates';
export const PARAGRAPH_OVERRIDES_KEY = 'letters.paragraphs';

export type LetterVersion = LetterVersionView;

function requireCase(file: CaseFile, caseId: number): CaseRecord {
  const record = getCaseRecord(file.db, caseId);
  if (!record) throw new AppError('not-found', 'That case is not in the case file.');
  return record;
}

export function requireOrganisation(file: CaseFile): Organisation {
  const org = getOrganisation(file.db);
  if (!org) {
    throw new AppError(
      'validation',
      'Set up the organisation profile (the letterhead) in Settings before writing letters.',
    );
  }
  return org;
}

export function templatesInForce(file: CaseFile): LetterTemplate[] {
  return listTemplates(getSettingValue<LetterTemplate[]>(file.db, TEMPLATE_OVERRIDES_KEY) ?? []);
}

function paragraphsInForce(file: CaseFile): StandardParagraph[] {
  return listParagraphs(getSettingValue<StandardParagraph[]>(file.db, PARAGRAPH_OVERRIDES_KEY) ?? []);
}

/** The template the case suggests now, among those in force that its regime may use. */
export function suggestedTemplateId(file: CaseFile, caseId: number, record: CaseRecord): string {
  const facts = { costLimitExceeded: s12LimitExceeded(file.db, caseId) };
  return suggestedTemplate(record, templatesInForce(file), facts)?.id ?? suggestTemplateId(record);
}

/** Refuses a template not written for the regime (shared/letter/template-choice.ts). */
function requireTemplateForRegime(
  template: Pick<LetterTemplate, 'id' | 'name' | 'regimes'>,
  regime: CaseRecord['regime'],
): void {
  const problem = templateRegimeProblem(template, regime);
  if (problem) throw new AppError('validation', problem);
}

/** Who signs and the "Our Ref": from the case, its officer and the team's pattern. */
interface LetterContext {
  signatory: LetterSignatory | undefined;
  ourRef: string;
  warnings: string[];
}

function letterContext(file: CaseFile, record: CaseRecord): LetterContext {
  const officers = listOfficers(file.db).map((o) => ({ name: o.name, title: o.title, initials: o.initials }));
  const signatory = resolveSignatory(record, officers);
  const ref = ourRefFor(record, signatory, officers, getSettings(file.db).ourRefFormat);
  return { signatory, ourRef: ref.ourRef, warnings: ref.warning ? [ref.warning] : [] };
}

/**
 * A fingerprint of what a letter is built from, to tell when the case has moved on. The signatory
 * and "Our Ref" count only when they are not simply the case's own, so letters saved before they
 * came from the officers list are not all reported as out of date.
 */
function sourceHash(
  record: CaseRecord,
  org: Organisation,
  templateId: string,
  context?: LetterContext,
  cost?: S12LetterValues | null,
): string {
  const own =
    !context ||
    (context.ourRef === (record.ourRef ?? record.reference) &&
      JSON.stringify(
        context.signatory && { name: context.signatory.name, title: context.signatory.title },
      ) === JSON.stringify(record.signatory));
  // The sensitive flag is sign-off's, not the letter's: flagging a case leaves its letters current.
  const letterRecord = { ...record, sensitive: undefined };
  const parts: unknown[] = own
    ? [letterRecord, org, templateId]
    : [letterRecord, org, templateId, context.signatory, context.ourRef];
  // Only a case with an s12 worksheet counts it, so older letters are not all reported out of date.
  if (cost?.costEstimate) parts.push(cost);
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** Builds the letter for a case from its current data, without saving it. */
export function composeLetter(
  file: CaseFile,
  caseId: number,
  options: { templateId?: string; date?: IsoDate; today?: IsoDate } = {},
): { document: LetterDocument; hash: string } {
  const record = requireCase(file, caseId);
  const context = letterContext(file, record);
  const organisation = requireOrganisation(file);
  const templateId = options.templateId ?? suggestedTemplateId(file, caseId, record);
  const template = getTemplate(
    templateId,
    getSettingValue<LetterTemplate[]>(file.db, TEMPLATE_OVERRIDES_KEY) ?? [],
  );
  if (!template) {
    const ids = templatesInForce(file)
      .map((t) => t.id)
      .join(', ');
    throw new AppError('validation', `There is no letter template "${templateId}". Templates: ${ids}.`);
  }
  requireTemplateForRegime(template, record.regime);
  const deadline = deadlineFor(
    loadClockContext(file.db),
    record,
    toClockEvents(listCaseEvents(file.db, caseId)),
  );
  const original = originalRequest(file, record);
  const cost = s12LetterValuesForCase(file.db, caseId, record.regime);
  const document = buildLetter({
    case: record,
    organisation,
    template,
    paragraphs: paragraphsInForce(file),
    ...(original ? { original } : {}),
    date: options.date ?? letterDateFor(record, options.today ?? todayIso()),
    ...(deadline.extendedTo ? { estimatedDate: deadline.extendedTo } : {}),
    ...(deadline.due ? { dueDate: deadline.due } : {}),
    signatory: context.signatory,
    ourRef: context.ourRef,
    contextWarnings: context.warnings,
    cost: cost ?? undefined,
  });
  return { document, hash: sourceHash(record, organisation, template.id, context, cost) };
}

/**
 * A review case's original request: its reference and, when that case is in this file, the date it
 * was answered, for the review outcome letter (s45 Code; EIR reg 11; FOISA s21).
 */
function originalRequest(
  file: CaseFile,
  record: CaseRecord,
): { reference: string; responded?: IsoDate } | undefined {
  if (!record.reviewOf) return undefined;
  const row = findCaseByReference(file.db, record.reviewOf);
  const original = row ? getCaseRecord(file.db, row.id) : undefined;
  return original?.responded
    ? { reference: original.reference, responded: original.responded }
    : { reference: original?.reference ?? record.reviewOf };
}

/** What the stale check compares a letter against: the case and letterhead as they are now. */
interface CurrentSource {
  record: CaseRecord | undefined;
  org: Organisation | undefined;
  context: LetterContext | undefined;
  cost: S12LetterValues | null;
}

function currentSource(file: CaseFile, caseId: number): CurrentSource {
  const record = getCaseRecord(file.db, caseId);
  return {
    record,
    org: getOrganisation(file.db),
    context: record ? letterContext(file, record) : undefined,
    cost: record ? s12LetterValuesForCase(file.db, caseId, record.regime) : null,
  };
}

function toVersion(row: LetterVersionRow, source: CurrentSource): LetterVersion {
  const { record, org, context, cost } = source;
  const stale =
    record !== undefined &&
    org !== undefined &&
    row.sourceHash !== null &&
    sourceHash(record, org, row.templateId, context, cost) !== row.sourceHash;
  return {
    id: row.id,
    caseId: row.caseId,
    templateId: row.templateId,
    version: row.version,
    document: letterDocumentSchema.parse(row.document),
    edited: row.edited,
    sentAt: row.sentAt,
    createdAt: row.createdAt,
    stale,
  };
}

/**
 * Generates the letter and saves it as a new version. When the newest version of that letter has
 * hand edits, it is only replaced if the officer said so (`replaceEdits`): the edits stay in the
 * older version either way.
 */
export function generateLetter(
  file: CaseFile,
  caseId: number,
  options: { templateId?: string; date?: IsoDate; today?: IsoDate; replaceEdits?: boolean; actor: string },
): LetterVersion {
  const { document, hash } = composeLetter(file, caseId, options);
  const latest = latestLetterVersion(file.db, caseId, document.meta.templateId);
  if (latest?.edited && !latest.sentAt && !options.replaceEdits) {
    throw new AppError(
      'conflict',
      'This letter has hand edits. Regenerating replaces them with a fresh letter from the case (the edited version stays in the history).',
    );
  }
  return inTransaction(file.db, (db) => {
    const row = insertLetterVersion(db, {
      caseId,
      templateId: document.meta.templateId,
      document,
      sourceHash: hash,
      edited: false,
    });
    recordAudit(db, {
      actor: options.actor,
      caseId,
      action: 'letter-generated',
      entity: 'letter',
      field: document.meta.templateId,
      newValue: `version ${row.version}`,
    });
    return toVersion(row, currentSource(file, caseId));
  });
}

/** Saves the officer's edits as a new version. A sent letter is locked. */
export function saveLetterEdits(
  file: CaseFile,
  versionId: number,
  document: unknown,
  actor: string,
): LetterVersion {
  const base = getLetterVersion(file.db, versionId);
  if (!base) throw new AppError('not-found', 'That letter version is not in the case file.');
  if (base.sentAt)
    throw new AppError('conflict', 'This letter was sent and is locked. Generate a new letter instead.');
  const parsed = letterDocumentSchema.safeParse(document);
  if (!parsed.success)
    throw new AppError('validation', 'The letter could not be saved: its content is not valid.');
  return inTransaction(file.db, (db) => {
    const row = insertLetterVersion(db, {
      caseId: base.caseId,
      templateId: base.templateId,
      document: parsed.data,
      sourceHash: base.sourceHash,
      edited: true,
    });
    recordAudit(db, {
      actor,
      caseId: base.caseId,
      action: 'letter-edited',
      entity: 'letter',
      field: base.templateId,
      oldValue: `version ${base.version}`,
      newValue: `version ${row.version}`,
    });
    return toVersion(row, currentSource(file, base.caseId));
  });
}

export function markLetterSent(file: CaseFile, versionId: number, actor: string): LetterVersion {
  const row = getLetterVersion(file.db, versionId);
  if (!row) throw new AppError('not-found', 'That letter version is not in the case file.');
  if (row.sentAt) return toVersion(row, currentSource(file, row.caseId));
  const at = new Date().toISOString();
  inTransaction(file.db, (db) => {
    // Sign-off (shared/sign-off.ts): a response that needs approval goes out only once approved.
    const unapproved = letterSendProblems(db, row);
    if (unapproved.length) throw new AppError('validation', unapproved.join(' '));
    markLetterVersionSent(db, versionId, at);
    recordAudit(db, {
      actor,
      caseId: row.caseId,
      action: 'letter-sent',
      entity: 'letter',
      field: row.templateId,
      newValue: `version ${row.version}`,
    });
  });
  return toVersion({ ...row, sentAt: at }, currentSource(file, row.caseId));
}

export function listLetters(file: CaseFile, caseId: number): LetterVersion[] {
  const source = currentSource(file, caseId);
  return listLetterVersions(file.db, caseId).map((row) => toVersion(row, source));
}

export function getLetter(file: CaseFile, versionId: number): LetterVersion {
  const row = getLetterVersion(file.db, versionId);
  if (!row) throw new AppError('not-found', 'That letter version is not in the case file.');
  return toVersion(row, currentSource(file, row.caseId));
}

/** The .docx bytes and the suggested file name for a letter document. */
export async function renderLetterFile(
  file: CaseFile,
  document: LetterDocument,
): Promise<{ fileName: string; bytes: Buffer }> {
  // A letter saved before templates were held to their regimes is refused here too.
  const template = getTemplate(
    document.meta.templateId,
    getSettingValue<LetterTemplate[]>(file.db, TEMPLATE_OVERRIDES_KEY) ?? [],
  );
  if (template) requireTemplateForRegime(template, document.meta.regime);
  const logo = loadLogo(file.db);
  const bytes = await renderLetterDocx(document, requireOrganisation(file), logo ? { logo } : {});
  return { fileName: document.meta.fileName, bytes };
}

/**
 * The same letter with another date: the date line and the file name change, every hand edit in
 * the body stays. Pure; the callers decide whether it is saved.
 */
export function redatedDocument(document: LetterDocument, date: IsoDate): LetterDocument {
  const meta = document.meta;
  return {
    meta: {
      ...meta,
      date,
      dateText: formatLongDate(date),
      fileName: letterFileName({ reference: meta.reference, title: meta.title, date }),
    },
    body: document.body,
  };
}

/** Gives a saved letter a new date as a new version (edits kept). A sent letter is locked. */
export function redateLetter(file: CaseFile, versionId: number, date: IsoDate, actor: string): LetterVersion {
  const base = getLetterVersion(file.db, versionId);
  if (!base) throw new AppError('not-found', 'That letter version is not in the case file.');
  if (base.sentAt)
    throw new AppError('conflict', 'This letter was sent and is locked: its date cannot change.');
  const document = letterDocumentSchema.parse(base.document);
  if (document.meta.date === date) return toVersion(base, currentSource(file, base.caseId));
  return inTransaction(file.db, (db) => {
    const row = insertLetterVersion(db, {
      caseId: base.caseId,
      templateId: base.templateId,
      document: redatedDocument(document, date),
      sourceHash: base.sourceHash,
      edited: base.edited,
    });
    recordAudit(db, {
      actor,
      caseId: base.caseId,
      action: 'letter-redated',
      entity: 'letter',
      field: base.templateId,
      oldValue: document.meta.date,
      newValue: `${date} (version ${row.version})`,
    });
    return toVersion(row, currentSource(file, base.caseId));
  });
}

/**
 * The letter a command line export means: the newest saved version of that template, hand edits
 * kept (with `date`, re-dated; a sent version is locked and refused), or a fresh one built from
 * the case when none has been saved, dated by letterDateFor unless `date` says otherwise.
 */
export function letterForExport(
  file: CaseFile,
  caseId: number,
  options: { templateId?: string; date?: IsoDate; today?: IsoDate },
): LetterDocument {
  const record = requireCase(file, caseId);
  const templateId = options.templateId ?? suggestedTemplateId(file, caseId, record);
  const template = getTemplate(
    templateId,
    getSettingValue<LetterTemplate[]>(file.db, TEMPLATE_OVERRIDES_KEY) ?? [],
  );
  if (template) requireTemplateForRegime(template, record.regime);
  const saved = latestLetterVersion(file.db, caseId, templateId);
  if (saved) {
    const document = letterDocumentSchema.parse(saved.document);
    if (!options.date || options.date === document.meta.date) return document;
    if (saved.sentAt) {
      throw new AppError(
        'conflict',
        `The ${document.meta.title.toLowerCase()} for ${record.reference} was sent dated ${document.meta.date} and is locked: it cannot be re-dated. Leave out --date to export it as sent.`,
      );
    }
    return redatedDocument(document, options.date);
  }
  return composeLetter(file, caseId, { ...options, templateId }).document;
}
