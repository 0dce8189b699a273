import { useTranslation } from 'react-i18next';
import { navigate, parseRoute, paths } from '../../app/router';
import { useAppStatus } from '../../app/status';
import { SiteProfileForm } from './SiteProfileForm';

/** First run: describe the desk once, then the app opens on the journal. */
export function SetupPage() {
  const { t } = useTranslation(['site', 'transfer']);
  const { refresh } = useAppStatus();

  async function done() {
    if (parseRoute(window.location.hash).name !== 'journal') navigate(paths.journal);
    await refresh();
  }

  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-8">
        <h1>{t('setupTitle')}</h1>
        <p className="fr-text--lead">{t('setupIntro')}</p>
        <SiteProfileForm site={null} commune={null} submitLabel={t('setupSubmit')} titleLevel={2} onSaved={done} />
        <div className="fr-callout fr-mt-6w">
          <p className="fr-callout__text">{t('transfer:restore.setupLinkHint')}</p>
          <a className="fr-btn fr-btn--secondary" href={paths.restoreDesk}>
            {t('transfer:restore.setupLink')}
          </a>
        </div>
      </div>
    </div>
  );
}
