import { z } from 'zod';
import { guideKey, isoDate, JournalFilter } from '../journal/schema';
import { BASES, BREAKDOWN_DIMENSIONS, TOTAL_KEYS, type BreakdownDimension } from './indicators';
import { PERIOD_UNITS, daysIn } from './period';

/** The longest period the dashboard answers for (a desk's whole history fits many times over). */
export const MAX_PERIOD_DAYS = 366 * 30;

export const PeriodInput = z
  .object({ unit: z.enum(PERIOD_UNITS), from: isoDate, to: isoDate })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'stats.periodReversed', path: ['to'] })
  .refine((p) => p.from > p.to || daysIn(p.from, p.to) <= MAX_PERIOD_DAYS, {
    message: 'stats.periodTooLong',
    path: ['from'],
  });
export type PeriodInput = z.input<typeof PeriodInput>;

/**
 * The journal's own filters (kind, operator, topic, outcome, open follow-ups, the guide used), without its period.
 */
export const StatsFilters = JournalFilter.omit({ from: true, to: true }).extend({
  guide: guideKey.nullable().default(null),
});
export type StatsFilters = z.input<typeof StatsFilters>;
export const NO_FILTERS = {
  kind: null,
  operator: null,
  topic: null,
  outcome: null,
  followUpDue: false,
  guide: null,
} as const;

export const DashboardQuery = z
  .object({ period: PeriodInput, filters: StatsFilters.default({ ...NO_FILTERS }) })
  .strict();
export type DashboardQuery = z.input<typeof DashboardQuery>;

export const KeyFigures = z.object({
  sessions: z.number(),
  /** Individual sessions + workshop participants. */
  peopleHelped: z.number(),
  /** Individual sessions whose person came to this desk for the first time. */
  firstVisits: z.number(),
  individualSessions: z.number(),
  workshops: z.number(),
  participants: z.number(),
  minutes: z.number(),
  adminHelpSessions: z.number(),
  /** adminHelpSessions / sessions, 0 when there is no session. */
  adminHelpShare: z.number(),
  /** Open follow-ups of the period's sessions (as of today), and those past their due date. */
  followUpsOpen: z.number(),
  followUpsOverdue: z.number(),
  /** Sessions of the period that used at least one guide (guided mode); null only from a desk without guides. */
  guidesUsed: z.number().nullable(),
});
export type KeyFigures = z.infer<typeof KeyFigures>;

export const BreakdownRow = z.object({
  /** A taxonomy key, an operator key, an INSEE code (commune, EPCI SIREN, département) or `non_renseigne`. */
  key: z.string(),
  /** The place's name for area rows (from the official geographic code); null for keys translated through i18n. */
  name: z.string().nullable(),
  count: z.number(),
  /** count / the breakdown's base, between 0 and 1 (0 when the base is 0). */
  share: z.number(),
});
export type BreakdownRow = z.infer<typeof BreakdownRow>;

export const Breakdown = z.object({
  dimension: z.enum(BREAKDOWN_DIMENSIONS as [BreakdownDimension, ...BreakdownDimension[]]),
  base: z.enum(BASES),
  /** The value of the base (the denominator of every share). */
  baseCount: z.number(),
  rows: z.array(BreakdownRow),
});
export type Breakdown = z.infer<typeof Breakdown>;

export const TrendMonth = z.object({
  /** YYYY-MM of the period's month; only the period's days of it are counted. */
  month: z.string(),
  sessions: z.number(),
  peopleHelped: z.number(),
  /** The same days a year earlier. */
  previousSessions: z.number(),
  previousPeopleHelped: z.number(),
});
export type TrendMonth = z.infer<typeof TrendMonth>;

export const Dashboard = z.object({
  period: z.object({ unit: z.enum(PERIOD_UNITS), from: z.string(), to: z.string() }),
  filters: z.object({
    kind: z.enum(['individuel', 'collectif']).nullable(),
    operator: z.string().nullable(),
    topic: z.string().nullable(),
    outcome: z.string().nullable(),
    followUpDue: z.boolean(),
    guide: z.string().nullable(),
  }),
  keyFigures: KeyFigures,
  breakdowns: z.array(Breakdown),
  trend: z.array(TrendMonth),
  /**
   * `rollups` (the daily, monthly and yearly aggregates) or `sessions` (filters no rollup covers: counted row by row;
   * the guide filter reads only the sessions that used the guide).
   */
  source: z.enum(['rollups', 'sessions']),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const TOTALS = TOTAL_KEYS;

// ---- retention ------------------------------------------------------------------------------------------------

export const RETENTION_DEFAULT_MONTHS = 12;
export const RetentionPolicy = z
  .object({
    enabled: z.boolean(),
    /** Session details are erased once the session is older than this many months. */
    months: z
      .number({ message: 'stats.retentionMonthsInvalid' })
      .int({ message: 'stats.retentionMonthsInvalid' })
      .min(1, { message: 'stats.retentionMonthsInvalid' })
      .max(120, { message: 'stats.retentionMonthsInvalid' }),
    /** Notes alone may go sooner: null follows `months`. */
    notesMonths: z
      .number({ message: 'stats.retentionMonthsInvalid' })
      .int({ message: 'stats.retentionMonthsInvalid' })
      .min(1, { message: 'stats.retentionMonthsInvalid' })
      .max(120, { message: 'stats.retentionMonthsInvalid' })
      .nullable(),
  })
  .strict()
  .refine((p) => p.notesMonths === null || p.notesMonths <= p.months, {
    message: 'stats.retentionNotesAfterDetails',
    path: ['notesMonths'],
  });
export type RetentionPolicy = z.infer<typeof RetentionPolicy>;

export const RetentionRun = z.object({
  at: z.string(),
  /** Sessions whose details were erased, and sessions whose notes alone were erased, by this run. */
  detailsErased: z.number(),
  notesErased: z.number(),
  /** Sessions dated before this day have no details left (null: no detail erased by this run's rule). */
  detailsBefore: z.string().nullable(),
  notesBefore: z.string().nullable(),
});
export type RetentionRun = z.infer<typeof RetentionRun>;

export const RetentionState = z.object({
  policy: RetentionPolicy,
  runs: z.array(RetentionRun),
});
export type RetentionState = z.infer<typeof RetentionState>;
