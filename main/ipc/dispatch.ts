import type { z } from 'zod';
import { contract, isMethodName, MAX_REQUEST_BYTES, type Handlers, type MethodName } from '../../shared/contract';
import { CoreError, type AppError, type Result } from '../../shared/errors';

export interface DispatchLog {
  error(message: string, err: unknown): void;
}

function issuesOf(error: z.ZodError): AppError['issues'] {
  return error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.'),
    // Our schemas carry i18n keys as messages; zod's own defaults become a generic key.
    message: /^[a-z]+\.[A-Za-z.]+$/.test(i.message) ? i.message : `invalid.${i.code}`,
  }));
}

function sizeOf(value: unknown): number {
  try {
    return JSON.stringify(value ?? null).length;
  } catch {
    return Infinity;
  }
}

/**
 * The single entry point of every host: checks that the method exists, caps the size, parses the input with the
 * contract's schema (unknown keys rejected), runs the core handler, and turns every failure into a typed error.
 * Raw exception text never leaves: unexpected errors are logged here and cross as `internal`.
 */
export async function dispatch(
  handlers: Handlers,
  method: string,
  rawInput: unknown,
  log: DispatchLog = { error: (m, e) => console.error(m, e) },
): Promise<Result<unknown>> {
  if (!isMethodName(method)) return { ok: false, error: { code: 'unknown_method' } };
  if (sizeOf(rawInput) > MAX_REQUEST_BYTES) {
    return { ok: false, error: { code: 'invalid_input', messageKey: 'errors.tooLarge' } };
  }
  const spec = contract[method as MethodName];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'invalid_input', issues: issuesOf(parsed.error) } };
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof CoreError) {
      return {
        ok: false,
        error: {
          code: err.code,
          ...(err.messageKey ? { messageKey: err.messageKey } : {}),
          ...(err.issues ? { issues: err.issues } : {}),
        },
      };
    }
    log.error(`[mediane] ${method} failed`, err);
    return { ok: false, error: { code: 'internal' } };
  }
}
