import type { Feature } from '../../app/feature';
import { en, fr } from './i18n';
import * as errors from './i18n-errors';
import * as importFile from './i18n-import';
import { paths } from './paths';
import { routes } from './routes';

/** Coordination: the consolidated figures of a coordinator's scope, read from the statistics hub. */
export const coordinator = {
  namespace: 'coordinator',
  i18n: { fr: { ...fr, importFile: importFile.fr }, en: { ...en, importFile: importFile.en } },
  errors: { fr: { ...errors.fr, ...importFile.errorsFr }, en: { ...errors.en, ...importFile.errorsEn } },
  routes,
  nav: [
    { key: 'coordination', href: paths.coordination, label: 'coordinator:nav.coordination', routes: ['coordination'] },
  ],
} as const satisfies Feature;
