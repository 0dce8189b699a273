import type { FeatureRoute } from '../../app/feature';
import { LockSettingsPage } from './LockSettingsPage';

export const routes: FeatureRoute[] = [
  {
    name: 'lockSettings',
    match: ({ parts }) => (parts[0] === 'lieu' && parts[1] === 'verrouillage' ? <LockSettingsPage /> : null),
  },
];
