import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportCommitResult, ImportPreview } from '../../../shared/exports/schema';
import { isApiError } from '../../api/client';
import { chooseOpenSource } from '../../api/files';
import { errorText } from '../../i18n';
import { formatDate, taxonomyLabel } from '../../lib/format';
import { JobProgress } from '../../ui/JobProgress';
import { failureKey, useExportsJob, type Ended } from './use-job';

type Step =
  | { kind: 'idle' }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'done'; preview: ImportPreview; result: ImportCommitResult };

/** A small DSFR table with a caption: every list of the preview. */
function Table({ caption, head, rows }: { caption: string; head: string[]; rows: Array<Array<string | number>> }) {
  return (
    <div className="fr-table fr-table--no-caption-top fr-mb-3w">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {head.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i}>
                    {r.map((c, j) => (
                      <td key={j}>{c}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

function PreviewView({ preview }: { preview: ImportPreview }) {
  const { t, i18n } = useTranslation('exports');
  const figures: Array<[string, number]> = [
    [t('import.rows'), preview.rows],
    [t('import.sessions'), preview.sessions],
    [t('import.workshops'), preview.workshops],
    [t('import.alreadyImported'), preview.alreadyImported],
    [t('import.unreadableCount'), preview.unreadableCount],
  ];
  return (
    <section aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">{t('import.previewTitle', { name: preview.fileName })}</h2>
      <ul className="fr-mb-3w">
        {figures.map(([label, n]) => (
          <li key={label}>
            {label} : <strong>{n}</strong>
          </li>
        ))}
      </ul>
      <h3>{t('import.unmappedTitle')}</h3>
      {preview.unmapped.length === 0 ? (
        <p>{t('import.noneUnmapped')}</p>
      ) : (
        <>
          <p>{t('import.unmappedIntro')}</p>
          <Table
            caption={t('import.unmappedTitle')}
            head={[t('import.column'), t('import.value'), t('import.count')]}
            rows={preview.unmapped.map((u) => [u.column, u.value, u.count])}
          />
        </>
      )}
      {preview.unreadableCount > 0 && (
        <>
          <h3>{t('import.unreadableTitle')}</h3>
          {preview.unreadable.length < preview.unreadableCount && (
            <p>{t('import.truncated', { shown: preview.unreadable.length, count: preview.unreadableCount })}</p>
          )}
          <Table
            caption={t('import.unreadableTitle')}
            head={[t('import.line'), t('import.reason')]}
            rows={preview.unreadable.map((u) => [u.line, errorText(u.reason)])}
          />
        </>
      )}
      {preview.sample.length > 0 && (
        <>
          <h3>{t('import.sampleTitle')}</h3>
          <Table
            caption={t('import.sampleTitle')}
            head={[
              t('import.line'),
              t('import.date'),
              t('import.type'),
              t('import.participants'),
              t('import.duration'),
              t('import.topics'),
            ]}
            rows={preview.sample.map((s) => [
              s.line,
              formatDate(s.date, i18n.language),
              taxonomyLabel('kind', s.kind),
              s.participants,
              s.durationMin,
              s.topics.map((k) => taxonomyLabel('topic', k)).join(', '),
            ])}
          />
        </>
      )}
    </section>
  );
}

export function ImportPage() {
  const { t } = useTranslation('exports');
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);

  const previewJob = useExportsJob<'exports.previewImport'>((ended: Ended<'exports.previewImport'>) => {
    setBusy(false);
    if (ended.state === 'done') setStep({ kind: 'preview', preview: ended.result });
    else if (ended.state === 'cancelled') setNotice(t('import.cancelled'));
    else setFailure(failureKey(ended.error));
  });
  const commitJob = useExportsJob<'exports.commitImport'>((ended: Ended<'exports.commitImport'>) => {
    setBusy(false);
    if (ended.state === 'done' && step.kind === 'preview')
      setStep({ kind: 'done', preview: step.preview, result: ended.result });
    else if (ended.state === 'cancelled') setNotice(t('import.cancelled'));
    else if (ended.state === 'failed') setFailure(failureKey(ended.error));
  });

  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);
  useEffect(() => {
    if (step.kind === 'done') resultRef.current?.focus();
    if (step.kind === 'preview') previewRef.current?.focus();
  }, [step.kind]);

  async function choose() {
    if (busy) return;
    setFailure(null);
    setNotice(null);
    setStep({ kind: 'idle' });
    setBusy(true);
    try {
      const source = await chooseOpenSource('spreadsheet');
      if (!source) {
        setBusy(false);
        setNotice(t('import.pickCancelled'));
        return;
      }
      await previewJob.start('exports.previewImport', { sourceId: source.sourceId });
    } catch (err) {
      setBusy(false);
      setFailure(isApiError(err) ? failureKey(err.error) : 'code.internal');
    }
  }

  async function confirm() {
    if (busy || step.kind !== 'preview') return;
    setFailure(null);
    setBusy(true);
    try {
      await commitJob.start('exports.commitImport', { planId: step.preview.planId });
    } catch (err) {
      setBusy(false);
      setFailure(isApiError(err) ? failureKey(err.error) : 'code.internal');
    }
  }

  const toImport = step.kind === 'preview' ? step.preview.sessions - step.preview.alreadyImported : 0;
  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('import.pageTitle')}</h1>
      <p>{t('import.pageIntro')}</p>
      <p className="fr-text--sm">{t('import.reimport')}</p>
      {failure && (
        <div ref={alertRef} className="fr-alert fr-alert--error fr-mb-3w" role="alert" tabIndex={-1}>
          <h2 className="fr-alert__title">{t('import.errorTitle')}</h2>
          <p>{errorText(failure)}</p>
        </div>
      )}
      {step.kind !== 'preview' && !previewJob.jobId && (
        <button
          type="button"
          className="fr-btn fr-btn--icon-left fr-icon-upload-line"
          onClick={() => void choose()}
          disabled={busy}
        >
          {step.kind === 'done' ? t('import.restart') : t('import.choose')}
        </button>
      )}
      {previewJob.jobId && (
        <JobProgress jobId={previewJob.jobId} label={t('import.analysing')} onEnd={previewJob.ended} />
      )}
      {notice && (
        <p className="fr-message fr-message--info fr-mt-2w" role="status">
          {notice}
        </p>
      )}
      {step.kind !== 'idle' && (
        <div ref={previewRef} tabIndex={-1} className="fr-mt-4w">
          <PreviewView preview={step.preview} />
        </div>
      )}
      {step.kind === 'preview' && !commitJob.jobId && (
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="button" className="fr-btn" onClick={() => void confirm()} disabled={busy || toImport <= 0}>
              {toImport > 0 ? t('import.confirm', { count: toImport }) : t('import.nothingToImport')}
            </button>
          </li>
          <li>
            <button type="button" className="fr-btn fr-btn--secondary" onClick={() => void choose()} disabled={busy}>
              {t('import.restart')}
            </button>
          </li>
        </ul>
      )}
      {commitJob.jobId && <JobProgress jobId={commitJob.jobId} label={t('import.importing')} onEnd={commitJob.ended} />}
      <div ref={resultRef} tabIndex={-1} role="status" className="fr-mt-2w">
        {step.kind === 'done' && (
          <div className="fr-alert fr-alert--success">
            <p>{t('import.done', { inserted: step.result.inserted })}</p>
            {step.result.alreadyImported > 0 && (
              <p>{t('import.doneSkipped', { skipped: step.result.alreadyImported })}</p>
            )}
            {step.result.unreadableCount > 0 && (
              <p>{t('import.doneUnreadable', { count: step.result.unreadableCount })}</p>
            )}
            <p>
              <a className="fr-link" href="#/journal">
                {t('import.toJournal')}
              </a>
            </p>
          </div>
        )}
      </div>
    </div>
  );
}
