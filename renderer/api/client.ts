import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { AppError, Result } from '../../shared/errors';

// The renderer's single way to reach the core. In the desktop app the preload exposes one function per contract
// method on window.mediane; in browser mode the same calls go over HTTP to the host on 127.0.0.1 with the
// per-launch token the host wrote into the page. Feature code only ever calls `api(method, input)`.

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

async function overHttp(method: string, input: unknown): Promise<Result<unknown>> {
  const token = document.querySelector<HTMLMetaElement>('meta[name="mediane-token"]')?.content ?? '';
  try {
    const res = await fetch(`./rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mediane-token': token },
      body: JSON.stringify(input ?? {}),
    });
    if (res.status === 403) return { ok: false, error: { code: 'forbidden' } };
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'storage_unavailable', messageKey: 'errors.hostUnreachable' } };
  }
}

export async function api<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = window.mediane ? await window.mediane[method](input) : await overHttp(method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as MethodOutput<M>;
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
