import { useState } from 'react';
import { coreErrorText, coreFieldErrors } from '../lib/core-error';

export interface FormErrors {
  /** Translated message per field path ("durationMin", "person.communeCode", "workshop.byAge"). */
  fields: Record<string, string>;
  /** Translated message for the whole form, shown in an alert at the top. */
  summary: string | null;
}

const EMPTY: FormErrors = { fields: {}, summary: null };

/** Turns a failed call into translated per-field messages; the summary always says nothing was saved. */
export function toFormErrors(e: unknown): FormErrors {
  return { fields: coreFieldErrors(e), summary: coreErrorText(e) };
}

export function useFormErrors() {
  const [errors, setErrors] = useState<FormErrors>(EMPTY);
  return {
    errors,
    setFrom: (e: unknown) => setErrors(toFormErrors(e)),
    set: setErrors,
    clear: () => setErrors(EMPTY),
    /** The message for a field path, also matching nested paths ("operators.0" for "operators"). */
    field: (path: string) =>
      errors.fields[path] ?? Object.entries(errors.fields).find(([p]) => p.startsWith(`${path}.`))?.[1],
  };
}
