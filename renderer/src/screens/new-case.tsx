/**
 * Logging a request: paste or type it, and the numbered questions it contains are proposed at once
 * (the officer can then edit, split, merge and reorder them); the requester, the date received
 * (today unless changed; never in the future), the regime and the next free reference. The due
 * date and its working appear as soon as the date received is set.
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
import { CHANNELS, REGIMES, type Regime } from '../../../shared/case-format';
import type { CaseDetail, CaseDraft, ClockPreview, Officer } from '../../../shared/contract';
import { todayIso } from '../../../shared/dates';
import { dateProblems } from '../../../shared/case-lifecycle';
import {
  describeCount,
  flattenQuestions,
  nestQuestions,
  proposeQuestions,
  type FlatQuestion,
} from '../../../shared/questions';
import { DepartmentField } from '../components/department-field';
import { call, errorMessage } from '../api';
import {
  Alert,
  DateField,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type Problem,
} from '../components/fields';
import { QuestionEditor } from '../components/question-editor';
import { DeadlinePanel } from '../components/deadline-panel';
import { CHANNEL_LABELS, REGIME_LONG } from '../format';

export function NewCase({
  onCreated,
  onCancel,
  initial,
  intro,
  title = 'Log a request',
  submitDraft,
}: {
  onCreated: (id: number) => void;
  onCancel: () => void;
  /** The form prefilled (a request read from an email), for the officer to review. */
  initial?: CaseDraft;
  /** Shown above the form (where the request came from, what to check). */
  intro?: ReactNode;
  title?: string;
  /** Logs the draft some other way than cases:create (the email intake). */
  submitDraft?: (draft: CaseDraft) => Promise<CaseDetail>;
}) {
  const uid = useId();
  const today = todayIso();
  const [reference, setReference] = useState(initial?.reference ?? '');
  const [regime, setRegime] = useState<Regime>(initial?.regime ?? 'FOIA');
  const [received, setReceived] = useState(initial?.received ?? today);
  const [channel, setChannel] = useState<string>(initial?.channel ?? 'email');
  const [subject, setSubject] = useState(initial?.subject ?? '');
  const [requestText, setRequestText] = useState(initial?.requestText ?? '');
  const [requesterName, setRequesterName] = useState(initial?.requester.name ?? '');
  const [requesterEmail, setRequesterEmail] = useState(initial?.requester.email ?? '');
  const [requesterAddress, setRequesterAddress] = useState(initial?.requester.address ?? '');
  const [requesterOrganisation, setRequesterOrganisation] = useState(initial?.requester.organisation ?? '');
  const [officer, setOfficer] = useState('');
  const [department, setDepartment] = useState('');
  const [officers, setOfficers] = useState<Officer[]>([]);
  const [rows, setRows] = useState<FlatQuestion[]>([]);
  const [notes, setNotes] = useState<string[]>([]);
  const [edited, setEdited] = useState(false);
  const [preview, setPreview] = useState<ClockPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  /** The reference last proposed: replaced when the regime changes, unless the officer typed their own. */
  const proposedReference = useRef(initial?.reference ?? '');
  /** The regime whose proposal last arrived (for the page's tests: a signal to wait on). */
  const [proposedFor, setProposedFor] = useState<Regime | null>(null);

  useEffect(() => heading.current?.focus(), []);
  // Each regime can have its own reference format and counter: propose the next free one for the
  // regime chosen, keeping a reference the officer typed.
  useEffect(() => {
    let current = true;
    call('cases:next-reference', { regime }).then(
      (r) => {
        if (!current) return;
        const previous = proposedReference.current;
        proposedReference.current = r.reference;
        setReference((typed) => (typed === '' || typed === previous ? r.reference : typed));
        setProposedFor(regime);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [regime]);
  useEffect(() => {
    call('settings:get', {}).then(
      (s) => setOfficers(s.officers.filter((o) => o.active)),
      () => undefined,
    );
  }, []);

  // The proposal follows the request text until the officer edits the questions by hand.
  useEffect(() => {
    if (edited) return;
    const proposal = proposeQuestions(requestText);
    setRows(flattenQuestions(proposal.questions));
    setNotes(proposal.notes);
  }, [requestText, edited]);

  // The shared rule says what is wrong with the date as typed (empty, not a real date, future).
  const receivedProblem = dateProblems(received, 'The date received', { today, required: true })[0] ?? null;
  const receivedUsable = received !== '' && receivedProblem === null;
  useEffect(() => {
    if (!receivedUsable) {
      // Never leave the last good date's deadline showing beside a date that is no longer one.
      setPreview(null);
      setPreviewError(null);
      return;
    }
    let current = true;
    call('clock:preview', { regime, received }).then(
      (p) => {
        if (!current) return;
        setPreview(p);
        setPreviewError(null);
      },
      (e: unknown) => {
        if (!current) return;
        setPreview(null);
        setPreviewError(errorMessage(e));
      },
    );
    return () => {
      current = false;
    };
  }, [regime, received, receivedUsable]);

  const validate = (): Problem[] => {
    const out: Problem[] = [];
    if (!requestText.trim()) out.push({ field: `${uid}-request`, message: 'Paste or type the request' });
    if (!reference.trim()) out.push({ field: `${uid}-reference`, message: 'Enter the reference' });
    if (!subject.trim())
      out.push({ field: `${uid}-subject`, message: 'Enter a short subject for the queue' });
    if (!requesterName.trim()) out.push({ field: `${uid}-requester`, message: 'Enter the requester’s name' });
    if (receivedProblem) out.push({ field: `${uid}-received`, message: receivedProblem });
    if (rows.some((r) => !r.text.trim()))
      out.push({
        field: `${uid}-questions`,
        message: 'Give every question its text, or remove the empty ones',
      });
    return out;
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const found = validate();
    setProblems(found);
    setSaveError(null);
    if (found.length) {
      requestAnimationFrame(() => summaryRef.current?.querySelector<HTMLElement>('.error-summary')?.focus());
      return;
    }
    setSaving(true);
    try {
      const requester: CaseDraft['requester'] = {
        name: requesterName.trim(),
        // Set by the intake (WhatDoTheyKnow); the form has no field for it.
        ...(initial?.requester.category ? { category: initial.requester.category } : {}),
      };
      if (requesterEmail.trim()) requester.email = requesterEmail.trim();
      if (requesterAddress.trim()) requester.address = requesterAddress.trim();
      if (requesterOrganisation.trim()) requester.organisation = requesterOrganisation.trim();
      const draft: CaseDraft = {
        reference: reference.trim(),
        regime,
        received,
        channel: channel as (typeof CHANNELS)[number],
        requester,
        subject: subject.trim(),
        requestText,
        questions: nestQuestions(rows.map((r) => ({ ...r, number: r.number.trim(), text: r.text.trim() }))),
        ...(officer ? { officer } : {}),
        ...(department.trim() ? { department: department.trim() } : {}),
      };
      const detail = submitDraft ? await submitDraft(draft) : await call('cases:create', { draft });
      onCreated(detail.id);
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  // Ctrl+Enter logs the request from anywhere in the form (Enter alone makes a new line in the request).
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  const count = describeCount(nestQuestions(rows));

  return (
    <form
      className="new-case"
      data-screen="new-case"
      data-reference-proposed-for={proposedFor ?? undefined}
      data-ready="true"
      onSubmit={(e) => void submit(e)}
      onKeyDown={onKeyDown}
      noValidate
    >
      <div className="page-head">
        <h1 className="page-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
      </div>
      {intro}
      <div ref={summaryRef}>
        <ErrorSummary problems={problems} />
      </div>
      {saveError ? <Alert>{saveError}</Alert> : null}
      <div className="layout">
        <div className="layout__main">
          <section className="panel" aria-labelledby={`${uid}-req-heading`}>
            <h2 className="panel__title" id={`${uid}-req-heading`}>
              The request
            </h2>
            <TextArea
              id={`${uid}-request`}
              label="Request text"
              hint="Paste the request as it arrived. Numbered questions (1, 1.1, 1.2 (a)(b), 2 …) are found as you paste."
              value={requestText}
              onChange={setRequestText}
              rows={10}
              error={problems.find((p) => p.field === `${uid}-request`)?.message}
            />
          </section>
          <section
            className="panel"
            aria-labelledby={`${uid}-q-heading`}
            id={`${uid}-questions`}
            tabIndex={-1}
          >
            <div className="panel__head">
              <h2 className="panel__title" id={`${uid}-q-heading`}>
                Questions
              </h2>
              {edited ? (
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => {
                    setEdited(false);
                  }}
                >
                  Propose again from the request
                </button>
              ) : null}
            </div>
            <p className="proposal" aria-live="polite" data-testid="proposal-count">
              {rows.length
                ? `${edited ? 'Your questions' : 'Proposed from the request'}: ${count}.`
                : 'No questions found yet.'}
            </p>
            {notes.length && !edited ? (
              <ul className="proposal__notes">
                {notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : null}
            <QuestionEditor
              rows={rows}
              idPrefix={`${uid}-qe`}
              onChange={(next) => {
                setEdited(true);
                setRows(next);
              }}
            />
          </section>
        </div>
        <div className="layout__side">
          <section className="panel" aria-labelledby={`${uid}-details-heading`}>
            <h2 className="panel__title" id={`${uid}-details-heading`}>
              Details
            </h2>
            <TextField
              id={`${uid}-reference`}
              label="Reference"
              hint="The next free reference; change it if the request already has one."
              value={reference}
              onChange={setReference}
              error={problems.find((p) => p.field === `${uid}-reference`)?.message}
            />
            <TextField
              id={`${uid}-subject`}
              label="Subject"
              hint="A few words for the queue, for example “Cyber Essentials accreditation”."
              value={subject}
              onChange={setSubject}
              error={problems.find((p) => p.field === `${uid}-subject`)?.message}
            />
            <SelectField
              label="Regime"
              value={regime}
              onChange={(v) => setRegime(v as Regime)}
              options={REGIMES.map((r) => ({ value: r, label: REGIME_LONG[r] ?? r }))}
            />
            <DateField
              id={`${uid}-received`}
              label="Date received"
              value={received}
              onChange={setReceived}
              error={
                received !== '' && receivedProblem
                  ? receivedProblem
                  : problems.find((p) => p.field === `${uid}-received`)?.message
              }
            />
            <SelectField
              label="How it arrived"
              value={channel}
              onChange={setChannel}
              options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] ?? c }))}
            />
            <SelectField
              label="Officer"
              value={officer}
              onChange={setOfficer}
              options={[
                { value: '', label: 'Not assigned yet' },
                ...officers.map((o) => ({
                  value: o.name,
                  label: o.title ? `${o.name}, ${o.title}` : o.name,
                })),
              ]}
            />
            <DepartmentField
              hint="The department the request concerns, for the statistics."
              value={department}
              onChange={setDepartment}
            />
          </section>
          <section className="panel" aria-labelledby={`${uid}-requester-heading`}>
            <h2 className="panel__title" id={`${uid}-requester-heading`}>
              Requester
            </h2>
            <TextField
              id={`${uid}-requester`}
              label="Name"
              value={requesterName}
              onChange={setRequesterName}
              autoComplete="off"
              error={problems.find((p) => p.field === `${uid}-requester`)?.message}
            />
            <TextField
              label="Email (optional)"
              value={requesterEmail}
              onChange={setRequesterEmail}
              type="email"
              autoComplete="off"
            />
            <TextArea
              label="Postal address (optional)"
              value={requesterAddress}
              onChange={setRequesterAddress}
              rows={3}
            />
            <TextField
              label="Organisation (optional)"
              hint="For example a newspaper or a company."
              value={requesterOrganisation}
              onChange={setRequesterOrganisation}
              autoComplete="off"
            />
          </section>
          <div className="panel panel--deadline" aria-live="polite">
            {preview ? (
              <DeadlinePanel deadline={preview.deadline} progress={preview.progress} />
            ) : (
              <p className="muted">
                {previewError ??
                  (received !== '' && receivedProblem
                    ? `${receivedProblem} The due date appears once it is.`
                    : 'The due date appears once the date received is set.')}
              </p>
            )}
          </div>
        </div>
      </div>
      <div className="button-row button-row--sticky">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Logging…' : 'Log the request'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
        <span className="hint">Ctrl+Enter logs the request from any field.</span>
      </div>
    </form>
  );
}
