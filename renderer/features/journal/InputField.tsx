import type { InputHTMLAttributes, ReactNode } from 'react';

// DSFR input and select groups: label (with its hint inside, as the DSFR does), the control with aria-invalid and
// aria-describedby pointing at the error, and the error text under it.

// As in the DSFR, the hint sits inside the label and so is part of the field's name; the error is its description.
function describedBy(id: string, error: unknown): string | undefined {
  return error ? `${id}-error` : undefined;
}

function Label({ id, label, hint, required }: { id: string; label: ReactNode; hint?: ReactNode; required?: boolean }) {
  return (
    <label className="fr-label" htmlFor={id}>
      {label}
      {required ? ' *' : ''}
      {hint && (
        <span className="fr-hint-text" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </label>
  );
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="fr-error-text" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

type InputProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  value: string;
  onValue(value: string): void;
  className?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'required' | 'className'>;

export function InputField({ id, label, hint, error, required, value, onValue, className, ...rest }: InputProps) {
  return (
    <div className={`fr-input-group${error ? ' fr-input-group--error' : ''}${className ? ` ${className}` : ''}`}>
      <Label id={id} label={label} hint={hint} required={required} />
      <input
        {...rest}
        id={id}
        className={`fr-input${error ? ' fr-input--error' : ''}`}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
      />
      <ErrorText id={id} error={error} />
    </div>
  );
}

interface SelectProps<T extends string> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  value: T | '';
  onValue(value: T | ''): void;
  options: ReadonlyArray<{ value: T; label: string }>;
  /** Text of an empty first option, when no value is chosen yet. */
  placeholder?: string;
  className?: string;
}

export function SelectField<T extends string>({ id, label, hint, error, required, value, onValue, options, placeholder, className }: SelectProps<T>) {
  return (
    <div className={`fr-select-group${error ? ' fr-select-group--error' : ''}${className ? ` ${className}` : ''}`}>
      <Label id={id} label={label} hint={hint} required={required} />
      <select
        id={id}
        className="fr-select"
        value={value}
        onChange={(e) => onValue(e.target.value as T | '')}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={id} error={error} />
    </div>
  );
}
