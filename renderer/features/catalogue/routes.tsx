import type { FeatureRoute } from '../../app/feature';
import { CataloguePage } from './CataloguePage';
import { FichePage } from './FichePage';

export const routes: FeatureRoute[] = [
  {
    name: 'catalogue',
    match: ({ parts }) => (parts[0] === 'catalogue' && parts.length === 1 ? <CataloguePage /> : null),
  },
  {
    name: 'fiche',
    match: ({ parts }) => (parts[0] === 'fiche' && parts[1] ? <FichePage id={decodeURIComponent(parts[1])} /> : null),
  },
];
