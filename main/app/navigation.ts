import { OFFICIAL_DOMAINS as GUIDE_DOMAINS } from '../../shared/guides/official-domains';

// SECURITY.md, rule 4: the window never leaves the app. In-window navigation to another origin is cancelled, new
// windows are never created, and a link to an official service opens in the user's own browser through
// shell.openExternal only when it is https on the allowlist below. No 'electron' import: index.ts passes the real
// webContents and shell.openExternal, tests pass fakes.

/**
 * Official sites the guides link to; each also covers its subdomains (www.service-public.fr, www.caf.fr...). One
 * list for the guides' validation and the shell: shared/guides/official-domains.ts.
 */
export const OFFICIAL_DOMAINS: readonly string[] = Object.freeze([...GUIDE_DOMAINS]);

/**
 * The normalised URL to hand to the system browser, or null when the link must be refused: anything but https
 * (http, javascript:, file:, data:, custom schemes), credentials in the URL, a non-default port, or a host that
 * is not an allowlisted domain or one of its subdomains ("service-public.fr.evil.com" is refused).
 */
export function externalUrlToOpen(url: string, domains: readonly string[] = OFFICIAL_DOMAINS): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.username || u.password || (u.port !== '' && u.port !== '443')) return null;
  const host = u.hostname.toLowerCase();
  const allowed = domains.some((d) => host === d || host.endsWith(`.${d}`));
  return allowed ? u.href : null;
}

export interface PreventableEventLike {
  preventDefault(): void;
}

export type WindowOpenResponse = { action: 'deny' };

/** What Electron passes to 'will-frame-navigate' (an event carrying the navigation's details). */
export interface FrameNavigationEventLike extends PreventableEventLike {
  url: string;
  isMainFrame: boolean;
}

/** The part of Electron's WebContents the guards use. */
export interface GuardedContentsLike {
  on(event: 'will-navigate', listener: (event: PreventableEventLike, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: FrameNavigationEventLike) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEventLike, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEventLike) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void;
}

export interface NavigationGuardOptions {
  /** Whether a URL is the app's own page (app://mediane, or the dev server in development). */
  isAppUrl(url: string): boolean;
  /** shell.openExternal. */
  openExternal(url: string): Promise<void> | void;
  domains?: readonly string[];
  log?: { warn(message: string): void };
}

function openIfAllowed(url: string, opts: NavigationGuardOptions): boolean {
  const target = externalUrlToOpen(url, opts.domains);
  if (target === null) {
    opts.log?.warn(`[mediane] refused to open ${describe(url)}`);
    return false;
  }
  try {
    void Promise.resolve(opts.openExternal(target)).catch(() =>
      opts.log?.warn('[mediane] the system browser did not open'),
    );
  } catch {
    opts.log?.warn('[mediane] the system browser did not open');
  }
  return true;
}

// Logs carry the scheme and host only: a URL's path or query may hold something the user typed.
function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'an invalid URL';
  }
}

/** Will-navigate / will-redirect handler: same app origin passes, everything else is cancelled. */
export function guardNavigation(contents: GuardedContentsLike, opts: NavigationGuardOptions): void {
  contents.on('will-navigate', (event, url) => {
    if (opts.isAppUrl(url)) return;
    event.preventDefault();
    // A plain link to an official site: the user meant to read it, in their own browser.
    openIfAllowed(url, opts);
  });
  contents.on('will-redirect', (event, url) => {
    if (opts.isAppUrl(url)) return;
    event.preventDefault();
  });
  // will-navigate only sees the main frame. The app has no frames of its own, so a frame (an injected iframe, say)
  // may only ever show the app origin; it never opens the system browser, since no user asked for it.
  contents.on('will-frame-navigate', (event) => {
    if (opts.isAppUrl(event.url)) return;
    event.preventDefault();
    if (!event.isMainFrame) opts.log?.warn(`[mediane] refused a frame navigation to ${describe(event.url)}`);
  });
}

/** window.open and target=_blank: never a new Electron window; allowlisted https links go to the system browser. */
export function guardWindowOpen(contents: GuardedContentsLike, opts: NavigationGuardOptions): void {
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url, opts);
    return { action: 'deny' };
  });
}

/** <webview> is off in webPreferences; this also cancels any attempt to attach one. */
export function guardWebviews(contents: GuardedContentsLike): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** All three guards on one webContents. */
export function guardContents(contents: GuardedContentsLike, opts: NavigationGuardOptions): void {
  guardNavigation(contents, opts);
  guardWindowOpen(contents, opts);
  guardWebviews(contents);
}

export interface AppEventsLike {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContentsLike) => void): unknown;
}

/**
 * Guards every webContents the app ever creates (the main window's and any other), as soon as it exists:
 * Electron's recommended place for navigation, window-open and webview rules.
 */
export function guardAllWebContents(app: AppEventsLike, opts: NavigationGuardOptions): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, opts));
}
