import * as desk from './i18n-desk';
import * as editor from './i18n-editor';
import * as list from './i18n-list';
import * as templates from './i18n-templates';

// Namespace "journal". Two files so that the list and the editor can grow without stepping on each other.
export const fr = {
  nav: { journal: 'Journal', newSession: 'Nouvelle séance', followUps: 'À relancer' },
  list: list.fr,
  editor: editor.fr,
  desk: desk.fr,
  templates: templates.fr,
};
export const en: typeof fr = {
  nav: { journal: 'Journal', newSession: 'New session', followUps: 'Follow-ups' },
  list: list.en,
  editor: editor.en,
  desk: desk.en,
  templates: templates.en,
};
