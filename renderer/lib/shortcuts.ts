import { useEffect, useRef, useSyncExternalStore } from 'react';

// Keyboard shortcuts: one listener on the window, one registry that the help panel (`?`) lists. A screen registers
// its shortcuts while it is mounted, so the help always shows what works on the screen in front of the user.
// A shortcut never fires while the user types in a text field unless it says so (`inFields`): Ctrl+Enter to save
// and Escape to cancel are meant for forms; Alt+letter and `?` would steal characters there.
// Keys avoid what browsers keep for themselves (Ctrl+N, Ctrl+T, Ctrl+W, Alt+F/E menus, Alt+digits tabs).
// Shortcuts of one printable character (`?`, `/`, 1-9, `=`) can be turned off from the help panel (WCAG 2.1.4: a stray
// key, or a speech-input user's word, must not act); shortcuts with a modifier, Enter or Escape always stay.

/** "Alt+N", "Mod+Enter" (Ctrl, or Cmd on a Mac), "Escape", "?". */
export type ShortcutKeys = string;

export interface ShortcutOptions {
  /** Also fires while the focus is in a text field (only for Mod+ combinations and Escape). */
  inFields?: boolean;
  /** False holds the shortcut back (and off the help list). */
  enabled?: boolean;
}

export interface RegisteredShortcut {
  id: number;
  keys: ShortcutKeys;
  /** i18n key with its namespace ("common:shortcuts.help"). */
  description: string;
  inFields: boolean;
  run(): void;
}

// A display preference of this computer, not data of the journal, like the editor's folded sections.
export const SINGLE_KEY_STORAGE_KEY = 'mediane.shortcuts.singleKey';

/** True for a shortcut of one printable character and no modifier ("?", "1", "="), which 2.1.4 lets the user turn off. */
export function isSingleKey(keys: ShortcutKeys): boolean {
  const p = parse(keys);
  return !p.mod && !p.alt && p.key.length === 1;
}

function readSingleKey(): boolean {
  try {
    // On unless turned off: anything else (nothing stored, a value written by hand) keeps the default.
    return window.localStorage.getItem(SINGLE_KEY_STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

let singleKeyOn: boolean | null = null;
const preferenceListeners = new Set<() => void>();

/** Whether single-key shortcuts act on this computer (read once from storage, then kept here). */
export function singleKeyShortcutsOn(): boolean {
  if (singleKeyOn === null) singleKeyOn = typeof window === 'undefined' ? true : readSingleKey();
  return singleKeyOn;
}

/** Turns single-key shortcuts on or off, and remembers it on this computer. */
export function setSingleKeyShortcuts(on: boolean): void {
  singleKeyOn = on;
  try {
    window.localStorage.setItem(SINGLE_KEY_STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // A preference that cannot be kept still holds until the app closes.
  }
  for (const l of preferenceListeners) l();
}

/** Forgets the value read from storage, as a restart does (for tests that check the choice survives a reload). */
export function reloadSingleKeyPreference(): void {
  singleKeyOn = null;
  for (const l of preferenceListeners) l();
}

function subscribePreference(l: () => void) {
  preferenceListeners.add(l);
  return () => preferenceListeners.delete(l);
}

/** Whether single-key shortcuts act, followed as the user changes it. */
export function useSingleKeyShortcuts(): boolean {
  return useSyncExternalStore(subscribePreference, singleKeyShortcutsOn, () => true);
}

let registry: RegisteredShortcut[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function changed() {
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'time',
  'datetime-local',
  'month',
  'week',
]);

/** True when keys typed there are text (or a value being chosen), which a shortcut must not take. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type);
  return target.getAttribute('role') === 'combobox' || target.getAttribute('role') === 'textbox';
}

interface Parsed {
  mod: boolean;
  alt: boolean;
  shift: boolean;
  key: string;
}

function parse(keys: ShortcutKeys): Parsed {
  const parts = keys.split('+');
  // "Mod++" would be the plus key: the last part is always the key.
  const key = parts.pop() || '+';
  return { mod: parts.includes('Mod'), alt: parts.includes('Alt'), shift: parts.includes('Shift'), key };
}

/** Whether a key event is this shortcut. Letters and digits are matched by their physical key when Alt is held,
 * because Alt+letter types another character on a Mac keyboard. */
export function matches(
  keys: ShortcutKeys,
  e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): boolean {
  const p = parse(keys);
  const mod = e.ctrlKey || e.metaKey;
  if (p.mod !== mod || p.alt !== e.altKey) return false;
  const printable = p.key.length === 1;
  // A printable character already says whether Shift was held ("?" is Shift+, on most layouts).
  if (!printable && p.shift !== e.shiftKey) return false;
  if (printable && /[a-z0-9]/i.test(p.key)) {
    if (p.shift !== e.shiftKey) return false;
    const code = /[0-9]/.test(p.key) ? `Digit${p.key}` : `Key${p.key.toUpperCase()}`;
    return e.code === code || e.key.toLowerCase() === p.key.toLowerCase();
  }
  return e.key === p.key;
}

/** The keys as a person reads them ("Alt + N", "Ctrl + Entrée" is left to the caller's translation of names). */
export function keyParts(keys: ShortcutKeys): string[] {
  const p = parse(keys);
  const out: string[] = [];
  if (p.mod) out.push(isMac() ? '⌘' : 'Ctrl');
  if (p.alt) out.push(isMac() ? '⌥' : 'Alt');
  if (p.shift) out.push('Shift');
  out.push(p.key.length === 1 ? p.key.toUpperCase() : p.key);
  return out;
}

/** The value of aria-keyshortcuts for these keys. */
export function ariaKeys(keys: ShortcutKeys): string {
  const p = parse(keys);
  return [
    p.mod ? (isMac() ? 'Meta' : 'Control') : null,
    p.alt ? 'Alt' : null,
    p.shift ? 'Shift' : null,
    p.key.length === 1 ? p.key.toUpperCase() : p.key,
  ]
    .filter(Boolean)
    .join('+');
}

function onKeyDown(e: KeyboardEvent) {
  // A control that handled the key itself (a combobox closing on Escape, the editor's own Ctrl+Enter) wins.
  if (e.defaultPrevented || e.isComposing) return;
  const typing = isTypingTarget(e.target);
  // The latest registration wins: a screen's shortcut over the shell's for the same keys.
  for (let i = registry.length - 1; i >= 0; i--) {
    const s = registry[i]!;
    if (!matches(s.keys, e)) continue;
    // Turned off: the key is left to the page, as if no shortcut had it.
    if (!singleKeyShortcutsOn() && isSingleKey(s.keys)) return;
    if (typing && !s.inFields) return;
    e.preventDefault();
    s.run();
    return;
  }
}

let installed = false;
function install() {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener('keydown', onKeyDown);
}

/** Registers a shortcut while the calling component is mounted. `run` may change on every render. */
export function useShortcut(
  keys: ShortcutKeys,
  description: string,
  run: () => void,
  options: ShortcutOptions = {},
): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  const enabled = options.enabled ?? true;
  const inFields = options.inFields ?? false;
  useEffect(() => {
    if (!enabled) return;
    install();
    const entry: RegisteredShortcut = { id: nextId++, keys, description, inFields, run: () => latest.current() };
    registry = [...registry, entry];
    changed();
    return () => {
      registry = registry.filter((s) => s !== entry);
      changed();
    };
  }, [keys, description, inFields, enabled]);
}

/** Every shortcut that works now, once per keys (the one that would fire), in the order they were registered. */
export function activeShortcuts(): RegisteredShortcut[] {
  const seen = new Set<string>();
  const out: RegisteredShortcut[] = [];
  for (let i = registry.length - 1; i >= 0; i--) {
    const s = registry[i]!;
    if (seen.has(s.keys)) continue;
    seen.add(s.keys);
    out.unshift(s);
  }
  return out;
}

/** The shortcuts that work now, followed as screens register and unregister theirs. */
export function useActiveShortcuts(): RegisteredShortcut[] {
  const snapshot = useSyncExternalStore(subscribe, () => registry);
  // activeShortcuts() reads the same registry the snapshot stands for.
  void snapshot;
  return activeShortcuts();
}

/** The shortcuts every screen documents, in one place so the shell, the screens and the help agree. */
export const SHORTCUTS = {
  help: '?',
  search: 'Mod+K',
  searchSlash: '/',
  newSession: 'Alt+N',
  timer: 'Alt+T',
  journal: 'Alt+J',
  followUps: 'Alt+S',
  site: 'Alt+L',
  lock: 'Alt+Shift+L',
  save: 'Mod+Enter',
  cancel: 'Escape',
} as const;
