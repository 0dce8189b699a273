import type { Feature } from '../../app/feature';
import { en, fr } from './i18n';
import * as errors from './i18n-errors';
import { paths } from './paths';
import { routes } from './routes';

/** Synchronisation: enrollment with the statistics hub, the queue of closed periods, their preview, the log. */
export const sync = {
  namespace: 'sync',
  i18n: { fr, en },
  errors: { fr: errors.fr, en: errors.en },
  routes,
  nav: [{ key: 'sync', href: paths.sync, label: 'sync:nav.sync', routes: ['sync'] }],
} as const satisfies Feature;
