import { request, type Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import { createWebServer } from '../../main/web/server';
import { MAX_REQUEST_BYTES } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { fingerprint, individual, openCore, removeTempDirs, tempDir } from '../core/helpers';

// The browser-mode transport around dispatch: token, Host check, content type, size cap, and robustness against
// malformed requests (the host must keep serving whatever a page or a local process sends it).

const TOKEN = 'a'.repeat(48);
let core: Core;
let server: Server;
let port: number;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const rpcHeaders = { 'content-type': 'application/json', 'x-mediane-token': TOKEN };
const rpc = (method: string, body: unknown, headers: Record<string, string> = rpcHeaders) =>
  send({ method: 'POST', path: `/rpc/${method}`, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

beforeAll(async () => {
  core = openCore();
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Médiane</title></head><body></body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const started = await createWebServer({ handlers: core.handlers, rendererDir, token: TOKEN, port: 0 });
  server = started.server;
  port = Number(new URL(started.url).port);
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  core.close();
  removeTempDirs();
});

describe('browser-mode host', () => {
  it('serves the page with the token and the CSP, and static files with their type', async () => {
    const page = await send({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="mediane-token" content="${TOKEN}">`);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const js = await send({ path: '/assets/app.js' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    // Unknown paths and attempts to leave the folder get the page itself.
    for (const path of ['/journal/123', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      const r = await send({ path });
      expect(r.status, path).toBe(200);
      expect(r.body, path).toContain('mediane-token');
    }
  });

  it('answers rpc calls through dispatch', async () => {
    const r = await rpc('journal.create', individual());
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { kind: 'individuel' } });
    expect(JSON.parse((await rpc('nope.method', {})).body)).toEqual({ ok: false, error: { code: 'unknown_method' } });
    expect(JSON.parse((await rpc('app.status', '')).body)).toMatchObject({ ok: true });
  });

  it('refuses calls without the token, from another Host, of the wrong type or method, and writes nothing', async () => {
    const before = fingerprint(core.db);
    const body = JSON.stringify(individual());
    expect((await rpc('journal.create', body, { 'content-type': 'application/json' })).status).toBe(403);
    expect((await rpc('journal.create', body, { 'content-type': 'application/json', 'x-mediane-token': 'b'.repeat(48) })).status).toBe(403);
    expect((await rpc('journal.create', body, { 'content-type': 'application/json', 'x-mediane-token': 'short' })).status).toBe(403);
    expect((await rpc('journal.create', body, { ...rpcHeaders, host: `evil.example:${port}` })).status).toBe(403);
    expect((await send({ path: '/', headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await rpc('journal.create', body, { 'x-mediane-token': TOKEN, 'content-type': 'text/plain' })).status).toBe(415);
    expect((await send({ path: '/rpc/journal.create', headers: rpcHeaders })).status).toBe(405);
    expect(JSON.parse((await rpc('journal.create', '{"kind": ')).body)).toEqual({ ok: false, error: { code: 'invalid_input', messageKey: 'errors.notJson' } });
    const tooBig = await rpc('journal.create', { ...individual(), notes: 'x'.repeat(MAX_REQUEST_BYTES) }).catch(() => null);
    if (tooBig) expect(tooBig.status).toBe(413);
    expect(fingerprint(core.db)).toEqual(before);
  });

  it('survives malformed percent-encoding in any path and keeps serving', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/assets/%zz.js', '/rpc/%E0%A4%A', '/rpc/app.status%']) {
      const method = path.startsWith('/rpc/') ? 'POST' : 'GET';
      const r = await send({ method, path, headers: method === 'POST' ? rpcHeaders : {}, body: method === 'POST' ? '{}' : undefined });
      expect(r.status, path).toBeLessThan(500);
      if (path.startsWith('/rpc/')) expect(JSON.parse(r.body), path).toMatchObject({ ok: false });
    }
    expect(server.listening).toBe(true);
    expect(JSON.parse((await rpc('app.status', {})).body)).toMatchObject({ ok: true });
  });
});
