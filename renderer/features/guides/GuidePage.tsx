import { useTranslation } from 'react-i18next';
import type { Guide } from '../../../shared/guides/schema';
import { useCoreQuery } from '../../api/hooks';
import { errorText } from '../../i18n';
import { coreErrorText } from '../../lib/core-error';
import { formatDate, formatDateTime, taxonomyLabel } from '../../lib/format';
import { NoticeRegion } from '../../ui/notices';
import { RetryAlert } from '../../ui/RetryAlert';
import type { SessionHolder } from '../../ui/session-slots';
import { ExternalLink } from './ExternalLink';
import { GuidedSteps } from './GuidedSteps';
import { paths } from './paths';

/** The catalogue feature's page of a service-public.fr fiche or online service (it owns the route). */
const ficheHref = (ref: string) => `#/fiche/${ref}`;

function Steps({ guide }: { guide: Guide }) {
  const { t } = useTranslation('guides');
  return (
    <ol className="mediane-guide-steps">
      {guide.steps.map((s) => (
        <li key={s.number} className="fr-mb-2w">
          <p className="fr-text--bold fr-mb-1v">{s.title}</p>
          <p className="fr-mb-1v">{s.action}</p>
          <p className="fr-text--sm fr-mb-0">
            <strong>{t('page.check')}</strong> {s.check}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** Every field of a guide; in a session (holder), its steps can be ticked as they are done. */
export function GuidePage({ id, holder }: { id: string; holder: SessionHolder | null }) {
  const { t, i18n } = useTranslation('guides');
  const lang = i18n.language;
  const detail = useCoreQuery('guides.get', { id });

  if (detail.error) {
    const missing = detail.error.code === 'not_found' || detail.error.code === 'invalid_input';
    return (
      <>
        <h1>{t('page.notFoundTitle')}</h1>
        {missing ? (
          <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
            <p>{errorText('guides.notFound')}</p>
          </div>
        ) : (
          <RetryAlert message={coreErrorText(detail.error)} onRetry={detail.refetch} />
        )}
        <a className="fr-btn fr-btn--secondary" href={paths.list(holder)}>
          {t('page.back')}
        </a>
      </>
    );
  }
  if (!detail.data) return <p role="status">{t('list.loading')}</p>;
  const { guide, local } = detail.data;

  return (
    <>
      <p className="fr-mb-1w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={paths.list(holder)}>
          {t('page.back')}
        </a>
      </p>
      <h1>{guide.title}</h1>
      <NoticeRegion />
      {local && (
        <div className="fr-notice fr-notice--info fr-mb-2w" data-testid="local-mark">
          <div className="fr-container">
            <div className="fr-notice__body">
              <p className="fr-notice__title">
                {t(local.shipped ? 'local.edited' : 'local.added', {
                  date: formatDateTime(local.updatedAt, lang),
                  source: t(`local.source.${local.source}`),
                })}
                {local.shippedNewer && ` ${t('local.shippedNewer')}`}
              </p>
            </div>
          </div>
        </div>
      )}
      <p className="fr-text--lead">{guide.summary}</p>
      <p className="fr-text--sm" data-testid="reviewed-on">
        {t('page.reviewedOn', { date: formatDate(guide.reviewedOn, lang) })}
        {guide.operator && ` · ${taxonomyLabel('operator', guide.operator)}`}
        {` · ${t('page.duration', { count: guide.typicalDurationMinutes })}`}
        {` · ${t('page.audience')} ${guide.audience.map((a) => t(`audience.${a}`)).join(', ')}`}
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--icon-left fr-mb-3w">
        <li>
          <a className="fr-btn fr-btn--secondary fr-icon-printer-line fr-btn--icon-left" href={paths.handout(guide.id)}>
            {t('page.handout')}
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--tertiary fr-icon-edit-line fr-btn--icon-left" href={paths.edit(guide.id)}>
            {t('page.edit')}
          </a>
        </li>
      </ul>

      <section aria-labelledby="guide-sites">
        <h2 id="guide-sites" className="fr-h4">
          {t('page.entryPoints')}
        </h2>
        <ul>
          {guide.entryPoints.map((l) => (
            <li key={l.url}>
              <ExternalLink url={l.url} label={l.label} />
            </li>
          ))}
        </ul>
      </section>

      {guide.prerequisites.length > 0 && (
        <section aria-labelledby="guide-prereq">
          <h2 id="guide-prereq" className="fr-h4">
            {t('page.prerequisites')}
          </h2>
          <ul>
            {guide.prerequisites.map((p) => (
              <li key={p.label}>
                <span className="fr-text--sm">{t(`prerequisite.${p.kind}`)} : </span>
                {p.label}
                {p.hint && <span className="fr-hint-text">{p.hint}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="guide-steps">
        <h2 id="guide-steps" className="fr-h4">
          {t('page.steps', { count: guide.steps.length })}
        </h2>
        {holder ? <GuidedSteps guide={guide} holder={holder} /> : <Steps guide={guide} />}
      </section>

      {guide.pitfalls.length > 0 && (
        <section aria-labelledby="guide-pitfalls" className="fr-callout fr-callout--orange-terre-battue fr-mb-3w">
          <h2 id="guide-pitfalls" className="fr-callout__title fr-h5">
            {t('page.pitfalls')}
          </h2>
          <ul className="fr-callout__text fr-text--md">
            {guide.pitfalls.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
      )}

      {guide.redirections.length > 0 && (
        <section aria-labelledby="guide-redirect">
          <h2 id="guide-redirect" className="fr-h4">
            {t('page.redirections')}
          </h2>
          <ul>
            {guide.redirections.map((r) => (
              <li key={r.when}>
                <strong>{r.when}</strong> — {r.where}
                {r.link && (
                  <>
                    {' '}
                    (<ExternalLink url={r.link.url} label={r.link.label} />)
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="guide-identity">
        <h2 id="guide-identity" className="fr-h4">
          {t('page.identity')}
        </h2>
        <p className="fr-mb-1w">
          {t(`franceConnect.${guide.franceConnect.support}`)}
          {guide.franceConnect.note && ` ${guide.franceConnect.note}`}
        </p>
        <p>
          {t(guide.aidantsConnect.relevant ? 'aidantsConnect.relevant' : 'aidantsConnect.notRelevant')}
          {guide.aidantsConnect.note && ` ${guide.aidantsConnect.note}`}{' '}
          <ExternalLink url={guide.aidantsConnect.url} label={t('aidantsConnect.link')} />
        </p>
      </section>

      {guide.servicePublicRefs.length > 0 && (
        <section aria-labelledby="guide-refs">
          <h2 id="guide-refs" className="fr-h4">
            {t('page.refs')}
          </h2>
          <ul className="fr-tags-group">
            {guide.servicePublicRefs.map((ref) => (
              <li key={ref}>
                <a className="fr-tag" href={ficheHref(ref)}>
                  {t('page.ref', { ref })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="guide-sources">
        <h2 id="guide-sources" className="fr-h4">
          {t('page.sources')}
        </h2>
        <ul>
          {guide.sources.map((l) => (
            <li key={l.url}>
              <ExternalLink url={l.url} label={l.label} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
