import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { coreErrorText } from '../../lib/core-error';
import { navigate } from '../../lib/router';
import { paths } from './paths';

/**
 * The diagnosis's entry in self-service mode: one button that starts a diagnosis done alone. No list of past
 * diagnoses, no delete, no link out (the core refuses those methods anyway).
 */
export function SelfServiceStart() {
  const { t } = useTranslation('diagnostic');
  const [failure, setFailure] = useState<string | null>(null);

  async function start() {
    setFailure(null);
    try {
      const d = await api('diagnostic.start', { mode: 'autonome', previousId: null });
      navigate(paths.business(d.id));
    } catch (e) {
      setFailure(coreErrorText(e));
    }
  }

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="fr-text--lead">{t('selfService.intro')}</p>
      <p>{t('selfService.privacy')}</p>
      <button type="button" className="fr-btn fr-btn--lg" onClick={() => void start()}>
        {t('selfService.start')}
      </button>
      {failure && (
        <div className="fr-alert fr-alert--error fr-mt-2w" role="alert">
          <p>{failure}</p>
        </div>
      )}
    </>
  );
}
