import type { Feature } from '../../app/feature';
import { SHORTCUTS } from '../../lib/shortcuts';
import { en, fr } from './i18n';
import * as errors from './i18n-errors';
import { paths, routes } from './routes';
import { SetupPage } from './SetupPage';

/** The desk itself: first-run setup, "Mon lieu" (profile, national-schema export, storage state). */
export const site = {
  namespace: 'site',
  i18n: { fr, en },
  errors: { fr: errors.fr, en: errors.en },
  routes,
  nav: [
    {
      key: 'site',
      href: paths.site,
      label: 'site:nav.site',
      routes: ['site'],
      shortcut: { keys: SHORTCUTS.site, description: 'site:shortcuts.site' },
    },
  ],
  firstRun: SetupPage,
} as const satisfies Feature;
