/**
 * "Complaint to the Commissioner" on the case page: the date the requester complained to the ICO
 * (or the Scottish Information Commissioner), the decision and the decision notice's reference.
 * The rules are shared/commissioner.ts commissionerProblems, checked here as the officer types
 * and again by main (`cases:set-commissioner`).
 */
import { useEffect, useId, useState } from 'react';
import type { CaseDetail } from '../../../shared/contract';
import {
  COMMISSIONER_DECISIONS,
  COMMISSIONER_DECISION_LABELS,
  commissionerFor,
  commissionerProblems,
  type CommissionerDecision,
} from '../../../shared/commissioner';
import { formatUkDate, todayIso } from '../../../shared/dates';
import { call } from '../api';
import { Alert, DateField, SelectField, TextField } from '../components/fields';

type Change = (work: () => Promise<CaseDetail>, success: string) => Promise<boolean>;

export function CommissionerPanel({ detail, change }: { detail: CaseDetail; change: Change }) {
  const uid = useId();
  const r = detail.record;
  const who = commissionerFor(r.regime);
  const [editing, setEditing] = useState(false);
  const [date, setDate] = useState(r.commissionerComplaintReceived ?? '');
  const [decision, setDecision] = useState<string>(r.commissionerDecision ?? '');
  const [ref, setRef] = useState(r.commissionerDecisionRef ?? '');
  useEffect(() => {
    setDate(r.commissionerComplaintReceived ?? '');
    setDecision(r.commissionerDecision ?? '');
    setRef(r.commissionerDecisionRef ?? '');
  }, [r.commissionerComplaintReceived, r.commissionerDecision, r.commissionerDecisionRef]);

  const fields = {
    commissionerComplaintReceived: date || null,
    commissionerDecision: (decision || null) as CommissionerDecision | null,
    commissionerDecisionRef: ref.trim() || null,
  };
  const problems = commissionerProblems(
    { received: r.received, responded: r.responded, due: detail.due },
    fields,
    todayIso(),
  );
  const save = async () => {
    const ok = await change(
      () =>
        call('cases:set-commissioner', {
          id: detail.id,
          complaintReceived: fields.commissionerComplaintReceived,
          decision: fields.commissionerDecision,
          decisionRef: fields.commissionerDecisionRef,
        }),
      fields.commissionerComplaintReceived
        ? `The complaint to ${who.short} is recorded.`
        : `The complaint to ${who.short} is removed.`,
    );
    if (ok) setEditing(false);
  };

  return (
    <section className="panel" aria-labelledby={`${uid}-heading`} data-panel="commissioner">
      <h2 className="panel__title" id={`${uid}-heading`}>
        Complaint to the Commissioner
      </h2>
      {!editing ? (
        <>
          {r.commissionerComplaintReceived ? (
            <dl className="summary-list">
              <div className="summary-list__row">
                <dt>Complained to {who.short}</dt>
                <dd data-testid="commissioner-date">{formatUkDate(r.commissionerComplaintReceived)}</dd>
              </div>
              <div className="summary-list__row">
                <dt>Decision</dt>
                <dd data-testid="commissioner-decision">
                  {r.commissionerDecision
                    ? COMMISSIONER_DECISION_LABELS[r.commissionerDecision]
                    : 'Not decided yet'}
                </dd>
              </div>
              {r.commissionerDecisionRef ? (
                <div className="summary-list__row">
                  <dt>Decision notice</dt>
                  <dd>{r.commissionerDecisionRef}</dd>
                </div>
              ) : null}
            </dl>
          ) : (
            <p className="muted">No complaint to {who.short} is recorded.</p>
          )}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setEditing(true)}
          >
            {r.commissionerComplaintReceived ? 'Change the complaint' : 'Record a complaint'}
          </button>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (problems.length === 0) void save();
          }}
        >
          <DateField
            label={`Date of the complaint to ${who.short}`}
            hint="As the Commissioner’s letter gives it. Leave empty to remove the complaint."
            value={date}
            onChange={setDate}
          />
          <SelectField
            label="Decision"
            value={decision}
            onChange={setDecision}
            options={[
              { value: '', label: 'Not decided yet' },
              ...COMMISSIONER_DECISIONS.map((d) => ({ value: d, label: COMMISSIONER_DECISION_LABELS[d] })),
            ]}
          />
          <TextField
            label="Decision notice reference"
            hint="For example IC-123456-A1B2, or Decision 123/2024."
            value={ref}
            onChange={setRef}
            maxLength={200}
          />
          {problems.length > 0 ? <Alert tone="warning">{problems.join(' ')}</Alert> : null}
          <div className="button-row">
            <button type="submit" className="button button--small" disabled={problems.length > 0}>
              Save
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setEditing(false)}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
