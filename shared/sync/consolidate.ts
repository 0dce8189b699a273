import type { Consolidated } from './api';
import { ACTIVITY_DIMENSIONS, POPULATION_DIMENSIONS } from './dimensions';
import type { Cell, Snapshot } from './snapshot';

// Sums of snapshots, the same way for a site, a scope and the whole network. Activity counts are exact and add up;
// a population cell adds only the released counts and says in how many snapshots it was held back, so a consolidated
// figure never contains (nor lets anyone recompute) a suppressed value.

export function emptyConsolidated(): Consolidated {
  return {
    snapshots: 0,
    totals: {
      sessions: 0,
      individualSessions: 0,
      workshops: 0,
      workshopParticipants: 0,
      peopleHelped: 0,
      totalMinutes: 0,
    },
    activity: Object.fromEntries(ACTIVITY_DIMENSIONS.map((d) => [d, {}])) as Consolidated['activity'],
    population: Object.fromEntries(POPULATION_DIMENSIONS.map((d) => [d, {}])) as Consolidated['population'],
  };
}

export function addSnapshot(into: Consolidated, snapshot: Snapshot): Consolidated {
  into.snapshots += 1;
  for (const key of Object.keys(into.totals) as Array<keyof Consolidated['totals']>)
    into.totals[key] += snapshot.totals[key];
  for (const dimension of ACTIVITY_DIMENSIONS) {
    const target = (into.activity[dimension] ??= {});
    for (const [key, n] of Object.entries(snapshot.activity[dimension] as Record<string, number | undefined>))
      if (n) target[key] = (target[key] ?? 0) + n;
  }
  for (const dimension of POPULATION_DIMENSIONS) {
    const target = (into.population[dimension] ??= {});
    const cells = snapshot.population[dimension].cells as Partial<Record<string, Cell>>;
    for (const [key, cell] of Object.entries(cells)) {
      if (!cell) continue;
      const sum = (target[key] ??= { n: 0, suppressedIn: 0 });
      if ('n' in cell) sum.n += cell.n;
      else sum.suppressedIn += 1;
    }
  }
  return into;
}

export function consolidate(snapshots: Iterable<Snapshot>): Consolidated {
  const out = emptyConsolidated();
  for (const s of snapshots) addSnapshot(out, s);
  return out;
}

/** One number of a snapshot, flat: how the hub keeps running sums per département and period. */
export interface FlatCell {
  /** 'totals', an activity dimension or a population dimension. */
  dimension: string;
  key: string;
  n: number;
  /** 1 when this population cell was held back in the snapshot. */
  suppressed: number;
}

export function flatCells(snapshot: Snapshot): FlatCell[] {
  const out: FlatCell[] = [];
  for (const [key, n] of Object.entries(snapshot.totals)) out.push({ dimension: 'totals', key, n, suppressed: 0 });
  for (const dimension of ACTIVITY_DIMENSIONS)
    for (const [key, n] of Object.entries(snapshot.activity[dimension] as Record<string, number | undefined>))
      if (n) out.push({ dimension, key, n, suppressed: 0 });
  for (const dimension of POPULATION_DIMENSIONS)
    for (const [key, cell] of Object.entries(snapshot.population[dimension].cells as Partial<Record<string, Cell>>))
      if (cell) out.push({ dimension, key, n: 'n' in cell ? cell.n : 0, suppressed: 'n' in cell ? 0 : 1 });
  return out;
}

/** The consolidated view from summed flat cells (the hub's per-département running sums). */
export function fromFlatCells(rows: Iterable<FlatCell>, snapshots: number): Consolidated {
  const out = emptyConsolidated();
  out.snapshots = snapshots;
  const activity = new Set<string>(ACTIVITY_DIMENSIONS);
  const population = new Set<string>(POPULATION_DIMENSIONS);
  for (const row of rows) {
    if (row.dimension === 'totals') {
      if (row.key in out.totals) out.totals[row.key as keyof Consolidated['totals']] += row.n;
    } else if (activity.has(row.dimension)) {
      const target = (out.activity[row.dimension as keyof Consolidated['activity']] ??= {});
      if (row.n) target[row.key] = (target[row.key] ?? 0) + row.n;
    } else if (population.has(row.dimension)) {
      const target = (out.population[row.dimension as keyof Consolidated['population']] ??= {});
      if (row.n === 0 && row.suppressed === 0) continue;
      const cell = (target[row.key] ??= { n: 0, suppressedIn: 0 });
      cell.n += row.n;
      cell.suppressedIn += row.suppressed;
    }
  }
  return out;
}
