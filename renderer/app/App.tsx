import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SetupPage } from '../features/site/SetupPage';
import { SitePage } from '../features/site/SitePage';
import { JournalPage } from '../features/journal/JournalPage';
import { SessionEditor } from '../features/journal/SessionEditor';
import { FollowUpsPage } from '../features/journal/FollowUpsPage';
import { MoveDeskPage } from '../features/transfer/MoveDeskPage';
import { RestorePage } from '../features/transfer/RestorePage';
import { NoticeRegion } from '../features/journal/notices';
import { errorText } from '../i18n';
import { AppHeader } from './AppHeader';
import { useRoute, type Route } from './router';
import { StatusProvider, useAppStatus } from './status';

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'newSession':
      return <SessionEditor key={`new-${route.kind}-${route.timerId ?? ''}`} mode={{ type: 'new', kind: route.kind, timerId: route.timerId, durationMin: route.durationMin }} />;
    case 'editSession':
      return <SessionEditor key={route.id} mode={{ type: 'edit', id: route.id }} />;
    case 'followUps':
      return <FollowUpsPage />;
    case 'site':
      return <SitePage />;
    case 'moveDesk':
      return <MoveDeskPage />;
    default:
      return <JournalPage />;
  }
}

function StorageNotice() {
  const { t } = useTranslation();
  const { status } = useAppStatus();
  const { recoveredFrom, integrity } = status.storage;
  if (recoveredFrom) {
    return (
      <div className="fr-alert fr-alert--warning fr-mb-3w" role="alert">
        <p>{recoveredFrom === 'none' ? t('storage.recoveredNone') : t('storage.recovered', { name: recoveredFrom })}</p>
      </div>
    );
  }
  if (integrity === 'failed') {
    return (
      <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
        <p>{t('storage.integrityFailed')}</p>
      </div>
    );
  }
  return null;
}

function Shell() {
  const { t } = useTranslation();
  const { status } = useAppStatus();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);

  // On every screen change, move focus to the page so keyboard and screen-reader users start at its title.
  useEffect(() => {
    main.current?.focus();
  }, [route.name, status.setupDone]);

  return (
    <>
      <div className="fr-skiplinks">
        <nav className="fr-container" aria-label={t('skipToContent')}>
          <ul className="fr-skiplinks__list">
            <li>
              <a className="fr-link" href="#contenu" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>
                {t('skipToContent')}
              </a>
            </li>
          </ul>
        </nav>
      </div>
      <AppHeader route={route} showNav={status.setupDone} />
      <main id="contenu" ref={main} tabIndex={-1} className="fr-container fr-py-4w mediane-main">
        <StorageNotice />
        <NoticeRegion />
        {status.setupDone ? <Page route={route} /> : route.name === 'restoreDesk' ? <RestorePage /> : <SetupPage />}
      </main>
      <footer className="fr-footer" role="contentinfo">
        <div className="fr-container">
          <div className="fr-footer__body">
            <div className="fr-footer__content">
              <p className="fr-footer__content-desc">{t('footer.offline')}</p>
              <ul className="fr-footer__content-list">
                <li className="fr-footer__content-item">{t('footer.version', { version: status.deployment.appVersion })}</li>
                <li className="fr-footer__content-item">{t('footer.taxonomy', { version: status.taxonomyVersion })}</li>
              </ul>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}

export function App() {
  const { t } = useTranslation();
  return (
    <StatusProvider
      loading={<p className="fr-container fr-py-4w" role="status">{t('loading')}</p>}
      failed={(key, retry) => (
        <main className="fr-container fr-py-4w">
          <h1>{t('fatal.title')}</h1>
          <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
            <p>{errorText(key)}</p>
          </div>
          <button type="button" className="fr-btn" onClick={retry}>
            {t('retry')}
          </button>
        </main>
      )}
    >
      <Shell />
    </StatusProvider>
  );
}
