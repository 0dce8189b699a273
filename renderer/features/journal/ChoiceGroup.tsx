import type { ReactNode } from 'react';

// DSFR fieldsets with their legend, hint and error message. The error is tied to the group (aria-invalid,
// aria-describedby) so that a screen reader announces it on entering the group, and shown in the DSFR message area.

interface FieldsetProps {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** Legend in regular weight, for a group nested inside a bigger fieldset. */
  regular?: boolean;
  className?: string;
  children: ReactNode;
}

export function Fieldset({ id, legend, hint, error, required, regular, className, children }: FieldsetProps) {
  return (
    <fieldset
      id={id}
      className={`fr-fieldset${error ? ' fr-fieldset--error' : ''}${className ? ` ${className}` : ''}`}
      aria-invalid={error ? true : undefined}
      // The hint is inside the legend, so it is already part of the group's name: only the error is a description.
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className={`fr-fieldset__legend${regular ? ' fr-fieldset__legend--regular' : ''}`} id={`${id}-legend`}>
        {legend}
        {required ? ' *' : ''}
        {hint && (
          <span className="fr-hint-text" id={`${id}-hint`}>
            {hint}
          </span>
        )}
      </legend>
      {children}
      <div className="fr-messages-group" id={`${id}-messages`}>
        {error && (
          <p className="fr-message fr-message--error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
    </fieldset>
  );
}

export interface Option<T extends string | number> {
  value: T;
  label: string;
}

interface GroupProps<T extends string | number> extends Omit<FieldsetProps, 'children'> {
  name: string;
  options: ReadonlyArray<Option<T>>;
  /** Lay the options side by side (short labels) or in columns (long lists). */
  layout?: 'inline' | 'columns' | 'stack';
  small?: boolean;
  after?: ReactNode;
}

function elementClass(layout: GroupProps<string>['layout']) {
  return layout === 'inline' ? 'fr-fieldset__element fr-fieldset__element--inline' : 'fr-fieldset__element';
}

export function RadioGroup<T extends string | number>({
  name,
  options,
  value,
  onChange,
  layout = 'inline',
  small,
  after,
  ...fieldset
}: GroupProps<T> & { value: T | null; onChange(value: T): void }) {
  return (
    <Fieldset {...fieldset} className={layout === 'columns' ? 'mediane-columns' : undefined}>
      {options.map((o) => {
        const id = `${fieldset.id}-${o.value}`;
        return (
          <div className={elementClass(layout)} key={String(o.value)}>
            <div className={`fr-radio-group${small ? ' fr-radio-group--sm' : ''}`}>
              <input type="radio" id={id} name={name} checked={value === o.value} onChange={() => onChange(o.value)} />
              <label className="fr-label" htmlFor={id}>
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

export function CheckboxGroup<T extends string>({
  name,
  options,
  value,
  onChange,
  layout = 'inline',
  small = true,
  after,
  ...fieldset
}: GroupProps<T> & { value: readonly T[]; onChange(value: T[]): void }) {
  const toggle = (v: T, on: boolean) => {
    const next = on ? [...value, v] : value.filter((x) => x !== v);
    // Keep the list's own order whatever the clicking order: the stored arrays read the same for the same choices.
    onChange(options.map((o) => o.value).filter((x) => next.includes(x)));
  };
  return (
    <Fieldset {...fieldset} className={layout === 'columns' ? 'mediane-columns' : undefined}>
      {options.map((o) => {
        const id = `${fieldset.id}-${o.value}`;
        return (
          <div className={elementClass(layout)} key={o.value}>
            <div className={`fr-checkbox-group${small ? ' fr-checkbox-group--sm' : ''}`}>
              <input type="checkbox" id={id} name={name} value={o.value} checked={value.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
              <label className="fr-label" htmlFor={id}>
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
