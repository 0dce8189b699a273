// The desktop app's one origin. The renderer is served from app://mediane/ by our protocol handler (never file://,
// never a remote page); navigation guards, the IPC sender check and the protocol handler all compare against it.
// No 'electron' import here: this file is shared by main/app and main/ipc and runs under plain Node in tests.

export const APP_SCHEME = 'app';
export const APP_HOST = 'mediane';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether `url` belongs to the app origin. Compared by scheme and host (not URL.origin: Node reports "null" as the
 * origin of schemes it does not know), and any credentials or port make it foreign.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  const u = parse(url);
  return !!u && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/**
 * The origins a window may show: the app origin, plus, only in an unpackaged development run started by
 * `electron-vite dev`, the local dev server it points us to (http on localhost / 127.0.0.1 only).
 */
export function createOriginCheck(devServerUrl?: string): (url: string | undefined | null) => boolean {
  const dev = devServerUrl ? parse(devServerUrl) : null;
  const devOrigin =
    dev && dev.protocol === 'http:' && (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1')
      ? dev.origin
      : null;
  return (url) => {
    if (isAppUrl(url)) return true;
    if (!devOrigin || !url) return false;
    const u = parse(url);
    return !!u && u.origin === devOrigin;
  };
}
