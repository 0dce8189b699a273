import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';

// A PIN field: masked, digits keyboard on touch screens, never remembered by the browser, labelled with its format.
// Its error (if any) lives elsewhere (an alert the caller renders) and is named by `errorId`.

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** The id of an error shown elsewhere (an alert), or… */
  errorId?: string;
  /** …an error shown under the field. */
  error?: string;
  required?: boolean;
  autoComplete?: 'off' | 'new-password' | 'current-password';
}

export const PinInput = forwardRef<HTMLInputElement, Props>(function PinInput(
  { id, label, value, onChange, errorId: externalErrorId, error, required = true, autoComplete = 'off' },
  ref,
) {
  const { t } = useTranslation('lock');
  const errorId = error ? `${id}-error` : externalErrorId;
  return (
    <div className={`fr-input-group mediane-short-input${errorId ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
        {required ? ' *' : ''}
        <span className="fr-hint-text">{t('pin.hint')}</span>
      </label>
      <input
        ref={ref}
        id={id}
        className={`fr-input${errorId ? ' fr-input--error' : ''}`}
        type="password"
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={8}
        autoComplete={autoComplete}
        aria-required={required || undefined}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p className="fr-error-text" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
});
