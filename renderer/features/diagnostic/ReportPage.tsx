import { useTranslation } from 'react-i18next';
import { isDesktop } from '../../api/files';
import { useCoreQuery } from '../../api/hooks';
import { useAppStatus } from '../../app/status';
import { PrintButton } from '../../ui/print/PrintButton';
import { PrintPageBreak, PrintSheet } from '../../ui/print/PrintSheet';
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
import { langOf, longDate } from './text';

/** The report a business owner takes away: a few A4 pages, readable without the app, through the shared print path. */
export function ReportPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation('diagnostic');
  const { status } = useAppStatus();
  const data = useCoreQuery('diagnostic.results', { id });
  const version = data.data?.diagnosis.questionnaireVersion;
  const questionnaire = useCoreQuery('diagnostic.questionnaire', { version: version ?? 'v1' }, { enabled: !!version });
  if (data.error) return <ScreenError error={data.error} />;
  if (!data.data || !questionnaire.data) return <p role="status">{t('loading')}</p>;
  const q = questionnaire.data;
  const { results, diagnosis, progress } = data.data;
  const b = diagnosis.business;
  const language = i18n.language;
  return (
    <>
      <h1>{t('report.title')}</h1>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <PrintButton fileName={t('report.fileName', { date: results.asOf })} />
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary" href={paths.results(id)}>
            {t('report.back')}
          </a>
        </li>
      </ul>
      {/* Self-service on the desktop: the PDF goes to the desk's folder with no dialog (SECURITY.md, rule 20). */}
      {status.lock.selfService && isDesktop() && <p className="fr-hint-text">{t('selfService.printHint')}</p>}
      <PrintSheet lang={langOf(language)} title={t('report.title')}>
        <h2>{t('report.title')}</h2>
        <p>{t('report.date', { date: longDate(results.asOf, language) })}</p>
        {b && (
          <ul>
            {b.name && <li>{t('report.for', { name: b.name })}</li>}
            <li>{t('report.activity', { activity: b.nafLabel, code: b.naf })}</li>
            <li>{t('report.size', { size: t(`business.size.options.${b.sizeBand}`) })}</li>
          </ul>
        )}
        <p>{t('report.intro')}</p>
        <p className="fr-text--sm">{t('report.howToRead')}</p>
        <OverallSummary questionnaire={q} results={results} />
        <DimensionTable questionnaire={q} results={results} printed />
        {progress && <ProgressTable questionnaire={q} progress={progress} printed />}
        <PeersSection questionnaire={q} diagnosis={diagnosis} results={results} printed />
        <RedFlags questionnaire={q} results={results} />
        <EinvoicingSection questionnaire={q} results={results} printed />
        <PrintPageBreak />
        <PlanTable questionnaire={q} results={results} printed />
        <DiiSection questionnaire={q} results={results} printed />
        <References questionnaire={q} results={results} />
        <p className="fr-text--sm">{t('report.footer')}</p>
      </PrintSheet>
    </>
  );
}
