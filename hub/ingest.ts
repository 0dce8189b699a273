import { createHash } from 'node:crypto';
import { PostgresAdapter, sql } from 'kysely';
import type { UploadReceipt } from '../shared/sync/api';
import { flatCells, type FlatCell } from '../shared/sync/consolidate';
import { checkSnapshot } from '../shared/sync/disclosure';
import type { Snapshot } from '../shared/sync/snapshot';
import { canonical } from '../shared/sync/snapshot-file';
import type { HubDb } from './db/database';
import type { DeskIdentity } from './desks';
import { HubError } from './errors';
import { storePeerSums } from './peers';
import { DISCLOSURE_KEYS, disclosureFrom } from './settings';

// Snapshot ingest, group-committed. Uploads that arrive while a transaction is running wait in a queue and are written
// together by the next one: one round of statements per batch instead of per upload, the network's running sums
// ('FR' rows, which every upload touches) upserted once per batch, and only one writer at a time in this process (on
// SQLite they would otherwise queue on the file lock; on PostgreSQL on the 'FR' rows' locks).
//
// Each upload stays all-or-nothing: its refusals (wrong granularity, conflicting figures, the disclosure rule) are
// decided in memory and write nothing; if the batch's transaction fails, every upload of it is retried alone, so one
// bad upload never takes the others down. Idempotency is unchanged: by (desk, period, version), highest version only.

export { canonical };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function snapshotHash(snapshot: Snapshot): string {
  return sha256(canonical(snapshot));
}

/** The running sums of the whole network are kept beside the départements', under this code. */
export const NATIONAL = 'FR';

/** Uploads per transaction at most (bounded so that one batch's statements stay well under both engines' limits). */
export const MAX_BATCH = 64;
/** Running-sum rows per statement (6 parameters each: under SQLite's 32,766 and PostgreSQL's 65,535). */
const CELL_ROWS_PER_STATEMENT = 2000;

interface Upload {
  desk: DeskIdentity;
  snapshot: Snapshot;
  key: string;
  hash: string;
  /** The canonical JSON, stored as the body: serialised once, for the hash and the row. */
  body: string;
  receivedAt: string;
}

type Outcome = { receipt: UploadReceipt } | { error: unknown };

interface Pending {
  upload: Upload;
  settle(outcome: Outcome): void;
}

/** A whole file's snapshots: written alone, between two batches, in a transaction of its own (all or nothing). */
interface Exclusive {
  run(): Promise<void>;
}

export interface IngestOptions {
  /** Uploads per transaction at most (1: one transaction per upload, the benchmark's baseline). */
  maxBatch?: number;
}

export function createIngest(db: HubDb, now: () => string, options: IngestOptions = {}) {
  const maxBatch = Math.max(1, Math.min(MAX_BATCH, options.maxBatch ?? MAX_BATCH));
  // A site's département never changes (there is no such administrative action): cached for the process's life.
  const departements = new Map<string, string>();
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const queue: Array<Pending | Exclusive> = [];
  let running = false;

  async function drain() {
    running = true;
    try {
      while (queue.length > 0) {
        const head = queue[0]!;
        if ('run' in head) {
          queue.shift();
          await head.run();
          continue;
        }
        let size = 0;
        while (size < maxBatch && size < queue.length && !('run' in queue[size]!)) size++;
        const batch = queue.splice(0, size) as Pending[];
        let outcomes: Outcome[];
        try {
          outcomes = await db.transaction().execute((trx) =>
            writeBatch(
              trx,
              batch.map((p) => p.upload),
            ),
          );
        } catch (err) {
          if (batch.length === 1) outcomes = [{ error: err }];
          else {
            // Someone in the batch broke the transaction: each alone, so only that one fails.
            outcomes = [];
            for (const p of batch)
              outcomes.push(
                await db
                  .transaction()
                  .execute((trx) => writeBatch(trx, [p.upload]))
                  .then(
                    (o) => o[0]!,
                    (error: unknown) => ({ error }),
                  ),
              );
          }
        }
        batch.forEach((p, i) => p.settle(outcomes[i]!));
      }
    } finally {
      running = false;
    }
  }

  /** Decides every upload of the batch in order (a later one sees what an earlier one stored), then writes them. */
  async function writeBatch(trx: HubDb, uploads: Upload[]): Promise<Outcome[]> {
    // The settings are read in the batch's transaction: an administrator's change, from any process, applies from the
    // next batch on (no cache to invalidate).
    const { disclosure, seen, stored } = await lookUp(trx, uploads);
    await loadDepartements(trx, uploads);

    const outcomes: Outcome[] = [];
    const snapshotRows = new Map<string, ReturnType<typeof snapshotRow>>();
    const receiptRows: Array<{
      idempotency_key: string;
      desk_id: string;
      hash: string;
      outcome: 'stored' | 'superseded';
      received_at: string;
    }> = [];
    const deltas = new Map<string, { departement: string; period: string; cell: FlatCell }>();
    const addCells = (departement: string, period: string, cells: FlatCell[], sign: 1 | -1) => {
      for (const area of [departement, NATIONAL])
        for (const c of cells) {
          const id = `${area}\u0000${period}\u0000${c.dimension}\u0000${c.key}`;
          let d = deltas.get(id);
          if (!d) deltas.set(id, (d = { departement: area, period, cell: { ...c, n: 0, suppressed: 0 } }));
          d.cell.n += sign * c.n;
          d.cell.suppressed += sign * c.suppressed;
        }
    };

    for (const u of uploads) {
      const s = u.snapshot;
      const receipt = (status: UploadReceipt['status'], at: string): Outcome => ({
        receipt: { status, deskId: s.deskId, period: s.period, version: s.version, hash: u.hash, receivedAt: at },
      });
      if (s.period.granularity !== disclosure.granularity) {
        outcomes.push({
          error: new HubError(422, 'wrong_granularity', `this hub takes ${disclosure.granularity}ly snapshots`),
        });
        continue;
      }
      const before = seen.get(u.key);
      if (before) {
        outcomes.push(
          before.hash === u.hash
            ? receipt('duplicate', before.at)
            : {
                error: new HubError(
                  422,
                  'conflicting_version',
                  'this version of the period was already received with other figures',
                ),
              },
        );
        continue;
      }
      const slot = `${u.desk.deskId}\u0000${s.period.key}`;
      const current = stored.get(slot);
      if (current && current.version > s.version) {
        receiptRows.push(receiptRow(u, 'superseded'));
        seen.set(u.key, { hash: u.hash, at: u.receivedAt });
        outcomes.push(receipt('superseded', u.receivedAt));
        continue;
      }
      // Stored bodies were checked on their way in: parsed, not validated again.
      const previous = current ? (current.snapshot ??= JSON.parse(current.body) as Snapshot) : undefined;
      const violations = checkSnapshot(s, disclosure.k, previous);
      if (violations.length > 0) {
        outcomes.push({
          error: new HubError(422, 'disclosure_rule', 'the snapshot breaks the disclosure rule', violations),
        });
        continue;
      }
      // Diagnoses' peer sums (hub/peers.ts): this version's groups replace the previous version's.
      await storePeerSums(trx, s, previous);
      const departement = departements.get(u.desk.siteId)!;
      if (previous) addCells(departement, s.period.key, flatCells(previous), -1);
      addCells(departement, s.period.key, flatCells(s), 1);
      stored.set(slot, { version: s.version, body: u.body, snapshot: s });
      snapshotRows.set(slot, snapshotRow(u));
      receiptRows.push(receiptRow(u, 'stored'));
      seen.set(u.key, { hash: u.hash, at: u.receivedAt });
      outcomes.push(receipt('stored', u.receivedAt));
    }

    // Sorted: concurrent hubs on one PostgreSQL take the rows' locks in the same order (no deadlock).
    const cells = [...deltas.entries()]
      .filter(([, d]) => d.cell.n !== 0 || d.cell.suppressed !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, d]) => ({
        departement: d.departement,
        period_key: d.period,
        dimension: d.cell.dimension,
        cell_key: d.cell.key,
        n: d.cell.n,
        suppressed_in: d.cell.suppressed,
      }));
    await (postgres ? writePostgres : writePortable)(trx, {
      snapshots: [...snapshotRows.values()],
      cells,
      receipts: receiptRows,
    });
    return outcomes;
  }

  /**
   * The disclosure settings, the receipts already given and the versions already stored, for the whole batch, in one
   * statement (one round trip on PostgreSQL).
   */
  async function lookUp(trx: HubDb, uploads: Upload[]) {
    const keys = [...new Set(uploads.map((u) => u.key))];
    const slots = [...new Map(uploads.map((u) => [`${u.desk.deskId}\u0000${u.snapshot.period.key}`, u])).values()];
    const rows = await sql<{
      kind: 'setting' | 'upload' | 'snapshot';
      k: string;
      p: string | null;
      hash: string;
      at: string | null;
      version: number | null;
      body: string | null;
    }>`
      SELECT 'setting' AS kind, key AS k, NULL AS p, value AS hash, NULL AS at, CAST(NULL AS integer) AS version, NULL AS body
        FROM hub_settings WHERE key IN (${sql.join(DISCLOSURE_KEYS)})
      UNION ALL
      SELECT 'upload', idempotency_key, NULL, hash, received_at, NULL, NULL
        FROM uploads WHERE idempotency_key IN (${sql.join(keys)})
      UNION ALL
      SELECT 'snapshot', desk_id, period_key, hash, NULL, version, body
        FROM snapshots
        -- desk_id first: the primary key's leading column (a period's index would read every site's row of it).
        WHERE desk_id IN (${sql.join([...new Set(slots.map((u) => u.desk.deskId))])})
          AND (desk_id, period_key) IN (${sql.join(slots.map((u) => sql`(${u.desk.deskId}, ${u.snapshot.period.key})`))})
    `.execute(trx);
    const settings: Array<{ key: string; value: string }> = [];
    const seen = new Map<string, { hash: string; at: string }>();
    const stored = new Map<string, { version: number; body: string; snapshot?: Snapshot }>();
    for (const r of rows.rows)
      if (r.kind === 'setting') settings.push({ key: r.k, value: r.hash });
      else if (r.kind === 'upload') seen.set(r.k, { hash: r.hash, at: r.at! });
      else stored.set(`${r.k}\u0000${r.p}`, { version: Number(r.version), body: r.body! });
    return { disclosure: disclosureFrom(settings), seen, stored };
  }

  async function loadDepartements(trx: HubDb, uploads: Upload[]) {
    const missing = [...new Set(uploads.map((u) => u.desk.siteId).filter((id) => !departements.has(id)))];
    if (missing.length === 0) return;
    const rows = await trx.selectFrom('sites').select(['id', 'departement']).where('id', 'in', missing).execute();
    for (const r of rows) departements.set(r.id, r.departement);
    for (const id of missing) if (!departements.has(id)) throw new Error(`site ${id} of an enrolled desk is missing`);
  }

  function uploadOf(desk: DeskIdentity, snapshot: Snapshot): Upload {
    const body = canonical(snapshot);
    return {
      desk,
      snapshot,
      key: `${snapshot.deskId}:${snapshot.period.key}:${snapshot.version}`,
      hash: sha256(body),
      body,
      receivedAt: now(),
    };
  }

  return {
    /** Queues one checked upload for the next transaction; resolves with its receipt, or rejects with its refusal. */
    upload(desk: DeskIdentity, snapshot: Snapshot): Promise<UploadReceipt> {
      const upload = uploadOf(desk, snapshot);
      return new Promise((resolve, reject) => {
        queue.push({ upload, settle: (o) => ('receipt' in o ? resolve(o.receipt) : reject(o.error)) });
        if (!running) void drain();
      });
    },

    /**
     * A snapshot file: every snapshot decided as a network upload would be, in ONE transaction with the caller's own
     * rows (`also`, e.g. the audit line), in the same queue as the uploads so that no batch runs beside it (the
     * running sums would otherwise take the same previous version out twice). The first refusal rolls it all back.
     */
    importAll<T>(
      desk: DeskIdentity,
      snapshots: Snapshot[],
      also: (trx: HubDb, receipts: UploadReceipt[]) => Promise<T>,
    ): Promise<{ receipts: UploadReceipt[]; also: T }> {
      const uploads = snapshots.map((s) => uploadOf(desk, s));
      return new Promise((resolve, reject) => {
        queue.push({
          run: () =>
            db
              .transaction()
              .execute(async (trx) => {
                const receipts: UploadReceipt[] = [];
                for (const o of await writeBatch(trx, uploads)) {
                  if ('error' in o) throw o.error;
                  receipts.push(o.receipt);
                }
                return { receipts, also: await also(trx, receipts) };
              })
              .then(resolve, reject),
        });
        if (!running) void drain();
      });
    },
  };
}

function snapshotRow(u: Upload) {
  const t = u.snapshot.totals;
  return {
    desk_id: u.desk.deskId,
    site_id: u.desk.siteId,
    granularity: u.snapshot.period.granularity,
    period_key: u.snapshot.period.key,
    version: u.snapshot.version,
    hash: u.hash,
    body: u.body,
    received_at: u.receivedAt,
    sessions: t.sessions,
    individual_sessions: t.individualSessions,
    workshops: t.workshops,
    workshop_participants: t.workshopParticipants,
    people_helped: t.peopleHelped,
    total_minutes: t.totalMinutes,
  };
}

function receiptRow(u: Upload, outcome: 'stored' | 'superseded') {
  return { idempotency_key: u.key, desk_id: u.desk.deskId, hash: u.hash, outcome, received_at: u.receivedAt };
}

interface BatchRows {
  snapshots: Array<ReturnType<typeof snapshotRow>>;
  /** Running-sum deltas, one per (département, period, dimension, key), sorted. */
  cells: Array<{
    departement: string;
    period_key: string;
    dimension: string;
    cell_key: string;
    n: number;
    suppressed_in: number;
  }>;
  receipts: Array<ReturnType<typeof receiptRow>>;
}

/** SQLite: multi-row statements (no round trips to save in-process; the statements' size is what costs). */
async function writePortable(trx: HubDb, rows: BatchRows) {
  if (rows.snapshots.length > 0)
    await trx
      .insertInto('snapshots')
      .values(rows.snapshots)
      .onConflict((oc) =>
        oc.columns(['desk_id', 'period_key']).doUpdateSet((eb) => ({
          version: eb.ref('excluded.version'),
          hash: eb.ref('excluded.hash'),
          body: eb.ref('excluded.body'),
          received_at: eb.ref('excluded.received_at'),
          sessions: eb.ref('excluded.sessions'),
          individual_sessions: eb.ref('excluded.individual_sessions'),
          workshops: eb.ref('excluded.workshops'),
          workshop_participants: eb.ref('excluded.workshop_participants'),
          people_helped: eb.ref('excluded.people_helped'),
          total_minutes: eb.ref('excluded.total_minutes'),
        })),
      )
      .execute();
  for (let i = 0; i < rows.cells.length; i += CELL_ROWS_PER_STATEMENT)
    await trx
      .insertInto('departement_cells')
      .values(rows.cells.slice(i, i + CELL_ROWS_PER_STATEMENT))
      .onConflict((oc) =>
        oc.columns(['departement', 'period_key', 'dimension', 'cell_key']).doUpdateSet((eb) => ({
          n: eb('departement_cells.n', '+', eb.ref('excluded.n')),
          suppressed_in: eb('departement_cells.suppressed_in', '+', eb.ref('excluded.suppressed_in')),
        })),
      )
      .execute();
  if (rows.receipts.length > 0) await trx.insertInto('uploads').values(rows.receipts).execute();
}

/**
 * PostgreSQL: the whole batch in ONE statement and round trip (data-modifying CTEs), each table's rows sent as a few
 * arrays expanded by unnest() — a fixed-size statement whatever the batch, parsed and planned fast, instead of
 * thousands of bound parameters.
 */
async function writePostgres(trx: HubDb, rows: BatchRows) {
  if (rows.receipts.length === 0) return; // only duplicates and refusals: nothing to write
  const column = <T, K extends keyof T>(list: T[], key: K) => list.map((r) => r[key]);
  const s = rows.snapshots;
  const c = rows.cells;
  const u = rows.receipts;
  await sql`
    WITH stored AS (
      INSERT INTO snapshots (desk_id, site_id, granularity, period_key, version, hash, body, received_at, sessions,
        individual_sessions, workshops, workshop_participants, people_helped, total_minutes)
      SELECT * FROM unnest(${column(s, 'desk_id')}::text[], ${column(s, 'site_id')}::text[],
        ${column(s, 'granularity')}::text[], ${column(s, 'period_key')}::text[], ${column(s, 'version')}::int[],
        ${column(s, 'hash')}::text[], ${column(s, 'body')}::text[], ${column(s, 'received_at')}::text[],
        ${column(s, 'sessions')}::int[], ${column(s, 'individual_sessions')}::int[], ${column(s, 'workshops')}::int[],
        ${column(s, 'workshop_participants')}::int[], ${column(s, 'people_helped')}::int[],
        ${column(s, 'total_minutes')}::int[])
      ON CONFLICT (desk_id, period_key) DO UPDATE SET version = excluded.version, hash = excluded.hash,
        body = excluded.body, received_at = excluded.received_at, sessions = excluded.sessions,
        individual_sessions = excluded.individual_sessions, workshops = excluded.workshops,
        workshop_participants = excluded.workshop_participants, people_helped = excluded.people_helped,
        total_minutes = excluded.total_minutes
      RETURNING 1
    ), summed AS (
      INSERT INTO departement_cells AS d (departement, period_key, dimension, cell_key, n, suppressed_in)
      SELECT * FROM unnest(${column(c, 'departement')}::text[], ${column(c, 'period_key')}::text[],
        ${column(c, 'dimension')}::text[], ${column(c, 'cell_key')}::text[], ${column(c, 'n')}::int[],
        ${column(c, 'suppressed_in')}::int[])
      ON CONFLICT (departement, period_key, dimension, cell_key)
        DO UPDATE SET n = d.n + excluded.n, suppressed_in = d.suppressed_in + excluded.suppressed_in
      RETURNING 1
    )
    INSERT INTO uploads (idempotency_key, desk_id, hash, outcome, received_at)
    SELECT * FROM unnest(${column(u, 'idempotency_key')}::text[], ${column(u, 'desk_id')}::text[],
      ${column(u, 'hash')}::text[], ${column(u, 'outcome')}::text[], ${column(u, 'received_at')}::text[])
  `.execute(trx);
}

export type HubIngest = ReturnType<typeof createIngest>;
