import { describe, expect, it } from 'vitest';
import { plainText, type DocNode } from '../../../shared/letter/doc';
import { literalParagraphs, markupToBlocks } from '../../../shared/letter/markup';
import {
  fillPlaceholders,
  fillPlaceholdersDetailed,
  placeholderNames,
} from '../../../shared/letter/placeholders';

describe('fillPlaceholders', () => {
  it('fills known names, dotted names included', () => {
    expect(
      fillPlaceholders('{{reference}} received {{received}} by {{ organisation.name }}', {
        reference: 'FOI 1',
        received: '1 May 2024',
        'organisation.name': 'The Trust',
      }),
    ).toBe('FOI 1 received 1 May 2024 by The Trust');
  });

  it('leaves unknown and empty names visible', () => {
    expect(fillPlaceholders('Dear {{requester.name}}, {{x}}', { x: '' })).toBe(
      'Dear {{requester.name}}, {{x}}',
    );
    expect(fillPlaceholdersDetailed('{{a}} {{b}}', { a: '1' }).missing).toEqual(['b']);
  });

  it('never reaches the prototype or evaluates anything', () => {
    const values = { a: '1' };
    for (const t of [
      '{{constructor}}',
      '{{__proto__}}',
      '{{toString}}',
      '{{a.constructor}}',
      '{{hasOwnProperty}}',
    ]) {
      expect(fillPlaceholders(t, values)).toBe(t);
    }
    expect(fillPlaceholders('{{1+1}} {{a; process.exit()}} {{`x`}}', values)).toBe(
      '{{1+1}} {{a; process.exit()}} {{`x`}}',
    );
  });

  it('inserts values literally, without expanding placeholders inside them', () => {
    expect(fillPlaceholders('{{a}}', { a: '{{b}} $& $1', b: 'no' })).toBe('{{b}} $& $1');
  });

  it('reports an optional placeholder with no value', () => {
    expect(fillPlaceholdersDetailed('Email {{email?}}', {}).dropBlock).toBe(true);
    expect(fillPlaceholdersDetailed('Email {{email?}}', { email: 'a@b.org' })).toEqual({
      text: 'Email a@b.org',
      missing: [],
      dropBlock: false,
    });
  });

  it('lists the names a template uses', () => {
    expect(placeholderNames('{{a}} {{b.c?}} {{a}}')).toEqual(['a', 'b.c']);
  });
});

function doc(blocks: DocNode['content']): DocNode {
  return { type: 'doc', content: blocks };
}

describe('markupToBlocks', () => {
  it('makes paragraphs, headings, lists and quotes', () => {
    const { blocks } = markupToBlocks('## Title\n\nOne\ntwo\n\n- a\n- b\n\n3. c\n4. d\n\n> quoted', {});
    expect(blocks.map((b) => b.type)).toEqual([
      'heading',
      'paragraph',
      'bulletList',
      'orderedList',
      'blockquote',
    ]);
    expect(blocks[0]).toMatchObject({ attrs: { level: 2 } });
    expect(blocks[1]).toMatchObject({ content: [{ text: 'One' }, { type: 'hardBreak' }, { text: 'two' }] });
    expect(blocks[3]).toMatchObject({ attrs: { start: 3 } });
  });

  it('parses bold, italic, underline, links and escapes', () => {
    const { blocks } = markupToBlocks('**b** *i* __u__ [ICO](https://ico.org.uk) <a@b.org> \\*x\\*', {});
    expect(blocks[0]).toMatchObject({
      content: [
        { text: 'b', marks: [{ type: 'bold' }] },
        { text: ' ' },
        { text: 'i', marks: [{ type: 'italic' }] },
        { text: ' ' },
        { text: 'u', marks: [{ type: 'underline' }] },
        { text: ' ' },
        { text: 'ICO', marks: [{ type: 'link', attrs: { href: 'https://ico.org.uk' } }] },
        { text: ' ' },
        { text: 'a@b.org', marks: [{ type: 'link', attrs: { href: 'mailto:a@b.org' } }] },
        { text: ' *x*' },
      ],
    });
  });

  it('fills placeholders after parsing, so values are never markup', () => {
    const { blocks } = markupToBlocks('Dear {{name}}', { name: '**Eve** [x](javascript:alert(1))' });
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'Dear **Eve** [x](javascript:alert(1))' }],
    });
  });

  it('prints an unsafe or unfilled link target as plain text', () => {
    const { blocks, missing } = markupToBlocks('[click](javascript:alert(1)) <{{site}}>', {});
    expect(JSON.stringify(blocks)).not.toContain('"link"');
    expect(missing).toEqual(['site']);
  });

  it('drops a paragraph or list item with an empty optional placeholder', () => {
    const { blocks } = markupToBlocks('Keep\n\nDrop {{x?}}\n\n- keep\n- drop {{x?}}', {});
    expect(plainText(doc(blocks))).toBe('Keep\nkeep');
  });

  it('turns a multi-line value into line breaks', () => {
    const { blocks } = markupToBlocks('{{address}}', { address: '1 Road\nTown' });
    expect(blocks[0]).toMatchObject({
      content: [{ text: '1 Road' }, { type: 'hardBreak' }, { text: 'Town' }],
    });
  });
});

describe('literalParagraphs', () => {
  it('splits on blank lines, breaks on single newlines, and keeps markup characters', () => {
    const paras = literalParagraphs('**not bold**\nline two\r\n\r\n\r\nsecond', 'answer');
    expect(paras).toEqual([
      {
        type: 'paragraph',
        attrs: { role: 'answer' },
        content: [
          { type: 'text', text: '**not bold**' },
          { type: 'hardBreak' },
          { type: 'text', text: 'line two' },
        ],
      },
      { type: 'paragraph', attrs: { role: 'answer' }, content: [{ type: 'text', text: 'second' }] },
    ]);
  });

  it('places footnotes at their markers and the rest at the end', () => {
    const paras = literalParagraphs('A[^2] b.\n\nC.', undefined, ['one', 'two']);
    expect(paras[0]!.content!.map((n) => n.type)).toEqual(['text', 'footnote', 'text']);
    expect(paras[1]!.content).toEqual([
      { type: 'text', text: 'C.' },
      { type: 'footnote', attrs: { text: 'one' } },
    ]);
    // A marker with no footnote stays as typed.
    expect(plainText(literalParagraphs('x[^9]')[0]!)).toBe('x[^9]');
  });

  it('never makes an empty text node', () => {
    const paras = literalParagraphs('\n\n[^1]\n\n', undefined, ['n']);
    expect(JSON.stringify(paras)).not.toContain('"text":""');
  });
});
