import { useEffect, useMemo, useRef, type ComponentType, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n';
import { navigate, parseHash, useHash } from '../lib/router';
import { SELF_SERVICE_HOME } from '../lib/self-service';
import { useShortcut } from '../lib/shortcuts';
import { NoticeRegion, setNoticeScreen } from '../ui/notices';
import { AppHeader } from './AppHeader';
import type { NavEntry } from './feature';
import { FIRST_RUN, goHome, LOCK_SCREENS, NAV, resolveRoute, resolveSelfServiceRoute } from './features';
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

/** Skip link, header, the main region and the footer: the frame of every screen, locked or not. */
function Frame({
  header,
  mainRef,
  children,
}: {
  header: ReactNode;
  mainRef: RefObject<HTMLElement | null>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { status } = useAppStatus();
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
                  mainRef.current?.focus();
                }}
              >
                {t('skipToContent')}
              </a>
            </li>
          </ul>
        </nav>
      </div>
      {header}
      <main id="contenu" ref={mainRef} tabIndex={-1} className="fr-container fr-py-4w mediane-main">
        {children}
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

function NormalShell() {
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
    <Frame mainRef={main} header={<AppHeader routeName={route.name} showNav={status.setupDone} />}>
      {status.setupDone &&
        NAV.map((entry) =>
          entry.shortcut ? <NavShortcut key={entry.key} entry={{ ...entry, shortcut: entry.shortcut }} /> : null,
        )}
      <StorageNotice />
      <NoticeRegion />
      {status.setupDone || !FIRST_RUN || route.beforeSetup ? route.screen : <FIRST_RUN onDone={goHome} />}
    </Frame>
  );
}

/**
 * Self-service mode (the core refuses everything else anyway): only the self-service routes, no navigation, no
 * header tools, no shortcuts of the shell; any other address leads to SELF_SERVICE_HOME, which the diagnosis answers
 * (features.test.ts checks it), so nothing is shown only for the moment the address changes.
 */
function SelfServiceShell() {
  const hash = useHash();
  const route = useMemo(() => resolveSelfServiceRoute(parseHash(hash)), [hash]);
  const main = useRef<HTMLElement>(null);
  const name = route?.name ?? 'selfServiceHome';

  useEffect(() => {
    // Replacing the refused address (not adding to it): Back then returns to the page the person was on.
    if (route === null && hash !== SELF_SERVICE_HOME) window.location.replace(SELF_SERVICE_HOME);
  }, [route, hash]);

  useEffect(() => {
    setNoticeScreen(name);
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [name]);

  return (
    <Frame mainRef={main} header={<AppHeader routeName={name} showNav={false} restricted="selfService" />}>
      <NoticeRegion />
      {route?.screen}
    </Frame>
  );
}

/** Locked: every screen is gone (unmounted, not hidden) until the PIN is entered. */
function LockedShell({ Locked }: { Locked: ComponentType }) {
  const main = useRef<HTMLElement>(null);
  return (
    <Frame mainRef={main} header={<AppHeader routeName="locked" showNav={false} restricted="locked" />}>
      <Locked />
    </Frame>
  );
}

function Shell() {
  const { status } = useAppStatus();
  if (LOCK_SCREENS && status.lock.locked) return <LockedShell Locked={LOCK_SCREENS.Locked} />;
  if (LOCK_SCREENS && status.lock.selfService) return <SelfServiceShell />;
  return <NormalShell />;
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
