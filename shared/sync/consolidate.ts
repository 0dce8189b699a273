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
