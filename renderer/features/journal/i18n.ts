import * as editor from './i18n-editor';
import * as list from './i18n-list';

// Two files so that the list and the editor can grow without stepping on each other.
export const fr = { list: list.fr, editor: editor.fr };
export const en: typeof fr = { list: list.en, editor: editor.en };
