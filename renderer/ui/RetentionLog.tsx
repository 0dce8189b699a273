import { useTranslation } from 'react-i18next';
import { useCoreQuery } from '../api/hooks';
import { formatDate, formatDateTime, formatNumber } from '../lib/format';

// The retention policy's state and its last runs, shown in « Mon lieu » and on the retention setting page. A shared
// component (not a feature's) so that the site page shows it without importing the statistics feature; its texts
// are the statistics feature's namespace ("stats:retention.*"), loaded with every feature's texts.

/** Where the retention setting lives (the statistics feature's route). */
export const RETENTION_SETTINGS_HREF = '#/statistiques/conservation';

export function RetentionLog({ headingLevel = 2, withLink = false }: { headingLevel?: 2 | 3; withLink?: boolean }) {
  const { t, i18n } = useTranslation('stats');
  const q = useCoreQuery('stats.retention', {});
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  if (!q.data) return null;
  const { policy, runs } = q.data;
  return (
    <section className="fr-mb-4w" aria-labelledby="retention-log-title">
      <Heading id="retention-log-title" className="fr-h4">
        {t('retention.logTitle')}
      </Heading>
      <p>
        {policy.enabled
          ? t('retention.logOn', { months: policy.months, notes: policy.notesMonths ?? policy.months })
          : t('retention.logOff')}
      </p>
      {runs.length === 0 ? (
        <p>{t('retention.logEmpty')}</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>{t('retention.logCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('retention.logAt')}</th>
                <th scope="col">{t('retention.logDetails')}</th>
                <th scope="col">{t('retention.logNotes')}</th>
                <th scope="col">{t('retention.logBefore')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r, i) => (
                <tr key={`${r.at}-${i}`}>
                  <td>{formatDateTime(r.at, i18n.language)}</td>
                  <td>{formatNumber(r.detailsErased, i18n.language)}</td>
                  <td>{formatNumber(r.notesErased, i18n.language)}</td>
                  <td>{r.detailsBefore ? formatDate(r.detailsBefore, i18n.language) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {withLink && (
        <p>
          <a className="fr-link" href={RETENTION_SETTINGS_HREF}>
            {t('retention.logSettings')}
          </a>
        </p>
      )}
    </section>
  );
}
