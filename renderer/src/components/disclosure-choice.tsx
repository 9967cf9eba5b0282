/** "Publish in the disclosure log" on the case page: only a closed case can be chosen (main refuses otherwise). */
import { useEffect, useId, useState } from 'react';
import type { CaseDetail } from '../../../shared/contract';
import { call, errorMessage } from '../api';
import { Alert, SavedCheckboxField } from './fields';

export function DisclosureChoicePanel({ detail }: { detail: CaseDetail }) {
  const uid = useId();
  const [state, setState] = useState<{ chosen: boolean; problems: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { status, responded } = detail.record;
  useEffect(() => {
    call('disclosure:choice', { caseId: detail.id }).then(setState, (e: unknown) =>
      setError(errorMessage(e)),
    );
  }, [detail.id, status, responded]);
  if (!state) return error ? <Alert>{error}</Alert> : null;
  const blocked = state.problems.length > 0 && !state.chosen;
  return (
    <section className="panel" aria-labelledby={`${uid}-heading`} data-panel="disclosure-choice">
      <h2 className="panel__title" id={`${uid}-heading`}>
        Disclosure log
      </h2>
      {error ? <Alert>{error}</Alert> : null}
      {blocked ? (
        <p className="muted">{state.problems.join(' ')}</p>
      ) : (
        <SavedCheckboxField
          label="Publish this request and its response in the disclosure log"
          hint="Without the requester. The personal-data check runs before the log is exported."
          checked={state.chosen}
          save={(chosen) =>
            call('disclosure:choose', { caseId: detail.id, chosen }).then(
              (r) => (setState({ ...state, chosen: r.chosen }), setError(null)),
              (e: unknown) => setError(errorMessage(e)),
            )
          }
        />
      )}
    </section>
  );
}
