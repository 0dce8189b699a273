import { useTranslation } from 'react-i18next';
import { useAppStatus } from '../../app/status';
import { ROUTES_ELSEWHERE } from './paths-elsewhere';
import { SiteProfileForm } from './SiteProfileForm';

/** First run: describe the desk once, then the app opens on its home page (`onDone`, from the shell). */
export function SetupPage({ onDone }: { onDone(): void }) {
  const { t } = useTranslation('site');
  const { refresh } = useAppStatus();

  async function done() {
    onDone();
    await refresh();
  }

  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-8">
        <h1>{t('setupTitle')}</h1>
        <p className="fr-text--lead">{t('setupIntro')}</p>
        <SiteProfileForm
          site={null}
          commune={null}
          submitLabel={t('setupSubmit')}
          titleLevel={2}
          onSaved={done}
          requiredOnly
        />
        <div className="fr-callout fr-mt-6w">
          <p className="fr-callout__text">{t('restoreFromOther.hint')}</p>
          <a className="fr-btn fr-btn--secondary" href={ROUTES_ELSEWHERE.restoreDesk}>
            {t('restoreFromOther.link')}
          </a>
        </div>
      </div>
    </div>
  );
}
