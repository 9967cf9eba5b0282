/**
 * Letter templates and standard paragraphs as data. The shipped defaults live in templates/defaults/
 * as JSON; a team's adapted copies are stored by the app and validated with the same schemas, so a
 * hand-edited file that is wrong is refused with a field path, not half-used.
 */
import { z } from 'zod';
import { REGIMES, type Regime } from '../case-format';
import { docSchema, PARAGRAPH_ROLES, type DocNode, type ParagraphRole } from './doc';

export const LAYOUTS = ['answer-after-each', 'request-then-answers'] as const;
/**
 * `answer-after-each`: every question quoted with its number, its answer straight after (the HPFT
 * and Walton letters). `request-then-answers`: the whole request quoted first, then the answers,
 * each labelled with its question number.
 */
export type LetterLayout = (typeof LAYOUTS)[number];

const id = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9.-]*$/, { message: 'must be lower-case letters, digits, dots and hyphens' });
/**
 * Template markup. In the JSON files it may be written as an array of lines (joined with newlines),
 * which keeps multi-paragraph text readable there; in memory it is always one string.
 */
const markup = z
  .union([z.string().max(20_000), z.array(z.string().max(20_000)).max(400)])
  .transform((v) => (typeof v === 'string' ? v : v.join('\n')))
  .pipe(z.string().max(20_000));

export const templateBlockSchema = z.discriminatedUnion('kind', [
  /** A standard paragraph, by id: shared by every template that uses it. */
  z.strictObject({ kind: z.literal('standard'), id }),
  /** Text of this template only, in template markup. */
  z.strictObject({ kind: z.literal('text'), text: markup, role: z.enum(PARAGRAPH_ROLES).optional() }),
  /** The request as received, quoted. */
  z.strictObject({ kind: z.literal('request') }),
  /** The questions and answers, exemptions and public interest tests, laid out per the template. */
  z.strictObject({ kind: z.literal('answers') }),
  /** "Yours sincerely", room to sign, the signatory's name and job title. */
  z.strictObject({ kind: z.literal('sign-off') }),
  /**
   * Each exemption recorded on the case, once: its heading, the questions it covers and why it
   * applies (FOIA s17(1)(a)–(c)), without the public interest test (a s17(2) notice is sent
   * before that test is finished).
   */
  z.strictObject({ kind: z.literal('exemptions') }),
]);
export type TemplateBlock = z.output<typeof templateBlockSchema>;

export const letterTemplateSchema = z.strictObject({
  id,
  /** Shown in the template picker. */
  name: z.string().trim().min(1).max(120),
  /** Used in the file name and the document title: "Refusal notice". */
  title: z.string().trim().min(1).max(80),
  description: z.string().max(2000).optional(),
  /**
   * For the reviewer: the statute each statement of the letter rests on, so its wording can be
   * checked against the law. Not printed. An array of lines in the JSON files.
   */
  notes: markup.optional(),
  /** The regimes the template suits; the picker offers it only for these. */
  regimes: z.array(z.enum(REGIMES)).min(1),
  layout: z.enum(LAYOUTS).optional(),
  /** The case's subject after the reference in the "Re:" line: "Re: … FOI 2774 – Annual spend on cyber security". */
  subjectInReLine: z.boolean().optional(),
  blocks: z.array(templateBlockSchema).min(1).max(200),
});
export type LetterTemplate = z.output<typeof letterTemplateSchema>;
/** A template as written in a JSON file (text may be an array of lines). */
export type LetterTemplateInput = z.input<typeof letterTemplateSchema>;

export const standardParagraphSchema = z.strictObject({
  id,
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).optional(),
  role: z.enum(PARAGRAPH_ROLES).optional(),
  /** Template markup with placeholders. */
  text: markup,
  /**
   * Wording for particular regimes, e.g. the Scottish Commissioner for FOISA. An empty string
   * leaves the paragraph out for that regime (no re-use paragraph in a subject access reply).
   */
  variants: z.partialRecord(z.enum(REGIMES), markup).optional(),
});
export type StandardParagraph = z.output<typeof standardParagraphSchema>;
export type StandardParagraphInput = z.input<typeof standardParagraphSchema>;

/**
 * The wording of a standard paragraph for a regime; reviews fall back to their parent regime
 * (a FOISA review to FOISA). The Scottish EIR have their own variants: they are not the EIR.
 */
export function paragraphText(paragraph: StandardParagraph, regime: Regime): string {
  const v = paragraph.variants;
  if (!v) return paragraph.text;
  const parent: Partial<Record<Regime, Regime>> = {
    'FOI-IR': 'FOIA',
    'EIR-RECON': 'EIR',
    'FOISA-REVIEW': 'FOISA',
  };
  const fallback = parent[regime];
  return v[regime] ?? (fallback ? v[fallback] : undefined) ?? paragraph.text;
}

// ---------------------------------------------------------------------------------------------
// The letter

export const letterMetaSchema = z.strictObject({
  reference: z.string(),
  ourRef: z.string(),
  /** ISO date the letter bears. */
  date: z.string(),
  /** The date as printed: "11 November 2021". */
  dateText: z.string(),
  regime: z.enum(REGIMES),
  templateId: z.string(),
  /** "Refusal notice". */
  title: z.string(),
  fileName: z.string(),
  /** The requester's name and address (or e-mail) as printed above the letter. */
  recipientLines: z.array(z.string()),
  signatory: z.strictObject({ name: z.string(), title: z.string() }).optional(),
  /** Things the officer should look at before sending: missing answers, unfilled placeholders. */
  warnings: z.array(z.string()),
});
export type LetterMeta = z.infer<typeof letterMetaSchema>;

export const letterDocumentSchema = z.strictObject({
  meta: letterMetaSchema,
  body: docSchema,
});
export interface LetterDocument {
  meta: LetterMeta;
  body: DocNode;
}

export type { ParagraphRole };
