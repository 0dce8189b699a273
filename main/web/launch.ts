import { randomBytes, timingSafeEqual } from 'node:crypto';

// The browser-mode credential. The host never writes a secret into a page (any local process can fetch a page):
// it prints and opens a one-time launch URL, and the first browser to open it gets the per-launch session secret as
// an HttpOnly, SameSite=Strict cookie. Scripts in the page cannot read it, other sites cannot send it, and a second
// use of the launch URL gets nothing.
//
// Residual risk: cookies are not isolated by port. Any other server on 127.0.0.1 (another port, possibly run by
// another local account) receives this cookie when the same browser visits it during this launch. The cookie name
// carries our port so that two hosts never overwrite each other's credential; the secret dies with the process.

export const LAUNCH_PATH = '/launch/';
/** Every RPC call must carry this header: a plain cross-origin form or `no-cors` fetch cannot set it. */
export const RPC_HEADER = 'x-mediane-rpc';

export interface LaunchSecrets {
  /** The cookie's value, for the whole launch. */
  session: string;
  /** The one-time code in the launch URL. */
  launch: string;
}

export function newLaunchSecrets(): LaunchSecrets {
  return { session: randomBytes(32).toString('hex'), launch: randomBytes(24).toString('hex') };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieName(port: number): string {
  return `mediane-${port}`;
}

/** The values of every cookie called `name` in a Cookie header (another local server may have set one too). */
function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const out: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) out.push(part.slice(eq + 1).trim());
  }
  return out;
}

export interface LaunchGate {
  readonly cookieName: string;
  /** Consumes the code if it is the launch code not used yet; answers the Set-Cookie value, or null. */
  redeem(code: string): string | null;
  /** Whether a request's Cookie header holds the session secret. */
  authorised(cookieHeader: string | undefined): boolean;
}

export function createLaunchGate(secrets: LaunchSecrets, port: number): LaunchGate {
  const name = cookieName(port);
  let launchCode: string | null = secrets.launch;
  return {
    cookieName: name,
    redeem(code) {
      if (launchCode === null || !same(code, launchCode)) return null;
      launchCode = null;
      // No Max-Age: a session cookie, gone when the browser closes; no Secure: plain http on the loopback.
      return `${name}=${secrets.session}; Path=/; HttpOnly; SameSite=Strict`;
    },
    authorised(cookieHeader) {
      return cookieValues(cookieHeader, name).some((v) => same(v, secrets.session));
    },
  };
}
