import type { Text } from '../../../shared/diagnostic/questionnaire';

/** The questionnaire's own text in the page's language (its data carries French and English). */
export function pick(text: Text, language: string): string {
  return language.startsWith('en') ? text.en : text.fr;
}

/** The document language of a text picked with `pick`. */
export function langOf(language: string): 'fr' | 'en' {
  return language.startsWith('en') ? 'en' : 'fr';
}

/** Steps of the questionnaire: the business (1), the six dimensions (2-7), e-invoicing (8). */
export const PAGE_COUNT = 7;
export const STEP_COUNT = PAGE_COUNT + 1;

/** A day written out ("1 septembre 2026"): a printed report is read without the app, deadlines must be unambiguous. */
export function longDate(day: string, language: string): string {
  return new Intl.DateTimeFormat(langOf(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}
