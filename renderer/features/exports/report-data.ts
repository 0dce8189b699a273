import i18next from 'i18next';
import type { BreakdownRow } from '../../../shared/stats/schema';

// What the reports need besides the dashboard itself: labels of its rows and the period before a given one.

const TAXONOMY_GROUP: Record<string, string> = {
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

const text = (key: string, ns: string, fallback: string) =>
  i18next.t(key as never, { ns, defaultValue: fallback }) as unknown as string;

/** A row's label: a taxonomy label, a place with its code, or the statistics' own texts (durations, not given). */
export function breakdownRowLabel(dimension: string, row: BreakdownRow): string {
  if (row.key === 'non_renseigne' || row.key === 'sans_epci') return text(`key.${row.key}`, 'stats', row.key);
  if (dimension === 'duration') return text(`duration.${row.key}`, 'stats', row.key);
  if (row.name) return `${row.name} (${row.key})`;
  const group = TAXONOMY_GROUP[dimension];
  return group ? text(`${group}.${row.key}`, 'taxonomy', row.key) : row.key;
}

const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The period of the same length just before [from, to]. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = Math.round((ms(to) - ms(from)) / DAY) + 1;
  return { from: iso(ms(from) - days * DAY), to: iso(ms(from) - DAY) };
}

/** The twelve months of a year, as [from, to] days. */
export function monthsOf(year: number): Array<{ month: string; from: string; to: string }> {
  return Array.from({ length: 12 }, (_, m) => {
    const start = Date.UTC(year, m, 1);
    const end = Date.UTC(year, m + 1, 1) - DAY;
    return { month: iso(start).slice(0, 7), from: iso(start), to: iso(end) };
  });
}
