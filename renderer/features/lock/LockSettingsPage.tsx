import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PIN_PATTERN } from '../../../shared/lock/schema';
import { api } from '../../api/client';
import { useAppStatus } from '../../app/status';
import { coreErrorText, coreFieldErrors, toAppError } from '../../lib/core-error';
import { navigate } from '../../lib/router';
import { SELF_SERVICE_HOME } from '../../lib/self-service';
import { SelectField } from '../../ui/fields';
import { elsewhere } from './paths';
import { PinInput } from './PinInput';

const IDLE_CHOICES = [1, 2, 5, 10, 15, 30, 60, 120, 240] as const;

type Feedback = { kind: 'done' | 'error'; text: string; title?: string } | null;

function FeedbackLine({ feedback }: { feedback: Feedback }) {
  if (!feedback) return null;
  return feedback.kind === 'done' ? (
    <div className="fr-alert fr-alert--success fr-alert--sm fr-mt-2w">
      <p>{feedback.text}</p>
    </div>
  ) : (
    <div className="fr-alert fr-alert--error fr-alert--sm fr-mt-2w">
      {feedback.title && <h3 className="fr-alert__title">{feedback.title}</h3>}
      <p>{feedback.text}</p>
    </div>
  );
}

/** Set or change the PIN: the current one when there is one, the new one twice. */
function PinForm({ pinSet }: { pinSet: boolean }) {
  const { t } = useTranslation('lock');
  const { refresh } = useAppStatus();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const problems: Record<string, string> = {};
    if (!PIN_PATTERN.test(next)) problems.pin = t('settings.set.format');
    else if (next !== confirm) problems.confirm = t('settings.set.mismatch');
    if (pinSet && current === '') problems.currentPin = t('settings.set.format');
    setFields(problems);
    setFeedback(null);
    if (Object.keys(problems).length) {
      document.getElementById(`${id}-${Object.keys(problems)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await api('lock.setPin', pinSet ? { pin: next, currentPin: current } : { pin: next });
      setCurrent('');
      setNext('');
      setConfirm('');
      setFeedback({ kind: 'done', text: t('settings.set.done') });
      await refresh();
    } catch (err) {
      const byField = coreFieldErrors(err);
      if (toAppError(err).messageKey === 'lock.wrongPin') byField.currentPin = coreErrorText(err);
      setFields(byField);
      setFeedback({ kind: 'error', title: t('settings.set.errorTitle'), text: coreErrorText(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="fr-mt-6w" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{pinSet ? t('settings.set.changeTitle') : t('settings.set.title')}</h2>
      <form noValidate onSubmit={(e) => void submit(e)}>
        {pinSet && (
          <PinInput
            id={`${id}-currentPin`}
            label={t('settings.set.current')}
            value={current}
            onChange={setCurrent}
            error={fields.currentPin}
            autoComplete="current-password"
          />
        )}
        <PinInput
          id={`${id}-pin`}
          label={t('settings.set.next')}
          value={next}
          onChange={setNext}
          error={fields.pin}
          autoComplete="new-password"
        />
        <PinInput
          id={`${id}-confirm`}
          label={t('settings.set.confirm')}
          value={confirm}
          onChange={setConfirm}
          error={fields.confirm}
          autoComplete="new-password"
        />
        <button type="submit" className="fr-btn" aria-busy={busy || undefined}>
          {t('settings.set.submit')}
        </button>
      </form>
      <div role="status">
        <FeedbackLine feedback={feedback} />
      </div>
    </section>
  );
}

function RemovePin() {
  const { t } = useTranslation('lock');
  const { refresh } = useAppStatus();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [feedback, setFeedback] = useState<Feedback>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFeedback(null);
    try {
      await api('lock.removePin', { currentPin: current });
      setCurrent('');
      setError(undefined);
      setFeedback({ kind: 'done', text: t('settings.remove.done') });
      await refresh();
    } catch (err) {
      setError(coreErrorText(err));
      document.getElementById(`${id}-currentPin`)?.focus();
    }
  }

  return (
    <section className="fr-mt-6w" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.remove.title')}</h2>
      <p>{t('settings.remove.intro')}</p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <PinInput
          id={`${id}-currentPin`}
          label={t('settings.set.current')}
          value={current}
          onChange={setCurrent}
          error={error}
          autoComplete="current-password"
        />
        <button type="submit" className="fr-btn fr-btn--secondary">
          {t('settings.remove.submit')}
        </button>
      </form>
      <div role="status">
        <FeedbackLine feedback={feedback} />
      </div>
    </section>
  );
}

function IdleDelay({ minutes }: { minutes: number }) {
  const { t } = useTranslation('lock');
  const { refresh } = useAppStatus();
  const id = useId();
  const [value, setValue] = useState(String(minutes));
  const [feedback, setFeedback] = useState<Feedback>(null);
  const choices = IDLE_CHOICES.includes(minutes as never)
    ? IDLE_CHOICES
    : [...IDLE_CHOICES, minutes].sort((a, b) => a - b);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFeedback(null);
    try {
      await api('lock.configure', { idleMinutes: Number(value) });
      setFeedback({ kind: 'done', text: t('settings.idle.done') });
      await refresh();
    } catch (err) {
      setFeedback({ kind: 'error', title: t('settings.idle.errorTitle'), text: coreErrorText(err) });
    }
  }

  return (
    <section className="fr-mt-6w" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.idle.title')}</h2>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <SelectField
          id={`${id}-minutes`}
          label={t('settings.idle.label')}
          hint={t('settings.idle.hint')}
          value={value}
          onChange={setValue}
          options={choices.map((m) => ({ value: String(m), label: t('settings.idle.minutes', { count: m }) }))}
        />
        <button type="submit" className="fr-btn fr-btn--secondary">
          {t('settings.idle.submit')}
        </button>
      </form>
      <div role="status">
        <FeedbackLine feedback={feedback} />
      </div>
    </section>
  );
}

function StartSelfService({ pinSet }: { pinSet: boolean }) {
  const { t } = useTranslation('lock');
  const { refresh } = useAppStatus();
  const id = useId();
  const [feedback, setFeedback] = useState<Feedback>(null);

  async function start() {
    setFeedback(null);
    try {
      await api('lock.enterSelfService', {});
      navigate(SELF_SERVICE_HOME);
      await refresh();
    } catch (err) {
      setFeedback({ kind: 'error', title: t('settings.selfService.errorTitle'), text: coreErrorText(err) });
    }
  }

  return (
    <section className="fr-mt-6w" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.selfService.title')}</h2>
      <p>{t('settings.selfService.intro')}</p>
      {pinSet ? (
        <button type="button" className="fr-btn fr-icon-user-line fr-btn--icon-left" onClick={() => void start()}>
          {t('settings.selfService.start')}
        </button>
      ) : (
        <p className="fr-hint-text">{t('settings.selfService.needsPin')}</p>
      )}
      <div role="status">
        <FeedbackLine feedback={feedback} />
      </div>
    </section>
  );
}

/** « Verrouillage et libre-service », reached from « Mon lieu ». */
export function LockSettingsPage() {
  const { t } = useTranslation('lock');
  const { status } = useAppStatus();
  const { pinSet, idleMinutes } = status.lock;
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-8">
        <p>
          <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={elsewhere.site}>
            {t('settings.backToSite')}
          </a>
        </p>
        <h1>{t('settings.pageTitle')}</h1>
        <p className="fr-text--lead">{t('settings.pageIntro')}</p>
        <section aria-labelledby="lock-state-title">
          <h2 id="lock-state-title">{t('settings.state.title')}</h2>
          <p data-testid="lock-state">{pinSet ? t('settings.state.on') : t('settings.state.off')}</p>
        </section>
        <PinForm key={String(pinSet)} pinSet={pinSet} />
        {pinSet && <IdleDelay minutes={idleMinutes} />}
        {pinSet && <RemovePin />}
        <StartSelfService pinSet={pinSet} />
      </div>
    </div>
  );
}
