import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import { MAX_REQUEST_BYTES } from '../../shared/contract';
import { fingerprint, openCore, removeTempDirs, tempDir } from '../core/helpers';
import { credential, startInProcessHost, type InProcessHost } from '../fixtures/web-host';

// The HTTP layer itself, below any client library: raw bytes on a loopback socket. Whatever arrives (a broken request
// line, an odd target, bad or repeated headers, a truncated or oversized body, a client that stalls), the host answers
// 4xx or closes that one connection, never 5xx, never dies, writes nothing, and serves the next normal request.

let core: Core;
let host: InProcessHost;
let cookie: string;
let hostHeader: string;

interface RawReply {
  /** null when the host closed the connection without answering. */
  status: number | null;
  head: string;
  body: string;
}

function parse(raw: Buffer): RawReply & { complete: boolean } {
  // Interim answers (100 Continue) come before the one that counts.
  const text = raw.toString('utf8').replace(/^(HTTP\/1\.1 1\d\d [^\r]*\r\n(?:[^\r]+\r\n)*\r\n)+/, '');
  const split = text.indexOf('\r\n\r\n');
  const head = split === -1 ? text : text.slice(0, split);
  const body = split === -1 ? '' : text.slice(split + 4);
  const m = /^HTTP\/1\.1 (\d{3}) /.exec(text);
  const length = /\r\ncontent-length: (\d+)/i.exec(head);
  const complete = split !== -1 && !!length && Buffer.byteLength(body) >= Number(length[1]);
  return { status: m ? Number(m[1]) : null, head, body, complete };
}

/**
 * Writes each part in turn (running `between` after every part but the last) and reads the answer. By default it
 * returns as soon as one whole response has arrived. With `halfClose` it then half-closes and reads until the host
 * closes the connection: that is what lets a truncated request end without waiting on the host's timers (Node drops
 * a request still in progress when the client half-closes, so the answer may then be no answer at all).
 * With `untilClose` it reads every response until the host closes (pipelined requests).
 */
function exchange(
  parts: Array<string | Buffer>,
  opts: { between?: () => Promise<void>; halfClose?: boolean; untilClose?: boolean } = {},
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      const { complete: _complete, ...reply } = parse(Buffer.concat(chunks));
      socket.destroy();
      resolve(reply);
    };
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      if (!opts.halfClose && !opts.untilClose && parse(Buffer.concat(chunks)).complete) finish();
    });
    socket.on('error', () => undefined); // a reset after the host refused is one of the expected outcomes
    socket.on('close', finish);
    socket.once('connect', async () => {
      try {
        for (let i = 0; i < parts.length; i++) {
          if (socket.destroyed) break;
          socket.write(parts[i]!);
          if (opts.between && i < parts.length - 1) await opts.between();
        }
        if (opts.halfClose) socket.end();
      } catch (e) {
        socket.destroy();
        reject(e);
      }
    });
  });
}

const crlf = (lines: string[], body = '') => `${lines.join('\r\n')}\r\n\r\n${body}`;

async function healthy(): Promise<void> {
  const r = await exchange([crlf(['GET / HTTP/1.1', `Host: ${hostHeader}`, 'Connection: close'])]);
  expect(r.status).toBe(200);
  expect(r.body).toContain('<title>Médiane</title>');
  const call = await exchange([
    crlf(
      [
        'POST /rpc/app.status HTTP/1.1',
        `Host: ${hostHeader}`,
        `Cookie: ${cookie}`,
        'X-Mediane-Rpc: 1',
        'Content-Type: application/json',
        'Content-Length: 2',
        'Connection: close',
      ],
      '{}',
    ),
  ]);
  expect(call.status).toBe(200);
  expect(JSON.parse(call.body)).toMatchObject({ ok: true });
}

function expectRefusedOrClosed(r: RawReply, what: string): void {
  if (r.status !== null) {
    expect(r.status, what).toBeGreaterThanOrEqual(200);
    expect(r.status, what).toBeLessThan(500);
  }
}

beforeAll(async () => {
  core = openCore();
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>Médiane</title></head><body></body></html>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startInProcessHost(core.handlers, rendererDir);
  hostHeader = `127.0.0.1:${host.port}`;
  cookie = await credential(host.launchUrl);
});
afterAll(async () => {
  await host.close();
  core.close();
  removeTempDirs();
});

describe('browser-mode host, HTTP layer', () => {
  it('answers 400 to request targets that are not a plain path, and keeps serving', async () => {
    const targets = [
      'http://a:99999/', // the request that used to stop the host
      `http://${'127.0.0.1'}:${'1'}/`,
      'https://[::1/',
      '127.0.0.1:80', // authority-form
      '*',
      'journal',
      '',
      '/%',
      '/%E0%A4%A',
      '/%00',
      '/a%0d%0aSet-Cookie:%20x=1',
      `/${'a'.repeat(3000)}`,
    ];
    for (const target of targets) {
      const r = await exchange([crlf([`GET ${target} HTTP/1.1`, `Host: ${hostHeader}`])]);
      expect(r.status, target).toBe(400);
      expect(r.head.toLowerCase(), target).toContain('x-content-type-options: nosniff');
      await healthy();
    }
    for (const method of ['OPTIONS', 'CONNECT']) {
      const r = await exchange([
        crlf([`${method} ${method === 'CONNECT' ? '127.0.0.1:80' : '*'} HTTP/1.1`, `Host: ${hostHeader}`]),
      ]);
      expect(r.status, method).toBeGreaterThanOrEqual(400);
      expect(r.status, method).toBeLessThan(500);
      await healthy();
    }
  });

  it('refuses malformed request lines and headers with 4xx, and keeps serving', async () => {
    const cases: Array<[string, string | Buffer]> = [
      ['garbage', 'hello\r\n\r\n'],
      ['no version', 'GET /\r\n\r\n'],
      ['bad version', `GET / HTTP/9.9\r\nHost: ${hostHeader}\r\n\r\n`],
      ['unknown method', `BREW / HTTP/1.1\r\nHost: ${hostHeader}\r\n\r\n`],
      ['lowercase method', `get / HTTP/1.1\r\nHost: ${hostHeader}\r\n\r\n`],
      ['NUL in request line', Buffer.from(`GET /\0 HTTP/1.1\r\nHost: ${hostHeader}\r\n\r\n`, 'latin1')],
      ['NUL in header', Buffer.from(`GET / HTTP/1.1\r\nHost: ${hostHeader}\r\nX-A: a\0b\r\n\r\n`, 'latin1')],
      ['space before colon', `GET / HTTP/1.1\r\nHost : ${hostHeader}\r\n\r\n`],
      ['header without colon', `GET / HTTP/1.1\r\nHost: ${hostHeader}\r\nnonsense\r\n\r\n`],
      ['obsolete line folding', `GET / HTTP/1.1\r\nHost: ${hostHeader}\r\nX-A: a\r\n b\r\n\r\n`],
      ['no Host', 'GET / HTTP/1.1\r\n\r\n'],
      ['two Hosts', `GET / HTTP/1.1\r\nHost: ${hostHeader}\r\nHost: evil.example\r\n\r\n`],
      ['wrong Host', 'GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n'],
      ['Host without port', 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
      [
        'two lengths',
        `POST /rpc/app.status HTTP/1.1\r\nHost: ${hostHeader}\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
      ],
      [
        'length and chunked',
        `POST /rpc/app.status HTTP/1.1\r\nHost: ${hostHeader}\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}`,
      ],
      ['negative length', `POST /rpc/app.status HTTP/1.1\r\nHost: ${hostHeader}\r\nContent-Length: -1\r\n\r\n`],
      [
        'bad chunk size',
        `POST /rpc/app.status HTTP/1.1\r\nHost: ${hostHeader}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
      ],
      ['huge headers', `GET / HTTP/1.1\r\nHost: ${hostHeader}\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`],
    ];
    for (const [what, bytes] of cases) {
      const r = await exchange([bytes]);
      expect(r.status, what).not.toBeNull();
      expect(r.status, what).toBeGreaterThanOrEqual(400);
      expect(r.status, what).toBeLessThan(500);
      await healthy();
    }
    // An upgrade nobody serves is an ordinary request.
    const upgrade = await exchange([
      crlf(['GET / HTTP/1.1', `Host: ${hostHeader}`, 'Connection: Upgrade', 'Upgrade: websocket']),
    ]);
    expect(upgrade.status).toBe(200);
    await healthy();
    expect(host.errors).toEqual([]);
  });

  it('copes with truncated, oversized and slow requests', async () => {
    const before = fingerprint(core.db);
    const rpcHead = (extra: string[]) => [
      'POST /rpc/journal.create HTTP/1.1',
      `Host: ${hostHeader}`,
      `Cookie: ${cookie}`,
      'X-Mediane-Rpc: 1',
      'Content-Type: application/json',
      ...extra,
    ];
    // A body shorter than announced, then the client goes away.
    expectRefusedOrClosed(
      await exchange([crlf(rpcHead(['Content-Length: 100']), '{"kind":')], { halfClose: true }),
      'truncated body',
    );
    await healthy();
    // Headers cut in the middle.
    expectRefusedOrClosed(
      await exchange([`GET / HTTP/1.1\r\nHost: ${hostHeader}\r\nX-Cut: `], { halfClose: true }),
      'truncated headers',
    );
    await healthy();
    // An announced length far over what the host ever drains: refused at once.
    const huge = await exchange([crlf(rpcHead([`Content-Length: ${1_000 * MAX_REQUEST_BYTES}`, 'Connection: close']))]);
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toEqual({
      ok: false,
      error: { code: 'invalid_input', messageKey: 'errors.tooLarge' },
    });
    await healthy();
    // Over the cap, chunked: read to its end, then 413 with the typed error (not a reset).
    const chunk = 'x'.repeat(16 * 1024);
    const chunks = Array.from({ length: 6 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const chunked = await exchange([
      crlf(rpcHead(['Transfer-Encoding: chunked', 'Connection: close'])),
      ...chunks,
      '0\r\n\r\n',
    ]);
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toMatchObject({ ok: false, error: { messageKey: 'errors.tooLarge' } });
    await healthy();
    // A slow client, byte by byte, does not hold up anyone else; it is served when it finally finishes.
    const slow = crlf(['GET /assets/app.js HTTP/1.1', `Host: ${hostHeader}`, 'Connection: close']);
    const parts = [slow.slice(0, 5), slow.slice(5, 9), slow.slice(9, 30), slow.slice(30)];
    const reply = await exchange(parts, { between: healthy });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('console.log(1)');
    // Several requests on one connection (keep-alive, pipelined), one of them malformed.
    const pipelined = await exchange(
      [
        crlf(['GET / HTTP/1.1', `Host: ${hostHeader}`]) +
          crlf(['GET http://a:99999/ HTTP/1.1', `Host: ${hostHeader}`]) +
          crlf(['GET /assets/app.js HTTP/1.1', `Host: ${hostHeader}`, 'Connection: close']),
      ],
      { untilClose: true },
    );
    expect(pipelined.status).toBe(200);
    expect(pipelined.body).toMatch(/HTTP\/1\.1 400 /);
    await healthy();
    expect(fingerprint(core.db)).toEqual(before);
    expect(host.errors).toEqual([]);
  });

  it('survives random request lines, headers and bodies (property)', async () => {
    const before = fingerprint(core.db);
    const token = fc.stringMatching(/^[!-~]{0,12}$/);
    const method = fc.oneof(
      fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE'),
      token,
    );
    const target = fc.oneof(
      fc.constantFrom(
        '/',
        '/index.html',
        '/rpc/app.status',
        '/rpc/journal.create',
        '/launch/00',
        '*',
        'http://a:99999/',
        '//x',
        '/assets/app.js',
      ),
      fc.string({ maxLength: 40 }).map((s) => `/${s}`),
      // Percent-escapes, sometimes cut short ("%E0%A4%A").
      fc
        .tuple(fc.string({ unit: 'binary', maxLength: 40 }), fc.boolean())
        .map(([s, cut]) => `/${cut ? encodeURIComponent(s).slice(0, -1) : encodeURIComponent(s)}`),
      fc.string({ maxLength: 30 }),
    );
    const version = fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 x', '');
    const header = fc.oneof(
      fc.constantFrom(
        `Host: ${hostHeader}`,
        'Host: evil.example',
        `Cookie: ${cookie}`,
        'X-Mediane-Rpc: 1',
        'Content-Type: application/json',
        'Transfer-Encoding: chunked',
        'Expect: 100-continue',
        'Connection: keep-alive',
        'Upgrade: websocket',
      ),
      fc.nat({ max: 200 }).map((n) => `Content-Length: ${n}`),
      fc.tuple(token, fc.string({ maxLength: 20 })).map(([k, v]) => `${k}: ${v}`),
    );
    const body = fc.oneof(fc.constant(''), fc.json({ maxDepth: 2 }), fc.string({ unit: 'binary', maxLength: 120 }));
    await fc.assert(
      fc.asyncProperty(method, target, version, fc.array(header, { maxLength: 6 }), body, async (m, t, v, hs, b) => {
        const text = `${m} ${t} ${v}\r\n${[`Host: ${hostHeader}`, ...hs].join('\r\n')}\r\n\r\n${b}`;
        expectRefusedOrClosed(await exchange([Buffer.from(text, 'utf8')], { halfClose: true }), text.slice(0, 200));
        await healthy();
      }),
      { numRuns: 150 },
    );
    expect(fingerprint(core.db)).toEqual(before);
    expect(host.errors).toEqual([]);
  });
});
