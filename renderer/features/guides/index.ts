import type { Feature } from '../../app/feature';
import { en, fr } from './i18n';
import * as errors from './i18n-errors';
import { paths } from './paths';
import { routes } from './routes';
import { sessionSlots } from './slots';

/** Procedure guides: the list, a guide's page, the desk's own versions, packs, guided mode and the handout. */
export const guides = {
  namespace: 'guides',
  i18n: { fr, en },
  errors: { fr: errors.fr, en: errors.en },
  routes,
  sessionSlots,
  nav: [
    {
      key: 'guides',
      href: paths.list(),
      label: 'guides:nav.guides',
      routes: ['guides', 'guide', 'guideEdit', 'guideHandout', 'guidePacks'],
    },
  ],
} as const satisfies Feature;
