import { OFFICIAL_DOMAINS as GUIDE_DOMAINS } from '../../shared/guides/official-domains';
import { describe, expect, it, vi } from 'vitest';
import {
  externalUrlToOpen,
  guardAllWebContents,
  guardContents,
  OFFICIAL_DOMAINS,
  type GuardedContentsLike,
} from '../../main/app/navigation';
import { createOriginCheck, isAppUrl } from '../../main/app/origin';
import { FakeEmitter } from './fakes';

// SECURITY.md, rule 4: no navigation away from the app, no new window, external links only to official https sites,
// in the system browser. And no <webview> can be attached.

function setup(devServerUrl?: string) {
  const contents = new FakeEmitter();
  const openExternal = vi.fn(async () => undefined);
  const warn = vi.fn();
  guardContents(contents as unknown as GuardedContentsLike, {
    isAppUrl: createOriginCheck(devServerUrl),
    openExternal,
    log: { warn },
  });
  return { contents, openExternal, warn };
}

const ALLOWED = [
  'https://www.service-public.fr/particuliers/vosdroits/F1234',
  'https://service-public.fr/',
  'https://www.caf.fr/allocataires',
  'https://www.ameli.fr/assure',
  'https://www.impots.gouv.fr/particulier',
  'https://ants.gouv.fr/',
  'https://www.francetravail.fr/accueil/',
  'https://www.info-retraite.fr/',
  'https://www.lassuranceretraite.fr/',
  'https://www.msa.fr/lfy',
  'https://franceconnect.gouv.fr/',
  'https://www.laposte.fr/',
  'https://www.justice.fr/',
  'https://WWW.CAF.FR/Upper',
  'https://www.caf.fr:443/port',
];

const REFUSED = [
  'http://www.service-public.fr/',
  'https://www.example.com/',
  'https://service-public.fr.evil.com/',
  'https://evilservice-public.fr/',
  'https://caf.fr@evil.com/',
  'https://user:pw@www.caf.fr/',
  'https://www.caf.fr:8443/',
  'https://www.service-public.fr./',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'mailto:someone@caf.fr',
  'ms-msdt:/id PCWDiagnostic',
  'smb://caf.fr/share',
  'app://mediane/index.html',
  'not a url',
  '',
];

describe('external link allowlist', () => {
  it('covers the official domains of the brief, and every domain the guides may link to', () => {
    expect([...OFFICIAL_DOMAINS].sort()).toEqual([...GUIDE_DOMAINS].sort());
    expect(OFFICIAL_DOMAINS).toEqual(
      expect.arrayContaining([
        'service-public.fr',
        'caf.fr',
        'ameli.fr',
        'impots.gouv.fr',
        'ants.gouv.fr',
        'francetravail.fr',
        'info-retraite.fr',
        'lassuranceretraite.fr',
        'msa.fr',
        'franceconnect.gouv.fr',
        'laposte.fr',
        'justice.fr',
      ]),
    );
  });
  it.each(ALLOWED)('opens %s', (url) => expect(externalUrlToOpen(url)).not.toBeNull());
  it.each(REFUSED)('refuses %s', (url) => expect(externalUrlToOpen(url)).toBeNull());
});

describe('will-navigate / will-redirect', () => {
  it('lets the app navigate within its own origin', () => {
    const { contents } = setup();
    expect(contents.navigate('will-navigate', 'app://mediane/index.html')).toBe(false);
    expect(contents.navigate('will-navigate', 'app://mediane/journal')).toBe(false);
    expect(contents.navigate('will-redirect', 'app://mediane/index.html')).toBe(false);
  });

  it.each([
    'https://www.example.com/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://evil/',
    'about:blank',
    'javascript:alert(1)',
  ])('prevents navigation to %s and does not open it', (url) => {
    const { contents, openExternal } = setup();
    expect(contents.navigate('will-navigate', url)).toBe(true);
    expect(contents.navigate('will-redirect', url)).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('prevents in-window navigation to an official site but opens it in the system browser', () => {
    const { contents, openExternal } = setup();
    expect(contents.navigate('will-navigate', 'https://www.service-public.fr/particuliers')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://www.service-public.fr/particuliers');
  });

  it('accepts the dev server origin only when one is configured (unpackaged development)', () => {
    expect(setup('http://localhost:5173').contents.navigate('will-navigate', 'http://localhost:5173/journal')).toBe(
      false,
    );
    expect(setup('http://localhost:5173').contents.navigate('will-navigate', 'http://localhost:5174/')).toBe(true);
    // A dev server URL that is not local http is ignored.
    expect(setup('https://evil.example/').contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
  });
});

describe('will-frame-navigate (sub-frames too)', () => {
  it('keeps every frame on the app origin and never opens a frame target in the system browser', () => {
    const { contents, openExternal, warn } = setup();
    expect(contents.navigateFrame('app://mediane/index.html', false)).toBe(false);
    expect(contents.navigateFrame('app://mediane/index.html', true)).toBe(false);
    for (const url of [
      'https://www.service-public.fr/particuliers',
      'https://evil.example/',
      'file:///etc/passwd',
      'about:blank',
      'data:text/html,x',
      'app://evil/',
    ]) {
      expect(contents.navigateFrame(url, false), url).toBe(true);
      expect(contents.navigateFrame(url, true), url).toBe(true);
    }
    expect(openExternal).not.toHaveBeenCalled();
    // Logged without the path (it may hold something the user typed).
    expect(warn).toHaveBeenCalledWith('[mediane] refused a frame navigation to https://evil.example');
  });

  it('lets frames show the dev server only in development', () => {
    expect(setup('http://localhost:5173').contents.navigateFrame('http://localhost:5173/x', false)).toBe(false);
    expect(setup().contents.navigateFrame('http://localhost:5173/x', false)).toBe(true);
  });
});

describe('setWindowOpenHandler', () => {
  it('denies every new window', () => {
    const { contents } = setup();
    for (const url of [...ALLOWED, ...REFUSED, 'app://mediane/index.html']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('opens allowlisted https links with shell.openExternal', () => {
    const { contents, openExternal } = setup();
    for (const url of ALLOWED) contents.windowOpenHandler!({ url });
    expect(openExternal).toHaveBeenCalledTimes(ALLOWED.length);
    expect(openExternal).toHaveBeenCalledWith('https://www.caf.fr/Upper');
  });

  it('refuses http, non-listed and javascript: links without opening anything', () => {
    const { contents, openExternal, warn } = setup();
    for (const url of REFUSED) contents.windowOpenHandler!({ url });
    expect(openExternal).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(REFUSED.length);
    // Logs name the scheme and host, never the path or query (they may hold what the user typed).
    contents.windowOpenHandler!({ url: 'https://www.example.com/search?q=jean+dupont' });
    expect(warn.mock.calls.flat().join(' ')).not.toContain('dupont');
  });

  it('survives an openExternal failure', async () => {
    const contents = new FakeEmitter();
    const openExternal = vi.fn(async () => {
      throw new Error('no browser');
    });
    const warn = vi.fn();
    guardContents(contents as unknown as GuardedContentsLike, { isAppUrl, openExternal, log: { warn } });
    expect(contents.windowOpenHandler!({ url: 'https://www.caf.fr/' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect(warn).toHaveBeenCalledWith('[mediane] the system browser did not open');
  });
});

describe('web-contents-created guard', () => {
  it('guards every new webContents: navigation, window.open and <webview> attachment', () => {
    const app = new FakeEmitter();
    const openExternal = vi.fn();
    guardAllWebContents(app as never, { isAppUrl, openExternal });
    const contents = new FakeEmitter();
    app.emit('web-contents-created', {}, contents);
    expect(contents.navigate('will-attach-webview')).toBe(true);
    expect(contents.navigate('will-navigate', 'https://www.example.com/')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://www.example.com/' })).toEqual({ action: 'deny' });
  });
});
