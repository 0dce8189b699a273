import { contributionsOf, type StatsSession } from '../../../shared/stats/indicators';

/**
 * Where a session's contributions land in the rollups. A rollup row is a group (slice, level, period, kind,
 * outcome) holding the sums of every (dimension, key) of the sessions of that group, packed in one BLOB
 * (key-codes.ts). Slices: '' (every session), 'o:<operator>' and 't:<topic>' (the sessions with that operator or
 * topic: what the journal's operator and topic filters read). Levels: 0 per day (the journal's day number),
 * 1 per month (year * 12 + month - 1), 2 per year (the year; migration 11), so that any period reads at most its
 * partial years' months and its partial months' days. Kind and outcome are part of the group: filtering on them
 * costs no extra write.
 */
export const DAY = 0;
export const MONTH = 1;
export const YEAR = 2;
export const KIND_CODE = { individuel: 0, collectif: 1 } as const;

const EPOCH_2000 = Date.UTC(2000, 0, 1);
export const dayNumber = (iso: string) => (Date.parse(`${iso}T00:00:00.000Z`) - EPOCH_2000) / 86_400_000;
export const monthNumber = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
export const yearNumber = (iso: string) => Number(iso.slice(0, 4));
export const monthKey = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
export const isoOfDay = (day: number) => new Date(EPOCH_2000 + day * 86_400_000).toISOString().slice(0, 10);

export const operatorSlice = (key: string) => `o:${key}`;
export const topicSlice = (key: string) => `t:${key}`;

export const SEP = '\u0001';
export interface Group {
  slice: string;
  level: number;
  period: number;
  kind: number;
  outcome: string;
}
export const groupId = (g: Group) => [g.slice, g.level, g.period, g.kind, g.outcome].join(SEP);
export function groupOf(id: string): Group {
  const [slice, level, period, kind, outcome] = id.split(SEP) as [string, string, string, string, string];
  return { slice, level: Number(level), period: Number(period), kind: Number(kind), outcome };
}

/** Sums per group id, then per `dimension\tkey`. */
export type Groups = Map<string, Map<string, number>>;

/** Adds sign × the session's contributions to `into`. */
export function addCells(into: Groups, s: StatsSession, sign: 1 | -1): void {
  const slices = ['', ...s.operators.map(operatorSlice), ...s.topics.map(topicSlice)];
  const kind = KIND_CODE[s.kind];
  const outcome = s.outcome ?? '';
  const contributions = contributionsOf(s);
  for (const slice of slices) {
    for (const [level, period] of [
      [DAY, dayNumber(s.date)],
      [MONTH, monthNumber(s.date)],
      [YEAR, yearNumber(s.date)],
    ] as const) {
      const id = groupId({ slice, level, period, kind, outcome });
      let cells = into.get(id);
      if (!cells) into.set(id, (cells = new Map()));
      for (const [dim, key, n] of contributions) {
        const k = `${dim}\t${key}`;
        cells.set(k, (cells.get(k) ?? 0) + sign * n);
      }
    }
  }
}

/** Adds `from` into `into` (sign × each sum). */
export function mergeGroups(into: Groups, from: Groups, sign: 1 | -1 = 1): void {
  for (const [id, cells] of from) {
    let target = into.get(id);
    if (!target) into.set(id, (target = new Map()));
    for (const [k, n] of cells) target.set(k, (target.get(k) ?? 0) + sign * n);
  }
}

/** A canonical listing of the non-zero sums ("group␁dimension\tkey␁n", sorted): for comparisons in tests. */
export function listCells(groups: Groups): string[] {
  const out: string[] = [];
  for (const [id, cells] of groups) for (const [k, n] of cells) if (n !== 0) out.push(`${id}${SEP}${k}${SEP}${n}`);
  return out.sort();
}
