import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveTarget } from '../../../shared/files/schema';
import type { SyncRunResult, SyncStatus } from '../../../shared/sync/desk-schema';
import { chooseSaveTarget, deliver } from '../../api/files';
import { useCoreMutation, useCoreQuery } from '../../api/hooks';
import { startJob } from '../../api/jobs';
import { coreErrorText, coreFieldErrors } from '../../lib/core-error';
import { formatDateTime } from '../../lib/format';
import { HubAddressForm } from '../../ui/HubAddressForm';
import { InputField } from '../../ui/fields';
import { JobProgress } from '../../ui/JobProgress';
import { periodLabel } from './labels';
import { SnapshotPreview } from './SnapshotPreview';

/** « Synchronisation » (#/synchronisation): enrollment, status, the queue, the preview of what leaves, the log. */
export function SyncPage() {
  const { t } = useTranslation('sync');
  const status = useCoreQuery('sync.status', {});
  return (
    <div>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {status.data &&
        (status.data.enrollment ? (
          <Enrolled status={status.data} refresh={status.refetch} />
        ) : (
          <EnrollForm onDone={status.refetch} />
        ))}
    </div>
  );
}

function EnrollForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('sync');
  const enroll = useCoreMutation('sync.enroll');
  return (
    <HubAddressForm
      texts={{
        title: t('enroll.title'),
        intro: t('enroll.intro'),
        hubUrl: t('enroll.hubUrl'),
        hubUrlHint: t('enroll.hubUrlHint'),
        secret: t('enroll.code'),
        secretHint: t('enroll.codeHint'),
        submit: t('enroll.submit'),
      }}
      secretName="code"
      pending={enroll.pending}
      send={async (hubUrl, code) => {
        await enroll.mutate({ hubUrl, code });
      }}
      onDone={onDone}
    />
  );
}

function Enrolled({ status, refresh }: { status: SyncStatus; refresh: () => void }) {
  const { t, i18n } = useTranslation('sync');
  const id = useId();
  const e = status.enrollment!;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : t('status.never'));
  const [jobId, setJobId] = useState<string | null>(null);
  const [exportJob, setExportJob] = useState<{ jobId: string; target: SaveTarget } | null>(null);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [previewKey, setPreviewKey] = useState<string | null>(null);
  const close = useCoreMutation('sync.closePeriods');
  const correct = useCoreMutation('sync.correct');
  const requeue = useCoreMutation('sync.requeue');
  const configure = useCoreMutation('sync.configure');
  const [grace, setGrace] = useState(String(status.graceDays));
  const [graceError, setGraceError] = useState<string | undefined>();
  const preview = useCoreQuery('sync.preview', { key: previewKey ?? '' }, { enabled: previewKey !== null });
  const pending = status.queue.filter((q) => q.state !== 'sent');

  const act = async (run: () => Promise<string>) => {
    setMessage(null);
    try {
      setMessage({ kind: 'info', text: await run() });
    } catch (err) {
      setMessage({ kind: 'error', text: coreErrorText(err) });
    }
    refresh();
  };

  return (
    <>
      <section aria-labelledby={`${id}-status`}>
        <h2 id={`${id}-status`}>{t('status.title')}</h2>
        <ul>
          <li>{t('status.site', { name: e.siteName, departement: e.siteDepartement })}</li>
          <li>{t('status.hub', { url: e.hubUrl })}</li>
          <li>{t('status.rule', { k: e.k, granularity: t(`granularity.${e.granularity}`) })}</li>
          <li>{t('status.lastSuccess', { when: when(status.lastSuccessAt) })}</li>
          {status.nextTryAt && <li>{t('status.nextTry', { when: when(status.nextTryAt) })}</li>}
          {status.lastError && <li>{t('status.lastError', { reason: t(`retry.${status.lastError}`) })}</li>}
          <li>{status.proxy ? t('status.proxy', { proxy: status.proxy }) : t('status.noProxy')}</li>
        </ul>
        <p className="fr-text--sm">{t('status.offline')}</p>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button
              type="button"
              className="fr-btn"
              disabled={jobId !== null}
              onClick={async () => {
                setMessage(null);
                setJobId(await startJob('sync.run', {}));
              }}
            >
              {t('actions.syncNow')}
            </button>
          </li>
          <li>
            <button
              type="button"
              className="fr-btn fr-btn--secondary"
              disabled={close.pending}
              onClick={() =>
                act(async () => {
                  const r = await close.mutate({});
                  return r.closed.length ? t('actions.closed', { count: r.closed.length }) : t('actions.noneDue');
                })
              }
            >
              {t('actions.close')}
            </button>
          </li>
          <li>
            <button
              type="button"
              className="fr-btn fr-btn--tertiary"
              aria-describedby={`${id}-export-hint`}
              disabled={exportJob !== null}
              onClick={async () => {
                setMessage(null);
                const target = await chooseSaveTarget('snapshots', t('export.fileName'));
                if (target)
                  setExportJob({ jobId: await startJob('sync.exportFile', { targetId: target.targetId }), target });
              }}
            >
              {t('actions.export')}
            </button>
          </li>
        </ul>
        <p id={`${id}-export-hint`} className="fr-text--sm">
          {t('export.hint')}
        </p>
        {exportJob && (
          <JobProgress
            jobId={exportJob.jobId}
            label={t('export.running')}
            onEnd={(view) => {
              const target = exportJob.target;
              setExportJob(null);
              if (view.state === 'done') {
                deliver(target);
                setMessage({
                  kind: 'info',
                  text: t('export.done', { count: (view.result as { snapshots: number }).snapshots }),
                });
              } else if (view.state === 'failed') setMessage({ kind: 'error', text: coreErrorText(view.error) });
              refresh();
            }}
          />
        )}
        {jobId && (
          <JobProgress
            jobId={jobId}
            label={t('actions.running')}
            onEnd={(view) => {
              setJobId(null);
              const r = view.result as SyncRunResult | undefined;
              if (view.state === 'done' && r)
                setMessage({
                  kind: r.state === 'done' ? 'info' : 'error',
                  text:
                    r.state === 'done'
                      ? t('actions.done', { count: r.sent, quarantined: r.quarantined })
                      : t('actions.later', { count: r.sent, reason: t(`retry.${r.reason ?? 'network'}`) }),
                });
              else if (view.state === 'failed') setMessage({ kind: 'error', text: coreErrorText(view.error) });
              refresh();
            }}
          />
        )}
        <div role="status">
          {message && (
            <div
              className={`fr-alert fr-alert--${message.kind === 'info' ? 'success' : 'error'} fr-alert--sm fr-mb-2w`}
            >
              <p>{message.text}</p>
            </div>
          )}
        </div>
      </section>

      <section aria-labelledby={`${id}-queue`}>
        <h2 id={`${id}-queue`}>{t('queue.title')}</h2>
        <p>{t('queue.intro', { count: pending.length })}</p>
        {status.queue.length > 0 && (
          <div className="fr-table">
            <table>
              <caption>{t('queue.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('queue.period')}</th>
                  <th scope="col">{t('queue.version')}</th>
                  <th scope="col">{t('queue.state')}</th>
                  <th scope="col">{t('queue.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {status.queue.map((q) => {
                  const label = periodLabel(q.period, i18n.language);
                  return (
                    <tr key={q.key}>
                      <th scope="row">{label}</th>
                      <td>{q.version}</td>
                      <td>
                        {t(`state.${q.state}`)}
                        {q.error && (
                          <span className="fr-text--sm">
                            {' '}
                            {t('queue.refused', { status: q.error.status, code: q.error.code })}
                          </span>
                        )}
                      </td>
                      <td>
                        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                          <li>
                            <button
                              type="button"
                              className="fr-btn fr-btn--tertiary"
                              aria-pressed={previewKey === q.key}
                              onClick={() => setPreviewKey(q.key)}
                            >
                              {t('queue.show', { period: label, version: q.version })}
                            </button>
                          </li>
                          {q.state === 'quarantined' && (
                            <li>
                              <button
                                type="button"
                                className="fr-btn fr-btn--tertiary"
                                onClick={() =>
                                  act(async () => {
                                    await requeue.mutate({ key: q.key });
                                    return t('queue.requeued');
                                  })
                                }
                              >
                                {t('queue.requeue', { period: label })}
                              </button>
                            </li>
                          )}
                          {q.state === 'sent' && (
                            <li>
                              <button
                                type="button"
                                className="fr-btn fr-btn--tertiary"
                                onClick={() =>
                                  act(async () => {
                                    const r = await correct.mutate({ period: q.period });
                                    return t('queue.corrected', { period: label, version: r.version });
                                  })
                                }
                              >
                                {t('queue.correct', { period: label })}
                              </button>
                            </li>
                          )}
                        </ul>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {preview.data && previewKey && <SnapshotPreview preview={preview.data} />}
      </section>

      <section aria-labelledby={`${id}-log`}>
        <h2 id={`${id}-log`}>{t('log.title')}</h2>
        {status.log.length === 0 ? (
          <p>{t('log.empty')}</p>
        ) : (
          <div className="fr-table">
            <table>
              <caption>{t('log.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('log.at')}</th>
                  <th scope="col">{t('queue.period')}</th>
                  <th scope="col">{t('queue.version')}</th>
                  <th scope="col">{t('log.destination')}</th>
                  <th scope="col">{t('log.outcome')}</th>
                  <th scope="col">{t('log.hash')}</th>
                </tr>
              </thead>
              <tbody>
                {status.log.map((l) => (
                  <tr key={`${l.at}-${l.period}-${l.version}-${l.outcome}`}>
                    <td>{when(l.at)}</td>
                    <td>{periodLabel(l.period, i18n.language)}</td>
                    <td>{l.version}</td>
                    <td>{l.destination}</td>
                    <td>{t(`outcome.${l.outcome}`, { defaultValue: l.outcome })}</td>
                    <td>
                      <code>{l.hash.slice(0, 12)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby={`${id}-settings`}>
        <h2 id={`${id}-settings`}>{t('settings.title')}</h2>
        <form
          noValidate
          onSubmit={(ev) => {
            ev.preventDefault();
            setGraceError(undefined);
            void configure
              .mutate({ graceDays: grace === '' ? Number.NaN : Number(grace) })
              .then(refresh, (err: unknown) => setGraceError(coreFieldErrors(err).graceDays ?? coreErrorText(err)));
          }}
        >
          <InputField
            id={`${id}-grace`}
            type="number"
            min={0}
            max={60}
            className="mediane-short-input"
            label={t('settings.grace')}
            hint={t('settings.graceHint')}
            value={grace}
            error={graceError}
            onChange={setGrace}
          />
          <button type="submit" className="fr-btn fr-btn--secondary" disabled={configure.pending}>
            {t('settings.save')}
          </button>
        </form>
      </section>
    </>
  );
}
