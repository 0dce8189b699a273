import i18next from 'i18next';

// What a snapshot's table and key are called on screen: the national vocabulary (taxonomy namespace) where the
// snapshot uses it, the sync namespace for its own keys (duration ranges, first visit, areas).

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
  if (dimension === 'durationRanges') return text(`duration.${key}`, 'sync', key);
  if (dimension === 'firstVisit') return text(`firstVisit.${key}`, 'sync', key);
  if (dimension === 'area') {
    if (key === 'non_communique') return text('area.unknown', 'sync', key);
    return text(/^\d{9}$/.test(key) ? 'area.epci' : 'area.commune', 'sync', key, { code: key });
  }
  const group = TAXONOMY_GROUP[dimension];
  return group ? text(`${group}.${key}`, 'taxonomy', key) : key;
}

/** A period key as people read it: « novembre 2026 », « semaine 2026-W48 ». */
export function periodLabel(key: string, language: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (!month) return text('period.week', 'sync', key, { key });
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(Number(month[1]), Number(month[2]) - 1, 1),
  );
}
