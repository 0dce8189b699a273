import type { FeatureRoute } from '../../app/feature';
import { ContentPage } from './ContentPage';

export const routes: FeatureRoute[] = [
  {
    name: 'content',
    match: ({ parts }) => (parts[0] === 'contenus' && parts.length === 1 ? <ContentPage /> : null),
  },
];
