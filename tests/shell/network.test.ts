import { describe, expect, it, vi } from 'vitest';
import { createRequestPolicy, restrictNetwork } from '../../main/app/network';
import { createOriginCheck } from '../../main/app/origin';
import { FakeWebRequest } from './fakes';

// Behind the CSP: the session cancels every request but the app's own origin (plus data: images, the devtools in an
// unpackaged run, the dev server in development), and logs what it cancelled.

function setup(opts: { allowDevTools?: boolean; devServerUrl?: string } = {}) {
  const webRequest = new FakeWebRequest();
  const warn = vi.fn();
  restrictNetwork(
    { webRequest },
    {
      isAppUrl: createOriginCheck(opts.devServerUrl),
      allowDevTools: opts.allowDevTools ?? false,
      devServerUrl: opts.devServerUrl,
      log: { warn },
    },
  );
  return { webRequest, warn };
}

const ALWAYS_CANCELLED = [
  'https://www.service-public.fr/',
  'http://127.0.0.1:5190/rpc/app.status',
  'http://localhost:5173/',
  'ws://localhost:5173/',
  'wss://evil.example/socket',
  'file:///etc/passwd',
  'app://evil/index.html',
  'app://user:pw@mediane/index.html',
  'chrome-extension://abc/x.js',
  'ftp://example.org/',
  'not a url',
];

describe('network policy of the session', () => {
  it('lets the app origin and data: images through', () => {
    const { webRequest, warn } = setup();
    for (const url of [
      'app://mediane/index.html',
      'app://mediane/assets/index-abc.js',
      'app://mediane/fonts/Marianne.woff2',
      'data:image/svg+xml;base64,PHN2Zy8+',
    ]) {
      expect(webRequest.request(url), url).toBe(false);
    }
    expect(warn).not.toHaveBeenCalled();
  });

  it.each(ALWAYS_CANCELLED)('cancels %s and logs it without its path', (url) => {
    const { webRequest, warn } = setup();
    expect(webRequest.request(url)).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).not.toMatch(/rpc|passwd|index|socket/);
  });

  it('allows the devtools only when asked (unpackaged runs)', () => {
    expect(setup().webRequest.request('devtools://devtools/bundled/devtools_app.html')).toBe(true);
    expect(setup({ allowDevTools: true }).webRequest.request('devtools://devtools/bundled/devtools_app.html')).toBe(
      false,
    );
    // The devtools' remote front-end is still refused.
    expect(setup({ allowDevTools: true }).webRequest.request('https://chrome-devtools-frontend.appspot.com/x')).toBe(
      true,
    );
  });

  it('allows the local dev server and its hot-reload socket in development only', () => {
    const allowed = createRequestPolicy({
      isAppUrl: createOriginCheck('http://localhost:5173'),
      allowDevTools: true,
      devServerUrl: 'http://localhost:5173',
    });
    expect(allowed('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(allowed('ws://localhost:5173/')).toBe(true);
    expect(allowed('ws://localhost:5174/')).toBe(false);
    expect(allowed('http://localhost:5174/')).toBe(false);
    expect(allowed('ws://user:pw@localhost:5173/')).toBe(false);
    // A dev server that is not on the loopback is ignored.
    const remote = createRequestPolicy({
      isAppUrl: createOriginCheck('http://evil.example:5173'),
      allowDevTools: true,
      devServerUrl: 'http://evil.example:5173',
    });
    expect(remote('http://evil.example:5173/')).toBe(false);
    expect(remote('ws://evil.example:5173/')).toBe(false);
  });
});
