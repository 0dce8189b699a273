import {
  ADMIN_TOPICS,
  AGE_BRACKETS,
  AUTONOMY,
  CHANNELS,
  EQUIPMENT,
  GENDERS,
  ORIENTATIONS,
  OUTCOMES,
  SESSION_KINDS,
  STATUSES,
  TOPICS,
} from '../taxonomy';

// The one-dimensional tables a snapshot may carry, and nothing else (sync-and-privacy.md): activity marginals describe
// sessions and are sent exactly; population marginals describe people and go through the disclosure rule.

export const DURATION_RANGES = ['moins_30', 'de_30_a_60', 'de_60_a_120', 'plus_120'] as const;
export const FIRST_VISIT = ['premiere_visite', 'deja_venu'] as const;

/** Activity marginals with a closed list of keys. Operators are data-driven (a coordinator may add some): see below. */
export const ACTIVITY_KEYS = {
  kind: SESSION_KINDS,
  topics: TOPICS,
  adminTopics: ADMIN_TOPICS,
  outcomes: OUTCOMES,
  orientation: ORIENTATIONS,
  channels: CHANNELS,
  durationRanges: DURATION_RANGES,
  autonomy: AUTONOMY,
  equipment: EQUIPMENT,
} as const;
export type ClosedActivityDimension = keyof typeof ACTIVITY_KEYS;
export const ACTIVITY_DIMENSIONS = [...(Object.keys(ACTIVITY_KEYS) as ClosedActivityDimension[]), 'operators'] as const;
export type ActivityDimension = (typeof ACTIVITY_DIMENSIONS)[number];

/** Population marginals with a closed list of keys: every key is always sent (a missing key would say "zero"). */
export const POPULATION_KEYS = {
  age: AGE_BRACKETS,
  gender: GENDERS,
  status: STATUSES,
  firstVisit: FIRST_VISIT,
} as const;
export type ClosedPopulationDimension = keyof typeof POPULATION_KEYS;
/** `area`: the commune of residence (INSEE code) when large enough, else its EPCI (SIREN): an open list of codes. */
export const POPULATION_DIMENSIONS = [
  ...(Object.keys(POPULATION_KEYS) as ClosedPopulationDimension[]),
  'area',
] as const;
export type PopulationDimension = (typeof POPULATION_DIMENSIONS)[number];

/** An operator key: a taxonomy-style identifier, never free text. */
export const OPERATOR_KEY = /^[a-z][a-z0-9_]{1,39}$/;
/** An area key: a commune's INSEE code (Corsica: 2A/2B) or an EPCI's SIREN, or `non_communique`. */
export const AREA_KEY = /^(?:[0-9][0-9AB][0-9]{3}|[0-9]{9}|non_communique)$/;

/** The smallest k a hub may set, and the default (sync-and-privacy.md). */
export const MIN_K = 3;
export const DEFAULT_K = 5;
