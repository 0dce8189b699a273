import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/settings/schema';
import { api } from '../api/client';
import logo from '../assets/mediane-logo.svg';
import { setLocale, translate } from '../i18n';
import { ShortcutHelp } from '../ui/ShortcutHelp';
import { SELF_SERVICE_HOME } from '../lib/self-service';
import { HEADER_TOOLS, HOME, LOCK_SCREENS, NAV } from './features';
import { useAppStatus } from './status';

// The State's brand block reads the same in every language: it is a mark, not a sentence.
const STATE_BRAND = ['République', 'Française'] as const;

/**
 * DSFR header. The brand block (Marianne, « République française ») is reserved to the administration by the DSFR's
 * terms: it shows only when the deployment says a State body operates this installation; otherwise Médiane's own logo.
 */
export function AppHeader({
  routeName,
  showNav,
  restricted,
}: {
  routeName: string;
  showNav: boolean;
  /** Locked or in self-service mode: no navigation, no tools, and the language changes for this screen only. */
  restricted?: 'locked' | 'selfService';
}) {
  const { t, i18n } = useTranslation();
  const { status, refresh } = useAppStatus();
  const other: Locale = i18n.language === 'en' ? 'fr' : 'en';
  const LeaveSelfService = restricted === 'selfService' ? LOCK_SCREENS?.LeaveSelfService : undefined;

  async function switchLanguage() {
    await setLocale(other);
    // The desk's setting is not for a person alone at the PC (and the core refuses it while locked).
    if (restricted) return;
    await api('settings.update', { locale: other });
    await refresh();
  }

  return (
    <header role="banner" className="fr-header">
      <div className="fr-header__body">
        <div className="fr-container">
          <div className="fr-header__body-row">
            <div className="fr-header__brand fr-enlarge-link">
              <div className="fr-header__brand-top">
                {status.deployment.stateOperated ? (
                  <div className="fr-header__logo">
                    <p className="fr-logo" data-testid="state-brand">
                      {STATE_BRAND[0]}
                      <br />
                      {STATE_BRAND[1]}
                    </p>
                  </div>
                ) : (
                  <div className="fr-header__operator">
                    <img className="mediane-logo" src={logo} alt="" width={56} height={56} />
                  </div>
                )}
              </div>
              <div className="fr-header__service">
                <a
                  href={restricted === 'selfService' ? SELF_SERVICE_HOME : HOME.href}
                  title={restricted ? t('appName') : `${translate(HOME.label)} - ${t('appName')}`}
                >
                  <p className="fr-header__service-title">{t('appName')}</p>
                </a>
                <p className="fr-header__service-tagline">{status.site ? status.site.name : t('tagline')}</p>
              </div>
            </div>
            <div className="fr-header__tools">
              <div className="fr-header__tools-links">
                <ul className="fr-btns-group">
                  {showNav &&
                    HEADER_TOOLS.map(({ key, Tool }) => (
                      <li key={key}>
                        <Tool />
                      </li>
                    ))}
                  {showNav && (
                    <li>
                      <ShortcutHelp />
                    </li>
                  )}
                  {LeaveSelfService && (
                    <li>
                      <LeaveSelfService />
                    </li>
                  )}
                  <li>
                    <button
                      type="button"
                      className="fr-btn fr-icon-translate-2 fr-btn--icon-left"
                      lang={other}
                      onClick={() => void switchLanguage()}
                      title={t('language.switchTo')}
                    >
                      {t(`language.${other}`)}
                    </button>
                  </li>
                </ul>
              </div>
            </div>
          </div>
        </div>
      </div>
      {showNav && (
        <div className="fr-header__menu fr-modal mediane-menu">
          <div className="fr-container">
            <nav className="fr-nav" aria-label={t('nav.label')}>
              <ul className="fr-nav__list">
                {NAV.map((item) => (
                  <li className="fr-nav__item" key={item.key}>
                    <a
                      className="fr-nav__link"
                      href={item.href}
                      aria-current={item.routes.includes(routeName) ? 'page' : undefined}
                    >
                      {translate(item.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      )}
    </header>
  );
}
