import { z } from 'zod';

// Every failure that crosses the boundary is one of these codes; the renderer translates them
// (namespace "errors", key "code.<code>"). Raw exception text never crosses.
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'setup_required',
  'conflict',
  'unknown_method',
  'forbidden',
  'storage_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const FieldIssue = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssue>;

export const AppError = z.object({
  code: z.enum(ERROR_CODES),
  // i18n keys of the field problems, for invalid_input; a message key for the others.
  issues: z.array(FieldIssue).optional(),
  messageKey: z.string().optional(),
});
export type AppError = z.infer<typeof AppError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Thrown by core services for expected failures; turned into an AppError at the boundary. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey?: string,
    readonly issues?: FieldIssue[],
  ) {
    super(messageKey ?? code);
    this.name = 'CoreError';
  }
}
