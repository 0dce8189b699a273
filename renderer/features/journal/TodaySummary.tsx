import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCoreQuery } from '../../api/hooks';
import { formatDate, formatDuration, formatNumber, taxonomyLabel, today } from '../../lib/format';
import { NO_FILTER } from './JournalFilters';
import { paths } from './paths';

/** Today's sessions read at once to add up their time: a desk's day stays well under this. */
export const TODAY_LIMIT = 200;

/**
 * The top of the journal answers "what did I do today": the number of sessions and the time they took, then the
 * session just saved, if the editor sent the user here with it.
 */
export function TodaySummary({ reloads, savedId }: { reloads: number; savedId: string | null }) {
  const { t, i18n } = useTranslation('journal');
  const day = today();
  const list = useCoreQuery('journal.list', {
    filter: { ...NO_FILTER, from: day, to: day },
    sort: 'date_desc',
    offset: 0,
    limit: TODAY_LIMIT,
  });
  const saved = useCoreQuery('journal.get', { id: savedId ?? '' }, { enabled: savedId !== null });
  const { refetch } = list;
  useEffect(() => {
    if (reloads > 0) refetch();
  }, [reloads, refetch]);

  const data = list.data;
  const minutes = data ? data.rows.reduce((sum, r) => sum + r.durationMin, 0) : 0;
  const partial = data ? data.total > data.rows.length : false;
  const s = saved.data;

  return (
    <div className="mediane-today fr-mb-3w">
      <h2 id="today-title" className="fr-h4 fr-mb-1w">
        {t('desk.today.title', { date: formatDate(day, i18n.language) })}
      </h2>
      <p className="fr-text--lg fr-mb-2w" data-testid="today-summary">
        {!data
          ? list.error
            ? t('desk.today.unavailable')
            : t('list.loading')
          : data.total === 0
            ? t('desk.today.none')
            : t(partial ? 'desk.today.summaryAtLeast' : 'desk.today.summary', {
                count: data.total,
                n: formatNumber(data.total, i18n.language),
                time: formatDuration(minutes),
              })}
      </p>
      {s && (
        <div className="fr-callout fr-callout--green-emeraude mediane-saved fr-mb-2w" data-testid="just-saved">
          <h3 className="fr-callout__title fr-h6">{t('desk.saved.title')}</h3>
          <p className="fr-callout__text fr-text--md">
            {[
              s.startTime
                ? t('desk.saved.dateAt', { date: formatDate(s.date, i18n.language), time: s.startTime })
                : formatDate(s.date, i18n.language),
              formatDuration(s.durationMin),
              s.kind === 'collectif' ? s.workshop.title : s.topics.map((k) => taxonomyLabel('topic', k)).join(', '),
              s.operators.map((k) => taxonomyLabel('operator', k)).join(', '),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <a className="fr-link fr-icon-edit-line fr-link--icon-left" href={paths.editSession(s.id)}>
            {t('desk.saved.edit')}
          </a>
        </div>
      )}
    </div>
  );
}
