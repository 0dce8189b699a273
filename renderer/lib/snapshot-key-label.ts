import i18next from 'i18next';

// What a snapshot's table and key are called on screen (the hub's consolidated tables and a desk's own snapshot share
// one vocabulary): the national vocabulary (taxonomy namespace) where the snapshot uses it, and the calling feature's
// namespace for the snapshot's own keys (duration ranges, first visit, areas).

const TAXONOMY_GROUP: Record<string, string> = {
  kind: 'kind',
  topics: 'topic',
  adminTopics: 'adminTopic',
  outcomes: 'outcome',
  orientation: 'orientation',
  channels: 'channel',
  autonomy: 'autonomy',
  equipment: 'equipment',
  operators: 'operator',
  age: 'age',
  gender: 'gender',
  status: 'status',
};

/** Translates a text of namespace `ns`, falling back to `fallback` (the raw key) when it has none. */
export const translatedText = (key: string, ns: string, fallback: string, values: Record<string, string> = {}) =>
  i18next.t(key as never, { ns, defaultValue: fallback, ...values }) as unknown as string;

/** The label of `key` in the snapshot table `dimension`; `ns` holds the duration, first-visit and area texts. */
export function snapshotKeyLabel(dimension: string, key: string, ns: string): string {
  if (dimension === 'durationRanges') return translatedText(`duration.${key}`, ns, key);
  if (dimension === 'firstVisit') return translatedText(`firstVisit.${key}`, ns, key);
  if (dimension === 'area') {
    if (key === 'non_communique') return translatedText('area.unknown', ns, key);
    return translatedText(/^\d{9}$/.test(key) ? 'area.epci' : 'area.commune', ns, key, { code: key });
  }
  const group = TAXONOMY_GROUP[dimension];
  return group ? translatedText(`${group}.${key}`, 'taxonomy', key) : key;
}
