import { request } from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import { MAX_REQUEST_BYTES } from '../../shared/contract';
import { defaultDataDir } from '../../main/web/data-dir';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { fingerprint, individual, openCore, removeTempDirs, tempDir } from '../core/helpers';
import {
  credential,
  httpRequest,
  RPC_HEADERS,
  startInProcessHost,
  type InProcessHost,
  type RawReply,
} from '../fixtures/web-host';

// The browser-mode transport around dispatch: the launch credential, Host check, content type, size cap, security
// headers. Malformed requests at the HTTP level are in http-fuzz.test.ts.

let core: Core;
let host: InProcessHost;
let port: number;
let cookie: string;
let rendererDir: string;

type SendOptions = Parameters<typeof httpRequest>[1];
type Reply = Omit<RawReply, 'body'> & { body: string };
/** The host's answer with its body as text. */
const send = async (opts: SendOptions) => {
  const reply = await httpRequest(port, opts);
  return { ...reply, body: reply.body.toString('utf8') };
};

const rpcHeaders = () => ({ ...RPC_HEADERS, cookie });
const rpc = (method: string, body: unknown, headers: Record<string, string> = rpcHeaders()) =>
  send({
    method: 'POST',
    path: `/rpc/${method}`,
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  core = openCore();
  rendererDir = join(tempDir(), 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>Médiane</title></head><body></body></html>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'assets', 'logo.png'), 'png');
  host = await startInProcessHost(core.handlers, rendererDir);
  port = host.port;
  cookie = await credential(host.launchUrl);
});
afterAll(async () => {
  expect(host.errors).toEqual([]);
  await host.close();
  core.close();
  removeTempDirs();
});

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
const secretOf = (c: string) => c.slice(c.indexOf('=') + 1);

describe('browser-mode host', () => {
  it('serves the page with no credential in it, and static files with their type', async () => {
    for (const path of [
      '/',
      '/index.html',
      '/journal/123',
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
    ]) {
      const r = await send({ path });
      expect(r.status, path).toBe(200);
      expect(r.headers['content-type'], path).toBe('text/html; charset=utf-8');
      expect(r.body, path).toContain('<title>Médiane</title>');
      expect(r.body, path).not.toContain(secretOf(cookie));
      expect(r.body, path).not.toMatch(/token/i);
      expect(r.headers['set-cookie'], path).toBeUndefined();
    }
    // Even with the cookie, the page carries nothing secret: the browser alone holds the credential.
    expect((await send({ path: '/', headers: { cookie } })).body).not.toContain(secretOf(cookie));
    const js = await send({ path: '/assets/app.js' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log(1)');
  });

  it('sends the security headers on every response, the CSP on every page', async () => {
    const replies = [
      await send({ path: '/' }),
      await send({ path: '/index.html' }),
      await send({ method: 'HEAD', path: '/' }),
      await send({ path: '/assets/app.js' }),
      await send({ path: '/assets/logo.png' }),
      await send({ path: '/launch/nope' }),
      await send({ path: '/', headers: { host: 'evil.example' } }),
      await send({ method: 'DELETE', path: '/' }),
      await send({ path: '/%E0%A4%A' }),
      await rpc('app.status', {}),
      await rpc('app.status', {}, { 'content-type': 'application/json' }),
      await rpc('app.status', { notes: 'x'.repeat(MAX_REQUEST_BYTES) }),
    ];
    for (const r of replies) expect(r.headers, `${r.status} ${r.body.slice(0, 40)}`).toMatchObject(SECURITY_HEADERS);
  });

  it('hands the session cookie once, for the launch URL only, HttpOnly and SameSite=Strict', async () => {
    const other = await startInProcessHost(core.handlers, rendererDir);
    try {
      const code = other.launchUrl.slice(other.launchUrl.lastIndexOf('/') + 1);
      const get = (path: string) => fetch(`${other.url}${path.slice(1)}`, { redirect: 'manual' });
      for (const wrong of [
        '/launch/',
        `/launch/${code.slice(1)}`,
        `/launch/${code}x`,
        `/launch/${'0'.repeat(code.length)}`,
      ]) {
        const r = await get(wrong);
        expect(r.status, wrong).toBe(303);
        expect(r.headers.get('set-cookie'), wrong).toBeNull();
      }
      const first = await get(`/launch/${code}`);
      expect(first.status).toBe(303);
      expect(first.headers.get('location')).toBe('/');
      const setCookie = first.headers.get('set-cookie')!;
      expect(setCookie).toMatch(new RegExp(`^mediane-${other.port}=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict$`));
      // Spent: the same link (reused, or stolen after the browser used it) gives nothing.
      const second = await get(`/launch/${code}`);
      expect(second.status).toBe(303);
      expect(second.headers.get('set-cookie')).toBeNull();
      expect((await fetch(other.launchUrl, { method: 'HEAD', redirect: 'manual' })).status).toBe(405);
      // The cookie of this host opens this host only.
      const theirs = setCookie.split(';')[0]!;
      const call = (c: string, p: number) =>
        send({
          method: 'POST',
          path: '/rpc/app.status',
          headers: { ...RPC_HEADERS, cookie: c, host: `127.0.0.1:${p}` },
          body: '{}',
        });
      expect((await call(theirs, port)).status).toBe(403);
      const mine = await new Promise<Reply>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: other.port,
            method: 'POST',
            path: '/rpc/app.status',
            headers: { ...RPC_HEADERS, cookie: `x=1; ${theirs}` },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' }));
          },
        );
        req.on('error', reject);
        req.end('{}');
      });
      expect(mine.status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('answers rpc calls through dispatch', async () => {
    const r = await rpc('journal.create', individual());
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { kind: 'individuel' } });
    expect(JSON.parse((await rpc('nope.method', {})).body)).toEqual({ ok: false, error: { code: 'unknown_method' } });
    expect(JSON.parse((await rpc('app.status', '')).body)).toMatchObject({ ok: true });
  });

  it('refuses calls without the cookie or the header, from another Host, of the wrong type or method, and writes nothing', async () => {
    const before = fingerprint(core.db);
    const body = JSON.stringify(individual());
    const noCredential = { ok: false, error: { code: 'forbidden', messageKey: 'errors.launchRequired' } };
    const json = { 'content-type': 'application/json' };
    for (const headers of [
      json,
      { ...RPC_HEADERS },
      { ...json, cookie },
      { ...json, cookie, 'x-mediane-rpc': '0' },
      { ...RPC_HEADERS, cookie: `mediane-${port}=${'b'.repeat(64)}` },
      { ...RPC_HEADERS, cookie: `mediane-${port + 1}=${secretOf(cookie)}` },
      { ...RPC_HEADERS, cookie: `mediane-${port}=short` },
    ]) {
      const r = await rpc('journal.create', body, headers);
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(r.body), JSON.stringify(headers)).toEqual(noCredential);
    }
    expect((await rpc('journal.create', body, { ...rpcHeaders(), host: `evil.example:${port}` })).status).toBe(403);
    expect((await send({ path: '/', headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await send({ path: '/', headers: { host: `localhost:${port}` } })).status).toBe(200);
    expect((await rpc('journal.create', body, { ...rpcHeaders(), 'content-type': 'text/plain' })).status).toBe(415);
    expect((await send({ path: '/rpc/journal.create', headers: rpcHeaders() })).status).toBe(405);
    expect(JSON.parse((await rpc('journal.create', '{"kind": ')).body)).toEqual({
      ok: false,
      error: { code: 'invalid_input', messageKey: 'errors.notJson' },
    });
    expect(fingerprint(core.db)).toEqual(before);
  });

  it('answers 413 with the typed error to a body over the cap, whether its length is declared or chunked', async () => {
    const before = fingerprint(core.db);
    const tooLarge = { ok: false, error: { code: 'invalid_input', messageKey: 'errors.tooLarge' } };
    const big = JSON.stringify({ ...individual(), notes: 'x'.repeat(MAX_REQUEST_BYTES) });
    const declared = await rpc('journal.create', big);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual(tooLarge);
    const chunked = await new Promise<Reply>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, method: 'POST', path: '/rpc/journal.create', headers: rpcHeaders() },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 8; i++) req.write(big.slice(i * (big.length / 8), (i + 1) * (big.length / 8)));
      req.end();
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toEqual(tooLarge);
    expect(fingerprint(core.db)).toEqual(before);
    expect(JSON.parse((await rpc('app.status', {})).body)).toMatchObject({ ok: true });
  });

  it('survives malformed percent-encoding and files removed while serving, and keeps serving', async () => {
    for (const path of [
      '/%E0%A4%A',
      '/%',
      '/assets/%zz.js',
      '/rpc/%E0%A4%A',
      '/rpc/app.status%',
      '/%00',
      '/assets/app.js%00.png',
    ]) {
      const method = path.startsWith('/rpc/') ? 'POST' : 'GET';
      const r = await send({
        method,
        path,
        headers: method === 'POST' ? rpcHeaders() : {},
        body: method === 'POST' ? '{}' : undefined,
      });
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.body), path).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    writeFileSync(join(rendererDir, 'assets', 'gone.js'), 'gone()');
    expect((await send({ path: '/assets/gone.js' })).body).toBe('gone()');
    rmSync(join(rendererDir, 'assets', 'gone.js'));
    expect((await send({ path: '/assets/gone.js' })).body).toContain('<title>Médiane</title>');
    expect((await send({ path: '/assets' })).body).toContain('<title>Médiane</title>');
    expect(host.server.listening).toBe(true);
    expect(JSON.parse((await rpc('app.status', {})).body)).toMatchObject({ ok: true });
  });
});

// The browser mode's data folder, the same as the desktop app's. Per the XDG base-directory spec an empty or relative
// XDG_CONFIG_HOME is ignored: the journal must never land in whatever folder the host was started from.

const HOME = '/home/mediatrice';

describe('browser-mode data folder', () => {
  it('follows XDG_CONFIG_HOME on Linux only when it is an absolute path', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/srv/config' }, 'linux', HOME)).toBe(join('/srv/config', 'Mediane'));
    for (const xdg of [undefined, '', 'relative/config', '.', './config', '~/.config']) {
      expect(defaultDataDir({ XDG_CONFIG_HOME: xdg }, 'linux', HOME), String(xdg)).toBe(
        join(HOME, '.config', 'Mediane'),
      );
    }
  });

  it('uses the desktop app’s folders on Windows and macOS, and MEDIANE_DATA_DIR over everything', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\m\\AppData\\Roaming' }, 'win32', HOME)).toBe(
      join('C:\\Users\\m\\AppData\\Roaming', 'Mediane'),
    );
    expect(defaultDataDir({ APPDATA: '' }, 'win32', HOME)).toBe(join(HOME, 'Mediane'));
    expect(defaultDataDir({}, 'darwin', HOME)).toBe(join(HOME, 'Library', 'Application Support', 'Mediane'));
    expect(defaultDataDir({ MEDIANE_DATA_DIR: '/data/desk', XDG_CONFIG_HOME: '' }, 'linux', HOME)).toBe('/data/desk');
    expect(defaultDataDir({ MEDIANE_DATA_DIR: '', XDG_CONFIG_HOME: '' }, 'linux', HOME)).toBe(
      join(HOME, '.config', 'Mediane'),
    );
  });
});
