import type { Feature } from '../../app/feature';
import { en, fr } from './i18n';
import { paths } from './paths';
import { routes } from './routes';

/** The journal: the list of sessions with live timers, the session editor, the follow-ups to make. */
export const journal = {
  namespace: 'journal',
  i18n: { fr, en },
  routes,
  nav: [
    { key: 'journal', href: paths.journal, label: 'journal:nav.journal', routes: ['journal', 'editSession'] },
    { key: 'newSession', href: paths.newSession(), label: 'journal:nav.newSession', routes: ['newSession'] },
    { key: 'followUps', href: paths.followUps, label: 'journal:nav.followUps', routes: ['followUps'] },
  ],
} as const satisfies Feature;
