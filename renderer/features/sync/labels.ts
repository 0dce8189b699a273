import { snapshotKeyLabel, translatedText } from '../../lib/snapshot-key-label';

/** A snapshot key's label, with this feature's texts for its own keys (duration ranges, first visit, areas). */
export const keyLabel = (dimension: string, key: string): string => snapshotKeyLabel(dimension, key, 'sync');

/** A period key as people read it: « novembre 2026 », « semaine 2026-W48 ». */
export function periodLabel(key: string, language: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (!month) return translatedText('period.week', 'sync', key, { key });
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(Number(month[1]), Number(month[2]) - 1, 1),
  );
}
