import type { UploadReceipt } from '../../../shared/sync/api';
import type { Snapshot } from '../../../shared/sync/snapshot';

// The desk's side of the upload protocol (sync-and-privacy.md): the oldest unacknowledged snapshot first, the same
// bytes on every retry, an acknowledgement only on the hub's receipt. Network errors, 5xx and 429 stop the round (the
// caller retries later, with backoff); any other 4xx quarantines that snapshot, to be shown to the user, instead of
// looping on it. Nothing here knows HTTP: the transport is a port (fetch with the proxy settings on a desk; a faulty
// in-process one in the chaos test).

export interface OutboxItem {
  /** (desk, period, version): the hub's idempotency key. */
  key: string;
  snapshot: Snapshot;
}

export interface Outbox {
  /** Not yet acknowledged nor quarantined, oldest first. */
  pending(): OutboxItem[];
  acknowledge(key: string, receipt: UploadReceipt): void;
  quarantine(key: string, status: number, error: string): void;
}

export interface TransportAnswer {
  status: number;
  body: unknown;
}
/** Sends one snapshot; rejects when no answer came back (the request may or may not have reached the hub). */
export type SnapshotTransport = (snapshot: Snapshot, credential: string) => Promise<TransportAnswer>;

export type DrainOutcome =
  | { state: 'done'; sent: number }
  | { state: 'retry_later'; sent: number; reason: 'network' | 'server' | 'rate_limited' };

export function outboxKey(snapshot: Snapshot): string {
  return `${snapshot.deskId}:${snapshot.period.key}:${snapshot.version}`;
}

export async function drainOutbox(outbox: Outbox, send: SnapshotTransport, credential: string): Promise<DrainOutcome> {
  let sent = 0;
  for (const item of outbox.pending()) {
    let answer: TransportAnswer;
    try {
      answer = await send(item.snapshot, credential);
    } catch {
      return { state: 'retry_later', sent, reason: 'network' };
    }
    if (answer.status === 200) {
      outbox.acknowledge(item.key, answer.body as UploadReceipt);
      sent++;
    } else if (answer.status === 429) return { state: 'retry_later', sent, reason: 'rate_limited' };
    else if (answer.status >= 500) return { state: 'retry_later', sent, reason: 'server' };
    else {
      const error = (answer.body as { error?: unknown } | null)?.error;
      outbox.quarantine(item.key, answer.status, typeof error === 'string' ? error : 'refused');
    }
  }
  return { state: 'done', sent };
}

/** Exponential backoff with full jitter, capped: the delay before retry number `attempt` (from 1). */
export function backoffMs(attempt: number, random: () => number, baseMs = 2_000, capMs = 15 * 60_000): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** Math.min(attempt - 1, 20)));
}
