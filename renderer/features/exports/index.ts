import type { Feature } from '../../app/feature';
import { en, fr } from './i18n';
import * as errors from './i18n-errors';
import { paths, routes } from './routes';

/** Exports (sessions and statistics, CSV / XLSX / ODS) and the import of the national tool's history. */
export const exportsFeature = {
  namespace: 'exports',
  i18n: { fr, en },
  errors: { fr: errors.fr, en: errors.en },
  routes,
  nav: [
    {
      key: 'exports',
      href: paths.exporter,
      label: 'exports:nav.exports',
      routes: ['exporter', 'importer', 'rapports'],
    },
  ],
} as const satisfies Feature;
