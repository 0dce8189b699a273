import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { extname, join, normalize, sep } from 'node:path';
import { MAX_REQUEST_BYTES, type Handlers } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { dispatch } from '../ipc/dispatch';

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

export interface WebServerOptions {
  handlers: Handlers;
  rendererDir: string;
  token: string;
  port: number;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

/** decodeURIComponent that answers null on malformed escapes ("%E0%A4%A") instead of throwing. */
function decodePath(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

/**
 * Browser mode: the same renderer and the same core as the desktop app, over HTTP on 127.0.0.1 only.
 * Every call goes through the contract's dispatch; the per-launch token is written into the page we serve, so only
 * that page can call the core (another site in the same browser cannot read it), and the Host check stops
 * DNS-rebinding pages from reaching the port.
 */
export function createWebServer({ handlers, rendererDir, token, port }: WebServerOptions): Promise<{ server: Server; url: string }> {
  const indexPath = join(rendererDir, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`renderer build not found in ${rendererDir}: run "npm run build" first`);
  const index = readFileSync(indexPath, 'utf8').replace(
    '<head>',
    `<head><meta name="mediane-token" content="${token}">`,
  );
  let allowedHosts: Set<string> = new Set();

  const server = createServer(async (req, res) => {
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 403, '{"error":"host"}');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') return send(res, 405, '{"error":"method"}');
      if (!sameToken(String(req.headers['x-mediane-token'] ?? ''), token)) return send(res, 403, '{"error":"token"}');
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, '{"error":"type"}');
      const raw = await readBody(req);
      if (raw === null) return send(res, 413, JSON.stringify({ ok: false, error: { code: 'invalid_input', messageKey: 'errors.tooLarge' } }));
      let input: unknown;
      try {
        input = raw.length ? JSON.parse(raw) : {};
      } catch {
        return send(res, 200, JSON.stringify({ ok: false, error: { code: 'invalid_input', messageKey: 'errors.notJson' } }));
      }
      const method = decodePath(url.pathname.slice(5));
      if (method === null) return send(res, 200, JSON.stringify({ ok: false, error: { code: 'unknown_method' } }));
      const result = await dispatch(handlers, method, input);
      return send(res, 200, JSON.stringify(result));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '{"error":"method"}');
    const decoded = decodePath(url.pathname);
    const file = decoded === null ? null : normalize(join(rendererDir, decoded));
    const inside = file !== null && file.startsWith(rendererDir + sep);
    if (!inside || url.pathname === '/' || !existsSync(file) || !statSync(file).isFile()) {
      // Single-page app: every other path gets the page itself.
      res.writeHead(200, { 'content-type': TYPES['.html']!, 'content-security-policy': CONTENT_SECURITY_POLICY, 'cache-control': 'no-store' });
      return res.end(index);
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    });
    createReadStream(file).pipe(res);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = (server.address() as { port: number }).port;
      allowedHosts = new Set([`127.0.0.1:${actual}`, `localhost:${actual}`]);
      resolve({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
}
