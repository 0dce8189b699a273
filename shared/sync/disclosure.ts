import { POPULATION_DIMENSIONS, POPULATION_KEYS, type PopulationDimension } from './dimensions';
import type {
  ActivityTables,
  Cell,
  DiagnosisGroup,
  DiagnosticsSection,
  Period,
  PopulationTable,
  PopulationTables,
  Snapshot,
} from './snapshot';
import { DIAGNOSTICS_FORMAT, SNAPSHOT_FORMAT } from './snapshot';

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
  /** The diagnoses closed in the period (absent: the desk does not report diagnostics). */
  diagnostics?: RawDiagnosis[];
}

// Diagnostics (TPE/PME), our reading of sync-and-privacy.md ("counts and score sums per (NAF section, size band,
// département), only for groups of at least 10 diagnoses"):
//   1. a group (NAF section, size band, département of the business) is sent only when at least
//      max(DIAGNOSTIC_MIN_GROUP, k) diagnoses closed in the period fall in it; smaller groups are not sent at all (no
//      count, no "suppressed" mark: there is no total of diagnoses in the snapshot to subtract them from);
//   2. inside a sent group, every sum (the overall score's, each dimension's) covers at least that many diagnoses too:
//      a dimension "not applicable" to too many of them is left out of the group; a diagnosis with no overall score
//      (nothing applicable) is not counted at all;
//   3. the section is frozen at the first version that carries it: a correction of the period sends it unchanged, so
//      comparing two versions never isolates one diagnosis (say, one deleted at the business's request);
//   4. only codes, integer counts and integer sums: no name, SIREN, NAF code finer than the section, date or text.
// The hub adds its own rule before answering peer benchmarks (at least 3 desks, see hub/peers.ts).

export const DIAGNOSTIC_MIN_GROUP = 10;

/** One diagnosis closed in the period, as the desk scored it (the business's name and SIREN never come here). */
export interface RawDiagnosis {
  nafSection: string;
  sizeBand: DiagnosisGroup['sizeBand'];
  departement: string;
  overall: number | null;
  dimensions: Record<string, number | null>;
}

const groupKey = (g: Pick<DiagnosisGroup, 'nafSection' | 'sizeBand' | 'departement'>) =>
  `${g.nafSection}|${g.sizeBand}|${g.departement}`;

/** The smallest number of diagnoses behind any released figure. */
export const diagnosticThreshold = (k: number) => Math.max(DIAGNOSTIC_MIN_GROUP, k);

/** The diagnostics section a desk may send (undefined: nothing to send), per the rule above. */
export function protectDiagnostics(
  raw: readonly RawDiagnosis[] | undefined,
  k: number,
  previous?: Snapshot,
): DiagnosticsSection | undefined {
  if (previous?.diagnostics) return previous.diagnostics;
  if (!raw) return undefined;
  const min = diagnosticThreshold(k);
  const groups = new Map<string, DiagnosisGroup>();
  for (const d of raw) {
    if (d.overall === null) continue;
    const key = groupKey(d);
    const g = groups.get(key) ?? {
      nafSection: d.nafSection,
      sizeBand: d.sizeBand,
      departement: d.departement,
      diagnoses: 0,
      overall: { n: 0, sum: 0 },
      dimensions: {},
    };
    g.diagnoses++;
    g.overall.n++;
    g.overall.sum += d.overall;
    for (const [id, score] of Object.entries(d.dimensions)) {
      if (score === null) continue;
      const sum = (g.dimensions[id] ??= { n: 0, sum: 0 });
      sum.n++;
      sum.sum += score;
    }
    groups.set(key, g);
  }
  const released: DiagnosisGroup[] = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key)!;
    if (g.diagnoses < min) continue;
    const dimensions: DiagnosisGroup['dimensions'] = {};
    for (const id of Object.keys(g.dimensions).sort())
      if (g.dimensions[id]!.n >= min) dimensions[id] = g.dimensions[id]!;
    released.push({ ...g, dimensions });
  }
  return released.length > 0 ? { format: DIAGNOSTICS_FORMAT, groups: released } : undefined;
}

/** Same content whatever the key order (JSON from the wire or from the desk's own objects). */
function sameJson(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): string =>
    Array.isArray(v)
      ? `[${v.map(canon).join(',')}]`
      : v && typeof v === 'object'
        ? `{${Object.keys(v)
            .sort()
            .map((key) => `${JSON.stringify(key)}:${canon((v as Record<string, unknown>)[key])}`)
            .join(',')}}`
        : JSON.stringify(v);
  return canon(a) === canon(b);
}

function checkDiagnostics(snapshot: Snapshot, minK: number, previous: Snapshot | undefined, out: Violation[]) {
  const section = snapshot.diagnostics;
  if (previous?.diagnostics && !sameJson(section, previous.diagnostics)) out.push({ code: 'diagnostics_changed' });
  if (!section) return;
  const min = diagnosticThreshold(Math.max(minK, snapshot.k));
  const seen = new Set<string>();
  for (const g of section.groups) {
    const key = groupKey(g);
    if (seen.has(key)) out.push({ code: 'duplicate_diagnosis_group', key });
    seen.add(key);
    if (g.diagnoses < min) out.push({ code: 'diagnosis_group_below_min', key });
    const sums = [g.overall, ...Object.values(g.dimensions)];
    if (g.overall.n !== g.diagnoses || sums.some((s) => s.n > g.diagnoses || s.sum > 100 * s.n))
      out.push({ code: 'diagnosis_sum_inconsistent', key });
    if (Object.values(g.dimensions).some((s) => s.n < min)) out.push({ code: 'diagnosis_sum_below_min', key });
  }
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
  const diagnostics = protectDiagnostics(raw.diagnostics, k, previous);
  // Absent rather than empty: a desk with no diagnosis to report sends the same bytes as before this section existed.
  if (diagnostics) snapshot.diagnostics = diagnostics;
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
  | 'other_period'
  | 'diagnostics_changed'
  | 'duplicate_diagnosis_group'
  | 'diagnosis_group_below_min'
  | 'diagnosis_sum_inconsistent'
  | 'diagnosis_sum_below_min';

export interface Violation {
  code: ViolationCode;
  dimension?: PopulationDimension;
  /** A population cell's key, or a diagnosis group's `section|size|département`. */
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
  checkDiagnostics(snapshot, minK, previous, out);
  return out;
}
