/**
 * One case: the request and its questions with their answers and exemptions, the due date and
 * its working, the clock actions (clarification, fees, extensions) that recompute it, the status
 * and closing outcome, and the timeline of everything that happened, from the audit log.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  CASE_OUTCOMES,
  CHANNELS,
  REGIMES,
  type QuestionData,
  type QuestionResponse,
  type Regime,
} from '../../../shared/case-format';
import type { CaseDetail, ClockEventInput, Officer, TimelineEntry } from '../../../shared/contract';
import { todayIso } from '../../../shared/dates';
import { flattenQuestions, nestQuestions, type FlatQuestion } from '../../../shared/questions';
import { matchProvision } from '../../../shared/exemptions';
import { describeAuditEntry, type AuditEntry } from '../../../shared/audit';
import {
  clockActionsFor,
  clockEventProblems,
  closeProblems,
  isLate,
  dateProblems,
  type ClockAction,
  type ClockEventLike,
} from '../../../shared/case-lifecycle';
import { DepartmentField } from '../components/department-field';
import { call, errorMessage } from '../api';
import { Alert, DateField, SelectField, TextArea, TextField, useSavedChoice } from '../components/fields';
import { AnswerEditor, readAnswerDraft, type AnswerDraft } from '../components/answer-editor';
import { useDraftPeek, useRestoredDraft, useUnsavedChanges } from '../unsaved/unsaved-changes';
import { DeadlinePanel } from '../components/deadline-panel';
import { ProgressBadge, StatusTag } from '../components/badges';
import { QuestionEditor } from '../components/question-editor';
import { Modal } from '../components/modal';
import { LetterPanel } from '../letters/letter-panel';
import { SimilarPanel } from '../components/similar-panel';
import { SaveToLibrary, StandardAnswerPicker } from '../case/standard-answer-picker';
import { DisclosureChoicePanel } from '../components/disclosure-choice';
import { VisibleText } from '../components/visible-text';
import { AttachmentsPanel } from '../case/attachments-panel';
import { S12WorksheetPanel } from '../case/s12-worksheet-panel';
import { ContributorsPanel } from '../case/contributors-panel';
import { CommissionerPanel } from '../case/commissioner-panel';
import { SignOffPanel } from '../case/sign-off-panel';
import { LetterDetailsPanel } from '../letters/letter-details';
import {
  CHANNEL_LABELS,
  EVENT_LABELS,
  formatTimestamp,
  formatUkDate,
  OUTCOME_LABELS,
  QUESTION_OUTCOME_LABELS,
  REGIME_LONG,
  STATUS_LABELS,
} from '../format';

export function CasePage({ id, onBack }: { id: number; onBack: () => void }) {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [officers, setOfficers] = useState<Officer[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);

  useEffect(() => {
    call('cases:get', { id }).then(setDetail, (e: unknown) => setLoadError(errorMessage(e)));
    call('settings:get', {}).then(
      (s) => setOfficers(s.officers),
      () => undefined,
    );
  }, [id]);
  useEffect(() => {
    if (detail && !focused.current) {
      focused.current = true;
      heading.current?.focus();
    }
  }, [detail]);

  /** Runs a change and shows the case as it is now, or the plain reason it failed. */
  const change = useCallback(async (work: () => Promise<CaseDetail>, success: string): Promise<boolean> => {
    try {
      const next = await work();
      setDetail(next);
      setMessage({ tone: 'success', text: success });
      return true;
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
      return false;
    }
  }, []);

  /** A letter was generated, edited, exported or sent: the timeline has a new entry. */
  const reloadCase = useCallback(() => {
    call('cases:get', { id }).then(setDetail, () => undefined);
  }, [id]);

  if (loadError) {
    return (
      <div className="case">
        <h1 className="page-title">Case not available</h1>
        <Alert>{loadError}</Alert>
        <button type="button" className="button button--secondary" onClick={onBack}>
          Back to the queue
        </button>
      </div>
    );
  }
  if (!detail) {
    return (
      <p className="loading" role="status">
        Loading the case…
      </p>
    );
  }
  const { record } = detail;
  const closed = record.status === 'closed';

  return (
    <div className="case" data-screen="case" data-ready="true" data-reference={record.reference}>
      <button type="button" className="back-link" onClick={onBack}>
        <span aria-hidden="true">‹ </span>Back to the queue
      </button>
      <div className="case__head">
        <div>
          <p className="case__caption">{REGIME_LONG[record.regime] ?? record.regime}</p>
          <h1 className="page-title" ref={heading} tabIndex={-1}>
            {record.reference}: <VisibleText text={record.subject} />
          </h1>
        </div>
        <div className="case__badges">
          <StatusTag status={record.status} />
          {detail.progress && !closed ? (
            <ProgressBadge state={detail.progress.state} days={detail.progress.workingDaysLeft} long />
          ) : null}
          {closed && record.outcome ? (
            <span className="tag tag--outcome">{OUTCOME_LABELS[record.outcome] ?? record.outcome}</span>
          ) : null}
        </div>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="layout">
        <div className="layout__main">
          <RequestPanel detail={detail} officers={officers} change={change} />
          <QuestionsPanel detail={detail} change={change} />
          <SimilarPanel detail={detail} change={change} />
          <AttachmentsPanel caseId={detail.id} onChanged={reloadCase} />
          <S12WorksheetPanel
            key={`s12-${detail.id}-${detail.record.regime}`}
            caseId={detail.id}
            onChanged={reloadCase}
          />
          <ContributorsPanel detail={detail} change={change} onChanged={reloadCase} />
          <TimelinePanel entries={detail.timeline} />
        </div>
        <div className="layout__side">
          <div className="panel panel--deadline">
            {detail.deadline ? (
              <DeadlinePanel deadline={detail.deadline} progress={detail.progress} closed={closed} />
            ) : (
              <Alert tone="warning">{detail.clockProblem}</Alert>
            )}
          </div>
          <ClockPanel detail={detail} change={change} />
          <StatusPanel detail={detail} change={change} />
          <DisclosureChoicePanel detail={detail} />
          <CommissionerPanel detail={detail} change={change} />
          <SignOffPanel detail={detail} onChanged={reloadCase} />
          <LetterDetailsPanel key={detail.id} detail={detail} officers={officers} change={change} />
        </div>
      </div>
      <LetterPanel detail={detail} onLettersChanged={reloadCase} />
    </div>
  );
}

type Change = (work: () => Promise<CaseDetail>, success: string) => Promise<boolean>;

interface DetailsForm {
  reference: string;
  subject: string;
  regime: Regime;
  received: string;
  channel: string;
  officer: string;
  department: string;
  name: string;
  email: string;
  address: string;
  organisation: string;
  requestText: string;
  /** A review case's original request, by reference. */
  reviewOf: string;
}

/** The case types that review an earlier request, and so name it (the review outcome letter does). */
const REVIEW_REGIMES: readonly Regime[] = ['FOI-IR', 'EIR-RECON', 'FOISA-REVIEW'];

const DETAILS_TEXT_FIELDS = [
  'reference',
  'subject',
  'received',
  'channel',
  'officer',
  'department',
  'name',
  'email',
  'address',
  'organisation',
  'requestText',
  'reviewOf',
];

/** The fields of a stored draft of the details form; anything else is left out. */
function readDetailsDraft(value: unknown): Partial<DetailsForm> {
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && DETAILS_TEXT_FIELDS.includes(k)) out[k] = v;
  }
  const regime = (value as { regime?: unknown }).regime;
  return {
    ...out,
    ...(typeof regime === 'string' && (REGIMES as readonly string[]).includes(regime)
      ? { regime: regime as Regime }
      : {}),
  };
}

function RequestPanel({
  detail,
  officers,
  change,
}: {
  detail: CaseDetail;
  officers: Officer[];
  change: Change;
}) {
  const uid = useId();
  const { record } = detail;
  const draftKey = `case-details:${detail.id}`;
  const restored = useRestoredDraft<Partial<DetailsForm>>(draftKey);
  const [editing, setEditing] = useState(restored !== undefined);
  const [form, setForm] = useState(() => ({ ...formFrom(detail), ...readDetailsDraft(restored) }));
  const [saving, setSaving] = useState(false);
  const [triedSave, setTriedSave] = useState(false);

  function formFrom(d: CaseDetail): DetailsForm {
    const r = d.record;
    return {
      reference: r.reference,
      subject: r.subject,
      regime: r.regime,
      received: r.received,
      channel: r.channel ?? '',
      officer: r.officer ?? '',
      department: r.department ?? '',
      name: r.requester.name,
      email: r.requester.email ?? '',
      address: r.requester.address ?? '',
      organisation: r.requester.organisation ?? '',
      requestText: r.requestText,
      reviewOf: r.reviewOf ?? '',
    };
  }
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const receivedProblem =
    dateProblems(form.received, 'The date received', { today: todayIso(), required: true })[0] ?? null;
  const saveDetails = async (): Promise<boolean> => {
    setTriedSave(true);
    if (receivedProblem) return false;
    setSaving(true);
    const requester: { name: string; email?: string; address?: string; organisation?: string } = {
      name: form.name.trim(),
    };
    if (form.email.trim()) requester.email = form.email.trim();
    if (form.address.trim()) requester.address = form.address.trim();
    if (form.organisation.trim()) requester.organisation = form.organisation.trim();
    const ok = await change(
      () =>
        call('cases:update', {
          id: detail.id,
          patch: {
            reference: form.reference.trim(),
            subject: form.subject.trim(),
            regime: form.regime,
            received: form.received,
            channel: form.channel ? (form.channel as (typeof CHANNELS)[number]) : null,
            officer: form.officer || null,
            department: form.department.trim() || null,
            requester,
            requestText: form.requestText,
            reviewOf: REVIEW_REGIMES.includes(form.regime) ? form.reviewOf.trim() || null : null,
          },
        }),
      'The details were saved.',
    );
    setSaving(false);
    if (ok) setEditing(false);
    return ok;
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void saveDetails();
  };
  const dirty = editing && JSON.stringify(form) !== JSON.stringify(formFrom(detail));
  useUnsavedChanges(
    dirty
      ? {
          key: draftKey,
          caseId: detail.id,
          label: `the details of ${record.reference}`,
          content: () => form,
          save: saveDetails,
        }
      : null,
  );

  const officerOptions = [
    { value: '', label: 'Not assigned' },
    ...officers
      .filter((o) => o.active || o.name === record.officer)
      .map((o) => ({ value: o.name, label: o.title ? `${o.name}, ${o.title}` : o.name })),
  ];
  if (record.officer && !officers.some((o) => o.name === record.officer))
    officerOptions.push({ value: record.officer, label: record.officer });

  return (
    <section className="panel" aria-labelledby={`${uid}-heading`}>
      <div className="panel__head">
        <h2 className="panel__title" id={`${uid}-heading`}>
          The request
        </h2>
        {!editing ? (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setForm(formFrom(detail));
              setEditing(true);
            }}
          >
            Change the details
          </button>
        ) : null}
      </div>
      {editing ? (
        <form
          onSubmit={save}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setEditing(false);
          }}
          noValidate
          aria-label="Change the details"
        >
          <div className="field-row">
            <TextField label="Reference" value={form.reference} onChange={(v) => set({ reference: v })} />
            <SelectField
              label="Regime"
              value={form.regime}
              onChange={(v) => set({ regime: v as Regime })}
              options={REGIMES.map((r) => ({ value: r, label: REGIME_LONG[r] ?? r }))}
            />
          </div>
          {REVIEW_REGIMES.includes(form.regime) ? (
            <TextField
              label="Review of (the original request’s reference)"
              value={form.reviewOf}
              onChange={(v) => set({ reviewOf: v })}
              autoComplete="off"
            />
          ) : null}
          <TextField label="Subject" value={form.subject} onChange={(v) => set({ subject: v })} />
          <div className="field-row">
            <DateField
              label="Date received"
              value={form.received}
              onChange={(v) => set({ received: v })}
              error={triedSave ? receivedProblem : null}
            />
            <SelectField
              label="How it arrived"
              value={form.channel}
              onChange={(v) => set({ channel: v })}
              options={[
                { value: '', label: 'Not recorded' },
                ...CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] ?? c })),
              ]}
            />
          </div>
          <SelectField
            label="Officer"
            value={form.officer}
            onChange={(v) => set({ officer: v })}
            options={officerOptions}
          />
          <DepartmentField value={form.department} onChange={(v) => set({ department: v })} />
          <div className="field-row">
            <TextField
              label="Requester’s name"
              value={form.name}
              onChange={(v) => set({ name: v })}
              autoComplete="off"
            />
            <TextField
              label="Email"
              value={form.email}
              onChange={(v) => set({ email: v })}
              autoComplete="off"
            />
          </div>
          <div className="field-row">
            <TextArea
              label="Postal address"
              value={form.address}
              onChange={(v) => set({ address: v })}
              rows={2}
            />
            <TextField
              label="Organisation"
              value={form.organisation}
              onChange={(v) => set({ organisation: v })}
              autoComplete="off"
            />
          </div>
          <TextArea
            label="Request text"
            value={form.requestText}
            onChange={(v) => set({ requestText: v })}
            rows={8}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={saving}>
              {saving ? 'Saving…' : 'Save the details'}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <dl className="summary-list">
            <div>
              <dt>Requester</dt>
              <dd>
                <VisibleText text={record.requester.name} />
                {record.requester.organisation ? (
                  <>
                    , <VisibleText text={record.requester.organisation} />
                  </>
                ) : null}
                {record.requester.email ? (
                  <span className="summary-list__extra">
                    <VisibleText text={record.requester.email} />
                  </span>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>Received</dt>
              <dd>
                {formatUkDate(record.received)}
                {record.channel
                  ? ` by ${(CHANNEL_LABELS[record.channel] ?? record.channel).toLowerCase()}`
                  : ''}
              </dd>
            </div>
            <div>
              <dt>Officer</dt>
              <dd>{record.officer ?? <span className="muted">Not assigned</span>}</dd>
            </div>
            <div>
              <dt>Department</dt>
              <dd>{record.department ?? <span className="muted">Not recorded</span>}</dd>
            </div>
            {record.reviewOf ? (
              <div>
                <dt>Review of</dt>
                <dd>{record.reviewOf}</dd>
              </div>
            ) : null}
            {record.responded ? (
              <div>
                <dt>Response sent</dt>
                <dd>{formatUkDate(record.responded)}</dd>
              </div>
            ) : null}
            {record.lateReason ? (
              <div>
                <dt>Reason for the delay</dt>
                <dd>
                  {record.lateReason}
                  {record.lateDepartment ? (
                    <span className="summary-list__extra">
                      Department responsible: {record.lateDepartment}
                    </span>
                  ) : null}
                </dd>
              </div>
            ) : null}
          </dl>
          <details className="request-text">
            <summary>Show the request as it arrived</summary>
            <pre className="request-text__body">{record.requestText}</pre>
          </details>
        </>
      )}
    </section>
  );
}

function pathKey(path: number[]): string {
  return path.join('.');
}

/** Whether a question is at this path ("0.1": question 1's second part). */
function hasQuestionAt(list: QuestionData[], key: string): boolean {
  let level: QuestionData[] | undefined = list;
  let found: QuestionData | undefined;
  for (const step of key.split('.')) {
    found = /^\d+$/.test(step) ? level?.[Number(step)] : undefined;
    if (!found) return false;
    level = found.parts;
  }
  return found !== undefined;
}

/** The id of the question at this path ("0.1"), if it has one. */
function questionIdAt(list: QuestionData[], key: string): string | undefined {
  let level: QuestionData[] | undefined = list;
  let found: QuestionData | undefined;
  for (const step of key.split('.')) {
    found = level?.[Number(step)];
    level = found?.parts;
  }
  return found?.id;
}

function allNumbers(list: QuestionData[]): string[] {
  return list.flatMap((q) => [q.number, ...(q.parts ? allNumbers(q.parts) : [])]);
}

function QuestionsPanel({ detail, change }: { detail: CaseDetail; change: Change }) {
  const uid = useId();
  const { record } = detail;
  const drafts = useDraftPeek();
  // An answer draft kept at the last lock and restored: that question's editor opens with it.
  const [restored] = useState(() => {
    const key = drafts.restoredKeys(`answer:${detail.id}:`)[0];
    const draft = key ? readAnswerDraft(drafts.peekDraft(key)) : null;
    const path = key?.split(':')[2] ?? '';
    return key && draft && hasQuestionAt(record.questions, path) ? { key, path, draft } : null;
  });
  const [restoredAnswer, setRestoredAnswer] = useState<AnswerDraft | undefined>(restored?.draft);
  useEffect(() => {
    if (restored) drafts.consumeDraft(restored.key);
  }, [restored, drafts]);
  // The open editor follows the question's id; a draft names the question by its place.
  const [editingAnswer, setEditingAnswer] = useState<string | null>(() =>
    restored ? (questionIdAt(record.questions, restored.path) ?? null) : null,
  );
  const [editingQuestions, setEditingQuestions] = useState<FlatQuestion[] | null>(null);
  const [saving, setSaving] = useState(false);
  const numbers = allNumbers(record.questions);

  const saveAnswer = async (
    questionId: string,
    at: string,
    number: string,
    response: QuestionResponse | null,
  ): Promise<boolean> => {
    setSaving(true);
    const ok = await change(
      () => call('cases:set-response', { id: detail.id, questionId, response }),
      response
        ? `The answer to question ${number} was saved.`
        : `The answer to question ${number} was cleared.`,
    );
    setSaving(false);
    if (ok) {
      setEditingAnswer(null);
      setRestoredAnswer(undefined);
      requestAnimationFrame(() => document.getElementById(`${uid}-answer-${at}`)?.focus());
    }
    return ok;
  };

  /** `coveredBy`: the nearest question above with an answer, which covers its parts. */
  const renderQuestion = (q: QuestionData, path: number[], coveredBy: string | null) => {
    // React and the open editor follow the question (its id); the button's element id stays by position.
    const key = q.id ?? pathKey(path);
    const at = pathKey(path);
    const r = q.response;
    return (
      <li key={key} className={`question question--level-${path.length - 1}`} data-question={q.number}>
        <div className="question__head">
          <span className="question__number">{q.number}</span>
          <p className="question__text">{q.text}</p>
        </div>
        {editingAnswer === key ? (
          <AnswerEditor
            questionNumber={q.number}
            response={r}
            regime={record.regime}
            otherNumbers={numbers.filter((n) => n !== q.number)}
            saving={saving}
            draft={{
              key: `answer:${detail.id}:${at}`,
              label: `the answer to question ${q.number} of ${record.reference}`,
              caseId: detail.id,
            }}
            restored={restoredAnswer}
            insertTool={(insert) => (
              <StandardAnswerPicker
                caseId={detail.id}
                questionId={q.id}
                questionNumber={q.number}
                regime={record.regime}
                onInsert={insert}
              />
            )}
            // Every question the case page shows comes with its id (CaseDetail).
            onSave={(response) => (q.id ? saveAnswer(q.id, at, q.number, response) : Promise.resolve(false))}
            onCancel={() => {
              setEditingAnswer(null);
              setRestoredAnswer(undefined);
              requestAnimationFrame(() => document.getElementById(`${uid}-answer-${at}`)?.focus());
            }}
          />
        ) : (
          <div className="question__answer">
            {r ? (
              <ResponseView response={r} />
            ) : coveredBy ? (
              <p className="muted">Covered by the answer to question {coveredBy}.</p>
            ) : (
              <p className="muted">No answer recorded yet.</p>
            )}
            <button
              type="button"
              id={`${uid}-answer-${at}`}
              className="button button--secondary button--small"
              disabled={editingAnswer !== null}
              onClick={() => setEditingAnswer(key)}
            >
              {r
                ? `Change the answer to question ${q.number}`
                : coveredBy
                  ? `Record a separate answer to question ${q.number}`
                  : `Record the answer to question ${q.number}`}
            </button>
            {r ? (
              <SaveToLibrary detail={detail} questionNumber={q.number} questionText={q.text} response={r} />
            ) : null}
          </div>
        )}
        {q.parts?.length ? (
          <ol className="questions questions--parts">
            {q.parts.map((p, i) => renderQuestion(p, [...path, i], r ? q.number : coveredBy))}
          </ol>
        ) : null}
      </li>
    );
  };

  return (
    <section className="panel" aria-labelledby={`${uid}-heading`}>
      <div className="panel__head">
        <h2 className="panel__title" id={`${uid}-heading`}>
          Questions and answers
        </h2>
        {editingQuestions === null ? (
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={editingAnswer !== null}
            onClick={() => setEditingQuestions(flattenQuestions(record.questions))}
          >
            Edit the questions
          </button>
        ) : null}
      </div>
      {editingQuestions !== null ? (
        <div
          className="qedit-panel"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setEditingQuestions(null);
          }}
        >
          <p className="hint">
            Answers stay with their questions when you reorder them, and an answer that says to see another
            question follows that question to its new number. Merging keeps the first question’s answer.
          </p>
          <QuestionEditor
            rows={editingQuestions}
            onChange={setEditingQuestions}
            stored={record.questions}
            idPrefix={`${uid}-qe`}
          />
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                void change(
                  () =>
                    call('cases:set-questions', {
                      id: detail.id,
                      questions: nestQuestions(editingQuestions),
                    }),
                  'The questions were saved.',
                ).then((ok) => {
                  if (ok) setEditingQuestions(null);
                });
              }}
            >
              Save the questions
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setEditingQuestions(null)}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : record.questions.length ? (
        <ol className="questions">{record.questions.map((q, i) => renderQuestion(q, [i], null))}</ol>
      ) : (
        <p className="muted">This request has no questions yet. Use “Edit the questions” to add them.</p>
      )}
    </section>
  );
}

function ResponseView({ response }: { response: QuestionResponse }) {
  return (
    <div className="response">
      <p className="response__outcome">
        <span className={`tag tag--answer tag--${response.outcome}`}>
          {QUESTION_OUTCOME_LABELS[response.outcome] ?? response.outcome}
        </span>
        {response.seeQuestion ? <span> See the answer to question {response.seeQuestion}.</span> : null}
      </p>
      {response.link ? <p className="response__link">Published at: {response.link}</p> : null}
      {response.heldStatement ? <p className="response__text">{response.heldStatement}</p> : null}
      {response.text ? <p className="response__text">{response.text}</p> : null}
      {response.exemptions?.map((ex, i) => {
        const found = matchProvision(ex.provision);
        const kind = found
          ? (found.subsection?.kind ?? (found.entry.kind === 'absolute' ? 'absolute' : 'qualified'))
          : null;
        return (
          <div className="response__exemption" key={i}>
            <p className="response__provision">
              <strong>{ex.provision}</strong>
              {ex.title ? `: ${ex.title}` : ''}
              {kind ? (
                <span className={`tag tag--${kind}`}>{kind === 'absolute' ? 'Absolute' : 'Qualified'}</span>
              ) : null}
            </p>
            {ex.likelihood ? (
              <p className="response__likelihood">Disclosure {ex.likelihood} cause the harm.</p>
            ) : null}
            <p className="response__text">{ex.reason}</p>
            {ex.publicInterest ? (
              <div className="response__pit">
                <p className="response__pit-title">Public interest test</p>
                <div className="response__factors">
                  <div>
                    <p className="response__factor-head">For disclosure</p>
                    <ul>
                      {ex.publicInterest.forDisclosure.map((f, j) => (
                        <li key={j}>{f}</li>
                      ))}
                    </ul>
                  </div>
                  <div>
                    <p className="response__factor-head">For withholding</p>
                    <ul>
                      {ex.publicInterest.forWithholding.map((f, j) => (
                        <li key={j}>{f}</li>
                      ))}
                    </ul>
                  </div>
                </div>
                <p className="response__text">
                  <strong>Conclusion: </strong>
                  {ex.publicInterest.conclusion}
                </p>
              </div>
            ) : kind === 'qualified' ? (
              <p className="response__missing">The public interest test has not been recorded yet.</p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

function ClockPanel({ detail, change }: { detail: CaseDetail; change: Change }) {
  const uid = useId();
  const { record } = detail;
  const [action, setAction] = useState<ClockAction | null>(null);
  const [date, setDate] = useState(todayIso());
  const [until, setUntil] = useState('');
  const [months, setMonths] = useState<1 | 2>(2);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const actions = clockActionsFor(record.regime);
  if (record.status === 'closed' && detail.events.length === 0) return null;

  const open = (a: ClockAction) => {
    setAction(a);
    setDate(todayIso());
    setUntil('');
    setNote('');
    setError(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!action) return;
    const event: ClockEventInput = { type: action.type, date };
    if (action.needsUntil) event.until = until;
    if (action.needsMonths) event.months = months;
    if (action.awaiting) event.awaiting = action.awaiting;
    if (note.trim()) event.note = note.trim();
    // The same rules the service refuses on, shown before the call.
    const problems = [
      ...clockEventProblems(record, detail.events as ClockEventLike[], event, todayIso()),
      ...(action.needsUntil
        ? dateProblems(until, 'The estimated date', { today: '9999-12-31', required: true })
        : []),
    ];
    if (problems.length) return setError(problems.join(' '));
    try {
      const next = await call('cases:add-event', { id: detail.id, event });
      setAction(null);
      await change(() => Promise.resolve(next), `${action.label}: recorded. The due date was recomputed.`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section className="panel" aria-labelledby={`${uid}-heading`}>
      <h2 className="panel__title" id={`${uid}-heading`}>
        Clock
      </h2>
      {detail.events.length ? (
        <ul className="events">
          {detail.events.map((ev) => (
            <li key={ev.id} className="events__item">
              <span>
                <strong>{EVENT_LABELS[ev.type] ?? ev.type}</strong> {formatUkDate(ev.date)}
                {ev.until ? `, until ${formatUkDate(ev.until)}` : ''}
                {ev.months ? `, ${ev.months} month${ev.months === 1 ? '' : 's'}` : ''}
                {ev.note ? <span className="events__note">{ev.note}</span> : null}
              </span>
              {record.status !== 'closed' ? (
                <button
                  type="button"
                  className="button button--link button--danger"
                  aria-label={`Remove “${EVENT_LABELS[ev.type] ?? ev.type}” of ${formatUkDate(ev.date)}`}
                  onClick={() =>
                    void change(
                      () => call('cases:remove-event', { id: detail.id, eventId: ev.id }),
                      'The clock event was removed. The due date was recomputed.',
                    )
                  }
                >
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No clock stops or extensions.</p>
      )}
      {record.status !== 'closed' && actions.length ? (
        <div className="clock-actions">
          {actions.map((a) => (
            <button
              key={`${a.type}:${a.awaiting ?? ''}`}
              type="button"
              className="button button--secondary button--small"
              onClick={() => open(a)}
            >
              {a.label}
            </button>
          ))}
        </div>
      ) : null}
      {action ? (
        <Modal title={action.label} onClose={() => setAction(null)}>
          <form onSubmit={(e) => void submit(e)} noValidate>
            {action.hint ? <p className="hint">{action.hint}</p> : null}
            <DateField
              label={action.needsUntil ? 'Date the notice was sent' : 'Date'}
              value={date}
              onChange={setDate}
            />
            {action.needsUntil ? (
              <DateField label="Estimated date given in the notice" value={until} onChange={setUntil} />
            ) : null}
            {action.needsMonths ? (
              <SelectField
                label="Further months"
                value={String(months)}
                onChange={(v) => setMonths(v === '1' ? 1 : 2)}
                options={[
                  { value: '1', label: 'One month' },
                  { value: '2', label: 'Two months' },
                ]}
              />
            ) : null}
            <TextField label="Note (optional)" value={note} onChange={setNote} />
            {error ? <Alert>{error}</Alert> : null}
            <div className="button-row">
              <button type="submit" className="button">
                Record it
              </button>
              <button type="button" className="button button--secondary" onClick={() => setAction(null)}>
                Cancel
              </button>
            </div>
          </form>
        </Modal>
      ) : null}
    </section>
  );
}

function StatusPanel({ detail, change }: { detail: CaseDetail; change: Change }) {
  const uid = useId();
  const { record } = detail;
  const [closing, setClosing] = useState(false);
  // The status chosen, shown while main saves it (the select would spring back until it answered);
  // one chosen meanwhile is saved after it.
  const status = useSavedChoice((v: string) =>
    change(
      () =>
        call('cases:update', {
          id: detail.id,
          patch: { status: v as 'open' | 'clarification' | 'on-hold' },
        }),
      `Status changed to ${STATUS_LABELS[v] ?? v}.`,
    ),
  );
  const [outcome, setOutcome] = useState<string>(record.outcome ?? '');
  const [responded, setResponded] = useState(todayIso());
  const [lateReason, setLateReason] = useState('');
  const [lateDepartment, setLateDepartment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const closed = record.status === 'closed';
  // The date due as the clock has it now (the extended date when a lawful extension applies).
  const due = detail.deadline?.due ?? detail.due ?? null;
  const late = isLate(due, responded);

  const close = async (e: FormEvent) => {
    e.preventDefault();
    const problems = closeProblems(
      { received: record.received, due },
      { outcome: (outcome || null) as (typeof CASE_OUTCOMES)[number] | null, responded, lateReason },
      todayIso(),
    );
    if (problems.length) return setError(problems.join(' '));
    try {
      const next = await call('cases:update', {
        id: detail.id,
        patch: {
          status: 'closed',
          outcome: outcome as (typeof CASE_OUTCOMES)[number],
          responded,
          ...(late
            ? { lateReason: lateReason.trim(), lateDepartment: lateDepartment.trim() || null }
            : { lateReason: null, lateDepartment: null }),
        },
      });
      setClosing(false);
      await change(
        () => Promise.resolve(next),
        `The case was closed: ${OUTCOME_LABELS[outcome] ?? outcome}.`,
      );
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section className="panel" aria-labelledby={`${uid}-heading`}>
      <h2 className="panel__title" id={`${uid}-heading`}>
        Status and outcome
      </h2>
      {closed ? (
        <>
          <p>
            Closed{record.outcome ? `: ${OUTCOME_LABELS[record.outcome] ?? record.outcome}` : ''}
            {record.responded ? `. Response sent ${formatUkDate(record.responded)}.` : '.'}
          </p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() =>
              void change(
                () => call('cases:update', { id: detail.id, patch: { status: 'open' } }),
                'The case was reopened.',
              )
            }
          >
            Reopen the case
          </button>
        </>
      ) : (
        <>
          <SelectField
            label="Status"
            value={status.pending ?? record.status}
            onChange={status.choose}
            options={(['open', 'clarification', 'on-hold'] as const).map((s) => ({
              value: s,
              label: STATUS_LABELS[s] ?? s,
            }))}
          />
          <button
            type="button"
            className="button"
            onClick={() => {
              setOutcome(record.outcome ?? '');
              setResponded(todayIso());
              setLateReason('');
              setLateDepartment(record.department ?? '');
              setError(null);
              setClosing(true);
            }}
          >
            Close the case
          </button>
        </>
      )}
      {closing ? (
        <Modal title="Close the case" onClose={() => setClosing(false)}>
          <form onSubmit={(e) => void close(e)} noValidate>
            <SelectField
              label="Outcome"
              hint="For the compliance statistics."
              value={outcome}
              onChange={setOutcome}
              options={[
                { value: '', label: 'Choose the outcome' },
                ...CASE_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] ?? o })),
              ]}
            />
            <DateField label="Date the response was sent" value={responded} onChange={setResponded} />
            {late && due ? (
              <>
                <p className="hint" data-testid="late-note">
                  The response is after the date it was due ({formatUkDate(due)}
                  {detail.deadline?.extendedTo && detail.deadline.statutoryDue
                    ? `, extended from ${formatUkDate(detail.deadline.statutoryDue)}`
                    : ''}
                  ), so it counts as late in the statistics. Say why, and which department the delay lay with:
                  the IG committee sees both.
                </p>
                <TextArea label="Reason for the delay" value={lateReason} onChange={setLateReason} rows={3} />
                <DepartmentField
                  label="Department responsible for the delay"
                  value={lateDepartment}
                  onChange={setLateDepartment}
                />
              </>
            ) : null}
            {error ? <Alert>{error}</Alert> : null}
            <div className="button-row">
              <button type="submit" className="button">
                Close the case
              </button>
              <button type="button" className="button button--secondary" onClick={() => setClosing(false)}>
                Cancel
              </button>
            </div>
          </form>
        </Modal>
      ) : null}
    </section>
  );
}

function TimelinePanel({ entries }: { entries: TimelineEntry[] }) {
  const uid = useId();
  const newestFirst = [...entries].reverse();
  return (
    <section className="panel" aria-labelledby={`${uid}-heading`}>
      <h2 className="panel__title" id={`${uid}-heading`}>
        Timeline
      </h2>
      {newestFirst.length ? (
        <ol className="timeline" data-testid="timeline">
          {newestFirst.map((e) => (
            <li key={e.id} className="timeline__item">
              <span className="timeline__when">{formatTimestamp(e.at)}</span>
              <span className="timeline__what">{describeAuditEntry(e as AuditEntry)}</span>
              <span className="timeline__who">{e.actor}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">Nothing recorded yet.</p>
      )}
    </section>
  );
}
