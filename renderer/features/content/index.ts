import type { Feature } from '../../app/feature';
import { en, fr } from './i18n';
import * as errors from './i18n-errors';
import { paths } from './paths';
import { routes } from './routes';

/** Contenus: which guides and catalogue version is in use, installing signed packs from a file or the hub. */
export const content = {
  namespace: 'content',
  i18n: { fr, en },
  errors: { fr: errors.fr, en: errors.en },
  routes,
  nav: [{ key: 'content', href: paths.content, label: 'content:nav.content', routes: ['content'] }],
} as const satisfies Feature;
