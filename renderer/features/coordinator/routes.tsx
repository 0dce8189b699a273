import { lazy, Suspense } from 'react';
import type { FeatureRoute } from '../../app/feature';

// The screen and its chart code (chart.js) load only when it opens: a chunk of its own, outside the first screen.
const CoordinatorPage = lazy(() => import('./CoordinatorPage').then((m) => ({ default: m.CoordinatorPage })));

export const routes: FeatureRoute[] = [
  {
    name: 'coordination',
    match: ({ parts }) =>
      parts[0] === 'coordination' && parts.length === 1 ? (
        <Suspense fallback={null}>
          <CoordinatorPage />
        </Suspense>
      ) : null,
  },
];
