/**
 * Settings → Letters: the wording letters are built from. Templates say which blocks a letter
 * has and in what order; standard paragraphs are the shared wording (review rights, the right to
 * complain, re-use…). The team's copies replace the shipped ones, which stay as they are, so
 * "Reset to default" always has something to go back to. Letters already saved keep their words.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { REGIMES, type Regime } from '../../../shared/case-format';
import type { LetterLibrary } from '../../../shared/contract';
import { PARAGRAPH_ROLES, type ParagraphRole } from '../../../shared/letter/doc';
import {
  LAYOUTS,
  type LetterLayout,
  type LetterTemplate,
  type StandardParagraph,
  type TemplateBlock,
} from '../../../shared/letter/template';
import { call, errorMessage } from '../api';
import { Alert, CheckboxField, SelectField, TextArea, TextField } from '../components/fields';
import { ConfirmDialog } from '../components/modal';
import { REGIME_LONG } from '../format';

type Message = { tone: 'success' | 'error'; text: string } | null;
type Selected = { kind: 'template'; id: string } | { kind: 'paragraph'; id: string } | null;

const LAYOUT_LABELS: Record<LetterLayout, string> = {
  'answer-after-each': 'Each question quoted, with its answer straight after it',
  'request-then-answers': 'The whole request quoted first, then the answers',
};

const ROLE_LABELS: Record<ParagraphRole, string> = {
  body: 'Body text',
  subject: 'Re: line',
  question: 'Question',
  'question-part': 'Question part',
  answer: 'Answer',
  lead: 'Lead-in to a list',
  factor: 'Public interest factor',
  signature: 'Signature block',
  enclosure: 'Enclosure',
};

const BLOCK_LABELS: Record<TemplateBlock['kind'], string> = {
  standard: 'A standard paragraph',
  text: 'Text of this template only',
  request: 'The request as received, quoted',
  answers: 'The questions and answers, with exemptions and public interest tests',
  'sign-off': 'The sign-off: Yours sincerely, space to sign, name and job title',
  exemptions: 'Each exemption recorded on the case, the questions it covers and why it applies',
};

const MARKUP_HINT =
  'A blank line starts a new paragraph. **bold**, *italic*, __underlined__, [link text](https://…), “- ” at the start of a line for a bulleted list, “1. ” for a numbered one. {{reference}}, {{requester.name}} and the other placeholders in the guide are filled in from the case.';

export function LetterSettings() {
  const uid = useId();
  const [library, setLibrary] = useState<LetterLibrary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Selected>(null);
  // Bumped after a save or a reset, so the form starts again from what is stored.
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    call('letters:library', {}).then(setLibrary, (e: unknown) => setError(errorMessage(e)));
  }, []);

  const onSaved = (next: LetterLibrary, what: string) => {
    setLibrary(next);
    setGeneration((g) => g + 1);
    setNotice(what);
  };
  const choose = (next: Selected) => {
    setSelected(next);
    setNotice(null);
  };

  const template =
    selected?.kind === 'template' ? library?.templates.find((t) => t.id === selected.id) : undefined;
  const paragraph =
    selected?.kind === 'paragraph' ? library?.paragraphs.find((p) => p.id === selected.id) : undefined;

  return (
    <section
      className="panel letter-settings"
      aria-labelledby={`${uid}-heading`}
      data-testid="letter-settings"
    >
      <h2 className="panel__title" id={`${uid}-heading`}>
        Letters
      </h2>
      <p className="hint">
        The wording FOI Desk writes letters with. Changes apply to letters generated from now on; letters
        already saved keep their words. “Reset to default” goes back to the wording FOI Desk comes with.
      </p>
      {error ? <Alert>{error}</Alert> : null}
      {library ? (
        <div className="letter-settings__grid">
          <nav className="letter-settings__lists" aria-label="Templates and standard paragraphs">
            <p className="hint letter-settings__keys" id={`${uid}-keys`}>
              In a list, the up and down arrow keys move from one to the next.
            </p>
            <h3 className="panel__subtitle" id={`${uid}-templates`}>
              Letter templates
            </h3>
            <ChoiceList
              labelledBy={`${uid}-templates`}
              describedBy={`${uid}-keys`}
              items={library.templates}
              selectedId={selected?.kind === 'template' ? selected.id : null}
              onChoose={(id) => choose({ kind: 'template', id })}
            />
            <h3 className="panel__subtitle" id={`${uid}-paragraphs`}>
              Standard paragraphs
            </h3>
            <ChoiceList
              labelledBy={`${uid}-paragraphs`}
              describedBy={`${uid}-keys`}
              items={library.paragraphs}
              selectedId={selected?.kind === 'paragraph' ? selected.id : null}
              onChoose={(id) => choose({ kind: 'paragraph', id })}
            />
          </nav>
          <div className="letter-settings__editor">
            {notice ? <Alert tone="success">{notice}</Alert> : null}
            {template ? (
              <TemplateForm
                key={`${template.id}:${generation}`}
                template={template}
                paragraphs={library.paragraphs}
                onSaved={onSaved}
              />
            ) : paragraph ? (
              <ParagraphForm key={`${paragraph.id}:${generation}`} paragraph={paragraph} onSaved={onSaved} />
            ) : (
              <p className="muted">Choose a template or a standard paragraph to change its wording.</p>
            )}
          </div>
        </div>
      ) : error ? null : (
        <p className="loading" role="status">
          Loading the letter templates…
        </p>
      )}
    </section>
  );
}

/**
 * A long list of choices with one tab stop: the arrow keys move along it (as in a toolbar), so
 * the keyboard is not walked through sixty buttons to get past it.
 */
function ChoiceList({
  items,
  selectedId,
  onChoose,
  labelledBy,
  describedBy,
}: {
  items: { id: string; name: string; customised: boolean }[];
  selectedId: string | null;
  onChoose: (id: string) => void;
  labelledBy: string;
  describedBy: string;
}) {
  const [focusId, setFocusId] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const stop = focusId ?? selectedId ?? items[0]?.id ?? null;

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = items.findIndex((i) => i.id === stop);
    const moves: Record<string, number> = {
      ArrowDown: Math.min(index + 1, items.length - 1),
      ArrowUp: Math.max(index - 1, 0),
      Home: 0,
      End: items.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const id = items[next]?.id;
    if (!id) return;
    setFocusId(id);
    listRef.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };

  return (
    <ul
      ref={listRef}
      className="letter-settings__list"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <li key={item.id}>
          <button
            type="button"
            className="letter-settings__choice"
            tabIndex={item.id === stop ? 0 : -1}
            aria-current={item.id === selectedId ? 'true' : undefined}
            onFocus={() => setFocusId(item.id)}
            onClick={() => onChoose(item.id)}
          >
            {item.name}
            {item.customised ? <span className="tag tag--adapted">Adapted</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Focuses the form's heading when it opens, so a screen reader hears what is being edited. */
function useHeadingFocus() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function ResetButton({
  what,
  customised,
  onReset,
}: {
  what: string;
  customised: boolean;
  onReset: () => Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  if (!customised) return null;
  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
        Reset to default
      </button>
      {asking ? (
        <ConfirmDialog
          title={`Reset “${what}” to default?`}
          confirmLabel="Reset to default"
          onConfirm={() => {
            setAsking(false);
            void onReset();
          }}
          onCancel={() => setAsking(false)}
        >
          The team’s wording is replaced by the wording FOI Desk comes with. Letters already saved keep their
          words.
        </ConfirmDialog>
      ) : null}
    </>
  );
}

interface BlockRow {
  key: number;
  block: TemplateBlock;
}

function TemplateForm({
  template,
  paragraphs,
  onSaved,
}: {
  template: LetterTemplate & { customised: boolean };
  paragraphs: StandardParagraph[];
  onSaved: (library: LetterLibrary, notice: string) => void;
}) {
  const uid = useId();
  const heading = useHeadingFocus();
  const nextKey = useRef(template.blocks.length);
  const [name, setName] = useState(template.name);
  const [title, setTitle] = useState(template.title);
  const [description, setDescription] = useState(template.description ?? '');
  const [regimes, setRegimes] = useState<Regime[]>(template.regimes);
  const [layout, setLayout] = useState<LetterLayout>(template.layout ?? 'answer-after-each');
  const [rows, setRows] = useState<BlockRow[]>(() => template.blocks.map((block, key) => ({ key, block })));
  const [adding, setAdding] = useState<TemplateBlock['kind']>('standard');
  const [message, setMessage] = useState<Message>(null);

  const update = (key: number, block: TemplateBlock) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { key, block } : r)));
  const move = (index: number, by: -1 | 1) =>
    setRows((rs) => {
      const next = [...rs];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });

  const addBlock = () => {
    let block: TemplateBlock;
    switch (adding) {
      case 'standard':
        block = { kind: 'standard', id: paragraphs[0]?.id ?? 'salutation' };
        break;
      case 'text':
        block = { kind: 'text', text: '' };
        break;
      default:
        block = { kind: adding };
    }
    setRows((rs) => [...rs, { key: nextKey.current++, block }]);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || !title.trim())
      return setMessage({ tone: 'error', text: 'Enter the template’s name and title.' });
    if (regimes.length === 0)
      return setMessage({ tone: 'error', text: 'Tick at least one kind of request the template is for.' });
    if (rows.length === 0) return setMessage({ tone: 'error', text: 'A template needs at least one block.' });
    const next: LetterTemplate = {
      id: template.id,
      name: name.trim(),
      title: title.trim(),
      regimes,
      layout,
      blocks: rows.map((r) => r.block),
    };
    if (description.trim()) next.description = description.trim();
    try {
      onSaved(
        await call('letters:save-template', { template: next }),
        `The template “${next.name}” was saved. New letters use it.`,
      );
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    }
  };

  const reset = async () => {
    try {
      onSaved(
        await call('letters:reset-template', { id: template.id }),
        `The template “${template.name}” is back to the wording FOI Desk comes with.`,
      );
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-labelledby={`${uid}-heading`}>
      <h3 className="letter-settings__title" id={`${uid}-heading`} ref={heading} tabIndex={-1}>
        Template: {template.name}
        {template.customised ? <span className="tag tag--adapted">Adapted by the team</span> : null}
      </h3>
      <div className="field-row">
        <TextField label="Name" hint="Shown in the template list." value={name} onChange={setName} />
        <TextField
          label="Title"
          hint="Used in the file name, for example “Refusal notice”."
          value={title}
          onChange={setTitle}
        />
      </div>
      <TextArea label="Description (optional)" value={description} onChange={setDescription} rows={2} />
      <fieldset className="fieldset">
        <legend className="fieldset__legend fieldset__legend--small">Offered for</legend>
        <div className="letter-settings__regimes">
          {REGIMES.map((r) => (
            <CheckboxField
              key={r}
              label={REGIME_LONG[r] ?? r}
              checked={regimes.includes(r)}
              onChange={(on) =>
                setRegimes((rs) =>
                  on ? REGIMES.filter((x) => x === r || rs.includes(x)) : rs.filter((x) => x !== r),
                )
              }
            />
          ))}
        </div>
      </fieldset>
      <SelectField
        label="Layout"
        value={layout}
        onChange={(v) => setLayout(v as LetterLayout)}
        options={LAYOUTS.map((l) => ({ value: l, label: LAYOUT_LABELS[l] }))}
      />
      <h4 className="letter-settings__blocks-title">What the letter says, in order</h4>
      <ol className="letter-settings__blocks">
        {rows.map((row, index) => (
          <li
            key={row.key}
            className={`letter-settings__block${row.block.kind === 'standard' || row.block.kind === 'text' ? '' : ' letter-settings__block--fixed'}`}
          >
            <BlockEditor
              block={row.block}
              number={index + 1}
              paragraphs={paragraphs}
              onChange={(b) => update(row.key, b)}
            />
            <div className="letter-settings__block-tools">
              <button
                type="button"
                className="tool"
                disabled={index === 0}
                aria-label={`Move block ${index + 1} up`}
                onClick={() => move(index, -1)}
              >
                Up
              </button>
              <button
                type="button"
                className="tool"
                disabled={index === rows.length - 1}
                aria-label={`Move block ${index + 1} down`}
                onClick={() => move(index, 1)}
              >
                Down
              </button>
              <button
                type="button"
                className="tool tool--danger"
                aria-label={`Remove block ${index + 1}`}
                onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="letter-settings__add">
        <SelectField
          label="Add a block"
          value={adding}
          onChange={(v) => setAdding(v as TemplateBlock['kind'])}
          options={(Object.keys(BLOCK_LABELS) as TemplateBlock['kind'][]).map((k) => ({
            value: k,
            label: BLOCK_LABELS[k],
          }))}
        />
        <button type="button" className="button button--secondary" onClick={addBlock}>
          Add the block
        </button>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="button-row">
        <button type="submit" className="button">
          Save the template
        </button>
        <ResetButton what={template.name} customised={template.customised} onReset={reset} />
      </div>
    </form>
  );
}

function BlockEditor({
  block,
  number,
  paragraphs,
  onChange,
}: {
  block: TemplateBlock;
  number: number;
  paragraphs: StandardParagraph[];
  onChange: (block: TemplateBlock) => void;
}) {
  switch (block.kind) {
    case 'standard':
      return (
        <SelectField
          label={`${number}. Standard paragraph`}
          value={block.id}
          onChange={(id) => onChange({ kind: 'standard', id })}
          options={[
            ...(paragraphs.some((p) => p.id === block.id) ? [] : [{ value: block.id, label: block.id }]),
            ...paragraphs.map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
      );
    case 'text':
      return (
        <div>
          <TextArea
            label={`${number}. Text of this template only`}
            hint={MARKUP_HINT}
            value={block.text}
            onChange={(text) => onChange({ ...block, text })}
            rows={4}
          />
          <SelectField
            label="Word style"
            value={block.role ?? ''}
            onChange={(v) =>
              onChange(
                v
                  ? { kind: 'text', text: block.text, role: v as ParagraphRole }
                  : { kind: 'text', text: block.text },
              )
            }
            options={[
              { value: '', label: 'As the text says (body text)' },
              ...PARAGRAPH_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
            ]}
          />
        </div>
      );
    case 'request':
    case 'answers':
    case 'sign-off':
    case 'exemptions':
      return (
        <p className="letter-settings__fixed">
          <span className="letter-settings__number">{number}.</span> {BLOCK_LABELS[block.kind]}
        </p>
      );
  }
}

function ParagraphForm({
  paragraph,
  onSaved,
}: {
  paragraph: StandardParagraph & { customised: boolean };
  onSaved: (library: LetterLibrary, notice: string) => void;
}) {
  const uid = useId();
  const heading = useHeadingFocus();
  const [name, setName] = useState(paragraph.name);
  const [description, setDescription] = useState(paragraph.description ?? '');
  const [role, setRole] = useState<ParagraphRole | ''>(paragraph.role ?? '');
  const [text, setText] = useState(paragraph.text);
  const [variants, setVariants] = useState<Partial<Record<Regime, string>>>(paragraph.variants ?? {});
  const [adding, setAdding] = useState<Regime | ''>('');
  const [message, setMessage] = useState<Message>(null);
  const withVariant = REGIMES.filter((r) => variants[r] !== undefined);
  const without = REGIMES.filter((r) => variants[r] === undefined);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setMessage({ tone: 'error', text: 'Enter the paragraph’s name.' });
    const next: StandardParagraph = { id: paragraph.id, name: name.trim(), text };
    if (description.trim()) next.description = description.trim();
    if (role) next.role = role;
    if (withVariant.length) next.variants = variants;
    try {
      onSaved(
        await call('letters:save-paragraph', { paragraph: next }),
        `The paragraph “${next.name}” was saved. New letters use it.`,
      );
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    }
  };

  const reset = async () => {
    try {
      onSaved(
        await call('letters:reset-paragraph', { id: paragraph.id }),
        `The paragraph “${paragraph.name}” is back to the wording FOI Desk comes with.`,
      );
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-labelledby={`${uid}-heading`}>
      <h3 className="letter-settings__title" id={`${uid}-heading`} ref={heading} tabIndex={-1}>
        Standard paragraph: {paragraph.name}
        {paragraph.customised ? <span className="tag tag--adapted">Adapted by the team</span> : null}
      </h3>
      {paragraph.description ? <p className="hint letter-settings__about">{paragraph.description}</p> : null}
      <div className="field-row">
        <TextField label="Name" value={name} onChange={setName} />
        <SelectField
          label="Word style"
          value={role}
          onChange={(v) => setRole(v as ParagraphRole | '')}
          options={[
            { value: '', label: 'Body text' },
            ...PARAGRAPH_ROLES.filter((r) => r !== 'body').map((r) => ({ value: r, label: ROLE_LABELS[r] })),
          ]}
        />
      </div>
      <TextArea label="Description (optional)" value={description} onChange={setDescription} rows={2} />
      <TextArea label="Wording" hint={MARKUP_HINT} value={text} onChange={setText} rows={8} />
      {withVariant.map((r) => (
        <div key={r} className="letter-settings__variant">
          <TextArea
            label={`Wording for ${REGIME_LONG[r] ?? r}`}
            hint="Leave it empty to leave the paragraph out of these letters."
            value={variants[r] ?? ''}
            onChange={(v) => setVariants((vs) => ({ ...vs, [r]: v }))}
            rows={5}
          />
          <button
            type="button"
            className="button button--link button--danger"
            onClick={() =>
              setVariants((vs) => {
                const next = { ...vs };
                delete next[r];
                return next;
              })
            }
          >
            Use the main wording for {REGIME_LONG[r] ?? r}
          </button>
        </div>
      ))}
      {without.length ? (
        <div className="letter-settings__add">
          <SelectField
            label="Other wording for"
            value={adding}
            onChange={(v) => setAdding(v as Regime | '')}
            options={[
              { value: '', label: 'Choose a kind of request' },
              ...without.map((r) => ({ value: r, label: REGIME_LONG[r] ?? r })),
            ]}
          />
          <button
            type="button"
            className="button button--secondary"
            disabled={!adding}
            onClick={() => {
              if (!adding) return;
              setVariants((vs) => ({ ...vs, [adding]: text }));
              setAdding('');
            }}
          >
            Add the wording
          </button>
        </div>
      ) : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="button-row">
        <button type="submit" className="button">
          Save the paragraph
        </button>
        <ResetButton what={paragraph.name} customised={paragraph.customised} onReset={reset} />
      </div>
    </form>
  );
}
