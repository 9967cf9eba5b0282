/**
 * The rich-text editor for a letter's body (TipTap on ProseMirror). It edits exactly the JSON the
 * Word renderer reads, so what the officer formats here is what Word shows: bold, italic,
 * underline, lists, headings, links, footnotes, and each paragraph's Word style.
 *
 * Keyboard: Ctrl+B / I / U, Ctrl+K for a link, Ctrl+Alt+F for a footnote (as in Word), Alt+F10
 * to the toolbar (arrow keys move along it, Escape goes back to the text), Enter on a selected
 * footnote to change it.
 */
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { NodeSelection } from '@tiptap/pm/state';
import type { EditorProps } from '@tiptap/pm/view';
import type { DocNode } from '../../../shared/letter/doc';
import { letterExtensions } from './extensions';
import { FootnoteDialog, LinkDialog } from './letter-dialogs';

const STYLES = [
  { value: 'body', label: 'Body text' },
  { value: 'h2', label: 'Heading' },
  { value: 'h3', label: 'Subheading' },
  { value: 'h4', label: 'Minor heading' },
  { value: 'subject', label: 'Re: line' },
  { value: 'question', label: 'Question' },
  { value: 'question-part', label: 'Question part' },
  { value: 'answer', label: 'Answer' },
  { value: 'lead', label: 'Lead-in to a list' },
  { value: 'factor', label: 'Public interest factor' },
  { value: 'signature', label: 'Signature block' },
  { value: 'enclosure', label: 'Enclosure' },
] as const;

interface FootnoteAt {
  pos: number;
  text: string;
}

type Dialog = { kind: 'link' } | { kind: 'footnote'; editing: FootnoteAt | null } | null;

interface ToolState {
  style: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  bulletList: boolean;
  orderedList: boolean;
  link: boolean;
  canUndo: boolean;
  canRedo: boolean;
  footnotes: FootnoteAt[];
}

function readToolState(editor: Editor): ToolState {
  const parent = editor.state.selection.$from.parent;
  let style = '';
  if (parent.type.name === 'heading') style = `h${Math.min(Math.max(Number(parent.attrs.level), 2), 4)}`;
  else if (parent.type.name === 'paragraph') style = (parent.attrs.role as string | null) ?? 'body';
  const footnotes: FootnoteAt[] = [];
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name === 'footnote') footnotes.push({ pos, text: String(node.attrs.text ?? '') });
  });
  return {
    style,
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    underline: editor.isActive('underline'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    link: editor.isActive('link'),
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
    footnotes,
  };
}

/** The footnote the selection is on, if it is on one. */
function selectedFootnote(editor: Editor): FootnoteAt | null {
  const { selection } = editor.state;
  if (selection instanceof NodeSelection && selection.node.type.name === 'footnote') {
    return { pos: selection.from, text: String(selection.node.attrs.text ?? '') };
  }
  return null;
}

interface Tool {
  id: string;
  label: string;
  /** Shown as the button's face when shorter than the label. */
  face?: string;
  shortcut?: string;
  keys?: string;
  pressed?: (s: ToolState) => boolean;
  enabled?: (s: ToolState) => boolean;
  run: () => void;
}

function stayOnPage(event: MouseEvent<HTMLDivElement>): void {
  if (event.target instanceof Element && event.target.closest('a')) event.preventDefault();
}

export function LetterEditor({
  initial,
  readOnly,
  onChange,
  describedBy,
}: {
  initial: DocNode;
  readOnly: boolean;
  onChange: (doc: DocNode) => void;
  /** Ids of text that describes the letter (its version, whether it is sent). */
  describedBy?: string;
}) {
  const uid = useId();
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [dialog, setDialog] = useState<Dialog>(null);
  const openDialogRef = useRef<(d: Dialog) => void>(() => undefined);
  openDialogRef.current = (d) => {
    if (!readOnly) setDialog(d);
  };
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [activeTool, setActiveTool] = useState(0);

  // Stable options: useEditor compares them on every render and re-applies any that changed.
  const extensions = useMemo(letterExtensions, []);
  const editorProps = useMemo<EditorProps>(
    () => ({
      attributes: {
        class: 'letter-doc letter-editor__content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Letter text',
        ...(readOnly ? { 'aria-readonly': 'true' } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        lang: 'en-GB',
        spellcheck: 'true',
      },
      handleDoubleClickOn: (_view, _pos, node, nodePos) => {
        if (node.type.name !== 'footnote') return false;
        openDialogRef.current({
          kind: 'footnote',
          editing: { pos: nodePos, text: String(node.attrs.text ?? '') },
        });
        return true;
      },
    }),
    [readOnly, describedBy],
  );

  const editor = useEditor({
    extensions,
    content: initial,
    editable: !readOnly,
    // The page's Content-Security-Policy allows no inline <style>: the editor's CSS is in styles.css.
    injectCSS: false,
    immediatelyRender: true,
    editorProps,
    onUpdate: ({ editor: e }) => onChangeRef.current(e.getJSON() as DocNode),
  });

  const tools = useEditorState({ editor, selector: ({ editor: e }) => readToolState(e) });

  const focusToolbar = useCallback(() => {
    const buttons = toolbarRef.current?.querySelectorAll<HTMLButtonElement>('button');
    buttons?.[Math.min(activeTool, buttons.length - 1)]?.focus();
  }, [activeTool]);

  const onEditorKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (readOnly) return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (mod && !event.altKey && !event.shiftKey && key === 'k') {
      event.preventDefault();
      setDialog({ kind: 'link' });
    } else if (mod && event.altKey && key === 'f') {
      event.preventDefault();
      setDialog({ kind: 'footnote', editing: selectedFootnote(editor) });
    } else if (event.altKey && event.key === 'F10') {
      event.preventDefault();
      focusToolbar();
    } else if (event.key === 'Enter' && !mod && !event.shiftKey && !event.altKey) {
      const note = selectedFootnote(editor);
      if (note) {
        event.preventDefault();
        setDialog({ kind: 'footnote', editing: note });
      }
    }
  };

  const list: Tool[] = [
    {
      id: 'bold',
      label: 'Bold',
      face: 'B',
      shortcut: 'Ctrl+B',
      keys: 'Control+B',
      pressed: (s) => s.bold,
      run: () => editor.chain().focus().toggleBold().run(),
    },
    {
      id: 'italic',
      label: 'Italic',
      face: 'I',
      shortcut: 'Ctrl+I',
      keys: 'Control+I',
      pressed: (s) => s.italic,
      run: () => editor.chain().focus().toggleItalic().run(),
    },
    {
      id: 'underline',
      label: 'Underline',
      face: 'U',
      shortcut: 'Ctrl+U',
      keys: 'Control+U',
      pressed: (s) => s.underline,
      run: () => editor.chain().focus().toggleUnderline().run(),
    },
    {
      id: 'bullets',
      label: 'Bullets',
      shortcut: 'Ctrl+Shift+8',
      keys: 'Control+Shift+8',
      pressed: (s) => s.bulletList,
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
    {
      id: 'numbers',
      label: 'Numbering',
      shortcut: 'Ctrl+Shift+7',
      keys: 'Control+Shift+7',
      pressed: (s) => s.orderedList,
      run: () => editor.chain().focus().toggleOrderedList().run(),
    },
    {
      id: 'link',
      label: 'Link',
      shortcut: 'Ctrl+K',
      keys: 'Control+K',
      pressed: (s) => s.link,
      run: () => setDialog({ kind: 'link' }),
    },
    {
      id: 'footnote',
      label: 'Footnote',
      shortcut: 'Ctrl+Alt+F',
      keys: 'Control+Alt+F',
      run: () => setDialog({ kind: 'footnote', editing: selectedFootnote(editor) }),
    },
    {
      id: 'undo',
      label: 'Undo',
      shortcut: 'Ctrl+Z',
      keys: 'Control+Z',
      enabled: (s) => s.canUndo,
      run: () => editor.chain().focus().undo().run(),
    },
    {
      id: 'redo',
      label: 'Redo',
      shortcut: 'Ctrl+Y',
      keys: 'Control+Y',
      enabled: (s) => s.canRedo,
      run: () => editor.chain().focus().redo().run(),
    },
  ];

  const onToolbarKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, (i: number) => number> = {
      ArrowRight: (i) => (i + 1) % list.length,
      ArrowLeft: (i) => (i - 1 + list.length) % list.length,
      Home: () => 0,
      End: () => list.length - 1,
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const next = move(activeTool);
      setActiveTool(next);
      toolbarRef.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      editor.commands.focus();
    }
  };

  const setStyle = (value: string) => {
    // No focus() here: arrow keys on a closed select change it, and the officer is still choosing.
    if (value === 'h2' || value === 'h3' || value === 'h4') {
      editor
        .chain()
        .setNode('heading', { level: Number(value.slice(1)), role: null })
        .run();
    } else {
      editor
        .chain()
        .setNode('paragraph', { role: value === 'body' ? null : value })
        .run();
    }
  };

  const removeFootnote = (note: FootnoteAt) => {
    editor
      .chain()
      .focus()
      .command(({ tr }) => {
        const node = tr.doc.nodeAt(note.pos);
        if (node?.type.name !== 'footnote') return false;
        tr.delete(note.pos, note.pos + node.nodeSize);
        return true;
      })
      .run();
  };

  useEffect(() => {
    // A sent letter can be reopened unlocked in the same editor only by a remount; keep them in step anyway.
    if (editor.isEditable === readOnly) editor.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  return (
    <div className="letter-editor">
      {readOnly ? null : (
        <div className="letter-editor__bar">
          <label className="letter-editor__style" htmlFor={`${uid}-style`}>
            <span className="letter-editor__style-label">Paragraph style</span>
            <select
              id={`${uid}-style`}
              className="select select--small"
              value={tools.style}
              onChange={(e) => setStyle(e.target.value)}
            >
              {tools.style === '' ? <option value="">—</option> : null}
              {STYLES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <div
            ref={toolbarRef}
            className="letter-editor__toolbar"
            role="toolbar"
            aria-label="Formatting"
            aria-controls={`${uid}-content`}
            onKeyDown={onToolbarKey}
          >
            {list.map((tool, index) => {
              const enabled = tool.enabled ? tool.enabled(tools) : true;
              return (
                <button
                  key={tool.id}
                  type="button"
                  className={`tool tool--${tool.id}`}
                  tabIndex={index === activeTool ? 0 : -1}
                  aria-label={tool.face ? tool.label : undefined}
                  aria-pressed={tool.pressed ? tool.pressed(tools) : undefined}
                  aria-disabled={enabled ? undefined : true}
                  aria-keyshortcuts={tool.keys}
                  title={tool.shortcut ? `${tool.label} (${tool.shortcut})` : tool.label}
                  onFocus={() => setActiveTool(index)}
                  // Keep the text selection where it is while the mouse presses the button.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => {
                    if (enabled) tool.run();
                  }}
                >
                  {tool.face ?? tool.label}
                </button>
              );
            })}
          </div>
        </div>
      )}
      <div
        className="letter-editor__frame"
        onKeyDown={onEditorKey}
        // A locked letter is plain HTML, where a click on a link would leave the app.
        onClickCapture={stayOnPage}
        onAuxClick={stayOnPage}
      >
        <EditorContent editor={editor} id={`${uid}-content`} />
      </div>
      {tools.footnotes.length ? (
        <div className="letter-editor__notes">
          <h3 className="letter-editor__notes-title">Footnotes</h3>
          <ol className="letter-editor__notes-list">
            {tools.footnotes.map((note, index) => (
              <li key={note.pos} className="letter-editor__note">
                <span className="letter-editor__note-text">{note.text}</span>
                {readOnly ? null : (
                  <span className="letter-editor__note-tools">
                    <button
                      type="button"
                      className="button button--link"
                      aria-label={`Change footnote ${index + 1}`}
                      onClick={() => setDialog({ kind: 'footnote', editing: note })}
                    >
                      Change
                    </button>
                    <button
                      type="button"
                      className="button button--link button--danger"
                      aria-label={`Remove footnote ${index + 1}`}
                      onClick={() => removeFootnote(note)}
                    >
                      Remove
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {dialog?.kind === 'link' ? (
        <LinkDialog editor={editor} onClose={() => setDialog(null)} />
      ) : dialog?.kind === 'footnote' ? (
        <FootnoteDialog
          editor={editor}
          editing={dialog.editing}
          onClose={() => setDialog(null)}
          onRemove={removeFootnote}
        />
      ) : null}
    </div>
  );
}
