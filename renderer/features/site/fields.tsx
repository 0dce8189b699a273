// Plain DSFR form markup (we do not load the DSFR's JavaScript, so no startReactDsfr): every field has a visible
// label, its hint inside the label, and its error in an .fr-error-text linked with aria-describedby.

export function errorId(id: string): string {
  return `${id}-error`;
}

function Required({ required }: { required?: boolean }) {
  return required ? <> *</> : null;
}

interface TextFieldProps {
  id: string;
  label: string;
  hint?: string;
  required?: boolean;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  error?: string;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric';
  maxLength?: number;
}

export function TextField({ id, label, hint, required, value, onChange, onBlur, error, autoComplete, inputMode, maxLength }: TextFieldProps) {
  return (
    <div className={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
        <Required required={required} />
        {hint && <span className="fr-hint-text">{hint}</span>}
      </label>
      <input
        id={id}
        name={id}
        type="text"
        className={`fr-input${error ? ' fr-input--error' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId(id) : undefined}
        autoComplete={autoComplete ?? 'off'}
        inputMode={inputMode}
        maxLength={maxLength}
      />
      {error && (
        <p id={errorId(id)} className="fr-error-text">
          {error}
        </p>
      )}
    </div>
  );
}

interface SelectFieldProps {
  id: string;
  label: string;
  hint?: string;
  required?: boolean;
  value: string;
  placeholder: string;
  options: Array<{ value: string; label: string }>;
  onChange(value: string): void;
  disabled?: boolean;
  error?: string;
}

export function SelectField({ id, label, hint, required, value, placeholder, options, onChange, disabled, error }: SelectFieldProps) {
  return (
    <div className={`fr-select-group${error ? ' fr-select-group--error' : ''}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
        <Required required={required} />
        {hint && <span className="fr-hint-text">{hint}</span>}
      </label>
      <select
        id={id}
        name={id}
        className={`fr-select${error ? ' fr-select--error' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId(id) : undefined}
      >
        <option value="" disabled>
          {placeholder}
        </option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId(id)} className="fr-error-text">
          {error}
        </p>
      )}
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  /** Language of the label when it differs from the page's (national values shown in French). */
  lang?: string;
}

interface ChoiceGroupProps {
  id: string;
  type: 'radio' | 'checkbox';
  legend: string;
  hint?: string;
  required?: boolean;
  choices: Choice[];
  selected: readonly string[];
  onToggle(value: string, checked: boolean): void;
  error?: string;
}

/** A group of radio buttons or checkboxes in a DSFR fieldset whose legend names the group. */
export function ChoiceGroup({ id, type, legend, hint, required, choices, selected, onToggle, error }: ChoiceGroupProps) {
  const legendId = `${id}-legend`;
  return (
    <fieldset id={id} className={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`} aria-labelledby={legendId}>
      <legend id={legendId} className="fr-fieldset__legend fr-fieldset__legend--regular">
        {legend}
        <Required required={required} />
        {hint && <span className="fr-hint-text">{hint}</span>}
      </legend>
      {choices.map((c, i) => {
        const inputId = `${id}-${i}`;
        return (
          <div key={c.value} className="fr-fieldset__element">
            <div className={type === 'radio' ? 'fr-radio-group' : 'fr-checkbox-group'}>
              <input
                id={inputId}
                type={type}
                name={id}
                value={c.value}
                checked={selected.includes(c.value)}
                onChange={(e) => onToggle(c.value, e.target.checked)}
                aria-describedby={error ? errorId(id) : undefined}
              />
              <label className="fr-label" htmlFor={inputId} lang={c.lang}>
                {c.label}
              </label>
            </div>
          </div>
        );
      })}
      {error && (
        <div className="fr-messages-group">
          <p id={errorId(id)} className="fr-message fr-message--error">
            {error}
          </p>
        </div>
      )}
    </fieldset>
  );
}

/** Moves focus to a field from an error summary: the control itself, or the first control inside a group. */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  const target = el.matches('input, select, textarea, button') ? el : el.querySelector<HTMLElement>('input, select, textarea');
  target?.focus();
}
