import { useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';

// Short confirmations of an action ("Séance supprimée", with an undo button). One notice at a time, in a polite
// status region that is always in the page, so screen readers announce it when its text appears.
// A notice leaves by itself after about ten seconds, but never while the pointer or the keyboard focus is on it,
// so nobody loses the undo button while reaching for it.
// A notice belongs to one screen: it shows there only and goes as soon as the user moves to another one. It keeps
// its i18n key and parameters, not its text, so it reads in the language of the moment. A screen whose next action
// fails calls dismissNotice() before showing the error, so an old success never stands beside a new failure.

/** A text to show: an i18n key with its namespace ("journal:list.notices.deleted") and its parameters, which may
 * depend on the language (a formatted date). */
export interface NoticeText {
  key: string;
  params?: Record<string, unknown> | ((language: string) => Record<string, unknown>);
}

export function noticeText(text: NoticeText, language: string = i18next.language): string {
  const params = typeof text.params === 'function' ? text.params(language) : text.params;
  return String(i18next.t(text.key as never, { ...params, lng: language } as never));
}

export interface NoticeAction {
  label: NoticeText;
  run(): void | Promise<void>;
}

export interface Notice {
  id: number;
  message: NoticeText;
  /** The route (renderer/app/feature.ts) the notice belongs to; by default the one on show when it was raised. */
  screen: string | null;
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
  /** The route on show (set by the app shell), null until it says. */
  screen: string | null;
}

let state: State = { notice: null, regions: [], screen: null };
let nextId = 1;
const listeners = new Set<() => void>();

function set(next: Partial<State>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

/** Shows a notice, replacing any other; `screen` names the route it is meant for when the action then navigates. */
export function showNotice(notice: Omit<Notice, 'id' | 'screen'> & { screen?: string }): number {
  const id = nextId++;
  set({ notice: { ...notice, screen: notice.screen ?? state.screen, id } });
  return id;
}

/** The app shell says which route is on show: a notice of another screen goes. */
export function setNoticeScreen(screen: string): void {
  if (state.screen === screen) return;
  const stays = state.notice !== null && (state.notice.screen === null || state.notice.screen === screen);
  set({ screen, notice: stays ? state.notice : null });
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
  const { t, i18n } = useTranslation('common');
  const region = useId();
  const snapshot = useSyncExternalStore(subscribe, () => state);
  const mine = snapshot.regions[0] === region && snapshot.notice;
  const notice =
    mine && (snapshot.notice!.screen === null || snapshot.notice!.screen === snapshot.screen) ? snapshot.notice : null;
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
          <p>{noticeText(notice.message, i18n.language)}</p>
          {notice.action && (
            <button
              ref={actionButton}
              type="button"
              className="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w"
              onClick={() => void runAction()}
              onKeyDown={onKeyDown}
              aria-disabled={busy || undefined}
            >
              {noticeText(notice.action.label, i18n.language)}
            </button>
          )}
          <button
            type="button"
            className="fr-btn--close fr-btn"
            title={t('notices.close')}
            onClick={close}
            onKeyDown={onKeyDown}
          >
            {t('notices.close')}
          </button>
        </div>
      )}
    </div>
  );
}
