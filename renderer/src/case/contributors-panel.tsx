/**
 * "Departments" on the case page: ask a department about the case or some of its questions, see
 * each task's state and when its next chaser is due, draft the request and the chasers for the
 * officer's own mail client (an .eml saved or downloaded, or a mailto: link; FOI Desk sends
 * nothing), record the reply and copy it into the answers. Copying never replaces an answer
 * without asking: an answered question offers "add below" or "replace" (after a confirmation).
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { CHASE_KIND_LABELS, CONTRIBUTOR_STATUS_LABELS, type NextChase } from '../../../shared/chasers';
import type { CaseContributors, CaseDetail, ContributorTaskView } from '../../../shared/contract';
import { flattenQuestions, type FlatQuestion } from '../../../shared/questions';
import { call, errorMessage, hasSaveDialog } from '../api';
import { Alert, CheckboxField, DateField, SelectField, TextArea } from '../components/fields';
import { ConfirmDialog } from '../components/modal';
import { base64ToBytes, downloadFile } from '../letters/download';
import { formatUkDate } from '../format';

type Change = (work: () => Promise<CaseDetail>, success: string) => Promise<boolean>;
type Message = { tone: 'success' | 'error' | 'info'; text: string } | null;

export function ContributorsPanel({
  detail,
  change,
  onChanged,
}: {
  detail: CaseDetail;
  change: Change;
  onChanged: () => void;
}) {
  const uid = useId();
  const [data, setData] = useState<CaseContributors | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const load = useCallback(() => {
    call('contributors:list', { caseId: detail.id }).then(setData, (e: unknown) =>
      setMessage({ tone: 'error', text: errorMessage(e) }),
    );
  }, [detail.id]);
  // Reloaded when the case changes (its due date moves the overdue chase).
  useEffect(load, [load, detail.due, detail.record.status]);

  const updated = (next: CaseContributors, text: string) => {
    setData(next);
    setMessage({ tone: 'success', text });
    onChanged();
  };
  const questions = flattenQuestions(detail.record.questions).filter((q) => q.id);
  const closed = detail.record.status === 'closed';

  return (
    <section
      className="panel contributors"
      aria-labelledby={`${uid}-heading`}
      data-panel="contributors"
      data-ready={data ? 'true' : undefined}
    >
      <h2 className="panel__title" id={`${uid}-heading`}>
        Departments
      </h2>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {data === null ? <p className="muted">Loading the departments asked…</p> : null}
      {data && data.tasks.length === 0 ? <p className="muted">No department has been asked yet.</p> : null}
      {data?.tasks.map((t) => (
        <TaskItem
          key={t.id}
          task={t}
          today={data.today}
          questions={questions}
          change={change}
          onUpdated={updated}
          onError={(text) => setMessage({ tone: 'error', text })}
        />
      ))}
      {data && !closed ? (
        <AskForm data={data} questions={questions} caseId={detail.id} onAsked={updated} />
      ) : null}
    </section>
  );
}

function nextChaseText(next: NextChase, today: string): string {
  const label = CHASE_KIND_LABELS[next.kind].toLowerCase();
  const to = next.recipient === 'escalation' ? ' to the escalation contact' : '';
  if (next.due <= today)
    return `A ${label}${to} is due${next.due < today ? ` since ${formatUkDate(next.due)}` : ' today'}.`;
  return `Next: a ${label}${to} on ${formatUkDate(next.due)}.`;
}

function TaskItem({
  task,
  today,
  questions,
  change,
  onUpdated,
  onError,
}: {
  task: ContributorTaskView;
  today: string;
  questions: FlatQuestion[];
  change: Change;
  onUpdated: (next: CaseContributors, text: string) => void;
  onError: (text: string) => void;
}) {
  const [includeRequester, setIncludeRequester] = useState(task.includeRequester);
  const [reply, setReply] = useState('');
  const [replyDate, setReplyDate] = useState(today);
  const [replacing, setReplacing] = useState<FlatQuestion | null>(null);
  const [mailto, setMailto] = useState<string | null>(null);
  const answered = task.status === 'answered';
  const noEscalation = task.next?.recipient === 'escalation' && !task.department.escalationEmail;

  /** Saves the .eml where the officer chooses (Electron) or downloads it (browser), and records it. */
  const draftEml = async (kind: 'request' | 'next') => {
    try {
      const input = { taskId: task.id, kind, includeRequester };
      if (hasSaveDialog) {
        const draft = await call('contributors:draft', input);
        const { path } = await call('dialog:save-path', { suggestedName: draft.fileName, kind: 'eml' });
        if (!path) return;
        const result = await call('contributors:chase-export', { ...input, path });
        onUpdated(result.contributors, `Saved to ${path}: open it in your mail client to send it.`);
        return;
      }
      const result = await call('contributors:chase', { ...input, as: 'eml' });
      downloadFile(result.file!.fileName, base64ToBytes(result.file!.base64), 'message/rfc822');
      onUpdated(
        result.contributors,
        `${result.file!.fileName} downloaded: open it in your mail client to send it.`,
      );
    } catch (e) {
      onError(errorMessage(e));
    }
  };
  const draftMailto = async (kind: 'request' | 'next') => {
    try {
      const result = await call('contributors:chase', {
        taskId: task.id,
        kind,
        includeRequester,
        as: 'mailto',
      });
      setMailto(result.draft.mailto);
      onUpdated(result.contributors, 'The email is ready: open it in your mail client with the link below.');
    } catch (e) {
      onError(errorMessage(e));
    }
  };

  const recordReply = async (e: FormEvent) => {
    e.preventDefault();
    if (!reply.trim()) return onError('Enter the department’s reply.');
    try {
      const next = await call('contributors:record-reply', { taskId: task.id, reply, date: replyDate });
      setReply('');
      onUpdated(next, `The reply from ${task.department.name} was recorded.`);
    } catch (err) {
      onError(errorMessage(err));
    }
  };

  const copy = async (q: FlatQuestion, mode: 'fill' | 'append' | 'replace') => {
    setReplacing(null);
    const words = { fill: 'copied into', append: 'added below the answer to', replace: 'now the answer to' };
    await change(
      () => call('contributors:copy-reply', { taskId: task.id, questionId: q.id!, mode }),
      `The reply from ${task.department.name} is ${words[mode]} question ${q.number}.`,
    );
  };

  const targets = task.questions.length
    ? questions.filter((q) => task.questions.some((t) => t.id === q.id))
    : questions;

  return (
    <article className="contributors__task" data-task={task.department.name} data-status={task.status}>
      <h3 className="panel__subtitle">
        {task.department.name}{' '}
        <span className={`tag tag--task tag--${task.status}`} data-testid="task-status">
          {CONTRIBUTOR_STATUS_LABELS[task.status]}
        </span>
      </h3>
      <p className="contributors__meta">
        {task.questions.length
          ? `Question${task.questions.length === 1 ? '' : 's'} ${task.questions.map((q) => q.number).join(', ')}`
          : 'The whole request'}
        {' · '}asked {formatUkDate(task.asked)} of {task.department.contactName} · due back{' '}
        {formatUkDate(task.internalDue)}
        {task.chases.filter((c) => c.kind !== 'request').length
          ? ` · chased ${task.chases.filter((c) => c.kind !== 'request').length}×`
          : ''}
      </p>
      {task.next ? (
        <p className={task.next.isDue ? 'contributors__due' : 'muted'} data-testid="next-chase">
          {nextChaseText(task.next, today)}
          {noEscalation ? ' The department has no escalation contact, so it goes to the contact.' : ''}
        </p>
      ) : null}
      {!answered ? (
        <div className="contributors__draft">
          <CheckboxField
            label="Include the requester’s name, email and address"
            hint="Off: the department sees the questions only (applicant-blind)."
            checked={includeRequester}
            onChange={setIncludeRequester}
          />
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void draftEml('request')}
            >
              {hasSaveDialog ? 'Save the request email…' : 'Download the request email'}
            </button>
            {task.next ? (
              <button
                type="button"
                className={task.next.isDue ? 'button' : 'button button--secondary'}
                onClick={() => void draftEml('next')}
              >
                {hasSaveDialog ? 'Save' : 'Download'} {CHASE_KIND_LABELS[task.next.kind].toLowerCase()}{' '}
                {task.next.number}
                {hasSaveDialog ? '…' : ''}
              </button>
            ) : null}
            {task.next ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void draftMailto('next')}
              >
                Chase by mailto: link
              </button>
            ) : null}
          </div>
          {mailto ? (
            <p>
              <a href={mailto} data-testid="mailto">
                Open the email in your mail client
              </a>
            </p>
          ) : null}
          <form className="contributors__reply" onSubmit={(e) => void recordReply(e)} noValidate>
            <TextArea label="The department’s reply" value={reply} onChange={setReply} rows={4} />
            <DateField label="Replied on" value={replyDate} onChange={setReplyDate} />
            <button type="submit" className="button">
              Record the reply
            </button>
          </form>
        </div>
      ) : (
        <div className="contributors__answered">
          <p className="muted">Replied {task.answered ? formatUkDate(task.answered) : ''}:</p>
          <blockquote className="contributors__reply-text" data-testid="reply-text">
            {task.reply}
          </blockquote>
          <ul className="plain-list">
            {targets.map((q) => (
              <li key={q.id} className="plain-list__item">
                <span>
                  Question {q.number}
                  {q.response ? ' (answered)' : ''}
                </span>
                {q.response ? (
                  <span className="button-row">
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => void copy(q, 'append')}
                    >
                      Add the reply below answer {q.number}
                    </button>
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => setReplacing(q)}
                    >
                      Replace answer {q.number}…
                    </button>
                  </span>
                ) : (
                  <button type="button" className="button button--small" onClick={() => void copy(q, 'fill')}>
                    Copy the reply into question {q.number}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {replacing ? (
        <ConfirmDialog
          title={`Replace the answer to question ${replacing.number}?`}
          confirmLabel="Replace the answer"
          cancelLabel="Keep the answer"
          onConfirm={() => void copy(replacing, 'replace')}
          onCancel={() => setReplacing(null)}
        >
          Question {replacing.number} already has an answer. The reply from {task.department.name} replaces
          its text (the old answer stays in the case history).
        </ConfirmDialog>
      ) : null}
    </article>
  );
}

function AskForm({
  data,
  questions,
  caseId,
  onAsked,
}: {
  data: CaseContributors;
  questions: FlatQuestion[];
  caseId: number;
  onAsked: (next: CaseContributors, text: string) => void;
}) {
  const [departmentId, setDepartmentId] = useState(String(data.departments[0]?.id ?? ''));
  const [chosen, setChosen] = useState<string[]>([]);
  const [due, setDue] = useState(data.defaultInternalDue);
  const [note, setNote] = useState('');
  const [includeRequester, setIncludeRequester] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (data.departments.length === 0)
    return <p className="hint">Add the departments you ask in Settings, then ask them from here.</p>;

  const ask = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const department = data.departments.find((d) => String(d.id) === departmentId);
    if (!department) return setError('Choose a department.');
    try {
      const next = await call('contributors:ask', {
        caseId,
        departmentId: department.id,
        questionIds: chosen,
        ...(due ? { internalDue: due } : {}),
        ...(note.trim() ? { note } : {}),
        includeRequester,
      });
      setChosen([]);
      setNote('');
      onAsked(next, `${department.name} was asked. Save or download the request email to send it.`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <form
      className="contributors__ask"
      onSubmit={(e) => void ask(e)}
      noValidate
      aria-label="Ask a department"
    >
      <h3 className="panel__subtitle">Ask a department</h3>
      <SelectField
        label="Department"
        value={departmentId}
        onChange={setDepartmentId}
        options={data.departments.map((d) => ({
          value: String(d.id),
          label: `${d.name} (${d.contactName})`,
        }))}
      />
      {questions.length ? (
        <fieldset className="fieldset">
          <legend>Questions to ask about (none ticked: the whole request)</legend>
          {questions.map((q) => (
            <CheckboxField
              key={q.id}
              label={`${q.number}. ${q.text.length > 90 ? `${q.text.slice(0, 87)}…` : q.text}`}
              checked={chosen.includes(q.id!)}
              onChange={(on) => setChosen((c) => (on ? [...c, q.id!] : c.filter((x) => x !== q.id)))}
            />
          ))}
        </fieldset>
      ) : null}
      <DateField
        label="Internal due date"
        hint={`By default ${data.settings.internalDueDays} working days from today.`}
        value={due}
        onChange={setDue}
      />
      <TextArea label="Note to the department (optional)" value={note} onChange={setNote} rows={2} />
      <CheckboxField
        label="Share the requester’s name, email and address with the department"
        hint="Off by default: requests are handled applicant-blind."
        checked={includeRequester}
        onChange={setIncludeRequester}
      />
      {error ? <Alert>{error}</Alert> : null}
      <button type="submit" className="button">
        Ask the department
      </button>
    </form>
  );
}
