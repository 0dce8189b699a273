import { useTranslation } from 'react-i18next';
import type { CatalogueEntry, RelatedLink } from '../../../shared/catalogue/schema';
import { servicePublicUrl } from '../../../shared/catalogue/content';
import { useCoreQuery } from '../../api/hooks';
import { errorText } from '../../i18n';
import { formatDate } from '../../lib/format';
import { ContentView } from './ContentView';
import { DataDateNotice } from './DataDateNotice';
import { EntryLink, ExternalLink } from './links';
import { ENTRY_ID, elsewhere, paths } from './paths';
import './catalogue.css';

const REL_ORDER: RelatedLink['rel'][] = ['service', 'fiche', 'question', 'moreInfo', 'seeAlso', 'parent', 'reference'];

/** `#/fiche/<id>`: one entry of the official catalogue, with its data date and source. */
export function FichePage({ id }: { id: string }) {
  const { t } = useTranslation('catalogue');
  const valid = ENTRY_ID.test(id);
  const q = useCoreQuery('catalogue.entry', { id }, { enabled: valid });
  const entry = q.data?.id === id ? q.data : undefined;

  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-9">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left fr-mb-2w" href={paths.catalogue}>
          {t('fiche.back')}
        </a>
        {(!valid || (q.error && !entry)) && (
          <NotFound id={id} message={valid ? q.error?.messageKey : 'catalogue.badId'} />
        )}
        {valid && !entry && !q.error && <p role="status">{t('fiche.loading')}</p>}
        {entry && <Entry entry={entry} />}
      </div>
    </div>
  );
}

function NotFound({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useTranslation('catalogue');
  return (
    <>
      <h1>{t('fiche.notFoundTitle')}</h1>
      <div className="fr-alert fr-alert--info fr-mb-3w">
        <p>{message ? errorText(message) : t('fiche.notFound', { id })}</p>
      </div>
      {ENTRY_ID.test(id) && (
        <p>
          <ExternalLink url={servicePublicUrl(id, 'particuliers')}>{t('fiche.onServicePublic', { id })}</ExternalLink>
        </p>
      )}
    </>
  );
}

function Entry({ entry }: { entry: CatalogueEntry }) {
  const { t, i18n } = useTranslation('catalogue');
  const trail = entry.breadcrumb.slice(0, -1);
  const byRel = REL_ORDER.map((rel) => ({ rel, links: entry.related.filter((l) => l.rel === rel) })).filter(
    (g) => g.links.length > 0,
  );
  return (
    <article lang="fr">
      {trail.length > 0 && (
        <nav className="fr-breadcrumb fr-mt-0 fr-mb-2w" aria-label={t('fiche.breadcrumb')}>
          <ol className="fr-breadcrumb__list">
            {trail.map((b, i) => (
              <li key={`${b.id}-${i}`}>
                {ENTRY_ID.test(b.id) ? (
                  <a className="fr-breadcrumb__link" href={paths.fiche(b.id)}>
                    {b.title}
                  </a>
                ) : (
                  <span className="fr-breadcrumb__link">{b.title}</span>
                )}
              </li>
            ))}
          </ol>
        </nav>
      )}
      <p className="fr-badge fr-badge--sm fr-mb-1w">{entry.type || t(`kind.${entry.kind}`)}</p>
      <h1>{entry.title}</h1>
      <DataDateNotice dataDate={entry.dataDate} demo={entry.demo} />
      {entry.description && <p className="fr-text--lead">{entry.description}</p>}
      {entry.url && (
        <p>
          <ExternalLink url={entry.url}>{t('fiche.openService')}</ExternalLink>
        </p>
      )}
      <ContentView nodes={entry.content} />
      {entry.citedBy.length > 0 && (
        <section className="fr-mt-4w">
          <h2>{t('fiche.citedBy')}</h2>
          <ul>
            {entry.citedBy.map((g) => (
              <li key={g.id}>
                <a className="fr-link" href={elsewhere.guide(g.id)}>
                  {g.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {byRel.length > 0 && (
        <section className="fr-mt-4w">
          <h2>{t('fiche.related')}</h2>
          {byRel.map((g) => (
            <div key={g.rel}>
              <h3 className="fr-h6">{t(`fiche.rel.${g.rel}`)}</h3>
              <ul>
                {g.links.map((l, i) => (
                  <li key={`${l.id ?? l.url ?? ''}-${i}`}>
                    {l.id && ENTRY_ID.test(l.id) ? (
                      <EntryLink id={l.id}>{l.title}</EntryLink>
                    ) : (
                      <ExternalLink url={l.url}>{l.title}</ExternalLink>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
      <p className="fr-text--sm fr-mt-4w">
        {entry.modified && `${t('fiche.modified', { date: formatDate(entry.modified, i18n.language) })} · `}
        <ExternalLink url={servicePublicUrl(entry.id, entry.audiences[0] ?? 'particuliers')}>
          {t('fiche.onServicePublic', { id: entry.id })}
        </ExternalLink>
      </p>
    </article>
  );
}
