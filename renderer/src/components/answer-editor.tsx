/**
 * Records the answer to one question: the outcome, the answer text, and for an exemption the
 * provision from the built-in catalogue, its subsection, how likely the harm is, why it applies and,
 * for a qualified exemption, the public interest test. It says plainly when an absolute exemption
 * needs no test.
 */
import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import {
  exemptionsFor,
  findExemption,
  HARM_TESTS,
  KIND_LABELS,
  kindOf,
  likelihoodsFor,
  matchProvision,
  provisionLabel,
  testOf,
  type ExemptionEntry,
} from '../../../shared/exemptions';
import {
  QUESTION_OUTCOMES,
  type AppliedExemption,
  type QuestionOutcome,
  type QuestionResponse,
  type Regime,
} from '../../../shared/case-format';
import { QUESTION_OUTCOME_LABELS } from '../format';
import { needsExemptions, responseProblems } from '../../../shared/answer-rules';
import { insertStandardText, type StandardAnswerView } from '../../../shared/standard-answers';
import { ErrorSummary, SelectField, TextArea, TextField, type Problem } from './fields';
import { useUnsavedChanges } from '../unsaved/unsaved-changes';

/** The editor's state as a draft keeps it (kept in the case file at a lock, offered back after). */
export interface AnswerDraft {
  outcome: QuestionOutcome | '';
  text: string;
  heldStatement: string;
  link: string;
  seeQuestion: string;
  exemptions: Omit<ExemptionDraft, 'key'>[];
}

/** A stored draft, read defensively: anything not in the expected shape is left out. */
export function readAnswerDraft(value: unknown): AnswerDraft | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  const outcome = str(v.outcome);
  const exemptions = Array.isArray(v.exemptions) ? v.exemptions : [];
  return {
    outcome: (QUESTION_OUTCOMES as readonly string[]).includes(outcome) ? (outcome as QuestionOutcome) : '',
    text: str(v.text),
    heldStatement: str(v.heldStatement),
    link: str(v.link),
    seeQuestion: str(v.seeQuestion),
    exemptions: exemptions.map((e) => {
      const x = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
      const likelihood = str(x.likelihood);
      return {
        catalogueId: str(x.catalogueId),
        subsection: str(x.subsection),
        customProvision: str(x.customProvision),
        customTitle: str(x.customTitle),
        likelihood: likelihood === 'would' || likelihood === 'would be likely to' ? likelihood : '',
        reason: str(x.reason),
        forDisclosure: str(x.forDisclosure),
        forWithholding: str(x.forWithholding),
        conclusion: str(x.conclusion),
      };
    }),
  };
}

const OTHER = 'other';

interface ExemptionDraft {
  key: number;
  catalogueId: string;
  subsection: string;
  customProvision: string;
  customTitle: string;
  likelihood: '' | 'would' | 'would be likely to';
  reason: string;
  forDisclosure: string;
  forWithholding: string;
  conclusion: string;
}

let nextKey = 1;

function toDraft(ex: AppliedExemption): ExemptionDraft {
  const found = matchProvision(ex.provision);
  const known = found && (found.subsection || ex.provision === provisionLabel(found.entry));
  return {
    key: nextKey++,
    catalogueId: known ? found.entry.id : OTHER,
    subsection: known && found.subsection ? found.subsection.ref : '',
    customProvision: known ? '' : ex.provision,
    customTitle: known ? '' : (ex.title ?? ''),
    likelihood: ex.likelihood ?? '',
    reason: ex.reason,
    forDisclosure: (ex.publicInterest?.forDisclosure ?? []).join('\n'),
    forWithholding: (ex.publicInterest?.forWithholding ?? []).join('\n'),
    conclusion: ex.publicInterest?.conclusion ?? '',
  };
}

function emptyDraft(): ExemptionDraft {
  return {
    key: nextKey++,
    catalogueId: '',
    subsection: '',
    customProvision: '',
    customTitle: '',
    likelihood: '',
    reason: '',
    forDisclosure: '',
    forWithholding: '',
    conclusion: '',
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function entryOf(d: ExemptionDraft): ExemptionEntry | undefined {
  return d.catalogueId && d.catalogueId !== OTHER ? findExemption(d.catalogueId) : undefined;
}

/** Whether the draft needs a public interest test; unknown provisions are treated as qualified. */
function needsTest(d: ExemptionDraft): boolean {
  const entry = entryOf(d);
  return entry ? kindOf(entry, d.subsection || undefined) === 'qualified' : d.catalogueId === OTHER;
}

function fromDraft(d: ExemptionDraft): AppliedExemption {
  const entry = entryOf(d);
  const subsection = entry?.subsections.find((s) => s.ref === d.subsection);
  const out: AppliedExemption = {
    provision: entry ? provisionLabel(entry, d.subsection || undefined) : d.customProvision.trim(),
    reason: d.reason.trim(),
  };
  const title = entry ? (subsection?.title ?? entry.title) : d.customTitle.trim();
  if (title) out.title = title;
  const allowed = entry
    ? likelihoodsFor(entry, d.subsection || undefined)
    : (['would', 'would be likely to'] as const);
  if (d.likelihood && allowed.includes(d.likelihood)) out.likelihood = d.likelihood;
  const factorsGiven =
    lines(d.forDisclosure).length + lines(d.forWithholding).length > 0 || d.conclusion.trim() !== '';
  if (needsTest(d) && factorsGiven) {
    out.publicInterest = {
      forDisclosure: lines(d.forDisclosure),
      forWithholding: lines(d.forWithholding),
      conclusion: d.conclusion.trim(),
    };
  }
  return out;
}

function draftOf(response: QuestionResponse | undefined, otherNumbers: string[]): AnswerDraft {
  return {
    outcome: response?.outcome ?? '',
    text: response?.text ?? '',
    heldStatement: response?.heldStatement ?? '',
    link: response?.link ?? '',
    seeQuestion: response?.seeQuestion ?? otherNumbers[0] ?? '',
    exemptions: (response?.exemptions ?? []).map((ex) => {
      const { key: _key, ...rest } = toDraft(ex);
      return rest;
    }),
  };
}

export function AnswerEditor({
  questionNumber,
  response,
  regime,
  otherNumbers,
  saving,
  onSave,
  onCancel,
  draft,
  restored,
  insertTool,
}: {
  questionNumber: string;
  response: QuestionResponse | undefined;
  regime: Regime;
  otherNumbers: string[];
  saving: boolean;
  /** Resolves true when the answer was saved. */
  onSave: (response: QuestionResponse | null) => Promise<boolean>;
  onCancel: () => void;
  /** How unsaved edits here are named and kept (see unsaved-changes.tsx). */
  draft: { key: string; label: string; caseId: number };
  /** A draft kept at the last lock, to start from instead of the saved answer. */
  restored?: AnswerDraft;
  /** The standard answers picker, given the function that puts an entry into this draft. */
  insertTool?: (insert: (entry: StandardAnswerView) => void) => ReactNode;
}) {
  const uid = useId();
  const [saved] = useState(() => JSON.stringify(draftOf(response, otherNumbers)));
  const [first] = useState(() => restored ?? draftOf(response, otherNumbers));
  const [outcome, setOutcome] = useState<QuestionOutcome | ''>(first.outcome);
  const [text, setText] = useState(first.text);
  const [heldStatement, setHeldStatement] = useState(first.heldStatement);
  const [link, setLink] = useState(first.link);
  const [seeQuestion, setSeeQuestion] = useState(first.seeQuestion);
  const [exemptions, setExemptions] = useState<ExemptionDraft[]>(() =>
    first.exemptions.map((e) => ({ ...e, key: nextKey++ })),
  );
  const [problems, setProblems] = useState<Problem[]>([]);
  const withExemptions = outcome === 'exempt' || outcome === 'part-exempt' || outcome === 'ncnd';
  const catalogue = exemptionsFor(regime);
  const formRef = useRef<HTMLFormElement>(null);

  // Opening the editor puts the keyboard on the outcome (the chosen one, or the first).
  useEffect(() => {
    const radios = formRef.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    const target = [...(radios ?? [])].find((r) => r.checked) ?? radios?.[0];
    target?.focus();
  }, []);

  // Where the officer's caret was in the answer text, so a standard answer goes in there.
  const caret = useRef<{ start: number; end: number } | undefined>(undefined);
  const [inserted, setInserted] = useState<string | null>(null);

  /**
   * Puts a standard answer into this draft, never over what is typed (shared/standard-answers.ts):
   * its text at the caret or at the end; its exemption, when it has one, added to a withheld
   * answer (an answer with no outcome yet becomes exempt). The answer rules judge it on saving.
   */
  const insertStandard = (entry: StandardAnswerView) => {
    const next = insertStandardText(text, entry.text, caret.current);
    setText(next.text);
    caret.current = { start: next.caret, end: next.caret };
    const notes: string[] = [];
    if (entry.provision) {
      const found = matchProvision(entry.provision);
      const usable = !found || catalogue.includes(found.entry);
      const target = outcome || 'exempt';
      if (!usable) notes.push(`${entry.provision} cannot be used for a ${regime} case, so it was not added.`);
      else if (!needsExemptions(target))
        notes.push(
          `The outcome is “${QUESTION_OUTCOME_LABELS[target]}”, so the exemption ${entry.provision} was not added.`,
        );
      else {
        if (!outcome) setOutcome('exempt');
        const add = toDraft({ provision: entry.provision, reason: '' });
        setExemptions((list) => {
          if (list.some((d) => fromDraft(d).provision === fromDraft(add).provision)) return list;
          // An exemption not yet started (nothing chosen or typed) gives way to this one.
          const blank = (d: ExemptionDraft) => !d.catalogueId && !d.customProvision && !d.reason.trim();
          return [...list.filter((d) => !blank(d)), add];
        });
        notes.push(`Added the exemption ${entry.provision}: say why it applies.`);
      }
    }
    setInserted([`Inserted “${entry.title}”. Check it fits this request before saving.`, ...notes].join(' '));
    requestAnimationFrame(() => {
      const el = document.getElementById(`${uid}-text`) as HTMLTextAreaElement | null;
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  };

  const setEx = (key: number, patch: Partial<ExemptionDraft>) =>
    setExemptions((list) => list.map((e) => (e.key === key ? { ...e, ...patch } : e)));

  /** The answer as it would be saved, or null while no outcome is chosen. */
  const built = (): QuestionResponse | null => {
    if (!outcome) return null;
    const out: QuestionResponse = { outcome };
    if (heldStatement.trim() && withExemptions) out.heldStatement = heldStatement.trim();
    if (outcome === 'see-other') out.seeQuestion = seeQuestion.trim();
    if (outcome === 'published') out.link = link.trim();
    if (text.trim()) out.text = text.trim();
    if (withExemptions) out.exemptions = exemptions.map(fromDraft);
    return out;
  };

  /** Where each of the shared rule's problems is shown: the field it is about. */
  const fieldFor = (field: string): string => {
    const ex = /^exemptions\[(\d+)\]\.(.+)$/.exec(field);
    if (ex) {
      const d = exemptions[Number(ex[1])];
      if (!d) return `${uid}-add-exemption`;
      const at = `${uid}-ex-${d.key}`;
      switch (ex[2]) {
        case 'provision':
          return d.catalogueId === OTHER ? `${at}-custom` : `${at}-provision`;
        case 'reason':
          return `${at}-reason`;
        case 'likelihood':
          return `${at}-likelihood-0`;
        case 'publicInterest.forDisclosure':
          return `${at}-for`;
        case 'publicInterest.forWithholding':
          return `${at}-against`;
        default:
          return `${at}-conclusion`;
      }
    }
    if (field === 'seeQuestion') return `${uid}-see`;
    if (field === 'link') return `${uid}-link`;
    if (field === 'exemptions') return `${uid}-add-exemption`;
    return `${uid}-outcome-provided`;
  };

  /** The same rules the service refuses on (shared/answer-rules.ts), shown at their fields. */
  const validate = (): Problem[] => {
    const response = built();
    if (!response)
      return [{ field: `${uid}-outcome-provided`, message: 'Choose the outcome for this question' }];
    return responseProblems(response, {
      regime,
      number: questionNumber,
      numbers: [questionNumber, ...otherNumbers],
    }).map((p) => ({ field: fieldFor(p.field), message: p.message }));
  };

  /** Checks the answer and saves it; false when there are problems to fix (shown in the form). */
  const saveAnswer = async (): Promise<boolean> => {
    const found = validate();
    setProblems(found);
    const out = built();
    if (found.length || !out) return false;
    return onSave(out);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saveAnswer();
  };

  const current = (): AnswerDraft => ({
    outcome,
    text,
    heldStatement,
    link,
    seeQuestion,
    exemptions: exemptions.map(({ key: _key, ...rest }) => rest),
  });
  const dirty = restored !== undefined || JSON.stringify(current()) !== saved;
  useUnsavedChanges(dirty ? { ...draft, content: current, save: saveAnswer } : null);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onCancel();
    }
  };

  return (
    <form
      ref={formRef}
      className="answer"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-label={`Answer to question ${questionNumber}`}
      noValidate
    >
      <ErrorSummary problems={problems} />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Outcome for question {questionNumber}</legend>
        <div className="radios radios--grid">
          {QUESTION_OUTCOMES.map((o) => (
            <div className="radio" key={o}>
              <input
                className="radio__input"
                type="radio"
                id={`${uid}-outcome-${o}`}
                name={`${uid}-outcome`}
                value={o}
                checked={outcome === o}
                onChange={() => {
                  setOutcome(o);
                  if ((o === 'exempt' || o === 'part-exempt' || o === 'ncnd') && exemptions.length === 0)
                    setExemptions([emptyDraft()]);
                }}
              />
              <label className="radio__label" htmlFor={`${uid}-outcome-${o}`}>
                {QUESTION_OUTCOME_LABELS[o]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>

      {outcome === 'see-other' ? (
        otherNumbers.length ? (
          <SelectField
            id={`${uid}-see`}
            label="See the answer to question"
            value={seeQuestion}
            onChange={setSeeQuestion}
            options={otherNumbers.map((n) => ({ value: n, label: `Question ${n}` }))}
          />
        ) : (
          <TextField
            id={`${uid}-see`}
            label="See the answer to question"
            value={seeQuestion}
            onChange={setSeeQuestion}
          />
        )
      ) : null}
      {outcome === 'published' ? (
        <TextField
          id={`${uid}-link`}
          label="Where it is published (link)"
          hint="Section 21: the information is reasonably accessible by other means."
          value={link}
          onChange={setLink}
          inputMode="url"
        />
      ) : null}
      {withExemptions ? (
        <TextArea
          label="Statement about whether the information is held (optional)"
          hint={
            outcome === 'ncnd'
              ? 'For neither confirm nor deny, leave this empty.'
              : 'For example: “I confirm that the Trust holds the information you have requested.”'
          }
          value={heldStatement}
          onChange={setHeldStatement}
          rows={2}
        />
      ) : null}
      <TextArea
        id={`${uid}-text`}
        label={outcome === 'see-other' ? 'Answer text (optional, for example “As above.”)' : 'Answer text'}
        value={text}
        onChange={setText}
        rows={outcome === 'provided' ? 6 : 3}
        onSelect={(e) => {
          const t = e.currentTarget;
          caret.current = { start: t.selectionStart, end: t.selectionEnd };
        }}
      />
      {insertTool ? insertTool(insertStandard) : null}
      {inserted ? (
        <p className="hint" role="status" data-inserted="standard-answer">
          {inserted}
        </p>
      ) : null}

      {withExemptions ? (
        <div className="exemptions">
          <h4 className="exemptions__heading">Exemptions</h4>
          {catalogue.length === 0 ? (
            <p className="hint">This regime has no built-in catalogue: type the provision.</p>
          ) : null}
          {exemptions.map((d, i) => {
            const entry = entryOf(d);
            const kind = entry ? kindOf(entry, d.subsection || undefined) : null;
            const likelihoods = entry ? likelihoodsFor(entry, d.subsection || undefined) : [];
            const test = entry ? testOf(entry, d.subsection || undefined) : null;
            return (
              <fieldset className="exemption" key={d.key}>
                <legend className="exemption__legend">Exemption {exemptions.length > 1 ? i + 1 : ''}</legend>
                <SelectField
                  id={`${uid}-ex-${d.key}-provision`}
                  label="Exemption"
                  value={d.catalogueId}
                  onChange={(v) =>
                    setEx(d.key, {
                      catalogueId: v,
                      subsection: findExemption(v)?.subsections[0]?.ref ?? '',
                      likelihood: '',
                    })
                  }
                  options={[
                    { value: '', label: 'Choose an exemption' },
                    ...catalogue.map((e) => ({
                      value: e.id,
                      // The DPA 2018 schedules have no public interest test but conditions of their own.
                      label: `${e.law} ${e.provision}: ${e.title} (${e.law === 'DPA 2018' || e.law === 'UK GDPR' ? 'no public interest test' : e.kind === 'mixed' ? 'absolute or qualified' : e.kind})`,
                    })),
                    { value: OTHER, label: 'Another provision (type it)' },
                  ]}
                />
                {d.catalogueId === OTHER ? (
                  <div className="field-row">
                    <TextField
                      id={`${uid}-ex-${d.key}-custom`}
                      label="Provision"
                      hint="For example, DPA 2018 Sch 2 para 5"
                      value={d.customProvision}
                      onChange={(v) => setEx(d.key, { customProvision: v })}
                    />
                    <TextField
                      label="Short name"
                      value={d.customTitle}
                      onChange={(v) => setEx(d.key, { customTitle: v })}
                    />
                  </div>
                ) : null}
                {entry && entry.subsections.length ? (
                  <SelectField
                    id={`${uid}-ex-${d.key}-subsection`}
                    label="Subsection"
                    value={d.subsection}
                    onChange={(v) => setEx(d.key, { subsection: v, likelihood: '' })}
                    options={entry.subsections.map((s) => ({
                      value: s.ref,
                      label: `${entry.provision}${/\s/.test(s.ref) ? ' ' : ''}${s.ref}: ${s.title}`,
                    }))}
                  />
                ) : null}
                {entry && kind ? (
                  <div className={`callout callout--${kind}`} data-testid="exemption-kind">
                    <p className="callout__title">{KIND_LABELS[kind]}</p>
                    {test ? <p>{HARM_TESTS[test]}</p> : null}
                    {kind === 'absolute' ? (
                      <p>
                        {provisionLabel(entry, d.subsection || undefined)} is absolute: no public interest
                        test is needed, so none is asked for.
                      </p>
                    ) : null}
                    {outcome === 'ncnd' ? (
                      <p>
                        {entry.ncnd
                          ? `Neither confirm nor deny under ${entry.law} ${entry.ncnd}.`
                          : 'This exemption has no neither-confirm-nor-deny provision.'}
                      </p>
                    ) : null}
                    {entry.note ? <p>{entry.note}</p> : null}
                  </div>
                ) : null}
                {likelihoods.length ? (
                  <fieldset className="fieldset fieldset--inline">
                    <legend className="fieldset__legend fieldset__legend--small">
                      How likely is the harm?
                    </legend>
                    <div className="radios radios--inline">
                      {likelihoods.map((l, li) => (
                        <div className="radio" key={l}>
                          <input
                            className="radio__input"
                            type="radio"
                            id={`${uid}-ex-${d.key}-likelihood-${li}`}
                            name={`${uid}-ex-${d.key}-likelihood`}
                            checked={d.likelihood === l}
                            onChange={() => setEx(d.key, { likelihood: l })}
                          />
                          <label className="radio__label" htmlFor={`${uid}-ex-${d.key}-likelihood-${li}`}>
                            Disclosure {l}{' '}
                            {test === 'endanger'
                              ? 'endanger'
                              : test === 'adverse-effect'
                                ? 'adversely affect'
                                : 'prejudice'}
                          </label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                ) : null}
                <TextArea
                  id={`${uid}-ex-${d.key}-reason`}
                  label="Why it applies"
                  hint="Explain the harm and how disclosure would cause it, unless saying so would itself reveal exempt information."
                  value={d.reason}
                  onChange={(v) => setEx(d.key, { reason: v })}
                  rows={4}
                />
                {needsTest(d) ? (
                  <fieldset className="fieldset pit">
                    <legend className="fieldset__legend">Public interest test</legend>
                    <TextArea
                      id={`${uid}-ex-${d.key}-for`}
                      label="Factors in favour of disclosure"
                      hint="One factor per line."
                      value={d.forDisclosure}
                      onChange={(v) => setEx(d.key, { forDisclosure: v })}
                      rows={3}
                    />
                    <TextArea
                      id={`${uid}-ex-${d.key}-against`}
                      label="Factors in favour of withholding"
                      hint="One factor per line."
                      value={d.forWithholding}
                      onChange={(v) => setEx(d.key, { forWithholding: v })}
                      rows={3}
                    />
                    <TextArea
                      id={`${uid}-ex-${d.key}-conclusion`}
                      label="Conclusion"
                      hint="Why the public interest in withholding outweighs the public interest in disclosure."
                      value={d.conclusion}
                      onChange={(v) => setEx(d.key, { conclusion: v })}
                      rows={3}
                    />
                  </fieldset>
                ) : null}
                <button
                  type="button"
                  className="button button--link button--danger"
                  onClick={() => setExemptions((list) => list.filter((e) => e.key !== d.key))}
                >
                  Remove this exemption
                </button>
              </fieldset>
            );
          })}
          <button
            type="button"
            id={`${uid}-add-exemption`}
            className="button button--secondary"
            onClick={() => setExemptions((list) => [...list, emptyDraft()])}
          >
            Add {exemptions.length ? 'another' : 'an'} exemption
          </button>
        </div>
      ) : null}

      <div className="button-row">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : 'Save answer'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
        {response ? (
          <button
            type="button"
            className="button button--link button--danger"
            onClick={() => void onSave(null)}
          >
            Clear the answer
          </button>
        ) : null}
      </div>
    </form>
  );
}
