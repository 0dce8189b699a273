import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodDays, shiftPeriod, type HubPeriod } from '../../../shared/coordinator/periods';
import type { CoordinatorSummary } from '../../../shared/coordinator/schema';
import { ACTIVITY_DIMENSIONS, POPULATION_DIMENSIONS } from '../../../shared/sync/dimensions';
import { useCoreQuery } from '../../api/hooks';
import { formatDate, formatDuration, formatNumber } from '../../lib/format';
import { PrintButton } from '../../ui/print/PrintButton';
import { PrintSheet } from '../../ui/print/PrintSheet';
import { keyLabel } from './labels';
import { SitesTable } from './ScopeFigures';
import { shownRows, usePercent, type Row } from './Tables';
import { PrintBars } from '../../ui/print/PrintBars';

const KEY_FIGURES = [
  'sessions',
  'peopleHelped',
  'individualSessions',
  'workshops',
  'workshopParticipants',
  'totalMinutes',
] as const;

/** « Rapport d'activité » for funders: shown on demand as a printable sheet (one sheet on a screen at a time). */
export function ActivityReportPanel({ s, period }: { s: CoordinatorSummary; period: HubPeriod }) {
  const { t } = useTranslation('coordinator');
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="coordinator-report" className="fr-mb-5w">
      <h2 id="coordinator-report" className="fr-h4">
        {t('report.title')}
      </h2>
      <p>{t('report.intro')}</p>
      <button
        type="button"
        className="fr-btn fr-btn--secondary fr-mb-2w"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t('report.hide') : t('report.show')}
      </button>
      {open && (
        <>
          <PrintButton className="fr-mb-2w" fileName={`rapport-coordination-${period.from}-${period.to}.pdf`} />
          <ActivityReport s={s} period={period} />
        </>
      )}
    </section>
  );
}

function ActivityReport({ s, period }: { s: CoordinatorSummary; period: HubPeriod }) {
  const { t, i18n } = useTranslation('coordinator');
  const prev = shiftPeriod(period, -1);
  const before = useCoreQuery('coordinator.summary', { from: prev.from, to: prev.to });
  const num = (n: number) => formatNumber(n, i18n.language);
  const pct = usePercent();
  const days = periodDays(period);
  const prevDays = periodDays(prev);
  const value = (k: (typeof KEY_FIGURES)[number], x: number) => (k === 'totalMinutes' ? formatDuration(x) : num(x));
  const tables: Array<{ dim: string; rows: Row[] }> = [
    ...ACTIVITY_DIMENSIONS.map((dim) => ({
      dim,
      rows: Object.entries(s.total.activity[dim] ?? {}).map(([key, count]) => ({ key, count, suppressedIn: 0 })),
    })),
    ...POPULATION_DIMENSIONS.map((dim) => ({
      dim,
      rows: Object.entries(s.total.population[dim] ?? {}).map(([key, c]) => ({
        key,
        count: c.n,
        suppressedIn: c.suppressedIn,
      })),
    })),
  ];
  return (
    <PrintSheet lang={i18n.language} title={t('report.title')}>
      <h2>{t('report.title')}</h2>
      <p>
        {s.scope.name} —{' '}
        {t('period.shown', { from: formatDate(days.from, i18n.language), to: formatDate(days.to, i18n.language) })}
      </p>
      <p className="fr-text--sm">{t('report.sites', { count: s.sites.length })}</p>
      <div className="fr-table">
        <table>
          <caption>
            {t('report.keyFigures', {
              from: formatDate(prevDays.from, i18n.language),
              to: formatDate(prevDays.to, i18n.language),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('report.indicator')}</th>
              <th scope="col">{t('report.thisPeriod')}</th>
              <th scope="col">{t('report.previousPeriod')}</th>
              <th scope="col">{t('report.change')}</th>
            </tr>
          </thead>
          <tbody>
            {KEY_FIGURES.map((k) => {
              const a = s.total.totals[k];
              const b = before.data?.total.totals[k];
              return (
                <tr key={k}>
                  <th scope="row">{t(`report.figure.${k}`)}</th>
                  <td>{value(k, a)}</td>
                  <td>{b === undefined ? '…' : value(k, b)}</td>
                  <td>{b === undefined || b === 0 ? '—' : pct((a - b) / b)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>{t('sites.title')}</h3>
      <SitesTable s={s} />
      {tables.map(({ dim, rows }) => {
        const shown = shownRows(rows);
        if (shown.length === 0) return null;
        const sum = shown.reduce((a, r) => a + r.count, 0);
        const title = t(`dimension.${dim}` as never);
        return (
          <section key={dim} className="fr-mb-3w mediane-coordinator-report-table">
            <h3>{title}</h3>
            {sum > 0 && (
              <PrintBars
                barHeight={12}
                rows={shown
                  .filter((r) => r.count > 0)
                  .slice(0, 12)
                  .map((r) => ({ label: r.key, count: r.count }))}
              />
            )}
            <div className="fr-table fr-table--no-caption">
              <table>
                <caption>{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('breakdown.label')}</th>
                    <th scope="col">{t('breakdown.count')}</th>
                    <th scope="col">{t('breakdown.share')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((r) => (
                    <tr key={r.key}>
                      <th scope="row">{keyLabel(dim, r.key)}</th>
                      <td>
                        {r.count === 0 ? t('breakdown.secret') : num(r.count)}
                        {r.suppressedIn > 0 && r.count > 0
                          ? ` (${t('breakdown.secretIn', { count: r.suppressedIn })})`
                          : ''}
                      </td>
                      <td>{sum > 0 && r.count > 0 ? pct(r.count / sum) : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      <p className="fr-text--sm">{t('report.disclosure', { k: s.disclosure?.k ?? 5 })}</p>
    </PrintSheet>
  );
}
