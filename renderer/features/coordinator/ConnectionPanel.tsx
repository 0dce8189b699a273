import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinatorStatus } from '../../../shared/coordinator/schema';
import { useCoreMutation } from '../../api/hooks';
import { formatDateTime } from '../../lib/format';

/** Which hub and scope this app reads, since when, through which proxy; and the way out. */
export function ConnectionPanel({
  status,
  granularity,
  onDisconnect,
}: {
  status: CoordinatorStatus;
  /** As the hub's last answer says (the status may have been read before it). */
  granularity: 'month' | 'week';
  onDisconnect: () => void;
}) {
  const { t, i18n } = useTranslation('coordinator');
  const id = useId();
  const c = status.connection!;
  const disconnect = useCoreMutation('coordinator.disconnect');
  return (
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
        <dt>{t('connection.granularity')}</dt>
        <dd>{t(`connection.granularityValue.${granularity}`)}</dd>
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
  );
}
