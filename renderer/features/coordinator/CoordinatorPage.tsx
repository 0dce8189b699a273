import { useEffect, useId, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Consolidated, CoordinatorStatus, CoordinatorSummary } from '../../../shared/coordinator/schema';
import { ACTIVITY_DIMENSIONS, POPULATION_DIMENSIONS } from '../../../shared/sync/dimensions';
import { useCoreMutation, useCoreQuery } from '../../api/hooks';
import { coreErrorText, coreFieldErrors } from '../../lib/core-error';
import { formatDateTime, formatDuration, formatNumber } from '../../lib/format';
import { HubAddressForm } from '../../ui/HubAddressForm';
import { InputField } from '../../ui/fields';
import { clickDownload } from '../../lib/download';
import { ChartFigure } from '../../ui/ChartFigure';
import { drawBars } from '../../ui/charts';
import { summaryCsv } from './csv';
import { ImportSnapshotFile } from './ImportSnapshotFile';
import { snapshotKeyLabel } from '../../lib/snapshot-key-label';
import '../../ui/figures.css';
import './coordinator.css';

/** A hub table key's label, with this feature's texts for the snapshot's own keys (durations, first visit, areas). */
const keyLabel = (dimension: string, key: string): string => snapshotKeyLabel(dimension, key, 'coordinator');

/** Tables drawn as a chart beside their table (the others are tables only: the screen stays light). */
const CHARTED = new Set<string>(['operators', 'topics']);

/** « Coordination » (#/coordination): connection, period, the scope's total, its sites, a site's detail. */
export function CoordinatorPage() {
  const { t } = useTranslation('coordinator');
  const status = useCoreQuery('coordinator.status', {});
  return (
    <div>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {status.data &&
        (status.data.connection ? (
          <Connected status={status.data} onDisconnect={status.refetch} />
        ) : (
          <ConnectForm onDone={status.refetch} />
        ))}
    </div>
  );
}

function ConnectForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('coordinator');
  const connect = useCoreMutation('coordinator.connect');
  return (
    <HubAddressForm
      texts={{
        title: t('connect.title'),
        intro: t('connect.intro'),
        hubUrl: t('connect.hubUrl'),
        hubUrlHint: t('connect.hubUrlHint'),
        secret: t('connect.credential'),
        secretHint: t('connect.credentialHint'),
        submit: t('connect.submit'),
      }}
      secretName="credential"
      secretType="password"
      pending={connect.pending}
      send={async (hubUrl, credential) => {
        await connect.mutate({ hubUrl, credential });
      }}
      onDone={onDone}
    />
  );
}

/** January of this year to this month: the default period. */
function defaultPeriod() {
  const now = new Date().toISOString().slice(0, 7);
  return { from: `${now.slice(0, 4)}-01`, to: now };
}

function Connected({ status, onDisconnect }: { status: CoordinatorStatus; onDisconnect: () => void }) {
  const { t, i18n } = useTranslation('coordinator');
  const id = useId();
  const c = status.connection!;
  const disconnect = useCoreMutation('coordinator.disconnect');
  const [draft, setDraft] = useState(defaultPeriod);
  const [period, setPeriod] = useState(defaultPeriod);
  const [periodErrors, setPeriodErrors] = useState<Record<string, string>>({});
  const [siteId, setSiteId] = useState<string | null>(null);
  const summary = useCoreQuery('coordinator.summary', period);
  const summaryError = summary.error ? coreErrorText(summary.error) : null;
  const fieldErrors = summary.error ? coreFieldErrors(summary.error) : {};
  const shownErrors = { ...fieldErrors, ...periodErrors };
  return (
    <>
      <section aria-labelledby={`${id}-connection`} className="fr-mb-4w">
        <h2 id={`${id}-connection`} className="fr-h4">
          {t('connection.title')}
        </h2>
        <dl className="mediane-coordinator-connection">
          <dt>{t('connection.scope')}</dt>
          <dd>{c.scopeName}</dd>
          <dt>{t('connection.hub')}</dt>
          <dd>{c.hubUrl}</dd>
          <dt>{t('connection.since')}</dt>
          <dd>{c.connectedAt ? formatDateTime(c.connectedAt, i18n.language) : ''}</dd>
          <dt>{t('connection.proxy')}</dt>
          <dd>{status.proxy ?? t('connection.noProxy')}</dd>
        </dl>
        <button
          type="button"
          className="fr-btn fr-btn--secondary fr-btn--sm"
          disabled={disconnect.pending}
          onClick={() => void disconnect.mutate({}).then(onDisconnect, () => onDisconnect())}
        >
          {t('connection.disconnect')}
        </button>
      </section>
      <ImportSnapshotFile onImported={() => summary.refetch()} />

      <form
        noValidate
        className="fr-mb-4w"
        onSubmit={(e) => {
          e.preventDefault();
          setPeriodErrors(
            draft.from > draft.to
              ? { to: coreErrorText({ code: 'invalid_input', messageKey: 'coordinator.periodReversed' }) }
              : {},
          );
          if (draft.from <= draft.to) {
            setSiteId(null);
            // The same period again asks the hub again (its figures may have changed since).
            if (draft.from === period.from && draft.to === period.to) summary.refetch();
            else setPeriod({ ...draft });
          }
        }}
      >
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">{t('period.legend')}</legend>
          <div className="mediane-coordinator-period">
            <InputField
              id={`${id}-from`}
              type="month"
              label={t('period.from')}
              value={draft.from}
              error={shownErrors.from}
              required
              onChange={(from) => setDraft((d) => ({ ...d, from }))}
            />
            <InputField
              id={`${id}-to`}
              type="month"
              label={t('period.to')}
              value={draft.to}
              error={shownErrors.to}
              required
              onChange={(to) => setDraft((d) => ({ ...d, to }))}
            />
            <button type="submit" className="fr-btn">
              {t('period.show')}
            </button>
          </div>
        </fieldset>
      </form>

      {summary.loading && <p role="status">{t('loading')}</p>}
      {summaryError && Object.keys(fieldErrors).length === 0 && (
        <div className="fr-alert fr-alert--error fr-mb-4w" role="alert">
          <p>{summaryError}</p>
        </div>
      )}
      {summary.data && (
        <Summary s={summary.data} period={period} siteId={siteId} onOpen={setSiteId} onClose={() => setSiteId(null)} />
      )}
    </>
  );
}

function Summary({
  s,
  period,
  siteId,
  onOpen,
  onClose,
}: {
  s: CoordinatorSummary;
  period: { from: string; to: string };
  siteId: string | null;
  onOpen(id: string): void;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation('coordinator');
  const n = (x: number) => formatNumber(x, i18n.language);
  const site = s.sites.find((x) => x.id === siteId) ?? null;
  return (
    <>
      <section aria-labelledby="coordinator-sites" className="fr-mb-5w">
        <h2 id="coordinator-sites">{t('sites.title')}</h2>
        {s.sites.length === 0 ? (
          <p>{t('sites.empty')}</p>
        ) : (
          <div className="fr-table fr-table--no-caption">
            <table>
              <caption>{t('sites.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sites.name')}</th>
                  <th scope="col">{t('sites.departement')}</th>
                  <th scope="col">{t('sites.sessions')}</th>
                  <th scope="col">{t('sites.peopleHelped')}</th>
                  <th scope="col">{t('sites.minutes')}</th>
                  <th scope="col">{t('sites.snapshots')}</th>
                  <th scope="col">{t('sites.open')}</th>
                </tr>
              </thead>
              <tbody>
                {s.sites.map((x) => (
                  <tr key={x.id}>
                    <th scope="row">{x.name}</th>
                    <td>{x.departement}</td>
                    <td>{n(x.totals.sessions)}</td>
                    <td>{n(x.totals.peopleHelped)}</td>
                    <td>{formatDuration(x.totals.totalMinutes)}</td>
                    <td>{n(x.totals.snapshots)}</td>
                    <td>
                      <button
                        type="button"
                        className="fr-btn fr-btn--tertiary fr-btn--sm"
                        aria-label={t('sites.openLabel', { name: x.name })}
                        aria-expanded={siteId === x.id}
                        onClick={() => (siteId === x.id ? onClose() : onOpen(x.id))}
                      >
                        {t('sites.open')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {site && <SiteDetail siteId={site.id} name={site.name} period={period} onClose={onClose} />}
      <section aria-labelledby="coordinator-total">
        <h2 id="coordinator-total">
          {t('total.title')} : {s.scope.name}
        </h2>
        <p>{t('total.snapshots', { count: s.total.snapshots, sites: n(s.sites.length) })}</p>
        <button
          type="button"
          className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line fr-btn--icon-left fr-mb-3w"
          onClick={() => downloadCsv(s, period, t)}
        >
          {t('export.button')}
        </button>
        <Tables c={s.total} idPrefix="total" />
      </section>
    </>
  );
}

function downloadCsv(s: CoordinatorSummary, period: { from: string; to: string }, t: TFunction<'coordinator'>) {
  const text = (key: string) => t(key as never) as unknown as string;
  const csv = summaryCsv(s, {
    headers: {
      section: text('export.section'),
      key: text('export.key'),
      label: text('export.label'),
      count: text('export.count'),
      suppressedIn: text('export.suppressedIn'),
    },
    sitesSection: text('export.sites'),
    totals: {
      sessions: text('keyFigures.sessions'),
      individualSessions: text('keyFigures.individualSessions'),
      workshops: text('keyFigures.workshops'),
      workshopParticipants: text('keyFigures.workshopParticipants'),
      peopleHelped: text('keyFigures.peopleHelped'),
      totalMinutes: text('export.totalMinutes'),
    },
    dimension: (dim) => text(`dimension.${dim}`),
    keyLabel,
  });
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  try {
    clickDownload(url, `coordination-${period.from}-${period.to}.csv`);
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

function SiteDetail({
  siteId,
  name,
  period,
  onClose,
}: {
  siteId: string;
  name: string;
  period: { from: string; to: string };
  onClose(): void;
}) {
  const { t } = useTranslation('coordinator');
  const detail = useCoreQuery('coordinator.site', { siteId, ...period });
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a site's detail takes the reader there (once per site, not on every redraw).
  useEffect(() => heading.current?.focus(), [siteId]);
  return (
    <section aria-labelledby="coordinator-site" className="mediane-coordinator-site fr-p-3w fr-mb-5w">
      <h2 id="coordinator-site" tabIndex={-1} ref={heading}>
        {t('site.title', { name })}
      </h2>
      <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm fr-mb-2w" onClick={onClose}>
        {t('site.close')}
      </button>
      {detail.loading && <p role="status">{t('loading')}</p>}
      {detail.error && (
        <div className="fr-alert fr-alert--error" role="alert">
          <p>{coreErrorText(detail.error)}</p>
        </div>
      )}
      {detail.data && <Tables c={detail.data} idPrefix="site" />}
    </section>
  );
}

function Tables({ c, idPrefix }: { c: Consolidated; idPrefix: string }) {
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
          charted={false}
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

interface Row {
  key: string;
  count: number;
  suppressedIn: number;
}

function usePercent() {
  const { i18n } = useTranslation();
  const f = new Intl.NumberFormat(i18n.language.startsWith('en') ? 'en-GB' : 'fr-FR', {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  return (x: number) => f.format(x);
}

function Breakdown({ id, dim, rows, charted }: { id: string; dim: string; rows: Row[]; charted: boolean }) {
  const { t, i18n } = useTranslation('coordinator');
  const pct = usePercent();
  const title = t(`dimension.${dim}` as never);
  const sum = rows.reduce((a, r) => a + r.count, 0);
  const shown = rows.filter((r) => r.count > 0 || r.suppressedIn > 0).sort((a, b) => b.count - a.count);
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
                {formatNumber(r.count, i18n.language)}
                {r.suppressedIn > 0 && (
                  <span className="fr-hint-text">{t('breakdown.suppressed', { count: r.suppressedIn })}</span>
                )}
              </td>
              <td>{sum > 0 ? pct(r.count / sum) : '–'}</td>
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
