import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findPersonalData } from '../../../shared/notes/personal-data';
import { TIMER_LABEL_MAX, type LiveTimer } from '../../../shared/journal/schema';
import { coreErrorText } from '../../lib/core-error';
import { dismissNotice } from '../../ui/notices';
import { formatClockTime, formatElapsed } from '../../lib/format';
import { useHash } from '../../lib/router';
import { ariaKeys, SHORTCUTS, useShortcut } from '../../lib/shortcuts';
import { TimerSlots } from '../../ui/session-slots';
import { finishTimer, labelTimer, loadTimers, startTimer, useTimers } from './timers-store';

/** Screen readers hear the elapsed time when the timer starts and then every this many minutes, never each second. */
export const ANNOUNCE_EVERY_MIN = 5;

function LabelForm({ timer, onDone }: { timer: LiveTimer; onDone(): void }) {
  const { t } = useTranslation('journal');
  const id = useId();
  const [text, setText] = useState(timer.label);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const personal = findPersonalData(text).length > 0;

  useEffect(() => input.current?.focus(), []);

  async function save() {
    if (saving) return;
    setSaving(true);
    try {
      await labelTimer(timer.id, text);
      onDone();
    } catch (e) {
      dismissNotice();
      setError(coreErrorText(e));
      input.current?.focus();
    } finally {
      setSaving(false);
    }
  }

  const message = error ?? (personal ? t('desk.timer.personal') : null);
  return (
    <form
      className="mediane-header-timer__form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className={`fr-input-group fr-mb-0${message ? ' fr-input-group--error' : ''}`}>
        <label className="fr-label" htmlFor={id}>
          {t('desk.timer.labelField')}
          <span className="fr-hint-text">{t('desk.timer.labelHint', { max: TIMER_LABEL_MAX })}</span>
        </label>
        <input
          id={id}
          ref={input}
          className={`fr-input${message ? ' fr-input--error' : ''}`}
          value={text}
          maxLength={TIMER_LABEL_MAX}
          autoComplete="off"
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              onDone();
            }
          }}
        />
        <p className="fr-error-text" id={`${id}-error`} aria-live="polite" hidden={!message}>
          {message}
        </p>
      </div>
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mt-1w">
        <li>
          <button type="submit" className="fr-btn fr-btn--sm" aria-disabled={saving || undefined}>
            {t('desk.timer.labelSave')}
          </button>
        </li>
        <li>
          <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary" onClick={onDone}>
            {t('desk.timer.labelCancel')}
          </button>
        </li>
      </ul>
    </form>
  );
}

/**
 * The running timer in the header, on every screen: how long, its label, start and finish. The clock is not read
 * out as it ticks; a polite status line says when it starts and every few minutes.
 */
export function HeaderTimer() {
  const { t, i18n } = useTranslation('journal');
  const { timers, loadError } = useTimers();
  const hash = useHash();
  const [now, setNow] = useState(() => Date.now());
  const [editing, setEditing] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const labelButton = useRef<HTMLButtonElement>(null);
  // The label form is gone once saved or cancelled: its button takes the focus back.
  const refocus = useRef(false);
  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    labelButton.current?.focus();
  }, [editing]);
  const lang = i18n.language;
  const timer = timers[0];

  // Saving a session from a timer closes it in the core: read the timers again on every screen change.
  useEffect(() => {
    void loadTimers();
  }, [hash]);

  useEffect(() => {
    if (!timer) return;
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(tick);
  }, [timer]);

  async function start() {
    if (busy) return;
    setBusy(true);
    try {
      await startTimer();
      setNow(Date.now());
      setActionError(null);
    } catch (e) {
      dismissNotice();
      setActionError(coreErrorText(e));
    } finally {
      setBusy(false);
    }
  }

  useShortcut(SHORTCUTS.timer, 'journal:desk.shortcuts.timer', () => (timer ? finishTimer(timer) : void start()));

  const error = actionError ?? (loadError ? coreErrorText(loadError) : null);
  const ms = timer ? Math.max(0, now - Date.parse(timer.startedAt)) : 0;
  const minutes = Math.floor(ms / 60_000);
  const announced = timer ? Math.floor(minutes / ANNOUNCE_EVERY_MIN) * ANNOUNCE_EVERY_MIN : 0;
  const announcement = timer
    ? t('desk.timer.announce', { time: formatClockTime(timer.startedAt, lang), count: announced })
    : '';

  return (
    <div className="mediane-header-timer" role="group" aria-label={t('desk.timer.group')}>
      <p className="fr-sr-only" role="status">
        {announcement}
      </p>
      {error && (
        <p className="fr-error-text fr-mt-0" role="alert">
          {error}
        </p>
      )}
      {!timer ? (
        <button
          type="button"
          className="fr-btn fr-btn--tertiary fr-icon-timer-line fr-btn--icon-left"
          aria-keyshortcuts={ariaKeys(SHORTCUTS.timer)}
          aria-disabled={busy || undefined}
          onClick={() => void start()}
        >
          {t('desk.timer.start')}
        </button>
      ) : (
        <>
          <p className="fr-mb-0 mediane-header-timer__line">
            <span className="fr-icon-timer-line fr-icon--sm" aria-hidden="true" />{' '}
            <span className="fr-sr-only">{t('desk.timer.elapsed')} </span>
            <span className="mediane-timer fr-text--bold" role="timer" aria-live="off" data-testid="header-clock">
              {formatElapsed(ms)}
            </span>
            {timer.label && (
              <>
                {' · '}
                <span className="mediane-header-timer__label" data-testid="header-timer-label">
                  {timer.label}
                </span>
              </>
            )}
            {timers.length > 1 && (
              <span className="fr-text--sm"> {t('desk.timer.more', { count: timers.length - 1 })}</span>
            )}
          </p>
          {editing ? (
            <LabelForm
              timer={timer}
              onDone={() => {
                setEditing(false);
                refocus.current = true;
              }}
            />
          ) : (
            <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
              <li>
                <button
                  type="button"
                  className="fr-btn fr-btn--sm fr-icon-check-line fr-btn--icon-left"
                  aria-keyshortcuts={ariaKeys(SHORTCUTS.timer)}
                  onClick={() => finishTimer(timer)}
                >
                  {t('desk.timer.finish')}
                  <span className="fr-sr-only">{t('desk.timer.finishSr')}</span>
                </button>
              </li>
              <li>
                <button
                  ref={labelButton}
                  type="button"
                  className="fr-btn fr-btn--sm fr-btn--tertiary"
                  onClick={() => setEditing(true)}
                >
                  {timer.label ? t('desk.timer.editLabel') : t('desk.timer.addLabel')}
                </button>
              </li>
            </ul>
          )}
          <TimerSlots timer={timer} />
        </>
      )}
    </div>
  );
}
