import { z } from 'zod';
import { LockStatus } from '../lock/schema';
import { Settings } from '../settings/schema';
import { SiteProfile } from '../site/schema';

export const StorageStatus = z.object({
  schemaVersion: z.number(),
  integrity: z.enum(['ok', 'checking', 'failed', 'not_run']),
  uncleanShutdown: z.boolean(),
  recoveredFrom: z.string().nullable(),
  lastBackupAt: z.string().nullable(),
  lastIntegrityCheckAt: z.string().nullable(),
});
export type StorageStatus = z.infer<typeof StorageStatus>;

export const AppStatus = z.object({
  setupDone: z.boolean(),
  site: SiteProfile.nullable(),
  settings: Settings,
  // Deployment settings are decided by whoever installs Médiane, not in the UI: only an installation
  // operated by a State body may show the State's brand block (DSFR terms of use).
  deployment: z.object({ stateOperated: z.boolean(), appVersion: z.string() }),
  storage: StorageStatus,
  operators: z.array(z.string()),
  taxonomyVersion: z.string(),
  /** The app lock and self-service mode (the renderer shows the lock screen or the self-service screens). */
  lock: LockStatus,
});
export type AppStatus = z.infer<typeof AppStatus>;
