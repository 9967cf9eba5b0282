/**
 * Team settings: the organisation profile (letterhead and jurisdiction), officers and their
 * titles, the reference format, internal targets, the idle lock, added bank holidays (adding one
 * recomputes the due dates of the cases), and backups.
 */
import { PathPicker } from '../files/path-picker';
import { BackupProgressBar, useBackupProgress } from '../backup/backup-progress';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  JURISDICTIONS,
  ORGANISATION_FORMAT,
  REGIMES,
  type Jurisdiction,
  type Organisation,
  type Regime,
} from '../../../shared/case-format';
import type { BackupStatus, Officer, SettingsBundle } from '../../../shared/contract';
import {
  INTERNAL_TARGET_RULES,
  internalTargetProblem,
  sameSettingValue,
  type InternalTargets,
  type Settings,
} from '../../../shared/settings';
import { isIsoDate } from '../../../shared/dates';
import { ApiError, call, errorMessage } from '../api';
import { useRestoredDraft, useUnsavedChanges } from '../unsaved/unsaved-changes';
import { Alert, CheckboxField, DateField, SelectField, TextArea, TextField } from '../components/fields';
import { formatTimestamp, formatUkDate } from '../format';
import { REGIME_LABELS } from '../../../shared/labels';
import { LetterSettings } from '../letters/letter-settings';
import { SignOffSettings } from './settings-signoff';
import { LogoPanel, OurRefForm } from './settings-letterhead';
import { CostLimitForm } from './settings-cost-limit';
import { DepartmentsSettings } from './settings-departments';
import { RetentionPanel } from './settings-retention';

const JURISDICTION_LABELS: Record<Jurisdiction, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

type Message = { tone: 'success' | 'error'; text: string } | null;

export function SettingsScreen({
  onSettingsChanged,
}: {
  onSettingsChanged: (idleLockMinutes: number) => void;
}) {
  const [bundle, setBundle] = useState<SettingsBundle | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);
  useEffect(() => {
    call('settings:get', {}).then(setBundle, (e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(() => {
    // Focus the heading once, when the settings first arrive.
    if (bundle && !focused.current) {
      focused.current = true;
      heading.current?.focus();
    }
  }, [bundle]);

  if (error) return <Alert>{error}</Alert>;
  if (!bundle) {
    return (
      <p className="loading" role="status">
        Loading the settings…
      </p>
    );
  }
  return (
    <div className="settings" data-screen="settings" data-ready="true">
      <div className="page-head">
        <h1 className="page-title" ref={heading} tabIndex={-1}>
          Settings
        </h1>
      </div>
      <div className="layout">
        <div className="layout__main">
          <OrganisationForm organisation={bundle.organisation} onSaved={setBundle} />
          <LogoPanel logo={bundle.logo} hasOrganisation={bundle.organisation !== null} onSaved={setBundle} />
          <OurRefForm settings={bundle.settings} officers={bundle.officers} onSaved={setBundle} />
          <CostLimitForm settings={bundle.settings} onSaved={setBundle} />
          <CaseworkForm
            settings={bundle.settings}
            onSaved={(b) => {
              setBundle(b);
              onSettingsChanged(b.settings.idleLockMinutes);
            }}
          />
        </div>
        <div className="layout__side">
          <OfficersPanel officers={bundle.officers} onSaved={setBundle} />
          <DepartmentsSettings />
          <SignOffSettings />
          <HolidaysPanel bundle={bundle} onSaved={setBundle} />
          <BackupPanel />
          <RetentionPanel />
        </div>
      </div>
      <LetterSettings />
    </div>
  );
}

function useMessage(): [Message, (m: Message) => void] {
  return useState<Message>(null);
}

function OrganisationForm({
  organisation,
  onSaved,
}: {
  organisation: Organisation | null;
  onSaved: (b: SettingsBundle) => void;
}) {
  const uid = useId();
  const restored = useRestoredDraft<Record<string, unknown>>('settings:organisation');
  const [saved, setSaved] = useState(() => ({
    name: organisation?.name ?? '',
    team: organisation?.team ?? '',
    address: (organisation?.addressLines ?? []).join('\n'),
    telephone: organisation?.telephone ?? '',
    fax: organisation?.fax ?? '',
    directLine: organisation?.directLine ?? '',
    email: organisation?.email ?? '',
    website: organisation?.website ?? '',
    internalReviewWindow: organisation?.internalReviewWindow ?? '',
    jurisdiction: organisation?.jurisdiction ?? 'england-and-wales',
  }));
  const [form, setForm] = useState(() => fromDraft(saved, restored));
  const [message, setMessage] = useMessage();
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const saveForm = async (): Promise<boolean> => {
    if (!form.name.trim()) {
      setMessage({ tone: 'error', text: 'Enter the organisation’s name.' });
      return false;
    }
    const org: Organisation = {
      format: ORGANISATION_FORMAT,
      name: form.name.trim(),
      addressLines: form.address
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
      jurisdiction: form.jurisdiction,
    };
    if (form.team.trim()) org.team = form.team.trim();
    if (form.telephone.trim()) org.telephone = form.telephone.trim();
    if (form.fax.trim()) org.fax = form.fax.trim();
    if (form.directLine.trim()) org.directLine = form.directLine.trim();
    // The font has no field here (it comes with an imported letterhead): it is kept as it is.
    if (organisation?.font) org.font = organisation.font;
    if (form.email.trim()) org.email = form.email.trim();
    if (form.website.trim()) org.website = form.website.trim();
    if (form.internalReviewWindow.trim()) org.internalReviewWindow = form.internalReviewWindow.trim();
    try {
      onSaved(await call('settings:save-organisation', { organisation: org }));
      setSaved(form);
      setMessage({ tone: 'success', text: 'The organisation profile was saved.' });
      return true;
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
      return false;
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void saveForm();
  };
  useUnsavedChanges(
    JSON.stringify(form) !== JSON.stringify(saved)
      ? {
          key: 'settings:organisation',
          label: 'the organisation profile',
          content: () => form,
          save: saveForm,
        }
      : null,
  );

  return (
    <section className="panel" aria-labelledby={`${uid}-heading`}>
      <h2 className="panel__title" id={`${uid}-heading`}>
        Organisation
      </h2>
      <form onSubmit={save} noValidate>
        <TextField
          label="Name"
          hint="As on the letterhead, for example The Walton Centre NHS Foundation Trust."
          value={form.name}
          onChange={(v) => set({ name: v })}
        />
        <TextField
          label="Team"
          hint="For example Freedom of Information Office."
          value={form.team}
          onChange={(v) => set({ team: v })}
        />
        <TextArea
          label="Address"
          hint="One line per line of the address."
          value={form.address}
          onChange={(v) => set({ address: v })}
          rows={4}
        />
        <div className="field-row">
          <TextField label="Telephone" value={form.telephone} onChange={(v) => set({ telephone: v })} />
          <TextField label="Email" value={form.email} onChange={(v) => set({ email: v })} />
        </div>
        <div className="field-row">
          <TextField label="Fax" value={form.fax} onChange={(v) => set({ fax: v })} />
          <TextField
            label="Direct line"
            hint="The team's own number, printed under the switchboard."
            value={form.directLine}
            onChange={(v) => set({ directLine: v })}
          />
        </div>
        <TextField label="Website" value={form.website} onChange={(v) => set({ website: v })} />
        <TextField
          label="Internal review window"
          hint="As the letters say it, for example “two months”."
          value={form.internalReviewWindow}
          onChange={(v) => set({ internalReviewWindow: v })}
        />
        <SelectField
          label="Jurisdiction"
          hint="Decides which bank holidays move a subject access deadline. FOI and EIR always skip bank holidays in every part of the UK."
          value={form.jurisdiction}
          onChange={(v) => set({ jurisdiction: v as Jurisdiction })}
          options={JURISDICTIONS.map((j) => ({ value: j, label: JURISDICTION_LABELS[j] }))}
        />
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        <button type="submit" className="button">
          Save the organisation
        </button>
      </form>
    </section>
  );
}

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : NaN);

/** Each regime's internal target as typed, read with the same rule the service enforces. */
function typedTargets(texts: Record<Regime, string>): InternalTargets {
  return Object.fromEntries(REGIMES.map((r) => [r, wholeNumber(texts[r])])) as InternalTargets;
}

/** The formats typed per regime, blank ones left out (those regimes use the default format). */
function typedFormats(texts: Record<Regime, string>): Partial<Record<Regime, string>> {
  const out: Partial<Record<Regime, string>> = {};
  for (const r of REGIMES) if (texts[r].trim() !== '') out[r] = texts[r].trim();
  return out;
}

function ReferenceFormatFields({
  texts,
  fallback,
  onChange,
}: {
  texts: Record<Regime, string>;
  fallback: string;
  onChange: (regime: Regime, text: string) => void;
}) {
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend fieldset__legend--small">Reference format per regime</legend>
      <p className="hint">
        A regime with a format of its own gets its own counter (“EIR {'{n}'}” gives EIR 8 after EIR 7). Leave
        it blank to use the format above.
      </p>
      <div className="field-row">
        {REGIMES.map((regime) => {
          const text = texts[regime];
          const problem =
            text.trim() !== '' && !text.includes('{n}') ? 'Must contain {n}, or be blank.' : null;
          return (
            <TextField
              key={regime}
              label={`${REGIME_LABELS[regime] ?? regime} references`}
              hint={text.trim() === '' ? `Blank: ${fallback || 'the format above'}.` : undefined}
              error={problem ?? undefined}
              value={text}
              onChange={(v) => onChange(regime, v)}
            />
          );
        })}
      </div>
    </fieldset>
  );
}

function InternalTargetFields({
  texts,
  onChange,
}: {
  texts: Record<Regime, string>;
  onChange: (regime: Regime, text: string) => void;
}) {
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend fieldset__legend--small">Internal targets</legend>
      <p className="hint">
        The day a response should be ready, for each kind of case: never after the time the law allows.
      </p>
      <div className="field-row">
        {REGIMES.map((regime) => {
          const rule = INTERNAL_TARGET_RULES[regime];
          const unit = rule.unit === 'working-days' ? 'working day' : 'calendar day';
          const text = texts[regime];
          const problem = text.trim() === '' ? null : internalTargetProblem(regime, wholeNumber(text));
          return (
            <TextField
              key={regime}
              label={`${rule.label} (${unit})`}
              hint={
                rule.unit === 'working-days'
                  ? `Working day after receipt; the limit is ${rule.latest}.`
                  : `The day of receipt is day 1; at most ${rule.latest}, the shortest month.`
              }
              error={problem ?? undefined}
              inputMode="numeric"
              value={text}
              onChange={(v) => onChange(regime, v)}
            />
          );
        })}
      </div>
    </fieldset>
  );
}

function CaseworkForm({ settings, onSaved }: { settings: Settings; onSaved: (b: SettingsBundle) => void }) {
  const uid = useId();
  const restored = useRestoredDraft<Record<string, unknown>>('settings:casework');
  const [savedTargets, setSavedTargets] = useState(
    () =>
      Object.fromEntries(REGIMES.map((r) => [r, String(settings.internalTargetDay[r])])) as Record<
        Regime,
        string
      >,
  );
  const [targets, setTargets] = useState(() => fromDraft(savedTargets, readTargets(restored?.targets)));
  const [savedFormats, setSavedFormats] = useState(
    () =>
      Object.fromEntries(REGIMES.map((r) => [r, settings.referenceFormats[r] ?? ''])) as Record<
        Regime,
        string
      >,
  );
  const [formats, setFormats] = useState(() => fromDraft(savedFormats, readTargets(restored?.formats)));
  const [saved, setSaved] = useState(() => ({
    referenceFormat: settings.referenceFormat,
    dueSoonDays: String(settings.dueSoonDays),
    idleLockMinutes: String(settings.idleLockMinutes),
    receivedOnNonWorkingDayCountsNext: settings.receivedOnNonWorkingDayCountsNext,
    backupReminderDays: String(settings.backupReminderDays),
    autoBackupFolder: settings.autoBackupFolder,
    autoBackupKeep: String(settings.autoBackupKeep),
  }));
  const [form, setForm] = useState(() => fromDraft(saved, restored));
  const [message, setMessage] = useMessage();
  /** A problem main found with the automatic-backup folder, shown at the field. */
  const [folderProblem, setFolderProblem] = useState<string | null>(null);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const saveForm = async (): Promise<boolean> => {
    const number = wholeNumber;
    const internalTargetDay = typedTargets(targets);
    const values: Partial<Settings> = {
      referenceFormat: form.referenceFormat,
      dueSoonDays: number(form.dueSoonDays),
      idleLockMinutes: number(form.idleLockMinutes),
      receivedOnNonWorkingDayCountsNext: form.receivedOnNonWorkingDayCountsNext,
      backupReminderDays: number(form.backupReminderDays),
      autoBackupFolder: form.autoBackupFolder.trim(),
      autoBackupKeep: number(form.autoBackupKeep),
    };
    if (!form.referenceFormat.includes('{n}')) {
      setMessage({
        tone: 'error',
        text: 'The reference format must contain {n}, where the number goes.',
      });
      return false;
    }
    const badFormat = REGIMES.find((r) => formats[r].trim() !== '' && !formats[r].includes('{n}'));
    if (badFormat) {
      setMessage({
        tone: 'error',
        text: `The reference format for ${REGIME_LABELS[badFormat] ?? badFormat} must contain {n}, or be left blank to use the format above.`,
      });
      return false;
    }
    const referenceFormats = typedFormats(formats);
    // Sent only when changed, like the targets below.
    if (!sameSettingValue(referenceFormats, settings.referenceFormats))
      values.referenceFormats = referenceFormats;
    if (Object.values(values).some((v) => typeof v === 'number' && Number.isNaN(v))) {
      setMessage({ tone: 'error', text: 'Enter whole numbers for the days and minutes.' });
      return false;
    }
    const targetProblem = REGIMES.map((r) => internalTargetProblem(r, internalTargetDay[r])).find(Boolean);
    if (targetProblem) {
      setMessage({ tone: 'error', text: targetProblem });
      return false;
    }
    // Sent only when changed, so saving other settings does not record the targets as changed.
    if (!sameSettingValue(internalTargetDay, settings.internalTargetDay))
      values.internalTargetDay = internalTargetDay;
    setFolderProblem(null);
    try {
      onSaved(await call('settings:save', { settings: values }));
      setSaved(form);
      setSavedTargets(targets);
      setSavedFormats(formats);
      setMessage({ tone: 'success', text: 'The casework settings were saved.' });
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.field === 'autoBackupFolder') {
        setFolderProblem(err.message);
        setMessage({
          tone: 'error',
          text: 'Nothing was saved: the folder for automatic backups needs changing.',
        });
      } else {
        setMessage({ tone: 'error', text: errorMessage(err) });
      }
      return false;
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void saveForm();
  };
  useUnsavedChanges(
    JSON.stringify(form) !== JSON.stringify(saved) ||
      JSON.stringify(targets) !== JSON.stringify(savedTargets) ||
      JSON.stringify(formats) !== JSON.stringify(savedFormats)
      ? {
          key: 'settings:casework',
          label: 'the casework settings',
          content: () => ({ ...form, targets, formats }),
          save: saveForm,
        }
      : null,
  );

  return (
    <section className="panel" aria-labelledby={`${uid}-heading`}>
      <h2 className="panel__title" id={`${uid}-heading`}>
        Casework
      </h2>
      <form onSubmit={save} noValidate>
        <TextField
          label="Reference format"
          hint="{n} is replaced by the next free number: “FOI {n}” gives FOI 4952 after FOI 4951."
          value={form.referenceFormat}
          onChange={(v) => set({ referenceFormat: v })}
        />
        <ReferenceFormatFields
          texts={formats}
          fallback={form.referenceFormat}
          onChange={(regime, text) => setFormats((f) => ({ ...f, [regime]: text }))}
        />
        <InternalTargetFields
          texts={targets}
          onChange={(regime, text) => setTargets((t) => ({ ...t, [regime]: text }))}
        />
        <TextField
          label="Due soon (working days left)"
          hint="Cases with this many working days left or fewer show as due soon."
          inputMode="numeric"
          value={form.dueSoonDays}
          onChange={(v) => set({ dueSoonDays: v })}
        />
        <TextField
          label="Lock after this many minutes without activity"
          hint="0 turns the idle lock off. Locking closes the case file and clears the screen."
          inputMode="numeric"
          value={form.idleLockMinutes}
          onChange={(v) => set({ idleLockMinutes: v })}
        />
        <CheckboxField
          label="Treat a request received on a non-working day as received on the next working day"
          hint="Off by default: the Act counts from the day after receipt, whatever day that was. Turning it on gives one more day and recomputes every due date."
          checked={form.receivedOnNonWorkingDayCountsNext}
          onChange={(v) => set({ receivedOnNonWorkingDayCountsNext: v })}
        />
        <div className="field-row">
          <TextField
            label="Backup reminder (days)"
            inputMode="numeric"
            value={form.backupReminderDays}
            onChange={(v) => set({ backupReminderDays: v })}
          />
          <TextField
            label="Automatic backups to keep"
            inputMode="numeric"
            value={form.autoBackupKeep}
            onChange={(v) => set({ autoBackupKeep: v })}
          />
        </div>
        <TextField
          label="Folder for automatic backups on lock (optional)"
          hint="Leave empty to turn automatic backups off."
          value={form.autoBackupFolder}
          onChange={(v) => {
            setFolderProblem(null);
            set({ autoBackupFolder: v });
          }}
          error={folderProblem}
          spellCheck={false}
        />
        <PathPicker
          kind="folder"
          label="the folder for automatic backups"
          onChosen={(v) => {
            setFolderProblem(null);
            set({ autoBackupFolder: v });
          }}
        />
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        <button type="submit" className="button">
          Save the casework settings
        </button>
      </form>
    </section>
  );
}

/** The internal targets of a stored draft, as typed. */
function readTargets(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** A form's saved values with a restored draft's over them (same keys, same types only). */
function fromDraft<T extends Record<string, string | boolean>>(
  saved: T,
  draft: Record<string, unknown> | undefined,
): T {
  if (!draft) return saved;
  const out: Record<string, string | boolean> = { ...saved };
  for (const key of Object.keys(saved)) {
    if (typeof draft[key] === typeof saved[key]) out[key] = draft[key] as string | boolean;
  }
  return out as T;
}

function OfficersPanel({ officers, onSaved }: { officers: Officer[]; onSaved: (b: SettingsBundle) => void }) {
  const uid = useId();
  const [editing, setEditing] = useState<Officer | null>(null);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [initials, setInitials] = useState('');
  const [active, setActive] = useState(true);
  const [message, setMessage] = useMessage();

  const start = (o: Officer | null) => {
    setEditing(o);
    setName(o?.name ?? '');
    setTitle(o?.title ?? '');
    setInitials(o?.initials ?? '');
    setActive(o?.active ?? true);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setMessage({ tone: 'error', text: 'Enter the officer’s name.' });
    try {
      const input = {
        name: name.trim(),
        title: title.trim(),
        initials: initials.trim(),
        active,
        ...(editing ? { id: editing.id } : {}),
      };
      onSaved(await call('settings:save-officer', input));
      setMessage({ tone: 'success', text: editing ? 'The officer was updated.' : 'The officer was added.' });
      start(null);
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    }
  };

  return (
    <section className="panel" aria-labelledby={`${uid}-heading`}>
      <h2 className="panel__title" id={`${uid}-heading`}>
        Officers
      </h2>
      {officers.length ? (
        <ul className="plain-list">
          {officers.map((o) => (
            <li key={o.id} className="plain-list__item">
              <span>
                <strong>{o.name}</strong>
                {o.title ? `, ${o.title}` : ''}
                {o.initials ? ` (${o.initials})` : ''}
                {o.active ? '' : <span className="tag tag--closed">No longer in the team</span>}
              </span>
              <button
                type="button"
                className="button button--link"
                aria-label={`Change ${o.name}`}
                onClick={() => start(o)}
              >
                Change
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No officers yet. Add the people who handle requests and sign responses.</p>
      )}
      <form
        onSubmit={(e) => void save(e)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && editing) start(null);
        }}
        noValidate
        aria-label={editing ? `Change ${editing.name}` : 'Add an officer'}
      >
        <h3 className="panel__subtitle">{editing ? `Change ${editing.name}` : 'Add an officer'}</h3>
        <TextField label="Name" value={name} onChange={setName} autoComplete="off" />
        <TextField
          label="Job title"
          hint="As in the signature block, for example Executive Lead for Freedom of Information."
          value={title}
          onChange={setTitle}
        />
        <TextField
          label="Initials"
          hint="For the letters' “Our Ref”, for example SS. Left empty, the initials of the name are used."
          value={initials}
          onChange={setInitials}
          autoComplete="off"
        />
        {editing ? <CheckboxField label="Still in the team" checked={active} onChange={setActive} /> : null}
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        <div className="button-row">
          <button type="submit" className="button button--secondary">
            {editing ? 'Save the officer' : 'Add the officer'}
          </button>
          {editing ? (
            <button type="button" className="button button--link" onClick={() => start(null)}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

function HolidaysPanel({
  bundle,
  onSaved,
}: {
  bundle: SettingsBundle;
  onSaved: (b: SettingsBundle) => void;
}) {
  const uid = useId();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [where, setWhere] = useState<Jurisdiction[]>([]);
  const [message, setMessage] = useMessage();

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!date) return setMessage({ tone: 'error', text: 'Enter the date of the bank holiday.' });
    if (!isIsoDate(date))
      return setMessage({ tone: 'error', text: 'The date of the bank holiday is not a real date.' });
    if (!name.trim()) return setMessage({ tone: 'error', text: 'Enter the name of the bank holiday.' });
    try {
      const result = await call('settings:add-holiday', {
        date,
        name: name.trim(),
        ...(where.length ? { jurisdictions: where } : {}),
      });
      onSaved(result);
      setMessage({
        tone: 'success',
        text: `${formatUkDate(date)} was added. ${result.recomputed} due date${result.recomputed === 1 ? ' was' : 's were'} recomputed.`,
      });
      setDate('');
      setName('');
      setWhere([]);
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    }
  };

  const remove = async (d: string) => {
    try {
      const result = await call('settings:remove-holiday', { date: d });
      onSaved(result);
      setMessage({
        tone: 'success',
        text: `${formatUkDate(d)} was removed. ${result.recomputed} due date${result.recomputed === 1 ? ' was' : 's were'} recomputed.`,
      });
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    }
  };

  return (
    <section className="panel" aria-labelledby={`${uid}-heading`}>
      <h2 className="panel__title" id={`${uid}-heading`}>
        Added bank holidays
      </h2>
      <p className="hint">
        The usual bank holidays of every part of the UK are built in. Add a one-off day (a state funeral, a
        jubilee) when it is announced: the due dates of the cases are recomputed at once.
      </p>
      {bundle.holidays.length ? (
        <ul className="plain-list">
          {bundle.holidays.map((h) => (
            <li key={h.date} className="plain-list__item">
              <span>
                <strong>{formatUkDate(h.date)}</strong> {h.name}
                {h.jurisdictions?.length
                  ? ` (${h.jurisdictions.map((j) => JURISDICTION_LABELS[j]).join(', ')})`
                  : ' (all of the UK)'}
              </span>
              <button
                type="button"
                className="button button--link button--danger"
                aria-label={`Remove ${h.name} on ${formatUkDate(h.date)}`}
                onClick={() => void remove(h.date)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={(e) => void add(e)} noValidate aria-label="Add a bank holiday">
        <DateField label="Date" value={date} onChange={setDate} />
        <TextField label="Name" hint="For example State funeral." value={name} onChange={setName} />
        <fieldset className="fieldset">
          <legend className="fieldset__legend fieldset__legend--small">
            Where it applies (none ticked: all of the UK)
          </legend>
          {JURISDICTIONS.map((j) => (
            <CheckboxField
              key={j}
              label={JURISDICTION_LABELS[j]}
              checked={where.includes(j)}
              onChange={(checked) => setWhere((w) => (checked ? [...w, j] : w.filter((x) => x !== j)))}
            />
          ))}
        </fieldset>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        <button type="submit" className="button button--secondary">
          Add the bank holiday
        </button>
      </form>
    </section>
  );
}

function BackupPanel() {
  const uid = useId();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useMessage();
  const progress = useBackupProgress(busy);
  useEffect(() => {
    call('backup:status', {}).then(setStatus, () => undefined);
  }, []);

  const backUp = async (e: FormEvent) => {
    e.preventDefault();
    if (!folder.trim())
      return setMessage({
        tone: 'error',
        text: 'Enter the folder to back up to, for example a USB drive or a network folder.',
      });
    setBusy(true);
    try {
      const result = await call('backup:create', { folder: folder.trim() });
      setMessage({
        tone: 'success',
        text: `Backup written and checked: ${result.path} (${result.cases} cases).`,
      });
      setStatus(await call('backup:status', {}));
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby={`${uid}-heading`}>
      <h2 className="panel__title" id={`${uid}-heading`}>
        Backups
      </h2>
      {status ? (
        status.last ? (
          <p className={status.due ? 'warning-text' : undefined}>
            Last checked backup: {formatTimestamp(status.last.at)}, {status.last.cases} cases.
            {status.due ? ` It is more than ${status.reminderDays} days old: make a new one.` : ''}
          </p>
        ) : (
          <p className="warning-text">This case file has never been backed up.</p>
        )
      ) : null}
      <form onSubmit={(e) => void backUp(e)} noValidate aria-label="Back up now">
        <TextField
          label="Back up to this folder"
          hint="The backup stays encrypted with the same passphrase."
          value={folder}
          onChange={setFolder}
          spellCheck={false}
        />
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        {busy ? <BackupProgressBar progress={progress} label="Backing up" /> : null}
        <button type="submit" className="button button--secondary" disabled={busy}>
          {busy ? 'Backing up…' : 'Back up now'}
        </button>
      </form>
    </section>
  );
}
