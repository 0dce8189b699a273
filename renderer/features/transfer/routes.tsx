import type { FeatureRoute } from '../../app/feature';
import { MoveDeskPage } from './MoveDeskPage';
import { RestorePage } from './RestorePage';

export const routes: FeatureRoute[] = [
  {
    name: 'moveDesk',
    match: ({ parts }) => (parts[0] === 'lieu' && parts[1] === 'changer-d-ordinateur' ? <MoveDeskPage /> : null),
  },
  // Before the first run is done: a new computer picks up the old one's desk instead of describing it again.
  { name: 'restoreDesk', beforeSetup: true, match: ({ parts }) => (parts[0] === 'restaurer' ? <RestorePage /> : null) },
];
