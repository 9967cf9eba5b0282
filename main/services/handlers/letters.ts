/** Letters: the templates a case can use, its saved versions, Word export, and the team's wording. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { inTransaction } from '../../../db/case-file';
import { recordAudit } from '../../../db/queries/audit';
import { getCaseRecord } from '../../../db/queries/cases';
import { getSettingValue, setSetting } from '../../../db/queries/settings';
import type { CaseRecord } from '../../../shared/case-format';
import type { LetterLibrary, LetterVersionView } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { templatesForRegime } from '../../../shared/letter/template-choice';
import {
  defaultParagraph,
  defaultTemplate,
  listParagraphs,
  type LetterTemplate,
  type StandardParagraph,
} from '../../../templates/index';
import { writeFileAtomic } from '../files';
import { checkOutputPath } from '../output-paths';
import {
  generateLetter,
  getLetter,
  listLetters,
  markLetterSent,
  PARAGRAPH_OVERRIDES_KEY,
  redateLetter,
  renderLetterFile,
  saveLetterEdits,
  suggestedTemplateId,
  TEMPLATE_OVERRIDES_KEY,
  templatesInForce,
} from '../letters';
import type { OpenSession } from '../session';
import { requireRow } from './cases';
import type { AppHandlers, SessionHandlers } from './types';

/** An exported letter can leave the machine: the case's timeline says which version did. */
function auditLetterExport(s: OpenSession, letter: LetterVersionView): void {
  recordAudit(s.db, {
    actor: s.actor,
    caseId: letter.caseId,
    action: 'letter-exported',
    entity: 'letter',
    field: letter.templateId,
    newValue: `version ${letter.version}`,
  });
}

function letterLibrary(s: OpenSession): LetterLibrary {
  const templateOverrides = getSettingValue<LetterTemplate[]>(s.db, TEMPLATE_OVERRIDES_KEY) ?? [];
  const paragraphOverrides = getSettingValue<StandardParagraph[]>(s.db, PARAGRAPH_OVERRIDES_KEY) ?? [];
  const adaptedTemplates = new Set(templateOverrides.map((t) => t.id));
  const adaptedParagraphs = new Set(paragraphOverrides.map((p) => p.id));
  return {
    templates: templatesInForce(s.file).map((t) => ({ ...t, customised: adaptedTemplates.has(t.id) })),
    paragraphs: listParagraphs(paragraphOverrides).map((p) => ({
      ...p,
      customised: adaptedParagraphs.has(p.id),
    })),
  };
}

/**
 * Puts the team's copy of a template or paragraph in place of the shipped one (or removes it when
 * `value` is null), with an audit entry holding both wordings. The shipped defaults are never
 * touched, so "Reset to default" always has something to go back to.
 */
function storeOverride<T extends { id: string }>(
  s: OpenSession,
  entity: 'letter-template' | 'letter-paragraph',
  key: string,
  id: string,
  value: T | null,
): void {
  inTransaction(s.db, (tx) => {
    const stored = getSettingValue<T[]>(tx, key) ?? [];
    const before = stored.find((item) => item.id === id) ?? null;
    if (before === null && value === null) return;
    const next = stored.filter((item) => item.id !== id);
    if (value) next.push(value);
    setSetting(tx, key, next);
    recordAudit(tx, {
      actor: s.actor,
      action: value ? 'update' : 'reset',
      entity,
      field: id,
      oldValue: before,
      newValue: value,
    });
  });
}

/** JSON with its keys sorted, so two copies compare equal whatever order their keys came in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export const letterHandlers = {
  'letters:templates': (s, input) => {
    let regime: CaseRecord['regime'] | undefined;
    let suggested: string | null = null;
    if (input.caseId !== undefined) {
      const record = getCaseRecord(s.db, input.caseId);
      if (!record) throw new AppError('not-found', 'That case is not in the case file.');
      regime = record.regime;
      suggested = suggestedTemplateId(s.file, input.caseId, record);
    }
    const inForce = templatesInForce(s.file);
    const templates = (regime ? templatesForRegime(inForce, regime) : inForce).map((t) => ({
      id: t.id,
      name: t.name,
      title: t.title,
      description: t.description ?? null,
      regimes: t.regimes,
    }));
    if (suggested !== null && !templates.some((t) => t.id === suggested))
      suggested = templates[0]?.id ?? null;
    return { templates, suggested };
  },

  'letters:list': (s, { caseId }) => {
    requireRow(s.db, caseId);
    return listLetters(s.file, caseId).map(({ document, ...rest }) => ({
      ...rest,
      title: document.meta.title,
      date: document.meta.date,
    }));
  },

  'letters:get': (s, { versionId }) => getLetter(s.file, versionId),

  'letters:generate': (s, input) => {
    requireRow(s.db, input.caseId);
    return generateLetter(s.file, input.caseId, {
      templateId: input.templateId,
      ...(input.date ? { date: input.date } : {}),
      today: s.today(),
      replaceEdits: input.replaceEdits === true,
      actor: s.actor,
    });
  },

  /**
   * Saves the officer's edits as a new version. Only the body is taken from the page: the letter's
   * details (reference, recipient, file name) were built from the case and stay as generated.
   */
  'letters:save': (s, input) => {
    const base = getLetter(s.file, input.versionId);
    return saveLetterEdits(
      s.file,
      input.versionId,
      { meta: base.document.meta, body: input.document.body },
      s.actor,
    );
  },

  'letters:mark-sent': (s, { versionId }) => markLetterSent(s.file, versionId, s.actor),

  'letters:redate': (s, { versionId, date }) => redateLetter(s.file, versionId, date, s.actor),

  'letters:render-docx': async (s, { versionId }) => {
    const letter = getLetter(s.file, versionId);
    const { fileName, bytes } = await renderLetterFile(s.file, letter.document);
    auditLetterExport(s, letter);
    return { fileName, base64: bytes.toString('base64') };
  },

  'letters:library': (s) => letterLibrary(s),

  'letters:save-template': (s, { template }) => {
    const shipped = defaultTemplate(template.id);
    if (!shipped) throw new AppError('not-found', `There is no letter template "${template.id}" to adapt.`);
    const known = new Set(letterLibrary(s).paragraphs.map((p) => p.id));
    const missing = template.blocks.find((b) => b.kind === 'standard' && !known.has(b.id));
    if (missing?.kind === 'standard')
      throw new AppError(
        'validation',
        `The template uses a standard paragraph that does not exist: "${missing.id}".`,
      );
    // A copy that says exactly what the shipped one says is no adaptation: it is stored as a reset.
    const adapted = canonicalJson(template) === canonicalJson(shipped) ? null : template;
    storeOverride(s, 'letter-template', TEMPLATE_OVERRIDES_KEY, template.id, adapted);
    return letterLibrary(s);
  },

  'letters:reset-template': (s, { id }) => {
    if (!defaultTemplate(id)) throw new AppError('not-found', `There is no letter template "${id}".`);
    storeOverride(s, 'letter-template', TEMPLATE_OVERRIDES_KEY, id, null);
    return letterLibrary(s);
  },

  'letters:save-paragraph': (s, { paragraph }) => {
    const shipped = defaultParagraph(paragraph.id);
    if (!shipped)
      throw new AppError('not-found', `There is no standard paragraph "${paragraph.id}" to adapt.`);
    const adapted = canonicalJson(paragraph) === canonicalJson(shipped) ? null : paragraph;
    storeOverride(s, 'letter-paragraph', PARAGRAPH_OVERRIDES_KEY, paragraph.id, adapted);
    return letterLibrary(s);
  },

  'letters:reset-paragraph': (s, { id }) => {
    if (!defaultParagraph(id)) throw new AppError('not-found', `There is no standard paragraph "${id}".`);
    storeOverride(s, 'letter-paragraph', PARAGRAPH_OVERRIDES_KEY, id, null);
    return letterLibrary(s);
  },
} satisfies SessionHandlers<'letters:'>;

/**
 * Writing a letter to a path: only one the officer chose in the save dialog main opened (used once,
 * within minutes), never one the page made up, and never the case file or a backup (the dialog
 * itself asked before replacing any other file).
 */
export const letterAppHandlers = {
  'letters:export-docx': async (app, input) => {
    const s = app.requireSession();
    const letter = getLetter(s.file, input.versionId);
    if (!app.grants.take('letter-export', input.path))
      throw new AppError(
        'validation',
        'Choose where to save the letter with the Save dialog: FOI Desk writes only where you chose.',
      );
    const folder = path.dirname(input.path);
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw new AppError('file-missing', 'That folder does not exist.');
    checkOutputPath(input.path, { inputs: [s.file.path], force: true });
    const { bytes } = await renderLetterFile(s.file, letter.document);
    writeFileAtomic(input.path, bytes);
    auditLetterExport(s, letter);
    return { path: input.path, bytes: bytes.length };
  },
} satisfies AppHandlers<'letters:'>;
