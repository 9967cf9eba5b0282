/**
 * Similar requests (issue #14): what makes two requests alike, and what their likeness means in
 * law. Pure: the words and document frequencies come from the case file's FTS5 word index
 * (db/queries/similar.ts), the working days from the statutory calendar.
 *
 * The score is how much of this request's distinctive vocabulary the other request uses, weighted
 * by rarity across the register (a word in every request, such as "trust", weighs nearly nothing),
 * balanced by how much of the other request that shared vocabulary is: two copies of a round-robin
 * score 100, a short request inside a long one scores lower than an equal pair.
 *
 * Flags:
 * - the same requester with a similar request within 60 working days: the costs of both may be
 *   aggregated for the appropriate limit (FOIA s12(4) and reg 5 of the Freedom of Information and
 *   Data Protection (Appropriate Limit and Fees) Regulations 2004: requests "by one person, or by
 *   different persons who appear to the public authority to be acting in concert or in pursuance of
 *   a campaign", "to any extent, for the same or similar information", received within 60 working
 *   days of each other);
 * - different requesters with a near-identical request within 60 working days: they may be acting
 *   in concert (the same aggregation, but only on evidence: the officer decides);
 * - the same requester with an identical or substantially similar request after an earlier one was
 *   answered: a repeated request (FOIA s14(2)) unless a reasonable interval has passed.
 */

/** Words that say nothing about what is asked for: grammar, courtesy and the law's own words. */
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had has
  have having he her here hers herself him himself his how i if in into is it its itself just me
  more most my myself no nor not now of off on once only or other our ours ourselves out over own same
  she should so some such than that the their theirs them themselves then there these they this those
  through to too under until up very was we were what when where which while who whom why will with
  much many make made use used uses using get got give given take taken put also still since
  would you your yours yourself yourselves yes per via etc ie eg re dear sir madam regards kind many
  thanks thank sincerely faithfully please provide request requesting requested information
  freedom act foi foia eir sar under section regulation regulations disclose disclosure copy copies
  held hold holds following details detail whether know like let able may might must shall
  trust organisation authority council body board nhs foundation year years date dates number numbers
  total list breakdown including include includes included respect regard regarding relation relating
  related current currently last each every one two three four five six seven eight nine ten
  january february march april may june july august september october november december`
    .split(/\s+/)
    .filter(Boolean),
);

/** The words of a text as the FTS5 word index folds them (case and accents), stop words left out. */
export function requestWords(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const out: string[] = [];
  for (const word of folded.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (word.length < 3 && !/^\d{2}$/.test(word)) continue;
    if (STOP_WORDS.has(word)) continue;
    out.push(word);
  }
  return out;
}

/** The distinct words of a request, most frequent first (then in order of appearance). */
export function distinctWords(text: string, max = 200): string[] {
  const counts = new Map<string, number>();
  for (const w of requestWords(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([w]) => w);
}

/** How rare a word is across `total` requests of which `docs` contain it (never below zero). */
export function rarity(docs: number, total: number): number {
  return Math.log(1 + Math.max(total, 1) / Math.max(docs, 1));
}

export interface Likeness {
  /** 0–100. */
  score: number;
  /** The words both requests use, rarest first. */
  matched: string[];
}

/**
 * How alike two requests are. `weight` gives each word of `mine` its rarity; words of `theirs`
 * unknown to it weigh as the rarest of mine (they are in the register, so they have a weight; a
 * word only the other request has counts against it as an unmatched word).
 */
export function likeness(
  mine: readonly string[],
  theirs: readonly string[],
  weight: (w: string) => number,
): Likeness {
  if (mine.length === 0 || theirs.length === 0) return { score: 0, matched: [] };
  const theirSet = new Set(theirs);
  let all = 0;
  let shared = 0;
  const matched: { word: string; w: number }[] = [];
  for (const word of mine) {
    const w = weight(word);
    all += w;
    if (theirSet.has(word)) {
      shared += w;
      matched.push({ word, w });
    }
  }
  if (all === 0 || matched.length === 0) return { score: 0, matched: [] };
  const coverMine = shared / all;
  const coverTheirs = matched.length / theirSet.size;
  const score = Math.round(100 * Math.sqrt(coverMine * Math.min(1, coverTheirs)));
  // Rarest first; among equally rare words, words before numbers and longer before shorter.
  const order = (a: { word: string; w: number }, b: { word: string; w: number }) =>
    b.w - a.w ||
    Number(/\p{L}/u.test(b.word)) - Number(/\p{L}/u.test(a.word)) ||
    b.word.length - a.word.length ||
    a.word.localeCompare(b.word);
  return { score, matched: matched.sort(order).map((m) => m.word) };
}

/** Below this a case is not shown as similar at all. */
export const SIMILAR_MIN_SCORE = 25;
/** Requests this alike from one requester count as "the same or similar information" (reg 5). */
export const AGGREGATE_MIN_SCORE = 35;
/** Requests this alike from different requesters may be a campaign (acting in concert). */
export const CONCERT_MIN_SCORE = 75;
/** Requests this alike from one requester are identical or substantially similar (s14(2)). */
export const REPEAT_MIN_SCORE = 80;
/** Reg 5(2) of the Fees Regulations: requests received within 60 working days of each other. */
export const AGGREGATION_WORKING_DAYS = 60;

export type SimilarFlagKind = 'aggregation' | 'concert' | 'repeated';

export interface SimilarFlag {
  kind: SimilarFlagKind;
  message: string;
}

export interface SimilarPair {
  score: number;
  sameRequester: boolean;
  /** Working days between the two dates received (either order, never negative). */
  workingDaysApart: number;
  /** The other case was received before this one. */
  otherEarlier: boolean;
  /** The other case has been answered (closed with a response). */
  otherAnswered: boolean;
  /** The regimes of this case and the other (aggregation is a FOIA/EIR cost-limit rule). */
  regime: string;
  otherRegime: string;
}

const COST_LIMIT_REGIMES = new Set(['FOIA', 'EIR', 'FOISA', 'EISR']);

/** What the likeness of two requests may mean for this one, in the officer's words. */
export function similarFlags(p: SimilarPair): SimilarFlag[] {
  const flags: SimilarFlag[] = [];
  const within = p.workingDaysApart <= AGGREGATION_WORKING_DAYS;
  const costed = COST_LIMIT_REGIMES.has(p.regime) && COST_LIMIT_REGIMES.has(p.otherRegime);
  if (costed && within && p.sameRequester && p.score >= AGGREGATE_MIN_SCORE) {
    flags.push({
      kind: 'aggregation',
      message: `Same requester, similar request ${p.workingDaysApart} working days apart: the costs may be aggregated (FOIA s12(4); Fees Regulations 2004 reg 5).`,
    });
  }
  if (costed && within && !p.sameRequester && p.score >= CONCERT_MIN_SCORE) {
    flags.push({
      kind: 'concert',
      message: `Another requester asked nearly the same ${p.workingDaysApart} working days apart: if they are acting in concert or in a campaign the costs may be aggregated (Fees Regulations 2004 reg 5(2)); that needs evidence.`,
    });
  }
  if (p.sameRequester && p.otherEarlier && p.otherAnswered && p.score >= REPEAT_MIN_SCORE) {
    flags.push({
      kind: 'repeated',
      message:
        'Same requester, substantially similar request already answered: a repeated request (FOIA s14(2)) unless a reasonable interval has passed.',
    });
  }
  return flags;
}
