import type { Feature } from '../../app/feature';
import { en, fr } from './i18n';
import { SearchTool } from './SearchTool';

/** The one search box: guides, service-public.fr fiches and online services, from every screen (Ctrl+K or /). */
export const search = {
  namespace: 'search',
  i18n: { fr, en },
  routes: [],
  headerTool: SearchTool,
  nav: [],
} as const satisfies Feature;
