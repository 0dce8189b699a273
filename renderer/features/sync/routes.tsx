import type { FeatureRoute } from '../../app/feature';
import { SyncPage } from './SyncPage';

export const routes: FeatureRoute[] = [
  {
    name: 'sync',
    match: ({ parts }) => (parts[0] === 'synchronisation' && parts.length === 1 ? <SyncPage /> : null),
  },
];
