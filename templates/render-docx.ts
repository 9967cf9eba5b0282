/**
 * Renders a LetterDocument to a Word file. A pure function of the letter and the organisation: the
 * same input gives the same document (only the packer's timestamps and relationship ids differ).
 *
 * Word features are real ones, so the officer can carry on in Word: named paragraph styles ("FOI
 * Body", "FOI Question"…) to restyle the whole letter at once, list numbering rather than typed
 * bullets, footnotes Word itself numbers, hyperlinks, and page numbers as fields.
 */
import { logoParagraph, type LetterLogo } from './letter-logo';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type ILevelsOptions,
  type IParagraphStyleOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { Organisation } from '../shared/case-format';
import { cleanForWord } from '../shared/letter/clean';
import { finishDocxPackage, LETTER_LANGUAGE } from './docx-package';
import {
  isSafeHref,
  type BlockNode,
  type InlineNode,
  type LinkMark,
  type Mark,
  type ParagraphRole,
  type TextAlign,
} from '../shared/letter/doc';
import type { LetterDocument } from '../shared/letter/template';

export interface RenderDocxOptions {
  /** Leave the letterhead out, for paper that has it printed. Default: included. */
  letterhead?: boolean;
  /** Body text size in points. Default 11. */
  fontSizePt?: number;
  /** The organisation's logo, placed in the first-page header (templates/letter-logo.ts). */
  logo?: LetterLogo | undefined;
}

/** Style ids and the names officers see in Word's Styles pane. */
export const DOCX_STYLES = {
  body: { id: 'FOIBody', name: 'FOI Body' },
  subject: { id: 'FOISubject', name: 'FOI Subject' },
  question: { id: 'FOIQuestion', name: 'FOI Question' },
  questionPart: { id: 'FOIQuestionPart', name: 'FOI Question Part' },
  answer: { id: 'FOIAnswer', name: 'FOI Answer' },
  lead: { id: 'FOILeadIn', name: 'FOI Lead-in' },
  heading: { id: 'FOIHeading', name: 'FOI Heading' },
  subheading: { id: 'FOISubheading', name: 'FOI Subheading' },
  minorHeading: { id: 'FOIMinorHeading', name: 'FOI Minor Heading' },
  factor: { id: 'FOIFactor', name: 'FOI Factor' },
  list: { id: 'FOIList', name: 'FOI List' },
  quote: { id: 'FOIQuote', name: 'FOI Quote' },
  code: { id: 'FOICode', name: 'FOI Code' },
  signature: { id: 'FOISignature', name: 'FOI Signature' },
  enclosure: { id: 'FOIEnclosure', name: 'FOI Enclosure' },
  address: { id: 'FOIAddress', name: 'FOI Address' },
  letterheadName: { id: 'FOILetterheadName', name: 'FOI Letterhead Name' },
  letterhead: { id: 'FOILetterhead', name: 'FOI Letterhead' },
  runningHeader: { id: 'FOIRunningHeader', name: 'FOI Running Header' },
  footer: { id: 'FOIFooter', name: 'FOI Footer' },
} as const;

// A4 in twips, margins 2.54 cm at the sides and 2 cm top and bottom.
export const PAGE = { width: 11906, height: 16838 };
export const MARGIN = { top: 1134, bottom: 1134, left: 1440, right: 1440, header: 567, footer: 567 };
/** Where question text starts after its number: 1 cm. */
const HANG = 567;

const ROLE_STYLE: Record<ParagraphRole, string> = {
  body: DOCX_STYLES.body.id,
  subject: DOCX_STYLES.subject.id,
  question: DOCX_STYLES.question.id,
  'question-part': DOCX_STYLES.questionPart.id,
  answer: DOCX_STYLES.answer.id,
  lead: DOCX_STYLES.lead.id,
  factor: DOCX_STYLES.factor.id,
  signature: DOCX_STYLES.signature.id,
  enclosure: DOCX_STYLES.enclosure.id,
};

const ALIGN: Record<TextAlign, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** Font names go into XML attributes and Word's font picker; keep them to what a font name holds. */
export function fontName(org: Organisation): string {
  const f = cleanForWord(org.font ?? '')
    .replace(/[^\p{L}\p{N} ._-]/gu, '')
    .trim();
  return f || 'Arial';
}

export function paragraphStyles(font: string, sizeHalfPts: number): IParagraphStyleOptions[] {
  const S = DOCX_STYLES;
  const base = { basedOn: S.body.id, next: S.body.id, quickFormat: true };
  return [
    {
      ...S.body,
      basedOn: 'Normal',
      next: S.body.id,
      quickFormat: true,
      run: { font, size: sizeHalfPts },
      paragraph: { spacing: { after: 160, line: 264 } },
    },
    {
      ...S.subject,
      ...base,
      run: { bold: true },
      paragraph: { spacing: { before: 80, after: 200 }, keepNext: true },
    },
    {
      ...S.question,
      ...base,
      next: S.answer.id,
      run: { bold: true },
      paragraph: {
        indent: { left: HANG, hanging: HANG },
        leftTabStop: HANG,
        spacing: { before: 120, after: 100 },
        keepNext: true,
        keepLines: true,
      },
    },
    {
      ...S.questionPart,
      ...base,
      basedOn: S.question.id,
      next: S.answer.id,
      run: { bold: true },
      paragraph: {
        indent: { left: HANG * 2 + 170, hanging: HANG + 170 },
        leftTabStop: HANG * 2 + 170,
        spacing: { before: 0, after: 100 },
        keepNext: true,
        keepLines: true,
      },
    },
    { ...S.answer, ...base },
    // Introduces a list ("Factors in favour of disclosure:"), so it never ends a page alone.
    { ...S.lead, ...base, paragraph: { spacing: { before: 60, after: 100 }, keepNext: true } },
    {
      ...S.heading,
      ...base,
      run: { bold: true, size: sizeHalfPts + 4 },
      paragraph: { spacing: { before: 280, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 0 },
    },
    {
      ...S.subheading,
      ...base,
      run: { bold: true, size: sizeHalfPts + 2 },
      paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, keepLines: true, outlineLevel: 1 },
    },
    {
      ...S.minorHeading,
      ...base,
      run: { bold: true },
      paragraph: { spacing: { before: 160, after: 80 }, keepNext: true, keepLines: true, outlineLevel: 2 },
    },
    { ...S.factor, ...base, paragraph: { spacing: { after: 120 } } },
    { ...S.list, ...base, paragraph: { spacing: { after: 120 } } },
    { ...S.quote, ...base, run: { italics: true }, paragraph: { indent: { left: HANG, right: HANG } } },
    {
      ...S.code,
      ...base,
      run: { font: 'Courier New', size: Math.max(sizeHalfPts - 2, 16) },
      paragraph: { spacing: { after: 0 } },
    },
    // The sign-off, the space to sign and the name stay on one page.
    { ...S.signature, ...base, paragraph: { spacing: { after: 0 }, keepNext: true, keepLines: true } },
    { ...S.enclosure, ...base, paragraph: { spacing: { before: 360 } } },
    { ...S.address, ...base, paragraph: { spacing: { after: 0 } } },
    {
      ...S.letterheadName,
      ...base,
      run: { bold: true, size: sizeHalfPts + 6, color: '005EB8' },
      paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 40 } },
    },
    {
      ...S.letterhead,
      ...base,
      run: { size: Math.max(sizeHalfPts - 4, 14) },
      paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0, line: 240 } },
    },
    {
      ...S.runningHeader,
      ...base,
      run: { size: Math.max(sizeHalfPts - 5, 14), color: '595959' },
      paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } },
    },
    {
      ...S.footer,
      ...base,
      run: { size: Math.max(sizeHalfPts - 5, 14), color: '595959' },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
    },
  ];
}

const BULLETS = ['\u2022', '\u25e6', '\u25aa'];

function bulletLevels(): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.BULLET,
    text: BULLETS[level % 3]!,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 + 454 * level, hanging: 360 } } },
  }));
}

const NUMBER_FORMATS = [
  { format: LevelFormat.DECIMAL, text: (l: number) => `%${l + 1}.` },
  { format: LevelFormat.LOWER_LETTER, text: (l: number) => `(%${l + 1})` },
  { format: LevelFormat.LOWER_ROMAN, text: (l: number) => `(%${l + 1})` },
];

function numberLevels(start: number): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => {
    const f = NUMBER_FORMATS[level % 3]!;
    return {
      level,
      format: f.format,
      text: f.text(level),
      start: level === 0 ? start : 1,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 720 + 567 * level, hanging: 454 } } },
    };
  });
}

type Run = IRunOptions & { bold?: boolean };

interface Context {
  footnotes: Record<string, { children: Paragraph[] }>;
  nextFootnote: number;
  /** Each ordered list is its own numbering instance, so every list starts again at its start. */
  nextListInstance: number;
  numberStarts: Set<number>;
}

/** Text to runs: newlines become line breaks and tabs real tabs, after cleaning. */
function textRuns(value: string, options: Run): TextRun[] {
  const runs: TextRun[] = [];
  cleanForWord(value)
    .split('\n')
    .forEach((line, index) => {
      const children: (string | Tab)[] = [];
      line.split('\t').forEach((piece, i) => {
        if (i > 0) children.push(new Tab());
        if (piece !== '') children.push(piece);
      });
      if (index === 0 && children.length === 0) return;
      runs.push(new TextRun({ ...options, ...(index > 0 ? { break: 1 } : {}), children }));
    });
  return runs;
}

function markOptions(marks: readonly Mark[] | undefined): Run {
  const o: Run = {};
  for (const m of marks ?? []) {
    if (m.type === 'bold') o.bold = true;
    else if (m.type === 'italic') Object.assign(o, { italics: true });
    else if (m.type === 'underline') Object.assign(o, { underline: {} });
    else if (m.type === 'strike') Object.assign(o, { strike: true });
    else if (m.type === 'code') Object.assign(o, { font: 'Courier New' });
  }
  return o;
}

function linkOf(node: InlineNode): string | undefined {
  if (node.type !== 'text') return undefined;
  const link = node.marks?.find((m): m is LinkMark => m.type === 'link');
  if (!link) return undefined;
  const href = cleanForWord(String(link.attrs.href)).trim();
  // An unsafe target is printed as plain text rather than a live link.
  return isSafeHref(href) ? href : undefined;
}

function footnoteParagraphs(value: string): Paragraph[] {
  const paras = cleanForWord(value)
    .split(/\n[ \t]*\n/)
    .filter((p) => p.trim() !== '');
  if (paras.length === 0) paras.push('');
  return paras.map(
    (p, index) =>
      new Paragraph({
        style: 'FootnoteText',
        // The reference mark is put before the first run; a space separates it from the text.
        children: textRuns(index === 0 ? ` ${p}` : p, {}),
      }),
  );
}

function inlineChildren(nodes: readonly InlineNode[], ctx: Context): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (let i = 0; i < nodes.length;) {
    const node = nodes[i]!;
    const href = linkOf(node);
    if (href !== undefined) {
      // Neighbouring text with the same link is one hyperlink in Word, as it is in the editor.
      const runs: TextRun[] = [];
      while (i < nodes.length && linkOf(nodes[i]!) === href) {
        const n = nodes[i] as Extract<InlineNode, { type: 'text' }>;
        runs.push(...textRuns(n.text, { ...markOptions(n.marks), style: 'Hyperlink' }));
        i += 1;
      }
      out.push(new ExternalHyperlink({ link: href, children: runs }));
      continue;
    }
    if (node.type === 'text') out.push(...textRuns(node.text, markOptions(node.marks)));
    else if (node.type === 'hardBreak') out.push(new TextRun({ break: 1 }));
    else {
      const id = ctx.nextFootnote;
      ctx.nextFootnote += 1;
      ctx.footnotes[String(id)] = { children: footnoteParagraphs(String(node.attrs.text)) };
      out.push(new FootnoteReferenceRun(id));
    }
    i += 1;
  }
  return out;
}

interface ListState {
  kind: 'bullet' | 'number';
  level: number;
  instance: number;
  start: number;
}

function alignOf(attrs: { textAlign?: TextAlign | null } | undefined) {
  const a = attrs?.textAlign;
  return a ? { alignment: ALIGN[a] } : {};
}

function headingStyle(level: number): string {
  if (level <= 2) return DOCX_STYLES.heading.id;
  if (level === 3) return DOCX_STYLES.subheading.id;
  return DOCX_STYLES.minorHeading.id;
}

/**
 * The block just before the sign-off ("Yours sincerely"), or -1. Its last paragraph is kept with
 * the sign-off, whose paragraphs keep with each other (the FOI Signature style), so the signature
 * never starts a page on its own: Word moves the letter's closing lines over with it.
 */
export function blockBeforeSignature(blocks: readonly BlockNode[]): number {
  const first = blocks.findIndex((b) => b.type === 'paragraph' && b.attrs?.role === 'signature');
  return first > 0 ? first - 1 : -1;
}

function keepNextIf(keep: boolean): { keepNext?: true } {
  return keep ? { keepNext: true } : {};
}

function blockParagraphs(
  block: BlockNode,
  ctx: Context,
  list: ListState | undefined,
  inQuote: boolean,
  /** Keep this block's last paragraph on the page of the next one. */
  keepWithNext = false,
): Paragraph[] {
  switch (block.type) {
    case 'paragraph': {
      const role = block.attrs?.role ?? 'body';
      let style = ROLE_STYLE[role] ?? DOCX_STYLES.body.id;
      if (list && role !== 'factor') style = DOCX_STYLES.list.id;
      else if (inQuote && role === 'body') style = DOCX_STYLES.quote.id;
      const numbering = list
        ? list.kind === 'bullet'
          ? { numbering: { reference: 'foi-bullets', level: list.level } }
          : {
              numbering: {
                reference: `foi-numbers-${list.start}`,
                level: list.level,
                instance: list.instance,
              },
            }
        : {};
      return [
        new Paragraph({
          style,
          ...alignOf(block.attrs),
          ...numbering,
          ...keepNextIf(keepWithNext),
          children: inlineChildren(block.content ?? [], ctx),
        }),
      ];
    }
    case 'heading':
      return [
        new Paragraph({
          style: headingStyle(block.attrs.level),
          ...alignOf(block.attrs),
          ...keepNextIf(keepWithNext),
          children: inlineChildren(block.content ?? [], ctx),
        }),
      ];
    case 'bulletList':
    case 'orderedList': {
      const kind = block.type === 'bulletList' ? 'bullet' : 'number';
      const start = block.type === 'orderedList' ? (block.attrs?.start ?? 1) : 1;
      if (kind === 'number') ctx.numberStarts.add(start);
      const state: ListState = {
        kind,
        level: list ? Math.min(list.level + 1, 8) : 0,
        instance: kind === 'number' ? ctx.nextListInstance++ : 0,
        start,
      };
      return block.content.flatMap((item, itemIndex) =>
        item.content.flatMap((child, index) => {
          const last =
            keepWithNext && itemIndex === block.content.length - 1 && index === item.content.length - 1;
          if (index === 0 || child.type !== 'paragraph')
            return blockParagraphs(child, ctx, state, inQuote, last);
          // Only an item's first paragraph carries the bullet; later ones continue the item, indented.
          return [
            new Paragraph({
              style: DOCX_STYLES.list.id,
              indent: { left: 720 + 454 * state.level },
              ...keepNextIf(last),
              children: inlineChildren(child.content ?? [], ctx),
            }),
          ];
        }),
      );
    }
    case 'blockquote':
      return block.content.flatMap((child, index) =>
        blockParagraphs(child, ctx, list, true, keepWithNext && index === block.content.length - 1),
      );
    case 'horizontalRule':
      return [
        new Paragraph({
          style: DOCX_STYLES.body.id,
          ...keepNextIf(keepWithNext),
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '808080', space: 1 } },
        }),
      ];
    case 'codeBlock': {
      const code = (block.content ?? []).map((t) => t.text).join('');
      const lines = cleanForWord(code).split('\n');
      return lines.map(
        (line, index) =>
          new Paragraph({
            style: DOCX_STYLES.code.id,
            ...keepNextIf(keepWithNext && index === lines.length - 1),
            children: textRuns(line || ' ', {}),
          }),
      );
    }
  }
}

export function letterheadParagraphs(org: Organisation): Paragraph[] {
  const S = DOCX_STYLES;
  const line = (text: string) => new Paragraph({ style: S.letterhead.id, children: textRuns(text, {}) });
  const contact: string[] = [];
  if (org.telephone) contact.push(`Tel: ${org.telephone}`);
  if (org.fax) contact.push(`Fax: ${org.fax}`);
  if (org.directLine) contact.push(`Direct line: ${org.directLine}`);
  if (org.email) contact.push(`Email: ${org.email}`);
  if (org.website) contact.push(org.website);
  const paras = [new Paragraph({ style: S.letterheadName.id, children: textRuns(org.name, {}) })];
  if (org.team)
    paras.push(new Paragraph({ style: S.letterhead.id, children: textRuns(org.team, { bold: true }) }));
  paras.push(...org.addressLines.filter((l) => l.trim() !== '').map(line));
  contact.forEach((c, index) =>
    paras.push(
      new Paragraph({
        style: S.letterhead.id,
        ...(index === 0 ? { spacing: { before: 80 } } : {}),
        children: textRuns(c, {}),
      }),
    ),
  );
  // A rule under the letterhead separates it from the letter, as on printed stationery.
  paras.push(
    new Paragraph({
      style: S.letterhead.id,
      spacing: { after: 120 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '005EB8', space: 4 } },
    }),
  );
  return paras;
}

function addressBlock(letter: LetterDocument): Paragraph[] {
  const S = DOCX_STYLES;
  const para = (text: string, run: Run = {}) =>
    new Paragraph({ style: S.address.id, children: textRuns(text, run) });
  const spacer = () => new Paragraph({ style: S.address.id });
  const m = letter.meta;
  return [
    ...m.recipientLines.map((l) => para(l)),
    spacer(),
    para(`Our ref: ${m.ourRef}`),
    para(`Date: ${m.dateText}`),
    spacer(),
  ];
}

export function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: DOCX_STYLES.footer.id,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

/** Builds the Word document object (exposed for tests and the benchmark). */
export function letterToDocx(
  letter: LetterDocument,
  organisation: Organisation,
  options: RenderDocxOptions = {},
) {
  const font = fontName(organisation);
  const size = Math.round(Math.min(Math.max(options.fontSizePt ?? 11, 8), 16) * 2);
  const ctx: Context = { footnotes: {}, nextFootnote: 1, nextListInstance: 1, numberStarts: new Set() };
  const keep = blockBeforeSignature(letter.body.content);
  const body = letter.body.content.flatMap((block, index) =>
    blockParagraphs(block, ctx, undefined, false, index === keep),
  );
  const withLetterhead = options.letterhead !== false;

  const running = new Header({
    children: [
      new Paragraph({
        style: DOCX_STYLES.runningHeader.id,
        tabStops: [{ type: TabStopType.RIGHT, position: PAGE.width - MARGIN.left - MARGIN.right }],
        children: textRuns(`${organisation.name}\tOur ref: ${letter.meta.ourRef}`, {}),
      }),
    ],
  });

  return new Document({
    creator: cleanForWord(organisation.name),
    title: cleanForWord(`${letter.meta.title} – ${letter.meta.reference}`),
    subject: cleanForWord(letter.meta.reference),
    description: 'Letter produced by FOI Desk',
    styles: {
      default: {
        // British English for spell-check and hyphenation, on the document defaults every style inherits.
        document: { run: { font, size, language: LETTER_LANGUAGE } },
        footnoteText: { run: { font, size: Math.max(size - 4, 14) }, paragraph: { spacing: { after: 40 } } },
        hyperlink: { run: { color: '0563C1', underline: {} } },
      },
      paragraphStyles: paragraphStyles(font, size),
    },
    numbering: {
      config: [
        { reference: 'foi-bullets', levels: bulletLevels() },
        ...[...ctx.numberStarts].map((start) => ({
          reference: `foi-numbers-${start}`,
          levels: numberLevels(start),
        })),
      ],
    },
    footnotes: ctx.footnotes,
    sections: [
      {
        properties: {
          page: { size: PAGE, margin: MARGIN },
          titlePage: true,
        },
        headers: {
          // Word wants at least one paragraph in a header, even an empty one.
          first: new Header({
            children: withLetterhead
              ? [
                  ...(options.logo ? [logoParagraph(options.logo, cleanForWord(organisation.name))] : []),
                  ...letterheadParagraphs(organisation),
                ]
              : [new Paragraph({ style: DOCX_STYLES.letterhead.id })],
          }),
          default: running,
        },
        footers: { first: pageFooter(), default: pageFooter() },
        children: [...addressBlock(letter), ...body],
      },
    ],
  });
}

/** The letter as a .docx file. */
export async function renderLetterDocx(
  letter: LetterDocument,
  organisation: Organisation,
  options: RenderDocxOptions = {},
): Promise<Buffer> {
  // The package is then finished where `docx` cannot be told to write what Word writes.
  return finishDocxPackage(await Packer.toBuffer(letterToDocx(letter, organisation, options)));
}
