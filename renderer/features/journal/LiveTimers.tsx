import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveTimer } from '../../../shared/journal/schema';
import { MAX_DURATION_MIN } from '../../../shared/taxonomy';
import { coreErrorText } from '../../lib/core-error';
import { dismissNotice } from '../../ui/notices';
import { formatClockTime, formatElapsed } from '../../lib/format';
import { elapsedMinutes } from './list-format';
import { paths } from './paths';
import { cancelTimer, finishTimer, loadTimers, startTimer, useTimers } from './timers-store';

/**
 * "Séance en cours": start a timer when the person sits down, finish it to open the editor with the duration filled
 * in. Timers live in the database, so a restart or a crash does not lose them. The running clocks are not announced
 * (aria-live off); a hidden status line says when a timer starts or is cancelled.
 */
export function LiveTimers() {
  const { t, i18n } = useTranslation('journal');
  const { timers, loadError } = useTimers();
  const [now, setNow] = useState(() => Date.now());
  // The outcome of the last action (start, cancel) replaces the load's: undefined until an action ends.
  const [actionError, setActionError] = useState<string | null | undefined>(undefined);
  const error = actionError !== undefined ? actionError : loadError ? coreErrorText(loadError) : null;
  const [announcement, setAnnouncement] = useState('');
  const [busy, setBusy] = useState(false);
  const startButton = useRef<HTMLButtonElement>(null);
  const lang = i18n.language;

  useEffect(() => {
    void loadTimers();
  }, []);

  const running = timers.length > 0;
  useEffect(() => {
    if (!running) return;
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(tick);
  }, [running]);

  async function start() {
    if (busy) return;
    setBusy(true);
    try {
      const timer = await startTimer();
      setNow(Date.now());
      setActionError(null);
      setAnnouncement(t('list.live.announceStarted', { time: formatClockTime(timer.startedAt, lang) }));
    } catch (e) {
      dismissNotice();
      setActionError(coreErrorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function cancel(timer: LiveTimer) {
    try {
      await cancelTimer(timer.id);
      setActionError(null);
    } catch (e) {
      dismissNotice();
      setActionError(coreErrorText(e));
    }
    setAnnouncement(t('list.live.announceCancelled', { time: formatClockTime(timer.startedAt, lang) }));
    startButton.current?.focus();
  }

  return (
    <section className="fr-callout mediane-live fr-mb-4w" aria-labelledby="live-title">
      <h2 id="live-title" className="fr-callout__title">
        {t('list.live.title')}
      </h2>
      <p className="fr-callout__text fr-text--md">{t('list.live.hint')}</p>
      <p className="fr-sr-only" role="status">
        {announcement}
      </p>
      {error && (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
          <p>{error}</p>
        </div>
      )}
      {running && (
        <ul className="mediane-live__list" aria-label={t('list.live.runningLabel')}>
          {timers.map((timer) => {
            const time = formatClockTime(timer.startedAt, lang);
            const ms = now - Date.parse(timer.startedAt);
            return (
              <li key={timer.id} className="mediane-live__timer">
                <p className="fr-mb-1w">
                  {t('list.live.startedAt', { time })}
                  {timer.label && ` · ${timer.label}`}
                  {' · '}
                  <span className="fr-sr-only">{t('list.live.elapsed')} </span>
                  <span className="mediane-timer fr-h4 fr-mb-0" role="timer" aria-live="off" data-testid="live-clock">
                    {formatElapsed(ms)}
                  </span>
                </p>
                {elapsedMinutes(ms) >= MAX_DURATION_MIN && (
                  <p className="fr-text--sm fr-mb-1w">{t('list.live.tooLong')}</p>
                )}
                <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--icon-left">
                  <li>
                    <button
                      type="button"
                      className="fr-btn fr-icon-check-line fr-btn--icon-left"
                      onClick={() => finishTimer(timer)}
                    >
                      {t('list.live.finish')}
                      <span className="fr-sr-only">{t('list.live.finishOf', { time })}</span>
                    </button>
                  </li>
                  <li>
                    <button type="button" className="fr-btn fr-btn--tertiary" onClick={() => void cancel(timer)}>
                      {t('list.live.cancel')}
                      <span className="fr-sr-only">{t('list.live.cancelOf', { time })}</span>
                    </button>
                  </li>
                </ul>
              </li>
            );
          })}
        </ul>
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--lg fr-btns-group--icon-left fr-mb-0">
        <li>
          <button
            ref={startButton}
            type="button"
            className="fr-btn fr-icon-timer-line fr-btn--icon-left"
            onClick={() => void start()}
            aria-disabled={busy || undefined}
          >
            {t('list.live.start')}
          </button>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary" href={paths.newSession('individuel')}>
            {t('list.live.quick')}
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary" href={paths.newSession('collectif')}>
            {t('list.live.workshop')}
          </a>
        </li>
      </ul>
    </section>
  );
}
