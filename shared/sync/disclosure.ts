import { POPULATION_DIMENSIONS, POPULATION_KEYS, type PopulationDimension } from './dimensions';
import type { ActivityTables, Cell, Period, PopulationTable, PopulationTables, Snapshot } from './snapshot';
import { SNAPSHOT_FORMAT } from './snapshot';

// The disclosure rule, one code path for the desk (before sending) and the hub (on receipt, 422 when broken).
//
// Population tables (age, gender, status, first visit, area) are one-dimensional and carry their total. The attacker
// model: someone who reads every released number of every version of a period, and knows only that counts are
// non-negative integers. Then a suppressed cell's value can be computed exactly when it is the only suppressed cell of
// its table (total minus the released cells) or when the suppressed cells add up to zero. So, per table:
//   1. primary: every cell below k is suppressed (zero included: a closed table lists all its keys, so an absent key
//      never says "zero"; the area table always lists `non_communique`, so it has two cells at least);
//   2. sticky: a cell suppressed in an earlier version of the same period stays suppressed in every later version, so
//      comparing versions never reveals it;
//   3. secondary: while exactly one cell is suppressed, or the suppressed cells add up to zero, the smallest released
//      cell is suppressed too.
// A table whose total is zero describes nobody, and a table with a single key (an area table where nobody gave a
// commune) would give that cell away: both are sent with no cells, which releases nothing beyond the total.

export type SuppressionReason = 'below_k' | 'earlier_version' | 'secondary';
export interface Suppression {
  dimension: PopulationDimension;
  key: string;
  reason: SuppressionReason;
}

export type RawPopulation = { [D in keyof typeof POPULATION_KEYS]: Partial<Record<string, number>> } & {
  area: Record<string, number>;
};

/** What a desk computed for a closed period, before the rule: exact counts. */
export interface RawSnapshot {
  deskId: string;
  period: Period;
  version: number;
  totals: Snapshot['totals'];
  activity: ActivityTables;
  population: RawPopulation;
}

function keysOf(dimension: PopulationDimension, counts: Record<string, number | undefined>, sticky: Iterable<string>) {
  if (dimension !== 'area') return [...POPULATION_KEYS[dimension]] as string[];
  const keys = new Set<string>(['non_communique', ...sticky]);
  for (const [key, n] of Object.entries(counts)) if ((n ?? 0) > 0) keys.add(key);
  return [...keys].sort();
}

function suppressedKeys(table: PopulationTable | undefined): Set<string> {
  const out = new Set<string>();
  if (!table) return out;
  for (const [key, cell] of Object.entries(table.cells) as Array<[string, Cell]>)
    if ('suppressed' in cell) out.add(key);
  return out;
}

/** Applies the rule to one table. `earlier`: the keys suppressed in earlier versions of the same period. */
export function protectTable(
  dimension: PopulationDimension,
  counts: Record<string, number | undefined>,
  k: number,
  earlier: ReadonlySet<string> = new Set(),
): { table: PopulationTable; suppressions: Suppression[] } {
  const keys = keysOf(dimension, counts, earlier);
  const value = (key: string) => counts[key] ?? 0;
  const total = keys.reduce((sum, key) => sum + value(key), 0);
  if (total === 0 || keys.length < 2) return { table: { total, cells: {} }, suppressions: [] };

  const reasons = new Map<string, SuppressionReason>();
  for (const key of keys) {
    if (value(key) < k) reasons.set(key, 'below_k');
    else if (earlier.has(key)) reasons.set(key, 'earlier_version');
  }
  const hiddenSum = () => [...reasons.keys()].reduce((sum, key) => sum + value(key), 0);
  while (reasons.size > 0 && (reasons.size === 1 || hiddenSum() === 0)) {
    const released = keys.filter((key) => !reasons.has(key));
    if (released.length === 0) break;
    // The smallest released cell: it costs the least information (ties: key order, so the result is deterministic).
    const next = released.reduce((a, b) => (value(b) < value(a) ? b : a));
    reasons.set(next, 'secondary');
  }

  const cells: Record<string, Cell> = {};
  for (const key of keys) cells[key] = reasons.has(key) ? { suppressed: true } : { n: value(key) };
  const suppressions = [...reasons].map(([key, reason]) => ({ dimension, key, reason }));
  return { table: { total, cells }, suppressions };
}

/** The snapshot a desk may send, and the reason for every cell it holds back (shown in the preview). */
export function buildSnapshot(
  raw: RawSnapshot,
  k: number,
  previous?: Snapshot,
): { snapshot: Snapshot; suppressions: Suppression[] } {
  const suppressions: Suppression[] = [];
  const population = {} as Record<PopulationDimension, PopulationTable>;
  for (const dimension of POPULATION_DIMENSIONS) {
    const earlier = suppressedKeys(previous?.population[dimension]);
    const counts = raw.population[dimension] as Record<string, number | undefined>;
    const result = protectTable(dimension, counts, k, earlier);
    population[dimension] = result.table;
    suppressions.push(...result.suppressions);
  }
  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    deskId: raw.deskId,
    period: raw.period,
    version: raw.version,
    k,
    totals: raw.totals,
    activity: raw.activity,
    population: population as PopulationTables,
  };
  return { snapshot, suppressions };
}

export type ViolationCode =
  | 'k_too_small'
  | 'released_below_k'
  | 'missing_cell'
  | 'inconsistent_total'
  | 'single_suppressed_cell'
  | 'suppressed_cells_sum_to_zero'
  | 'earlier_suppression_released'
  | 'population_total_mismatch'
  | 'other_period';

export interface Violation {
  code: ViolationCode;
  dimension?: PopulationDimension;
  key?: string;
}

/** Everything that breaks the rule in a snapshot (empty: it may be stored). The hub answers 422 otherwise. */
export function checkSnapshot(snapshot: Snapshot, minK: number, previous?: Snapshot): Violation[] {
  const out: Violation[] = [];
  if (snapshot.k < minK) out.push({ code: 'k_too_small' });
  if (previous && (previous.period.key !== snapshot.period.key || previous.deskId !== snapshot.deskId))
    out.push({ code: 'other_period' });
  const expectedTotals: Record<PopulationDimension, number> = {
    age: snapshot.totals.peopleHelped,
    gender: snapshot.totals.peopleHelped,
    status: snapshot.totals.peopleHelped,
    firstVisit: snapshot.totals.individualSessions,
    area: snapshot.totals.individualSessions,
  };
  for (const dimension of POPULATION_DIMENSIONS) {
    const table = snapshot.population[dimension];
    if (table.total !== expectedTotals[dimension]) out.push({ code: 'population_total_mismatch', dimension });
    const cells = table.cells as Partial<Record<string, Cell>>;
    const entries = Object.entries(cells) as Array<[string, Cell]>;
    // A table sent with no cells releases nothing (see above).
    if (entries.length === 0) continue;
    if (dimension !== 'area') {
      for (const key of POPULATION_KEYS[dimension])
        if (!(key in cells)) out.push({ code: 'missing_cell', dimension, key });
    } else if (!('non_communique' in cells)) out.push({ code: 'missing_cell', dimension, key: 'non_communique' });
    let released = 0;
    let hidden = 0;
    for (const [key, cell] of entries) {
      if ('n' in cell) {
        released += cell.n;
        if (cell.n < snapshot.k) out.push({ code: 'released_below_k', dimension, key });
      } else hidden++;
    }
    if (released > table.total || (hidden === 0 && released !== table.total))
      out.push({ code: 'inconsistent_total', dimension });
    if (hidden === 1) out.push({ code: 'single_suppressed_cell', dimension });
    if (hidden > 1 && released === table.total) out.push({ code: 'suppressed_cells_sum_to_zero', dimension });
    for (const key of suppressedKeys(previous?.population[dimension])) {
      const cell = cells[key];
      if (!cell || !('suppressed' in cell)) out.push({ code: 'earlier_suppression_released', dimension, key });
    }
  }
  return out;
}
