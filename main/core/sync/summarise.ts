import { DURATION_RANGES as STATS_DURATIONS } from '../../../shared/stats/indicators';
import type { Dashboard } from '../../../shared/stats/schema';
import {
  ACTIVITY_KEYS,
  DURATION_RANGES,
  OPERATOR_KEY,
  POPULATION_KEYS,
  type ClosedActivityDimension,
  type ClosedPopulationDimension,
} from '../../../shared/sync/dimensions';
import type { RawDiagnosis, RawPopulation, RawSnapshot } from '../../../shared/sync/disclosure';
import type { ActivityTables, Period } from '../../../shared/sync/snapshot';

// A closed period's figures, read from the statistics' one query layer (the dashboard's own figures, so the hub
// counts exactly what the desk's dashboard shows), reshaped into the snapshot's tables before the disclosure rule.
//
// Where the two vocabularies differ:
// - a value the session did not give (`non_renseigne`: no outcome, no autonomy) has no cell in the activity tables:
//   those tables count what is known; a key the snapshot's list does not hold (an older taxonomy's) is left out too;
// - in population tables, every person is counted: an unknown or unlisted key goes to `non_communique`;
// - first visit: the dashboard counts first visits; "déjà venu" is every other individual session (including those
//   where the question was not answered), so the table adds up to the individual sessions as the rule requires;
// - area of residence: the commune's INSEE code when it has at least AREA_MIN_POPULATION inhabitants, else its EPCI
//   (SIREN), else `non_communique` (sync-and-privacy.md).

export const AREA_MIN_POPULATION = 5_000;
const NOT_GIVEN = 'non_renseigne';
const UNKNOWN_PERSON = 'non_communique';

export interface CommuneFacts {
  epci: string | null;
  population: number | null;
}

type Rows = Record<string, number>;

function rows(dashboard: Dashboard, dimension: Dashboard['breakdowns'][number]['dimension']): Rows {
  const out: Rows = {};
  for (const row of dashboard.breakdowns.find((b) => b.dimension === dimension)?.rows ?? [])
    if (row.count > 0) out[row.key] = (out[row.key] ?? 0) + row.count;
  return out;
}

function keep(counts: Rows, allowed: readonly string[] | RegExp): Rows {
  const out: Rows = {};
  for (const [key, n] of Object.entries(counts))
    if (Array.isArray(allowed) ? allowed.includes(key) : (allowed as RegExp).test(key)) out[key] = n;
  return out;
}

function everyone(counts: Rows, dimension: ClosedPopulationDimension): Rows {
  const allowed = POPULATION_KEYS[dimension] as readonly string[];
  const out: Rows = {};
  for (const [key, n] of Object.entries(counts)) {
    const k = allowed.includes(key) ? key : UNKNOWN_PERSON;
    out[k] = (out[k] ?? 0) + n;
  }
  return out;
}

/**
 * A diagnosis closed in the period, as the diagnostic feature hands it over (main/core/index.ts): the business's group
 * and its scores, nothing else (no name, SIREN, NAF code, answers or date).
 */
export interface ClosedDiagnosis {
  nafSection: string;
  sizeBand: RawDiagnosis['sizeBand'];
  departement: string;
  overall: number | null;
  dimensions: ReadonlyArray<{ id: string; score: number | null }>;
}

/** The diagnoses of the period as the rule takes them (shared/sync/disclosure.ts groups them and keeps big groups). */
export function summariseDiagnoses(closed: readonly ClosedDiagnosis[]): RawDiagnosis[] {
  return closed.map((d) => ({
    nafSection: d.nafSection,
    sizeBand: d.sizeBand,
    departement: d.departement,
    overall: d.overall,
    dimensions: Object.fromEntries(d.dimensions.map((x) => [x.id, x.score])),
  }));
}

export function summarise(
  dashboard: Dashboard,
  deskId: string,
  period: Period,
  version: number,
  communeOf: (code: string) => CommuneFacts | null,
  /** The diagnoses closed in the period (absent: this desk does not report diagnostics). */
  diagnoses?: readonly ClosedDiagnosis[],
): RawSnapshot {
  const f = dashboard.keyFigures;
  const closed = (dimension: ClosedActivityDimension, stats: Parameters<typeof rows>[1]) =>
    keep(rows(dashboard, stats), ACTIVITY_KEYS[dimension]);

  const durations: Rows = {};
  for (const [key, n] of Object.entries(rows(dashboard, 'duration'))) {
    const i = (STATS_DURATIONS as readonly string[]).indexOf(key);
    if (i >= 0) durations[DURATION_RANGES[i]!] = n;
  }
  const kind: Rows = {};
  if (f.individualSessions > 0) kind.individuel = f.individualSessions;
  if (f.workshops > 0) kind.collectif = f.workshops;

  const activity: ActivityTables = {
    kind,
    topics: closed('topics', 'topic'),
    adminTopics: closed('adminTopics', 'adminTopic'),
    outcomes: closed('outcomes', 'outcome'),
    orientation: closed('orientation', 'orientation'),
    channels: closed('channels', 'channel'),
    durationRanges: durations,
    autonomy: closed('autonomy', 'autonomy'),
    equipment: closed('equipment', 'equipment'),
    operators: keep(rows(dashboard, 'operator'), OPERATOR_KEY),
  };

  const area: Rows = {};
  for (const [code, n] of Object.entries(rows(dashboard, 'commune'))) {
    const commune = code === NOT_GIVEN ? null : communeOf(code);
    const key = !commune
      ? UNKNOWN_PERSON
      : (commune.population ?? 0) >= AREA_MIN_POPULATION
        ? code
        : (commune.epci ?? UNKNOWN_PERSON);
    area[key] = (area[key] ?? 0) + n;
  }
  const firstVisit: Rows = {};
  if (f.firstVisits > 0) firstVisit.premiere_visite = f.firstVisits;
  if (f.individualSessions - f.firstVisits > 0) firstVisit.deja_venu = f.individualSessions - f.firstVisits;

  const population: RawPopulation = {
    age: everyone(rows(dashboard, 'ageBracket'), 'age'),
    gender: everyone(rows(dashboard, 'gender'), 'gender'),
    status: everyone(rows(dashboard, 'status'), 'status'),
    firstVisit,
    area,
  };
  return {
    deskId,
    period,
    version,
    totals: {
      sessions: f.sessions,
      individualSessions: f.individualSessions,
      workshops: f.workshops,
      workshopParticipants: f.participants,
      peopleHelped: f.peopleHelped,
      totalMinutes: f.minutes,
    },
    activity,
    population,
    ...(diagnoses ? { diagnostics: summariseDiagnoses(diagnoses) } : {}),
  };
}
