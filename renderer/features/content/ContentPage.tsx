import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackChannel } from '../../../shared/content/pack';
import type { ChannelState, InstallResult } from '../../../shared/content/schema';
import type { JobView } from '../../../shared/jobs/schema';
import { api } from '../../api/client';
import { chooseOpenSource } from '../../api/files';
import { useCoreQuery } from '../../api/hooks';
import { startJob } from '../../api/jobs';
import { errorText } from '../../i18n';
import { coreErrorText } from '../../lib/core-error';
import { formatDate } from '../../lib/format';
import { JobProgress } from '../../ui/JobProgress';

type Outcome = { tone: 'success' | 'warning' | 'error' | 'info'; title?: string; text: string; details?: string[] };

/** « Contenus » (#/contenus): the version in use per channel, installing a signed pack from a file or the hub. */
export function ContentPage() {
  const { t, i18n } = useTranslation('content');
  const status = useCoreQuery('content.status', {});
  const [job, setJob] = useState<{ id: string; label: string } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const channelName = useCallback((c: PackChannel) => t(`channel.${c}`), [t]);

  const show = (o: Outcome) => {
    setOutcome(o);
    setTimeout(() => outcomeRef.current?.focus(), 0);
  };

  const ended = useCallback(
    (view: JobView) => {
      setJob(null);
      status.refetch();
      if (view.state === 'cancelled') return show({ tone: 'info', text: errorText('content.cancelled') });
      if (view.state === 'failed') {
        const key = view.error?.messageKey ?? `code.${view.error?.code ?? 'internal'}`;
        return show({
          tone: 'error',
          title: t('result.refusedTitle'),
          text: errorText(key),
          details: (view.error?.issues ?? []).map((i) =>
            t('result.issue', { path: i.path, message: errorText(i.message) }),
          ),
        });
      }
      const r = view.result as InstallResult;
      const channel = channelName(r.channel);
      if (r.outcome === 'installed')
        show({
          tone: r.stale ? 'warning' : 'success',
          text: t(r.stale ? 'result.installedStale' : 'result.installed', { channel, version: r.version }),
        });
      else show({ tone: 'info', text: t(`result.${r.outcome}`, { channel }) });
    },
    [t, channelName, status],
  );

  async function installFromFile() {
    if (job) return;
    try {
      const source = await chooseOpenSource('contentPack');
      if (!source) return show({ tone: 'info', text: t('result.cancelled') });
      setOutcome(null);
      setJob({ id: await startJob('content.installFile', { sourceId: source.sourceId }), label: t('file.job') });
    } catch (e) {
      show({ tone: 'error', title: t('result.refusedTitle'), text: coreErrorText(e) });
    }
  }

  async function checkHub(channel: PackChannel) {
    if (job) return;
    try {
      setOutcome(null);
      setJob({ id: await startJob('content.checkHub', { channel }), label: t('hub.job') });
    } catch (e) {
      show({ tone: 'error', text: coreErrorText(e) });
    }
  }

  async function rollback(state: ChannelState) {
    if (job) return;
    try {
      const next = await api('content.rollback', { channel: state.channel });
      status.refetch();
      const now = next.channels.find((c) => c.channel === state.channel)?.installed ?? null;
      show({
        tone: 'success',
        text: now
          ? t('rollback.doneVersion', { channel: channelName(state.channel), version: now.version })
          : t('rollback.doneShipped', { channel: channelName(state.channel) }),
      });
    } catch (e) {
      show({ tone: 'error', text: coreErrorText(e) });
    }
  }

  const data = status.data;
  const rollbackable = (data?.channels ?? []).filter((c) => c.canRollBack && c.installed);
  const supported = (data?.channels ?? []).filter((c) => c.supported);

  return (
    <div>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <div ref={outcomeRef} tabIndex={-1} aria-live="polite" className="fr-mb-3w">
        {outcome && (
          <div className={`fr-alert fr-alert--${outcome.tone} fr-alert--sm`}>
            {outcome.title && <h2 className="fr-alert__title">{outcome.title}</h2>}
            <p>{outcome.text}</p>
            {outcome.details && outcome.details.length > 0 && (
              <ul>
                {outcome.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {data && (
        <>
          <div className="fr-table fr-table--no-caption-md fr-mb-2w">
            <table>
              <caption>{t('table.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.content')}</th>
                  <th scope="col">{t('table.version')}</th>
                  <th scope="col">{t('table.issuedAt')}</th>
                  <th scope="col">{t('table.expiresAt')}</th>
                  <th scope="col">{t('table.keyId')}</th>
                  <th scope="col">{t('table.state')}</th>
                </tr>
              </thead>
              <tbody>
                {data.channels.map((c) => (
                  <ChannelRow key={c.channel} state={c} name={channelName(c.channel)} language={i18n.language} />
                ))}
              </tbody>
            </table>
          </div>
          <p className="fr-text--sm">
            {data.trustedKeys.length > 0 ? t('keys', { keys: data.trustedKeys.join(', ') }) : t('noKeys')}
          </p>

          {rollbackable.length > 0 && (
            <section className="fr-mb-4w" aria-labelledby="content-rollback-title">
              <h2 id="content-rollback-title">{t('rollback.title')}</h2>
              <p>{t('rollback.help')}</p>
              <p>
                {rollbackable.map((c) => (
                  <button
                    key={c.channel}
                    type="button"
                    className="fr-btn fr-btn--tertiary fr-icon-arrow-go-back-line fr-btn--icon-left fr-mr-2w fr-mb-1w"
                    onClick={() => void rollback(c)}
                    disabled={job !== null}
                  >
                    {c.installed?.previousVersion
                      ? t('rollback.toVersion', {
                          channel: channelName(c.channel),
                          version: c.installed.previousVersion,
                        })
                      : t('rollback.toShipped', { channel: channelName(c.channel) })}
                  </button>
                ))}
              </p>
            </section>
          )}

          <section className="fr-mb-4w" aria-labelledby="content-file-title">
            <h2 id="content-file-title">{t('file.title')}</h2>
            <p>{t('file.help')}</p>
            <button
              type="button"
              className="fr-btn fr-icon-upload-line fr-btn--icon-left"
              onClick={() => void installFromFile()}
              disabled={job !== null}
            >
              {t('file.button')}
            </button>
          </section>

          <section className="fr-mb-4w" aria-labelledby="content-hub-title">
            <h2 id="content-hub-title">{t('hub.title')}</h2>
            {data.hubEnrolled ? (
              <>
                <p>{t('hub.help')}</p>
                <p>
                  {supported.map((c) => (
                    <button
                      key={c.channel}
                      type="button"
                      className="fr-btn fr-btn--secondary fr-icon-refresh-line fr-btn--icon-left fr-mr-2w fr-mb-1w"
                      onClick={() => void checkHub(c.channel)}
                      disabled={job !== null}
                    >
                      {t('hub.button', { channel: channelName(c.channel) })}
                    </button>
                  ))}
                </p>
              </>
            ) : (
              <p>{t('hub.notEnrolled')}</p>
            )}
          </section>
        </>
      )}
      {job && <JobProgress jobId={job.id} label={job.label} onEnd={ended} />}
    </div>
  );
}

function ChannelRow({ state, name, language }: { state: ChannelState; name: string; language: string }) {
  const { t } = useTranslation('content');
  const p = state.installed;
  const day = (iso: string) => formatDate(iso.slice(0, 10), language);
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        {p ? (
          <>
            {t('table.packVersion', { version: p.version })}
            <br />
            <span className="fr-text--xs">{t('table.installedAt', { date: day(p.installedAt) })}</span>
          </>
        ) : (
          t(`table.shipped.${state.channel}`)
        )}
      </td>
      <td>{p ? day(p.issuedAt) : t('table.none')}</td>
      <td>{p ? day(p.expiresAt) : t('table.none')}</td>
      <td>{p ? <code>{p.keyId}</code> : t('table.none')}</td>
      <td>
        {!state.supported ? (
          t('table.unsupported')
        ) : p?.stale ? (
          <>
            <p className="fr-badge fr-badge--warning fr-badge--sm">{t('table.stale')}</p>
            <br />
            <span className="fr-text--xs">{t('table.staleHelp')}</span>
          </>
        ) : p ? (
          <p className="fr-badge fr-badge--success fr-badge--sm">{t('table.valid')}</p>
        ) : (
          t('table.none')
        )}
      </td>
    </tr>
  );
}
