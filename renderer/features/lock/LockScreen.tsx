import { useTranslation } from 'react-i18next';
import { PinCheckForm } from './PinCheckForm';

/** Instead of every screen while the app is locked (the core refuses everything else anyway). */
export function LockScreen() {
  const { t } = useTranslation('lock');
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>{t('screen.title')}</h1>
        <p className="fr-text--lead">{t('screen.intro')}</p>
        <PinCheckForm method="lock.unlock" submitLabel={t('screen.submit')} />
        <p className="fr-hint-text fr-mt-4w">{t('screen.forgotten')}</p>
      </div>
    </div>
  );
}
