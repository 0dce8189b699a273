import { contributionsOf, type StatsSession } from '../../../shared/stats/indicators';

/**
 * Where a session's contributions land in the rollups: one cell per (slice, level, period, kind, outcome,
 * dimension, key). Slices: '' (every session), 'o:<operator>' and 't:<topic>' (the sessions with that operator
 * or topic: what the journal's operator and topic filters read). Levels: 0 per day (the journal's day number),
 * 1 per month (year * 12 + month - 1). Kind and outcome are columns of every cell: filtering on them costs no
 * extra cell.
 */
export const DAY = 0;
export const MONTH = 1;
export const KIND_CODE = { individuel: 0, collectif: 1 } as const;

const EPOCH_2000 = Date.UTC(2000, 0, 1);
export const dayNumber = (iso: string) => (Date.parse(`${iso}T00:00:00.000Z`) - EPOCH_2000) / 86_400_000;
export const monthNumber = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
export const monthKey = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
export const isoOfDay = (day: number) => new Date(EPOCH_2000 + day * 86_400_000).toISOString().slice(0, 10);

export const operatorSlice = (key: string) => `o:${key}`;
export const topicSlice = (key: string) => `t:${key}`;

export type CellDeltas = Map<string, number>;
const SEP = '\u0001';

/** Adds sign × the session's contributions to `into`, one entry per cell (keys joined by SEP). */
export function addCells(into: CellDeltas, s: StatsSession, sign: 1 | -1): void {
  const slices = ['', ...s.operators.map(operatorSlice), ...s.topics.map(topicSlice)];
  const kind = KIND_CODE[s.kind];
  const outcome = s.outcome ?? '';
  const periods = [`${DAY}${SEP}${dayNumber(s.date)}`, `${MONTH}${SEP}${monthNumber(s.date)}`];
  for (const [dim, key, n] of contributionsOf(s)) {
    for (const slice of slices) {
      for (const p of periods) {
        const id = `${slice}${SEP}${p}${SEP}${kind}${SEP}${outcome}${SEP}${dim}${SEP}${key}`;
        const v = (into.get(id) ?? 0) + sign * n;
        into.set(id, v);
      }
    }
  }
}

/** The deltas as rows [slice, level, period, kind, outcome, dim, key, n], zero deltas left out. */
export function cellRows(deltas: CellDeltas): Array<[string, number, number, number, string, string, string, number]> {
  const out: Array<[string, number, number, number, string, string, string, number]> = [];
  for (const [id, n] of deltas) {
    if (n === 0) continue;
    const [slice, level, period, kind, outcome, dim, key] = id.split(SEP) as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    out.push([slice, Number(level), Number(period), Number(kind), outcome, dim, key, n]);
  }
  return out;
}
