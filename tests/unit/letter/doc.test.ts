import { describe, expect, it } from 'vitest';
import { isSafeHref, parseDoc } from '../../../shared/letter/doc';

describe('parseDoc', () => {
  it('accepts TipTap output with its extra attributes', () => {
    const tiptap = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { textAlign: null, role: 'answer' },
          content: [
            { type: 'text', text: 'See ' },
            {
              type: 'text',
              text: 'the ICO',
              marks: [
                {
                  type: 'link',
                  attrs: { href: 'https://ico.org.uk', target: '_blank', rel: 'noopener', class: null },
                },
              ],
            },
            { type: 'footnote', attrs: { text: 'A note.' } },
            { type: 'hardBreak' },
          ],
        },
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'H' }] },
        {
          type: 'orderedList',
          attrs: { start: 2, type: null },
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph' },
                { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
              ],
            },
          ],
        },
        { type: 'blockquote', content: [{ type: 'paragraph' }] },
        { type: 'horizontalRule' },
        { type: 'codeBlock', attrs: { language: null }, content: [{ type: 'text', text: 'x' }] },
      ],
    };
    const result = parseDoc(tiptap);
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it.each([
    ['an unknown node', { type: 'doc', content: [{ type: 'table', content: [] }] }],
    [
      'an unknown mark',
      {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'highlight' }] }] },
        ],
      },
    ],
    [
      'an empty text node',
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] },
    ],
    ['an empty document', { type: 'doc', content: [] }],
    [
      'a list item not starting with a paragraph',
      {
        type: 'doc',
        content: [
          { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'horizontalRule' }] }] },
        ],
      },
    ],
    ['a heading level 7', { type: 'doc', content: [{ type: 'heading', attrs: { level: 7 } }] }],
    [
      'a footnote without text',
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'footnote', attrs: {} }] }] },
    ],
  ])('refuses %s', (_name, input) => {
    expect(parseDoc(input).ok).toBe(false);
  });

  it('refuses a pathologically deep document without overflowing the stack', () => {
    let node: unknown = { type: 'paragraph' };
    for (let i = 0; i < 100_000; i += 1) node = { type: 'blockquote', content: [node] };
    const result = parseDoc({ type: 'doc', content: [node] });
    expect(result).toEqual({
      ok: false,
      problems: [{ path: '(whole document)', problem: 'is nested too deeply' }],
    });
  });
});

describe('isSafeHref', () => {
  it('allows web, mail and telephone links only', () => {
    for (const ok of [
      'https://ico.org.uk/make-a-complaint/',
      'http://example.org',
      'mailto:foi@hpft.nhs.uk',
      'tel:+44 303 123 1113',
    ]) {
      expect(isSafeHref(ok), ok).toBe(true);
    }
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'www.example.org',
      '',
      'https://a b',
    ]) {
      expect(isSafeHref(bad), bad).toBe(false);
    }
  });
});
