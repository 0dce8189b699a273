import { useState } from 'react';
import { isApiError } from '../api/client';
import { errorText } from '../i18n';

export interface FormErrors {
  /** Translated message per field path ("durationMin", "person.communeCode", "workshop.byAge"). */
  fields: Record<string, string>;
  /** Translated message for the whole form, shown in an alert at the top. */
  summary: string | null;
}

const EMPTY: FormErrors = { fields: {}, summary: null };

/** Turns a failed call into translated per-field messages; the summary always says nothing was saved. */
export function toFormErrors(e: unknown): FormErrors {
  if (!isApiError(e)) return { fields: {}, summary: errorText('code.internal') };
  const fields: Record<string, string> = {};
  for (const issue of e.error.issues ?? []) {
    if (!(issue.path in fields)) fields[issue.path] = errorText(issue.message);
  }
  const summary = e.error.messageKey ? errorText(e.error.messageKey) : errorText(`code.${e.error.code}`);
  return { fields, summary };
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
