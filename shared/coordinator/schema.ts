import { z } from 'zod';
import { Consolidated, CoordinatorSummary, SnapshotFileReceipt } from '../sync/api';
import { EXPORT_FORMATS } from '../exports/schema';
import { granularityOf, MONTH_KEY, WEEK_KEY } from './periods';

// Coordinator mode: the desktop app reading the hub's consolidated figures of a coordinator's scope. The answers are
// the hub's own schemas (shared/sync/api.ts), so the screen shows exactly what the hub says and nothing more.

/** A hub period key: a month (YYYY-MM) or an ISO week (YYYY-Www), whichever the hub counts by. */
const PeriodKey = z
  .string()
  .refine((k) => MONTH_KEY.test(k) || WEEK_KEY.test(k), { message: 'coordinator.monthInvalid' });
const ordered = (p: { from: string; to: string }) => granularityOf(p.from) === granularityOf(p.to) && p.from <= p.to;

export const ConnectInput = z
  .object({
    hubUrl: z.string().trim().min(1, 'coordinator.hubUrlRequired').max(300, 'coordinator.hubUrlInvalid'),
    credential: z
      .string()
      .trim()
      .regex(/^mdn_coord_[A-Za-z0-9_-]{10,110}$/, 'coordinator.credentialInvalid'),
  })
  .strict();
export type ConnectInput = z.infer<typeof ConnectInput>;

export const PeriodInput = z
  .object({ from: PeriodKey, to: PeriodKey })
  .strict()
  .refine(ordered, { path: ['to'], message: 'coordinator.periodReversed' });
export type PeriodInput = z.infer<typeof PeriodInput>;

export const SiteInput = z
  .object({ siteId: z.uuid('coordinator.siteInvalid'), from: PeriodKey, to: PeriodKey })
  .strict()
  .refine(ordered, { path: ['to'], message: 'coordinator.periodReversed' });
export type SiteInput = z.infer<typeof SiteInput>;

export const CoordinatorStatus = z.object({
  /** null until a coordinator credential is connected. */
  connection: z
    .object({
      hubUrl: z.string(),
      scopeName: z.string(),
      connectedAt: z.string(),
      /** The hub's period granularity, as it last said (a hub of an earlier version: months). */
      granularity: z.enum(['month', 'week']),
    })
    .nullable(),
  /** The proxy the app goes through (read from the environment), shown for IT. */
  proxy: z.string().nullable(),
});
export type CoordinatorStatus = z.infer<typeof CoordinatorStatus>;

/** A desk's signed snapshot file the coordinator picked (files.pickOpen, purpose 'snapshots'), for the hub. */
export const ImportSnapshotFileInput = z.object({ sourceId: z.uuid() }).strict();

export { Consolidated, CoordinatorSummary, SnapshotFileReceipt };

/** The consolidated tables of a range (the total's every table and each site's key figures) as a file. */
export const CoordinatorExportInput = z
  .object({
    targetId: z.uuid(),
    format: z.enum(EXPORT_FORMATS),
    from: PeriodKey,
    to: PeriodKey,
    /** One site of the scope: its every table instead of the scope's total. */
    siteId: z.uuid('coordinator.siteInvalid').optional(),
  })
  .strict()
  .refine(ordered, { path: ['to'], message: 'coordinator.periodReversed' });
export type CoordinatorExportInput = z.infer<typeof CoordinatorExportInput>;

export const CoordinatorExportResult = z.object({
  name: z.string(),
  /** Data rows written (every table). */
  rows: z.number().int().nonnegative(),
  sites: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type CoordinatorExportResult = z.infer<typeof CoordinatorExportResult>;
