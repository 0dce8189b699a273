import type { Feature } from '../../app/feature';
import { en, fr } from './i18n';
import * as errors from './i18n-errors';
import { paths } from './paths';
import { routes } from './routes';

/** Statistics: the dashboard (one query layer with the exports) and the retention of session details. */
export const stats = {
  namespace: 'stats',
  i18n: { fr, en },
  errors: { fr: errors.fr, en: errors.en },
  routes,
  nav: [{ key: 'stats', href: paths.stats, label: 'stats:nav.stats', routes: ['stats', 'retention'] }],
} as const satisfies Feature;
