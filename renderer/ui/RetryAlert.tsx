import { useTranslation } from 'react-i18next';

/** Something that could not be read, in an error alert with a button to read it again. */
export function RetryAlert({ message, onRetry }: { message: string; onRetry(): void }) {
  const { t } = useTranslation('common');
  return (
    <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
      <p>{message}</p>
      <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}
