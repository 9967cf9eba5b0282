/**
 * Splitting a request into its numbered questions, and the editing operations the officer applies
 * to the proposal (split, merge, reorder, indent). Pure functions: the renderer calls them as the
 * officer types, the tests call them directly.
 *
 * How a request is read:
 * - A line that starts with a number label (`1`, `1.`, `1)`, `Q1:`, `Question 1 -`, `1.1.`, `2.1`)
 *   starts a question; a decimal label (`1.2`) is a part of the question it extends (`1`).
 * - A line that starts with a letter or roman label (`(a)`, `a)`, `b.`, `(ii)`) starts a part of the
 *   question above it (numbered `1(a)`, `1(a)(ii)`).
 * - Labels inside a sentence ("(a) are you planning … and (b) by which date?") stay in the text of
 *   their question: they are one question with two limbs, answered together.
 * - Bullets and quote marks in front of a label (`- 1.1.`, `> 2`) are ignored, so a request pasted
 *   from a letter or an email reply reads the same.
 * - Lines without a label continue the question above. A paragraph after the last question that
 *   does not end with "?" (a sign-off, "Many thanks") is left out, and a note says so.
 * - A number repeated among siblings (the FOI 4951 letter quotes 2.1 twice) is given the next free
 *   number, and a note says so.
 * - A request with no labels at all becomes one question per sentence that ends with "?", or one
 *   question holding the whole text.
 *
 * How the proposal is counted ({@link countQuestions}): top-level questions and their parts
 * separately. FOI 4951 gives 2 questions with 4 parts (1.1, 1.2, 2.1, 2.2): the four questions
 * the officer answers, grouped under the two headline questions that introduce them.
 */
import { followSeeReferences } from './answer-rules';
import { MAX_QUESTION_DEPTH, type QuestionData, type QuestionResponse } from './case-format';

export interface Proposal {
  questions: QuestionData[];
  /** Plain sentences about what was adjusted or left out, for the officer to check. */
  notes: string[];
}

interface Label {
  kind: 'decimal' | 'letter' | 'roman';
  /** `1.2` for decimal, `b` for a letter, `ii` for a roman numeral. */
  token: string;
  /** A full stop, bracket, colon or dash followed the label (a bare `2 Does …` has none). */
  delimited: boolean;
  rest: string;
}

interface Node {
  number: string;
  kind: Label['kind'];
  token: string;
  lines: string[];
  parts: Node[];
  parent: Node | null;
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];
// Bullets, quote marks and list dashes that may precede a label.
const LEAD = /^(?:[-*•·‣◦–—>]\s*)+/;
const DECIMAL =
  /^(?:(?:question|qu|q)\s*\.?\s*)?(\d{1,3}(?:\.\d{1,3})*)(?:(\.(?!\d)|\)|:|\s+[-–—](?=\s))\s*|\s+(?=\S))(.*)$/i;
const PAREN_LABEL = /^\(([a-z]{1,4})\)\s*(.*)$/i;
const CLOSE_LABEL = /^([a-z]{1,4})[.)]\s+(.*)$/i;

function normaliseLine(line: string): string {
  return line
    .replace(/\u00a0/g, ' ')
    .replace(/\t/g, ' ')
    .trim();
}

function parseLabel(line: string): Label | null {
  const body = line.replace(LEAD, '');
  const decimal = DECIMAL.exec(body);
  if (decimal) {
    const delimited = decimal[2] !== undefined;
    return { kind: 'decimal', token: decimal[1]!, delimited, rest: (decimal[3] ?? '').trim() };
  }
  const closing = CLOSE_LABEL.exec(body);
  // "A. Requester" signs a letter: a capital with a full stop is an initial, not a label.
  const initial = closing !== null && /^[A-Z]\.$/.test(body.slice(0, 2));
  const lettered = PAREN_LABEL.exec(body) ?? (initial ? null : closing);
  if (lettered) {
    const token = lettered[1]!;
    const lower = token.toLowerCase();
    // "I am writing" is not a label; "A) …" is, and so is "(A)".
    if (ROMAN.includes(lower))
      return { kind: 'roman', token: lower, delimited: true, rest: lettered[2]!.trim() };
    if (/^[a-z]$/i.test(token))
      return { kind: 'letter', token: lower, delimited: true, rest: lettered[2]!.trim() };
  }
  return null;
}

function lastComponent(number: string): number {
  const parts = number.split('.');
  return Number(parts[parts.length - 1]);
}

/** Proposes the numbered questions and parts of a request. See the file comment for the rules. */
export function proposeQuestions(text: string): Proposal {
  const notes: string[] = [];
  const roots: Node[] = [];
  let current: Node | null = null;
  let pendingBlank = false;
  // Paragraphs without a label, held until we know whether another question follows them.
  let held: string[] = [];
  let heldAfterBlank = false;
  let labelled = 0;

  const chain = (node: Node | null): Node[] => {
    const out: Node[] = [];
    for (let n = node; n; n = n.parent) out.push(n);
    return out;
  };

  const flushHeld = () => {
    // A paragraph after a blank line starts a new line in the question's text.
    if (current && held.length)
      current.lines.push(...held.map((l, i) => (i === 0 && heldAfterBlank ? `\n${l}` : l)));
    held = [];
    heldAfterBlank = false;
  };

  const decimalParent = (token: string): Node | null | undefined => {
    const dot = token.lastIndexOf('.');
    if (dot < 0) return null;
    const parentNumber = token.slice(0, dot);
    return chain(current).find((n) => n.kind === 'decimal' && n.token === parentNumber);
  };

  const accept = (label: Label): { parent: Node | null; kind: Label['kind'] } | null => {
    if (label.kind === 'decimal') {
      if (!label.token.includes('.')) {
        const value = Number(label.token);
        const lastTop = roots
          .filter((r) => r.kind === 'decimal')
          .reduce((m, r) => Math.max(m, lastComponent(r.token)), 0);
        if (value < 1) return null;
        if (!label.delimited) {
          // "2 Does your organisation…": a bare number only when it is the next one and starts a sentence.
          if (value !== lastTop + 1 || !/^[A-Z'"‘“(]/.test(label.rest)) return null;
        } else if (value > lastTop + 5) {
          return null;
        }
        return { parent: null, kind: 'decimal' };
      }
      const parent = decimalParent(label.token);
      if (parent) return { parent, kind: 'decimal' };
      // A part whose question was not quoted ("1.1" first): a question of its own.
      if (labelled === 0 || (label.delimited && !current)) return { parent: null, kind: 'decimal' };
      return null;
    }
    if (label.kind === 'roman') {
      const letterAncestor = chain(current).find((n) => n.kind === 'letter');
      const romanSibling = current?.kind === 'roman' ? current : null;
      // (i) after (h) is a letter; after a lettered part it opens a roman list.
      if (label.token === 'i' && current?.kind === 'letter' && current.token === 'h') {
        return accept({ ...label, kind: 'letter' });
      }
      if (romanSibling) return { parent: romanSibling.parent, kind: 'roman' };
      if (letterAncestor) return { parent: letterAncestor, kind: 'roman' };
      if (label.token === 'i' || label.token === 'v' || label.token === 'x') {
        return accept({ ...label, kind: 'letter' });
      }
      const anchor = chain(current).find((n) => n.kind === 'decimal');
      return { parent: anchor ?? null, kind: 'roman' };
    }
    // A letter: a part of the nearest numbered question (or a question of its own when there is none).
    const anchor = chain(current).find((n) => n.kind === 'decimal');
    return { parent: anchor ?? null, kind: 'letter' };
  };

  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const raw of lines) {
    const line = normaliseLine(raw);
    if (line === '') {
      pendingBlank = true;
      continue;
    }
    const label = parseLabel(line);
    const placement = label ? accept(label) : null;
    if (label && placement) {
      flushHeld();
      const node: Node = {
        number: '',
        kind: placement.kind,
        token: label.token,
        lines: label.rest ? [label.rest] : [],
        parts: [],
        parent: placement.parent,
      };
      (placement.parent ? placement.parent.parts : roots).push(node);
      current = node;
      labelled++;
      pendingBlank = false;
      continue;
    }
    if (!current) {
      pendingBlank = false;
      continue;
    }
    if (pendingBlank || held.length) {
      if (pendingBlank && held.length === 0) heldAfterBlank = true;
      held.push(line);
    } else {
      current.lines.push(line);
    }
    pendingBlank = false;
  }
  // Text after the last question: kept only if it reads as part of the question.
  if (held.length) {
    const joined = held.join(' ');
    if (!heldAfterBlank || /\?\s*$/.test(joined)) flushHeld();
    else {
      notes.push(
        `${held.length === 1 ? 'One line' : `${held.length} lines`} after the last question ${held.length === 1 ? 'was' : 'were'} not made part of it (it does not read as a question).`,
      );
      held = [];
    }
  }

  if (labelled === 0) return { questions: fallbackQuestions(text), notes: fallbackNote(text) };

  numberNodes(roots, null, notes);
  const flat = flattenQuestions(roots.map(toQuestion));
  const tooDeep = flat.filter((row) => row.level > MAX_LEVEL);
  if (tooDeep.length) {
    const first = tooDeep[0]!.number;
    const more = tooDeep.length - 1;
    notes.push(
      `${first}${more ? ` and ${more} more part${more === 1 ? '' : 's'}` : ''} went deeper than ${MAX_QUESTION_DEPTH} levels; ${more ? 'they are' : 'it is'} listed at the deepest level, keeping the numbers.`,
    );
  }
  return { questions: nestQuestions(flat), notes };
}

function numberNodes(siblings: Node[], parent: Node | null, notes: string[]): void {
  const used = new Set<string>();
  let previous: string | null = null;
  for (const node of siblings) {
    let number: string;
    if (node.kind === 'decimal') {
      number = node.token;
      if (used.has(number)) {
        const prefix = number.includes('.') ? number.slice(0, number.lastIndexOf('.') + 1) : '';
        let next = lastComponent(previous && /^[\d.]+$/.test(previous) ? previous : number) + 1;
        while (used.has(`${prefix}${next}`)) next++;
        const renumbered = `${prefix}${next}`;
        notes.push(`Question ${number} appears twice in the request; the second is numbered ${renumbered}.`);
        number = renumbered;
        node.token = renumbered;
      }
    } else {
      const label = `(${node.token})`;
      number = parent ? `${parent.number}${label}` : node.token;
      if (used.has(number)) notes.push(`Part ${number} appears twice in the request.`);
    }
    used.add(number);
    node.number = number;
    previous = number;
    numberNodes(node.parts, node, notes);
  }
}

function toQuestion(node: Node): QuestionData {
  // Hard-wrapped lines (an email at 72 characters) join with a space; paragraphs keep their break.
  const text = node.lines.reduce((acc, l) => (l.startsWith('\n') ? acc + l : acc ? `${acc} ${l}` : l), '');
  const out: QuestionData = { number: node.number, text: text.trim() };
  if (node.parts.length) out.parts = node.parts.map(toQuestion);
  return out;
}

function fallbackQuestions(text: string): QuestionData[] {
  const clean = text.replace(/\r\n?/g, '\n').trim();
  if (!clean) return [];
  const sentences = clean
    .replace(/\s+/g, ' ')
    .split(/(?<=\?)\s+/)
    .map((s) => s.trim())
    .filter((s) => s.endsWith('?'));
  if (sentences.length === 0) return [{ number: '1', text: clean }];
  return sentences.map((s, i) => ({ number: String(i + 1), text: stripLeadIn(s) }));
}

/** "Dear Sir, please tell me: how many …?" keeps only the question itself when it follows a greeting line. */
function stripLeadIn(sentence: string): string {
  return sentence.replace(/^(?:dear [^,]{1,60},\s*)/i, '');
}

function fallbackNote(text: string): string[] {
  if (!text.trim()) return [];
  return ['The request has no numbered questions; check the proposal and split it where needed.'];
}

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
