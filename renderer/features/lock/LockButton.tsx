import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAppStatus } from '../../app/status';
import { ariaKeys, SHORTCUTS, useShortcut } from '../../lib/shortcuts';

/** The user's activity is reported at most this often: the idle delay is counted in minutes. */
export const ACTIVITY_REPORT_MS = 20_000;
/** How often the lock's state is read while the app is open, so the lock screen shows soon after the idle time. */
export const LOCK_POLL_MS = 10_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * While a PIN is set and the app is open: reports the user's activity to the core (which alone decides when the idle
 * time has passed), reads the lock's state on a timer, and locks on demand (header button, Alt+Shift+L).
 */
function LockWatch() {
  const { t } = useTranslation('lock');
  const { refresh } = useAppStatus();
  const lastReport = useRef(0);

  async function lockNow() {
    await api('lock.lock', {}).catch(() => undefined);
    await refresh();
  }
  useShortcut(SHORTCUTS.lock, 'lock:shortcut', () => void lockNow());

  useEffect(() => {
    const report = () => {
      const now = Date.now();
      if (now - lastReport.current < ACTIVITY_REPORT_MS) return;
      lastReport.current = now;
      // A refused report (the core locked meanwhile) makes the shell read the status again (api/client.ts).
      api('lock.activity', {}).catch(() => undefined);
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, report, { passive: true, capture: true });
    const poll = window.setInterval(() => {
      api('lock.status', {}).then(
        (s) => {
          if (s.locked || s.selfService) void refresh();
        },
        () => undefined,
      );
    }, LOCK_POLL_MS);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, report, { capture: true });
      window.clearInterval(poll);
    };
  }, [refresh]);

  return (
    <button
      type="button"
      className="fr-btn fr-btn--tertiary-no-outline fr-icon-lock-line fr-btn--icon-left"
      title={t('buttonTitle')}
      aria-keyshortcuts={ariaKeys(SHORTCUTS.lock)}
      onClick={() => void lockNow()}
    >
      {t('button')}
    </button>
  );
}

/** The header's lock button: only when a PIN is set (without one there is nothing to lock with). */
export function LockButton() {
  const { status } = useAppStatus();
  return status.lock.pinSet ? <LockWatch /> : null;
}
