import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { MAX_REQUEST_BYTES, type Handlers } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { dispatch } from '../ipc/dispatch';
import {
  createLaunchGate,
  LAUNCH_PATH,
  newLaunchSecrets,
  RPC_HEADER,
  type LaunchGate,
  type LaunchSecrets,
} from './launch';
import { handleFileRoute, type FileRouteCore } from './files-routes';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

// On every response, the page and errors alike. CORP and COOP stop any website from embedding our images or
// scripts (which would tell it that Médiane runs, and on which port) or holding a reference to our window.
const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
});

/** A body over the cap is still read and thrown away up to this size, so that the client receives its 413. */
const DRAIN_LIMIT = 16 * MAX_REQUEST_BYTES;
/** Our paths are short: a longer request target is refused before any work. */
const MAX_TARGET_LENGTH = 2048;

const BAD_REQUEST: AppError = { code: 'invalid_input' };
const NO_CREDENTIAL: AppError = { code: 'forbidden', messageKey: 'errors.launchRequired' };

export interface WebServerOptions {
  handlers: Handlers;
  rendererDir: string;
  port: number;
  /** Random per launch; tests may fix them. */
  secrets?: LaunchSecrets;
  log?: { error(message: string, err: unknown): void };
  /** The core's file staging (`core.files`): uploads and downloads of desk files (./files-routes.ts). */
  files?: FileRouteCore;
}

export interface WebHost {
  server: Server;
  /** http://127.0.0.1:PORT/ */
  url: string;
  /** The one-time URL to open in the browser (first use only). */
  launchUrl: string;
  cookieName: string;
}

function rawHeaders(extra: Record<string, string | number>): string {
  return Object.entries({ ...SECURITY_HEADERS, ...extra })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string | number> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body); // Node itself drops the body of a HEAD response.
}

function fail(res: ServerResponse, status: number, error: AppError, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify({ ok: false, error }), { 'content-type': 'application/json', ...headers });
}

/**
 * The decoded path of an origin-form request target ("/path?query"), or null: absolute-form ("http://a:99999/"),
 * authority-form, "*", over-long targets, malformed escapes and control characters (NUL included) are refused.
 */
function targetPath(raw: string | undefined): string | null {
  if (!raw || raw[0] !== '/' || raw.length > MAX_TARGET_LENGTH) return null;
  const end = raw.search(/[?#]/);
  let path: string;
  try {
    path = decodeURIComponent(end === -1 ? raw : raw.slice(0, end));
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(path) ? null : path;
}

type Body = { kind: 'ok'; text: string } | { kind: 'tooLarge' } | { kind: 'aborted' };

function readBody(req: IncomingMessage): Promise<Body> {
  if (Number(req.headers['content-length']) > DRAIN_LIMIT) return Promise.resolve({ kind: 'tooLarge' });
  return new Promise((done) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(c);
      else if (size > DRAIN_LIMIT) done({ kind: 'tooLarge' });
    });
    req.on('end', () =>
      done(
        size > MAX_REQUEST_BYTES ? { kind: 'tooLarge' } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') },
      ),
    );
    req.on('error', () => done({ kind: 'aborted' }));
    req.on('close', () => done({ kind: 'aborted' })); // after 'end' this changes nothing (a promise settles once)
  });
}

interface Context {
  handlers: Handlers;
  rendererDir: string;
  index: string;
  gate: LaunchGate;
  allowedHosts: Set<string>;
  files?: FileRouteCore;
}

async function handleRpc(ctx: Context, req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
  if (req.method !== 'POST') return fail(res, 405, BAD_REQUEST, { allow: 'POST' });
  // The cookie proves the browser that opened the launch URL; the custom header makes a cross-site "simple" request
  // impossible (it would need a CORS preflight, which this host never answers).
  if (!ctx.gate.authorised(req.headers.cookie) || req.headers[RPC_HEADER] !== '1') return fail(res, 403, NO_CREDENTIAL);
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return fail(res, 415, { code: 'invalid_input', messageKey: 'errors.notJson' });
  }
  const body = await readBody(req);
  if (body.kind === 'aborted') return void res.destroy();
  if (body.kind === 'tooLarge')
    return fail(res, 413, { code: 'invalid_input', messageKey: 'errors.tooLarge' }, { connection: 'close' });
  let input: unknown;
  try {
    input = body.text.length ? JSON.parse(body.text) : {};
  } catch {
    return fail(res, 200, { code: 'invalid_input', messageKey: 'errors.notJson' });
  }
  const result = await dispatch(ctx.handlers, method, input);
  send(res, 200, JSON.stringify(result), { 'content-type': 'application/json' });
}

async function serveFile(ctx: Context, res: ServerResponse, path: string): Promise<void> {
  const file = normalize(join(ctx.rendererDir, path));
  let data: Buffer | null = null;
  if (path !== '/' && file.startsWith(ctx.rendererDir + sep)) {
    try {
      data = await readFile(file);
    } catch {
      // Missing (even if removed a moment ago), a folder, unreadable: the single-page app's page below.
    }
  }
  if (data === null || extname(file) === '.html') return send(res, 200, ctx.index, { 'content-type': TYPES['.html']! });
  send(res, 200, data, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
}

async function handle(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // The Host check stops DNS-rebinding pages from reaching the port; a second Host header is a smuggling attempt.
  const hosts = req.headersDistinct.host ?? [];
  if (hosts.length !== 1) return fail(res, 400, BAD_REQUEST);
  if (!ctx.allowedHosts.has(hosts[0]!)) return fail(res, 403, { code: 'forbidden' });
  const path = targetPath(req.url);
  if (path === null) return fail(res, 400, BAD_REQUEST);
  if (path.startsWith('/rpc/')) return handleRpc(ctx, req, res, path.slice('/rpc/'.length));
  // Desk files (upload, download): for the browser holding the launch cookie only, like RPC calls.
  if (ctx.files && path.startsWith('/files/')) {
    if (!ctx.gate.authorised(req.headers.cookie)) return fail(res, 403, NO_CREDENTIAL);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (await handleFileRoute(req, res, ctx.files)) return;
  }
  if (path.startsWith(LAUNCH_PATH)) {
    if (req.method !== 'GET') return fail(res, 405, BAD_REQUEST, { allow: 'GET' });
    const cookie = ctx.gate.redeem(path.slice(LAUNCH_PATH.length));
    // Redeemed or not, the browser goes to the app: without the cookie it explains how to open Médiane.
    res.writeHead(303, {
      ...SECURITY_HEADERS,
      location: '/',
      'cache-control': 'no-store',
      'content-length': 0,
      ...(cookie ? { 'set-cookie': cookie } : {}),
    });
    return void res.end();
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, BAD_REQUEST, { allow: 'GET, HEAD' });
  return serveFile(ctx, res, path);
}

/** What a socket gets when Node's parser refuses the request (bad request line, header, chunking, timeout). */
function onClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  const busy = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage?.headersSent;
  if (err.code === 'ECONNRESET' || !socket.writable || busy) return void socket.destroy();
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${rawHeaders({ connection: 'close', 'content-length': 0 })}\r\n`,
  );
  // A client that never closes its side does not keep the socket forever.
  if (socket instanceof Socket) socket.setTimeout(5_000, () => socket.destroy());
}

/**
 * Browser mode: the same renderer and the same core as the desktop app, over HTTP on 127.0.0.1 only. Every call goes
 * through the contract's dispatch, and only from the browser that opened the launch URL (see ./launch.ts). No request,
 * however malformed, may stop the host: the parser's refusals, the handler's failures and stream errors all end as a
 * 4xx/5xx answer or a closed socket, never as an exception.
 */
export function createWebServer({
  handlers,
  rendererDir,
  port,
  secrets = newLaunchSecrets(),
  log = console,
  files,
}: WebServerOptions): Promise<WebHost> {
  const root = resolve(rendererDir);
  const indexPath = join(root, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`renderer build not found in ${root}: run "npm run build" first`);
  // The gate and the allowed Hosts need the port, known once listening; until then no request can arrive.
  const ctx: Context = {
    handlers,
    rendererDir: root,
    index: readFileSync(indexPath, 'utf8'),
    gate: createLaunchGate(secrets, port),
    allowedHosts: new Set(),
    files,
  };

  const server = createServer((req, res) => {
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    handle(ctx, req, res).catch((err: unknown) => {
      log.error('[mediane] browser-mode request failed', err);
      try {
        if (!res.headersSent) fail(res, 500, { code: 'internal' });
        else res.destroy();
      } catch {
        res.destroy();
      }
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.on('clientError', onClientError);
  // CONNECT never reaches the request handler: answer it here rather than leave the socket hanging.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => undefined);
    socket.end(`HTTP/1.1 405 ${STATUS_CODES[405]}\r\n${rawHeaders({ connection: 'close', 'content-length': 0 })}\r\n`);
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      server.on('error', (err) => log.error('[mediane] browser-mode server error', err));
      const actual = (server.address() as { port: number }).port;
      ctx.allowedHosts = new Set([`127.0.0.1:${actual}`, `localhost:${actual}`]);
      ctx.gate = createLaunchGate(secrets, actual);
      const url = `http://127.0.0.1:${actual}/`;
      resolvePromise({
        server,
        url,
        launchUrl: `${url}${LAUNCH_PATH.slice(1)}${secrets.launch}`,
        cookieName: ctx.gate.cookieName,
      });
    });
  });
}
