/**
 * Sign-off on the case page: whether this response needs approval (the team's settings and the
 * case's sensitive flag), where the newest version of each letter stands, asking an approver,
 * and, for the approver the request names, approving or returning it with a comment. The words
 * come from shared/sign-off.ts, the same rules main refuses on.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { CaseDetail } from '../../../shared/contract';
import {
  describeVersionSignOff,
  sameOfficer,
  type SignOffStatus,
  type SignOffStep,
  type SignOffVersionView,
} from '../../../shared/sign-off';
import { call, errorMessage } from '../api';
import { Alert, SavedCheckboxField, SelectField, TextArea } from '../components/fields';
import { formatTimestamp } from '../format';

type Message = { tone: 'success' | 'error'; text: string } | null;

export function SignOffPanel({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const uid = useId();
  const [status, setStatus] = useState<SignOffStatus | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const caseId = detail.id;

  // Only the answer to the newest request is shown: a reload begun before a change must not
  // put back what the change replaced.
  const latest = useRef(0);
  const load = useCallback(() => {
    const asked = ++latest.current;
    call('sign-off:status', { caseId }).then(
      (s) => {
        if (asked === latest.current) setStatus(s);
      },
      (e: unknown) => setMessage({ tone: 'error', text: errorMessage(e) }),
    );
  }, [caseId]);
  // The case reloads after every letter and answer change: where each version stands may change too.
  useEffect(load, [load, detail]);

  const act = async (work: () => Promise<SignOffStatus>, success: string) => {
    setMessage(null);
    const asked = ++latest.current;
    try {
      const next = await work();
      if (asked === latest.current) setStatus(next);
      setMessage({ tone: 'success', text: success });
      onChanged();
      return true;
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
      return false;
    }
  };

  if (!status) return message ? <Alert>{message.text}</Alert> : null;
  return (
    <section className="panel" aria-labelledby={`${uid}-heading`} data-panel="sign-off">
      <h2 className="panel__title" id={`${uid}-heading`}>
        Sign-off
      </h2>
      <p className={status.reason ? undefined : 'muted'} data-sign-off="reason">
        {status.reason ?? 'This response needs no approval under the team’s sign-off settings.'}
      </p>
      <SavedCheckboxField
        label="Sensitive case"
        hint={
          status.policy.sensitive
            ? 'The team approves every sensitive case before it is sent.'
            : 'The team’s settings do not require approval for sensitive cases.'
        }
        checked={status.sensitive}
        save={(sensitive) =>
          act(
            () => call('sign-off:set-sensitive', { caseId, sensitive }),
            sensitive ? 'The case is flagged as sensitive.' : 'The case is no longer flagged as sensitive.',
          )
        }
      />
      {status.versions.length === 0 ? (
        <p className="muted">Generate the letter below to send it for approval.</p>
      ) : (
        status.versions.map((v) => <VersionSignOffBlock key={v.versionId} v={v} status={status} act={act} />)
      )}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {status.steps.length > 0 ? <StepList steps={status.steps} versions={status.versions} /> : null}
    </section>
  );
}

type Act = (work: () => Promise<SignOffStatus>, success: string) => Promise<boolean>;

function VersionSignOffBlock({ v, status, act }: { v: SignOffVersionView; status: SignOffStatus; act: Act }) {
  const [approver, setApprover] = useState('');
  const [note, setNote] = useState('');
  const [comment, setComment] = useState('');
  const s = v.signOff;
  const youDecide = s.state === 'requested' && sameOfficer(s.approver, status.you);
  const canAsk = !v.sent && s.state !== 'approved' && !youDecide;
  const chosen = approver || status.approvers[0] || '';
  return (
    <div
      className="sign-off__version"
      data-sign-off-version={v.version}
      data-state={v.sent ? 'sent' : s.state}
    >
      <h3 className="panel__subtitle">
        {v.title}, version {v.version}
      </h3>
      <p role="status">{v.sent ? 'Marked as sent; locked.' : describeVersionSignOff(s)}</p>
      {youDecide ? (
        <div className="sign-off__decide">
          <button
            type="button"
            className="button"
            onClick={() =>
              void act(
                () => call('sign-off:approve', { versionId: v.versionId }),
                `Version ${v.version} approved.`,
              )
            }
          >
            Approve version {v.version}
          </button>
          <TextArea
            label="Comment for the officer (needed to return it)"
            value={comment}
            onChange={setComment}
            rows={3}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              void act(
                () => call('sign-off:return', { versionId: v.versionId, comment }),
                `Version ${v.version} returned with your comment.`,
              ).then((ok) => ok && setComment(''))
            }
          >
            Return with comment
          </button>
        </div>
      ) : null}
      {canAsk ? (
        status.approvers.length === 0 ? (
          <p className="muted">
            Add another officer in Settings to ask for approval: no one approves their own response.
          </p>
        ) : (
          <div className="sign-off__ask">
            <SelectField
              label="Approver"
              value={chosen}
              onChange={setApprover}
              options={status.approvers.map((name) => ({ value: name, label: name }))}
            />
            <TextArea label="Note for the approver (optional)" value={note} onChange={setNote} rows={2} />
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                void act(
                  () =>
                    call('sign-off:request', {
                      versionId: v.versionId,
                      approver: chosen,
                      ...(note.trim() ? { note } : {}),
                    }),
                  `${chosen} was asked to approve version ${v.version}.`,
                ).then((ok) => ok && setNote(''))
              }
            >
              {s.state === 'requested' ? 'Ask again' : 'Ask for approval'}
            </button>
          </div>
        )
      ) : null}
      {!v.sent && v.sendProblems.length > 0 ? (
        <p className="muted" data-sign-off="send-problems">
          Until then “Mark as sent” is refused.
        </p>
      ) : null}
    </div>
  );
}

const STEP_WORDS: Record<SignOffStep['kind'], string> = {
  requested: 'asked for approval',
  approved: 'approved',
  returned: 'returned it',
};

function StepList({ steps, versions }: { steps: SignOffStep[]; versions: SignOffVersionView[] }) {
  const shown = new Set(versions.map((v) => v.versionId));
  return (
    <details className="sign-off__steps">
      <summary>Every step ({steps.length})</summary>
      <ol>
        {steps.map((step) => (
          <li key={step.id}>
            {formatTimestamp(step.at)}: {step.actor} {STEP_WORDS[step.kind]}
            {step.kind === 'requested' && step.approver ? ` of ${step.approver}` : ''}
            {shown.has(step.versionId) ? '' : ' (an older version)'}
            {step.comment ? `: ${step.comment}` : ''}
          </li>
        ))}
      </ol>
    </details>
  );
}
