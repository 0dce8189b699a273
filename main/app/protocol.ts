import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { APP_HOST, APP_SCHEME } from './origin';

// SECURITY.md, rules 1 and 3: the renderer is served from app://mediane/ out of the built renderer folder, with the
// app's Content-Security-Policy on every response. No 'electron' import: index.ts hands this function to
// protocol.handle('app', ...), tests call it with a fake readFile.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ProtocolRequestLike {
  readonly url: string;
  readonly method?: string;
}

export interface ProtocolHandlerOptions {
  /** Absolute path of the built renderer (out/renderer). */
  rootDir: string;
  /** Reads a file; rejects (ENOENT, EISDIR...) when there is no such regular file. */
  readFile(absolutePath: string): Promise<Uint8Array>;
  /** Defaults to the app's one policy, shared/security.ts. */
  contentSecurityPolicy?: string;
}

export type ProtocolHandler = (request: ProtocolRequestLike) => Promise<Response>;

function refuse(status: number, csp: string): Response {
  return new Response(null, {
    status,
    headers: { 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' },
  });
}

/**
 * The relative file path a URL asks for, or null when the request must be refused: another scheme or host,
 * credentials, malformed escapes, NUL / backslash / colon (Windows drive letters and alternate data streams),
 * or any "." / ".." segment (the URL parser already resolves literal ones, so a remaining one was smuggled in
 * encoded, e.g. "..%2f").
 */
export function requestedPath(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\\:]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return null;
  return segments.length === 0 ? 'index.html' : segments.join('/');
}

export function createProtocolHandler(opts: ProtocolHandlerOptions): ProtocolHandler {
  const root = resolve(opts.rootDir);
  const csp = opts.contentSecurityPolicy ?? CONTENT_SECURITY_POLICY;

  const serve = async (relative: string, head: boolean): Promise<Response | null> => {
    const file = resolve(root, relative);
    // Belt and braces after requestedPath(): the resolved file must sit inside the renderer folder.
    if (!file.startsWith(root + sep)) return refuse(403, csp);
    let body: Uint8Array;
    try {
      body = await opts.readFile(file);
    } catch {
      return null;
    }
    // fs.readFile's Buffer is backed by a plain ArrayBuffer; the cast only narrows TypeScript's view of it.
    return new Response(head ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: {
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cache-control': 'no-cache',
      },
    });
  };

  return async (request) => {
    const method = (request.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return refuse(405, csp);
    const relative = requestedPath(request.url);
    if (relative === null) return refuse(403, csp);
    const head = method === 'HEAD';
    const found = await serve(relative, head);
    if (found) return found;
    // Single-page app: a missing path without an extension is a screen of the app, it gets the page itself.
    // A missing asset (with an extension) is a plain 404.
    if (extname(relative) === '') return (await serve('index.html', head)) ?? refuse(404, csp);
    return refuse(404, csp);
  };
}
