/**
 * Builds a response letter from a case, its organisation and a template. Pure: the date is passed
 * in, nothing is read from outside, and the same input gives the same letter. Everything in the
 * letter comes from the case and the organisation, so nothing is typed twice; the officer then
 * edits the result in the editor.
 */
import type {
  CaseRecord,
  Organisation,
  QuestionData,
  QuestionResponse,
  AppliedExemption,
} from '../case-format';
import { formatLongDate, type IsoDate } from '../dates';
import {
  paragraph,
  type BlockNode,
  type DocNode,
  type InlineNode,
  type ListItemNode,
  type ParagraphNode,
  type ParagraphRole,
} from './doc';
import { letterFileName } from './file-name';
import { adverseEffectProblem } from '../answer-rules';
import {
  costLimit,
  describeExemption,
  hasPublicInterestTest,
  lawValues,
  questionList,
  recordedExemptions,
  regimeProfile,
  reviewWindow,
} from './legal';
import { literalParagraphs, markupToBlocks } from './markup';
import type { PlaceholderValues } from './placeholders';
import { feeProblem, feeValues, type LetterSignatory } from './signatory';
import {
  paragraphText,
  type LetterDocument,
  type LetterLayout,
  type LetterMeta,
  type LetterTemplate,
  type StandardParagraph,
} from './template';
import { stripBidiControlsDeep } from './bidi';
import type { S12LetterValues } from '../s12';

export interface BuildLetterInput {
  case: CaseRecord;
  organisation: Organisation;
  template: LetterTemplate;
  /** The standard paragraphs in force (the team's, falling back to the shipped defaults). */
  paragraphs: readonly StandardParagraph[];
  /** The date the letter bears, ISO. */
  date: IsoDate;
  /** From the clock: the public interest extension's or the SAR extension's new date. */
  estimatedDate?: IsoDate;
  /** From the clock: when the response is due (acknowledgements name it). */
  dueDate?: IsoDate;
  /** Overrides the template's layout. */
  layout?: LetterLayout;
  /**
   * Extra placeholder values the officer supplies for this letter (`fee`, `clarificationNeeded`…).
   * They fill placeholders the case cannot; they never replace a value taken from the case.
   */
  values?: Readonly<Record<string, string>>;
  /**
   * For an internal review or reconsideration: the original request it reviews, whose reference
   * and response date the outcome letter names (the review case's `reviewOf`).
   */
  original?: { reference: string; responded?: IsoDate | undefined };
  /** Who signs (signatory.ts resolveSignatory); the case's own signatory when absent. */
  signatory?: LetterSignatory | undefined;
  /** "Our Ref" from the team's pattern (signatory.ts ourRefFor); the case's when absent. */
  ourRef?: string | undefined;
  /** Warnings found while gathering the context (an "Our Ref" pattern that could not be filled). */
  contextWarnings?: readonly string[];
  /**
   * The cost limit from Settings and the case's s12 worksheet (shared/s12.ts s12LetterValues): the
   * limit, hours and rate, and when estimated the estimate, aggregation and advice. The worksheet is
   * the record of the estimate, so its wording wins over the same fields typed as letter details.
   */
  cost?: S12LetterValues | undefined;
}

function signatoryOf(
  input: BuildLetterInput,
): { name: string; title: string; initials?: string } | undefined {
  return input.signatory ?? input.case.signatory;
}

function ourRefOf(input: BuildLetterInput): string {
  return input.ourRef ?? input.case.ourRef ?? input.case.reference;
}

/** Outcomes that withhold something and so need a refusal notice (FOIA s17, EIR reg 14, FOISA s16). */
const WITHHOLDING = new Set<QuestionResponse['outcome']>(['exempt', 'part-exempt', 'ncnd']);
/** Parts of parts of parts are flattened beyond this; letters never go deeper. */
const MAX_QUESTION_DEPTH = 6;

function isWithheld(q: QuestionData, depth = 0): boolean {
  if (q.response && WITHHOLDING.has(q.response.outcome)) return true;
  if (depth >= MAX_QUESTION_DEPTH) return false;
  return (q.parts ?? []).some((p) => isWithheld(p, depth + 1));
}

/** True when any answer in the case withholds information. */
export function withholdsInformation(c: CaseRecord): boolean {
  return c.questions.some((q) => isWithheld(q));
}

function hasAnyResponse(q: QuestionData, depth = 0): boolean {
  if (q.response) return true;
  if (depth >= MAX_QUESTION_DEPTH) return false;
  return (q.parts ?? []).some((p) => hasAnyResponse(p, depth + 1));
}

/** "1" → "1.", while "1.1" and "2(a)" are printed as written. */
export function questionLabel(number: string): string {
  const n = number.trim();
  return /^\d+$/.test(n) ? `${n}.` : n;
}

function joinNonEmpty(parts: (string | undefined)[], sep: string): string | undefined {
  const kept = parts.map((p) => p?.trim()).filter((p): p is string => !!p);
  return kept.length > 0 ? kept.join(sep) : undefined;
}

/** The name and address printed above the letter; e-mail when there is no postal address. */
export function recipientLines(c: CaseRecord): string[] {
  const r = c.requester;
  const lines = [r.name.trim()];
  if (r.organisation?.trim()) lines.push(r.organisation.trim());
  const address = (r.address ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (address.length > 0) lines.push(...address);
  else if (r.email?.trim()) lines.push(`By email: ${r.email.trim()}`);
  return lines;
}

/** For running prose: "Law enforcement" → "law enforcement", but "NHS…" stays as it is. */
function lowerFirst(value: string): string {
  return /^[A-Z][a-z]/.test(value) ? value.charAt(0).toLowerCase() + value.slice(1) : value;
}

/** "the Information Rights & Compliance Team": whom a request for review goes to. */
function reviewContact(o: Organisation): string {
  const team = o.team?.trim();
  if (!team) return 'the Freedom of Information Office';
  return /^the\s/i.test(team) ? team : `the ${team}`;
}

/** Every value a template can name. Documented for teams in templates/README.md. */
export function letterValues(input: BuildLetterInput): Record<string, string | undefined> {
  const c = input.case;
  const o = input.organisation;
  const profile = regimeProfile(c.regime, o.jurisdiction);
  const cost = input.cost
    ? { limit: input.cost.costLimit, hours: input.cost.costHours, rate: input.cost.costRate }
    : costLimit(c.regime);
  const exemptions = new Map<string, string>();
  const collect = (q: QuestionData, depth: number) => {
    for (const ex of q.response?.exemptions ?? []) {
      const info = describeExemption(ex.provision, c.regime);
      const title = ex.title ?? info.title;
      const label = title ? `${lowerFirst(info.section)} (${lowerFirst(title)})` : lowerFirst(info.section);
      exemptions.set(label.toLowerCase(), label);
    }
    if (depth < MAX_QUESTION_DEPTH) (q.parts ?? []).forEach((p) => collect(p, depth + 1));
  };
  c.questions.forEach((q) => collect(q, 0));

  const computed: Record<string, string | undefined> = {
    reference: c.reference,
    ourRef: ourRefOf(input),
    regime: c.regime,
    received: formatLongDate(c.received),
    receivedIso: c.received,
    date: formatLongDate(input.date),
    dateIso: input.date,
    estimatedDate: input.estimatedDate ? formatLongDate(input.estimatedDate) : undefined,
    dueDate: input.dueDate ? formatLongDate(input.dueDate) : undefined,
    subject: c.subject,
    act: profile.act,
    actShort: profile.actShort,
    requestKind: profile.requestKind,
    refusalProvision: profile.refusalProvision,
    internalReviewWindow: reviewWindow(c.regime, o.internalReviewWindow, o.jurisdiction),
    reviewContact: reviewContact(o),
    exemptions: exemptions.size > 0 ? [...exemptions.values()].join('; ') : undefined,
    costLimit: cost.limit,
    costHours: cost.hours,
    costRate: cost.rate,
    enclosures: joinNonEmpty(c.enclosures ?? [], '; '),
    'requester.name': c.requester.name,
    'requester.email': c.requester.email,
    'requester.organisation': c.requester.organisation,
    'requester.address': joinNonEmpty((c.requester.address ?? '').split(/\r?\n/), ', '),
    'organisation.name': o.name,
    'organisation.team': o.team,
    'organisation.address': joinNonEmpty(o.addressLines, ', '),
    'organisation.telephone': o.telephone,
    'organisation.fax': o.fax,
    'organisation.directLine': o.directLine,
    'organisation.email': o.email,
    'organisation.website': o.website,
    'signatory.name': signatoryOf(input)?.name,
    'signatory.title': signatoryOf(input)?.title,
    'signatory.initials': signatoryOf(input)?.initials,
    // The law on the letter's date and the exemptions recorded (shared/letter/legal.ts).
    ...lawValues(c, input.date),
    'original.reference': input.original?.reference,
    'original.responded': input.original?.responded ? formatLongDate(input.original.responded) : undefined,
    ...feeValues(c.fee),
    ...(c.letterDetails ?? {}),
    costEstimate: input.cost?.costEstimate ?? c.letterDetails?.costEstimate,
    aggregation: input.cost?.aggregation ?? c.letterDetails?.aggregation,
    adviceAndAssistance: input.cost?.adviceAndAssistance ?? c.letterDetails?.adviceAndAssistance,
  };
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(input.values ?? {})) out[k] = v;
  for (const [k, v] of Object.entries(computed)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

class Builder {
  readonly out: BlockNode[] = [];
  readonly warnings: string[] = [];
  private readonly missing = new Set<string>();
  private readonly paragraphs: Map<string, StandardParagraph>;

  constructor(
    readonly input: BuildLetterInput,
    readonly values: Record<string, string | undefined>,
  ) {
    this.paragraphs = new Map(input.paragraphs.map((p) => [p.id, p]));
  }

  get regime() {
    return this.input.case.regime;
  }

  /** Emits a standard paragraph; returns the blocks it made (none when the regime leaves it out). */
  standard(id: string, extra?: PlaceholderValues): BlockNode[] {
    const p = this.paragraphs.get(id);
    if (!p) {
      this.warnings.push(`The standard paragraph "${id}" is missing from the paragraph set.`);
      const blocks = [paragraph([{ type: 'text', text: `[Standard paragraph "${id}" is missing]` }])];
      this.out.push(...blocks);
      return blocks;
    }
    return this.markup(paragraphText(p, this.regime), p.role, extra);
  }

  markup(source: string, role?: ParagraphRole, extra?: PlaceholderValues): BlockNode[] {
    const values = extra ? { ...this.values, ...extra } : this.values;
    const result = markupToBlocks(source, values, role);
    result.missing.forEach((m) => this.missing.add(m));
    this.out.push(...result.blocks);
    return result.blocks;
  }

  literal(value: string, role?: ParagraphRole, footnotes?: readonly string[]): ParagraphNode[] {
    const blocks = literalParagraphs(value, role, footnotes);
    this.out.push(...blocks);
    return blocks;
  }

  finishWarnings(): string[] {
    for (const name of this.missing) this.warnings.push(`The placeholder {{${name}}} has no value yet.`);
    return this.warnings;
  }

  // -- questions --------------------------------------------------------------------------------

  questionText(q: QuestionData, depth: number): void {
    const role: ParagraphRole = depth === 0 ? 'question' : 'question-part';
    const paras = literalParagraphs(q.text, role);
    const label = questionLabel(q.number);
    // The number and a tab start the first paragraph; later paragraphs start with a tab so they
    // line up with the text under the style's hanging indent.
    if (paras.length === 0) paras.push(paragraph([], role));
    paras.forEach((p, index) => {
      const lead = index === 0 ? `${label}\t` : '\t';
      p.content = prependText(lead, p.content ?? []);
    });
    this.out.push(...paras);
  }

  questionTree(q: QuestionData, depth: number): void {
    this.questionText(q, depth);
    if (depth < MAX_QUESTION_DEPTH) (q.parts ?? []).forEach((p) => this.questionTree(p, depth + 1));
  }

  /**
   * answer-after-each: the question, its parts, then the answer. A part with no answer of its own
   * is covered by its parent's answer (Walton's 1.1 and 1.2 are answered under question 1).
   */
  questionAndAnswer(q: QuestionData, depth: number, covered = false): void {
    this.questionText(q, depth);
    const parts = depth < MAX_QUESTION_DEPTH ? (q.parts ?? []) : [];
    parts.forEach((p) => this.questionAndAnswer(p, depth + 1, covered || q.response !== undefined));
    if (q.response) this.answer(q.response, q);
    else if (!covered && !parts.some((p) => hasAnyResponse(p))) this.missingAnswer(q);
  }

  /** request-then-answers: each answer under its question number. */
  answerOnly(q: QuestionData, depth: number, covered = false): void {
    const parts = depth < MAX_QUESTION_DEPTH ? (q.parts ?? []) : [];
    if (q.response) {
      this.standard('answers.label', { 'question.number': q.number.trim() });
      this.answer(q.response, q);
    } else if (!covered && !parts.some((p) => hasAnyResponse(p))) {
      this.standard('answers.label', { 'question.number': q.number.trim() });
      this.missingAnswer(q);
    }
    parts.forEach((p) => this.answerOnly(p, depth + 1, covered || q.response !== undefined));
  }

  missingAnswer(q: QuestionData): void {
    this.warnings.push(`Question ${q.number} has no answer.`);
    this.standard('answer.missing', { 'question.number': q.number.trim() });
  }

  answer(r: QuestionResponse, q: QuestionData): void {
    const start = this.out.length;
    const footnotes = r.footnotes ?? [];
    const local: Record<string, string | undefined> = {
      'question.number': q.number.trim(),
      seeQuestion: r.seeQuestion?.trim(),
      link: r.link?.trim(),
    };
    if (r.heldStatement?.trim()) this.literal(r.heldStatement, 'answer');
    let footnotesPlaced = false;
    if (r.text?.trim()) {
      this.literal(r.text, 'answer', footnotes);
      footnotesPlaced = true;
      if (r.outcome === 'published' && r.link?.trim()) this.standard('answer.link', local);
    } else {
      switch (r.outcome) {
        case 'not-held':
          this.standard('answer.not-held', local);
          break;
        case 'see-other':
          if (!r.seeQuestion)
            this.warnings.push(`Question ${q.number} refers to another answer but does not say which.`);
          this.standard('answer.see-other', local);
          break;
        case 'published':
          if (!r.link) this.warnings.push(`Question ${q.number} is answered as published but has no link.`);
          this.standard('answer.published', local);
          break;
        case 'ncnd':
          this.standard('answer.ncnd', local);
          break;
        case 'exempt':
          if (!r.heldStatement?.trim()) this.standard('answer.exempt', local);
          break;
        case 'part-exempt':
          if (!r.heldStatement?.trim()) this.standard('answer.part-exempt', local);
          break;
        case 'provided':
          this.warnings.push(`Question ${q.number} is answered as provided but has no answer text.`);
          this.standard('answer.missing', local);
          break;
      }
    }
    if (!footnotesPlaced && footnotes.length > 0) this.attachFootnotes(start, footnotes);

    const exemptions = r.exemptions ?? [];
    if (WITHHOLDING.has(r.outcome) && exemptions.length === 0) {
      this.warnings.push(`Question ${q.number} withholds information but names no exemption.`);
    }
    exemptions.forEach((ex) => this.exemption(ex, q));
  }

  /** Footnotes of an answer with no text of its own go on the last paragraph the answer printed. */
  attachFootnotes(start: number, footnotes: readonly string[]): void {
    const notes: InlineNode[] = footnotes.map((text) => ({ type: 'footnote', attrs: { text } }));
    for (let i = this.out.length - 1; i >= start; i -= 1) {
      const block = this.out[i];
      if (block?.type === 'paragraph') {
        block.content = [...(block.content ?? []), ...notes];
        return;
      }
    }
    this.out.push(paragraph(notes, 'answer'));
  }

  exemption(ex: AppliedExemption, q: QuestionData): void {
    const info = describeExemption(ex.provision, this.regime);
    const title = ex.title?.trim() || info.title;
    // Neither confirm nor deny: the harm, the provision and the public interest are about saying
    // whether the information is held (FOIA s1(1)(a), s2(1)(b)), not about disclosing it.
    const ncnd = q.response?.outcome === 'ncnd';
    const local: Record<string, string | undefined> = {
      'question.number': q.number.trim(),
      'exemption.provision': ex.provision,
      'exemption.section': info.section,
      'exemption.title': title,
      'exemption.name': title ? `${info.section} – ${title}` : info.section,
      'exemption.likelihood': ex.likelihood,
      'exemption.ncnd': info.ncnd,
    };
    this.standard('exemption.heading', local);
    if (ex.reason.trim()) this.literal(ex.reason);
    else this.warnings.push(`Question ${q.number}: ${info.section} has no reasons given.`);
    const adverse = adverseEffectProblem(ex.provision, ex.likelihood);
    if (adverse) this.warnings.push(`Question ${q.number}: ${adverse}.`);
    if (ex.likelihood || (ncnd && info.adverseEffect))
      this.standard(ncnd ? 'exemption.ncnd-likelihood' : 'exemption.likelihood', local);
    if (ncnd) {
      if (info.ncnd || this.regime === 'FOISA' || this.regime === 'FOISA-REVIEW')
        this.standard('exemption.ncnd-provision', local);
      else if (hasPublicInterestTest(this.regime))
        this.warnings.push(
          `Question ${q.number}: ${info.section} has no provision that excludes the duty to confirm or deny.`,
        );
    }

    if (!hasPublicInterestTest(this.regime)) return;
    if (info.kind === 'absolute') {
      // An absolute exemption has no public interest test; printing one would misstate the law.
      if (ex.publicInterest) {
        this.warnings.push(
          `Question ${q.number}: ${info.section} is an absolute exemption, so its public interest test is left out.`,
        );
      }
      this.standard(ncnd ? 'exemption.ncnd-absolute' : 'exemption.absolute', local);
      return;
    }
    const pi = ex.publicInterest;
    if (!pi) {
      if (info.kind === 'qualified') {
        this.warnings.push(
          `Question ${q.number}: ${info.section} is qualified but has no public interest test.`,
        );
        this.standard('exemption.pit-missing', local);
      }
      return;
    }
    this.standard('exemption.pit-heading', local);
    this.standard(ncnd ? 'exemption.ncnd-pit-intro' : 'exemption.pit-intro', local);
    this.standard(ncnd ? 'exemption.ncnd-pit-for' : 'exemption.pit-for', local);
    this.factors(pi.forDisclosure, local);
    this.standard(ncnd ? 'exemption.ncnd-pit-against' : 'exemption.pit-against', local);
    this.factors(pi.forWithholding, local);
    if (pi.conclusion.trim()) this.literal(pi.conclusion);
    else
      this.warnings.push(
        `Question ${q.number}: the public interest test for ${info.section} has no conclusion.`,
      );
  }

  /**
   * The `exemptions` block: each exemption recorded on the case once, with the questions it covers
   * and the reasons recorded for it (s17(1)(a)–(c)); no public interest test.
   */
  exemptionReasons(): void {
    const c = this.input.case;
    const recorded = recordedExemptions(c.questions, c.regime);
    if (recorded.length === 0) {
      this.warnings.push('The case records no exemption, so the letter names none.');
      return;
    }
    for (const r of recorded) {
      const title = r.info.title;
      this.standard('exemption.heading', {
        'exemption.name': title ? `${r.info.section} – ${title}` : r.info.section,
      });
      this.standard('exemption.covers', { 'exemption.questions': questionList(r.questions) });
      if (r.reasons.length === 0) this.warnings.push(`${r.info.section} has no reasons given.`);
      r.reasons.forEach((reason) => this.literal(reason));
    }
  }

  factors(list: readonly string[], local: PlaceholderValues): void {
    const items: ListItemNode[] = list
      .map((f) => literalParagraphs(f, 'factor'))
      .filter((paras) => paras.length > 0)
      .map((paras) => ({ type: 'listItem', content: paras }));
    if (items.length === 0) this.standard('exemption.pit-none', local);
    else this.out.push({ type: 'bulletList', content: items });
  }

  // -- blocks -----------------------------------------------------------------------------------

  answers(layout: LetterLayout): void {
    const questions = this.input.case.questions;
    if (questions.length === 0) {
      this.warnings.push('The case has no questions, so the request is quoted as received.');
      this.request();
      return;
    }
    let lastWithheld = -1;
    questions.forEach((q, i) => {
      if (isWithheld(q)) lastWithheld = i;
    });
    const refusal = (i: number) => {
      if (i === lastWithheld && this.values.refusalProvision) this.standard('refusal-notice');
    };
    if (layout === 'answer-after-each') {
      this.standard('answers.intro');
      questions.forEach((q, i) => {
        this.questionAndAnswer(q, 0);
        refusal(i);
      });
    } else {
      this.standard('request.intro');
      questions.forEach((q) => this.questionTree(q, 0));
      this.standard('answers.heading');
      questions.forEach((q, i) => {
        this.answerOnly(q, 0);
        refusal(i);
      });
    }
  }

  request(): void {
    const c = this.input.case;
    this.standard('request.intro');
    if (c.requestText.trim()) {
      const quoted = literalParagraphs(c.requestText);
      if (quoted.length > 0) this.out.push({ type: 'blockquote', content: quoted });
    } else {
      c.questions.forEach((q) => this.questionTree(q, 0));
    }
  }

  signOff(): void {
    this.standard('sign-off');
    // Room for a wet or pasted signature; officers see these as blank lines in the editor.
    this.out.push(paragraph([], 'signature'), paragraph([], 'signature'));
    if (!signatoryOf(this.input)) this.warnings.push('The case has no signatory or officer to sign.');
    this.standard('signature');
  }
}

function prependText(lead: string, content: InlineNode[]): InlineNode[] {
  const first = content[0];
  if (first?.type === 'text' && !first.marks)
    return [{ ...first, text: lead + first.text }, ...content.slice(1)];
  return [{ type: 'text', text: lead }, ...content];
}

/**
 * The subject after the reference in the "Re:" line, inside its last run (so it takes the line's
 * bold): "Re: Freedom of Information request FOI 2774 – Annual spend on cyber security".
 */
function appendSubject(blocks: readonly BlockNode[], subject: string): void {
  const text = subject.trim();
  const last = [...blocks].reverse().find((b): b is ParagraphNode => b.type === 'paragraph');
  if (!text || !last) return;
  const content = last.content ?? [];
  const tail = content[content.length - 1];
  if (tail?.type === 'text') content[content.length - 1] = { ...tail, text: `${tail.text} – ${text}` };
  else content.push({ type: 'text', text: ` – ${text}` });
  last.content = content;
}

/** The letter for a case: its meta (reference, date, recipient, file name) and its body as editor JSON. */
export function buildLetter(given: BuildLetterInput): LetterDocument {
  // Case and letterhead text reach the letter without direction controls (see ./bidi.ts).
  const input: BuildLetterInput = {
    ...given,
    case: stripBidiControlsDeep(given.case),
    organisation: stripBidiControlsDeep(given.organisation),
  };
  const c = input.case;
  const values = letterValues(input);
  const b = new Builder(input, values);
  const layout = input.layout ?? input.template.layout ?? 'answer-after-each';

  b.warnings.push(...(input.contextWarnings ?? []));
  const feeWarning = feeProblem(c.fee);
  if (feeWarning) b.warnings.push(feeWarning);
  for (const block of input.template.blocks) {
    switch (block.kind) {
      case 'standard': {
        const made = b.standard(block.id);
        if (block.id === 'subject-line' && input.template.subjectInReLine) appendSubject(made, c.subject);
        break;
      }
      case 'text':
        b.markup(block.text, block.role);
        break;
      case 'request':
        b.request();
        break;
      case 'answers':
        b.answers(layout);
        break;
      case 'sign-off':
        b.signOff();
        break;
      case 'exemptions':
        b.exemptionReasons();
        break;
    }
  }

  const body: DocNode = { type: 'doc', content: b.out.length > 0 ? b.out : [{ type: 'paragraph' }] };
  const meta: LetterMeta = {
    reference: c.reference,
    ourRef: ourRefOf(input),
    date: input.date,
    dateText: formatLongDate(input.date),
    regime: c.regime,
    templateId: input.template.id,
    title: input.template.title,
    fileName: letterFileName({ reference: c.reference, title: input.template.title, date: input.date }),
    recipientLines: recipientLines(c),
    warnings: b.finishWarnings(),
  };
  const signatory = signatoryOf(input);
  if (signatory) meta.signatory = { name: signatory.name, title: signatory.title };
  return { meta, body };
}

/**
 * The template that suits a case best, by its outcome and answers. The officer can always pick
 * another; this only saves a click for the common case.
 */
export function suggestTemplateId(c: CaseRecord): string {
  if (c.regime === 'FOI-IR' || c.regime === 'EIR-RECON') return 'internal-review-outcome';
  if (c.regime === 'FOISA-REVIEW') return 'foisa-review-outcome';
  if (c.status === 'clarification') return 'clarification';
  const outcomes = c.questions.map((q) => q.response?.outcome);
  const withheld = withholdsInformation(c);
  if (c.regime === 'EIR' && (withheld || c.outcome === 'refused')) return 'eir-refusal';
  if (c.regime === 'EISR') return 'eisr-response';
  if (c.regime === 'SAR') return 'sar-response';
  if (
    c.outcome === 'refused' ||
    (withheld && outcomes.every((o) => (o !== undefined && WITHHOLDING.has(o)) || o === 'see-other'))
  ) {
    return 'refusal';
  }
  if (c.outcome === 'not-held' || (outcomes.length > 0 && outcomes.every((o) => o === 'not-held')))
    return 'not-held';
  if (withheld || c.outcome === 'part-granted') return 'partial-disclosure';
  if (c.questions.length === 0 && c.status === 'open') return 'acknowledgement';
  return 'full-disclosure';
}
