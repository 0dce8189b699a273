import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinatorExportResult } from '../../../shared/coordinator/schema';
import type { ExportFormat } from '../../../shared/exports/schema';
import type { SaveTarget } from '../../../shared/files/schema';
import type { JobView } from '../../../shared/jobs/schema';
import { isApiError } from '../../api/client';
import { chooseSaveTarget, deliver } from '../../api/files';
import { startJob } from '../../api/jobs';
import { errorText } from '../../i18n';
import { RadioGroup } from '../../ui/fields';
import { JobProgress } from '../../ui/JobProgress';

type Outcome = { kind: 'done'; result: CoordinatorExportResult; download: boolean } | { kind: 'info'; key: string };

/** A file-name-friendly form of a site's name: « Médiathèque de Vaulx » → « mediatheque-de-vaulx ». */
const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

const failureKey = (e: { code: string; messageKey?: string }) => e.messageKey ?? `code.${e.code}`;

/**
 * The range's consolidated tables as a spreadsheet (ODS, XLSX or CSV), written by the core as a job: the hub is
 * asked, then the file is written whole under its name or not at all.
 */
export function ExportPanel({
  period,
  site,
}: {
  period: { from: string; to: string };
  /** One site of the scope: its every table rather than the scope's total. */
  site?: { id: string; name: string };
}) {
  const { t } = useTranslation('coordinator');
  const id = useId();
  // Inside a site's detail (itself under an h2), the panel is a level below.
  const Heading = site ? 'h3' : 'h2';
  const [format, setFormat] = useState<ExportFormat>('ods');
  const [jobId, setJobId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const target = useRef<SaveTarget | null>(null);

  async function start() {
    setOutcome(null);
    setFailure(null);
    try {
      const base = site ? `coordination-lieu-${slug(site.name)}` : 'coordination';
      const chosen = await chooseSaveTarget(format, `${base}-${period.from}-${period.to}.${format}`);
      if (!chosen) {
        setOutcome({ kind: 'info', key: 'export.pickCancelled' });
        return;
      }
      target.current = chosen;
      const input = { targetId: chosen.targetId, format, from: period.from, to: period.to };
      setJobId(await startJob('coordinator.export', site ? { ...input, siteId: site.id } : input));
    } catch (e) {
      setFailure(isApiError(e) ? failureKey(e.error) : 'code.internal');
    }
  }

  function ended(view: JobView) {
    setJobId(null);
    if (view.state === 'done') {
      const download = target.current?.delivery === 'download';
      if (target.current) deliver(target.current);
      setOutcome({ kind: 'done', result: view.result as CoordinatorExportResult, download });
    } else if (view.state === 'cancelled') setOutcome({ kind: 'info', key: 'export.cancelled' });
    else setFailure(failureKey(view.error ?? { code: 'internal' }));
  }

  return (
    <section aria-labelledby={`${id}-title`} className="fr-mb-5w">
      <Heading id={`${id}-title`} className={site ? 'fr-h5' : 'fr-h4'}>
        {site ? t('export.siteTitle', { name: site.name }) : t('export.title')}
      </Heading>
      <p>{site ? t('export.siteIntro') : t('export.intro')}</p>
      <RadioGroup<ExportFormat>
        id={`${id}-format`}
        legend={t('export.format')}
        value={format}
        onChange={setFormat}
        options={[
          { value: 'ods', label: t('export.ods') },
          { value: 'xlsx', label: t('export.xlsx') },
          { value: 'csv', label: t('export.csv') },
        ]}
      />
      <button
        type="button"
        className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left"
        disabled={jobId !== null}
        onClick={() => void start()}
      >
        {site ? t('export.siteButton', { name: site.name }) : t('export.button')}
      </button>
      {jobId && <JobProgress jobId={jobId} label={t('export.progress')} onEnd={ended} />}
      <div role="status" className="fr-mt-2w">
        {outcome?.kind === 'done' && (
          <div className="fr-alert fr-alert--success fr-alert--sm">
            <p>
              {t('export.done', { name: outcome.result.name, rows: outcome.result.rows, sites: outcome.result.sites })}
            </p>
            {outcome.download && <p>{t('export.downloaded')}</p>}
          </div>
        )}
        {outcome?.kind === 'info' && <p className="fr-message fr-message--info">{t(outcome.key as never)}</p>}
      </div>
      {failure && (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mt-2w" role="alert">
          <p>{errorText(failure)}</p>
        </div>
      )}
    </section>
  );
}
