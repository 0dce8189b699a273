import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinatorSummary } from '../../../shared/coordinator/schema';
import { useCoreQuery } from '../../api/hooks';
import { coreErrorText } from '../../lib/core-error';
import { formatDuration, formatNumber } from '../../lib/format';
import { ExportPanel } from './ExportPanel';
import { Tables } from './Tables';

/** The sites of the scope with their key figures (each opens its detail), then the scope's total, every table. */
export function ScopeFigures({
  s,
  siteId,
  onOpen,
  onClose,
}: {
  s: CoordinatorSummary;
  siteId: string | null;
  onOpen(id: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation('coordinator');
  const n = useNumber();
  const site = s.sites.find((x) => x.id === siteId) ?? null;
  return (
    <>
      <section aria-labelledby="coordinator-sites" className="fr-mb-5w">
        <h2 id="coordinator-sites">{t('sites.title')}</h2>
        {s.sites.length === 0 ? (
          <p>{t('sites.empty')}</p>
        ) : (
          <SitesTable s={s} siteId={siteId} onToggle={(id) => (siteId === id ? onClose() : onOpen(id))} />
        )}
      </section>
      {site && <SiteDetail siteId={site.id} name={site.name} period={s} onClose={onClose} />}
      <section aria-labelledby="coordinator-total">
        <h2 id="coordinator-total">
          {t('total.title')} : {s.scope.name}
        </h2>
        <p>{t('total.snapshots', { count: s.total.snapshots, sites: n(s.sites.length) })}</p>
        <Tables c={s.total} idPrefix="total" />
      </section>
    </>
  );
}

function useNumber() {
  const { i18n } = useTranslation();
  return (x: number) => formatNumber(x, i18n.language);
}

/** The per-site table (the screen's and the printed report's); `onToggle` adds the « Détail » buttons. */
export function SitesTable({
  s,
  siteId = null,
  onToggle,
}: {
  s: CoordinatorSummary;
  siteId?: string | null;
  onToggle?(id: string): void;
}) {
  const { t } = useTranslation('coordinator');
  const n = useNumber();
  const sum = (k: 'sessions' | 'peopleHelped' | 'totalMinutes' | 'snapshots') =>
    s.sites.reduce((a, x) => a + x.totals[k], 0);
  return (
    <div className="fr-table fr-table--no-caption">
      <table>
        <caption>{t('sites.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sites.name')}</th>
            <th scope="col">{t('sites.departement')}</th>
            <th scope="col">{t('sites.sessions')}</th>
            <th scope="col">{t('sites.peopleHelped')}</th>
            <th scope="col">{t('sites.minutes')}</th>
            <th scope="col">{t('sites.snapshots')}</th>
            {onToggle && <th scope="col">{t('sites.open')}</th>}
          </tr>
        </thead>
        <tbody>
          {s.sites.map((x) => (
            <tr key={x.id}>
              <th scope="row">{x.name}</th>
              <td>{x.departement}</td>
              <td>{n(x.totals.sessions)}</td>
              <td>{n(x.totals.peopleHelped)}</td>
              <td>{formatDuration(x.totals.totalMinutes)}</td>
              <td>{n(x.totals.snapshots)}</td>
              {onToggle && (
                <td>
                  <button
                    type="button"
                    className="fr-btn fr-btn--tertiary fr-btn--sm"
                    aria-label={t('sites.openLabel', { name: x.name })}
                    aria-expanded={siteId === x.id}
                    onClick={() => onToggle(x.id)}
                  >
                    {t('sites.open')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('sites.total')}</th>
            <td />
            <td>{n(sum('sessions'))}</td>
            <td>{n(sum('peopleHelped'))}</td>
            <td>{formatDuration(sum('totalMinutes'))}</td>
            <td>{n(sum('snapshots'))}</td>
            {onToggle && <td />}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function SiteDetail({
  siteId,
  name,
  period,
  onClose,
}: {
  siteId: string;
  name: string;
  period: { from: string; to: string };
  onClose(): void;
}) {
  const { t } = useTranslation('coordinator');
  const range = { from: period.from, to: period.to };
  const detail = useCoreQuery('coordinator.site', { siteId, ...range });
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a site's detail takes the reader there (once per site, not on every redraw).
  useEffect(() => heading.current?.focus(), [siteId]);
  return (
    <section aria-labelledby="coordinator-site" className="mediane-coordinator-site fr-p-3w fr-mb-5w">
      <h2 id="coordinator-site" tabIndex={-1} ref={heading}>
        {t('site.title', { name })}
      </h2>
      <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm fr-mb-2w" onClick={onClose}>
        {t('site.close')}
      </button>
      {detail.loading && <p role="status">{t('loading')}</p>}
      {detail.error && (
        <div className="fr-alert fr-alert--error" role="alert">
          <p>{coreErrorText(detail.error)}</p>
        </div>
      )}
      {detail.data && (
        <>
          <ExportPanel period={range} site={{ id: siteId, name }} />
          <Tables c={detail.data} idPrefix="site" />
        </>
      )}
    </section>
  );
}
