import type { Feature } from '../../app/feature';
import { SHORTCUTS } from '../../lib/shortcuts';
import { HeaderTimer } from './HeaderTimer';
import { en, fr } from './i18n';
import * as errors from './i18n-errors';
import { paths } from './paths';
import { routes } from './routes';

/** The journal: the list of sessions with live timers, the session editor, the follow-ups to make. */
export const journal = {
  namespace: 'journal',
  i18n: { fr, en },
  errors: { fr: errors.fr, en: errors.en },
  routes,
  headerTool: HeaderTimer,
  nav: [
    {
      key: 'journal',
      href: paths.journal,
      label: 'journal:nav.journal',
      routes: ['journal', 'editSession'],
      shortcut: { keys: SHORTCUTS.journal, description: 'journal:desk.shortcuts.journal' },
    },
    {
      key: 'newSession',
      href: paths.newSession(),
      label: 'journal:nav.newSession',
      routes: ['newSession'],
      shortcut: { keys: SHORTCUTS.newSession, description: 'journal:desk.shortcuts.newSession' },
    },
    {
      key: 'followUps',
      href: paths.followUps,
      label: 'journal:nav.followUps',
      routes: ['followUps'],
      shortcut: { keys: SHORTCUTS.followUps, description: 'journal:desk.shortcuts.followUps' },
    },
  ],
} as const satisfies Feature;
