import { ERROR_CODES, type AppError } from '../../shared/errors';
import { isApiError } from '../api/client';
import { errorText } from '../i18n';

// The one way to turn a failed core call into text. The core sends codes and i18n keys, never prose: a message key
// when it has one, else the code's generic message; anything that is not a core answer reads as an internal error.

const INTERNAL: AppError = { code: 'internal' };

function isAppError(e: unknown): e is AppError {
  return (
    typeof e === 'object' && e !== null && (ERROR_CODES as readonly unknown[]).includes((e as { code?: unknown }).code)
  );
}

/** The typed error of a failed call (a thrown ApiError, or the AppError a hook kept), else an internal error. */
export function toAppError(e: unknown): AppError {
  if (isApiError(e)) return e.error;
  return isAppError(e) ? e : INTERNAL;
}

/** The i18n key (namespace "errors") that describes a failed call. */
export function coreErrorKey(e: unknown): string {
  const error = toAppError(e);
  return error.messageKey ?? `code.${error.code}`;
}

/** Translated text of a failed call, for an alert. */
export function coreErrorText(e: unknown): string {
  return errorText(coreErrorKey(e));
}

/** Translated message per field path of a refused call ("durationMin", "workshop.byAge"); the first issue wins. */
export function coreFieldErrors(e: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of toAppError(e).issues ?? []) {
    if (!(issue.path in fields)) fields[issue.path] = errorText(issue.message);
  }
  return fields;
}
