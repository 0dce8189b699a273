import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosisResults } from '../../../shared/diagnostic/contract';
import type { Questionnaire } from '../../../shared/diagnostic/questionnaire';
import { useCoreQuery } from '../../api/hooks';
import { paths } from './paths';
import { PeersSection } from './PeersSection';
import {
  DiiSection,
  DimensionTable,
  EinvoicingSection,
  OverallSummary,
  PlanTable,
  ProgressTable,
  RedFlags,
  References,
} from './ResultsSections';
import { ScreenError } from './ScreenError';
import { longDate, pick } from './text';

// chart.js is loaded on this route only, when the results are on screen.
const RadarChart = lazy(() => import('./RadarChart'));

const NOW_COLOR = '#000091';
const BEFORE_COLOR = '#929292';

export function BusinessLine({ data }: { data: DiagnosisResults }) {
  const { t } = useTranslation('diagnostic');
  const b = data.diagnosis.business;
  if (!b) return null;
  return (
    <p>
      {b.name && (
        <>
          <strong>{b.name}</strong>
          <br />
        </>
      )}
      {t('results.business', {
        activity: `${b.naf} ${b.nafLabel}`,
        size: t(`business.size.options.${b.sizeBand}`),
        departement: b.departement,
      })}
    </p>
  );
}

function Chart({ questionnaire, data }: { questionnaire: Questionnaire; data: DiagnosisResults }) {
  const { t, i18n } = useTranslation('diagnostic');
  const labels = useMemo(
    () => questionnaire.dimensions.map((d) => pick(d.label, i18n.language)),
    [questionnaire, i18n.language],
  );
  const series = useMemo(() => {
    const now = {
      label: t('results.progressColumns.now'),
      data: data.results.dimensions.map((d) => d.score),
      color: NOW_COLOR,
    };
    const before = data.progress && {
      label: t('results.progressColumns.before'),
      data: data.progress.dimensions.map((d) => d.before),
      color: BEFORE_COLOR,
    };
    return before ? [now, before] : [now];
  }, [data, t]);
  return (
    <Suspense fallback={<p role="status">{t('results.chartLoading')}</p>}>
      <RadarChart labels={labels} series={series} label={t('results.chartLabel')} />
    </Suspense>
  );
}

/** The results: scores and bands, radar with its table, DII, e-invoicing, red flags, references, the dated plan. */
export function ResultsPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation('diagnostic');
  const data = useCoreQuery('diagnostic.results', { id });
  const version = data.data?.diagnosis.questionnaireVersion;
  const questionnaire = useCoreQuery('diagnostic.questionnaire', { version: version ?? 'v1' }, { enabled: !!version });
  if (data.error) return <ScreenError error={data.error} />;
  if (!data.data || !questionnaire.data) return <p role="status">{t('loading')}</p>;
  const q = questionnaire.data;
  const { results, diagnosis, progress } = data.data;
  const alone = diagnosis.mode === 'autonome';
  return (
    <>
      <h1>{t('results.title')}</h1>
      <p className="fr-text--sm">
        {t('results.of', { date: longDate(results.asOf, i18n.language) })}{' '}
        {t('results.questionnaireVersion', { version: results.questionnaireVersion })}
      </p>
      <BusinessLine data={data.data} />
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mb-4w">
        <li>
          <a className="fr-btn" href={paths.report(id)}>
            {t('results.report')}
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary" href={paths.page(id, 1)}>
            {t('results.edit')}
          </a>
        </li>
        {/* Alone at the PC, the person stays inside their own diagnosis: no way to the list. */}
        {!alone && (
          <li>
            <a className="fr-btn fr-btn--tertiary" href={paths.home}>
              {t('results.backToList')}
            </a>
          </li>
        )}
      </ul>
      <OverallSummary questionnaire={q} results={results} />
      <section aria-labelledby="diag-dimensions" className="fr-mb-4w">
        <h2 id="diag-dimensions">{t('results.dimensionsTitle')}</h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Chart questionnaire={q} data={data.data} />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <DimensionTable questionnaire={q} results={results} />
          </div>
        </div>
      </section>
      {progress && <ProgressTable questionnaire={q} progress={progress} />}
      <PeersSection questionnaire={q} diagnosis={diagnosis} results={results} />
      <EinvoicingSection questionnaire={q} results={results} />
      <RedFlags questionnaire={q} results={results} />
      <PlanTable questionnaire={q} results={results} />
      <DiiSection questionnaire={q} results={results} />
      <References questionnaire={q} results={results} />
    </>
  );
}
