import type { FeatureRoute } from '../../app/feature';
import { SitePage } from './SitePage';

export const paths = { site: '#/lieu' };

export const routes: FeatureRoute[] = [
  { name: 'site', match: ({ parts }) => (parts[0] === 'lieu' && parts.length === 1 ? <SitePage /> : null) },
];
