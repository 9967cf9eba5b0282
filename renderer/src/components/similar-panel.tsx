/**
 * "Similar requests" on the case page: the register's requests most like this one (a round robin
 * answered before, the same requester asking again), what each may mean (s12 aggregation, a
 * campaign, a repeated request), and each similar case's answers, which the officer can copy into
 * this case's questions one at a time. A copy goes through `cases:set-response`, so every answer
 * rule applies to it, and replacing an answer already recorded asks first.
 */
import { useEffect, useId, useState } from 'react';
import type { QuestionResponse } from '../../../shared/case-format';
import type { CaseDetail, SimilarCase } from '../../../shared/contract';
import { flattenQuestions, type FlatQuestion } from '../../../shared/questions';
import { call, errorMessage } from '../api';
import { Alert } from './fields';
import { ConfirmDialog } from './modal';
import { formatUkDate, QUESTION_OUTCOME_LABELS } from '../format';

type Change = (work: () => Promise<CaseDetail>, success: string) => Promise<boolean>;

export function SimilarPanel({ detail, change }: { detail: CaseDetail; change: Change }) {
  const uid = useId();
  const [similar, setSimilar] = useState<SimilarCase[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  // The request's text is what it is compared by: look again when it changes.
  const text = `${detail.record.subject}\n${detail.record.requestText}`;
  useEffect(() => {
    let live = true;
    call('cases:similar', { id: detail.id }).then(
      (found) => live && (setSimilar(found), setError(null)),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [detail.id, text]);

  return (
    <section className="panel" aria-labelledby={`${uid}-heading`} data-panel="similar">
      <h2 className="panel__title" id={`${uid}-heading`}>
        Similar requests
      </h2>
      {error ? <Alert>{error}</Alert> : null}
      {similar === null && !error ? (
        <p className="muted" role="status">
          Looking for similar requests…
        </p>
      ) : null}
      {similar?.length === 0 ? <p className="muted">No similar requests in the register.</p> : null}
      {similar && similar.length > 0 ? (
        <ul className="similar">
          {similar.map((s) => (
            <li key={s.id} className="similar__item" data-similar={s.reference}>
              <div className="similar__head">
                <button
                  type="button"
                  className="link-button"
                  aria-expanded={open === s.id}
                  onClick={() => setOpen(open === s.id ? null : s.id)}
                >
                  {s.reference}
                </button>
                <span className="similar__score" title="How alike the two requests are, out of 100">
                  {s.score}% alike
                </span>
                <span className="similar__meta">
                  received {formatUkDate(s.received)}
                  {s.sameRequester ? ' · same requester' : ''}
                  {s.status === 'closed' ? ' · answered' : ' · open'}
                </span>
              </div>
              <p className="similar__subject">{s.subject}</p>
              <p className="similar__matched">Matched: {s.matched.join(', ')}</p>
              {s.flags.map((f) => (
                <p key={f.kind} className="similar__flag" data-flag={f.kind}>
                  {f.message}
                </p>
              ))}
              {open === s.id ? <SimilarAnswers source={s} detail={detail} change={change} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

interface PendingCopy {
  target: FlatQuestion;
  response: QuestionResponse;
  from: string;
}

/** The other case's questions and answers, each answer with "Copy to question …". */
function SimilarAnswers({
  source,
  detail,
  change,
}: {
  source: SimilarCase;
  detail: CaseDetail;
  change: Change;
}) {
  const [answers, setAnswers] = useState<FlatQuestion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingCopy | null>(null);
  useEffect(() => {
    call('cases:get', { id: source.id }).then(
      (other) => setAnswers(flattenQuestions(other.record.questions)),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [source.id]);
  const mine = flattenQuestions(detail.record.questions).filter((q) => q.id);

  const copy = async ({ target, response, from }: PendingCopy) => {
    setPending(null);
    await change(
      () => call('cases:set-response', { id: detail.id, questionId: target.id!, response }),
      `Copied the answer to question ${from} of ${source.reference} into question ${target.number}.`,
    );
  };

  if (error) return <Alert>{error}</Alert>;
  if (!answers) return <p className="muted">Loading {source.reference}…</p>;
  const answered = answers.filter((q) => q.response);
  if (answered.length === 0)
    return <p className="muted">{source.reference} has no recorded answers to copy.</p>;
  return (
    <div className="similar__answers">
      {answered.map((q, i) => (
        <CopyRow
          key={q.id ?? i}
          question={q}
          mine={mine}
          onCopy={(target) => {
            const next = { target, response: q.response!, from: q.number };
            if (target.response) setPending(next);
            else void copy(next);
          }}
        />
      ))}
      {pending ? (
        <ConfirmDialog
          title={`Replace the answer to question ${pending.target.number}?`}
          confirmLabel="Replace the answer"
          cancelLabel="Keep the answer"
          onConfirm={() => void copy(pending)}
          onCancel={() => setPending(null)}
        >
          Question {pending.target.number} already has an answer. Copying the answer to question{' '}
          {pending.from} of {source.reference} replaces it (the old answer stays in the case history).
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function CopyRow({
  question,
  mine,
  onCopy,
}: {
  question: FlatQuestion;
  mine: FlatQuestion[];
  onCopy: (target: FlatQuestion) => void;
}) {
  const uid = useId();
  // The same number here, if this case has one; otherwise the first question.
  const [target, setTarget] = useState(
    () => (mine.find((m) => m.number === question.number) ?? mine[0])?.id ?? '',
  );
  const response = question.response!;
  const chosen = mine.find((m) => m.id === target);
  return (
    <div className="similar__answer" data-answer={question.number}>
      <p className="similar__question">
        <strong>{question.number}.</strong> {question.text}
      </p>
      <p className="similar__reply">
        <span className={`tag tag--answer tag--${response.outcome}`}>
          {QUESTION_OUTCOME_LABELS[response.outcome] ?? response.outcome}
        </span>{' '}
        {response.text ??
          response.heldStatement ??
          response.exemptions?.map((e) => e.provision).join(', ') ??
          ''}
      </p>
      {mine.length > 0 ? (
        <div className="similar__copy">
          <label htmlFor={`${uid}-target`}>Copy to question</label>
          <select
            id={`${uid}-target`}
            className="select"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          >
            {mine.map((m) => (
              <option key={m.id} value={m.id}>
                {m.number}
                {m.response ? ' (answered)' : ''}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={!chosen}
            onClick={() => chosen && onCopy(chosen)}
          >
            Copy answer
          </button>
        </div>
      ) : (
        <p className="muted">This case has no questions to copy into yet.</p>
      )}
    </div>
  );
}
