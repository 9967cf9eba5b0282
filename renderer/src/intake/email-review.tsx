/**
 * The review of a request read from an email: the new-case form prefilled from it, with what the
 * officer should check (duplicates, WhatDoTheyKnow, notes) and the attachments to keep. Logging
 * it stores the case, the email and the attachments kept, together.
 */
import { useId, useState } from 'react';
import { formatBytes } from '../../../shared/attachment-rules';
import type { CaseDraft, EmailIntakeProposal } from '../../../shared/contract';
import { call } from '../api';
import { Alert } from '../components/fields';
import { NewCase } from '../screens/new-case';

export function EmailReview({
  proposal,
  onCreated,
  onCancel,
}: {
  proposal: EmailIntakeProposal;
  onCreated: (id: number) => void;
  onCancel: () => void;
}) {
  const uid = useId();
  const [keep, setKeep] = useState<Set<number>>(
    () => new Set(proposal.attachments.filter((a) => a.keep).map((a) => a.index)),
  );
  const [allowDuplicate, setAllowDuplicate] = useState(false);

  const submit = (draft: CaseDraft) =>
    call('intake:log-email', {
      intakeId: proposal.intakeId,
      draft,
      keep: [...keep],
      ...(allowDuplicate ? { allowDuplicate } : {}),
    });

  const intro = (
    <section className="panel intake-review" aria-labelledby={`${uid}-heading`} data-testid="email-review">
      <h2 className="panel__title" id={`${uid}-heading`}>
        From the email {proposal.fileName}
      </h2>
      {proposal.duplicates.length ? (
        <Alert tone="warning">
          This email looks already logged:{' '}
          {proposal.duplicates
            .map(
              (d) =>
                `${d.reference} (${d.why === 'message-id' ? 'the same message' : 'the same text from the same address'})`,
            )
            .join(', ')}
          .{' '}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={allowDuplicate}
              onChange={(e) => setAllowDuplicate(e.currentTarget.checked)}
            />{' '}
            Log it again anyway
          </label>
        </Alert>
      ) : null}
      {proposal.sourceNote ? <Alert tone="info">{proposal.sourceNote}</Alert> : null}
      {proposal.notes.length ? (
        <ul className="proposal__notes">
          {proposal.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <p className="hint">
        The email itself ({formatBytes(proposal.emailSize)}) is kept with the case, inside the encrypted case
        file.
      </p>
      {proposal.attachments.length ? (
        <fieldset className="intake-review__attachments">
          <legend>Attachments to keep with the case</legend>
          {proposal.attachments.map((a) => (
            <label key={a.index} className="checkbox">
              <input
                type="checkbox"
                disabled={a.problem !== null}
                checked={keep.has(a.index)}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  setKeep((k) => {
                    const next = new Set(k);
                    if (checked) next.add(a.index);
                    else next.delete(a.index);
                    return next;
                  });
                }}
              />{' '}
              {a.name}{' '}
              <span className="muted">
                ({a.contentType}, {formatBytes(a.size)})
              </span>
              {a.inline ? <span className="muted"> shown inside the email</span> : null}
              {a.problem ? <span className="warning-text"> {a.problem}</span> : null}
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="muted">The email has no attachments.</p>
      )}
    </section>
  );

  return (
    <NewCase
      initial={proposal.draft}
      intro={intro}
      title="Log a request from an email"
      submitDraft={submit}
      onCreated={onCreated}
      onCancel={() => {
        void call('intake:discard', { intakeId: proposal.intakeId }).catch(() => undefined);
        onCancel();
      }}
    />
  );
}
