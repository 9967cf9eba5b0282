/**
 * Settings: the departments a case's questions can be asked of (contact and escalation contact),
 * and the team's working days for a contributor task's internal due date and between chasers.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ContributorSettingsBundle } from '../../../shared/contract';
import type { Department } from '../../../shared/chasers';
import { call, errorMessage } from '../api';
import { Alert, CheckboxField, TextField } from '../components/fields';

type Message = { tone: 'success' | 'error'; text: string } | null;

export function DepartmentsSettings() {
  const [bundle, setBundle] = useState<ContributorSettingsBundle | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('contributors:settings', {}).then(setBundle, (e: unknown) => setError(errorMessage(e)));
  }, []);
  if (error) return <Alert>{error}</Alert>;
  if (!bundle) return null;
  return (
    <>
      <DepartmentsPanel departments={bundle.departments} onSaved={setBundle} />
      <ChaseSettingsForm bundle={bundle} onSaved={setBundle} />
    </>
  );
}

const EMPTY = { name: '', contactName: '', email: '', escalationName: '', escalationEmail: '', active: true };

function DepartmentsPanel({
  departments,
  onSaved,
}: {
  departments: Department[];
  onSaved: (b: ContributorSettingsBundle) => void;
}) {
  const uid = useId();
  const [editing, setEditing] = useState<Department | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [message, setMessage] = useState<Message>(null);
  const set = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));

  const start = (d: Department | null) => {
    setEditing(d);
    setForm(
      d
        ? {
            name: d.name,
            contactName: d.contactName,
            email: d.email,
            escalationName: d.escalationName ?? '',
            escalationEmail: d.escalationEmail ?? '',
            active: d.active,
          }
        : EMPTY,
    );
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    try {
      const department = {
        ...(editing ? { id: editing.id } : {}),
        name: form.name,
        contactName: form.contactName,
        email: form.email,
        ...(form.escalationName.trim() ? { escalationName: form.escalationName } : {}),
        ...(form.escalationEmail.trim() ? { escalationEmail: form.escalationEmail } : {}),
        active: form.active,
      };
      onSaved(await call('contributors:save-department', { department }));
      setMessage({
        tone: 'success',
        text: editing ? `${form.name.trim()} was updated.` : `${form.name.trim()} was added.`,
      });
      start(null);
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    }
  };

  return (
    <section className="panel" aria-labelledby={`${uid}-heading`} data-panel="departments">
      <h2 className="panel__title" id={`${uid}-heading`}>
        Departments
      </h2>
      <p className="hint">
        The departments you ask for information. After two chasers the next one goes to the escalation
        contact.
      </p>
      {departments.length ? (
        <ul className="plain-list">
          {departments.map((d) => (
            <li key={d.id} className="plain-list__item" data-department={d.name}>
              <span>
                <strong>{d.name}</strong>: {d.contactName} ({d.email})
                {d.escalationName ? `; escalation: ${d.escalationName} (${d.escalationEmail ?? ''})` : ''}
                {d.active ? '' : <span className="tag tag--closed">No longer asked</span>}
              </span>
              <button
                type="button"
                className="button button--link"
                aria-label={`Change ${d.name}`}
                onClick={() => start(d)}
              >
                Change
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No departments yet.</p>
      )}
      <form
        onSubmit={(e) => void save(e)}
        noValidate
        aria-label={editing ? `Change ${editing.name}` : 'Add a department'}
      >
        <h3 className="panel__subtitle">{editing ? `Change ${editing.name}` : 'Add a department'}</h3>
        <TextField label="Department" value={form.name} onChange={(v) => set({ name: v })} required />
        <div className="field-row">
          <TextField
            label="Contact name"
            value={form.contactName}
            onChange={(v) => set({ contactName: v })}
          />
          <TextField
            label="Contact email"
            type="email"
            value={form.email}
            onChange={(v) => set({ email: v })}
          />
        </div>
        <div className="field-row">
          <TextField
            label="Escalation contact name"
            value={form.escalationName}
            onChange={(v) => set({ escalationName: v })}
          />
          <TextField
            label="Escalation contact email"
            type="email"
            value={form.escalationEmail}
            onChange={(v) => set({ escalationEmail: v })}
          />
        </div>
        {editing ? (
          <CheckboxField label="Still asked" checked={form.active} onChange={(v) => set({ active: v })} />
        ) : null}
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        <div className="button-row">
          <button type="submit" className="button">
            {editing ? 'Save the department' : 'Add the department'}
          </button>
          {editing ? (
            <button type="button" className="button button--secondary" onClick={() => start(null)}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

function ChaseSettingsForm({
  bundle,
  onSaved,
}: {
  bundle: ContributorSettingsBundle;
  onSaved: (b: ContributorSettingsBundle) => void;
}) {
  const uid = useId();
  const [due, setDue] = useState(String(bundle.settings.internalDueDays));
  const [interval, setIntervalDays] = useState(String(bundle.settings.chaseIntervalDays));
  const [message, setMessage] = useState<Message>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const settings = { internalDueDays: Number(due), chaseIntervalDays: Number(interval) };
    if (!Number.isInteger(settings.internalDueDays) || !Number.isInteger(settings.chaseIntervalDays))
      return setMessage({ tone: 'error', text: 'Enter whole numbers of working days.' });
    try {
      onSaved(await call('contributors:save-settings', { settings }));
      setMessage({ tone: 'success', text: 'The contributor settings were saved.' });
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    }
  };
  return (
    <section className="panel" aria-labelledby={`${uid}-heading`}>
      <h2 className="panel__title" id={`${uid}-heading`}>
        Asking departments
      </h2>
      <form onSubmit={(e) => void save(e)} noValidate>
        <div className="field-row">
          <TextField
            label="Internal due date (working days)"
            hint="From the day a department is asked (1 to 60)."
            inputMode="numeric"
            value={due}
            onChange={setDue}
          />
          <TextField
            label="Chase every (working days)"
            hint="After the internal due date has passed (1 to 20)."
            inputMode="numeric"
            value={interval}
            onChange={setIntervalDays}
          />
        </div>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        <button type="submit" className="button">
          Save the contributor settings
        </button>
      </form>
    </section>
  );
}
