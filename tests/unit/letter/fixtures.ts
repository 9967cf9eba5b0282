import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  caseSchema,
  organisationSchema,
  type CaseRecord,
  type Organisation,
} from '../../../shared/case-format';
import { buildLetter, type BuildLetterInput } from '../../../shared/letter/build';
import {
  plainText,
  type BlockNode,
  type DocNode,
  type InlineNode,
  type ListItemNode,
} from '../../../shared/letter/doc';
import type { LetterDocument } from '../../../shared/letter/template';
import { getTemplate, listParagraphs } from '../../../templates/defaults';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');

export function walton(): { c: CaseRecord; org: Organisation } {
  return {
    c: caseSchema.parse(JSON.parse(readFileSync(path.join(fixtures, 'foi-4951.case.json'), 'utf8'))),
    org: organisationSchema.parse(
      JSON.parse(readFileSync(path.join(fixtures, 'walton.organisation.json'), 'utf8')),
    ),
  };
}

export function hpft(): { c: CaseRecord; org: Organisation } {
  return {
    c: caseSchema.parse(JSON.parse(readFileSync(path.join(fixtures, 'foi-2774.case.json'), 'utf8'))),
    org: organisationSchema.parse(
      JSON.parse(readFileSync(path.join(fixtures, 'hpft.organisation.json'), 'utf8')),
    ),
  };
}

/** A letter with the shipped paragraphs and the named shipped template. */
export function letter(
  c: CaseRecord,
  org: Organisation,
  templateId: string,
  extra: Partial<BuildLetterInput> = {},
): LetterDocument {
  const template = getTemplate(templateId);
  if (!template) throw new Error(`no template ${templateId}`);
  return buildLetter({
    case: c,
    organisation: org,
    template,
    paragraphs: listParagraphs(),
    date: c.responded ?? c.received,
    ...extra,
  });
}

export function text(doc: DocNode): string {
  return plainText(doc);
}

/** Index of each needle in order; -1 marks the first that is missing or out of order. */
export function positions(haystack: string, needles: string[]): number[] {
  let from = 0;
  return needles.map((n) => {
    const at = haystack.indexOf(n, from);
    if (at >= 0) from = at + n.length;
    return at;
  });
}

/** Every inline node in the document, in order. */
export function inlineNodes(doc: DocNode): InlineNode[] {
  const out: InlineNode[] = [];
  const walk = (block: BlockNode | ListItemNode): void => {
    if (block.type === 'paragraph' || block.type === 'heading') out.push(...(block.content ?? []));
    else if (block.type === 'codeBlock') out.push(...(block.content ?? []));
    else if (block.type !== 'horizontalRule') {
      for (const child of block.content as (BlockNode | ListItemNode)[]) walk(child);
    }
  };
  doc.content.forEach(walk);
  return out;
}

/** Top-level blocks whose plain text contains the given text. */
export function blocksContaining(doc: DocNode, needle: string): BlockNode[] {
  return doc.content.filter((b) => plainText(b).includes(needle));
}
