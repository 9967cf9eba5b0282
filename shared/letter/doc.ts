/**
 * The letter body as ProseMirror/TipTap JSON. The rich-text editor edits exactly this shape and the
 * .docx renderer reads it, so the schema here is the contract between the two: node and mark names
 * are StarterKit's, plus an inline `footnote` atom carrying its text.
 *
 * Unknown node and mark *types* are refused (the renderer could not print them), but unknown
 * *attributes* are let through, because TipTap adds its own (link `target`/`rel`/`class`, paragraph
 * `textAlign`) and refusing them would make every saved letter invalid.
 */
import { z } from 'zod';

/** Long enough for a 1 MB answer in one paragraph, short enough to stop a runaway paste. */
export const MAX_TEXT_NODE = 2_000_000;
/** ProseMirror documents a person edits are shallow; a deep one is malformed or hostile. */
export const MAX_DEPTH = 40;

export const PARAGRAPH_ROLES = [
  'body',
  'subject',
  'question',
  'question-part',
  'answer',
  'lead',
  'factor',
  'signature',
  'enclosure',
] as const;
/** What a paragraph is in the letter; the renderer maps it to a named Word style ("FOI Question"…). */
export type ParagraphRole = (typeof PARAGRAPH_ROLES)[number];

export const TEXT_ALIGNS = ['left', 'center', 'right', 'justify'] as const;
export type TextAlign = (typeof TEXT_ALIGNS)[number];

export interface BoldMark {
  type: 'bold';
}
export interface ItalicMark {
  type: 'italic';
}
export interface UnderlineMark {
  type: 'underline';
}
export interface StrikeMark {
  type: 'strike';
}
export interface CodeMark {
  type: 'code';
}
export interface LinkMark {
  type: 'link';
  attrs: { href: string; [key: string]: unknown };
}
export type Mark = BoldMark | ItalicMark | UnderlineMark | StrikeMark | CodeMark | LinkMark;
export type MarkType = Mark['type'];

export interface TextNode {
  type: 'text';
  text: string;
  marks?: Mark[];
}
export interface HardBreakNode {
  type: 'hardBreak';
  marks?: Mark[];
}
/** A real Word footnote: the reference mark sits where the node is, the text goes to the page foot. */
export interface FootnoteNode {
  type: 'footnote';
  attrs: { text: string; [key: string]: unknown };
}
export type InlineNode = TextNode | HardBreakNode | FootnoteNode;

interface BlockAttrs {
  role?: ParagraphRole | null;
  textAlign?: TextAlign | null;
  [key: string]: unknown;
}
export interface ParagraphNode {
  type: 'paragraph';
  attrs?: BlockAttrs;
  content?: InlineNode[];
}
export interface HeadingNode {
  type: 'heading';
  attrs: BlockAttrs & { level: 1 | 2 | 3 | 4 | 5 | 6 };
  content?: InlineNode[];
}
export interface BulletListNode {
  type: 'bulletList';
  attrs?: { [key: string]: unknown };
  content: ListItemNode[];
}
export interface OrderedListNode {
  type: 'orderedList';
  attrs?: { start?: number; [key: string]: unknown };
  content: ListItemNode[];
}
export interface ListItemNode {
  type: 'listItem';
  attrs?: { [key: string]: unknown };
  /** StarterKit's list item is `paragraph block*`: the first child is always a paragraph. */
  content: BlockNode[];
}
export interface BlockquoteNode {
  type: 'blockquote';
  attrs?: { [key: string]: unknown };
  content: BlockNode[];
}
export interface HorizontalRuleNode {
  type: 'horizontalRule';
  attrs?: { [key: string]: unknown };
}
export interface CodeBlockNode {
  type: 'codeBlock';
  attrs?: { language?: string | null; [key: string]: unknown };
  content?: TextNode[];
}
export type BlockNode =
  | ParagraphNode
  | HeadingNode
  | BulletListNode
  | OrderedListNode
  | BlockquoteNode
  | HorizontalRuleNode
  | CodeBlockNode;

export interface DocNode {
  type: 'doc';
  content: BlockNode[];
}

// ---------------------------------------------------------------------------------------------
// Schema

const markSchema: z.ZodType<Mark> = z.union([
  z.looseObject({ type: z.literal('bold') }),
  z.looseObject({ type: z.literal('italic') }),
  z.looseObject({ type: z.literal('underline') }),
  z.looseObject({ type: z.literal('strike') }),
  z.looseObject({ type: z.literal('code') }),
  z.looseObject({
    type: z.literal('link'),
    attrs: z.looseObject({ href: z.string().max(4096) }),
  }),
]);

const marks = z.array(markSchema).max(16).optional();

export const textNodeSchema = z.looseObject({
  type: z.literal('text'),
  // ProseMirror throws on an empty text node, so an empty one is an error here too.
  text: z.string().min(1).max(MAX_TEXT_NODE),
  marks,
}) as z.ZodType<TextNode>;

const inlineSchema: z.ZodType<InlineNode> = z.union([
  textNodeSchema,
  z.looseObject({ type: z.literal('hardBreak'), marks }),
  z.looseObject({
    type: z.literal('footnote'),
    attrs: z.looseObject({ text: z.string().max(MAX_TEXT_NODE) }),
  }),
]);

const blockAttrs = z
  .looseObject({
    role: z.enum(PARAGRAPH_ROLES).nullable().optional(),
    textAlign: z.enum(TEXT_ALIGNS).nullable().optional(),
  })
  .optional();
const looseAttrs = z.looseObject({}).optional();

const paragraphSchema = z.looseObject({
  type: z.literal('paragraph'),
  attrs: blockAttrs,
  content: z.array(inlineSchema).optional(),
});

const headingSchema = z.looseObject({
  type: z.literal('heading'),
  attrs: z.looseObject({
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
    role: z.enum(PARAGRAPH_ROLES).nullable().optional(),
    textAlign: z.enum(TEXT_ALIGNS).nullable().optional(),
  }),
  content: z.array(inlineSchema).optional(),
});

const listItemSchema: z.ZodType<ListItemNode> = z.lazy(() =>
  z.looseObject({
    type: z.literal('listItem'),
    attrs: looseAttrs,
    content: z
      .array(blockSchema)
      .min(1)
      .refine((c) => c[0]?.type === 'paragraph', { message: 'a list item must start with a paragraph' }),
  }),
);

export const blockSchema: z.ZodType<BlockNode> = z.lazy(() =>
  z.union([
    paragraphSchema,
    headingSchema,
    z.looseObject({
      type: z.literal('bulletList'),
      attrs: looseAttrs,
      content: z.array(listItemSchema).min(1),
    }),
    z.looseObject({
      type: z.literal('orderedList'),
      attrs: z.looseObject({ start: z.number().int().min(0).max(32767).optional() }).optional(),
      content: z.array(listItemSchema).min(1),
    }),
    z.looseObject({ type: z.literal('blockquote'), attrs: looseAttrs, content: z.array(blockSchema).min(1) }),
    z.looseObject({ type: z.literal('horizontalRule'), attrs: looseAttrs }),
    z.looseObject({
      type: z.literal('codeBlock'),
      attrs: z.looseObject({ language: z.string().nullable().optional() }).optional(),
      content: z.array(textNodeSchema).optional(),
    }),
  ]),
);

export const docSchema = z.looseObject({
  type: z.literal('doc'),
  content: z.array(blockSchema).min(1),
}) as z.ZodType<DocNode>;

/** Nesting depth of a JSON value, measured without recursion so a hostile value cannot overflow the stack. */
function jsonDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > limit) return max;
    if (typeof v === 'object' && v !== null) {
      for (const child of Object.values(v)) stack.push([child, d + 1]);
    }
  }
  return max;
}

export interface DocProblem {
  path: string;
  problem: string;
}

/**
 * Validates editor output before it is saved or rendered. The depth check runs first because the
 * schema is recursive: it would otherwise be the schema that overflowed on a pathological input.
 */
export function parseDoc(
  input: unknown,
): { ok: true; value: DocNode } | { ok: false; problems: DocProblem[] } {
  // Each ProseMirror level is about three JSON levels (node → content array → node).
  if (jsonDepth(input, MAX_DEPTH * 3) > MAX_DEPTH * 3) {
    return { ok: false, problems: [{ path: '(whole document)', problem: 'is nested too deeply' }] };
  }
  const result = docSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(whole document)',
      problem: issue.message,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers for building documents

export function text(value: string, markList?: Mark[]): TextNode {
  return markList && markList.length > 0
    ? { type: 'text', text: value, marks: markList }
    : { type: 'text', text: value };
}

export function paragraph(content: InlineNode[], role?: ParagraphRole): ParagraphNode {
  const node: ParagraphNode = { type: 'paragraph' };
  if (role && role !== 'body') node.attrs = { role };
  if (content.length > 0) node.content = content;
  return node;
}

/** Plain text of a node, footnotes left out: what a reader sees in the running text. */
export function plainText(node: DocNode | BlockNode | ListItemNode | InlineNode): string {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'hardBreak':
      return '\n';
    case 'footnote':
    case 'horizontalRule':
      return '';
    case 'paragraph':
    case 'heading':
    case 'codeBlock':
      return (node.content ?? []).map((n: InlineNode) => plainText(n)).join('');
    case 'listItem':
    case 'blockquote':
    case 'doc':
      return node.content.map((n: BlockNode) => plainText(n)).join('\n');
    case 'bulletList':
    case 'orderedList':
      return node.content.map((n) => plainText(n)).join('\n');
  }
}

/** Safe link targets: web, mail and telephone. Anything else (javascript:, file:, data:) prints as text. */
export function isSafeHref(href: string): boolean {
  return /^(https?:\/\/[^\s]+|mailto:[^\s]+|tel:[+\d][\d\s()-]*)$/i.test(href.trim());
}
