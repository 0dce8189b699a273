import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoreError } from '../../shared/errors';
import type { OpenSource } from '../../shared/files/schema';
import { contentDisposition, MAX_UPLOAD_BYTES, type FileRouteCore } from '../../main/web/files-routes';
import { createWebServer, type WebHost } from '../../main/web/server';
import { credential, httpRequest } from '../fixtures/web-host';

// The browser-mode file routes over real HTTP on 127.0.0.1, against a fake of the core's file staging that keeps
// what it receives in memory (the core's own staging is tested with the core).

const SOURCE_ID = '7d0c4f7e-1d2a-4c4b-9d59-1a2b3c4d5e6f';
const TARGET_ID = '0b5e2f4a-8c1d-4e6f-a7b8-9c0d1e2f3a4b';

class FakeFiles implements FileRouteCore {
  uploads: Array<{ name: string; body: Buffer; maxBytes: number }> = [];
  targets = new Map<string, { path: string; name: string }>();
  released: string[] = [];
  refuse: CoreError | null = null;
  async acceptUpload(name: string, body: Readable, maxBytes: number): Promise<OpenSource> {
    const chunks: Buffer[] = [];
    for await (const c of body) chunks.push(c as Buffer);
    if (this.refuse) throw this.refuse;
    const data = Buffer.concat(chunks);
    this.uploads.push({ name, body: data, maxBytes });
    return { sourceId: SOURCE_ID, name, bytes: data.length };
  }
  download(targetId: string) {
    return this.targets.get(targetId) ?? null;
  }
  release(targetId: string) {
    this.released.push(targetId);
    this.targets.delete(targetId);
  }
}

let dir: string;
let host: WebHost;
let port: number;
let cookie: string;
let files: FakeFiles;

const send = (opts: Parameters<typeof httpRequest>[1]) => httpRequest(port, opts);

const authed = (extra: Record<string, string> = {}) => ({ cookie, 'x-mediane-rpc': '1', ...extra });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mediane-files-routes-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  files = new FakeFiles();
  host = await createWebServer({
    handlers: {} as never,
    rendererDir: dir,
    port: 0,
    files,
    log: { error: () => undefined },
  });
  port = Number(new URL(host.url).port);
  cookie = await credential(host.launchUrl);
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    host.server.close(() => resolve());
    host.server.closeAllConnections();
  });
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  files.uploads = [];
  files.released = [];
  files.refuse = null;
});

describe('POST /files/upload', () => {
  it('streams the body to the core and answers its OpenSource', async () => {
    const body = Buffer.alloc(300_000, 7); // larger than the RPC cap: files are not bound by it
    const res = await send({
      method: 'POST',
      path: `/files/upload?name=${encodeURIComponent('bureau-lunel.mediane')}`,
      headers: authed(),
      body,
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toEqual({
      ok: true,
      value: { sourceId: SOURCE_ID, name: 'bureau-lunel.mediane', bytes: body.length },
    });
    expect(files.uploads).toHaveLength(1);
    expect(files.uploads[0]!.body.equals(body)).toBe(true);
    expect(files.uploads[0]!.maxBytes).toBe(MAX_UPLOAD_BYTES);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps only the base name of the file, never a path', async () => {
    const res = await send({
      method: 'POST',
      path: `/files/upload?name=${encodeURIComponent('../../etc/Sauvegarde é.mediane')}`,
      headers: authed(),
      body: 'x',
    });
    expect(res.status).toBe(200);
    expect(files.uploads[0]!.name).toBe('Sauvegarde é.mediane');
  });

  it('refuses a missing or empty name, a GET, and a request without the credential or the custom header', async () => {
    expect((await send({ method: 'POST', path: '/files/upload', headers: authed(), body: 'x' })).status).toBe(400);
    expect((await send({ method: 'POST', path: '/files/upload?name=', headers: authed(), body: 'x' })).status).toBe(
      400,
    );
    expect((await send({ method: 'GET', path: '/files/upload?name=a', headers: authed() })).status).toBe(405);
    expect(
      (await send({ method: 'POST', path: '/files/upload?name=a', headers: { 'x-mediane-rpc': '1' }, body: 'x' }))
        .status,
    ).toBe(403);
    expect((await send({ method: 'POST', path: '/files/upload?name=a', headers: { cookie }, body: 'x' })).status).toBe(
      403,
    );
    expect(files.uploads).toEqual([]);
  });

  it('answers 413 with the typed error for a body announced over the cap, before reading it', async () => {
    const res = await send({
      method: 'POST',
      path: '/files/upload?name=big.mediane',
      headers: authed({ 'content-length': String(MAX_UPLOAD_BYTES + 1) }),
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body.toString())).toEqual({
      ok: false,
      error: { code: 'invalid_input', messageKey: 'errors.tooLarge' },
    });
    expect(files.uploads).toEqual([]);
  });

  it('passes the core’s typed refusal on', async () => {
    files.refuse = new CoreError('invalid_input', 'files.uploadFailed');
    const res = await send({ method: 'POST', path: '/files/upload?name=a.mediane', headers: authed(), body: 'x' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body.toString())).toEqual({
      ok: false,
      error: { code: 'invalid_input', messageKey: 'files.uploadFailed' },
    });
  });
});

describe('GET /files/<targetId>', () => {
  it('sends a finished target as an attachment with its UTF-8 name, then releases it', async () => {
    const path = join(dir, 'export.bin');
    const data = Buffer.from('contenu chiffré du bureau');
    writeFileSync(path, data);
    files.targets.set(TARGET_ID, { path, name: 'Médiane – Lunel.mediane' });
    const res = await send({ path: `/files/${TARGET_ID}`, headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.body.equals(data)).toBe(true);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-length']).toBe(String(data.length));
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="M_diane _ Lunel.mediane"; filename*=UTF-8''M%C3%A9diane%20%E2%80%93%20Lunel.mediane`,
    );
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    // Released once the server has flushed the last byte, which may come just after the client has read it.
    await vi.waitFor(() => expect(files.released).toEqual([TARGET_ID]));
    // Single use: the same id is gone.
    expect((await send({ path: `/files/${TARGET_ID}`, headers: { cookie } })).status).toBe(404);
  });

  it('refuses without the cookie, for an unknown or malformed id, and for other methods', async () => {
    const path = join(dir, 'other.bin');
    writeFileSync(path, 'x');
    files.targets.set(TARGET_ID, { path, name: 'a.mediane' });
    expect((await send({ path: `/files/${TARGET_ID}` })).status).toBe(403);
    expect((await send({ path: '/files/0b5e2f4a-8c1d-4e6f-a7b8-000000000000', headers: { cookie } })).status).toBe(404);
    expect((await send({ path: '/files/not-an-id', headers: { cookie } })).status).toBe(404);
    expect((await send({ method: 'DELETE', path: `/files/${TARGET_ID}`, headers: { cookie } })).status).toBe(405);
    expect(files.released).toEqual([]);
    files.targets.clear();
  });

  it('answers 404 when the target’s file has gone', async () => {
    files.targets.set(TARGET_ID, { path: join(dir, 'missing.bin'), name: 'a.mediane' });
    expect((await send({ path: `/files/${TARGET_ID}`, headers: { cookie } })).status).toBe(404);
    files.targets.clear();
  });
});

describe('contentDisposition', () => {
  it('escapes quotes and backslashes in the fallback and encodes RFC 5987 specials', () => {
    expect(contentDisposition(`a"b\\c'(1).mediane`)).toBe(
      `attachment; filename="a_b_c'(1).mediane"; filename*=UTF-8''a%22b%5Cc%27%281%29.mediane`,
    );
  });
});
