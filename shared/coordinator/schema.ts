import { z } from 'zod';
import { Consolidated, CoordinatorSummary, SnapshotFileReceipt } from '../sync/api';

// Coordinator mode: the desktop app reading the hub's consolidated figures of a coordinator's scope. The answers are
// the hub's own schemas (shared/sync/api.ts), so the screen shows exactly what the hub says and nothing more.

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'coordinator.monthInvalid');

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
  .object({ from: Month, to: Month })
  .strict()
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'coordinator.periodReversed' });
export type PeriodInput = z.infer<typeof PeriodInput>;

export const SiteInput = z
  .object({ siteId: z.uuid('coordinator.siteInvalid'), from: Month, to: Month })
  .strict()
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'coordinator.periodReversed' });
export type SiteInput = z.infer<typeof SiteInput>;

export const CoordinatorStatus = z.object({
  /** null until a coordinator credential is connected. */
  connection: z
    .object({
      hubUrl: z.string(),
      scopeName: z.string(),
      connectedAt: z.string(),
    })
    .nullable(),
  /** The proxy the app goes through (read from the environment), shown for IT. */
  proxy: z.string().nullable(),
});
export type CoordinatorStatus = z.infer<typeof CoordinatorStatus>;

/** A desk's signed snapshot file the coordinator picked (files.pickOpen, purpose 'snapshots'), for the hub. */
export const ImportSnapshotFileInput = z.object({ sourceId: z.uuid() }).strict();

export { Consolidated, CoordinatorSummary, SnapshotFileReceipt };
