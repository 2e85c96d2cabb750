/**
 * Labelled form controls. Each one has a visible <label> bound to its input, its error linked with
 * aria-describedby and announced, and aria-invalid set, so every control has an accessible name and
 * screen readers hear what is wrong.
 */
import { useId, useState, type ReactNode } from 'react';

interface BaseProps {
  label: string;
  error?: string;
  hint?: ReactNode;
  /** hide the label visually (it stays the accessible name) */
  hideLabel?: boolean;
}

function describedBy(id: string, error?: string, hint?: ReactNode): string | undefined {
  const ids = [error ? `${id}-err` : '', hint ? `${id}-hint` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Help({ id, error, hint }: { id: string; error?: string; hint?: ReactNode }) {
  return (
    <>
      {hint ? (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-err`} className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}

/** The attributes that tie a control to its label, error and hint. */
function a11yProps(id: string, error?: string, hint?: ReactNode) {
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, error, hint) } as const;
}

/** A labelled control: the wrapper, the label bound to the control, and its hint and error. */
function LabelledField({ id, label, error, hint, hideLabel, children }: BaseProps & { id: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      {children}
      <Help id={id} error={error} hint={hint} />
    </div>
  );
}

interface TextFieldProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'url' | 'password' | 'time' | 'date' | 'search';
  placeholder?: string;
  autoComplete?: string;
  disabled?: boolean;
  name?: string;
}

export function TextField({ label, error, hint, hideLabel, value, onChange, type = 'text', placeholder, autoComplete = 'off', disabled, name }: TextFieldProps) {
  const id = useId();
  return (
    <LabelledField id={id} label={label} error={error} hint={hint} hideLabel={hideLabel}>
      <input
        {...a11yProps(id, error, hint)}
        name={name}
        type={type}
        value={value}
        placeholder={placeholder}
        autoComplete={autoComplete}
        spellCheck={false}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      />
    </LabelledField>
  );
}

interface NumberFieldProps extends BaseProps {
  /** NaN while the text is not a number: the schema then reports it */
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  step?: number;
  disabled?: boolean;
}

/** Keeps the typed text (so "1." or "" can be edited) and reports NaN until it is a number. */
export function NumberField({ label, error, hint, hideLabel, value, onChange, min, max, step = 1, disabled }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(Number.isNaN(value) ? '' : String(value));
  // follow outside changes (reset, load) without fighting the user's own typing: React's
  // "adjust state when a prop changes" pattern, during render rather than in an effect
  const [seenValue, setSeenValue] = useState(value);
  if (!Object.is(value, seenValue)) {
    setSeenValue(value);
    if (!(Number.isNaN(value) && text.trim() === '') && Number(text) !== value) setText(Number.isNaN(value) ? '' : String(value));
  }
  return (
    <LabelledField id={id} label={label} error={error} hint={hint} hideLabel={hideLabel}>
      <input
        {...a11yProps(id, error, hint)}
        type="number"
        inputMode="decimal"
        value={text}
        min={min}
        max={max}
        step={step}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          const t = e.target.value.trim();
          onChange(t === '' ? Number.NaN : Number(t));
        }}
      />
    </LabelledField>
  );
}

interface SelectFieldProps<T extends string> extends BaseProps {
  value: T;
  onChange: (value: T) => void;
  options: readonly { value: T; label: string }[];
  disabled?: boolean;
}

export function SelectField<T extends string>({ label, error, hint, hideLabel, value, onChange, options, disabled }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <LabelledField id={id} label={label} error={error} hint={hint} hideLabel={hideLabel}>
      <select {...a11yProps(id, error, hint)} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

interface CheckboxProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  error?: string;
  disabled?: boolean;
}

export function Checkbox({ label, checked, onChange, hint, error, disabled }: CheckboxProps) {
  const id = useId();
  return (
    <div className="field">
      <div className="field--check">
        <input {...a11yProps(id, error, hint)} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
        <label htmlFor={id} className="field__label">
          {label}
        </label>
      </div>
      <Help id={id} error={error} hint={hint} />
    </div>
  );
}

interface CheckGroupProps<T extends string | number> {
  legend: string;
  options: readonly { value: T; label: string }[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  hint?: ReactNode;
  error?: string;
  empty?: ReactNode;
}

/** A fieldset of checkboxes (filters: quality profiles, tags, statuses). */
export function CheckGroup<T extends string | number>({ legend, options, selected, onChange, hint, error, empty }: CheckGroupProps<T>) {
  const id = useId();
  return (
    <fieldset aria-describedby={describedBy(id, error, hint)}>
      <legend>{legend}</legend>
      {options.length === 0 ? <p className="muted">{empty ?? 'Nothing to choose from.'}</p> : null}
      <div className="chips">
        {options.map((o) => (
          <Checkbox
            key={String(o.value)}
            label={o.label}
            checked={selected.includes(o.value)}
            onChange={(on) => onChange(on ? [...selected, o.value] : selected.filter((v) => v !== o.value))}
          />
        ))}
      </div>
      <Help id={id} error={error} hint={hint} />
    </fieldset>
  );
}
