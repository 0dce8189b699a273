import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n';
import { navigate, parseHash, useHash } from '../lib/router';
import { useShortcut } from '../lib/shortcuts';
import { NoticeRegion, setNoticeScreen } from '../ui/notices';
import { AppHeader } from './AppHeader';
import type { NavEntry } from './feature';
import { FIRST_RUN, goHome, NAV, resolveRoute } from './features';
import { StatusProvider, useAppStatus } from './status';

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

/** A navigation entry's shortcut, live while the menu is (after the first run). */
function NavShortcut({ entry }: { entry: NavEntry & { shortcut: NonNullable<NavEntry['shortcut']> } }) {
  useShortcut(entry.shortcut.keys, entry.shortcut.description, () => navigate(entry.href));
  return null;
}

function Shell() {
  const { t } = useTranslation();
  const { status } = useAppStatus();
  const hash = useHash();
  const route = useMemo(() => resolveRoute(parseHash(hash)), [hash]);
  const main = useRef<HTMLElement>(null);

  // A notice belongs to the screen it was raised for: it goes when another screen opens.
  useEffect(() => {
    setNoticeScreen(route.name);
  }, [route.name]);

  // On every screen change, move focus to the page so keyboard and screen-reader users start at its title.
  // A new screen starts at the top of the page: focusing <main> alone would scroll its top under the window's edge.
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [route.name, status.setupDone]);

  return (
    <>
      <div className="fr-skiplinks">
        <nav className="fr-container" aria-label={t('skipToContent')}>
          <ul className="fr-skiplinks__list">
            <li>
              <a
                className="fr-link"
                href="#contenu"
                onClick={(e) => {
                  e.preventDefault();
                  main.current?.focus();
                }}
              >
                {t('skipToContent')}
              </a>
            </li>
          </ul>
        </nav>
      </div>
      <AppHeader routeName={route.name} showNav={status.setupDone} />
      {status.setupDone &&
        NAV.map((entry) =>
          entry.shortcut ? <NavShortcut key={entry.key} entry={{ ...entry, shortcut: entry.shortcut }} /> : null,
        )}
      <main id="contenu" ref={main} tabIndex={-1} className="fr-container fr-py-4w mediane-main">
        <StorageNotice />
        <NoticeRegion />
        {status.setupDone || !FIRST_RUN || route.beforeSetup ? route.screen : <FIRST_RUN onDone={goHome} />}
      </main>
      <footer className="fr-footer" role="contentinfo">
        <div className="fr-container">
          <div className="fr-footer__body">
            <div className="fr-footer__content">
              <p className="fr-footer__content-desc">{t('footer.offline')}</p>
              <ul className="fr-footer__content-list">
                <li className="fr-footer__content-item">
                  {t('footer.version', { version: status.deployment.appVersion })}
                </li>
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
      loading={
        <p className="fr-container fr-py-4w" role="status">
          {t('loading')}
        </p>
      }
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
