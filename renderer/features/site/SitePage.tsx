import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commune } from '../../../shared/communes/schema';
import type { SiteProfile } from '../../../shared/site/schema';
import { useCoreMutation, useCoreQuery } from '../../api/hooks';
import type { AppStatus } from '../../../shared/app/schema';
import { api } from '../../api/client';
import { useAppStatus } from '../../app/status';
import { formatDateTime } from '../../lib/format';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { RetentionLog } from '../../ui/RetentionLog';
import { toFormErrors, type FormErrors } from '../../ui/form-errors';
import { downloadJson } from '../../lib/download';
import { ROUTES_ELSEWHERE } from './paths-elsewhere';
import { SiteProfileForm, summaryItems, useFieldLabels } from './SiteProfileForm';

/** A stand-in for the saved commune when the geographic code cannot give it back (never expected). */
function communeFromSite(site: SiteProfile): Commune {
  const departement = site.communeCode.startsWith('97') ? site.communeCode.slice(0, 3) : site.communeCode.slice(0, 2);
  return {
    code: site.communeCode,
    name: site.communeName,
    postcodes: [site.postcode],
    departement,
    departementName: '',
    epci: null,
    population: null,
  };
}

/** The saved profile and its commune (the form needs the commune's postcodes), loaded once when the page opens. */
function useSavedProfile() {
  const { status } = useAppStatus();
  const [site] = useState(status.site);
  const saved = useCoreQuery('communes.get', { code: site?.communeCode ?? '' }, { enabled: site !== null });
  // Undefined while loading; a commune the code does not give back (or a failed look-up) is rebuilt from the profile.
  const commune: Commune | null | undefined = !site
    ? null
    : saved.loading
      ? undefined
      : (saved.data ?? communeFromSite(site));
  return { site, commune };
}

function ExportSection() {
  const { t } = useTranslation('site');
  const labels = useFieldLabels();
  const exportNationalRecord = useCoreMutation('site.exportNationalRecord');
  const busy = exportNationalRecord.pending;
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<FormErrors | null>(null);
  const [attempt, setAttempt] = useState(0);

  async function run() {
    if (busy) return;
    setDone(null);
    setFailure(null);
    try {
      const result = await exportNationalRecord.mutate({});
      downloadJson(result.fileName, result.record);
      setDone(result.fileName);
    } catch (e) {
      setFailure(toFormErrors(e));
      setAttempt((n) => n + 1);
    }
  }

  return (
    <section className="fr-mt-6w" aria-labelledby="site-export-title">
      <h2 id="site-export-title">{t('export.title')}</h2>
      <p>{t('export.intro')}</p>
      {failure?.summary && (
        <ErrorSummary
          title={t('export.errorTitle')}
          titleLevel={3}
          summary={failure.summary}
          items={summaryItems(failure.fields, labels)}
          attempt={attempt}
        />
      )}
      <button
        type="button"
        className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-download-line"
        onClick={() => void run()}
        aria-busy={busy || undefined}
      >
        {busy ? t('export.working') : t('export.button')}
      </button>
      <div role="status" className="fr-mt-2w">
        {done && <p className="fr-message fr-message--valid">{t('export.done', { fileName: done })}</p>}
      </div>
    </section>
  );
}

/** How often "Mon lieu" reads the state of the data again while it is on screen and the window is visible. */
export const STATUS_POLL_MS = 5_000;

/**
 * The latest backup and integrity check, read live: the background check and the daily backup finish while the
 * screen is open. Polled only while the window is visible; a failed read keeps the last known state.
 */
function StorageStatus() {
  const { t, i18n } = useTranslation(['site', 'common']);
  const { status } = useAppStatus();
  // Read again on a timer, not at mount: the app status just loaded is as fresh as it gets.
  const [live, setLive] = useState<AppStatus['storage'] | null>(null);
  const storage = live ?? status.storage;
  const when = (iso: string) => formatDateTime(iso, i18n.language);

  useEffect(() => {
    let current = true;
    const read = () => {
      if (document.visibilityState === 'hidden') return;
      api('app.status', {}).then(
        (next) => current && setLive(next.storage),
        () => undefined,
      );
    };
    const tick = window.setInterval(read, STATUS_POLL_MS);
    document.addEventListener('visibilitychange', read);
    return () => {
      current = false;
      window.clearInterval(tick);
      document.removeEventListener('visibilitychange', read);
    };
  }, []);

  const { integrity, lastIntegrityCheckAt, lastBackupAt } = storage;
  const integrityText =
    integrity === 'failed' || integrity === 'checking'
      ? t(`storage.integrity.${integrity}`)
      : lastIntegrityCheckAt
        ? t('storage.integrity.lastOk', { date: when(lastIntegrityCheckAt) })
        : t('storage.integrity.notYet');

  return (
    <section className="fr-mt-6w" aria-labelledby="site-storage-title">
      <h2 id="site-storage-title">{t('storage.title')}</h2>
      <p data-testid="storage-backup">
        {lastBackupAt ? t('storage.lastBackup', { date: when(lastBackupAt) }) : t('storage.noBackupYet')}
      </p>
      <p data-testid="storage-integrity">{integrityText}</p>
      <p className="fr-hint-text">{t('storage.explain')}</p>
      <p>
        <a className="fr-link fr-icon-computer-line fr-link--icon-left" href={ROUTES_ELSEWHERE.moveDesk}>
          {t('storage.moveDeskLink')}
        </a>
      </p>
    </section>
  );
}

/** "Mon lieu": edit the site profile, export it to the national schema, see the vocabulary version in use. */
export function SitePage() {
  const { t } = useTranslation(['site', 'common']);
  const { status, refresh } = useAppStatus();
  const { site, commune } = useSavedProfile();
  const [saved, setSaved] = useState(false);

  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-8">
        <h1>{t('pageTitle')}</h1>
        <p className="fr-text--lead">{t('pageIntro')}</p>

        <section aria-labelledby="site-profile-title">
          <h2 id="site-profile-title">{t('profileTitle')}</h2>
          {commune === undefined ? (
            <p role="status">{t('common:loading')}</p>
          ) : (
            <SiteProfileForm
              site={site}
              commune={commune}
              submitLabel={t('form.submitEdit')}
              titleLevel={3}
              onSubmit={() => setSaved(false)}
              onSaved={async () => {
                setSaved(true);
                await refresh();
              }}
            />
          )}
          <div role="status" className="fr-mt-2w">
            {saved && (
              <div className="fr-alert fr-alert--success fr-alert--sm">
                <p>{t('form.saved')}</p>
              </div>
            )}
          </div>
        </section>

        <ExportSection />

        <div className="fr-mt-6w">
          <RetentionLog withLink />
        </div>

        <section className="fr-mt-6w" aria-labelledby="site-taxonomy-title">
          <h2 id="site-taxonomy-title">{t('taxonomy.title')}</h2>
          <p>{t('taxonomy.version', { version: status.taxonomyVersion })}</p>
          <p className="fr-hint-text">{t('taxonomy.explain')}</p>
        </section>

        <StorageStatus />
      </div>
    </div>
  );
}
