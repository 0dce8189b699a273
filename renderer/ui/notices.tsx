import { useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

// Short confirmations of an action ("Séance supprimée", with an undo button). One notice at a time, in a polite
// status region that is always in the page, so screen readers announce it when its text appears.
// A notice leaves by itself after about ten seconds, but never while the pointer or the keyboard focus is on it,
// so nobody loses the undo button while reaching for it.

export interface NoticeAction {
  label: string;
  run(): void | Promise<void>;
}

export interface Notice {
  id: number;
  message: string;
  tone: 'success' | 'info';
  action?: NoticeAction;
  /** Move the keyboard focus to the action button as the notice appears (the control used is gone). */
  focusAction?: boolean;
  /** Where the focus goes when the notice is closed while it holds the focus. */
  returnFocus?(): void;
}

export const NOTICE_MS = 10_000;

interface State {
  notice: Notice | null;
  regions: string[];
}

let state: State = { notice: null, regions: [] };
let nextId = 1;
const listeners = new Set<() => void>();

function set(next: Partial<State>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

export function showNotice(notice: Omit<Notice, 'id'>): number {
  const id = nextId++;
  set({ notice: { ...notice, id } });
  return id;
}

/** The notice on show, if any. */
export function currentNotice(): Notice | null {
  return state.notice;
}

/** Closes the given notice (or whichever is shown). */
export function dismissNotice(id?: number): void {
  if (state.notice && (id === undefined || state.notice.id === id)) set({ notice: null });
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/**
 * The place where notices show. Several may be mounted (a page's own and, later, one in the app shell): only the
 * first one mounted and still present renders the notice, so it never appears twice.
 */
export function NoticeRegion() {
  const { t } = useTranslation('common');
  const region = useId();
  const snapshot = useSyncExternalStore(subscribe, () => state);
  const notice = snapshot.regions[0] === region ? snapshot.notice : null;
  const [paused, setPaused] = useState({ hover: false, focus: false });
  const box = useRef<HTMLDivElement>(null);
  const actionButton = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    set({ regions: [...state.regions, region] });
    return () => set({ regions: state.regions.filter((r) => r !== region) });
  }, [region]);

  useEffect(() => {
    if (notice?.focusAction) actionButton.current?.focus();
  }, [notice]);

  const held = paused.hover || paused.focus;
  useEffect(() => {
    if (!notice || held) return;
    const timer = window.setTimeout(() => dismissNotice(notice.id), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice, held]);

  function close() {
    if (!notice) return;
    const hadFocus = box.current?.contains(document.activeElement) ?? false;
    dismissNotice(notice.id);
    setPaused({ hover: false, focus: false });
    if (hadFocus) notice.returnFocus?.();
  }

  // Escape closes the notice from either of its buttons.
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    }
  }

  async function runAction() {
    if (!notice?.action || busy) return;
    setBusy(true);
    try {
      await notice.action.run();
    } finally {
      setBusy(false);
      setPaused({ hover: false, focus: false });
    }
  }

  return (
    <div
      role="status"
      className="mediane-notice-region"
      ref={box}
      onMouseEnter={() => setPaused((p) => ({ ...p, hover: true }))}
      onMouseLeave={() => setPaused((p) => ({ ...p, hover: false }))}
      onFocus={() => setPaused((p) => ({ ...p, focus: true }))}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setPaused((p) => ({ ...p, focus: false }));
      }}
    >
      {notice && (
        <div className={`fr-alert fr-alert--${notice.tone} fr-alert--sm fr-mb-3w`}>
          <p>{notice.message}</p>
          {notice.action && (
            <button
              ref={actionButton}
              type="button"
              className="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w"
              onClick={() => void runAction()}
              onKeyDown={onKeyDown}
              aria-disabled={busy || undefined}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className="fr-btn--close fr-btn" title={t('notices.close')} onClick={close} onKeyDown={onKeyDown}>
            {t('notices.close')}
          </button>
        </div>
      )}
    </div>
  );
}
