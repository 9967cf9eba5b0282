/**
 * The parts of the letterhead beyond its text: the logo (PNG or JPEG, checked by its bytes here and
 * again in main) and the team's "Our Ref" pattern.
 */
import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { LogoView, Officer, SettingsBundle } from '../../../shared/contract';
import { inspectLogo, logoPrintSize, MAX_LOGO_BYTES } from '../../../shared/letter/logo';
import { ourRefFor, ourRefFormatProblem, resolveSignatory } from '../../../shared/letter/signatory';
import type { Settings } from '../../../shared/settings';
import { call, errorMessage } from '../api';
import { Alert, TextField } from '../components/fields';

type Message = { tone: 'success' | 'error'; text: string } | null;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function LogoPanel({
  logo,
  hasOrganisation,
  onSaved,
}: {
  logo: LogoView | null;
  hasOrganisation: boolean;
  onSaved: (b: SettingsBundle) => void;
}) {
  const uid = useId();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<Message>(null);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > MAX_LOGO_BYTES) {
      setMessage({ tone: 'error', text: `The logo is too large (at most ${MAX_LOGO_BYTES / 1024} KB).` });
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const info = inspectLogo(bytes);
    if (typeof info === 'string') {
      setMessage({ tone: 'error', text: info });
      return;
    }
    try {
      onSaved(await call('settings:save-logo', { base64: toBase64(bytes) }));
      setMessage({
        tone: 'success',
        text: 'The logo was saved. It is printed at the top of the first page.',
      });
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    }
  };

  const remove = async () => {
    try {
      onSaved(await call('settings:save-logo', { base64: null }));
      setMessage({ tone: 'success', text: 'The logo was removed.' });
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    }
  };

  const size = logo ? logoPrintSize(logo) : null;
  return (
    <section className="panel" aria-labelledby={`${uid}-heading`} data-panel="logo">
      <h2 className="panel__title" id={`${uid}-heading`}>
        Logo
      </h2>
      {logo && size ? (
        <p>
          <img
            src={`data:${logo.type};base64,${logo.base64}`}
            alt="The letterhead logo"
            width={size.width}
            height={size.height}
          />
        </p>
      ) : (
        <p className="muted">No logo. Letters carry the letterhead text only.</p>
      )}
      <p className="field__hint" id={`${uid}-hint`}>
        A PNG or JPEG of at most {MAX_LOGO_BYTES / 1024} KB, printed at the top right of each letter’s first
        page (at most 8 cm wide and 4 cm high). It is kept inside the case file.
      </p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="button-row">
        <input
          ref={input}
          type="file"
          accept="image/png,image/jpeg"
          hidden
          aria-label="Logo file"
          onChange={(e) => void choose(e)}
        />
        <button
          type="button"
          className="button button--secondary"
          disabled={!hasOrganisation}
          aria-describedby={`${uid}-hint`}
          onClick={() => input.current?.click()}
        >
          {logo ? 'Replace the logo' : 'Add a logo'}
        </button>
        {logo ? (
          <button type="button" className="button button--link" onClick={() => void remove()}>
            Remove the logo
          </button>
        ) : null}
      </div>
      {!hasOrganisation ? <p className="muted">Save the organisation first.</p> : null}
    </section>
  );
}

export function OurRefForm({
  settings,
  officers,
  onSaved,
}: {
  settings: Settings;
  officers: Officer[];
  onSaved: (b: SettingsBundle) => void;
}) {
  const uid = useId();
  const [pattern, setPattern] = useState(settings.ourRefFormat);
  const [message, setMessage] = useState<Message>(null);
  const problem = ourRefFormatProblem(pattern.trim());

  const [first, second] = officers.filter((o) => o.active);
  const example = (() => {
    if (problem) return null;
    const record = { reference: 'FOI 4951', ...(first ? { officer: first.name } : {}) };
    const signer = second ?? first;
    const signatory = resolveSignatory(
      { ...record, ...(signer ? { signatory: { name: signer.name, title: signer.title } } : {}) },
      officers,
    );
    return ourRefFor(record, signatory, officers, pattern.trim()).ourRef;
  })();

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (problem) return setMessage({ tone: 'error', text: `The “Our Ref” pattern ${problem}.` });
    try {
      onSaved(await call('settings:save', { settings: { ourRefFormat: pattern.trim() } }));
      setMessage({ tone: 'success', text: 'The “Our Ref” pattern was saved.' });
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    }
  };

  return (
    <section className="panel" aria-labelledby={`${uid}-heading`}>
      <h2 className="panel__title" id={`${uid}-heading`}>
        “Our Ref” on letters
      </h2>
      <form onSubmit={(e) => void save(e)} noValidate>
        <TextField
          label="Our Ref pattern"
          hint="{reference} is the case reference, {signatoryInitials} the initials of who signs, {officerInitials} those of the case officer. For example {signatoryInitials}/{officerInitials} {reference}. A case’s own “Our Ref” wins."
          value={pattern}
          error={problem ? `The pattern ${problem}.` : undefined}
          onChange={setPattern}
          autoComplete="off"
        />
        {example ? <p className="muted">For example: {example}</p> : null}
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        <button type="submit" className="button button--secondary">
          Save the pattern
        </button>
      </form>
    </section>
  );
}
