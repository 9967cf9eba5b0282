/**
 * The letter as it will print: an A4 sheet with the letterhead, the recipient, our reference and
 * the date, the body and its footnotes, laid out as the Word renderer lays them out. Built from the
 * document JSON with React elements (never innerHTML), and links are shown, not followed: a click
 * must not take the officer out of the app.
 */
import { Fragment, type ReactNode } from 'react';
import type { Organisation } from '../../../shared/case-format';
import type {
  BlockNode,
  DocNode,
  InlineNode,
  ListItemNode,
  Mark,
  ParagraphRole,
} from '../../../shared/letter/doc';
import type { LetterMeta } from '../../../shared/letter/template';

interface Footnotes {
  texts: string[];
}

function roleOf(attrs: { role?: ParagraphRole | null } | undefined): string | undefined {
  const role = attrs?.role;
  return role && role !== 'body' ? role : undefined;
}

function withMark(mark: Mark, child: ReactNode, key: number): ReactNode {
  switch (mark.type) {
    case 'bold':
      return <strong key={key}>{child}</strong>;
    case 'italic':
      return <em key={key}>{child}</em>;
    case 'underline':
      return <u key={key}>{child}</u>;
    case 'strike':
      return <s key={key}>{child}</s>;
    case 'code':
      return <code key={key}>{child}</code>;
    case 'link':
      return (
        <span key={key} className="letter-doc__link" title={mark.attrs.href}>
          {child}
        </span>
      );
  }
}

function renderInline(nodes: InlineNode[] | undefined, notes: Footnotes): ReactNode[] {
  return (nodes ?? []).map((node, index) => {
    switch (node.type) {
      case 'text':
        return (node.marks ?? []).reduceRight<ReactNode>(
          (child, mark) => withMark(mark, child, index),
          <Fragment key={index}>{node.text}</Fragment>,
        );
      case 'hardBreak':
        return <br key={index} />;
      case 'footnote': {
        notes.texts.push(node.attrs.text);
        return (
          <sup key={index} className="letter-preview__noteref">
            {notes.texts.length}
          </sup>
        );
      }
    }
  });
}

function renderListItem(item: ListItemNode, index: number, notes: Footnotes): ReactNode {
  return <li key={index}>{item.content.map((b, i) => renderBlock(b, i, notes))}</li>;
}

function renderBlock(block: BlockNode, index: number, notes: Footnotes): ReactNode {
  switch (block.type) {
    case 'paragraph': {
      const inline = renderInline(block.content, notes);
      return (
        <p key={index} data-role={roleOf(block.attrs)} data-align={block.attrs?.textAlign ?? undefined}>
          {inline.length ? inline : <br />}
        </p>
      );
    }
    case 'heading':
      // Not real headings: the letter's outline is not the page's.
      return (
        <p
          key={index}
          className={`letter-doc__heading letter-doc__heading--${Math.min(Math.max(block.attrs.level, 2), 4)}`}
          data-role={roleOf(block.attrs)}
        >
          {renderInline(block.content, notes)}
        </p>
      );
    case 'bulletList':
      return <ul key={index}>{block.content.map((item, i) => renderListItem(item, i, notes))}</ul>;
    case 'orderedList':
      return (
        <ol key={index} start={block.attrs?.start ?? 1}>
          {block.content.map((item, i) => renderListItem(item, i, notes))}
        </ol>
      );
    case 'blockquote':
      return <blockquote key={index}>{block.content.map((b, i) => renderBlock(b, i, notes))}</blockquote>;
    case 'horizontalRule':
      return <hr key={index} />;
    case 'codeBlock':
      return (
        <pre key={index}>
          <code>{(block.content ?? []).map((t) => t.text).join('')}</code>
        </pre>
      );
  }
}

function Letterhead({ organisation }: { organisation: Organisation }) {
  const contact: string[] = [];
  if (organisation.telephone) contact.push(`Tel: ${organisation.telephone}`);
  if (organisation.fax) contact.push(`Fax: ${organisation.fax}`);
  if (organisation.directLine) contact.push(`Direct line: ${organisation.directLine}`);
  if (organisation.email) contact.push(`Email: ${organisation.email}`);
  if (organisation.website) contact.push(organisation.website);
  return (
    <div className="letter-preview__letterhead">
      <p className="letter-preview__org">{organisation.name}</p>
      {organisation.team ? <p className="letter-preview__team">{organisation.team}</p> : null}
      {organisation.addressLines
        .filter((l) => l.trim() !== '')
        .map((line, i) => (
          <p key={`a${i}`}>{line}</p>
        ))}
      {contact.map((line, i) => (
        <p key={`c${i}`} className={i === 0 ? 'letter-preview__contact' : undefined}>
          {line}
        </p>
      ))}
    </div>
  );
}

export function LetterPreview({
  meta,
  body,
  organisation,
}: {
  meta: LetterMeta;
  body: DocNode;
  organisation: Organisation | null;
}) {
  const notes: Footnotes = { texts: [] };
  const blocks = body.content.map((block, i) => renderBlock(block, i, notes));
  return (
    // Focusable, so the keyboard can scroll a long letter.
    <div
      className="letter-preview"
      data-testid="letter-preview"
      role="region"
      aria-label="Preview of the letter"
      tabIndex={0}
    >
      <div className="letter-preview__sheet">
        {organisation ? <Letterhead organisation={organisation} /> : null}
        <div className="letter-preview__address">
          {meta.recipientLines.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
          <p className="letter-preview__gap">Our ref: {meta.ourRef}</p>
          <p>Date: {meta.dateText}</p>
        </div>
        <div className="letter-doc letter-preview__body">{blocks}</div>
        {notes.texts.length ? (
          <ol className="letter-preview__footnotes">
            {notes.texts.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ol>
        ) : null}
      </div>
    </div>
  );
}
