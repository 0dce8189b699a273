import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

// SECURITY.md, rule 2: the renderer is an untrusted web page with no Node, in its own isolated world and in
// Chromium's sandbox; the preload is the only bridge. Built here (no Electron import at runtime) so the exact
// values are unit-tested.

export interface WindowOptionsInput {
  preloadPath: string;
  /** PNG icon for Linux window managers; Windows and macOS take theirs from the packaged executable. */
  iconPath?: string;
  /** Developer tools: development runs only; a packaged app has none. */
  devTools?: boolean;
}

export function secureWebPreferences(preloadPath: string, devTools = false): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // Chromium's spellchecker downloads dictionaries from Google: Médiane stays offline.
    spellcheck: false,
    devTools,
    safeDialogs: true,
  };
}

export function createWindowOptions({
  preloadPath,
  iconPath,
  devTools,
}: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Médiane',
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    // Shown on 'ready-to-show' to avoid a white flash.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: secureWebPreferences(preloadPath, devTools),
  };
}
