import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PinInput } from './PinInput';
import { usePinCheck } from './use-pin-check';

/** The time of the next try, to the second (the first waits are half a minute). */
function clockTime(iso: string, language: string): string {
  return new Date(iso).toLocaleTimeString(language === 'en' ? 'en-GB' : 'fr-FR');
}

/** The PIN form of the lock screen and of leaving self-service mode: focused at once, its error announced. */
export function PinCheckForm({
  method,
  submitLabel,
}: {
  method: 'lock.unlock' | 'lock.leaveSelfService';
  submitLabel: string;
}) {
  const { t, i18n } = useTranslation('lock');
  const id = useId();
  const errorId = `${id}-error`;
  const field = useRef<HTMLInputElement>(null);
  const [pin, setPin] = useState('');
  const check = usePinCheck(method);

  useEffect(() => {
    field.current?.focus();
  }, []);

  // After a refusal the field takes the focus again, its error read out by the alert.
  useEffect(() => {
    if (check.attempt > 0) field.current?.focus();
  }, [check.attempt]);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // The field is emptied for the next try whatever the answer.
        void check.submit(pin).then(() => setPin(''));
      }}
    >
      <PinInput
        ref={field}
        id={`${id}-pin`}
        label={t('pin.label')}
        value={pin}
        onChange={setPin}
        errorId={check.error ? errorId : undefined}
        autoComplete="current-password"
      />
      <div role="alert" id={errorId}>
        {check.error && (
          <p className="fr-error-text fr-mt-0 fr-mb-2w">
            {check.error}
            {check.retryAfter && ` ${t('screen.retryAfter', { time: clockTime(check.retryAfter, i18n.language) })}`}
          </p>
        )}
      </div>
      <button type="submit" className="fr-btn" aria-busy={check.pending || undefined}>
        {check.pending ? t('screen.working') : submitLabel}
      </button>
    </form>
  );
}
