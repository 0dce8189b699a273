import { createHash } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import type { Clock } from '../../../shared/ids';
import { CoreError } from '../../../shared/errors';
import { EnrollResponse, PeerBenchmarks, type PeersQuery, type UploadReceipt } from '../../../shared/sync/api';
import { buildSnapshot, checkSnapshot, type Suppression } from '../../../shared/sync/disclosure';
import { Snapshot } from '../../../shared/sync/snapshot';
import {
  canonical,
  newDeskKeyPair,
  signSnapshotFile,
  SIGNED_SNAPSHOT_FILE_FORMAT,
  SNAPSHOT_FILE_MAX_SNAPSHOTS,
} from '../../../shared/sync/snapshot-file';
import {
  GRACE_DAYS_DEFAULT,
  type PeerComparison,
  type QueueItem,
  type SentEntry,
  type SnapshotPreview,
  type SyncRunResult,
  type SyncStatus,
} from '../../../shared/sync/desk-schema';
import type { Db } from '../storage/database';
import { writePrivateFile } from '../storage/private-files';
import type { TakenTarget } from '../files/files';
import type { StatsService } from '../stats/stats-service';
import type { JobContext } from '../jobs/jobs';
import type { CredentialStore } from './credential-store';
import type { HubTransportFactory } from './http-transport';
import { proxyFromEnv } from './http-transport';
import { parseHubUrl } from './hub-url';
import { closedPeriods, periodOfKey, type PeriodRange } from './periods';
import { summarise, type ClosedDiagnosis, type CommuneFacts } from './summarise';
import { backoffMs, drainOutbox, outboxKey, type Outbox } from './uploader';

export interface SyncDeps {
  db: Db;
  clock: Clock;
  stats: StatsService;
  communeOf(code: string): CommuneFacts | null;
  /**
   * The diagnoses (TPE/PME) closed between two local days, scored, for the snapshot's diagnostics section: injected by
   * main/core/index.ts from the diagnostic feature (absent: the desk reports no diagnostics).
   */
  diagnosesClosed?(from: string, to: string): ClosedDiagnosis[];
  credentials: CredentialStore;
  /** The desk's Ed25519 private key (snapshot files), behind the same kind of port as the credential. */
  signingKey: CredentialStore;
  transport: HubTransportFactory;
  /** Seeded in tests; the jitter of the backoff. */
  random?: () => number;
  env?: NodeJS.ProcessEnv;
}

interface StateRow {
  hub_url: string;
  desk_id: string;
  site_id: string;
  site_name: string;
  site_departement: string;
  k: number;
  granularity: 'month' | 'week';
  grace_days: number;
  enrolled_at: string;
  attempts: number;
  last_attempt_at: string | null;
  last_success_at: string | null;
  next_try_at: string | null;
  last_error: SyncStatus['lastError'];
}

interface OutboxRow {
  key: string;
  period: string;
  version: number;
  payload: string;
  hash: string;
  suppressions: string;
  created_at: string;
  state: QueueItem['state'];
  error_status: number | null;
  error: string | null;
}

/** The canonical bytes of a snapshot (sorted keys): the hash the hub computes on receipt, for the log. */
export { canonical };
export const snapshotHash = (s: Snapshot) => createHash('sha256').update(canonical(s)).digest('hex');

const notEnrolled = () => new CoreError('not_found', 'sync.notEnrolled');

/** Fetched peer benchmarks are reused for this long before asking the hub again (they change once a period). */
export const PEERS_FRESH_MS = 6 * 3_600_000;
const PEERS_CACHE_PREFIX = 'peers.';

interface CachedPeers {
  fetchedAt: string;
  benchmarks: PeerBenchmarks;
}

export function createSyncService(o: SyncDeps) {
  const { db, clock } = o;
  const random = o.random ?? Math.random;
  const s = {
    state: db.prepare('SELECT * FROM sync_state WHERE id = 1'),
    enroll:
      db.prepare(`INSERT OR REPLACE INTO sync_state (id, hub_url, desk_id, site_id, site_name, site_departement, k,
      granularity, grace_days, enrolled_at) VALUES (1, @hubUrl, @deskId, @siteId, @siteName, @siteDepartement, @k,
      @granularity, @graceDays, @at)`),
    dropUnsent: db.prepare("DELETE FROM sync_outbox WHERE state <> 'sent'"),
    grace: db.prepare('UPDATE sync_state SET grace_days = ? WHERE id = 1'),
    attempt: db.prepare(`UPDATE sync_state SET attempts = @attempts, last_attempt_at = @at,
      last_success_at = COALESCE(@success, last_success_at), next_try_at = @next, last_error = @error WHERE id = 1`),
    firstSession: db.prepare('SELECT min(date) AS d FROM sessions WHERE deleted_at IS NULL'),
    queue: db.prepare('SELECT * FROM sync_outbox ORDER BY created_at, period, version'),
    pending: db.prepare(`SELECT * FROM sync_outbox INDEXED BY sync_outbox_by_state WHERE state = 'pending'
      ORDER BY created_at, period, version`),
    item: db.prepare('SELECT * FROM sync_outbox WHERE key = ?'),
    latest: db.prepare('SELECT * FROM sync_outbox WHERE period = ? ORDER BY version DESC LIMIT 1'),
    insert: db.prepare(`INSERT INTO sync_outbox (key, period, version, payload, hash, suppressions, created_at, state)
      VALUES (@key, @period, @version, @payload, @hash, @suppressions, @at, 'pending')`),
    sent: db.prepare("UPDATE sync_outbox SET state = 'sent', error_status = NULL, error = NULL WHERE key = ?"),
    quarantine: db.prepare("UPDATE sync_outbox SET state = 'quarantined', error_status = ?, error = ? WHERE key = ?"),
    requeue: db.prepare("UPDATE sync_outbox SET state = 'pending' WHERE key = ? AND state = 'quarantined'"),
    log: db.prepare(`INSERT INTO sync_sent (key, period, version, hash, destination, outcome, at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    readLog: db.prepare('SELECT * FROM sync_sent ORDER BY seq DESC LIMIT 200'),
    // The last peer benchmarks fetched per group: public released means, kept in the settings table (no migration).
    cachedPeers: db.prepare('SELECT value FROM settings WHERE key = ?'),
    cachePeers: db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ),
  };
  const state = () => (s.state.get() as StateRow | undefined) ?? null;
  const now = () => clock.now().toISOString();
  const today = () => now().slice(0, 10);

  const queueItem = (r: OutboxRow): QueueItem => ({
    key: r.key,
    period: r.period,
    version: r.version,
    state: r.state,
    hash: r.hash,
    createdAt: r.created_at,
    error: r.state === 'quarantined' ? { status: r.error_status ?? 0, code: r.error ?? 'refused' } : null,
  });

  function status(): SyncStatus {
    const st = state();
    const log = (s.readLog.all() as Array<SentEntry & { seq: number; key: string }>).map(
      ({ period, version, hash, destination, outcome, at }) => ({ period, version, hash, destination, outcome, at }),
    );
    return {
      enrollment: st && {
        hubUrl: st.hub_url,
        deskId: st.desk_id,
        siteName: st.site_name,
        siteDepartement: st.site_departement,
        k: st.k,
        granularity: st.granularity,
        enrolledAt: st.enrolled_at,
      },
      graceDays: st?.grace_days ?? GRACE_DAYS_DEFAULT,
      lastAttemptAt: st?.last_attempt_at ?? null,
      lastSuccessAt: st?.last_success_at ?? null,
      nextTryAt: st?.next_try_at ?? null,
      lastError: st?.last_error ?? null,
      queue: (s.queue.all() as OutboxRow[]).map(queueItem),
      log,
      proxy: proxyFromEnv(o.env),
    };
  }

  async function enroll(input: { hubUrl: string; code: string }): Promise<SyncStatus> {
    const hubUrl = parseHubUrl(input.hubUrl);
    // A new key pair at every enrollment: the hub keeps the public half with the new desk identity and checks the
    // desk's snapshot files against it; the private half never leaves this machine.
    const keys = newDeskKeyPair();
    let answer;
    try {
      answer = await o.transport(hubUrl).enroll({ code: input.code, publicKey: keys.publicKey });
    } catch {
      throw new CoreError('conflict', 'sync.hubUnreachable');
    }
    if (answer.status === 429) throw new CoreError('conflict', 'sync.tooManyTries');
    if (answer.status >= 400 && answer.status < 500)
      throw new CoreError('invalid_input', undefined, [{ path: 'code', message: 'sync.codeRefused' }]);
    const parsed = EnrollResponse.safeParse(answer.body);
    if (answer.status !== 200 || !parsed.success) throw new CoreError('conflict', 'sync.hubUnreachable');
    const e = parsed.data;
    // The credential first: a desk row without its credential could never send; the reverse is simply re-enrolled.
    try {
      await o.credentials.save(e.credential);
      await o.signingKey.save(keys.privateKey);
    } catch {
      throw new CoreError('conflict', 'sync.credentialUnavailable');
    }
    // Enrolling again (another hub, or after a revocation) is a new desk identity: what was not sent under the old
    // one is summarised again under the new one at the next closing.
    db.transaction(() => {
      s.dropUnsent.run();
      s.enroll.run({
        hubUrl,
        deskId: e.deskId,
        siteId: e.site.id,
        siteName: e.site.name,
        siteDepartement: e.site.departement,
        k: e.disclosure.k,
        granularity: e.disclosure.granularity,
        graceDays: state()?.grace_days ?? GRACE_DAYS_DEFAULT,
        at: now(),
      });
    })();
    return status();
  }

  function configure(input: { graceDays: number }): SyncStatus {
    if (!state()) throw notEnrolled();
    s.grace.run(input.graceDays);
    return status();
  }

  /** Summarises one period through the rule into the outbox (inside the caller's transaction). */
  function enqueue(st: StateRow, range: PeriodRange, version: number, previous?: Snapshot) {
    const dashboard = o.stats.dashboard({ unit: range.period.granularity, from: range.from, to: range.to });
    const raw = summarise(
      dashboard,
      st.desk_id,
      range.period,
      version,
      o.communeOf,
      o.diagnosesClosed?.(range.from, range.to),
    );
    const { snapshot, suppressions } = buildSnapshot(raw, st.k, previous);
    // The hub runs the same check and would refuse (422): never queue what it would refuse.
    if (checkSnapshot(snapshot, st.k, previous).length > 0) throw new CoreError('internal', 'sync.ruleBroken');
    const payload = JSON.stringify(Snapshot.parse(snapshot));
    s.insert.run({
      key: outboxKey(snapshot),
      period: range.period.key,
      version,
      payload,
      hash: snapshotHash(snapshot),
      suppressions: JSON.stringify(suppressions),
      at: now(),
    });
    return snapshot;
  }

  /** Every closed period not yet summarised, in one transaction with their outbox rows. */
  const closePeriods = db.transaction((): { closed: string[] } => {
    const st = state();
    if (!st) return { closed: [] };
    const first = (s.firstSession.get() as { d: number | null }).d;
    if (first === null) return { closed: [] };
    const firstDate = new Date(Date.UTC(2000, 0, 1) + first * 86_400_000).toISOString().slice(0, 10);
    const closed: string[] = [];
    for (const range of closedPeriods(st.granularity, firstDate, today(), st.grace_days)) {
      if (s.latest.get(range.period.key)) continue;
      enqueue(st, range, 1);
      closed.push(range.period.key);
    }
    return { closed };
  });

  const correct = db.transaction((input: { period: string }) => {
    const st = state();
    if (!st) throw notEnrolled();
    const latest = s.latest.get(input.period) as OutboxRow | undefined;
    if (!latest) throw new CoreError('not_found', 'sync.periodNotClosed');
    const previous = Snapshot.parse(JSON.parse(latest.payload));
    const next = enqueue(st, periodOfKey(input.period), latest.version + 1, previous);
    if (canonical({ ...next, version: 0 }) === canonical({ ...previous, version: 0 }))
      throw new CoreError('conflict', 'sync.nothingToCorrect');
    return { key: outboxKey(next), version: next.version };
  });

  function preview(input: { key: string }): SnapshotPreview {
    const row = s.item.get(input.key) as OutboxRow | undefined;
    if (!row) throw new CoreError('not_found', 'sync.notInQueue');
    return {
      key: row.key,
      state: row.state,
      hash: row.hash,
      snapshot: Snapshot.parse(JSON.parse(row.payload)),
      suppressions: JSON.parse(row.suppressions) as Suppression[],
      bytes: Buffer.byteLength(row.payload),
    };
  }

  function requeue(input: { key: string }): SyncStatus {
    if (s.requeue.run(input.key).changes === 0) throw new CoreError('not_found', 'sync.notInQueue');
    return status();
  }

  const outbox = (hubUrl: string): Outbox => ({
    pending: () =>
      (s.pending.all() as OutboxRow[]).map((r) => ({ key: r.key, snapshot: JSON.parse(r.payload) as Snapshot })),
    acknowledge: db.transaction((key: string, receipt: UploadReceipt) => {
      const row = s.item.get(key) as OutboxRow;
      s.sent.run(key);
      s.log.run(key, row.period, row.version, row.hash, hubUrl, receipt?.status ?? 'stored', now());
    }),
    quarantine: (key, status, error) => void s.quarantine.run(status, error.slice(0, 80), key),
  });

  /** One round: close what is due, then send the queue, oldest first. The schedule and "Synchroniser maintenant". */
  async function run(ctx?: Pick<JobContext, 'signal' | 'progress'>): Promise<SyncRunResult> {
    const st = state();
    if (!st) throw notEnrolled();
    ctx?.progress(0, null, 'jobs.phase.closing');
    closePeriods();
    // A keychain that cannot be read (another OS account, no secret service) is a retry, not a crash.
    const credential = await o.credentials.load().catch(() => null);
    const attempts = st.attempts + 1;
    const finish = (result: SyncRunResult) => {
      const failed = result.state === 'retry_later';
      s.attempt.run({
        attempts: failed ? attempts : 0,
        at: now(),
        success: failed ? null : now(),
        next: failed ? new Date(clock.now().getTime() + backoffMs(attempts, random)).toISOString() : null,
        error: result.reason,
      });
      return result;
    };
    if (!credential) return finish({ state: 'retry_later', sent: 0, quarantined: 0, reason: 'credential' });
    const box = outbox(st.hub_url);
    const total = box.pending().length;
    const quarantinedBefore = (s.queue.all() as OutboxRow[]).filter((r) => r.state === 'quarantined').length;
    const transport = o.transport(st.hub_url);
    let done = 0;
    ctx?.progress(0, total, 'jobs.phase.sending');
    const outcome = await drainOutbox(
      box,
      async (snapshot, cred) => {
        if (ctx?.signal.aborted) throw new Error('cancelled');
        const answer = await transport.send(snapshot, cred, ctx?.signal);
        ctx?.progress(++done, total, 'jobs.phase.sending');
        return answer;
      },
      credential,
    );
    if (ctx?.signal.aborted) throw new CoreError('conflict', 'jobs.cancelled');
    const quarantined =
      (s.queue.all() as OutboxRow[]).filter((r) => r.state === 'quarantined').length - quarantinedBefore;
    return finish({
      state: outcome.state,
      sent: outcome.sent,
      quarantined,
      reason: outcome.state === 'retry_later' ? outcome.reason : null,
    });
  }

  /** Whether the schedule should start a round now: enrolled, and not waiting for a backoff to end. */
  function due(): boolean {
    const st = state();
    if (!st) return false;
    return st.next_try_at === null || st.next_try_at <= now();
  }

  /**
   * A desk that never reaches its hub: the snapshots waiting in the queue, exactly as they would be sent (same bytes,
   * same hashes), to a file a coordinator hands to the hub. They stay queued: if the network comes back, the hub sees
   * the same (desk, period, version) and counts them once.
   */
  async function exportFile(target: TakenTarget): Promise<{ name: string; snapshots: number }> {
    const part = `${target.path}.part`;
    try {
      const st = state();
      if (!st) throw notEnrolled();
      // Desks enrolled before files were signed have no key: the hub would refuse their file, so say it here.
      const privateKey = await o.signingKey.load().catch(() => {
        throw new CoreError('conflict', 'sync.credentialUnavailable');
      });
      if (!privateKey) throw new CoreError('conflict', 'sync.noSigningKey');
      closePeriods();
      // Oldest first, as the uploader sends them; what does not fit goes into the next file.
      const rows = (s.pending.all() as OutboxRow[]).slice(0, SNAPSHOT_FILE_MAX_SNAPSHOTS);
      if (rows.length === 0) throw new CoreError('not_found', 'sync.nothingToExport');
      const file = signSnapshotFile(
        {
          format: SIGNED_SNAPSHOT_FILE_FORMAT,
          hub: st.hub_url,
          deskId: st.desk_id,
          exportedAt: now(),
          snapshots: rows.map((r) => ({ key: r.key, hash: r.hash, snapshot: Snapshot.parse(JSON.parse(r.payload)) })),
        },
        privateKey,
      );
      writePrivateFile(part, `${JSON.stringify(file, null, 2)}\n`);
      renameSync(part, target.path);
      db.transaction(() => {
        for (const r of rows) s.log.run(r.key, r.period, r.version, r.hash, 'file', 'exported', now());
      })();
      target.commit();
      return { name: target.name, snapshots: rows.length };
    } catch (err) {
      rmSync(part, { force: true });
      target.abandon();
      throw err;
    }
  }

  function readCachedPeers(key: string): CachedPeers | null {
    const row = s.cachedPeers.get(key) as { value: string } | undefined;
    if (!row) return null;
    try {
      const parsed = JSON.parse(row.value) as CachedPeers;
      const benchmarks = PeerBenchmarks.safeParse(parsed.benchmarks);
      return benchmarks.success && typeof parsed.fetchedAt === 'string'
        ? { fetchedAt: parsed.fetchedAt, benchmarks: benchmarks.data }
        : null;
    } catch {
      return null;
    }
  }

  /**
   * Peer benchmarks for one group of businesses (a diagnosis's NAF section, size band, département): from the hub when
   * it answers, kept for next time; otherwise the last figures fetched, with their date. Never throws: a results screen
   * shows what there is.
   */
  async function peers(query: PeersQuery): Promise<PeerComparison> {
    const st = state();
    if (!st) return { state: 'not_enrolled', fetchedAt: null, benchmarks: null };
    const key = `${PEERS_CACHE_PREFIX}${st.desk_id}:${query.naf}|${query.size}|${query.departement}`;
    const cached = readCachedPeers(key);
    const fromCache = (): PeerComparison =>
      cached
        ? { state: 'cached', fetchedAt: cached.fetchedAt, benchmarks: cached.benchmarks }
        : { state: 'unavailable', fetchedAt: null, benchmarks: null };
    if (cached && clock.now().getTime() - Date.parse(cached.fetchedAt) < PEERS_FRESH_MS)
      return { state: 'fresh', fetchedAt: cached.fetchedAt, benchmarks: cached.benchmarks };
    const transport = o.transport(st.hub_url);
    const credential = await o.credentials.load().catch(() => null);
    if (!credential || !transport.peers) return fromCache();
    let answer;
    try {
      answer = await transport.peers(query, credential);
    } catch {
      return fromCache();
    }
    const parsed = PeerBenchmarks.safeParse(answer.body);
    if (answer.status !== 200 || !parsed.success) return fromCache();
    const fetchedAt = now();
    s.cachePeers.run(key, JSON.stringify({ fetchedAt, benchmarks: parsed.data } satisfies CachedPeers));
    return { state: 'fresh', fetchedAt, benchmarks: parsed.data };
  }

  return { status, enroll, configure, closePeriods, correct, preview, requeue, run, due, exportFile, peers };
}

export type SyncService = ReturnType<typeof createSyncService>;
