import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultPeriod, granularityOf, lastClosed, type HubPeriod } from '../../../shared/coordinator/periods';
import type { CoordinatorStatus } from '../../../shared/coordinator/schema';
import { useCoreQuery } from '../../api/hooks';
import { coreErrorText } from '../../lib/core-error';
import { today } from '../../lib/format';
import { ActivityReportPanel } from './ActivityReport';
import { ConnectionPanel } from './ConnectionPanel';
import { ImportSnapshotFile } from './ImportSnapshotFile';
import { ExportPanel } from './ExportPanel';
import { PeriodPicker } from './PeriodPicker';
import { ScopeFigures } from './ScopeFigures';

/** Connected: the period picked over the hub's closed periods, and everything the hub says of it. */
export function ConnectedView({ status, onDisconnect }: { status: CoordinatorStatus; onDisconnect: () => void }) {
  const { t } = useTranslation('coordinator');
  const stored = status.connection!.granularity;
  const [period, setPeriod] = useState<HubPeriod>(() => defaultPeriod(stored, today()));
  const [siteId, setSiteId] = useState<string | null>(null);
  const summary = useCoreQuery('coordinator.summary', { from: period.from, to: period.to });
  // The hub says its granularity with every answer: if it is not the one the period was built on, start again.
  const granularity = summary.data?.disclosure?.granularity ?? stored;
  if (granularityOf(period.from) !== granularity) setPeriod(defaultPeriod(granularity, today()));
  const change = (p: HubPeriod) => {
    setSiteId(null);
    setPeriod(p);
  };
  const shown =
    summary.data && summary.data.from === period.from && summary.data.to === period.to ? summary.data : null;
  return (
    <>
      <ConnectionPanel status={status} granularity={granularity} onDisconnect={onDisconnect} />
      <ImportSnapshotFile onImported={() => summary.refetch()} />
      <PeriodPicker
        granularity={granularity}
        value={period}
        lastClosed={lastClosed(granularity, today())}
        onChange={change}
      />
      <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm fr-mb-3w" onClick={summary.refetch}>
        {t('period.refresh')}
      </button>
      {summary.loading && <p role="status">{t('loading')}</p>}
      {summary.error && (
        <div className="fr-alert fr-alert--error fr-mb-4w" role="alert">
          <p>{coreErrorText(summary.error)}</p>
        </div>
      )}
      {shown && (
        <>
          <ExportPanel period={{ from: period.from, to: period.to }} />
          <ActivityReportPanel s={shown} period={period} />
          <ScopeFigures s={shown} siteId={siteId} onOpen={setSiteId} onClose={() => setSiteId(null)} />
        </>
      )}
    </>
  );
}
