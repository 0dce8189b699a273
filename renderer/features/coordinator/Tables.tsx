import { useTranslation } from 'react-i18next';
import type { Consolidated } from '../../../shared/coordinator/schema';
import { ACTIVITY_DIMENSIONS, POPULATION_DIMENSIONS } from '../../../shared/sync/dimensions';
import { formatDuration, formatNumber } from '../../lib/format';
import { ChartFigure } from '../../ui/ChartFigure';
import { drawBars } from '../../ui/charts';
import { keyLabel } from './labels';

/** Tables drawn as a chart beside their table (the others are tables only: the screen stays light). */
const CHARTED = new Set<string>(['operators', 'topics', 'adminTopics', 'age', 'gender']);

/** Every table of a consolidation: key figures, activity (exact), then population (held-back cells said). */
export function Tables({ c, idPrefix }: { c: Consolidated; idPrefix: string }) {
  const { t } = useTranslation('coordinator');
  return (
    <>
      <KeyFigures c={c} idPrefix={idPrefix} />
      {ACTIVITY_DIMENSIONS.map((dim) => (
        <Breakdown
          key={dim}
          id={`${idPrefix}-${dim}`}
          dim={dim}
          rows={Object.entries(c.activity[dim] ?? {}).map(([key, count]) => ({ key, count, suppressedIn: 0 }))}
          charted={CHARTED.has(dim)}
        />
      ))}
      <p className="fr-text--sm">{t('breakdown.populationNote')}</p>
      {POPULATION_DIMENSIONS.map((dim) => (
        <Breakdown
          key={dim}
          id={`${idPrefix}-${dim}`}
          dim={dim}
          rows={Object.entries(c.population[dim] ?? {}).map(([key, cell]) => ({
            key,
            count: cell.n,
            suppressedIn: cell.suppressedIn,
          }))}
          charted={CHARTED.has(dim)}
        />
      ))}
    </>
  );
}

function KeyFigures({ c, idPrefix }: { c: Consolidated; idPrefix: string }) {
  const { t, i18n } = useTranslation('coordinator');
  const n = (x: number) => formatNumber(x, i18n.language);
  const k = c.totals;
  const items: Array<[string, string]> = [
    ['sessions', n(k.sessions)],
    ['peopleHelped', n(k.peopleHelped)],
    ['individualSessions', n(k.individualSessions)],
    ['workshops', n(k.workshops)],
    ['workshopParticipants', n(k.workshopParticipants)],
    ['minutes', formatDuration(k.totalMinutes)],
  ];
  return (
    <section className="fr-mb-4w" aria-labelledby={`${idPrefix}-key-figures`}>
      <h3 id={`${idPrefix}-key-figures`}>{t('keyFigures.title')}</h3>
      <dl className="mediane-key-figures">
        {items.map(([key, value]) => (
          <div key={key} className="mediane-key-figure" data-figure={key}>
            <dt>{t(`keyFigures.${key}` as never)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export interface Row {
  key: string;
  count: number;
  suppressedIn: number;
}

export function usePercent() {
  const { i18n } = useTranslation();
  const f = new Intl.NumberFormat(i18n.language.startsWith('en') ? 'en-GB' : 'fr-FR', {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  return (x: number) => f.format(x);
}

/** Rows shown for a table: those with a count or a held-back cell, largest first. */
export function shownRows(rows: Row[]): Row[] {
  return rows.filter((r) => r.count > 0 || r.suppressedIn > 0).sort((a, b) => b.count - a.count);
}

function Breakdown({ id, dim, rows, charted }: { id: string; dim: string; rows: Row[]; charted: boolean }) {
  const { t, i18n } = useTranslation('coordinator');
  const pct = usePercent();
  const title = t(`dimension.${dim}` as never);
  const sum = rows.reduce((a, r) => a + r.count, 0);
  const shown = shownRows(rows);
  const withCounts = shown.filter((r) => r.count > 0);
  const chartLabels = withCounts.slice(0, 12).map((r) => keyLabel(dim, r.key));
  const chartValues = withCounts.slice(0, 12).map((r) => r.count);
  const unit = t('breakdown.count');
  const table = (
    <div className="fr-table fr-table--no-caption fr-mb-0">
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
                {r.count === 0 && r.suppressedIn > 0 ? t('breakdown.secret') : formatNumber(r.count, i18n.language)}
                {r.suppressedIn > 0 && (
                  <span className="fr-hint-text">{t('breakdown.suppressed', { count: r.suppressedIn })}</span>
                )}
              </td>
              <td>{sum > 0 && r.count > 0 ? pct(r.count / sum) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section className="fr-mb-4w" aria-labelledby={id} data-dimension={dim}>
      <h3 id={id} className="fr-h5">
        {title}
      </h3>
      {shown.length === 0 ? (
        <p>{t('breakdown.empty')}</p>
      ) : charted && withCounts.length > 0 ? (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-lg-6">
            <ChartFigure
              alt={t('breakdown.chartAlt', {
                title,
                summary: withCounts
                  .slice(0, 5)
                  .map((r) => `${keyLabel(dim, r.key)} ${formatNumber(r.count, i18n.language)}`)
                  .join(', '),
              })}
              savePng={{ label: t('breakdown.savePng', { title }), fileName: `coordination-${id}.png` }}
              height={Math.max(140, 28 * chartLabels.length + 40)}
              dataKey={JSON.stringify([chartLabels, chartValues, unit])}
              draw={(c) => drawBars(c, chartLabels, chartValues, unit)}
            />
          </div>
          <div className="fr-col-12 fr-col-lg-6">{table}</div>
        </div>
      ) : (
        table
      )}
    </section>
  );
}
