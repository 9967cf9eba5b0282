/**
 * How the splitter reads single lines and sentences of a request: greetings, sign-offs and the
 * WhatDoTheyKnow footer; headings; sentences that ask for something, sentences that only add to the
 * one before, and courtesy or preamble sentences that ask nothing (even when they end with "?").
 * Pure functions over plain text; `split.ts` decides what to do with the answers.
 */

/** A line of the request, with what the splitter needs to know about its start. */
export interface Line {
  /** 1-based line number in the text as given, for notes. */
  no: number;
  /** The text, trimmed, with a leading bullet and quote marks taken off. */
  text: string;
  /** The bullet character the line started with, if any (`-`, `•`, `◦`, `*`…). */
  bullet: string | null;
  /** Leading spaces (a tab counts as four), for nested bullets. */
  indent: number;
}

const QUOTE = /^(?:>\s*)+/;
const BULLET = /^([-*•·‣◦▪■●○–—])(?:\s+|(?=[\p{L}\d"'‘“(]))/u;

export function readLine(raw: string, no: number): Line {
  const expanded = raw.replace(/\u00a0/g, ' ').replace(/\t/g, '    ');
  const indent = expanded.length - expanded.trimStart().length;
  let text = expanded.trim().replace(QUOTE, '');
  let bullet: string | null = null;
  const b = BULLET.exec(text);
  if (b) {
    bullet = b[1]!;
    text = text.slice(b[0].length);
  }
  // Word's second-level bullet "o" (and "◦", "▪") sits under the first even when pasted flush left.
  const o = bullet === null && /^o\s+(?=\S)/.exec(text);
  if (o) {
    bullet = 'o';
    text = text.slice(o[0].length);
  }
  const sub = bullet === 'o' || bullet === '◦' || bullet === '▪';
  return { no, text: text.replace(/\s+/g, ' ').trim(), bullet, indent: indent + (sub ? 2 : 0) };
}

/** Takes a leading bullet or dash off a question's own text ("2. -disabled people"). */
export function stripBullet(text: string): string {
  return text.replace(/^[-*•·‣◦▪■●○–—]\s*(?=[\p{L}\d"'‘“(])/u, '');
}

const GREETING =
  /^(?:dear\b.{0,60}|hello\b.{0,40}|hi\b.{0,40}|good (?:morning|afternoon|evening)\b.{0,40}|to whom it may concern|greetings)[,:!.]?$/i;
export function isGreeting(text: string): boolean {
  return GREETING.test(text) && text.split(/\s+/).length <= 8 && !/\?$/.test(text);
}

const SIGN_OFF =
  /^(?:yours (?:faithfully|sincerely|truly)|(?:with )?(?:kind(?:est)?|best|warm(?:est)?|many) regards|regards|many thanks(?: in advance)?|thanks(?: again| in advance| very much)?|thank you(?: very much)?(?: in advance| for your (?:help|time|assistance))?|best wishes|all the best|cheers)\b[^a-z0-9]*$/i;
export function isSignOff(text: string): boolean {
  return SIGN_OFF.test(text);
}

/** The first line of the footer WhatDoTheyKnow adds to every request, or of its dashed rule. */
export function isFooterStart(text: string, next: string | undefined): boolean {
  if (/^please use this email address for all replies to this request/i.test(text)) return true;
  return (
    /^-{10,}$/.test(text) && next !== undefined && /all replies to this request|whatdotheyknow/i.test(next)
  );
}

const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'or',
  'of',
  'the',
  'to',
  'in',
  'on',
  'for',
  'by',
  'with',
  'at',
  'from',
]);

/**
 * A heading: a short line that does not read as a sentence ("Intranet Questions", "Section A:
 * Agency staff", "EXEMPTIONS?"). `beforeItem` says whether a question starts on the next line.
 */
export function isHeading(text: string, nextBlankOrItem: boolean, afterBlank = false): boolean {
  if (!text || text.length > 60 || /[.,;:]$/.test(text)) return false;
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 8) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  const shouting = letters.length >= 3 && letters === letters.toUpperCase();
  if (/\?$/.test(text) && !shouting && words.length > 1) return false;
  if (/^(?:section|part)\s+[A-Z0-9]{1,3}\b/i.test(text)) return true;
  if (shouting) return true;
  const significant = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  const capitalised = significant.filter((w) => /^[\p{Lu}\d]/u.test(w.replace(/^[^\p{L}\d]+/u, '')));
  if (!nextBlankOrItem || significant.length === 0) return false;
  // "Body-worn video" between blank lines is a heading in sentence case.
  const addressed =
    /\b(?:i|me|my|we|us|our|you|your)\b/i.test(text) || REQUEST_START.test(text) || INTERROGATIVE.test(text);
  if (afterBlank && words.length <= 6 && /^[\p{Lu}]/u.test(text) && !/\?$/.test(text) && !addressed)
    return true;
  return capitalised.length / significant.length >= 0.6;
}

const ABBREVIATIONS =
  /(?:\b(?:e\.g|i\.e|ie|eg|etc|mr|mrs|ms|dr|st|no|nos|vs|approx|inc|ltd|cf|incl|ref)|\b\p{L})\.$/iu;

/** Sentences of a paragraph: cut after . ? ! outside brackets, not after an abbreviation or initial. */
export function sentences(paragraph: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i]!;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if ((c === '.' || c === '?' || c === '!') && depth === 0) {
      let end = i + 1;
      while (end < paragraph.length && /["'”’)\]]/.test(paragraph[end]!)) end++;
      const after = paragraph.slice(end);
      if (!/^\s+["'“‘(]?[\p{Lu}\d]/u.test(after)) continue;
      if (c === '.') {
        // The last few characters are enough, with the one before them for the word boundary.
        const from = Math.max(start, i - 15);
        const before = from > start ? paragraph[from - 1]! : ' ';
        if (ABBREVIATIONS.test(before + paragraph.slice(from, i + 1))) continue;
      }
      out.push(paragraph.slice(start, end).trim());
      start = end;
    }
  }
  const last = paragraph.slice(start).trim();
  if (last) out.push(last);
  return out;
}

const COURTESY = [
  /\b(?:respond|reply|answer)\b[^.?!]{0,40}\b(?:as soon as|promptly|within|at your earliest|quickly)/i,
  /\b(?:confirm|acknowledge)\b[^.?!]{0,30}\breceipt\b/i,
  /\backnowledge (?:this|my) (?:request|email|letter)\b/i,
  /\b(?:look(?:ing)? forward|hear(?:ing)? (?:back )?from you|thank(?:s| you)|many thanks|appreciate (?:your|it|any)|(?:do not|don't) hesitate|contact me|get in touch)\b/i,
  /\bif you (?:need|require|have)\b[^.?!]{0,40}\b(?:clarif|question|further|more information)/i,
  /\b(?:prefer|preferably|preferred)\b/i,
  /\b(?:the|this|all|any) information\b[^.?!]{0,40}\b(?:format|by e-?mail|spreadsheet|electronic|machine[- ]readable)/i,
  /\balready (?:published|available|in the public domain)\b/i,
  /\bif (?:any|some|part|parts|all) of (?:this|the|my) (?:information|request)\b[^.?!]{0,30}\b(?:exempt|withheld|refused|not held|cannot)/i,
  /\b(?:need|require) (?:more|extra|additional) time\b|\bextension of time\b/i,
  /\bhope (?:you are|you're|this finds|all is)\b/i,
  /\b(?:appropriate|cost) limit\b|\badvice and assistance\b|\bsection 16\b/i,
  /\bas soon as possible\b[^.?!]{0,10}[?.!]?$/i,
];

/** A sentence that asks for nothing: thanks, "please respond soon", a format preference, an offer to clarify. */
export function isCourtesy(sentence: string): boolean {
  return COURTESY.some((re) => re.test(sentence));
}

const PREAMBLE = [
  /^i(?:['’]m| am)\s+(?:writing|making|submitting|sending|a\s|an\s|researching|working|currently|interested)\b/i,
  /^i(?:['’]d| would)? ?(?:like|wish|want) to (?:make|submit|request information|ask for information)\b/i,
  /^i (?:write|make|submit)\b/i,
  /\b(?:treat|consider|accept|process) (?:this|my) (?:e-?mail |letter |message )?as an? (?:request|freedom|foi|formal)/i,
  /^(?:this is|this e-?mail is|please accept this as) an? (?:request|freedom|foi|formal)/i,
  /^i (?:would like|wish) to request the following information\b/i,
  /^(?:under|in accordance with|pursuant to) the (?:freedom|environmental|foi|eir)\b[^,]*,?\s*(?:i|we)\s+(?:would|am|wish|should|hereby|request)\b[^?]*(?:the following|information|details)\s*[.:]?$/i,
];

/** An opening that says a request is being made but asks nothing itself. */
export function isPreamble(sentence: string): boolean {
  return PREAMBLE.some((re) => re.test(sentence));
}

export const INTERROGATIVE =
  /^(?:what|how|who|whom|whose|which|when|where|why|is|are|was|were|do|does|did|has|have|had|can|could|would|will|should|shall|may|might|must)\b/i;
const REQUEST_START =
  /^(?:please|kindly|could you|can you|would you|will you|(?:may|might|could|can) i|i(?: would|['’]d)?(?: also| further| additionally| now)? (?:like|wish|want|request|ask)|i am (?:also )?requesting|i would (?:also )?be grateful (?:if|for)|provide|send|supply|give|tell|list|confirm|state|share|disclose|detail|explain|describe|identify|indicate|advise)\b/i;
// "If so, …", "Under the Act, …", "In addition, …" in front of the request itself.
const LEAD_CLAUSE =
  /^(?:if (?:so|yes|not|applicable)|if [^,]{1,120}|under [^,]{1,80}|in addition|additionally|also|finally|furthermore|secondly|thirdly|lastly|further(?:more)?|separately)\s*,\s*/i;

/** A sentence that asks for something: a question, or "Please provide …." / "Can you send …." */
export function isRequestSentence(sentence: string): boolean {
  if (isCourtesy(sentence) || isPreamble(sentence)) return false;
  if (/\?["'”’)]*$/.test(sentence)) return true;
  const body = sentence.replace(LEAD_CLAUSE, '');
  return REQUEST_START.test(body) || INTERROGATIVE.test(body);
}

const CONTINUATION = [
  /^(?:please )?(?:break|split) (?:this|these|it|them|the (?:figures?|information|data|numbers?|totals?)) (?:down|by)\b/i,
  /^(?:broken|split) down by\b/i,
  /^(?:this|these|that|it|they|the (?:figures?|information|data)) (?:should|must|may|can|will|would) (?:include|cover|be)\b/i,
  /^(?:this|these) (?:includes?|covers?|means?)\b/i,
  /^(?:including|to include|for example|for instance|e\.g\.|i\.e\.|by this i mean|by ["'‘“]|where possible|if possible|ideally|that is\b)/i,
  /^please (?:give|provide|state|express|show) (?:the|this|these|each) (?:figures?|information|data|answers?|amounts?|totals?) (?:in|as|for|by|separately)\b/i,
];

/** A sentence that only narrows the request before it ("Please break this down by hospital site."). */
export function isContinuation(sentence: string): boolean {
  return CONTINUATION.some((re) => re.test(sentence));
}

/** A line that sets a condition on the questions after it ("If the answer to 1 is yes please supply:"). */
export function isConditionLine(text: string): boolean {
  return /^(?:if|where|should|in the event|in cases where|only if)\b/i.test(text) && /:$/.test(text);
}

/** A line that introduces a list ("… please provide:", "Are the following entitled … – indicate Y or N"). */
export function introducesList(text: string): boolean {
  if (/\?["'”’)]*$/.test(text)) return false;
  return /:$/.test(text) || /\b(?:the following|indicate y(?:es)? or n(?:o)?|as follows)\b/i.test(text);
}

/** An item that names a thing rather than asks (a column of a table, a category): "Supplier name". */
export function isNounPhrase(text: string): boolean {
  const t = stripBullet(text).trim();
  if (!t || /[?:]["'”’)]*$/.test(t)) return false;
  if (INTERROGATIVE.test(t) || REQUEST_START.test(t)) return false;
  if (sentences(t).length > 1) return false;
  return t.split(/\s+/).length <= 10;
}

const FORMULA = new Set(
  (
    'under the freedom of information act 2000 2002 2004 environmental regulations scotland foi foia ' +
    'eir foisa please could can would will you kindly provide supply send give tell let know me us ' +
    'with a an copy copies following detail details data i like to request requesting in addition ' +
    'also further and information for answer question questions reply respond by these this below ' +
    'listed as follow follows about on regarding relating related grateful if be me:'
  ).split(' '),
);

/** A lead-in with nothing of its own in it ("Please can you tell me:", "In addition, please supply:"). */
export function isBareLeadIn(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\d/ ]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0 && !FORMULA.has(w));
  return words.length < 2;
}

/** The start of a text for a note: "Please could you respond…". */
export function quote(text: string, max = 48): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return `'${t}'`;
  const cut = t.slice(0, max).replace(/\s+\S*$/, '');
  return `'${cut || t.slice(0, max)}…'`;
}
