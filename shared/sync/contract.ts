import { job, mutation, noInput, query } from '../contract-kit';
import {
  CloseResult,
  ConfigureInput,
  CorrectInput,
  CorrectResult,
  EnrollInput,
  ExportInput,
  ExportResult,
  OutboxKeyInput,
  SnapshotPreview,
  SyncRunResult,
  SyncStatus,
} from './desk-schema';

export const syncContract = {
  'sync.status': query(noInput, SyncStatus),
  /** Trades a single-use code for this desk's credential at the hub (kept behind the host's CredentialStore). */
  'sync.enroll': mutation(EnrollInput, SyncStatus),
  'sync.configure': mutation(ConfigureInput, SyncStatus),
  /** Summarises every period closed since the last time into the outbox (also done before each sync). */
  'sync.closePeriods': mutation(noInput, CloseResult),
  /** A correction of a closed period: its next version, from the journal as it is now. */
  'sync.correct': mutation(CorrectInput, CorrectResult),
  /** Exactly what a queued snapshot sends, and why each held-back cell is held back. */
  'sync.preview': query(OutboxKeyInput, SnapshotPreview),
  /** A quarantined snapshot back in the queue (after the hub's administrator fixed what refused it). */
  'sync.requeue': mutation(OutboxKeyInput, SyncStatus),
  'sync.run': job(noInput, SyncRunResult),
  /** No network: the queued snapshots to a file, which a coordinator hands to the hub. */
  'sync.exportFile': job(ExportInput, ExportResult),
} as const;
