/**
 * Form fields with their label, hint and error wired together (for, aria-describedby,
 * aria-invalid), so every field is named for screen readers and reachable by keyboard.
 */
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type ReactNode,
  type TextareaHTMLAttributes,
  type InputHTMLAttributes,
} from 'react';
import { formatUkDate, parseUkDate } from '../format';

interface FieldShell {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null | undefined;
  className?: string;
}

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? hintId : null, error ? errorId : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Shell(props: FieldShell & { id: string; children: ReactNode }) {
  return (
    <div
      className={`field${props.error ? ' field--error' : ''}${props.className ? ` ${props.className}` : ''}`}
    >
      <label className="field__label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <div className="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <p className="field__error" id={`${props.id}-error`}>
          <span className="visually-hidden">Error: </span>
          {props.error}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

type InputProps = FieldShell &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
    value: string;
    onChange: (value: string) => void;
  };

export function TextField({ label, hint, error, className, value, onChange, id, ...rest }: InputProps) {
  const auto = useId();
  const fieldId = id ?? auto;
  return (
    <Shell id={fieldId} label={label} hint={hint} error={error} className={className}>
      <input
        {...rest}
        id={fieldId}
        className="input"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${fieldId}-hint`, `${fieldId}-error`, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </Shell>
  );
}

type AreaProps = FieldShell &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
    value: string;
    onChange: (value: string) => void;
  };

export function TextArea({ label, hint, error, className, value, onChange, id, ...rest }: AreaProps) {
  const auto = useId();
  const fieldId = id ?? auto;
  return (
    <Shell id={fieldId} label={label} hint={hint} error={error} className={className}>
      <textarea
        {...rest}
        id={fieldId}
        className="textarea"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${fieldId}-hint`, `${fieldId}-error`, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </Shell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: FieldShell & {
    value: string;
    onChange: (value: string) => void;
    options: readonly Option[];
    id?: string;
    disabled?: boolean;
    required?: boolean;
  },
) {
  const auto = useId();
  const fieldId = props.id ?? auto;
  return (
    <Shell id={fieldId} label={props.label} hint={props.hint} error={props.error} className={props.className}>
      <select
        id={fieldId}
        className="select"
        value={props.value}
        disabled={props.disabled}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(`${fieldId}-hint`, `${fieldId}-error`, props.hint, props.error)}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function CheckboxField(props: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  id?: string;
  /** Main is saving the value (see SavedCheckboxField). */
  busy?: boolean;
}) {
  const auto = useId();
  const fieldId = props.id ?? auto;
  return (
    <div className="checkbox">
      <input
        id={fieldId}
        type="checkbox"
        className="checkbox__input"
        checked={props.checked}
        aria-busy={props.busy || undefined}
        aria-describedby={props.hint ? `${fieldId}-hint` : undefined}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label className="checkbox__label" htmlFor={fieldId}>
        {props.label}
      </label>
      {props.hint ? (
        <div className="field__hint checkbox__hint" id={`${fieldId}-hint`}>
          {props.hint}
        </div>
      ) : null}
    </div>
  );
}

/**
 * Saves a value in main as soon as the officer chooses it, and shows the latest choice until main
 * has answered: a choice made while one is being saved is saved after it (only the latest of
 * several), never dropped. `pending` is the choice to show, null once main has answered them all.
 * A save that throws ends the run, and the field shows main's value again.
 */
export function useSavedChoice<T extends string | boolean>(
  save: (value: T) => Promise<unknown>,
): { pending: T | null; choose: (value: T) => void } {
  const [pending, setPending] = useState<T | null>(null);
  const queued = useRef<{ value: T } | null>(null);
  const running = useRef(false);
  const saveRef = useRef(save);
  saveRef.current = save;
  const choose = useCallback((value: T) => {
    queued.current = { value };
    setPending(value);
    if (running.current) return;
    running.current = true;
    void (async () => {
      try {
        for (let next = queued.current; next; next = queued.current) {
          queued.current = null;
          await saveRef.current(next.value);
        }
      } catch {
        queued.current = null;
      } finally {
        running.current = false;
        setPending(null);
      }
    })();
  }, []);
  return { pending, choose };
}

/**
 * A checkbox whose value is saved in main as soon as it is ticked. The tick shows at once, and a
 * click made while main saves is saved after it (useSavedChoice); if main refuses, the tick goes
 * back to the saved value and the caller shows why. Without this a controlled box springs back
 * until the reply comes, and looks as if the click was lost.
 */
export function SavedCheckboxField(props: {
  label: ReactNode;
  checked: boolean;
  save: (checked: boolean) => Promise<unknown>;
  hint?: ReactNode;
}) {
  const { pending, choose } = useSavedChoice(props.save);
  return (
    <CheckboxField
      label={props.label}
      hint={props.hint}
      checked={pending ?? props.checked}
      busy={pending !== null}
      onChange={choose}
    />
  );
}

/**
 * A date typed the UK way (dd/mm/yyyy), kept as ISO. A native date input would show the browser's
 * locale order, which on many machines is month first.
 */
export function DateField(
  props: FieldShell & { value: string; onChange: (iso: string) => void; id?: string; required?: boolean },
) {
  const auto = useId();
  const fieldId = props.id ?? auto;
  const [text, setText] = useState(props.value ? formatUkDate(props.value) : '');
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    // Follow a value set from outside (a reset), but never fight the officer's typing.
    setText((current) =>
      parseUkDate(current) === props.value ? current : props.value ? formatUkDate(props.value) : current,
    );
  }, [props.value]);
  const parsed = parseUkDate(text);
  const ownError =
    touched && text.trim() !== '' && parsed === null ? 'Enter a real date, for example 21/11/2026' : null;
  const error = props.error ?? ownError;
  const hint = props.hint ?? 'For example, 21/11/2026';
  return (
    <Shell id={fieldId} label={props.label} hint={hint} error={error} className={props.className}>
      <input
        id={fieldId}
        className="input input--date"
        inputMode="numeric"
        autoComplete="off"
        required={props.required}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${fieldId}-hint`, `${fieldId}-error`, hint, error)}
        onChange={(e) => {
          setText(e.target.value);
          // The parent always gets what was typed: the ISO date when it is a real one, else the
          // text itself, which the shared date rules refuse. A typed date is never swapped for
          // the last valid one.
          props.onChange(parseUkDate(e.target.value) ?? e.target.value.trim());
        }}
        onBlur={() => {
          setTouched(true);
          if (parsed) setText(formatUkDate(parsed));
        }}
      />
    </Shell>
  );
}

export interface Problem {
  /** The id of the field to jump to. */
  field: string;
  message: string;
}

/** The GOV.UK / NHS pattern: a summary at the top that links to each field with a problem. */
export function ErrorSummary({
  problems,
  title = 'There is a problem',
}: {
  problems: Problem[];
  title?: string;
}) {
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2 className="error-summary__title">{title}</h2>
      <ul className="error-summary__list">
        {problems.map((p) => (
          <li key={`${p.field}:${p.message}`}>
            <a
              href={`#${p.field}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(p.field)?.focus();
              }}
            >
              {p.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A message the app sends back (wrong passphrase, a save that failed), said plainly. */
export function Alert({
  children,
  tone = 'error',
}: {
  children: ReactNode;
  tone?: 'error' | 'info' | 'success' | 'warning';
}) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
