import { z } from 'zod';
import { ACTIVITY_KEYS, AREA_KEY, MIN_K, OPERATOR_KEY, POPULATION_KEYS } from './dimensions';

// What leaves a desk for one closed period: counts only, strictly shaped. Every object is strict (an unknown field is
// refused), every key is a taxonomy key or a code, every value an integer: there is no room for free text, a name or a
// date finer than the period.

export const SNAPSHOT_FORMAT = 1;

const count = z.number().int().nonnegative().max(10_000_000);
const table = <K extends readonly [string, ...string[]]>(keys: K) => z.partialRecord(z.enum(keys), count);

export const MonthPeriod = z
  .object({ granularity: z.literal('month'), key: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) })
  .strict();
export const WeekPeriod = z
  .object({ granularity: z.literal('week'), key: z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/) })
  .strict();
export const Period = z.discriminatedUnion('granularity', [MonthPeriod, WeekPeriod]);
export type Period = z.infer<typeof Period>;
export type Granularity = Period['granularity'];

export const ActivityTables = z
  .object({
    kind: table(ACTIVITY_KEYS.kind),
    topics: table(ACTIVITY_KEYS.topics),
    adminTopics: table(ACTIVITY_KEYS.adminTopics),
    outcomes: table(ACTIVITY_KEYS.outcomes),
    orientation: table(ACTIVITY_KEYS.orientation),
    channels: table(ACTIVITY_KEYS.channels),
    durationRanges: table(ACTIVITY_KEYS.durationRanges),
    autonomy: table(ACTIVITY_KEYS.autonomy),
    equipment: table(ACTIVITY_KEYS.equipment),
    operators: z.record(z.string().regex(OPERATOR_KEY), count),
  })
  .strict();
export type ActivityTables = z.infer<typeof ActivityTables>;

/** A population cell: its count when released, or only the fact that it was suppressed. */
export const Cell = z.union([z.object({ n: count }).strict(), z.object({ suppressed: z.literal(true) }).strict()]);
export type Cell = z.infer<typeof Cell>;

// Partial records: a table of nobody has no cells; the rule (disclosure.ts) checks that the others list every key.
const populationTable = <K extends readonly [string, ...string[]]>(keys: K) =>
  z.object({ total: count, cells: z.partialRecord(z.enum(keys), Cell) }).strict();

export const PopulationTables = z
  .object({
    age: populationTable(POPULATION_KEYS.age),
    gender: populationTable(POPULATION_KEYS.gender),
    status: populationTable(POPULATION_KEYS.status),
    firstVisit: populationTable(POPULATION_KEYS.firstVisit),
    area: z.object({ total: count, cells: z.record(z.string().regex(AREA_KEY), Cell) }).strict(),
  })
  .strict();
export type PopulationTables = z.infer<typeof PopulationTables>;
export type PopulationTable = PopulationTables[keyof PopulationTables];

// Diagnostics (TPE/PME) closed in the period, for the hub's peer benchmarks (sync-and-privacy.md): per (NAF section,
// size band, département) of the business, the number of diagnoses and the sums of their overall score and of each
// dimension's score, with how many diagnoses each sum covers (a dimension may be "not applicable" to some). Optional and
// versioned: a snapshot without it (an older desk's) stays valid. The rule (disclosure.ts) decides which groups go.

export const DIAGNOSTICS_FORMAT = 1;
/** A section letter of the French NAF (A..U). */
export const NAF_SECTION = /^[A-U]$/;
export const DIAGNOSTIC_SIZE_BANDS = ['0', '1-9', '10-49', '50-249'] as const;
/** A département code (mainland, Corsica, overseas): the business's, never a commune. */
export const DEPARTEMENT_CODE = /^(?:0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/;
/** A questionnaire dimension's id: a slug from the versioned questionnaire, never free text. */
export const DIMENSION_ID = /^[a-z][a-z0-9_]{1,39}$/;
/** Scores are integers 0..100, so a sum is at most 100 per diagnosis. */
const ScoreSum = z.object({ n: count, sum: z.number().int().nonnegative().max(1_000_000_000) }).strict();
export type ScoreSum = z.infer<typeof ScoreSum>;

export const DiagnosisGroup = z
  .object({
    nafSection: z.string().regex(NAF_SECTION),
    sizeBand: z.enum(DIAGNOSTIC_SIZE_BANDS),
    departement: z.string().regex(DEPARTEMENT_CODE),
    /** Diagnoses closed in the period in this group. */
    diagnoses: count,
    overall: ScoreSum,
    dimensions: z.record(z.string().regex(DIMENSION_ID), ScoreSum),
  })
  .strict();
export type DiagnosisGroup = z.infer<typeof DiagnosisGroup>;

export const DiagnosticsSection = z
  .object({
    format: z.literal(DIAGNOSTICS_FORMAT),
    groups: z.array(DiagnosisGroup).max(5_000),
  })
  .strict();
export type DiagnosticsSection = z.infer<typeof DiagnosticsSection>;

export const Snapshot = z
  .object({
    format: z.literal(SNAPSHOT_FORMAT),
    /** The desk's random pseudonymous id (never the mediator, never the place's name). */
    deskId: z.uuid(),
    period: Period,
    /** 1 at closing; a correction after closing sends the next version of the same period. */
    version: z.number().int().min(1).max(1000),
    /** The disclosure threshold the desk applied (the hub's, never below MIN_K). */
    k: z.number().int().min(MIN_K).max(100),
    totals: z
      .object({
        sessions: count,
        individualSessions: count,
        workshops: count,
        workshopParticipants: count,
        /** Individual sessions plus workshop participants. */
        peopleHelped: count,
        totalMinutes: z.number().int().nonnegative().max(1_000_000_000),
      })
      .strict(),
    activity: ActivityTables,
    population: PopulationTables,
    /** Absent from older desks' snapshots and when the desk closed no diagnosis worth sending (see disclosure.ts). */
    diagnostics: DiagnosticsSection.optional(),
  })
  .strict();
export type Snapshot = z.infer<typeof Snapshot>;
