/**
 * The standard answers library on the case page (issue #14, part 3): "Insert a standard answer"
 * beside an answer being drafted (search the library, entries suited to the question first), and
 * "Save this answer to the library" beside a recorded answer. The form for an entry is here too;
 * the library screen uses it. What an entry needs, and the personal-data warning, are the shared
 * rules (shared/standard-answers.ts) the service refuses on.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { REGIMES, type QuestionResponse, type Regime } from '../../../shared/case-format';
import type { CaseDetail } from '../../../shared/contract';
import { PERSONAL_DATA_LABELS } from '../../../shared/personal-data';
import {
  insertionNotes,
  libraryPersonalData,
  parseTags,
  standardAnswerProblems,
  type StandardAnswerInput,
  type StandardAnswerView,
} from '../../../shared/standard-answers';
import { todayIso } from '../../../shared/dates';
import { call, errorMessage } from '../api';
import { Alert, CheckboxField, ErrorSummary, SelectField, TextArea, TextField } from '../components/fields';
import { Modal } from '../components/modal';

/** Keys inside a dialog opened from within the answer form stay there: Enter must not save the answer. */
function keepKeys(e: KeyboardEvent) {
  if (e.key === 'Escape' || e.key === 'Enter') e.stopPropagation();
  if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
}

export function StandardAnswerPicker({
  caseId,
  questionId,
  questionNumber,
  regime,
  onInsert,
}: {
  caseId: number;
  questionId: string | undefined;
  questionNumber: string;
  regime: Regime;
  onInsert: (entry: StandardAnswerView) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <div className="standard-picker">
      <button type="button" className="button button--secondary button--small" onClick={() => setOpen(true)}>
        Insert a standard answer
      </button>
      {open ? (
        <Modal
          title={`Insert a standard answer into question ${questionNumber}`}
          onClose={() => setOpen(false)}
        >
          <div onKeyDown={keepKeys}>
            <PickerBody
              caseId={caseId}
              questionId={questionId}
              regime={regime}
              onPick={(entry) => {
                setOpen(false);
                onInsert(entry);
              }}
            />
          </div>
        </Modal>
      ) : null}
    </div>
  );
}

function PickerBody({
  caseId,
  questionId,
  regime,
  onPick,
}: {
  caseId: number;
  questionId: string | undefined;
  regime: Regime;
  onPick: (entry: StandardAnswerView) => void;
}) {
  const uid = useId();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<StandardAnswerView[] | null>(null);
  const [total, setTotal] = useState(0);
  const [suggested, setSuggested] = useState<StandardAnswerView[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!questionId) return;
    let live = true;
    call('answers:suggest', { caseId, questionId }).then(
      (s) => live && setSuggested(s),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [caseId, questionId]);
  useEffect(() => {
    let live = true;
    call('answers:list', { search, regime, limit: 100 }).then(
      (list) => live && (setFound(list.entries), setTotal(list.total), setError(null)),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [search, regime]);
  const today = todayIso();
  const shownSuggested = search.trim() ? [] : suggested;
  const rest = (found ?? []).filter((e) => !shownSuggested.some((s) => s.id === e.id));
  const row = (e: StandardAnswerView) => {
    const notes = insertionNotes(e, regime, today);
    return (
      <li key={e.id} className="standard-picker__item" data-standard-answer={e.title}>
        <div className="standard-picker__head">
          <strong>{e.title}</strong>
          {e.provision ? <span className="tag">{e.provision}</span> : null}
          {e.tags.map((t) => (
            <span key={t} className="tag tag--muted">
              {t}
            </span>
          ))}
        </div>
        <p className="standard-picker__text">{e.text.length > 300 ? `${e.text.slice(0, 299)}…` : e.text}</p>
        {notes.map((n) => (
          <p key={n} className="hint">
            {n}
          </p>
        ))}
        <button type="button" className="button button--small" onClick={() => onPick(e)}>
          Insert “{e.title}”
        </button>
      </li>
    );
  };
  return (
    <div className="standard-picker__body" data-ready={found ? 'true' : 'false'}>
      <TextField
        id={`${uid}-search`}
        label="Search the standard answers"
        hint="Words in the title, tags, exemption or text."
        value={search}
        onChange={setSearch}
        type="search"
        autoFocus
      />
      {error ? <Alert>{error}</Alert> : null}
      {shownSuggested.length ? (
        <>
          <h3 className="standard-picker__heading">Suggested for this question</h3>
          <ul className="standard-picker__list" data-list="suggested">
            {shownSuggested.map(row)}
          </ul>
        </>
      ) : null}
      {found && total === 0 ? (
        <p className="muted">The library has no standard answers yet: add them under Standard answers.</p>
      ) : null}
      {found && total > 0 && rest.length === 0 && shownSuggested.length === 0 ? (
        <p className="muted">No standard answer matches.</p>
      ) : null}
      {rest.length ? (
        <>
          {shownSuggested.length ? <h3 className="standard-picker__heading">The library</h3> : null}
          <ul className="standard-picker__list" data-list="library">
            {rest.map(row)}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** The form for one entry: title, text, tags, regime, exemption; the personal-data warning as it is typed. */
export function StandardAnswerForm({
  initial,
  id,
  fromCase,
  onSaved,
  onCancel,
}: {
  initial: StandardAnswerInput;
  /** The entry being changed; none for a new one. */
  id?: number;
  /** Saved from this case's answer: its requester is looked for in the text. */
  fromCase?: { id: number; requester: { name?: string; email?: string; address?: string } };
  onSaved: (entry: StandardAnswerView) => void;
  onCancel: () => void;
}) {
  const uid = useId();
  const [title, setTitle] = useState(initial.title);
  const [text, setText] = useState(initial.text);
  const [tags, setTags] = useState(initial.tags.join(', '));
  const [regime, setRegime] = useState<string>(initial.regime ?? '');
  const [provision, setProvision] = useState(initial.provision ?? '');
  const [accept, setAccept] = useState(false);
  const [problems, setProblems] = useState<{ field: string; message: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const entry = (): StandardAnswerInput => ({
    title,
    text,
    tags: parseTags(tags),
    regime: regime ? (regime as Regime) : null,
    provision: provision.trim() ? provision : null,
  });
  const findings = libraryPersonalData({ title, text }, fromCase?.requester ?? {});
  const kinds = [...new Set(findings.map((f) => PERSONAL_DATA_LABELS[f.kind]))];

  const save = async () => {
    const found = standardAnswerProblems(entry()).map((p) => ({
      field: `${uid}-${p.field}`,
      message: p.message,
    }));
    setProblems(found);
    if (found.length) return;
    setBusy(true);
    try {
      const saved = await call('answers:save', {
        ...(id !== undefined ? { id } : {}),
        entry: entry(),
        ...(fromCase ? { fromCaseId: fromCase.id } : {}),
        ...(findings.length && accept ? { acceptPersonalData: true } : {}),
      });
      onSaved(saved);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (f: string) => problems.find((p) => p.field === `${uid}-${f}`)?.message;
  return (
    <div className="standard-form" onKeyDown={keepKeys} data-form="standard-answer">
      <ErrorSummary problems={problems} />
      {error ? <Alert>{error}</Alert> : null}
      <TextField
        id={`${uid}-title`}
        label="Title"
        value={title}
        onChange={setTitle}
        error={fieldError('title')}
      />
      <TextArea
        id={`${uid}-text`}
        label="Text"
        value={text}
        onChange={setText}
        rows={8}
        error={fieldError('text')}
      />
      <TextField
        id={`${uid}-tags`}
        label="Tags (optional)"
        hint="Separated by commas: cyber, agency staff."
        value={tags}
        onChange={setTags}
        error={fieldError('tags')}
      />
      <div className="field-row">
        <SelectField
          id={`${uid}-regime`}
          label="For requests under"
          value={regime}
          onChange={setRegime}
          options={[{ value: '', label: 'Any regime' }, ...REGIMES.map((r) => ({ value: r, label: r }))]}
          error={fieldError('regime')}
        />
        <TextField
          id={`${uid}-provision`}
          label="Exemption it goes with (optional)"
          hint="For example FOIA s40(2)."
          value={provision}
          onChange={setProvision}
          error={fieldError('provision')}
        />
      </div>
      {findings.length ? (
        <div className="callout callout--warning" data-warning="personal-data">
          <p className="callout__title">This may hold personal data: {kinds.join(', ').toLowerCase()}</p>
          <p>
            Standard answers are reused for other requesters. Take it out, or tick below if it is not personal
            data (a switchboard number, the trust’s own address).
          </p>
          <ul>
            {findings.map((f) => (
              <li key={`${f.kind}:${f.index}`}>
                {PERSONAL_DATA_LABELS[f.kind]}: <mark>{f.value}</mark>
              </li>
            ))}
          </ul>
          <CheckboxField
            label="It is not personal data: save it anyway"
            checked={accept}
            onChange={setAccept}
          />
        </div>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={busy || (findings.length > 0 && !accept)}
          onClick={() => void save()}
        >
          {busy ? 'Saving…' : id !== undefined ? 'Save the standard answer' : 'Add to the library'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** "Save this answer to the library" beside a recorded answer. */
export function SaveToLibrary({
  detail,
  questionNumber,
  questionText,
  response,
}: {
  detail: CaseDetail;
  questionNumber: string;
  questionText: string;
  response: QuestionResponse;
}) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const exemption = response.exemptions?.[0];
  const text = response.text?.trim() || exemption?.reason.trim() || response.heldStatement?.trim() || '';
  if (!text) return null;
  const title = questionText.length > 100 ? `${questionText.slice(0, 99)}…` : questionText;
  return (
    <>
      <button
        type="button"
        className="button button--link button--small"
        onClick={() => (setSaved(null), setOpen(true))}
      >
        Save this answer to the library
      </button>
      {saved ? (
        <span role="status" className="muted">
          {' '}
          Saved to the library as “{saved}”.
        </span>
      ) : null}
      {open ? (
        <Modal
          title={`Save the answer to question ${questionNumber} to the library`}
          onClose={() => setOpen(false)}
        >
          <StandardAnswerForm
            initial={{
              title,
              text,
              tags: [],
              regime: detail.record.regime,
              provision: exemption?.provision ?? null,
            }}
            fromCase={{ id: detail.id, requester: detail.record.requester }}
            onSaved={(e) => {
              setOpen(false);
              setSaved(e.title);
            }}
            onCancel={() => setOpen(false)}
          />
        </Modal>
      ) : null}
    </>
  );
}
