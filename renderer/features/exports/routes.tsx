import type { FeatureRoute } from '../../app/feature';
import { ExportPage } from './ExportPage';
import { ImportPage } from './ImportPage';
import { ReportsPage } from './ReportsPage';

export { paths } from './paths';

export const routes: FeatureRoute[] = [
  { name: 'exporter', match: ({ parts }) => (parts[0] === 'exporter' ? <ExportPage /> : null) },
  { name: 'importer', match: ({ parts }) => (parts[0] === 'importer' ? <ImportPage /> : null) },
  { name: 'rapports', match: ({ parts }) => (parts[0] === 'rapports' ? <ReportsPage /> : null) },
];
