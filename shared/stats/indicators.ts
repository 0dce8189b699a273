import {
  ADMIN_TOPIC_TRIGGER,
  AGE_BRACKETS,
  AUTONOMY,
  CHANNELS,
  EQUIPMENT,
  GENDERS,
  ORIENTATIONS,
  OUTCOMES,
  STATUSES,
  TOPICS,
  ADMIN_TOPICS,
} from '../taxonomy';

/**
 * The indicator definitions: what one session adds to each figure of the dashboard. The desk's rollups, its
 * direct recomputation, the exports and (later) the hub all count through `contributionsOf`, so they can never
 * disagree on what a figure means.
 *
 * A contribution is (dimension, key, n). Key figures are the dimension `total`; every other dimension is a
 * breakdown table. What `n` counts depends on the dimension's base (see BREAKDOWNS): sessions for the activity
 * dimensions, people for the population ones (a workshop adds its participants by bracket, the participants
 * it did not break down going to `non_communique`).
 */

/** The facts of a session the statistics read: a subset of the journal's Session (keys, never codes). */
export interface StatsSession {
  kind: 'individuel' | 'collectif';
  date: string;
  durationMin: number;
  channel: string;
  equipment: readonly string[];
  topics: readonly string[];
  adminTopics: readonly string[];
  operators: readonly string[];
  outcome: string | null;
  orientation: string | null;
  autonomy?: string | null;
  person?: {
    ageBracket: string;
    gender: string;
    status: string;
    communeCode: string | null;
    firstVisit: boolean | null;
  };
  workshop?: {
    participants: number;
    byGender: Partial<Record<string, number>>;
    byAge: Partial<Record<string, number>>;
    byStatus: Partial<Record<string, number>>;
  };
}

/** The key figures that are sums over sessions (follow-ups are a live state, read from the journal directly). */
export const TOTAL_KEYS = [
  'sessions',
  'individualSessions',
  'workshops',
  'participants',
  'peopleHelped',
  'firstVisits',
  'minutes',
  'adminHelpSessions',
] as const;
export type TotalKey = (typeof TOTAL_KEYS)[number];

/** Sessions under 30 min · 30 min to 1 h · 1 h to 2 h · 2 h and more (taxonomy.md, "Duration"). */
export const DURATION_RANGES = ['moins_30_min', 'de_30_min_a_1_h', 'de_1_h_a_2_h', 'plus_de_2_h'] as const;
export function durationRangeOf(minutes: number): (typeof DURATION_RANGES)[number] {
  if (minutes < 30) return 'moins_30_min';
  if (minutes < 60) return 'de_30_min_a_1_h';
  if (minutes < 120) return 'de_1_h_a_2_h';
  return 'plus_de_2_h';
}

/** The key of a value the session did not give (no outcome, no commune, an individual session's autonomy unset). */
export const NOT_GIVEN = 'non_renseigne';

/**
 * What a breakdown's shares are a share of:
 * - `sessions`: every session of the period (a session with two topics counts once in each: shares may add up
 *   to more than 100 %);
 * - `individualSessions`: the individual sessions (autonomy and area of residence are recorded per person);
 * - `adminHelpSessions`: the sessions with administrative help (administrative topics are only asked there);
 * - `people`: the people helped (individual sessions + workshop participants).
 */
export const BASES = ['sessions', 'individualSessions', 'adminHelpSessions', 'people'] as const;
export type Base = (typeof BASES)[number];

/**
 * The breakdown tables, in the dashboard's order: their base, their known keys and how rows are ordered (`keys`:
 * every known key in the taxonomy's order, zeros included, for ordinal or short lists; `count`: the keys met,
 * most frequent first, an unknown key last).
 */
export const BREAKDOWNS = {
  operator: { base: 'sessions', keys: null, order: 'count' },
  topic: { base: 'sessions', keys: TOPICS, order: 'count' },
  adminTopic: { base: 'adminHelpSessions', keys: ADMIN_TOPICS, order: 'count' },
  outcome: { base: 'sessions', keys: [...OUTCOMES, NOT_GIVEN], order: 'keys' },
  orientation: { base: 'sessions', keys: ORIENTATIONS, order: 'count' },
  channel: { base: 'sessions', keys: CHANNELS, order: 'keys' },
  duration: { base: 'sessions', keys: DURATION_RANGES, order: 'keys' },
  autonomy: { base: 'individualSessions', keys: [...AUTONOMY, NOT_GIVEN], order: 'keys' },
  equipment: { base: 'sessions', keys: EQUIPMENT, order: 'count' },
  ageBracket: { base: 'people', keys: AGE_BRACKETS, order: 'keys' },
  gender: { base: 'people', keys: GENDERS, order: 'keys' },
  status: { base: 'people', keys: STATUSES, order: 'keys' },
  commune: { base: 'individualSessions', keys: null, order: 'count' },
  epci: { base: 'individualSessions', keys: null, order: 'count' },
  departement: { base: 'individualSessions', keys: null, order: 'count' },
  /** The guides the sessions used (guided mode): counted from the sessions' guides, not from contributions. */
  guide: { base: 'sessions', keys: null, order: 'count' },
} as const satisfies Record<string, { base: Base; keys: readonly string[] | null; order: 'keys' | 'count' }>;
export type BreakdownDimension = keyof typeof BREAKDOWNS;
export const BREAKDOWN_DIMENSIONS = Object.keys(BREAKDOWNS) as BreakdownDimension[];

/**
 * The dimensions a rollup stores. EPCI and département are not stored: they derive from the commune when the
 * dashboard is read (the official geographic code may move a commune to another EPCI; the commune never moves).
 */
export const STORED_DIMENSIONS = [
  'total',
  'operator',
  'topic',
  'adminTopic',
  'outcome',
  'orientation',
  'channel',
  'duration',
  'autonomy',
  'equipment',
  'ageBracket',
  'gender',
  'status',
  'commune',
] as const;
export type StoredDimension = (typeof STORED_DIMENSIONS)[number];

export type Contribution = readonly [dimension: StoredDimension, key: string, n: number];

/** Everything one session adds to the statistics. Pure; the same for the desk, its exports and the hub. */
export function contributionsOf(s: StatsSession): Contribution[] {
  const out: Contribution[] = [];
  const add = (d: StoredDimension, key: string, n: number) => {
    if (n !== 0) out.push([d, key, n]);
  };
  const individual = s.kind === 'individuel';
  const people = individual ? 1 : (s.workshop?.participants ?? 0);
  const adminHelp = s.topics.includes(ADMIN_TOPIC_TRIGGER);

  add('total', 'sessions', 1);
  add('total', individual ? 'individualSessions' : 'workshops', 1);
  if (!individual) add('total', 'participants', people);
  add('total', 'peopleHelped', people);
  if (individual && s.person?.firstVisit === true) add('total', 'firstVisits', 1);
  add('total', 'minutes', s.durationMin);
  if (adminHelp) add('total', 'adminHelpSessions', 1);

  for (const k of s.operators) add('operator', k, 1);
  for (const k of s.topics) add('topic', k, 1);
  for (const k of s.adminTopics) add('adminTopic', k, 1);
  add('outcome', s.outcome ?? NOT_GIVEN, 1);
  if (s.orientation) add('orientation', s.orientation, 1);
  add('channel', s.channel, 1);
  add('duration', durationRangeOf(s.durationMin), 1);
  for (const k of s.equipment) add('equipment', k, 1);

  if (individual) {
    add('autonomy', s.autonomy ?? NOT_GIVEN, 1);
    const p = s.person;
    add('ageBracket', p?.ageBracket ?? 'non_communique', 1);
    add('gender', p?.gender ?? 'non_communique', 1);
    add('status', p?.status ?? 'non_communique', 1);
    add('commune', p?.communeCode ?? NOT_GIVEN, 1);
  } else if (s.workshop) {
    const w = s.workshop;
    for (const [dim, counts] of [
      ['ageBracket', w.byAge],
      ['gender', w.byGender],
      ['status', w.byStatus],
    ] as const) {
      let given = 0;
      for (const [key, n] of Object.entries(counts)) {
        if (!n || key === 'non_communique') continue;
        add(dim, key, n);
        given += n;
      }
      add(dim, 'non_communique', w.participants - given);
    }
  }
  return out;
}

/** The sum of contributions per `dimension\tkey`: the reference recomputation (tests, the hub, the direct path). */
export function sumContributions(sessions: Iterable<StatsSession>, into = new Map<string, number>()) {
  for (const s of sessions) {
    for (const [d, k, n] of contributionsOf(s)) {
      const id = `${d}\t${k}`;
      into.set(id, (into.get(id) ?? 0) + n);
    }
  }
  return into;
}

/** The département of an INSEE commune code (overseas: three digits; Corsica: 2A / 2B). */
export function departementOf(communeCode: string): string {
  return communeCode.startsWith('97') || communeCode.startsWith('98')
    ? communeCode.slice(0, 3)
    : communeCode.slice(0, 2);
}
