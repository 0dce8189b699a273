import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCoreQuery } from '../../api/hooks';
import { coreErrorText } from '../../lib/core-error';
import { formatDate, taxonomyLabel } from '../../lib/format';
import { navigate } from '../../lib/router';
import { InputField, SelectField } from '../../ui/fields';
import { NoticeRegion } from '../../ui/notices';
import { RetryAlert } from '../../ui/RetryAlert';
import type { SessionHolder } from '../../ui/session-slots';
import { paths } from './paths';
import { SessionGuidesSummary } from './SessionGuidesSummary';
import { useSessionGuides } from './useSessionGuides';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The guides of the desk (shipped and its own), filtered by operator and title; in a session, opened for it. */
export function GuidesPage({ holder }: { holder: SessionHolder | null }) {
  const { t, i18n } = useTranslation('guides');
  const id = useId();
  const list = useCoreQuery('guides.list', {});
  const session = useSessionGuides(holder);
  const [operator, setOperator] = useState('');
  const [text, setText] = useState('');
  const guides = list.data ?? [];
  const operators = [...new Set(guides.map((g) => g.operator).filter((o): o is string => o !== null))];
  const shown = guides.filter(
    (g) => (!operator || g.operator === operator) && (!text || fold(g.title).includes(fold(text.trim()))),
  );
  const openIds = new Set(session.data?.guides.map((g) => g.id) ?? []);

  async function follow(guideId: string) {
    if (await session.open(guideId)) navigate(paths.guide(guideId, holder));
  }

  return (
    <>
      <h1>{t('list.title')}</h1>
      <NoticeRegion />
      <p className="fr-text--lead">{t('list.intro')}</p>
      {holder && (
        <section className="fr-callout fr-mb-4w" aria-labelledby="session-guides-title">
          <h2 id="session-guides-title" className="fr-callout__title">
            {t('session.title')}
          </h2>
          <p className="fr-callout__text fr-text--md">{t('session.pick')}</p>
          {session.error && (
            <p className="fr-error-text" role="alert">
              {session.error}
            </p>
          )}
          {session.data && <SessionGuidesSummary data={session.data} holder={holder} />}
        </section>
      )}
      <p>
        <a className="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={paths.packs}>
          {t('list.packsLink')}
        </a>
      </p>
      <form className="mediane-guides-filters fr-mb-3w" onSubmit={(e) => e.preventDefault()}>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <SelectField<string>
              id={`${id}-operator`}
              label={t('list.operator')}
              value={operator}
              onChange={setOperator}
              options={[
                { value: '', label: t('list.anyOperator') },
                ...operators.map((k) => ({ value: k, label: taxonomyLabel('operator', k) })),
              ]}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <InputField id={`${id}-text`} label={t('list.text')} value={text} onChange={setText} type="search" />
          </div>
        </div>
      </form>
      {list.error && <RetryAlert message={coreErrorText(list.error)} onRetry={list.refetch} />}
      <p role="status" className="fr-text--bold">
        {list.loading && !list.data ? t('list.loading') : t('list.count', { count: shown.length })}
      </p>
      <ul className="mediane-guide-list fr-raw-list">
        {shown.map((g) => (
          <li key={g.id} className="fr-mb-2w mediane-guide-item">
            <h2 className="fr-h6 fr-mb-1v">
              <a href={paths.guide(g.id, holder)}>{g.title}</a>
            </h2>
            <p className="fr-text--sm fr-mb-1v">
              {g.operator ? `${taxonomyLabel('operator', g.operator)} · ` : ''}
              {t('list.steps', { count: g.steps })} ·{' '}
              {t('list.reviewed', { date: formatDate(g.reviewedOn, i18n.language) })}
              {g.local && (
                <>
                  {' '}
                  <span className="fr-badge fr-badge--sm fr-badge--info">{t('local.badge')}</span>
                </>
              )}
            </p>
            <p className="fr-text--sm fr-mb-1v">{g.summary}</p>
            {holder && !openIds.has(g.id) && (
              <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" onClick={() => void follow(g.id)}>
                {t('session.follow')}
                <span className="fr-sr-only"> {g.title}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
