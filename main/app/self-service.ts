// Self-service mode in the desktop shell: the core already refuses every method but the self-service ones (and a
// reload or a restart keeps the mode, which is the core's state); this makes the window hard to leave from the
// keyboard. A kiosk window (full screen, no close or minimise), no application menu (so no accelerator: reload,
// quit, developer tools, window menu), developer tools closed as soon as they open, and the keys that reload, go
// back, close, quit or open the tools swallowed before the page sees them. OS-level escapes (Ctrl+Alt+Del, the
// Windows key, switching accounts) stay with the OS: a PC dedicated to self-service uses the OS's own kiosk
// (Windows "Assigned access") on top of this. No 'electron' import: index.ts passes the real objects, tests fakes.

/** The part of Electron's `Input` (before-input-event) the rule reads. */
export interface KeyInputLike {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

// With Ctrl or Cmd, only editing and zoom (an accessibility need) stay: copy, cut, paste, select all, undo, redo.
const EDITING_KEYS = new Set(['c', 'x', 'v', 'a', 'z', 'y', '+', '=', '-', '0']);
const NAVIGATION_KEYS = new Set(['BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome', 'BrowserSearch']);

/** Whether a key press must be swallowed in self-service mode. */
export function isBlockedInSelfService(input: KeyInputLike): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(key)) return true; // reload, tools, full screen, caret browsing…
  if (NAVIGATION_KEYS.has(key)) return true;
  if (input.control || input.meta) return !EDITING_KEYS.has(key.toLowerCase()) || input.alt;
  // Alt+Left/Right go back and forward; Alt+Home goes home; Alt+F4 is caught above (F4) when it reaches the page.
  if (input.alt && (key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) return true;
  return false;
}

export interface PreventableLike {
  preventDefault(): void;
}

export interface KioskContentsLike {
  on(event: 'before-input-event', listener: (event: PreventableLike, input: KeyInputLike) => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  closeDevTools(): void;
  isDevToolsOpened(): boolean;
}

export interface KioskWindowLike {
  webContents: KioskContentsLike;
  on(event: 'close', listener: (event: PreventableLike) => void): unknown;
  setKiosk(flag: boolean): void;
  setClosable(flag: boolean): void;
  setMinimizable(flag: boolean): void;
}

export interface SelfServiceShellOptions {
  /** Whether the core is in self-service mode now. */
  selfService(): boolean;
  /** Installs no application menu (null) or the normal one (undefined: the shell's usual choice). */
  setMenu(menu: null | undefined): void;
  /** True while the operating system ends the session (shutdown, log-off): the window may close then. */
  systemEnding(): boolean;
}

/** Guards a window for self-service mode and answers `apply()`, to call whenever the core's mode changes. */
export function guardSelfServiceWindow(win: KioskWindowLike, opts: SelfServiceShellOptions): () => void {
  win.webContents.on('before-input-event', (event, input) => {
    if (opts.selfService() && isBlockedInSelfService(input)) event.preventDefault();
  });
  win.webContents.on('devtools-opened', () => {
    if (opts.selfService()) win.webContents.closeDevTools();
  });
  win.on('close', (event) => {
    if (opts.selfService() && !opts.systemEnding()) event.preventDefault();
  });
  let applied: boolean | null = null;
  const apply = () => {
    const on = opts.selfService();
    if (on === applied) return;
    applied = on;
    win.setKiosk(on);
    win.setClosable(!on);
    win.setMinimizable(!on);
    opts.setMenu(on ? null : undefined);
    if (on && win.webContents.isDevToolsOpened()) win.webContents.closeDevTools();
  };
  apply();
  return apply;
}
