import { useTranslation } from 'react-i18next';

/**
 * Self-service mode when no self-service screen answers the address (the diagnosis is not installed): says what
 * the PC is for; the header's button leaves the mode.
 */
export function SelfServiceHome() {
  const { t } = useTranslation('lock');
  return (
    <>
      <h1>{t('selfService.homeTitle')}</h1>
      <p className="fr-text--lead">{t('selfService.homeIntro')}</p>
    </>
  );
}
