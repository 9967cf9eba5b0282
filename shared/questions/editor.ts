/**
 * The editing operations the officer applies to a proposed or stored question tree (split, merge,
 * reorder, indent), on a flat list of rows; and counting a tree. Pure functions.
 */
import { followSeeReferences } from '../answer-rules';
import { MAX_QUESTION_DEPTH, type QuestionData, type QuestionResponse } from '../case-format';

/** Questions at the top level, and parts at any depth below them. */
export function countQuestions(questions: readonly QuestionData[]): { questions: number; parts: number } {
  let parts = 0;
  const walk = (list: readonly QuestionData[]) => {
    for (const q of list) {
      if (q.parts) {
        parts += q.parts.length;
        walk(q.parts);
      }
    }
  };
  walk(questions);
  return { questions: questions.length, parts };
}

/** "2 questions with 4 parts", "1 question". */
export function describeCount(questions: readonly QuestionData[]): string {
  const { questions: n, parts } = countQuestions(questions);
  const head = `${n} question${n === 1 ? '' : 's'}`;
  return parts ? `${head} with ${parts} part${parts === 1 ? '' : 's'}` : head;
}

// ---------------------------------------------------------------------------------------------
// The editor works on a flat list (each question with its depth), which makes split, merge and
// reorder simple list operations; nestQuestions turns it back into the tree that is stored.

export interface FlatQuestion {
  /** The stored question's stable id; none for a row added (or split off) in this edit. */
  id?: string | undefined;
  /** 0 for a question, 1 for a part, 2 for a part of a part. */
  level: number;
  number: string;
  text: string;
  response?: QuestionResponse | undefined;
}

/** The deepest level the editor gives a row: the tree holds at most MAX_QUESTION_DEPTH levels. */
export const MAX_LEVEL = MAX_QUESTION_DEPTH - 1;

export function flattenQuestions(questions: readonly QuestionData[], level = 0): FlatQuestion[] {
  const out: FlatQuestion[] = [];
  for (const q of questions) {
    const flat: FlatQuestion = { level, number: q.number, text: q.text };
    if (q.id) flat.id = q.id;
    if (q.response) flat.response = q.response;
    out.push(flat);
    if (q.parts) out.push(...flattenQuestions(q.parts, level + 1));
  }
  return out;
}

/**
 * The tree of a flat list; a level deeper than one below the previous row is read as one below,
 * and one deeper than MAX_LEVEL as MAX_LEVEL, so the tree always passes the schema's depth limit.
 */
export function nestQuestions(flat: readonly FlatQuestion[]): QuestionData[] {
  const roots: QuestionData[] = [];
  const stack: QuestionData[] = [];
  for (const row of flat) {
    const level = Math.max(0, Math.min(row.level, stack.length, MAX_LEVEL));
    stack.length = level;
    const q: QuestionData = row.id
      ? { id: row.id, number: row.number, text: row.text }
      : { number: row.number, text: row.text };
    if (row.response) q.response = row.response;
    const parent = stack[level - 1];
    if (parent) (parent.parts ??= []).push(q);
    else roots.push(q);
    stack.push(q);
  }
  return roots;
}

/** Levels made consistent: the first row is a question and no row is more than one below the one above. */
export function normaliseLevels(flat: readonly FlatQuestion[]): FlatQuestion[] {
  let previous = -1;
  return flat.map((row) => {
    const level = Math.max(0, Math.min(row.level, previous + 1, MAX_LEVEL));
    previous = level;
    return { ...row, level };
  });
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Numbers rows as 1, 1.1, 1.1(a): questions count up, parts take the question's number and a dot. */
export function renumberQuestions(flat: readonly FlatQuestion[]): FlatQuestion[] {
  const rows = normaliseLevels(flat);
  const counters: number[] = [];
  const numbers: string[] = [];
  return rows.map((row) => {
    counters.length = row.level + 1;
    counters[row.level] = (counters[row.level] ?? 0) + 1;
    const n = counters[row.level]!;
    let number: string;
    if (row.level === 0) number = String(n);
    else if (row.level === 1) number = `${numbers[0]}.${n}`;
    else number = `${numbers[row.level - 1]}(${LETTERS[(n - 1) % LETTERS.length]})`;
    numbers.length = row.level;
    numbers[row.level] = number;
    return { ...row, number };
  });
}

/** The index just past a row's parts (the end of its subtree). */
export function subtreeEnd(flat: readonly FlatQuestion[], index: number): number {
  const level = flat[index]?.level ?? 0;
  let end = index + 1;
  while (end < flat.length && flat[end]!.level > level) end++;
  return end;
}

/** Splits a row's text at a character offset; the second half becomes a new row at the same level. */
export function splitQuestion(flat: readonly FlatQuestion[], index: number, at: number): FlatQuestion[] {
  const row = flat[index];
  if (!row) return [...flat];
  let cut = at;
  if (cut <= 0 || cut >= row.text.length) cut = sentenceBreak(row.text);
  if (cut <= 0 || cut >= row.text.length) return [...flat];
  const first = { ...row, text: row.text.slice(0, cut).trim() };
  const second: FlatQuestion = { level: row.level, number: '', text: row.text.slice(cut).trim() };
  return renumberQuestions([...flat.slice(0, index), first, second, ...flat.slice(index + 1)]);
}

/** Where to split when no caret position is given: after the first sentence, or at the middle line. */
function sentenceBreak(text: string): number {
  const m = /[?.!](?:["')\]]*)\s+(?=\S)/.exec(text);
  if (m) return m.index + m[0].length;
  const newline = text.indexOf('\n');
  return newline > 0 ? newline + 1 : -1;
}

/** Merges a row with the next row at any level; the next row's answer is dropped (the first one's is kept). */
export function mergeWithNext(flat: readonly FlatQuestion[], index: number): FlatQuestion[] {
  const row = flat[index];
  const next = flat[index + 1];
  if (!row || !next) return [...flat];
  const merged: FlatQuestion = { ...row, text: `${row.text.trim()}\n${next.text.trim()}`.trim() };
  return renumberQuestions([...flat.slice(0, index), merged, ...flat.slice(index + 2)]);
}

/** Moves a row, with its parts, above the previous or below the next row of the same level. */
export function moveQuestion(
  flat: readonly FlatQuestion[],
  index: number,
  direction: -1 | 1,
): FlatQuestion[] {
  const row = flat[index];
  if (!row) return [...flat];
  const end = subtreeEnd(flat, index);
  const block = flat.slice(index, end);
  if (direction === -1) {
    let prev = index - 1;
    while (prev >= 0 && flat[prev]!.level > row.level) prev--;
    if (prev < 0 || flat[prev]!.level !== row.level) return [...flat];
    return renumberQuestions([
      ...flat.slice(0, prev),
      ...block,
      ...flat.slice(prev, index),
      ...flat.slice(end),
    ]);
  }
  const next = flat[end];
  if (!next || next.level !== row.level) return [...flat];
  const nextEnd = subtreeEnd(flat, end);
  return renumberQuestions([
    ...flat.slice(0, index),
    ...flat.slice(end, nextEnd),
    ...block,
    ...flat.slice(nextEnd),
  ]);
}

/** Makes a row (with its parts) a part of the row above, or lifts it one level up. */
export function shiftLevel(flat: readonly FlatQuestion[], index: number, delta: -1 | 1): FlatQuestion[] {
  const row = flat[index];
  if (!row) return [...flat];
  const end = subtreeEnd(flat, index);
  const above = flat[index - 1];
  if (delta === 1 && (!above || row.level + 1 > above.level + 1 || row.level + 1 > MAX_LEVEL))
    return [...flat];
  if (delta === -1 && row.level === 0) return [...flat];
  const shifted = flat.map((r, i) => (i >= index && i < end ? { ...r, level: r.level + delta } : r));
  return renumberQuestions(shifted);
}

/** Removes one row; its parts move up to take its place. */
export function removeQuestion(flat: readonly FlatQuestion[], index: number): FlatQuestion[] {
  const row = flat[index];
  if (!row) return [...flat];
  const end = subtreeEnd(flat, index);
  const rest = flat.map((r, i) => (i > index && i < end ? { ...r, level: r.level - 1 } : r));
  rest.splice(index, 1);
  return renumberQuestions(rest);
}

/** Adds an empty row after a row's parts (or at the end), at the given level. */
export function addQuestion(flat: readonly FlatQuestion[], after: number | null, level = 0): FlatQuestion[] {
  const at = after === null ? flat.length : subtreeEnd(flat, after);
  const row: FlatQuestion = { level, number: '', text: '' };
  return renumberQuestions([...flat.slice(0, at), row, ...flat.slice(at)]);
}

/** What removing a row (or merging it into the row above) would throw away, for the editor to ask first. */
export interface RemovalConsequences {
  /** The number of the row whose answer would be deleted, if it has one. */
  lostAnswer: string | null;
  /** Answers that say "see question N" of the row removed: they would point nowhere. */
  brokenReferences: { fromId: string | undefined; from: string; to: string }[];
}

/**
 * Compares the rows before and after a removal or merge (`dropped` is the index, in `rows`, of the
 * row that goes). `stored` is the tree as saved, which the "see question N" numbers refer to
 * (followSeeReferences); numbers in the result are the ones the officer sees in the editor now.
 */
export function removalConsequences(
  stored: readonly QuestionData[],
  rows: readonly FlatQuestion[],
  next: readonly FlatQuestion[],
  dropped: number,
): RemovalConsequences {
  const row = rows[dropped];
  const lostAnswer = row?.response ? row.number : null;
  const key = (d: { fromId: string | undefined; targetId: string }) => `${d.fromId ?? ''}>${d.targetId}`;
  const already = new Set(followSeeReferences(stored, nestQuestions(rows)).dangling.map(key));
  const numberOf = (id: string | undefined) => rows.find((r) => r.id !== undefined && r.id === id)?.number;
  const brokenReferences = followSeeReferences(stored, nestQuestions(next))
    .dangling.filter((d) => !already.has(key(d)))
    .map((d) => ({
      fromId: d.fromId,
      from: numberOf(d.fromId) ?? d.from,
      to: numberOf(d.targetId) ?? d.target,
    }));
  return { lostAnswer, brokenReferences };
}

/** The rows with the answers of the given ids removed (answers that would point at nothing). */
export function clearAnswers(
  rows: readonly FlatQuestion[],
  ids: readonly (string | undefined)[],
): FlatQuestion[] {
  const clear = new Set(ids.filter((i): i is string => i !== undefined));
  return rows.map((r) => {
    if (!r.id || !clear.has(r.id)) return r;
    const { response: _dropped, ...rest } = r;
    return rest;
  });
}
