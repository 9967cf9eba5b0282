/**
 * The case interchange format (`foi-desk/case@1`, `foi-desk/organisation@1`), documented in
 * shared/examples/README.md. Key order in these schemas is the order written on export, so an
 * imported file exports back byte-for-byte equal.
 */
import { z } from 'zod';
import { isIsoDate } from './dates';
import { CLOCK_EVENT_TYPES } from './clock/types';
import { COMMISSIONER_DECISIONS } from './commissioner-decisions';

/**
 * FOISA-REVIEW: a requirement for review under FOISA s20, answered within 20 Scottish working days
 * (s21(1)). EISR: a request under the Environmental Information (Scotland) Regulations 2004.
 */
export const REGIMES = [
  'FOIA',
  'EIR',
  'FOISA',
  'SAR',
  'FOI-IR',
  'EIR-RECON',
  'FOISA-REVIEW',
  'EISR',
] as const;
export type Regime = (typeof REGIMES)[number];

export const CHANNELS = ['email', 'post', 'web', 'other'] as const;
export const QUESTION_OUTCOMES = [
  'provided',
  'not-held',
  'exempt',
  'part-exempt',
  'ncnd',
  'published',
  'see-other',
] as const;
export type QuestionOutcome = (typeof QUESTION_OUTCOMES)[number];
export const CASE_STATUSES = ['open', 'clarification', 'on-hold', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_OUTCOMES = [
  'granted',
  'part-granted',
  'refused',
  'not-held',
  'withdrawn',
  'transferred',
  'clarification-lapsed',
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const LIKELIHOODS = ['would', 'would be likely to'] as const;

/** Long free text (request, answers, reasoning): large answers are real, 5 MB of text is not. */
export const MAX_TEXT = 2_000_000;
/** Short fields: names, references, titles. */
export const MAX_SHORT = 500;

// C0 controls other than tab, newline and carriage return, and DEL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Free text without the control characters that PDFs and e-mails carry along when pasted: nobody
 * can see them, Word cannot hold them and a NUL in front of "=" turned a CSV cell into a formula.
 * Tab, newline and carriage return (CRLF from Windows) stay. Stripped rather than refused, so an
 * officer's paste or an older export is never turned away for a character they cannot see.
 */
export function stripControls(text: string): string {
  return CONTROLS.test(text) ? text.replace(CONTROLS, '') : text;
}

// `overwrite` cleans the text and keeps the schema a plain string (the length rule then counts
// what is stored).
const longText = z
  .string()
  .overwrite(stripControls)
  .max(MAX_TEXT, { message: `is too long (at most ${MAX_TEXT} characters)` });
export const shortText = z
  .string()
  .overwrite(stripControls)
  .max(MAX_SHORT, { message: `is too long (at most ${MAX_SHORT} characters)` });
const nonEmptyShort = shortText.trim().min(1, { message: 'is required' });

export const isoDate = z.string().refine(isIsoDate, { message: 'is not a real date in the form YYYY-MM-DD' });

export const reference = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(60, { message: 'is too long (at most 60 characters)' })
  .refine((s) => !CONTROL.test(s), { message: 'contains control characters' });

export const requesterSchema = z.strictObject({
  name: nonEmptyShort,
  email: shortText.optional(),
  address: longText.optional(),
  organisation: shortText.optional(),
  category: shortText.optional(),
});

export const publicInterestSchema = z.strictObject({
  forDisclosure: z.array(longText),
  forWithholding: z.array(longText),
  conclusion: longText,
});

export const exemptionSchema = z.strictObject({
  provision: nonEmptyShort,
  title: shortText.optional(),
  likelihood: z.enum(LIKELIHOODS).optional(),
  reason: longText,
  publicInterest: publicInterestSchema.optional(),
});

export const responseSchema = z.strictObject({
  outcome: z.enum(QUESTION_OUTCOMES),
  heldStatement: longText.optional(),
  seeQuestion: shortText.optional(),
  link: shortText.optional(),
  text: longText.optional(),
  exemptions: z.array(exemptionSchema).optional(),
  footnotes: z.array(longText).optional(),
});

export interface QuestionData {
  /**
   * The question's stable id inside one case file (see shared/contract.ts `questionId`). Only the
   * case page and its channels carry it: the interchange files never do, and `questionSchema`
   * refuses it, so a case imported into another file gets new ids and an export reads back as it was.
   */
  id?: string | undefined;
  number: string;
  text: string;
  parts?: QuestionData[] | undefined;
  response?: z.infer<typeof responseSchema> | undefined;
}

/**
 * How deep a question tree goes: a question (1), its parts (1.1) and their parts (1.1(a)). The
 * question editor indents no further, answers are addressed by a path this long, proposals are
 * cut to it and the import refuses deeper, so whatever the app stores exports and imports back.
 */
export const MAX_QUESTION_DEPTH = 3;

export const QUESTION_TOO_DEEP = `is nested too deeply (at most ${MAX_QUESTION_DEPTH} levels: a question, its parts and their parts)`;

/**
 * The schema is built to exactly MAX_QUESTION_DEPTH levels instead of recursing lazily: a hostile
 * tree 1,200 deep is refused at the first level too many, never by a stack overflow.
 */
/** A question's own fields, shared with the contract's question (which adds its id). */
export const questionFields = {
  number: z.string().trim().min(1, { message: 'is required' }).max(40),
  text: longText,
};

/**
 * A question tree's schema, MAX_QUESTION_DEPTH levels deep; `lead` are fields written before the
 * question's own (the contract's id), on every level.
 */
export function questionTreeSchema(lead: z.ZodRawShape = {}, level = 1): z.ZodType<QuestionData> {
  return z.strictObject({
    ...lead,
    number: questionFields.number,
    text: questionFields.text,
    parts: (level < MAX_QUESTION_DEPTH
      ? z.array(questionTreeSchema(lead, level + 1))
      : z.array(z.unknown()).max(0, { message: QUESTION_TOO_DEEP })
    ).optional(),
    response: responseSchema.optional(),
  }) as unknown as z.ZodType<QuestionData>;
}

export const questionSchema: z.ZodType<QuestionData> = questionTreeSchema();

/** How many levels a question tree has (0 for none), counted without recursion. */
export function questionTreeDepth(questions: readonly QuestionData[]): number {
  let deepest = 0;
  const stack: [readonly QuestionData[], number][] = [[questions, 1]];
  while (stack.length > 0) {
    const [list, level] = stack.pop()!;
    for (const q of list) {
      deepest = Math.max(deepest, level);
      if (q.parts?.length) stack.push([q.parts, level + 1]);
    }
  }
  return deepest;
}

export const signatorySchema = z.strictObject({ name: nonEmptyShort, title: shortText });

/**
 * One clock event as the case format carries it (the types the app records, shared/clock/types.ts):
 * the same fields the case page records. The import checks them with the shared clock rules
 * (shared/case-lifecycle.ts clockEventProblems), each against the ones before it.
 */
export const caseEventSchema = z.strictObject({
  type: z.enum(CLOCK_EVENT_TYPES),
  date: isoDate,
  until: isoDate.optional(),
  months: z.union([z.literal(1), z.literal(2)]).optional(),
  awaiting: z.enum(['clarification', 'identity', 'fee']).optional(),
  note: shortText.optional(),
});
export type CaseEventData = z.infer<typeof caseEventSchema>;

/** More clock events than any real case holds; the import refuses a longer list. */
export const MAX_CASE_EVENTS = 200;

/**
 * A fee a letter names (FOIA s13 and the Fees Regulations, EIR reg 8, a SAR's reasonable fee): the
 * amount in pounds and what it is made of. Letters print it as "£25.00".
 */
const money = z
  .number()
  .min(0, { message: 'cannot be negative' })
  .max(1_000_000, { message: 'is more than any fee' })
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, {
    message: 'has more than two decimal places',
  });
export const feeItemSchema = z.strictObject({ item: nonEmptyShort, amount: money });
export const feeSchema = z.strictObject({
  amount: money,
  breakdown: z.array(feeItemSchema).max(50).optional(),
  paymentInstructions: longText.optional(),
});
export type CaseFee = z.infer<typeof feeSchema>;

/**
 * The wording of a letter that only the officer can give, each filling the template placeholder of
 * the same name (`{{clarificationNeeded}}`…). Case data, so every letter of the case is filled alike.
 */
export const LETTER_DETAIL_FIELDS = [
  'clarificationNeeded',
  'extensionReason',
  'adviceAndAssistance',
  'costEstimate',
  'aggregation',
  'vexatiousReasons',
  'reviewer',
  'reviewOutcome',
] as const;
export type LetterDetailField = (typeof LETTER_DETAIL_FIELDS)[number];
export const letterDetailsSchema = z.strictObject(
  Object.fromEntries(LETTER_DETAIL_FIELDS.map((f) => [f, longText.optional()])) as Record<
    LetterDetailField,
    z.ZodOptional<typeof longText>
  >,
);
export type CaseLetterDetails = z.infer<typeof letterDetailsSchema>;

export const CASE_FORMAT = 'foi-desk/case@1';
export const ORGANISATION_FORMAT = 'foi-desk/organisation@1';

export const caseSchema = z.strictObject({
  format: z.literal(CASE_FORMAT),
  reference,
  ourRef: shortText.optional(),
  regime: z.enum(REGIMES),
  /**
   * For an internal review, reconsideration or FOISA review: the reference of the original request
   * reviewed. The review outcome letter names it and the date it was answered.
   */
  reviewOf: shortText.optional(),
  received: isoDate,
  channel: z.enum(CHANNELS).optional(),
  requester: requesterSchema,
  subject: shortText,
  requestText: longText,
  questions: z.array(questionSchema),
  status: z.enum(CASE_STATUSES),
  outcome: z.enum(CASE_OUTCOMES).optional(),
  responded: isoDate.optional(),
  /** A case answered after its due date: why, and the department the delay lay with. */
  lateReason: longText.optional(),
  lateDepartment: shortText.optional(),
  officer: shortText.optional(),
  /** The department the request concerns (for the statistics by department). */
  department: shortText.optional(),
  /** Flagged as sensitive: the team's sign-off may require approval (shared/sign-off.ts). Left out when not. */
  sensitive: z.boolean().optional(),
  signatory: signatorySchema.optional(),
  enclosures: z.array(shortText).optional(),
  fee: feeSchema.optional(),
  letterDetails: letterDetailsSchema.optional(),
  /**
   * A complaint to the Commissioner (the ICO, or the Scottish Information Commissioner): the date
   * it was made, the decision and the decision notice's reference (shared/commissioner.ts).
   */
  commissionerComplaintReceived: isoDate.optional(),
  commissionerDecision: z.enum(COMMISSIONER_DECISIONS).optional(),
  commissionerDecisionRef: shortText.optional(),
  /** The clock events in the order they happened; left out when the case has none. */
  events: z
    .array(caseEventSchema)
    .max(MAX_CASE_EVENTS, { message: `has too many clock events (at most ${MAX_CASE_EVENTS})` })
    .optional(),
});

export const JURISDICTIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const organisationSchema = z.strictObject({
  format: z.literal(ORGANISATION_FORMAT),
  name: nonEmptyShort,
  team: shortText.optional(),
  addressLines: z.array(shortText),
  telephone: shortText.optional(),
  fax: shortText.optional(),
  directLine: shortText.optional(),
  email: shortText.optional(),
  website: shortText.optional(),
  internalReviewWindow: shortText.optional(),
  jurisdiction: z.enum(JURISDICTIONS).optional(),
  font: shortText.optional(),
});

export type CaseRecord = z.infer<typeof caseSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type Requester = z.infer<typeof requesterSchema>;
export type QuestionResponse = z.infer<typeof responseSchema>;
export type AppliedExemption = z.infer<typeof exemptionSchema>;
export type PublicInterest = z.infer<typeof publicInterestSchema>;

export type InterchangeObject =
  { kind: 'case'; value: CaseRecord } | { kind: 'organisation'; value: Organisation };

export interface FieldProblem {
  /** Where the problem is, as `[index].questions[0].text` or `reference`. */
  field: string;
  problem: string;
}

/** A zod issue path as people read it: `questions[0].text`; `whole` when it is the object itself. */
export function fieldPathOf(path: readonly PropertyKey[], whole = '(whole object)'): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out || whole;
}

/**
 * Parses one interchange object by its `format`. Problems come back as field paths with plain
 * messages, never as a thrown exception.
 */
export function parseInterchangeObject(
  input: unknown,
): { ok: true; value: InterchangeObject } | { ok: false; problems: FieldProblem[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ field: '(whole object)', problem: 'is not a JSON object' }] };
  }
  const format = (input as { format?: unknown }).format;
  const schema =
    format === CASE_FORMAT ? caseSchema : format === ORGANISATION_FORMAT ? organisationSchema : undefined;
  if (!schema) {
    return {
      ok: false,
      problems: [
        {
          field: 'format',
          problem: `must be "${CASE_FORMAT}" or "${ORGANISATION_FORMAT}" (found ${JSON.stringify(format) ?? 'nothing'})`,
        },
      ],
    };
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => ({
        field: fieldPathOf(issue.path),
        problem: describeIssue(issue),
      })),
    };
  }
  return format === CASE_FORMAT
    ? { ok: true, value: { kind: 'case', value: result.data as CaseRecord } }
    : { ok: true, value: { kind: 'organisation', value: result.data as Organisation } };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (issue.code === 'unrecognized_keys') return `has unknown field(s) ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type') return `must be ${issue.expected}`;
  return issue.message;
}
