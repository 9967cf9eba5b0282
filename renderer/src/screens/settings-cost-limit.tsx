/**
 * The s12 cost limit in Settings: £450 for most authorities, NHS trusts included, or £600 for
 * central government (Fees Regulations 2004 reg 3); and, for FOISA cases, the team's hourly staff
 * cost, capped at £15 (SSI 2004/467 reg 3(2)(b)). Saved through settings:save, so it is audited.
 */
import { useId, useState, type FormEvent } from 'react';
import type { SettingsBundle } from '../../../shared/contract';
import { FOISA_MAX_RATE_PENCE, formatPence, type CostLimitBody } from '../../../shared/s12';
import type { Settings } from '../../../shared/settings';
import { call, errorMessage } from '../api';
import { Alert, SelectField, TextField } from '../components/fields';

const BODY_OPTIONS: { value: CostLimitBody; label: string }[] = [
  { value: 'other', label: '£450 (18 hours): NHS trusts, councils and other public authorities' },
  { value: 'central-government', label: '£600 (24 hours): central government (Schedule 1, Part I)' },
];

export function CostLimitForm({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved: (b: SettingsBundle) => void;
}) {
  const uid = useId();
  const [body, setBody] = useState<CostLimitBody>(settings.costLimitBody);
  const [rate, setRate] = useState((settings.foisaHourlyRatePence / 100).toFixed(2));
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const m = /^£?(\d{1,2})(?:\.(\d{1,2}))?$/.exec(rate.trim());
  const ratePence = m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : Number.NaN;
  const rateProblem =
    Number.isNaN(ratePence) || ratePence <= 0 || ratePence > FOISA_MAX_RATE_PENCE
      ? `Give an hourly rate of more than £0 and at most ${formatPence(FOISA_MAX_RATE_PENCE)}.`
      : null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (rateProblem) return setMessage({ tone: 'error', text: rateProblem });
    try {
      onSaved(
        await call('settings:save', { settings: { costLimitBody: body, foisaHourlyRatePence: ratePence } }),
      );
      setMessage({ tone: 'success', text: 'The cost limit was saved.' });
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    }
  };

  return (
    <section className="panel" aria-labelledby={`${uid}-heading`} data-panel="cost-limit">
      <h2 className="panel__title" id={`${uid}-heading`}>
        Cost limit (s12)
      </h2>
      <form onSubmit={(e) => void save(e)} noValidate>
        <SelectField
          label="Appropriate limit (FOIA)"
          hint="The Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004, reg 3: staff time is always costed at £25 an hour (reg 4(4))."
          value={body}
          options={BODY_OPTIONS}
          onChange={(v) => setBody(v as CostLimitBody)}
        />
        <TextField
          label="Hourly staff cost for FOISA cases (£)"
          hint="Scottish authorities: the limit is £600 and staff time is estimated at its actual cost, at most £15 an hour per member of staff (SSI 2004/467 reg 3(2)(b), reg 5). Determining whether the information is held is not counted."
          value={rate}
          error={rateProblem}
          onChange={setRate}
          inputMode="decimal"
          autoComplete="off"
        />
        <p className="muted">
          The EIR have no cost limit: a request whose cost would be excessive may be manifestly unreasonable
          (EIR reg 12(4)(b)).
        </p>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        <button type="submit" className="button button--secondary">
          Save the cost limit
        </button>
      </form>
    </section>
  );
}
