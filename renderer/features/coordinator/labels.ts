import i18next from 'i18next';

// What a hub table and its keys are called on screen: the national vocabulary (taxonomy namespace), as on the
// dashboard, and this feature's namespace for the snapshot's own keys (duration ranges, first visit, areas).

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

const text = (key: string, ns: string, fallback: string, values: Record<string, string> = {}) =>
  i18next.t(key as never, { ns, defaultValue: fallback, ...values }) as unknown as string;

export function keyLabel(dimension: string, key: string): string {
  if (dimension === 'durationRanges') return text(`duration.${key}`, 'coordinator', key);
  if (dimension === 'firstVisit') return text(`firstVisit.${key}`, 'coordinator', key);
  if (dimension === 'area') {
    if (key === 'non_communique') return text('area.unknown', 'coordinator', key);
    return text(/^\d{9}$/.test(key) ? 'area.epci' : 'area.commune', 'coordinator', key, { code: key });
  }
  const group = TAXONOMY_GROUP[dimension];
  return group ? text(`${group}.${key}`, 'taxonomy', key) : key;
}
