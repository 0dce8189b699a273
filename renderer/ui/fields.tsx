import type { InputHTMLAttributes, ReactNode } from 'react';

// DSFR form fields in plain markup (the DSFR's JavaScript is not loaded). Every field has a visible label or legend
// with its hint inside, as the DSFR does, so the hint is part of the field's name; a required field says so with
// " *" and aria-required. An error shows under the field and is its description: aria-invalid and aria-describedby.

const errorId = (id: string) => `${id}-error`;

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** Extra class of the field's group (e.g. "mediane-short-input"). */
  className?: string;
}

/** What a label or a legend says: the name, " *" when required, then the hint. */
function Name({ id, label, hint, required }: Pick<FieldProps, 'id' | 'label' | 'hint' | 'required'>) {
  return (
    <>
      {label}
      {required ? ' *' : ''}
      {hint && (
        <span className="fr-hint-text" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </>
  );
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="fr-error-text" id={errorId(id)}>
      {error}
    </p>
  ) : null;
}

/** A control's ARIA states: required, and invalid with its error as description. */
function controlAria(id: string, error: string | undefined, required?: boolean) {
  return {
    'aria-required': required || undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId(id) : undefined,
  } as const;
}

const groupClass = (base: string, error: string | undefined, className?: string) =>
  `${base}${error ? ` ${base}--error` : ''}${className ? ` ${className}` : ''}`;

type InputFieldProps = FieldProps & {
  value: string;
  onChange(value: string): void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'required' | 'className'>;

/** A text input by default; any other input type (date, time, number) and attribute passes through. */
export function InputField({ id, label, hint, error, required, className, value, onChange, ...rest }: InputFieldProps) {
  return (
    <div className={groupClass('fr-input-group', error, className)}>
      <label className="fr-label" htmlFor={id}>
        <Name id={id} label={label} hint={hint} required={required} />
      </label>
      <input
        type="text"
        {...rest}
        id={id}
        className={`fr-input${error ? ' fr-input--error' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...controlAria(id, error, required)}
      />
      <ErrorText id={id} error={error} />
    </div>
  );
}

export interface Option<T extends string | number> {
  value: T;
  label: string;
  /** Language of the label when it differs from the page's (national values shown in French). */
  lang?: string;
}

interface SelectFieldProps<T extends string> extends FieldProps {
  value: T | '';
  onChange(value: T): void;
  options: ReadonlyArray<Option<T>>;
  /** Text shown while nothing is chosen, which cannot be chosen again (an empty choice that can be is an option ''). */
  placeholder?: string;
  disabled?: boolean;
}

export function SelectField<T extends string>({
  id,
  label,
  hint,
  error,
  required,
  className,
  value,
  onChange,
  options,
  placeholder,
  disabled,
}: SelectFieldProps<T>) {
  return (
    <div className={groupClass('fr-select-group', error, className)}>
      <label className="fr-label" htmlFor={id}>
        <Name id={id} label={label} hint={hint} required={required} />
      </label>
      <select
        id={id}
        className="fr-select"
        value={value}
        onChange={(e) => onChange(e.target.value as T)}
        disabled={disabled}
        {...controlAria(id, error, required)}
      >
        {placeholder !== undefined && (
          <option value="" disabled>
            {placeholder}
          </option>
        )}
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

interface FieldsetProps extends Omit<FieldProps, 'label'> {
  legend: ReactNode;
  /** Legend in regular weight, for a group nested inside a bigger fieldset. */
  regular?: boolean;
  children: ReactNode;
}

/** A DSFR fieldset; its error is tied to the group, so a screen reader announces it on entering the group. */
export function Fieldset({ id, legend, hint, error, required, regular, className, children }: FieldsetProps) {
  return (
    <fieldset id={id} className={groupClass('fr-fieldset', error, className)} {...controlAria(id, error)}>
      <legend className={`fr-fieldset__legend${regular ? ' fr-fieldset__legend--regular' : ''}`} id={`${id}-legend`}>
        <Name id={id} label={legend} hint={hint} required={required} />
      </legend>
      {children}
      <div className="fr-messages-group" id={`${id}-messages`}>
        {error && (
          <p className="fr-message fr-message--error" id={errorId(id)}>
            {error}
          </p>
        )}
      </div>
    </fieldset>
  );
}

interface GroupProps<T extends string | number> extends Omit<FieldsetProps, 'children' | 'className'> {
  options: ReadonlyArray<Option<T>>;
  /** Options side by side (short labels), in columns (long lists) or one under the other. */
  layout?: 'inline' | 'columns' | 'stack';
  small?: boolean;
  /** Shown after the options, inside the group (a field revealed by one of them). */
  after?: ReactNode;
}

/** Radios or checkboxes in a fieldset; each input also points at the group's error. */
function ChoiceGroup<T extends string | number>({
  type,
  isChecked,
  onToggle,
  options,
  layout,
  small,
  after,
  ...fieldset
}: GroupProps<T> & {
  type: 'radio' | 'checkbox';
  isChecked(value: T): boolean;
  onToggle(value: T, checked: boolean): void;
}) {
  // An option's id ends with its value (session-operators-caf), unless a value of the group is a phrase (the national
  // schema's lists, in French with spaces), which an id cannot hold: such a group numbers its options.
  const byValue = options.every((o) => /^[\w-]*$/.test(String(o.value)));
  return (
    <Fieldset {...fieldset} className={layout === 'columns' ? 'mediane-columns' : undefined}>
      {options.map((o, i) => {
        const id = `${fieldset.id}-${byValue ? o.value : i}`;
        return (
          <div
            className={`fr-fieldset__element${layout === 'inline' ? ' fr-fieldset__element--inline' : ''}`}
            key={String(o.value)}
          >
            <div className={`fr-${type}-group${small ? ` fr-${type}-group--sm` : ''}`}>
              <input
                type={type}
                id={id}
                name={fieldset.id}
                value={o.value}
                checked={isChecked(o.value)}
                onChange={(e) => onToggle(o.value, e.target.checked)}
                aria-describedby={fieldset.error ? errorId(fieldset.id) : undefined}
              />
              <label className="fr-label" htmlFor={id} lang={o.lang}>
                {o.label}
              </label>
            </div>
          </div>
        );
      })}
      {after}
    </Fieldset>
  );
}

export function RadioGroup<T extends string | number>({
  value,
  onChange,
  layout = 'inline',
  ...group
}: GroupProps<T> & { value: T | null; onChange(value: T): void }) {
  return (
    <ChoiceGroup {...group} type="radio" layout={layout} isChecked={(v) => v === value} onToggle={(v) => onChange(v)} />
  );
}

export function CheckboxGroup<T extends string>({
  value,
  onChange,
  layout = 'inline',
  small = true,
  ...group
}: GroupProps<T> & { value: readonly T[]; onChange(value: T[]): void }) {
  // The result keeps the list's own order whatever the clicking order: the stored arrays read the same for the same choices.
  const toggle = (v: T, on: boolean) =>
    onChange(group.options.map((o) => o.value).filter((x) => (x === v ? on : value.includes(x))));
  return (
    <ChoiceGroup
      {...group}
      type="checkbox"
      layout={layout}
      small={small}
      isChecked={(v) => value.includes(v)}
      onToggle={toggle}
    />
  );
}
