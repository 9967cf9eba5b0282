/**
 * Two ways text becomes letter paragraphs:
 *
 * - Template text (written by the team) uses a deliberately tiny markup, readable in a JSON file:
 *   blank line = new paragraph, `## ` heading, `- ` bullets, `1. ` numbered items, `> ` quote,
 *   `**bold**`, `*italic*`, `__underline__`, `[label](https://…)`, `<https://…>` / `<a@b.org>` links,
 *   `\` escapes, and `{{placeholders}}`.
 * - Case text (typed by the officer or pasted from a requester) is literal: only paragraph breaks and
 *   line breaks mean anything, so an asterisk in a question stays an asterisk.
 *
 * Markup is parsed *before* placeholders are filled, so a value (a requester's name, say) can never
 * turn into formatting or a link.
 */
import {
  isSafeHref,
  paragraph,
  type BlockNode,
  type InlineNode,
  type ListItemNode,
  type Mark,
  type ParagraphNode,
  type ParagraphRole,
} from './doc';
import { fillPlaceholdersDetailed, type PlaceholderValues } from './placeholders';

type MarkSpec = { type: 'bold' | 'italic' | 'underline' } | { type: 'link'; href: string };
interface Segment {
  text: string;
  marks: MarkSpec[];
}

const ESCAPABLE = '\\*_[]()<>{}`#-';

/** Index of `delim` at or after `from`, skipping escapes and placeholders; -1 when absent. */
function findClose(src: string, delim: string, from: number): number {
  let i = from;
  while (i < src.length) {
    if (src[i] === '\\') {
      i += 2;
      continue;
    }
    if (src.startsWith('{{', i)) {
      const end = src.indexOf('}}', i + 2);
      if (end >= 0) {
        i = end + 2;
        continue;
      }
    }
    if (src.startsWith(delim, i)) {
      // A single `*` must not be half of `**`.
      if (delim === '*' && src[i + 1] === '*') {
        i += 2;
        continue;
      }
      return i;
    }
    i += 1;
  }
  return -1;
}

const AUTOLINK = /^(?:https?:\/\/\S+|mailto:\S+|tel:\S+|www\.\S+|[^\s@<>]+@[^\s@<>]+|\{\{[^{}]+\}\})$/;

function parseInline(src: string, marks: MarkSpec[], out: Segment[]): void {
  let buf = '';
  const flush = () => {
    if (buf) out.push({ text: buf, marks });
    buf = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '\\' && next !== undefined && ESCAPABLE.includes(next)) {
      buf += next;
      i += 2;
      continue;
    }
    if (src.startsWith('{{', i)) {
      const end = src.indexOf('}}', i + 2);
      if (end >= 0) {
        buf += src.slice(i, end + 2);
        i = end + 2;
        continue;
      }
    }
    if (src.startsWith('**', i) || src.startsWith('__', i)) {
      const delim = src.slice(i, i + 2);
      const close = findClose(src, delim, i + 2);
      if (close > i + 2) {
        flush();
        parseInline(
          src.slice(i + 2, close),
          [...marks, { type: delim === '**' ? 'bold' : 'underline' }],
          out,
        );
        i = close + 2;
        continue;
      }
    } else if (c === '*' && next !== undefined && next !== ' ') {
      const close = findClose(src, '*', i + 1);
      if (close > i + 1) {
        flush();
        parseInline(src.slice(i + 1, close), [...marks, { type: 'italic' }], out);
        i = close + 1;
        continue;
      }
    } else if (c === '[') {
      const mid = findClose(src, '](', i + 1);
      const end = mid > i ? src.indexOf(')', mid + 2) : -1;
      if (mid > i + 1 && end > mid + 2) {
        flush();
        const href = src.slice(mid + 2, end).trim();
        parseInline(src.slice(i + 1, mid), [...marks, { type: 'link', href }], out);
        i = end + 1;
        continue;
      }
    } else if (c === '<') {
      const end = src.indexOf('>', i + 1);
      const inner = end > i ? src.slice(i + 1, end) : '';
      if (AUTOLINK.test(inner)) {
        flush();
        out.push({ text: inner, marks: [...marks, { type: 'link', href: inner }] });
        i = end + 1;
        continue;
      }
    }
    buf += c;
    i += 1;
  }
  flush();
}

/** A bare e-mail address or www. host becomes a proper link target. */
export function normaliseHref(href: string): string {
  const h = href.trim();
  if (/^[^\s@:/]+@[^\s@]+$/.test(h)) return `mailto:${h}`;
  if (/^www\./i.test(h)) return `https://${h}`;
  return h;
}

/** Splits text on newlines into text nodes and hard breaks, leaving out empty text. */
export function inlineText(value: string, marks?: Mark[]): InlineNode[] {
  const out: InlineNode[] = [];
  value.split('\n').forEach((line, index) => {
    if (index > 0) out.push({ type: 'hardBreak' });
    if (line !== '')
      out.push(
        marks && marks.length > 0 ? { type: 'text', text: line, marks } : { type: 'text', text: line },
      );
  });
  return out;
}

function sameMarks(a: Mark[] | undefined, b: Mark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/** Joins neighbouring text nodes with the same marks, as ProseMirror itself would. */
export function mergeText(nodes: InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text' && sameMarks(last.marks, node.marks)) {
      out[out.length - 1] = { ...last, text: last.text + node.text };
    } else {
      out.push(node);
    }
  }
  return out;
}

interface Filled {
  nodes: InlineNode[];
  drop: boolean;
}

function fillSegments(segments: Segment[], values: PlaceholderValues, missing: Set<string>): Filled {
  const nodes: InlineNode[] = [];
  let drop = false;
  for (const seg of segments) {
    const filled = fillPlaceholdersDetailed(seg.text, values);
    if (filled.dropBlock) drop = true;
    filled.missing.forEach((m) => missing.add(m));
    const marks: Mark[] = [];
    for (const spec of seg.marks) {
      if (spec.type !== 'link') {
        marks.push({ type: spec.type });
        continue;
      }
      const href = fillPlaceholdersDetailed(spec.href, values);
      if (href.dropBlock) drop = true;
      const target = normaliseHref(href.text);
      // An unfilled or unsafe target prints as plain text rather than a broken or dangerous link.
      if (href.missing.length === 0 && isSafeHref(target))
        marks.push({ type: 'link', attrs: { href: target } });
    }
    nodes.push(...inlineText(filled.text, marks));
  }
  return { nodes: mergeText(nodes), drop };
}

function inlineFromMarkup(src: string, values: PlaceholderValues, missing: Set<string>): Filled {
  const segments: Segment[] = [];
  parseInline(src, [], segments);
  return fillSegments(segments, values, missing);
}

/** Template lines inside one paragraph are joined with line breaks. */
function linesToInline(lines: string[], values: PlaceholderValues, missing: Set<string>): Filled {
  const nodes: InlineNode[] = [];
  let drop = false;
  lines.forEach((line, index) => {
    const filled = inlineFromMarkup(line, values, missing);
    if (filled.drop) drop = true;
    if (index > 0) nodes.push({ type: 'hardBreak' });
    nodes.push(...filled.nodes);
  });
  return { nodes, drop };
}

export interface MarkupResult {
  blocks: BlockNode[];
  /** Placeholders that had no value and are left visible. */
  missing: string[];
}

const BULLET = /^[-*•]\s+/;
const NUMBERED = /^(\d{1,4})[.)]\s+/;

/**
 * Turns template markup into letter blocks, filling placeholders. `role` is given to every
 * paragraph (and list paragraph) the markup makes.
 */
export function markupToBlocks(
  source: string,
  values: PlaceholderValues,
  role?: ParagraphRole,
): MarkupResult {
  const missing = new Set<string>();
  const blocks: BlockNode[] = [];
  const chunks = source
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((c) => c.replace(/^\n+|\n+$/g, ''))
    .filter((c) => c.trim() !== '');

  for (const chunk of chunks) {
    const lines = chunk.split('\n');
    const first = lines[0] ?? '';
    const heading = /^(#{1,4})\s+(.*)$/.exec(first);
    if (heading && lines.length === 1) {
      const filled = inlineFromMarkup(heading[2] ?? '', values, missing);
      if (filled.drop) continue;
      const level = Math.min(heading[1]!.length, 4) as 1 | 2 | 3 | 4;
      blocks.push(
        filled.nodes.length > 0
          ? { type: 'heading', attrs: { level }, content: filled.nodes }
          : { type: 'heading', attrs: { level } },
      );
      continue;
    }
    const bullets = lines.every((l) => BULLET.test(l));
    const numbered = !bullets && lines.every((l) => NUMBERED.test(l));
    if (bullets || numbered) {
      const items: ListItemNode[] = [];
      for (const line of lines) {
        const filled = inlineFromMarkup(line.replace(bullets ? BULLET : NUMBERED, ''), values, missing);
        if (!filled.drop) items.push({ type: 'listItem', content: [paragraph(filled.nodes, role)] });
      }
      if (items.length === 0) continue;
      if (bullets) blocks.push({ type: 'bulletList', content: items });
      else {
        const start = Number(NUMBERED.exec(first)?.[1] ?? '1');
        blocks.push(
          start === 1
            ? { type: 'orderedList', content: items }
            : { type: 'orderedList', attrs: { start }, content: items },
        );
      }
      continue;
    }
    if (lines.every((l) => l.startsWith('>'))) {
      const filled = linesToInline(
        lines.map((l) => l.replace(/^>\s?/, '')),
        values,
        missing,
      );
      if (!filled.drop) blocks.push({ type: 'blockquote', content: [paragraph(filled.nodes, role)] });
      continue;
    }
    const filled = linesToInline(lines, values, missing);
    if (!filled.drop) blocks.push(paragraph(filled.nodes, role));
  }
  return { blocks, missing: [...missing] };
}

/**
 * Case text as paragraphs, literally: blank lines separate paragraphs, single newlines are line
 * breaks. Footnotes (from `response.footnotes`) go where the text says `[^1]`, `[^2]`…, and any not
 * placed that way go at the end of the last paragraph, where a reader expects the mark.
 */
export function literalParagraphs(
  value: string,
  role?: ParagraphRole,
  footnotes: readonly string[] = [],
): ParagraphNode[] {
  const placed = new Set<number>();
  const paragraphs = value
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((c) => c.replace(/^\n+|\n+$/g, ''))
    .filter((c) => c.trim() !== '')
    .map((chunk) => {
      const content: InlineNode[] = [];
      let last = 0;
      for (const m of chunk.matchAll(/\[\^(\d{1,3})\]/g)) {
        const index = Number(m[1]) - 1;
        const note = footnotes[index];
        if (note === undefined || placed.has(index)) continue;
        placed.add(index);
        content.push(...inlineText(chunk.slice(last, m.index)));
        content.push({ type: 'footnote', attrs: { text: note } });
        last = m.index + m[0].length;
      }
      content.push(...inlineText(chunk.slice(last)));
      return paragraph(content, role);
    });
  const rest = footnotes
    .map((note, index) => ({ note, index }))
    .filter(({ index }) => !placed.has(index))
    .map(({ note }): InlineNode => ({ type: 'footnote', attrs: { text: note } }));
  if (rest.length > 0) {
    const target = paragraphs[paragraphs.length - 1];
    if (target) target.content = [...(target.content ?? []), ...rest];
    else paragraphs.push(paragraph(rest, role));
  }
  return paragraphs;
}
