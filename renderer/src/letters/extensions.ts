/**
 * The TipTap schema of the letter: StarterKit (whose node and mark names are the ones
 * shared/letter/doc.ts and the Word renderer read), plus what a letter needs on top: the paragraph
 * `role` that becomes a Word style, and real footnotes.
 */
import { Extension, Node, mergeAttributes, type Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { isSafeHref, PARAGRAPH_ROLES, type ParagraphRole } from '../../../shared/letter/doc';

function isRole(value: unknown): value is ParagraphRole {
  return typeof value === 'string' && (PARAGRAPH_ROLES as readonly string[]).includes(value);
}

/**
 * Keeps each paragraph's and heading's `role` ("question", "factor"…) through the editor. Without
 * it ProseMirror would drop the attribute on load, and the Word export would lose its styles.
 */
export const ParagraphRoleAttribute = Extension.create({
  name: 'paragraphRole',
  addGlobalAttributes() {
    return [
      {
        types: ['paragraph', 'heading'],
        attributes: {
          role: {
            default: null,
            // A new paragraph typed after a question is the officer's own text, not another question.
            keepOnSplit: false,
            parseHTML: (element) => {
              const role = element.getAttribute('data-role');
              return isRole(role) ? role : null;
            },
            renderHTML: (attributes) => {
              const role: unknown = attributes.role;
              return isRole(role) && role !== 'body' ? { 'data-role': role } : {};
            },
          },
        },
      },
    ];
  },
});

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    footnote: {
      /** Puts a footnote with this text at the cursor. */
      insertFootnote: (text: string) => ReturnType;
    };
  }
}

/**
 * A footnote: an inline atom carrying its text, shown as a superscript number (numbered by a CSS
 * counter, so the numbers follow the order in the letter), and written by the Word renderer as a
 * real footnote at the foot of the page.
 */
export const Footnote = Node.create({
  name: 'footnote',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      text: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-text') ?? '',
        renderHTML: (attributes) => ({ 'data-text': String(attributes.text ?? '') }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'sup[data-footnote]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const text = String(node.attrs.text ?? '');
    return [
      'sup',
      mergeAttributes(HTMLAttributes, { 'data-footnote': '', class: 'footnote-ref', title: text }),
      // The number is drawn by CSS; a screen reader hears what the footnote says.
      ['span', { class: 'visually-hidden' }, ` (footnote: ${text})`],
    ];
  },

  renderText({ node }) {
    return ` [${String(node.attrs.text ?? '')}]`;
  },

  addCommands() {
    return {
      insertFootnote:
        (text: string) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { text } }),
    };
  },
});

/** Everything the letter editor is built from. */
export function letterExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      // An empty paragraph added after a closing list would count as an edit the officer never made.
      trailingNode: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        protocols: ['mailto', 'tel'],
        // Only web, e-mail and telephone links: the Word renderer prints anything else as text.
        isAllowedUri: (url) => isSafeHref(url),
        HTMLAttributes: { target: null, rel: 'noopener noreferrer nofollow', class: null },
      },
    }),
    ParagraphRoleAttribute,
    Footnote,
  ];
}
