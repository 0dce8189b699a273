import { useTranslation } from 'react-i18next';
import { useCoreQuery } from '../../api/hooks';
import { ConnectForm } from './ConnectForm';
import { ConnectedView } from './ConnectedView';
import '../../ui/figures.css';
import './coordinator.css';

/**
 * « Coordination » (#/coordination): connection, then the period, the scope's sites and total, a site's detail,
 * the exports and the printed report. Each part is its own component file (this page only lays them out).
 */
export function CoordinatorPage() {
  const { t } = useTranslation('coordinator');
  const status = useCoreQuery('coordinator.status', {});
  return (
    <div>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {status.data &&
        (status.data.connection ? (
          <ConnectedView status={status.data} onDisconnect={status.refetch} />
        ) : (
          <ConnectForm onDone={status.refetch} />
        ))}
    </div>
  );
}
