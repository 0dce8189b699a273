import { z } from 'zod';
import { POPULATION_DIMENSIONS } from './dimensions';
import { PeerBenchmarks } from './api';
import { Snapshot } from './snapshot';

// The desk's sync methods (main/core/sync): enrollment, the queue of closed periods, the preview of exactly what
// will be sent, the log of what left. Field errors are i18n keys of the "errors" namespace ("sync.…").

export const GRACE_DAYS_DEFAULT = 7;
export const GRACE_DAYS_MAX = 60;

export const EnrollInput = z
  .object({
    hubUrl: z.string().trim().min(1, { message: 'sync.hubUrlRequired' }).max(300, { message: 'sync.hubUrlInvalid' }),
    code: z
      .string()
      .trim()
      .min(8, { message: 'sync.codeInvalid' })
      .max(40, { message: 'sync.codeInvalid' })
      .regex(/^[A-Za-z0-9_-]+$/, { message: 'sync.codeInvalid' }),
  })
  .strict();
export type EnrollInput = z.input<typeof EnrollInput>;

export const ConfigureInput = z
  .object({
    graceDays: z
      .number({ message: 'sync.graceDaysInvalid' })
      .int({ message: 'sync.graceDaysInvalid' })
      .min(0, { message: 'sync.graceDaysInvalid' })
      .max(GRACE_DAYS_MAX, { message: 'sync.graceDaysInvalid' }),
  })
  .strict();

export const PeriodKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4]\d|5[0-3]))$/);
export const OutboxKeyInput = z.object({ key: z.string().min(1).max(120) }).strict();
export const CorrectInput = z.object({ period: PeriodKey }).strict();

export const OUTBOX_STATES = ['pending', 'sent', 'quarantined'] as const;
export const QueueItem = z.object({
  key: z.string(),
  period: z.string(),
  version: z.number().int(),
  state: z.enum(OUTBOX_STATES),
  hash: z.string(),
  createdAt: z.string(),
  /** For a quarantined snapshot: the hub's HTTP status and error code. */
  error: z.object({ status: z.number().int(), code: z.string() }).nullable(),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const SentEntry = z.object({
  period: z.string(),
  version: z.number().int(),
  hash: z.string(),
  /** The hub's address, or `file` for a snapshot file exported by hand. */
  destination: z.string(),
  outcome: z.string(),
  at: z.string(),
});
export type SentEntry = z.infer<typeof SentEntry>;

export const RETRY_REASONS = ['network', 'server', 'rate_limited', 'credential'] as const;

export const SyncStatus = z.object({
  enrollment: z
    .object({
      hubUrl: z.string(),
      deskId: z.string(),
      siteName: z.string(),
      siteDepartement: z.string(),
      k: z.number().int(),
      granularity: z.enum(['month', 'week']),
      enrolledAt: z.string(),
    })
    .nullable(),
  graceDays: z.number().int(),
  lastAttemptAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  nextTryAt: z.string().nullable(),
  /** Why the last round stopped early (null when it went through). */
  lastError: z.enum(RETRY_REASONS).nullable(),
  queue: z.array(QueueItem),
  log: z.array(SentEntry),
  /** HTTPS_PROXY / HTTP_PROXY as the desk reads them (null: direct), for IT to check. */
  proxy: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SuppressionView = z.object({
  dimension: z.enum(POPULATION_DIMENSIONS),
  key: z.string(),
  reason: z.enum(['below_k', 'earlier_version', 'secondary']),
});

export const SnapshotPreview = z.object({
  key: z.string(),
  state: z.enum(OUTBOX_STATES),
  hash: z.string(),
  snapshot: Snapshot,
  suppressions: z.array(SuppressionView),
  /** Size of the bytes sent. */
  bytes: z.number().int(),
});
export type SnapshotPreview = z.infer<typeof SnapshotPreview>;

export const ExportInput = z.object({ targetId: z.uuid() }).strict();
export const ExportResult = z.object({ name: z.string(), snapshots: z.number().int() });

// The snapshot file of a desk that cannot reach its hub (signed): shared/sync/snapshot-file.ts.

export const CloseResult = z.object({ closed: z.array(z.string()) });
export const CorrectResult = z.object({ key: z.string(), version: z.number().int() });

export const SyncRunResult = z.object({
  state: z.enum(['done', 'retry_later']),
  sent: z.number().int(),
  quarantined: z.number().int(),
  reason: z.enum(RETRY_REASONS).nullable(),
});
export type SyncRunResult = z.infer<typeof SyncRunResult>;

/**
 * Peer benchmarks as the desk has them for one group of businesses: just fetched from the hub, the last figures fetched
 * (offline, or the hub unreachable), none yet (unavailable), or none possible (the desk is not enrolled with a hub).
 */
export const PeerComparison = z.object({
  state: z.enum(['fresh', 'cached', 'unavailable', 'not_enrolled']),
  /** When the figures were fetched from the hub (ISO), null without figures. */
  fetchedAt: z.string().nullable(),
  benchmarks: PeerBenchmarks.nullable(),
});
export type PeerComparison = z.infer<typeof PeerComparison>;
