import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveTimer } from '../../../shared/journal/schema';
import { MAX_DURATION_MIN } from '../../../shared/taxonomy';
import { useCoreMutation, useCoreQuery } from '../../api/hooks';
import { coreErrorText } from '../../lib/core-error';
import { formatClockTime, formatElapsed } from '../../lib/format';
import { navigate } from '../../lib/router';
import { elapsedMinutes, elapsedSince } from './list-format';
import { paths } from './paths';

/**
 * "Séance en cours": start a timer when the person sits down, finish it to open the editor with the duration filled
 * in. Timers live in the database, so a restart or a crash does not lose them. The running clocks are not announced
 * (aria-live off); a hidden status line says when a timer starts or is cancelled.
 */
export function LiveTimers() {
  const { t, i18n } = useTranslation('journal');
  const stored = useCoreQuery('journal.timers', {});
  const startTimer = useCoreMutation('journal.startTimer');
  const cancelTimer = useCoreMutation('journal.cancelTimer');
  // Timers started and cancelled here, laid over the stored list: a timer started while the first load was on its
  // way must stay on screen.
  const [started, setStarted] = useState<LiveTimer[]>([]);
  const [cancelled, setCancelled] = useState<ReadonlySet<string>>(new Set());
  const storedTimers = stored.data ?? [];
  const timers = [...storedTimers, ...started.filter((x) => !storedTimers.some((y) => y.id === x.id))].filter((x) => !cancelled.has(x.id));
  const [now, setNow] = useState(() => Date.now());
  // The outcome of the last action (start, cancel) replaces the load's: undefined until an action ends.
  const [actionError, setActionError] = useState<string | null | undefined>(undefined);
  const error = actionError !== undefined ? actionError : stored.error ? coreErrorText(stored.error) : null;
  const [announcement, setAnnouncement] = useState('');
  const busy = startTimer.pending;
  const startButton = useRef<HTMLButtonElement>(null);
  const lang = i18n.language;

  const running = timers.length > 0;
  useEffect(() => {
    if (!running) return;
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(tick);
  }, [running]);

  async function start() {
    if (busy) return;
    try {
      const timer = await startTimer.mutate({});
      setStarted((list) => [...list, timer]);
      setNow(Date.now());
      setActionError(null);
      setAnnouncement(t('list.live.announceStarted', { time: formatClockTime(timer.startedAt, lang) }));
    } catch (e) {
      setActionError(coreErrorText(e));
    }
  }

  function finish(timer: LiveTimer) {
    const durationMin = elapsedMinutes(elapsedSince(timer.startedAt));
    navigate(paths.newSession('individuel', { id: timer.id, durationMin }));
  }

  async function cancel(timer: LiveTimer) {
    try {
      await cancelTimer.mutate({ id: timer.id });
      setActionError(null);
    } catch (e) {
      setActionError(coreErrorText(e));
      // A timer that no longer exists (closed elsewhere) leaves the list either way.
    }
    setCancelled((ids) => new Set(ids).add(timer.id));
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
                  {' · '}
                  <span className="fr-sr-only">{t('list.live.elapsed')} </span>
                  <span className="mediane-timer fr-h4 fr-mb-0" role="timer" aria-live="off" data-testid="live-clock">
                    {formatElapsed(ms)}
                  </span>
                </p>
                {elapsedMinutes(ms) >= MAX_DURATION_MIN && <p className="fr-text--sm fr-mb-1w">{t('list.live.tooLong')}</p>}
                <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--icon-left">
                  <li>
                    <button type="button" className="fr-btn fr-icon-check-line fr-btn--icon-left" onClick={() => finish(timer)}>
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
