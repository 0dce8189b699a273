import { useTranslation } from 'react-i18next';
import type { SessionGuides } from '../../../shared/guides/api';
import { taxonomyLabel } from '../../lib/format';
import type { SessionHolder } from '../../ui/session-slots';
import { paths } from './paths';

/** The guides a session follows, each with its progress, and the outcome they suggest. */
export function SessionGuidesSummary({ data, holder }: { data: SessionGuides; holder: SessionHolder }) {
  const { t } = useTranslation('guides');
  if (data.guides.length === 0) return <p className="fr-mb-0">{t('session.none')}</p>;
  return (
    <>
      <ul className="fr-mb-1w">
        {data.guides.map((g) => (
          <li key={g.id}>
            {g.available ? <a href={paths.guide(g.id, holder)}>{g.title}</a> : g.title}{' '}
            <span className="fr-text--sm">
              {t('session.progress', { done: g.done.length, total: g.total })}
              {g.blocked ? ` · ${t('session.blocked')}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {data.suggestedOutcome && (
        <p className="fr-mb-0" data-testid="suggested-outcome">
          {t('session.suggested', { outcome: taxonomyLabel('outcome', data.suggestedOutcome) })}
        </p>
      )}
    </>
  );
}
