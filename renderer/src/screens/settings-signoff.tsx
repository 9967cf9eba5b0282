/**
 * Settings → Sign-off: which responses need approval before they are sent (per regime, and for
 * cases flagged as sensitive). Each box is saved as it is ticked, so there is nothing unsaved to
 * lose; main records the change in the history.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { REGIMES, type Regime } from '../../../shared/case-format';
import { REGIME_LABELS } from '../../../shared/labels';
import type { SignOffPolicy } from '../../../shared/sign-off';
import { call, errorMessage } from '../api';
import { Alert, CheckboxField } from '../components/fields';

export function SignOffSettings() {
  const uid = useId();
  const [policy, setPolicy] = useState<SignOffPolicy | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    call('sign-off:policy', {}).then(setPolicy, (e: unknown) =>
      setMessage({ tone: 'error', text: errorMessage(e) }),
    );
  }, []);

  // Each tick shows at once and builds on the ticks before it; the saves go to main one after
  // another, in the order they were made. A refused save shows why and puts back what main holds.
  const saving = useRef<Promise<void>>(Promise.resolve());
  const save = (next: SignOffPolicy) => {
    setPolicy(next);
    setMessage(null);
    saving.current = saving.current.then(() =>
      call('sign-off:save-policy', { policy: next }).then(
        () => setMessage({ tone: 'success', text: 'Sign-off saved.' }),
        (e: unknown) => {
          setMessage({ tone: 'error', text: errorMessage(e) });
          return call('sign-off:policy', {}).then(setPolicy, () => undefined);
        },
      ),
    );
  };
  const toggleRegime = (regime: Regime, on: boolean) => {
    if (!policy) return;
    const regimes = on ? [...policy.regimes, regime] : policy.regimes.filter((r) => r !== regime);
    save({ ...policy, regimes });
  };

  return (
    <section className="panel" aria-labelledby={`${uid}-heading`} data-panel="sign-off-settings">
      <h2 className="panel__title" id={`${uid}-heading`}>
        Sign-off
      </h2>
      <p className="muted">
        A response that needs approval cannot be marked as sent until another officer has approved that
        version of the letter. No one approves their own response, and a change to the letter or the answers
        after approval needs approval again.
      </p>
      {policy ? (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Approval is needed before these responses are sent</legend>
          {REGIMES.map((regime) => (
            <CheckboxField
              key={regime}
              label={`${REGIME_LABELS[regime] ?? regime} (${regime})`}
              checked={policy.regimes.includes(regime)}
              onChange={(on) => toggleRegime(regime, on)}
            />
          ))}
          <CheckboxField
            label="Any case flagged as sensitive"
            hint="Flag a case as sensitive on its page, under Sign-off."
            checked={policy.sensitive}
            onChange={(sensitive) => save({ ...policy, sensitive })}
          />
        </fieldset>
      ) : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </section>
  );
}
