import i18next from 'i18next';
import type { BreakdownRow } from '../../../shared/stats/schema';
import type { BreakdownDimension } from '../../../shared/stats/indicators';

/** The taxonomy namespace's group for each dimension that uses the national vocabulary (renderer/i18n/taxonomy.ts). */
const TAXONOMY_GROUP: Partial<Record<BreakdownDimension, string>> = {
  operator: 'operator',
  topic: 'topic',
  adminTopic: 'adminTopic',
  outcome: 'outcome',
  orientation: 'orientation',
  channel: 'channel',
  autonomy: 'autonomy',
  equipment: 'equipment',
  ageBracket: 'age',
  gender: 'gender',
  status: 'status',
};

/** What a row of a breakdown is called: a taxonomy label, a place's name with its code, or a stats text. */
export function rowLabel(dimension: BreakdownDimension, row: BreakdownRow): string {
  const t = (key: string, ns: string, fallback: string) =>
    i18next.t(key as never, { ns, defaultValue: fallback }) as unknown as string;
  if (row.key === 'non_renseigne' || row.key === 'sans_epci') return t(`key.${row.key}`, 'stats', row.key);
  if (dimension === 'duration') return t(`duration.${row.key}`, 'stats', row.key);
  // A guide is named by its title (as last used), an area by its name and code.
  if (dimension === 'guide' && row.name) return row.name;
  if (row.name) return `${row.name} (${row.key})`;
  const group = TAXONOMY_GROUP[dimension];
  return group ? t(`${group}.${row.key}`, 'taxonomy', row.key) : row.key;
}
