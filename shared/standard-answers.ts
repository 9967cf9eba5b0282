/**
 * The team's library of standard answers (issue #14, part 3): wording the team reuses across
 * requests (the round-robin cyber-security answer, the s40(2) paragraph for staff names, the s21
 * pointer to the published accounts). Pure rules here: what an entry needs, the personal-data
 * warning before an answer goes into the library, how an entry goes into an answer being drafted
 * without replacing what the officer typed, and which entries suit a question.
 *
 * Library text is reused across requesters, so an answer saved from a case must not carry that
 * case's personal data: {@link libraryPersonalData} runs the disclosure log's check
 * (shared/personal-data.ts) and the service refuses to save while it finds anything, unless the
 * officer says it is not personal data.
 */
import { z } from 'zod';
import { REGIMES, stripControls, type Regime } from './case-format';
import { exemptionsFor, matchProvision } from './exemptions';
import { findPersonalData, type PersonalDataFinding } from './personal-data';
import { requestWords } from './similarity';

export const STANDARD_ANSWER_LIMITS = {
  title: 120,
  text: 20_000,
  tag: 40,
  tags: 12,
  provision: 80,
} as const;

/** An entry as the officer writes it. */
export interface StandardAnswerInput {
  title: string;
  text: string;
  tags: string[];
  regime: Regime | null;
  /** The exemption it goes with ("FOIA s40(2)"), or null. */
  provision: string | null;
}

/** An entry as the library keeps it. */
export interface StandardAnswer extends StandardAnswerInput {
  id: number;
  /** The date it was last checked as still right (ISO); set when written and when marked reviewed. */
  reviewedOn: string;
  addedBy: string;
  addedAt: string;
}

/** An entry as the page shows it: with whether it is due for review. */
export interface StandardAnswerView extends StandardAnswer {
  stale: boolean;
}

export interface StandardAnswerList {
  entries: StandardAnswerView[];
  /** How many the library holds, whatever the search. */
  total: number;
}

export interface StandardAnswerProblem {
  field: 'title' | 'text' | 'tags' | 'provision' | 'regime';
  message: string;
}

const clean = (s: string) => stripControls(s).trim();

/** Tags as kept: trimmed, lower case, no repeats, in the order given. */
export function normaliseTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const tag = clean(t).toLowerCase().replace(/\s+/g, ' ');
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/** "cyber, agency staff; ICT" → ['cyber', 'agency staff', 'ict'] (what the form and the CSV import take). */
export function parseTags(text: string): string[] {
  return normaliseTags(text.split(/[,;]/));
}

/** The entry trimmed and cleaned as it will be stored. */
export function normaliseStandardAnswer(input: StandardAnswerInput): StandardAnswerInput {
  const provision = input.provision === null ? '' : clean(input.provision).replace(/\s+/g, ' ');
  return {
    title: clean(input.title).replace(/\s+/g, ' '),
    text: stripControls(input.text).replace(/\r\n?/g, '\n').trim(),
    tags: normaliseTags(input.tags),
    regime: input.regime,
    provision: provision || null,
  };
}

/** What is wrong with an entry; the form shows these at their fields and the service refuses on them. */
export function standardAnswerProblems(raw: StandardAnswerInput): StandardAnswerProblem[] {
  const input = normaliseStandardAnswer(raw);
  const L = STANDARD_ANSWER_LIMITS;
  const out: StandardAnswerProblem[] = [];
  if (!input.title) out.push({ field: 'title', message: 'Give the standard answer a title' });
  else if (input.title.length > L.title)
    out.push({ field: 'title', message: `The title is too long (at most ${L.title} characters)` });
  if (!input.text) out.push({ field: 'text', message: 'Write the text of the standard answer' });
  else if (input.text.length > L.text)
    out.push({ field: 'text', message: `The text is too long (at most ${L.text} characters)` });
  if (input.tags.length > L.tags) out.push({ field: 'tags', message: `At most ${L.tags} tags` });
  const long = input.tags.find((t) => t.length > L.tag);
  if (long)
    out.push({
      field: 'tags',
      message: `The tag "${long.slice(0, 20)}…" is too long (at most ${L.tag} characters)`,
    });
  if (input.provision && input.provision.length > L.provision)
    out.push({
      field: 'provision',
      message: `The exemption is too long (at most ${L.provision} characters)`,
    });
  if (input.regime && !(REGIMES as readonly string[]).includes(input.regime))
    out.push({ field: 'regime', message: `${String(input.regime)} is not a regime` });
  else if (input.provision && input.regime) {
    // The answer rules' own test (shared/answer-rules.ts): a catalogue provision the regime cannot use.
    const found = matchProvision(input.provision);
    if (found && !exemptionsFor(input.regime).includes(found.entry))
      out.push({
        field: 'provision',
        message: `${input.provision} is not a provision a ${input.regime} case can use`,
      });
  }
  return out;
}

/** The zod schema the contract uses: shapes and hard limits only; the rules above say the rest. */
export const standardAnswerInputSchema = z.strictObject({
  title: z.string().max(STANDARD_ANSWER_LIMITS.title * 2),
  text: z.string().max(STANDARD_ANSWER_LIMITS.text * 2),
  tags: z.array(z.string().max(STANDARD_ANSWER_LIMITS.tag * 2)).max(STANDARD_ANSWER_LIMITS.tags * 2),
  regime: z.enum(REGIMES).nullable(),
  provision: z
    .string()
    .max(STANDARD_ANSWER_LIMITS.provision * 2)
    .nullable(),
});

/**
 * What in an answer bound for the library looks like personal data: email addresses, telephone
 * numbers, postcodes, NHS numbers, and the requester's name and address when saved from a case.
 * Warned about, not removed: a switchboard number can belong in a standard answer.
 */
export function libraryPersonalData(
  input: Pick<StandardAnswerInput, 'title' | 'text'>,
  requester: { name?: string; email?: string; address?: string } = {},
): PersonalDataFinding[] {
  return [...findPersonalData(input.title, requester), ...findPersonalData(input.text, requester)];
}

export interface Insertion {
  text: string;
  /** Where the caret goes: just after the inserted text. */
  caret: number;
}

/**
 * Puts a standard answer's text into an answer being drafted, never replacing what is there: into
 * an empty answer as it is; otherwise at the caret (a selection is kept, the text going after
 * it), as a paragraph of its own (a blank line either side unless at the start or the end).
 * Without a caret, at the end.
 */
export function insertStandardText(
  current: string,
  insert: string,
  caret?: { start: number; end: number },
): Insertion {
  const body = insert.trim();
  if (!current.trim()) return { text: body, caret: body.length };
  const at = caret ? Math.min(Math.max(caret.end, caret.start, 0), current.length) : current.length;
  const before = current.slice(0, at).replace(/[ \t]+$/, '');
  const after = current.slice(at).replace(/^[ \t]+/, '');
  const lead = before === '' ? '' : before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const tail = after === '' ? '' : after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  const text = before + lead + body + tail + after;
  return { text, caret: (before + lead + body).length };
}

/** Why an entry may not suit this case, said before it is inserted (an empty list when it suits). */
export function insertionNotes(
  entry: Pick<StandardAnswer, 'regime' | 'provision' | 'reviewedOn'>,
  regime: Regime,
  today: string,
): string[] {
  const out: string[] = [];
  if (entry.regime && entry.regime !== regime)
    out.push(`This standard answer is written for ${entry.regime} requests; this case is ${regime}.`);
  if (entry.provision) {
    const found = matchProvision(entry.provision);
    if (found && !exemptionsFor(regime).includes(found.entry))
      out.push(`${entry.provision} is not a provision a ${regime} case can use: the exemption is not added.`);
  }
  if (isStale(entry.reviewedOn, today))
    out.push(`Last reviewed ${entry.reviewedOn}: check it is still right before sending.`);
  return out;
}

/** A standard answer not reviewed for a year is flagged: figures and policies go out of date. */
export const REVIEW_AFTER_MONTHS = 12;

export function isStale(reviewedOn: string, today: string): boolean {
  const [y, m, d] = reviewedOn.split('-').map(Number) as [number, number, number];
  const due = `${String(y + REVIEW_AFTER_MONTHS / 12).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return due <= today;
}

/**
 * How well an entry suits a question, 0 when not at all: the question's words found in its title
 * and tags count twice, in its text once, each word once. Used to suggest entries beside a question.
 */
export function suggestionScore(
  questionText: string,
  entry: Pick<StandardAnswer, 'title' | 'text' | 'tags'>,
): number {
  const words = new Set(requestWords(questionText));
  if (words.size === 0) return 0;
  const head = new Set(requestWords(`${entry.title} ${entry.tags.join(' ')}`));
  const body = new Set(requestWords(entry.text));
  let score = 0;
  for (const w of words) score += head.has(w) ? 2 : body.has(w) ? 1 : 0;
  return score;
}

/** Words of a search as the library's LIKE search takes them (each must appear somewhere). */
export function searchTerms(search: string): string[] {
  return [...new Set(clean(search).toLowerCase().split(/\s+/).filter(Boolean))].slice(0, 8);
}
