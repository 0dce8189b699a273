// Behind the CSP, a second wall: the session cancels every request the app never needs. Médiane works offline, so
// the only requests allowed are to its own app:// origin (and data: images, which the CSP allows), the devtools in
// an unpackaged run, and the dev server in `electron-vite dev`. A library that tries to phone home, or a page that
// slipped past the CSP, reaches nothing; the attempt is logged. No 'electron' import: index.ts passes the real
// session, tests pass a fake.

export interface RequestDetailsLike {
  url: string;
}

export interface WebRequestSessionLike {
  webRequest: {
    onBeforeRequest(
      listener: (details: RequestDetailsLike, callback: (response: { cancel?: boolean }) => void) => void,
    ): void;
  };
}

export interface NetworkPolicyOptions {
  /** The app origin, plus the dev server in development (createOriginCheck). */
  isAppUrl(url: string): boolean;
  /** Unpackaged runs only: the devtools load their own devtools:// pages. */
  allowDevTools: boolean;
  /** Development only: the dev server's URL, whose websocket (hot reload) is allowed too. */
  devServerUrl?: string;
  log?: { warn(message: string): void };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Whether the session lets a request through. */
export function createRequestPolicy(opts: NetworkPolicyOptions): (url: string) => boolean {
  const dev = opts.devServerUrl ? parse(opts.devServerUrl) : null;
  const devSocket = dev && (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1') ? `ws://${dev.host}` : null;
  return (url) => {
    if (opts.isAppUrl(url)) return true;
    const u = parse(url);
    if (!u) return false;
    if (u.protocol === 'data:') return true;
    if (opts.allowDevTools && u.protocol === 'devtools:') return true;
    return devSocket !== null && `${u.protocol}//${u.host}` === devSocket && u.username === '' && u.password === '';
  };
}

// Logs carry the scheme and host only: a URL's path or query may hold something the user typed.
function describe(url: string): string {
  const u = parse(url);
  return u ? `${u.protocol}//${u.host}` : 'an invalid URL';
}

export function restrictNetwork(session: WebRequestSessionLike, opts: NetworkPolicyOptions): void {
  const allowed = createRequestPolicy(opts);
  session.webRequest.onBeforeRequest((details, callback) => {
    const ok = allowed(details.url);
    if (!ok) opts.log?.warn(`[mediane] request cancelled: ${describe(details.url)}`);
    callback(ok ? {} : { cancel: true });
  });
}
