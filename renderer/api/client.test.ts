// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, isApiError } from './client';

// The browser-mode transport: the credential is the cookie the browser holds (never a token read from the page), every
// call carries the RPC header, and every refusal of the host becomes a typed error the screens can translate.

function respond(status: number, body: string) {
  const fetchMock = vi.fn(
    async (_url: string, _init: RequestInit) =>
      new Response(body, { status, headers: { 'content-type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isApiError(e)) return e.error;
    throw e;
  }
  throw new Error('expected a refusal');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('browser-mode transport', () => {
  it('posts JSON with the RPC header and the browser’s cookie, and no token', async () => {
    const fetchMock = respond(200, JSON.stringify({ ok: true, value: { total: 0 } }));
    await expect(api('journal.list', {})).resolves.toEqual({ total: 0 });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('./rpc/journal.list');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{}' });
    expect(init.headers).toEqual({ 'content-type': 'application/json', 'x-mediane-rpc': '1' });
  });

  it('turns the host’s typed refusals into errors, the missing launch credential included', async () => {
    respond(403, JSON.stringify({ ok: false, error: { code: 'forbidden', messageKey: 'errors.launchRequired' } }));
    expect(await errorOf(api('app.status', {}))).toEqual({ code: 'forbidden', messageKey: 'errors.launchRequired' });
    respond(413, JSON.stringify({ ok: false, error: { code: 'invalid_input', messageKey: 'errors.tooLarge' } }));
    expect(await errorOf(api('app.status', {}))).toEqual({ code: 'invalid_input', messageKey: 'errors.tooLarge' });
    // A 403 that is not ours (a proxy, an old host) still says how to open Médiane; anything else unreadable is internal.
    respond(403, '<html>Forbidden</html>');
    expect(await errorOf(api('app.status', {}))).toEqual({ code: 'forbidden', messageKey: 'errors.launchRequired' });
    respond(502, 'Bad gateway');
    expect(await errorOf(api('app.status', {}))).toEqual({ code: 'internal' });
  });

  it('says the host is unreachable when the request cannot be made', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(await errorOf(api('app.status', {}))).toEqual({
      code: 'storage_unavailable',
      messageKey: 'errors.hostUnreachable',
    });
  });
});
