import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { AppError, Result } from '../../shared/errors';

// The renderer's single way to reach the core. In the desktop app the preload exposes one function per contract
// method on window.mediane; in browser mode the same calls go over HTTP to the host on 127.0.0.1. There the
// credential is an HttpOnly cookie the browser got from the one-time launch URL (main/web/launch.ts): this code never
// sees it. Feature code only ever calls `api(method, input)`.

type Bridge = { [M in MethodName]: (input: unknown) => Promise<Result<unknown>> };

declare global {
  interface Window {
    mediane?: Bridge;
  }
}

export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.code);
    this.name = 'ApiError';
  }
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

async function overHttp(method: string, input: unknown): Promise<Result<unknown>> {
  let res: Response;
  try {
    res = await fetch(`./rpc/${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      // The host refuses calls without this header (a cross-site form cannot send it); keep it equal to RPC_HEADER.
      headers: { 'content-type': 'application/json', 'x-mediane-rpc': '1' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'storage_unavailable', messageKey: 'errors.hostUnreachable' } };
  }
  // Every answer of the host, refusals included (403, 413...), is a typed Result.
  const body: unknown = await res.json().catch(() => null);
  if (isResult(body)) return body;
  if (res.status === 403) return { ok: false, error: { code: 'forbidden', messageKey: 'errors.launchRequired' } };
  return { ok: false, error: { code: 'internal' } };
}

// The core refuses every call outside a short list while the app is locked or in self-service mode
// (main/core/lock/guard.ts): whichever screen gets that refusal, the shell reads the app status again and follows.
const LOCK_REFUSALS = new Set(['lock.locked', 'lock.selfServiceOnly']);
const lockRefusalListeners = new Set<() => void>();

/** Called whenever a call is refused because of the app lock; answers the unsubscribe function. */
export function onLockRefusal(listener: () => void): () => void {
  lockRefusalListeners.add(listener);
  return () => lockRefusalListeners.delete(listener);
}

export async function api<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = window.mediane ? await window.mediane[method](input) : await overHttp(method, input);
  if (!result.ok) {
    if (result.error.code === 'forbidden' && LOCK_REFUSALS.has(result.error.messageKey ?? '')) {
      for (const l of lockRefusalListeners) l();
    }
    throw new ApiError(result.error);
  }
  return result.value as MethodOutput<M>;
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
