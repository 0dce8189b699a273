import { lazy, Suspense } from 'react';
import type { FeatureRoute } from '../../app/feature';
import { RetentionPage } from './RetentionPage';

// The dashboard and its chart code (chart.js) load only when the screen opens: a chunk of its own, outside the
// app's first screen and its bundle budget (tests/bundle-size.mjs).
const StatsPage = lazy(() => import('./StatsPage').then((m) => ({ default: m.StatsPage })));

export const routes: FeatureRoute[] = [
  {
    name: 'stats',
    match: ({ parts }) =>
      parts[0] === 'statistiques' && parts.length === 1 ? (
        <Suspense fallback={null}>
          <StatsPage />
        </Suspense>
      ) : null,
  },
  {
    name: 'retention',
    match: ({ parts }) =>
      parts[0] === 'statistiques' && parts[1] === 'conservation' && parts.length === 2 ? <RetentionPage /> : null,
  },
];
