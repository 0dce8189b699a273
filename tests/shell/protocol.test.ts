import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { createProtocolHandler, requestedPath } from '../../main/app/protocol';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

// SECURITY.md, rules 1 and 3: app:// serves only the built renderer, with the app's CSP, and nothing outside it.

const ROOT = resolve('/srv/mediane/out/renderer');
const FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>Médiane</title>',
  'assets/index-abc.js': 'console.log(1)',
  'assets/index-abc.css': 'body{}',
  'assets/marianne.woff2': 'font',
};

function setup() {
  const readFile = vi.fn(async (path: string) => {
    const rel = path.startsWith(ROOT + sep)
      ? path
          .slice(ROOT.length + 1)
          .split(sep)
          .join('/')
      : null;
    const content = rel !== null ? FILES[rel] : undefined;
    if (content === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return new TextEncoder().encode(content);
  });
  return { readFile, handle: createProtocolHandler({ rootDir: ROOT, readFile }) };
}

describe('app:// protocol handler', () => {
  it('serves index.html with the CSP header exactly equal to shared/security.ts', async () => {
    const { handle } = setup();
    const res = await handle({ url: 'app://mediane/index.html', method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('Médiane');
  });

  it('sends the CSP on every response, assets and refusals included', async () => {
    const { handle } = setup();
    for (const url of ['app://mediane/assets/index-abc.js', 'app://mediane/assets/nope.js', 'app://other/index.html']) {
      const res = await handle({ url });
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('serves assets with their types', async () => {
    const { handle } = setup();
    expect((await handle({ url: 'app://mediane/assets/index-abc.js' })).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await handle({ url: 'app://mediane/assets/index-abc.css' })).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect((await handle({ url: 'app://mediane/assets/marianne.woff2' })).headers.get('content-type')).toBe(
      'font/woff2',
    );
  });

  it('maps / and app routes to the page, and missing assets to 404', async () => {
    const { handle } = setup();
    expect(await (await handle({ url: 'app://mediane/' })).text()).toContain('Médiane');
    expect(await (await handle({ url: 'app://mediane/journal/today' })).text()).toContain('Médiane');
    expect((await handle({ url: 'app://mediane/assets/missing.js' })).status).toBe(404);
  });

  it.each([
    'app://mediane/..%2f..%2f..%2fetc%2fpasswd',
    'app://mediane/assets/..%2F..%2F..%2Fsecret.txt',
    'app://mediane/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://mediane/assets%5c..%5c..%5csecret.txt',
    'app://mediane/..%5c..%5csecret.txt',
    'app://mediane/C:%2fWindows%2fwin.ini',
    'app://mediane/index.html%00.png',
    'app://mediane/index.html::$DATA',
    'app://mediane/%E0%A4%A',
  ])('refuses path traversal and odd paths: %s', async (url) => {
    const { handle, readFile } = setup();
    const res = await handle({ url });
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('');
    expect(readFile).not.toHaveBeenCalled();
  });

  it('never reads outside the renderer folder, even for literal dot segments', async () => {
    const { handle, readFile } = setup();
    // The URL parser resolves literal "..": this asks for app://mediane/etc/passwd, inside the root, not found.
    await handle({ url: 'app://mediane/../../../etc/passwd' });
    for (const [path] of readFile.mock.calls) expect(path.startsWith(ROOT + sep)).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'app://mediane.evil.com/index.html',
    'app://user:pass@mediane/index.html',
    'app://mediane:8080/index.html',
    'https://mediane/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses unknown hosts and schemes: %s', async (url) => {
    const { handle, readFile } = setup();
    expect((await handle({ url })).status).toBe(403);
    expect(readFile).not.toHaveBeenCalled();
  });

  it('answers only GET and HEAD', async () => {
    const { handle } = setup();
    expect((await handle({ url: 'app://mediane/index.html', method: 'POST' })).status).toBe(405);
    const head = await handle({ url: 'app://mediane/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('requestedPath keeps normal nested asset paths', () => {
    expect(requestedPath('app://mediane/assets/fonts/Spectral-Regular.woff2')).toBe(
      join('assets/fonts/Spectral-Regular.woff2').split(sep).join('/'),
    );
    expect(requestedPath('app://mediane/')).toBe('index.html');
  });

  const built = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'out', 'renderer');
  it.skipIf(!existsSync(join(built, 'index.html')))(
    'serves the real renderer build: the page and every asset it references',
    async () => {
      const handle = createProtocolHandler({ rootDir: built, readFile: (p) => readFile(p) });
      const page = await handle({ url: 'app://mediane/index.html' });
      expect(page.status).toBe(200);
      const html = await page.text();
      const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) {
        const res = await handle({ url: new URL(ref, 'app://mediane/index.html').href });
        expect(res.status, ref).toBe(200);
        expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      }
      // The CSP allows no inline script: the page must have none.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    },
  );
});
