/**
 * The editor's small dialogs: a link (web, e-mail or telephone only, the targets the Word renderer
 * keeps) and a footnote's text. Both give the keyboard back to the letter where it was.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Editor } from '@tiptap/react';
import { isSafeHref } from '../../../shared/letter/doc';
import { Modal } from '../components/modal';
import { DateField, TextArea, TextField } from '../components/fields';
import { isIsoDate } from '../../../shared/dates';

function focusField(id: string): void {
  document.getElementById(id)?.focus();
}

/**
 * Gives the keyboard back to the letter with its caret where it was, in the same task as the
 * dialog closes. Closing the dialog focuses the editor, and the browser puts that caret at the
 * start of the letter; ProseMirror puts its own back only 20 ms later, and takes the browser's
 * if the page is too busy to read it within 200 ms of the focus. A key pressed, or a style chosen,
 * in that window went to the letter's first line.
 */
function backToLetter(editor: Editor): () => void {
  return () => {
    if (!editor.isDestroyed) editor.view.focus();
  };
}

/**
 * Focuses the main field once the dialog is open: the dialog's showModal runs after its children
 * mount, and would otherwise leave the focus on the Close button.
 */
function useFocusOnOpen(id: string): void {
  useEffect(() => {
    const frame = requestAnimationFrame(() => focusField(id));
    return () => cancelAnimationFrame(frame);
  }, [id]);
}

/**
 * What the officer typed as a link target, made into one: an e-mail address gets mailto:, a
 * telephone number tel:, "www…" https://. Null when it is none of the allowed kinds.
 */
export function normaliseHref(input: string): string | null {
  const value = input.trim();
  if (value === '') return null;
  let href = value;
  if (/^[^\s@:/]+@[^\s@/]+\.[^\s@/]+$/.test(value)) href = `mailto:${value}`;
  else if (/^\+?[\d\s()-]{6,}$/.test(value)) href = `tel:${value.replace(/[\s()-]/g, '')}`;
  else if (/^www\.[^\s]+$/i.test(value)) href = `https://${value}`;
  return isSafeHref(href) ? href : null;
}

export function LinkDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const existing = editor.isActive('link') ? String(editor.getAttributes('link').href ?? '') : '';
  const empty = editor.state.selection.empty && !existing;
  const [href, setHref] = useState(existing);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const hrefId = useId();
  useFocusOnOpen(hrefId);

  const close = () => {
    onClose();
    editor.commands.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target = normaliseHref(href);
    if (!target) {
      setError('Enter a web address starting https:// or http://, an email address or a telephone number.');
      focusField(hrefId);
      return;
    }
    const chain = editor.chain().focus();
    if (empty) {
      const text = label.trim() || href.trim();
      // Typing on after the new link should not lengthen it.
      chain
        .insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href: target } }] })
        .unsetMark('link')
        .run();
    } else {
      chain.extendMarkRange('link').setLink({ href: target }).run();
    }
    onClose();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  return (
    <Modal
      title={existing ? 'Change the link' : 'Add a link'}
      onClose={close}
      returnFocus={backToLetter(editor)}
    >
      <form onSubmit={submit} noValidate>
        <TextField
          id={hrefId}
          label="Link to"
          hint="A web address (https://…), an email address or a telephone number."
          value={href}
          onChange={setHref}
          error={error}
          autoComplete="off"
          spellCheck={false}
        />
        {empty ? (
          <TextField
            label="Text to show (optional)"
            hint="Leave empty to show the address itself."
            value={label}
            onChange={setLabel}
          />
        ) : null}
        <div className="button-row">
          <button type="submit" className="button">
            {existing ? 'Change the link' : 'Add the link'}
          </button>
          {existing ? (
            <button type="button" className="button button--secondary" onClick={remove}>
              Remove the link
            </button>
          ) : null}
          <button type="button" className="button button--link" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function FootnoteDialog({
  editor,
  editing,
  onClose,
  onRemove,
}: {
  editor: Editor;
  editing: { pos: number; text: string } | null;
  onClose: () => void;
  onRemove: (note: { pos: number; text: string }) => void;
}) {
  const [text, setText] = useState(editing?.text ?? '');
  const [error, setError] = useState<string | null>(null);
  const textId = useId();
  useFocusOnOpen(textId);

  const close = () => {
    onClose();
    editor.commands.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) {
      setError('Enter the text of the footnote.');
      focusField(textId);
      return;
    }
    if (editing) {
      editor
        .chain()
        .focus()
        .command(({ tr }) => {
          const node = tr.doc.nodeAt(editing.pos);
          if (node?.type.name !== 'footnote') return false;
          tr.setNodeMarkup(editing.pos, undefined, { ...node.attrs, text: value });
          return true;
        })
        .run();
    } else {
      editor.chain().focus().insertFootnote(value).run();
    }
    onClose();
  };

  return (
    <Modal
      title={editing ? 'Change the footnote' : 'Add a footnote'}
      onClose={close}
      returnFocus={backToLetter(editor)}
    >
      <form
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
        }}
        noValidate
      >
        <TextArea
          id={textId}
          label="Footnote text"
          hint={
            editing
              ? 'Printed at the foot of the page in Word.'
              : 'Added where the cursor is, and printed at the foot of the page in Word. Ctrl+Enter adds it.'
          }
          value={text}
          onChange={setText}
          error={error}
          rows={4}
        />
        <div className="button-row">
          <button type="submit" className="button">
            {editing ? 'Save the footnote' : 'Add the footnote'}
          </button>
          {editing ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                onRemove(editing);
                onClose();
              }}
            >
              Remove the footnote
            </button>
          ) : null}
          <button type="button" className="button button--link" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

/**
 * The date the letter bears, changed in place: a new date is saved as a new version with every
 * hand edit kept (`letters:redate`). Applied when the officer presses "Change the date".
 */
export function LetterDateField({
  date,
  disabled,
  onChange,
}: {
  date: string;
  disabled: boolean;
  onChange: (iso: string) => void;
}) {
  const [value, setValue] = useState(date);
  useEffect(() => setValue(date), [date]);
  const real = isIsoDate(value);
  return (
    <div className="letters__date" data-testid="letter-date">
      <DateField
        label="Letter date"
        hint="The date the letter is sent: the response date for a closed case. For example, 21/11/2026"
        value={value}
        onChange={setValue}
      />
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={disabled || !real || value === date}
        onClick={() => onChange(value)}
      >
        Change the date
      </button>
    </div>
  );
}

/** Asks before exporting a letter that is not ready: each unfilled placeholder, a missing signatory. */
export function ExportWarningsDialog({
  warnings,
  onExport,
  onCancel,
}: {
  warnings: readonly string[];
  onExport: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal title="This letter is not ready to send" onClose={onCancel}>
      <p className="modal__text">Export it anyway? Fill these in on the case or in the letter first:</p>
      <ul className="letters__warnings" data-testid="export-warnings">
        {warnings.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Go back and fill them in
        </button>
        <button type="button" className="button" onClick={onExport}>
          Export anyway
        </button>
      </div>
    </Modal>
  );
}
