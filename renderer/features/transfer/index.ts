import type { Feature } from '../../app/feature';
import { en, fr } from './i18n';
import * as errors from './i18n-errors';
import { routes } from './routes';

/** Moving the desk to another computer (an encrypted export, restored at first run) and backing up now. */
export const transfer = {
  namespace: 'transfer',
  i18n: { fr, en },
  errors: { fr: errors.fr, en: errors.en },
  routes,
  nav: [],
} as const satisfies Feature;
