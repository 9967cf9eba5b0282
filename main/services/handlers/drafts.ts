/**
 * Drafts: a form's unsaved edits, kept in the encrypted case file when it is locked (the idle lock
 * or Ctrl+L) and offered back after unlocking. They are case text, so they live nowhere else: the
 * page keeps none of it in its own storage. Saving a draft is not the officer's own doing, so it does
 * not restart the idle lock (see handlers/index.ts).
 */
import { getCaseRow } from '../../../db/queries/cases';
import { countDrafts, deleteDraft, hasDraft, listDrafts, upsertDraft } from '../../../db/queries/drafts';
import { MAX_DRAFTS } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { SessionHandlers } from './types';

export const draftHandlers = {
  'drafts:save': (s, input) => {
    if (input.caseId !== undefined && !getCaseRow(s.db, input.caseId))
      throw new AppError('not-found', 'That case is not in this file.');
    if (!hasDraft(s.db, input.key) && countDrafts(s.db) >= MAX_DRAFTS)
      throw new AppError(
        'conflict',
        `This file already holds ${MAX_DRAFTS} unsaved drafts. Restore or discard some first.`,
      );
    const savedAt = s.now().toISOString();
    upsertDraft(s.db, {
      key: input.key,
      caseId: input.caseId ?? null,
      label: input.label,
      content: input.content,
      savedAt,
    });
    return { key: input.key, savedAt };
  },

  'drafts:list': (s) =>
    listDrafts(s.db).map((d) => ({
      key: d.key,
      caseId: d.caseId,
      label: d.label,
      content: d.content,
      savedAt: d.savedAt,
    })),

  'drafts:discard': (s, input) => ({ discarded: deleteDraft(s.db, input.key) }),
} satisfies SessionHandlers<'drafts:'>;
