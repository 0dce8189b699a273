import { useTranslation } from 'react-i18next';
import { ACTIVITY_DIMENSIONS, POPULATION_DIMENSIONS } from '../../../shared/sync/dimensions';
import type { SnapshotPreview as Preview } from '../../../shared/sync/desk-schema';
import { formatNumber } from '../../lib/format';
import { keyLabel, periodLabel } from './labels';

const TOTALS = [
  'sessions',
  'individualSessions',
  'workshops',
  'workshopParticipants',
  'peopleHelped',
  'totalMinutes',
] as const;

/** Exactly what one queued snapshot sends, table by table; a held-back cell shows « masqué » and why. */
export function SnapshotPreview({ preview }: { preview: Preview }) {
  const { t, i18n } = useTranslation('sync');
  const n = (v: number) => formatNumber(v, i18n.language);
  const s = preview.snapshot;
  const reasonOf = (dimension: string, key: string) =>
    preview.suppressions.find((x) => x.dimension === dimension && x.key === key)?.reason;
  return (
    <section aria-labelledby="sync-preview-title" className="fr-mt-4w">
      <h2 id="sync-preview-title">
        {t('preview.title', { period: periodLabel(s.period.key, i18n.language), version: s.version })}
      </h2>
      <p>{t('preview.intro', { k: s.k, bytes: n(preview.bytes) })}</p>
      <p className="fr-text--sm">{t('preview.hash', { hash: preview.hash })}</p>
      <div className="fr-table fr-table--no-caption-margin">
        <table>
          <caption>{t('preview.totals')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('preview.figure')}</th>
              <th scope="col">{t('preview.value')}</th>
            </tr>
          </thead>
          <tbody>
            {TOTALS.map((k) => (
              <tr key={k}>
                <th scope="row">{t(`totals.${k}`)}</th>
                <td>{n(s.totals[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('preview.activity')}</h3>
      <p>{t('preview.activityIntro')}</p>
      {ACTIVITY_DIMENSIONS.map((d) => {
        const rows = Object.entries(s.activity[d] as Record<string, number>);
        return (
          <div className="fr-table" key={d}>
            <table>
              <caption>{t(`dimension.${d}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('preview.key')}</th>
                  <th scope="col">{t('preview.sessions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 ? (
                  <tr>
                    <td colSpan={2}>{t('preview.empty')}</td>
                  </tr>
                ) : (
                  rows.map(([key, v]) => (
                    <tr key={key}>
                      <th scope="row">{keyLabel(d, key)}</th>
                      <td>{n(v)}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        );
      })}
      <h3>{t('preview.population')}</h3>
      <p>{t('preview.populationIntro', { k: s.k })}</p>
      {POPULATION_DIMENSIONS.map((d) => {
        const table = s.population[d];
        const cells = Object.entries(table.cells as Record<string, { n: number } | { suppressed: true }>);
        return (
          <div className="fr-table" key={d}>
            <table>
              <caption>
                {t('preview.populationCaption', { dimension: t(`dimension.${d}`), total: n(table.total) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('preview.key')}</th>
                  <th scope="col">{t('preview.people')}</th>
                </tr>
              </thead>
              <tbody>
                {cells.length === 0 ? (
                  <tr>
                    <td colSpan={2}>{t('preview.totalOnly')}</td>
                  </tr>
                ) : (
                  cells.map(([key, cell]) => (
                    <tr key={key}>
                      <th scope="row">{keyLabel(d, key)}</th>
                      <td>
                        {'n' in cell ? (
                          n(cell.n)
                        ) : (
                          <>
                            <strong>{t('preview.masked')}</strong>{' '}
                            <span className="fr-text--sm">
                              {t(`reason.${reasonOf(d, key) ?? 'below_k'}`, { k: s.k })}
                            </span>
                          </>
                        )}
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        );
      })}
      <DiagnosticsPreview preview={preview} />
    </section>
  );
}

/** The diagnostics section (peer benchmarks): groups of at least 10 diagnoses, counts and score sums only. */
function DiagnosticsPreview({ preview }: { preview: Preview }) {
  const { t, i18n } = useTranslation('sync');
  const n = (v: number) => formatNumber(v, i18n.language);
  const groups = preview.snapshot.diagnostics?.groups ?? [];
  return (
    <>
      <h3>{t('preview.diagnostics')}</h3>
      <p>{t('preview.diagnosticsIntro')}</p>
      {groups.length === 0 ? (
        <p>{t('preview.diagnosticsNone')}</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>{t('preview.diagnosticsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('preview.diagnosticsColumns.group')}</th>
                <th scope="col">{t('preview.diagnosticsColumns.diagnoses')}</th>
                <th scope="col">{t('preview.diagnosticsColumns.overall')}</th>
                <th scope="col">{t('preview.diagnosticsColumns.dimensions')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={`${g.nafSection}|${g.sizeBand}|${g.departement}`}>
                  <th scope="row">
                    {t('preview.diagnosticsGroup', {
                      section: g.nafSection,
                      size: g.sizeBand,
                      departement: g.departement,
                    })}
                  </th>
                  <td>{n(g.diagnoses)}</td>
                  <td>{n(g.overall.sum)}</td>
                  <td>
                    {Object.entries(g.dimensions)
                      .map(([id, sum]) => t('preview.diagnosticsSum', { id, sum: n(sum.sum), count: sum.n }))
                      .join(' ; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
