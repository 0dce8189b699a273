import type { Feature } from '../../app/feature';
import { en, fr } from './i18n';
import * as errors from './i18n-errors';
import { paths } from './paths';
import { routes } from './routes';

/** The official service-public.fr catalogue, offline: import, status, fiche pages, a simple search. */
export const catalogue = {
  namespace: 'catalogue',
  i18n: { fr, en },
  errors: { fr: errors.fr, en: errors.en },
  routes,
  nav: [{ key: 'catalogue', href: paths.catalogue, label: 'catalogue:nav.catalogue', routes: ['catalogue', 'fiche'] }],
} as const satisfies Feature;
