/**
 * The team's library of standard answers (issue #14, part 3): list and search it, add and edit
 * entries (from the library screen, or "save this answer to the library" on a question), mark one
 * reviewed, remove one, and suggest entries for a question. Every write goes through the rules in
 * shared/standard-answers.ts and lands with its audit entry in one transaction. Inserting an entry
 * into an answer is the page's work: the answer is then saved through `cases:set-response`, so the
 * answer rules apply to it as to any other.
 */
import { inTransaction } from '../../../db/case-file';
import { recordAudit, recordChanges } from '../../../db/queries/audit';
import { getCaseRecord } from '../../../db/queries/cases';
import {
  countStandardAnswers,
  deleteStandardAnswer,
  findStandardAnswerByTitle,
  getStandardAnswer,
  insertStandardAnswer,
  listStandardAnswers,
  updateStandardAnswer,
} from '../../../db/queries/standard-answers';
import { AppError } from '../../../shared/errors';
import { PERSONAL_DATA_LABELS } from '../../../shared/personal-data';
import { flattenQuestions } from '../../../shared/questions';
import {
  isStale,
  libraryPersonalData,
  normaliseStandardAnswer,
  searchTerms,
  standardAnswerProblems,
  suggestionScore,
  type StandardAnswer,
  type StandardAnswerInput,
  type StandardAnswerList,
  type StandardAnswerView,
} from '../../../shared/standard-answers';
import type { OpenSession } from '../session';
import type { SessionHandlers } from './types';

const GONE = 'That standard answer is not in the library (it may have been removed).';

function view(s: OpenSession, entry: StandardAnswer): StandardAnswerView {
  return { ...entry, stale: isStale(entry.reviewedOn, s.today()) };
}

/** The audit entry's value: what identifies the entry in the history, not its whole text. */
const summary = (e: StandardAnswerInput) => ({ title: e.title, regime: e.regime, provision: e.provision });

export interface SaveStandardAnswer {
  id?: number | undefined;
  entry: StandardAnswerInput;
  /** The case the answer was saved from: its requester is looked for, and its history records it. */
  fromCaseId?: number | undefined;
  /** The officer has seen the personal-data warning and says the text holds none. */
  acceptPersonalData?: boolean | undefined;
}

/** Adds or changes an entry; refuses on the rules, a title already used, or unaccepted personal data. */
export function saveStandardAnswer(s: OpenSession, input: SaveStandardAnswer): StandardAnswerView {
  const problems = standardAnswerProblems(input.entry);
  if (problems.length > 0)
    throw new AppError('validation', problems.map((p) => `${p.message}.`).join(' '), problems[0]!.field);
  const entry = normaliseStandardAnswer(input.entry);
  const before = input.id === undefined ? undefined : getStandardAnswer(s.db, input.id);
  if (input.id !== undefined && !before) throw new AppError('not-found', GONE);
  if (findStandardAnswerByTitle(s.db, entry.title, input.id))
    throw new AppError(
      'conflict',
      `The library already has a standard answer called "${entry.title}": give this one another title.`,
      'title',
    );
  const source = input.fromCaseId === undefined ? undefined : getCaseRecord(s.db, input.fromCaseId);
  if (input.fromCaseId !== undefined && !source)
    throw new AppError('not-found', 'That case is not in the case file (it may have been removed).');
  if (!input.acceptPersonalData) {
    const found = libraryPersonalData(entry, source?.requester ?? {});
    if (found.length > 0) {
      // The kinds only: the message must not carry the personal data itself.
      const kinds = [...new Set(found.map((f) => PERSONAL_DATA_LABELS[f.kind].toLowerCase()))];
      throw new AppError(
        'validation',
        `The answer seems to hold personal data (${kinds.join(', ')}). Standard answers are reused for other requesters: take it out, or save it anyway if it is not personal data.`,
        'text',
      );
    }
  }
  const today = s.today();
  const saved = inTransaction(s.db, (tx) => {
    if (!before) {
      const made = insertStandardAnswer(tx, { ...entry, reviewedOn: today, addedBy: s.actor });
      recordAudit(tx, {
        actor: s.actor,
        caseId: input.fromCaseId ?? null,
        action: 'create',
        entity: 'standard-answer',
        field: String(made.id),
        newValue: summary(made),
      });
      return made;
    }
    const after = updateStandardAnswer(tx, before.id, {
      ...entry,
      reviewedOn: today,
      updatedAt: s.now().toISOString(),
    });
    if (!after) throw new AppError('not-found', GONE);
    recordChanges<StandardAnswer>(tx, {
      actor: s.actor,
      entity: 'standard-answer',
      caseId: input.fromCaseId ?? null,
      before,
      after: { ...entry, reviewedOn: today },
    });
    return after;
  });
  return view(s, saved);
}

export function listLibrary(
  s: OpenSession,
  {
    search,
    regime,
    limit,
  }: {
    search?: string | undefined;
    regime?: StandardAnswer['regime'] | undefined;
    limit?: number | undefined;
  },
): StandardAnswerList {
  const entries = listStandardAnswers(s.db, {
    terms: searchTerms(search ?? ''),
    ...(regime ? { regime } : {}),
    ...(limit ? { limit } : {}),
  });
  return { entries: entries.map((e) => view(s, e)), total: countStandardAnswers(s.db) };
}

/** Entries that suit one question of a case: its words against each entry's, for the case's regime. */
export function suggestForQuestion(
  s: OpenSession,
  { caseId, questionId, limit = 5 }: { caseId: number; questionId: string; limit?: number | undefined },
): StandardAnswerView[] {
  const record = getCaseRecord(s.db, caseId, { ids: true });
  if (!record)
    throw new AppError('not-found', 'That case is not in the case file (it may have been removed).');
  const question = flattenQuestions(record.questions).find((q) => q.id === questionId);
  if (!question) throw new AppError('not-found', 'That question is not in the case any more.');
  return listStandardAnswers(s.db, { regime: record.regime })
    .map((e) => ({ e, score: suggestionScore(question.text, e) }))
    .filter((x) => x.score >= 2)
    .sort((a, b) => b.score - a.score || a.e.title.localeCompare(b.e.title))
    .slice(0, limit)
    .map((x) => view(s, x.e));
}

export const standardAnswerHandlers = {
  'answers:list': (s, input) => listLibrary(s, input),
  'answers:suggest': (s, input) => suggestForQuestion(s, input),
  'answers:save': (s, input) => saveStandardAnswer(s, input),
  'answers:review': (s, { id }) => {
    const before = getStandardAnswer(s.db, id);
    if (!before) throw new AppError('not-found', GONE);
    const today = s.today();
    const after = inTransaction(s.db, (tx) => {
      const row = updateStandardAnswer(tx, id, { reviewedOn: today, updatedAt: s.now().toISOString() });
      recordChanges<StandardAnswer>(tx, {
        actor: s.actor,
        entity: 'standard-answer',
        before,
        after: { reviewedOn: today },
      });
      return row;
    });
    if (!after) throw new AppError('not-found', GONE);
    return view(s, after);
  },
  'answers:remove': (s, { id }) => {
    const before = getStandardAnswer(s.db, id);
    if (!before) throw new AppError('not-found', GONE);
    inTransaction(s.db, (tx) => {
      deleteStandardAnswer(tx, id);
      recordAudit(tx, {
        actor: s.actor,
        action: 'remove',
        entity: 'standard-answer',
        field: String(id),
        oldValue: summary(before),
      });
    });
    return { removed: true };
  },
} satisfies SessionHandlers<'answers:'>;
