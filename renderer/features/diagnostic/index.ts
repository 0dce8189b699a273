import type { Feature } from '../../app/feature';
import { en, fr } from './i18n';
import * as errors from './i18n-errors';
import { paths } from './paths';
import { DIAGNOSTIC_ROUTE_NAMES, routes } from './routes';
import './diagnostic.css';

/** TPE/PME digital-maturity diagnosis: questionnaire, results, dated action plan, printed report, progress. */
export const diagnostic = {
  namespace: 'diagnostic',
  i18n: { fr, en },
  errors: { fr: errors.fr, en: errors.en },
  routes,
  nav: [
    {
      key: 'diagnostic',
      href: paths.home,
      label: 'diagnostic:nav.diagnostic',
      routes: DIAGNOSTIC_ROUTE_NAMES,
    },
  ],
} as const satisfies Feature;
