import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';

/**
 * The catalogue's date and source, as the Licence Ouverte requires wherever its content shows; the demo catalogue
 * says it is one, with its year, so 2020 data never passes for current.
 */
export function DataDateNotice({ dataDate, demo }: { dataDate: string | null; demo: boolean }) {
  const { t, i18n } = useTranslation('catalogue');
  const date = dataDate ? t('dataDate', { date: formatDate(dataDate, i18n.language) }) : t('dataDateUnknown');
  return (
    <div className="fr-mb-3w" data-testid="catalogue-date">
      {demo && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-1w">
          <p>
            <strong>{t('demo.badge')}</strong> — {t('demo.warning', { year: dataDate?.slice(0, 4) ?? '?' })}
          </p>
        </div>
      )}
      <p className="fr-text--sm fr-mb-0">
        {date} · {t('source')}
      </p>
    </div>
  );
}
