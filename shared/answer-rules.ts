/**
 * What an answer to one question needs, by outcome and regime. The answer form shows these
 * problems at their fields; `cases:set-response`, `cases:set-questions` and the import refuse on
 * the same list, so an exempt answer without an exemption can never be stored.
 */
import type { QuestionData, QuestionResponse, Regime } from './case-format';
import { formatUkDate, type IsoDate } from './dates';
import { sarTimeLimitLaw } from './letter/legal';
import { exemptionsFor, likelihoodsFor, matchProvision, needsPublicInterestTest, testOf } from './exemptions';

export interface AnswerProblem {
  /** Where, in the response: `outcome`, `seeQuestion`, `link`, `exemptions`, `exemptions[0].reason` … */
  field: string;
  message: string;
}

export const OUTCOMES_WITH_EXEMPTIONS = ['exempt', 'part-exempt', 'ncnd'] as const;

export function needsExemptions(outcome: string): boolean {
  return (OUTCOMES_WITH_EXEMPTIONS as readonly string[]).includes(outcome);
}

export interface AnswerContext {
  regime: Regime;
  /** This question's number. */
  number: string;
  /** Every question number in the case (parts included). */
  numbers: readonly string[];
}

/**
 * The EIR reg 12(5) exceptions apply only where disclosure "would adversely affect" the interest:
 * more probable than not, a higher bar than FOIA's "would be likely to prejudice". Choosing "would
 * be likely to" for one of them states the wrong test, so the answer form and every write path
 * (cases:set-response, cases:set-questions, the import) refuse it with this message, and a letter
 * built from an answer stored before the rule says so in its warnings.
 */
export function adverseEffectProblem(provision: string, likelihood: string | undefined): string | undefined {
  if (likelihood !== 'would be likely to') return undefined;
  const found = matchProvision(provision);
  if (!found || testOf(found.entry, found.subsection?.ref) !== 'adverse-effect') return undefined;
  return `${provision.trim()} is an EIR regulation 12(5) exception: it applies only where disclosure would adversely affect the interest, so "would be likely to" (the FOIA prejudice test) is the wrong test; choose "would"`;
}

/**
 * A SAR extension is given by notice within the first month (UK GDPR Article 12(3) before
 * 5 February 2026, Article 12A from then): a notice recorded after the one-month date cannot
 * extend the time. `firstMonthDue` is the clock's one-month date (statutoryDue) before the event;
 * null while the clock is stopped. `cases:add-event` refuses on this; the clock also ignores such
 * a notice with a warning, which is what an imported history (a real late notice) shows.
 */
export function sarExtensionProblem(
  event: { type: string; date: IsoDate },
  firstMonthDue: IsoDate | null,
): string | undefined {
  if (event.type !== 'sar-extension' || firstMonthDue === null || event.date <= firstMonthDue)
    return undefined;
  const provision = sarTimeLimitLaw(event.date).provision;
  return `A subject access extension must be notified within the first month, by ${formatUkDate(firstMonthDue)} (UK GDPR ${provision}); a notice on ${formatUkDate(event.date)} cannot extend the time`;
}

export function responseProblems(response: QuestionResponse, context: AnswerContext): AnswerProblem[] {
  const out: AnswerProblem[] = [];
  const { outcome } = response;
  if (outcome === 'see-other') {
    const target = response.seeQuestion?.trim() ?? '';
    if (!target) out.push({ field: 'seeQuestion', message: 'Say which answer to see' });
    else if (target === context.number)
      out.push({ field: 'seeQuestion', message: 'An answer cannot point to its own question' });
    else if (!context.numbers.includes(target))
      out.push({ field: 'seeQuestion', message: `There is no question ${target} in this case` });
  }
  if (outcome === 'published' && !response.link?.trim())
    out.push({ field: 'link', message: 'Give the link to the published information' });
  const exemptions = response.exemptions ?? [];
  if (!needsExemptions(outcome)) {
    if (exemptions.length > 0)
      out.push({
        field: 'exemptions',
        message: 'Only a withheld answer (exempt, part exempt, NCND) has exemptions',
      });
    return out;
  }
  if (exemptions.length === 0) out.push({ field: 'exemptions', message: 'Add the exemption that applies' });
  const catalogue = exemptionsFor(context.regime);
  for (const [i, ex] of exemptions.entries()) {
    const n = exemptions.length > 1 ? ` ${i + 1}` : '';
    const at = `exemptions[${i}]`;
    if (!ex.provision.trim()) out.push({ field: `${at}.provision`, message: `Choose exemption${n}` });
    if (!ex.reason.trim()) out.push({ field: `${at}.reason`, message: `Explain why exemption${n} applies` });
    const found = matchProvision(ex.provision);
    if (found && !catalogue.includes(found.entry)) {
      out.push({
        field: `${at}.provision`,
        message: `${ex.provision} is not a provision a ${context.regime} case can use`,
      });
      continue;
    }
    // A provision outside the catalogue is taken as the officer wrote it: qualified, no likelihood rule.
    const subsection = found?.subsection?.ref;
    if (found) {
      const allowed = likelihoodsFor(found.entry, subsection);
      const adverse = adverseEffectProblem(ex.provision, ex.likelihood);
      if (adverse) out.push({ field: `${at}.likelihood`, message: adverse });
      else if (allowed.length > 0 && !ex.likelihood)
        out.push({ field: `${at}.likelihood`, message: `Say how likely the harm is for exemption${n}` });
      else if (ex.likelihood && allowed.length > 0 && !allowed.includes(ex.likelihood))
        out.push({
          field: `${at}.likelihood`,
          message: `"${ex.likelihood}" is not the test for exemption${n}: it needs "${allowed.join('" or "')}"`,
        });
    }
    if (!found || needsPublicInterestTest(found.entry, subsection)) {
      if (!found && !ex.publicInterest) continue;
      const pi = ex.publicInterest;
      if (!pi || pi.forDisclosure.filter((f) => f.trim()).length === 0)
        out.push({
          field: `${at}.publicInterest.forDisclosure`,
          message: `Give the public interest factors in favour of disclosure for exemption${n}`,
        });
      if (!pi || pi.forWithholding.filter((f) => f.trim()).length === 0)
        out.push({
          field: `${at}.publicInterest.forWithholding`,
          message: `Give the public interest factors in favour of withholding for exemption${n}`,
        });
      if (!pi || !pi.conclusion.trim())
        out.push({
          field: `${at}.publicInterest.conclusion`,
          message: `Give the conclusion of the public interest test for exemption${n}`,
        });
    }
  }
  return out;
}

/** Every question number in a tree, parts included, in order. */
export function questionNumbers(list: readonly QuestionData[]): string[] {
  const out: string[] = [];
  const walk = (qs: readonly QuestionData[]) => {
    for (const q of qs) {
      out.push(q.number);
      if (q.parts) walk(q.parts);
    }
  };
  walk(list);
  return out;
}

/** The problems of every answer in a question tree, each prefixed with its question ("Question 2: …"). */
export function questionTreeProblems(list: readonly QuestionData[], regime: Regime): AnswerProblem[] {
  const numbers = questionNumbers(list);
  const out: AnswerProblem[] = [];
  const seen = new Set<string>();
  const walk = (qs: readonly QuestionData[], path: string) => {
    for (const [i, q] of qs.entries()) {
      const at = `${path}[${i}]`;
      if (seen.has(q.number))
        out.push({ field: `${at}.number`, message: `Question ${q.number}: the number is used twice` });
      seen.add(q.number);
      if (q.response)
        for (const p of responseProblems(q.response, { regime, number: q.number, numbers }))
          out.push({ field: `${at}.response.${p.field}`, message: `Question ${q.number}: ${p.message}` });
      if (q.parts) walk(q.parts, `${at}.parts`);
    }
  };
  walk(list, 'questions');
  return out;
}

/** A "see question N" answer whose question an edit of the tree removes. */
export interface DanglingReference {
  /** The id (if it has one) and number, after the edit, of the question whose answer points away. */
  fromId: string | undefined;
  from: string;
  /** The id and number, before the edit, of the question it pointed at. */
  targetId: string;
  target: string;
}

export interface FollowedReferences {
  /** The tree after the edit, each "see question N" rewritten to its question's new number. */
  questions: QuestionData[];
  dangling: DanglingReference[];
  /** One problem per dangling reference, worded as questionTreeProblems words its own. */
  problems: AnswerProblem[];
}

/**
 * Carries "see question N" answers across an edit of the question tree, so that renumbering never
 * makes an answer point at a different question (remove question 2 and the old question 3, now 2,
 * must not say "see the answer to question 2"). `before` is the tree as stored and `after` the tree
 * as edited, both with ids. A reference names a question by its number in `before` (the numbering
 * the officer saw when editing) and is rewritten to the number the question with that id has in
 * `after`; when no question in `after` has that id, the reference is dangling. A number `before`
 * does not have is left as written, for questionTreeProblems to judge on the new tree.
 */
export function followSeeReferences(
  before: readonly QuestionData[],
  after: readonly QuestionData[],
): FollowedReferences {
  const idByOldNumber = new Map<string, string>();
  const walkBefore = (qs: readonly QuestionData[]) => {
    for (const q of qs) {
      if (q.id) idByOldNumber.set(q.number.trim(), q.id);
      if (q.parts) walkBefore(q.parts);
    }
  };
  walkBefore(before);
  const newNumberById = new Map<string, string>();
  const walkAfter = (qs: readonly QuestionData[]) => {
    for (const q of qs) {
      if (q.id) newNumberById.set(q.id, q.number.trim());
      if (q.parts) walkAfter(q.parts);
    }
  };
  walkAfter(after);

  const dangling: DanglingReference[] = [];
  const problems: AnswerProblem[] = [];
  const rewrite = (qs: readonly QuestionData[], path: string): QuestionData[] =>
    qs.map((q, i) => {
      const at = `${path}[${i}]`;
      let out: QuestionData = q.parts ? { ...q, parts: rewrite(q.parts, `${at}.parts`) } : q;
      const r = q.response;
      const target = r?.outcome === 'see-other' ? r.seeQuestion?.trim() : undefined;
      const targetId = target ? idByOldNumber.get(target) : undefined;
      if (r && target && targetId) {
        const now = newNumberById.get(targetId);
        if (now === undefined) {
          dangling.push({ fromId: q.id, from: q.number, targetId, target });
          problems.push({
            field: `${at}.response.seeQuestion`,
            message: `Question ${q.number}: the answer says to see the answer to question ${target}, which this change removes. Change or clear that answer first`,
          });
        } else if (now !== target) {
          const response = { ...r, seeQuestion: now };
          if (r.text !== undefined) response.text = renumberMentions(r.text, target, now);
          out = { ...out, response };
        }
      }
      return out;
    });
  return { questions: rewrite(after, 'questions'), dangling, problems };
}

/**
 * "Please see the answer to question 2." in the text of a "see question 2" answer says the same
 * as its number (the FOI 2774 letter has it so), so it follows the number: "question 2" becomes
 * "question 1", and "question 2.1" or "question 2(a)", other questions, stay as written.
 */
function renumberMentions(text: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(
    new RegExp(`(\\bquestion\\s+)${escaped}(?![\\d(]|\\.\\d)`, 'gi'),
    (_, lead: string) => lead + to,
  );
}

/** The ids in a question tree, parts included, in order (questions without one are skipped). */
export function questionIds(list: readonly QuestionData[]): string[] {
  const out: string[] = [];
  const walk = (qs: readonly QuestionData[]) => {
    for (const q of qs) {
      if (q.id) out.push(q.id);
      if (q.parts) walk(q.parts);
    }
  };
  walk(list);
  return out;
}
