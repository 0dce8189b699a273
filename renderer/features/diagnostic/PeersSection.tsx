import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnosis } from '../../../shared/diagnostic/contract';
import type { Questionnaire } from '../../../shared/diagnostic/questionnaire';
import type { Results } from '../../../shared/diagnostic/schema';
import type { PeerFigures } from '../../../shared/sync/api';
import type { PeerComparison } from '../../../shared/sync/desk-schema';
import { useCoreQuery } from '../../api/hooks';
import { langOf, pick } from './text';

// "Comparaison avec des entreprises comparables": the business's scores beside the means of businesses of the same NAF
// section and size band, in its département and nationally (peer benchmarks from the hub, see hub/peers.ts), as a
// radar with the same figures in a table beside it. Offline, the last figures fetched with their date, or a sentence.

const RadarChart = lazy(() => import('./RadarChart'));

const YOU_COLOR = '#000091';
const DEPARTEMENT_COLOR = '#18753c';
const NATIONAL_COLOR = '#666666';

function periodLabel(key: string, language: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (week) return `${Number(week[2])}/${week[1]}`;
  return new Intl.DateTimeFormat(langOf(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${key}-01T00:00:00Z`),
  );
}

function fetchedLabel(iso: string, language: string): string {
  return new Intl.DateTimeFormat(langOf(language), { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(iso),
  );
}

const meanOf = (figures: PeerFigures | null, id: string) => figures?.dimensions.find((d) => d.id === id)?.mean ?? null;

interface Props {
  questionnaire: Questionnaire;
  diagnosis: Diagnosis;
  results: Results;
  printed?: boolean;
}

function Status({ comparison }: { comparison: PeerComparison }) {
  const { t, i18n } = useTranslation('diagnostic');
  if (comparison.state === 'not_enrolled') return <p>{t('peers.notEnrolled')}</p>;
  if (comparison.state === 'unavailable') return <p>{t('peers.unavailable')}</p>;
  const date = fetchedLabel(comparison.fetchedAt!, i18n.language);
  return (
    <p className="fr-text--sm">
      {comparison.state === 'cached' ? t('peers.cached', { date }) : t('peers.fresh', { date })}
    </p>
  );
}

function Table({
  questionnaire,
  results,
  national,
  departemental,
  departement,
  printed,
}: {
  questionnaire: Questionnaire;
  results: Results;
  national: PeerFigures | null;
  departemental: PeerFigures | null;
  departement: string;
  printed?: boolean;
}) {
  const { t, i18n } = useTranslation('diagnostic');
  const value = (n: number | null) => (n === null ? t('dash') : n.toLocaleString(langOf(i18n.language)));
  const table = (
    <table>
      <caption>{t('peers.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('peers.columns.dimension')}</th>
          <th scope="col">{t('peers.columns.you')}</th>
          <th scope="col">{t('peers.columns.departement', { departement })}</th>
          <th scope="col">{t('peers.columns.national')}</th>
        </tr>
      </thead>
      <tbody>
        {results.dimensions.map((d) => {
          const label = questionnaire.dimensions.find((x) => x.id === d.id)?.label;
          return (
            <tr key={d.id}>
              <th scope="row">{label ? pick(label, i18n.language) : d.id}</th>
              <td>{value(d.score)}</td>
              <td>{value(meanOf(departemental, d.id))}</td>
              <td>{value(meanOf(national, d.id))}</td>
            </tr>
          );
        })}
        <tr>
          <th scope="row">{t('peers.overallRow')}</th>
          <td>{value(results.overall.score)}</td>
          <td>{value(departemental?.overall ?? null)}</td>
          <td>{value(national?.overall ?? null)}</td>
        </tr>
      </tbody>
    </table>
  );
  return printed ? table : <div className="fr-table fr-table--no-caption-top">{table}</div>;
}

function Chart({
  questionnaire,
  results,
  national,
  departemental,
  departement,
}: {
  questionnaire: Questionnaire;
  results: Results;
  national: PeerFigures | null;
  departemental: PeerFigures | null;
  departement: string;
}) {
  const { t, i18n } = useTranslation('diagnostic');
  const labels = useMemo(
    () =>
      results.dimensions.map((d) => {
        const label = questionnaire.dimensions.find((x) => x.id === d.id)?.label;
        return label ? pick(label, i18n.language) : d.id;
      }),
    [questionnaire, results, i18n.language],
  );
  const series = useMemo(() => {
    const out = [{ label: t('peers.series.you'), data: results.dimensions.map((d) => d.score), color: YOU_COLOR }];
    if (departemental)
      out.push({
        label: t('peers.series.departement', { departement }),
        data: results.dimensions.map((d) => meanOf(departemental, d.id)),
        color: DEPARTEMENT_COLOR,
      });
    if (national)
      out.push({
        label: t('peers.series.national'),
        data: results.dimensions.map((d) => meanOf(national, d.id)),
        color: NATIONAL_COLOR,
      });
    return out;
  }, [results, national, departemental, departement, t]);
  return (
    <Suspense fallback={<p role="status">{t('results.chartLoading')}</p>}>
      <RadarChart labels={labels} series={series} label={t('peers.chartLabel')} />
    </Suspense>
  );
}

export function PeersSection({ questionnaire, diagnosis, results, printed }: Props) {
  const { t, i18n } = useTranslation('diagnostic');
  const query = useCoreQuery('diagnostic.peers', { id: diagnosis.id });
  const business = diagnosis.business;
  if (!business) return null;
  const comparison = query.data;
  const benchmarks = comparison?.benchmarks ?? null;
  const national = benchmarks?.national ?? null;
  const departemental = benchmarks?.departemental ?? null;
  const departement = business.departement;
  // On paper, a sentence about this desk's connection means nothing to the business owner: the section needs figures.
  if (printed && !benchmarks) return null;
  return (
    <section aria-labelledby="diag-peers" className="fr-mb-4w">
      <h2 id="diag-peers">{t('peers.title')}</h2>
      {!comparison ? (
        // An error here is the same as no figures: the rest of the results stands on its own.
        <p role="status">{query.error ? t('peers.unavailable') : t('peers.loading')}</p>
      ) : (
        <>
          <Status comparison={comparison} />
          {benchmarks && (
            <>
              <p>
                {t('peers.intro', {
                  activity: business.nafLabel,
                  section: business.nafSection,
                  size: t(`business.size.options.${business.sizeBand}`),
                  from: periodLabel(benchmarks.from, i18n.language),
                  to: periodLabel(benchmarks.to, i18n.language),
                })}
              </p>
              {!national ? (
                <p>{t('peers.notEnough', benchmarks.thresholds)}</p>
              ) : (
                <>
                  <p className="fr-text--sm">
                    {t('peers.counts', { national: national.diagnoses, desks: national.desks })}{' '}
                    {departemental
                      ? t('peers.countsDepartement', { count: departemental.diagnoses, departement })
                      : t('peers.departementMissing', { departement })}
                  </p>
                  {printed ? (
                    <Table {...{ questionnaire, results, national, departemental, departement }} printed />
                  ) : (
                    <div className="fr-grid-row fr-grid-row--gutters">
                      <div className="fr-col-12 fr-col-md-6">
                        <Chart {...{ questionnaire, results, national, departemental, departement }} />
                      </div>
                      <div className="fr-col-12 fr-col-md-6">
                        <Table {...{ questionnaire, results, national, departemental, departement }} />
                      </div>
                    </div>
                  )}
                  <p className="fr-text--sm">{t('peers.readNote')}</p>
                </>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
