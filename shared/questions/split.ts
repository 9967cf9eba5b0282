/**
 * Splitting a request into the questions and parts an officer would log. Pure: the new-case form
 * calls it as the officer types, email intake on the message body, `foi-desk questions` on a file.
 *
 * How a request is read (each rule has a unit test in tests/unit/questions-patterns.test.ts):
 * - The greeting, the sign-off and what follows it (a name, the WhatDoTheyKnow footer) are not
 *   part of the request.
 * - A line that starts with a number label (`1`, `1.`, `1)`, `1.Does`, `Q1:`, `Question 1 -`, `1.1.`)
 *   starts a question; a decimal label (`1.2`) is a part of the question it extends (`1`). A letter or
 *   roman label (`(a)`, `a)`, `b.`, `a.What`, `(ii)`) starts a part of the question above it.
 * - A bullet (`-`, `•`, `◦`…) is not part of the text. Bullets with no question above are
 *   questions; under a question, or indented under another bullet, they are its parts.
 * - A heading ("Intranet Questions", "Section B: Bank staff") starts a section. When the numbering
 *   restarts under each heading, the sections are kept as A, B… with their questions as A.1, A.2;
 *   otherwise the headings are left out. A heading over text that asks nothing ("EXEMPTIONS?") is
 *   left out with that text.
 * - A line ending ":" with no question above it is a stem: the lines after it are its parts (one a
 *   line, usually ending ";"), up to a line ending "?" or the next stem. A stem with nothing of its
 *   own ("Please can you tell me:") over questions is left out and its questions kept.
 * - A numbered list whose items only name things ("Supplier name", "-disabled people") under an
 *   item or stem that introduces a list ("… the following …", "…:") is the columns (or rows) of
 *   that one question: they become its parts and the list is renumbered.
 * - A line "If the answer to 1 is yes please supply:" before numbered items is their condition, not
 *   a question nor part of the question above it; a note says which questions it governs.
 * - Three or more inline labels in one question ("in (a) 2021, (b) 2022 and (c) 2023") are its
 *   parts (its text stays whole); two limbs ("(a) are you planning … and (b) by which date?") stay
 *   in the text, answered together.
 * - Lines without a label continue the question above. Text after the last question is kept only
 *   if it reads as a question; courtesy sentences ending "?" ("Please could you respond as soon as
 *   possible?") are dropped with a note.
 * - A number repeated among siblings is given the next free number, and a note says so.
 * - A request with no labels, bullets or stems is read sentence by sentence: a question ("…?") or a
 *   request ("Can you provide …." / "Please send …") starts a question, a sentence that only narrows
 *   it ("Please break this down by site.") joins it, preambles and courtesies are left out.
 */
import { MAX_QUESTION_DEPTH, type QuestionData } from '../case-format';
import { flattenQuestions, MAX_LEVEL, nestQuestions } from './editor';
import {
  INTERROGATIVE,
  introducesList,
  isBareLeadIn,
  isConditionLine,
  isContinuation,
  isCourtesy,
  isFooterStart,
  isGreeting,
  isHeading,
  isNounPhrase,
  isPreamble,
  isRequestSentence,
  isSignOff,
  quote,
  readLine,
  sentences,
  stripBullet,
  type Line,
} from './reading';

export interface Proposal {
  questions: QuestionData[];
  /** Plain sentences about what was adjusted or left out, for the officer to check. */
  notes: string[];
}

interface Label {
  kind: 'decimal' | 'letter' | 'roman';
  /** "1a.": the number of the question the lettered part belongs to. */
  of?: string;
  /** `1.2` for decimal, `b` for a letter, `ii` for a roman numeral. */
  token: string;
  /** A full stop, bracket, colon or dash followed the label (a bare `2 Does …` has none). */
  delimited: boolean;
  rest: string;
}

type Kind = Label['kind'] | 'bullet' | 'stem' | 'line' | 'sentence';

interface Node {
  number: string;
  kind: Kind;
  token: string;
  bullet: string | null;
  indent: number;
  lines: string[];
  parts: Node[];
  parent: Node | null;
}

interface Section {
  heading: string | null;
  roots: Node[];
  /** Prose under the heading that is not a question (advice, a preference). */
  prose: string[];
  /** The numbered list was regrouped (columns made parts): number the section afresh. */
  sequential: boolean;
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];
const DECIMAL =
  /^(?:(?:question|qu|q)\s*\.?\s*)?(\d{1,3}(?:\.\d{1,3})*)(?:(\.(?!\d)|\)|:|\s+[-–—](?=\s))\s*|\s+(?=\S))(.*)$/i;
const PAREN_LABEL = /^\(([a-z]{1,4})\)\s*(.*)$/i;
// "b. What", "b) What", and "a.What" with no space when a capital follows.
const CLOSE_LABEL = /^([a-z]{1,4})[.)](\s*)(.*)$/i;

const QUESTION_ALONE = /^(?:question|qu|q)\s*\.?\s*(\d{1,3})\s*[.:)]?$/i;
const NUMBER_LETTER = /^(\d{1,3})([a-z])[.):]?\s+(\S.*)$/;

function parseLabel(text: string): Label | null {
  // "Question 1" on a line of its own: the question is on the lines below.
  const alone = QUESTION_ALONE.exec(text);
  if (alone) return { kind: 'decimal', token: alone[1]!, delimited: true, rest: '' };
  const numberLetter = NUMBER_LETTER.exec(text);
  if (numberLetter)
    return {
      kind: 'letter',
      token: numberLetter[2]!,
      of: numberLetter[1]!,
      delimited: true,
      rest: numberLetter[3]!.trim(),
    };
  const decimal = DECIMAL.exec(text);
  if (decimal) {
    const delimited = decimal[2] !== undefined;
    return { kind: 'decimal', token: decimal[1]!, delimited, rest: (decimal[3] ?? '').trim() };
  }
  let closing = CLOSE_LABEL.exec(text);
  if (closing && (closing[3] === '' || (closing[2] === '' && !/^[\p{Lu}"'‘“(]/u.test(closing[3]!))))
    closing = null;
  // "A. Requester" signs a letter: a capital with a full stop is an initial, not a label.
  const initial = closing !== null && /^[A-Z]\.$/.test(text.slice(0, 2));
  const paren = PAREN_LABEL.exec(text);
  const lettered = paren
    ? { token: paren[1]!, rest: paren[2]! }
    : closing && !initial
      ? { token: closing[1]!, rest: closing[3]! }
      : null;
  if (lettered) {
    const token = lettered.token;
    const lower = token.toLowerCase();
    // "I am writing" is not a label; "A) …" is, and so is "(A)".
    if (ROMAN.includes(lower))
      return { kind: 'roman', token: lower, delimited: true, rest: lettered.rest.trim() };
    if (/^[a-z]$/i.test(token))
      return { kind: 'letter', token: lower, delimited: true, rest: lettered.rest.trim() };
  }
  return null;
}

function lastComponent(number: string): number {
  const parts = number.split('.');
  return Number(parts[parts.length - 1]);
}

const textOf = (node: Node) => node.lines.map((l) => l.replace(/^\n/, '')).join(' ');
const asksSomething = (t: string) => /\?["'”’)]*$/.test(t) || INTERROGATIVE.test(stripBullet(t));

/** Proposes the numbered questions and parts of a request. See the file comment for the rules. */
export function proposeQuestions(text: string): Proposal {
  const notes: string[] = [];
  const late: (() => string | null)[] = [];
  const all = text.replace(/\r\n?/g, '\n').split('\n').map(readLine);
  const lines = cutEnds(all, notes);

  const sections: Section[] = [{ heading: null, roots: [], prose: [], sequential: false }];
  let section = sections[0]!;
  let current = null as Node | null;
  let activeStem = null as Node | null;
  let pendingBlank = false;
  let held: string[] = [];
  let heldAfterBlank = false;
  let labelled = 0;
  let condition = null as { text: string; nodes: Node[] } | null;
  // Prose no question took (before the first question, under a heading), by paragraph.
  const prose: { section: Section; lines: string[] }[] = [];
  let proseOpen = false;

  const chain = (node: Node | null): Node[] => {
    const out: Node[] = [];
    for (let n = node; n; n = n.parent) out.push(n);
    return out;
  };
  const add = (node: Node) => {
    (node.parent ? node.parent.parts : section.roots).push(node);
    if (!node.parent && condition) {
      if (asksSomething(textOf(node))) condition = null;
      else condition.nodes.push(node);
    }
    current = node;
    proseOpen = false;
  };
  const make = (kind: Kind, body: string, parent: Node | null, line?: Line, token = ''): Node => ({
    number: '',
    kind,
    token,
    bullet: line?.bullet ?? null,
    indent: line?.indent ?? 0,
    lines: body ? [stripBullet(body)] : [],
    parts: [],
    parent,
  });

  const flushHeld = () => {
    // A paragraph after a blank line starts a new line in the question's text.
    if (current && held.length)
      current.lines.push(...held.map((l, i) => (i === 0 && heldAfterBlank ? `\n${l}` : l)));
    held = [];
    heldAfterBlank = false;
  };

  // Text after the last question of a section: kept only if it reads as part of the question.
  const settleHeld = () => {
    if (!held.length) return;
    if (!heldAfterBlank) return flushHeld();
    const said = sentences(held.join(' '));
    const kept = said.filter((s) => !isCourtesy(s) && !isPreamble(s));
    for (const s of said.filter((x) => !kept.includes(x) && /\?$/.test(x)))
      notes.push(`Dropped the courtesy sentence ${quote(s)} (it asks nothing).`);
    if (kept.length && /\?["'”’)]*$/.test(kept[kept.length - 1]!)) {
      held = [kept.join(' ')];
      return flushHeld();
    }
    if (kept.length)
      notes.push(
        `${held.length === 1 ? 'One line' : `${held.length} lines`} after the last question ${held.length === 1 ? 'was' : 'were'} not made part of it (it does not read as a question).`,
      );
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
        const lastTop = section.roots
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
      // "1.1" then "1.2" with no "1" above them: siblings at the top.
      const prefix = label.token.slice(0, label.token.lastIndexOf('.') + 1);
      if (section.roots.some((r) => r.kind === 'decimal' && r.token.startsWith(prefix)))
        return { parent: null, kind: 'decimal' };
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
      // "i)" read as a letter, then "ii)": it was a roman list all along.
      if (
        label.token === 'ii' &&
        current?.kind === 'letter' &&
        current.token === 'i' &&
        !current.parts.length
      ) {
        const siblings = current.parent ? current.parent.parts : section.roots;
        if (!siblings.some((n) => n.kind === 'letter' && n.token === 'h')) {
          current.kind = 'roman';
          return { parent: current.parent, kind: 'roman' };
        }
      }
      if (letterAncestor) return { parent: letterAncestor, kind: 'roman' };
      if (label.token === 'i' || label.token === 'v' || label.token === 'x') {
        return accept({ ...label, kind: 'letter' });
      }
      const anchor = chain(current).find((n) => n.kind === 'decimal');
      return { parent: anchor ?? null, kind: 'roman' };
    }
    // A letter: a part of the nearest numbered question (or a question of its own when there is none).
    if (label.of !== undefined) {
      const owner = section.roots.find((n) => n.kind === 'decimal' && n.token === label.of);
      if (owner) return { parent: owner, kind: 'letter' };
    }
    const anchor = chain(current).find((n) => n.kind === 'decimal');
    return { parent: anchor ?? null, kind: 'letter' };
  };

  const bulletParent = (line: Line): Node | null => {
    const ancestor = chain(current).find((n) => n.kind === 'bullet' && n.indent <= line.indent);
    if (!ancestor) return current;
    if (ancestor.indent < line.indent) return current;
    // The same indent: a sibling; a different bullet after a blank line starts a list of its own.
    if (ancestor.bullet !== line.bullet && pendingBlank) {
      return chain(ancestor).find((n) => n.kind === 'decimal' || n.kind === 'letter') ?? null;
    }
    return ancestor.parent;
  };

  const nextText = (i: number): Line | undefined => nextWithText(lines, i);
  const startsTopQuestion = (l: Line | undefined) => {
    const label = l ? parseLabel(l.text) : null;
    return label?.kind === 'decimal' && !label.token.includes('.');
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text === '') {
      pendingBlank = true;
      if (activeStem?.parts.length) activeStem = null;
      proseOpen = false;
      continue;
    }
    const label = parseLabel(line.text);
    const placement = label ? accept(label) : null;
    if (label && placement) {
      flushHeld();
      add(make(placement.kind, label.rest, placement.parent, line, label.token));
      // "1. Please provide the following details …:" then lines ending ";": its parts.
      activeStem = /:$/.test(label.rest) ? current : null;
      labelled++;
      pendingBlank = false;
      continue;
    }
    const after = lines[i + 1];
    const nextBlankOrItem =
      !after || after.text === '' || after.bullet !== null || parseLabel(after.text) !== null;
    const afterBlank = i === 0 || lines[i - 1]!.text === '';
    if (!line.bullet && isHeading(line.text, nextBlankOrItem, afterBlank)) {
      settleHeld();
      section = { heading: line.text, roots: [], prose: [], sequential: false };
      sections.push(section);
      current = null;
      activeStem = null;
      condition = null;
      pendingBlank = false;
      proseOpen = false;
      continue;
    }
    if (line.bullet) {
      flushHeld();
      const parent = bulletParent(line);
      add(make('bullet', line.text, parent, line));
      activeStem = null;
      pendingBlank = false;
      continue;
    }
    if (activeStem && activeStem.kind !== 'stem' && (/\?["'”’)]*$/.test(line.text) || pendingBlank)) {
      // After a numbered stem, a question or a new paragraph is the stem's own text again.
      activeStem = null;
    }
    if (activeStem) {
      if (/:$/.test(line.text) && !isConditionLine(line.text)) {
        add(make('stem', line.text, null, line));
        activeStem = current;
      } else if (/\?["'”’)]*$/.test(line.text)) {
        add(make('sentence', line.text, null, line));
        activeStem = null;
      } else {
        const stem: Node = activeStem;
        add(make('line', line.text, stem, line));
        activeStem = stem;
      }
      pendingBlank = false;
      continue;
    }
    if (isConditionLine(line.text) && startsTopQuestion(nextText(i))) {
      flushHeld();
      condition = { text: line.text, nodes: [] };
      const c = condition;
      late.push(() => {
        const ns = c.nodes.map((n) => n.number);
        if (!ns.length) return `Read ${quote(c.text, 60)} as a condition, not as a question.`;
        const which = ns.length === 1 ? `question ${ns[0]}` : `questions ${ns[0]}–${ns[ns.length - 1]}`;
        return `Read ${quote(c.text, 60)} as the condition for ${which}, not as a question.`;
      });
      current = null;
      pendingBlank = false;
      continue;
    }
    if (!current) {
      // "… please provide the following information" with no colon, over bullets, is a stem too.
      const overBullets = after?.bullet != null && introducesList(line.text);
      if ((/:$/.test(line.text) || overBullets) && !isConditionLine(line.text)) {
        add(make('stem', line.text, null, line));
        activeStem = current;
      } else {
        if (!proseOpen || pendingBlank) prose.push({ section, lines: [] });
        prose[prose.length - 1]!.lines.push(line.text);
        proseOpen = true;
      }
      pendingBlank = false;
      continue;
    }
    if (pendingBlank || held.length) {
      if (pendingBlank && held.length === 0) heldAfterBlank = true;
      held.push(line.text);
    } else {
      current.lines.push(line.text);
    }
    pendingBlank = false;
  }
  settleHeld();

  const withQuestions = sections.filter((s) => s.roots.length > 0);
  if (withQuestions.length === 0) {
    const proposal = readProse(prose, notes);
    // Only a heading-like line ("Car parking charges"): that line is the request.
    const own = lines.filter((l) => l.text !== '').map((l) => l.text);
    if (proposal.questions.length === 0 && own.length > 0)
      return { questions: [{ number: '1', text: own.join('\n') }], notes };
    return proposal;
  }

  for (const s of sections) {
    if (s.heading !== null && s.roots.length === 0) {
      const under = prose.some((p) => p.section === s);
      notes.push(
        under
          ? `Left out the heading ${quote(s.heading)} and the text under it (it asks nothing).`
          : `Left out the heading ${quote(s.heading)}.`,
      );
    }
    if (s.roots.length) {
      regroupColumns(s, late);
      settleStems(s, notes);
    }
  }
  for (const p of prose) {
    if (p.section.heading !== null) continue;
    for (const s of sentences(p.lines.join(' ')))
      if (/\?["'”’)]*$/.test(s)) notes.push(`Dropped the opening question ${quote(s)} (it asks nothing).`);
  }
  visit(
    sections.flatMap((s) => s.roots),
    inlineParts,
  );

  // Sections under headings are kept when the numbering restarts in each of them.
  const tops = (s: Section) => s.roots.filter((r) => r.kind === 'decimal').map((r) => lastComponent(r.token));
  const restarts =
    withQuestions.length >= 2 &&
    withQuestions.every((s) => s.heading !== null) &&
    withQuestions.some(
      (s, i) => i > 0 && Math.min(...tops(s), Infinity) <= Math.max(...tops(withQuestions[i - 1]!), 0),
    );
  let questions: QuestionData[];
  if (restarts) {
    questions = withQuestions.map((s, i) => {
      const letter = String.fromCharCode(65 + (i % 26));
      numberNodes(s.roots, null, notes, s.sequential);
      visit(s.roots, (n) => (n.number = `${letter}.${n.number}`));
      return { number: letter, text: s.heading!, parts: s.roots.map(toQuestion) };
    });
  } else {
    const headed = withQuestions.filter((s) => s.heading !== null).map((s) => quote(s.heading!));
    if (headed.length)
      notes.push(
        `Left out the heading${headed.length === 1 ? '' : 's'} ${headed.join(', ')} (the numbering runs on across ${headed.length === 1 ? 'it' : 'them'}).`,
      );
    const roots = withQuestions.flatMap((s) => s.roots);
    numberNodes(
      roots,
      null,
      notes,
      withQuestions.some((s) => s.sequential),
    );
    questions = roots.map(toQuestion);
  }
  for (const s of withQuestions) runOnNotes(s.roots, late);
  for (const f of late) {
    const note = f();
    if (note) notes.push(note);
  }

  const flat = flattenQuestions(questions);
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

function nextWithText(lines: readonly Line[], i: number): Line | undefined {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.text !== '') return lines[j];
  return undefined;
}

/** The lines of the request without the greeting, the sign-off and what follows it. */
function cutEnds(all: Line[], notes: string[]): Line[] {
  let end = all.length;
  for (let i = 0; i < all.length; i++) {
    const l = all[i]!;
    const next = nextWithText(all, i)?.text;
    if (isFooterStart(l.text, next)) {
      notes.push('Left out the WhatDoTheyKnow footer.');
      end = i;
      break;
    }
    if (!l.bullet && isSignOff(l.text) && !parseLabel(l.text)) {
      notes.push(`Left out the sign-off from ${quote(l.text)} on.`);
      end = i;
      break;
    }
  }
  const lines = all.slice(0, end);
  const first = lines.findIndex((l) => l.text !== '');
  if (first >= 0 && isGreeting(lines[first]!.text)) lines[first] = { ...lines[first]!, text: '' };
  return lines;
}

/** Items that only name things, under an item that introduces a list, become its parts. */
function regroupColumns(section: Section, late: (() => string | null)[]): void {
  const roots = section.roots;
  for (let i = 0; i < roots.length; i++) {
    const head = roots[i]!;
    if (head.parts.length || !introducesList(textOf(head))) continue;
    let j = i + 1;
    while (j < roots.length) {
      const r = roots[j]!;
      // A column names a thing ("Supplier name"); an item ending in a full stop is a sentence
      // of its own, asked for ("The total amount spent on agency nursing staff.").
      if (r.kind !== 'decimal' || r.parts.length || !isNounPhrase(textOf(r)) || /\.["'”’)]*$/.test(textOf(r)))
        break;
      j++;
    }
    if (j - i - 1 < 2) continue;
    const moved = roots.splice(i + 1, j - i - 1);
    const first = moved[0]!.token;
    const last = moved[moved.length - 1]!.token;
    for (const m of moved) {
      m.kind = 'line';
      m.parent = head;
      head.parts.push(m);
    }
    section.sequential = true;
    late.push(
      () =>
        `Treated items ${first}–${last} of the numbered list as parts of question ${head.number} (they list what it asks about), and renumbered the questions.`,
    );
  }
}

/** Stems: one with nothing of its own over questions is left out; one with no parts is context. */
function settleStems(section: Section, notes: string[]): void {
  const roots = section.roots;
  for (let i = 0; i < roots.length; i++) {
    const stem = roots[i]!;
    if (stem.kind !== 'stem') continue;
    const text = textOf(stem);
    const bare = isBareLeadIn(text);
    if (stem.parts.length === 0) {
      roots.splice(i--, 1);
      if (!bare) notes.push(`Left out the opening ${quote(text)}; it introduces the questions after it.`);
      continue;
    }
    if (bare && stem.parts.every((p) => asksSomething(textOf(p)))) {
      for (const p of stem.parts) {
        p.parent = null;
        if (p.kind === 'line') p.kind = 'sentence';
      }
      roots.splice(i, 1, ...stem.parts);
      i += stem.parts.length - 1;
      notes.push(`Left out the lead-in ${quote(text)}; the questions under it are numbered on their own.`);
    } else if (stem.parts.every((p) => p.kind === 'line' && p.token === '')) {
      const n = stem.parts.length;
      notes.push(
        `Treated the ${n === 1 ? 'line' : `${n} lines`} after ${quote(text)} as ${n === 1 ? 'its part' : 'its parts'}.`,
      );
    }
  }
}

const INLINE = /(^|[\s,;:–—-])(\(?)([a-zA-Z]|\d{1,2})\)\s+/g;
const REMARK = /\s*\((?:nb|n\.b\.|note|please|see|i\.e\.|e\.g\.)\b[^)]*\)\s*$/i;

/**
 * "in (a) 2021, (b) 2022 and (c) 2023?", "provide (1) … (2) … and (3) …": three or more inline
 * labels in order, in one style, are the parts of their question (a number only in brackets).
 */
export function inlineSplit(text: string): { token: string; numbered: boolean; text: string }[] | null {
  const found: { token: string; style: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(INLINE)) {
    const token = m[3]!;
    const digit = /\d/.test(token);
    if (digit && m[2] !== '(') continue;
    const style = `${m[2]}${digit ? 'd' : token === token.toUpperCase() ? 'U' : 'l'}`;
    found.push({ token, style, start: m.index + m[1]!.length, end: m.index + m[0].length });
  }
  const style = found[0]?.style;
  const same = found.filter((f) => f.style === style);
  const expectedToken = (i: number) => (style?.endsWith('d') ? String(i + 1) : String.fromCharCode(97 + i));
  const run = same.filter((f, i) => f.token.toLowerCase() === expectedToken(i));
  if (run.length < 3 || run.length !== same.length) return null;
  return run.map((f, i) => {
    const next = run[i + 1];
    let body = text.slice(f.end, next ? next.start : text.length).trim();
    body = body.replace(/[\s,;]*(?:\b(?:and|or)\b)?[\s,;]*$/i, '');
    if (!next)
      body = body
        .replace(/[?.!]+$/, '')
        .replace(REMARK, '')
        .replace(/[?.!]+$/, '')
        .trim();
    return { token: f.token.toLowerCase(), numbered: style!.endsWith('d'), text: body };
  });
}

function inlineParts(node: Node): void {
  if (node.parts.length || node.kind === 'line') return;
  const parts = inlineSplit(textOf(node));
  if (!parts) return;
  node.parts = parts.map((p) => ({
    number: '',
    kind: p.numbered ? ('line' as const) : ('letter' as const),
    token: p.numbered ? '' : p.token,
    bullet: null,
    indent: 0,
    lines: [p.text],
    parts: [],
    parent: node,
  }));
}

/** "6. … tenders and/or" then "7. any suppliers …": a sentence broken across two items. */
function runOnNotes(roots: Node[], late: (() => string | null)[]): void {
  for (let i = 1; i < roots.length; i++) {
    const prev = roots[i - 1]!;
    const node = roots[i]!;
    const before = textOf(prev);
    const own = textOf(node);
    const brokenOff =
      /(?:\band\/or|\band|\bor|,|\bthe|\bof|\bto|\bany)$/i.test(before) &&
      !/[;,]\s*(?:and|or)$/i.test(before);
    if (/^[a-z]/.test(own) && brokenOff) {
      late.push(
        () =>
          `Question ${node.number} (${quote(own, 32)}) reads as the end of question ${prev.number}'s sentence; merge them if so.`,
      );
    }
  }
}

function visit(nodes: Node[], f: (n: Node) => void): void {
  for (const n of nodes) {
    f(n);
    visit(n.parts, f);
  }
}

function numberNodes(siblings: Node[], parent: Node | null, notes: string[], sequential: boolean): void {
  const used = new Set<string>();
  let previous: string | null = null;
  let counter = 0;
  for (const node of siblings) {
    let number: string;
    if (node.kind === 'letter' || node.kind === 'roman') {
      number = parent ? `${parent.number}(${node.token})` : node.token;
      if (used.has(number)) notes.push(`Part ${number} appears twice in the request.`);
    } else if (node.kind === 'decimal' && !sequential) {
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
      counter = Math.max(counter, lastComponent(number));
    } else {
      counter++;
      const at = (n: number) => (parent ? `${parent.number}.${n}` : String(n));
      while (used.has(at(counter))) counter++;
      number = at(counter);
    }
    used.add(number);
    node.number = number;
    previous = number;
    numberNodes(node.parts, node, notes, sequential);
  }
}

function toQuestion(node: Node): QuestionData {
  // Hard-wrapped lines (an email at 72 characters) join with a space; paragraphs keep their break.
  const text = node.lines.reduce((acc, l) => (l.startsWith('\n') ? acc + l : acc ? `${acc} ${l}` : l), '');
  const out: QuestionData = { number: node.number, text: text.trim() };
  if (node.parts.length) out.parts = node.parts.map(toQuestion);
  return out;
}

/** A request with no labels, bullets or stems: one question per request sentence. */
function readProse(prose: { section: Section; lines: string[] }[], notes: string[]): Proposal {
  const paragraphs = prose
    .filter((p) => !(p.section.heading ?? '').endsWith('?'))
    .map((p) => p.lines.join(' '));
  const clean = paragraphs.join('\n').trim();
  if (!clean) return { questions: [], notes };
  const found: string[][] = [];
  const own: string[] = [
    'The request has no numbered questions; check the proposal and split it where needed.',
  ];
  for (const paragraph of paragraphs) {
    let open: string[] | null = null;
    for (const raw of sentences(paragraph)) {
      const s = raw.replace(/^(?:dear [^,]{1,60}|hello|hi|good (?:morning|afternoon))\s*,\s*/i, '');
      if (!s) continue;
      if (isPreamble(s)) {
        own.push(`Left out the preamble ${quote(s)} (it asks nothing).`);
        continue;
      }
      if (isCourtesy(s)) {
        if (/\?$/.test(s)) own.push(`Dropped the courtesy sentence ${quote(s)} (it asks nothing).`);
        continue;
      }
      const last: string[] | undefined = found[found.length - 1];
      if (isContinuation(s) && last) {
        last.push(s);
        continue;
      }
      if (isRequestSentence(s)) {
        open = [s];
        found.push(open);
        continue;
      }
      if (open) open.push(s);
      else own.push(`Left out ${quote(s)} (it asks nothing).`);
    }
  }
  if (found.length === 0)
    return { questions: [{ number: '1', text: clean }], notes: [...own.slice(0, 1), ...notes] };
  const questions = found.map((q, i): QuestionData => {
    const number = String(i + 1);
    const text = q.join(' ');
    const parts = inlineSplit(text);
    if (!parts) return { number, text };
    const sub = parts.map((p, k) => ({
      number: p.numbered ? `${number}.${k + 1}` : `${number}(${p.token})`,
      text: p.text,
    }));
    return { number, text, parts: sub };
  });
  return { questions, notes: [...own, ...notes] };
}
