import { createHash } from 'node:crypto';
import type { Clock } from '../shared/ids';
import type { CoordinatorSummary, UploadReceipt } from '../shared/sync/api';
import { addSnapshot, emptyConsolidated } from '../shared/sync/consolidate';
import { checkSnapshot } from '../shared/sync/disclosure';
import { Snapshot } from '../shared/sync/snapshot';
import type { HubDb } from './db/database';
import type { DeskIdentity } from './desks';
import { HubError } from './errors';
import { readDisclosure } from './settings';

// Uploads are idempotent by (desk, period, version) and the hub keeps, per (desk, period), the highest version only:
// sums over those rows can never count a replay, a reordered retry or a lost reply twice (sync-and-privacy.md).

/** The canonical bytes of a snapshot: the same snapshot always hashes the same, whatever the key order it came in. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export function snapshotHash(snapshot: Snapshot): string {
  return createHash('sha256').update(canonical(snapshot)).digest('hex');
}

export function createSnapshots(db: HubDb, clock: Clock) {
  return {
    async upload(desk: DeskIdentity, snapshot: Snapshot): Promise<UploadReceipt> {
      if (snapshot.deskId !== desk.deskId) throw new HubError(403, 'wrong_desk', 'a desk sends its own snapshots only');
      const disclosure = await readDisclosure(db);
      if (snapshot.period.granularity !== disclosure.granularity)
        throw new HubError(422, 'wrong_granularity', `this hub takes ${disclosure.granularity}ly snapshots`);
      const hash = snapshotHash(snapshot);
      const key = `${snapshot.deskId}:${snapshot.period.key}:${snapshot.version}`;
      const receivedAt = clock.now().toISOString();
      const receipt = (status: UploadReceipt['status'], at: string): UploadReceipt => ({
        status,
        deskId: snapshot.deskId,
        period: snapshot.period,
        version: snapshot.version,
        hash,
        receivedAt: at,
      });

      return db.transaction().execute(async (trx) => {
        const seen = await trx.selectFrom('uploads').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
        if (seen) {
          if (seen.hash !== hash)
            throw new HubError(
              422,
              'conflicting_version',
              'this version of the period was already received with other figures',
            );
          return receipt('duplicate', seen.received_at);
        }
        const stored = await trx
          .selectFrom('snapshots')
          .select(['version', 'body'])
          .where('desk_id', '=', desk.deskId)
          .where('period_key', '=', snapshot.period.key)
          .executeTakeFirst();
        if (stored && Number(stored.version) > snapshot.version) {
          await trx
            .insertInto('uploads')
            .values({
              idempotency_key: key,
              desk_id: desk.deskId,
              hash,
              outcome: 'superseded',
              received_at: receivedAt,
            })
            .execute();
          return receipt('superseded', receivedAt);
        }
        const previous = stored ? Snapshot.parse(JSON.parse(stored.body)) : undefined;
        const violations = checkSnapshot(snapshot, disclosure.k, previous);
        if (violations.length > 0)
          throw new HubError(422, 'disclosure_rule', 'the snapshot breaks the disclosure rule', violations);
        const row = {
          desk_id: desk.deskId,
          site_id: desk.siteId,
          granularity: snapshot.period.granularity,
          period_key: snapshot.period.key,
          version: snapshot.version,
          hash,
          body: JSON.stringify(snapshot),
          received_at: receivedAt,
        };
        await trx
          .insertInto('snapshots')
          .values(row)
          .onConflict((oc) =>
            oc
              .columns(['desk_id', 'period_key'])
              .doUpdateSet({ version: row.version, hash, body: row.body, received_at: receivedAt }),
          )
          .execute();
        await trx
          .insertInto('uploads')
          .values({ idempotency_key: key, desk_id: desk.deskId, hash, outcome: 'stored', received_at: receivedAt })
          .execute();
        return receipt('stored', receivedAt);
      });
    },

    /** The coordinator's view: every site of the scope, and their total, over a range of periods. */
    async summary(scopeId: string, from: string, to: string): Promise<CoordinatorSummary> {
      if (from > to) throw new HubError(400, 'invalid_range', '`from` comes after `to`');
      const scope = await db.selectFrom('scopes').selectAll().where('id', '=', scopeId).executeTakeFirst();
      if (!scope) throw new HubError(404, 'unknown_scope', 'this coordinator’s scope no longer exists');
      const codes = JSON.parse(scope.codes) as string[];
      let sitesQuery = db.selectFrom('sites').selectAll();
      if (scope.kind === 'departement') sitesQuery = sitesQuery.where('departement', 'in', codes);
      else if (scope.kind === 'epci') sitesQuery = sitesQuery.where('epci', 'in', codes);
      else sitesQuery = sitesQuery.where('id', 'in', codes);
      const sites = await sitesQuery.orderBy('name').execute();
      const figures = new Map(sites.map((s) => [s.id, emptyConsolidated()]));
      const total = emptyConsolidated();
      if (sites.length > 0) {
        const rows = await db
          .selectFrom('snapshots')
          .select(['site_id', 'body'])
          .where('site_id', 'in', [...figures.keys()])
          .where('period_key', '>=', from)
          .where('period_key', '<=', to)
          .execute();
        for (const row of rows) {
          const snapshot = JSON.parse(row.body) as Snapshot;
          addSnapshot(figures.get(row.site_id)!, snapshot);
          addSnapshot(total, snapshot);
        }
      }
      return {
        scope: { id: scope.id, name: scope.name, kind: scope.kind, codes },
        from,
        to,
        sites: sites.map((s) => ({
          id: s.id,
          name: s.name,
          departement: s.departement,
          epci: s.epci,
          figures: figures.get(s.id)!,
        })),
        total,
      };
    },
  };
}

export type HubSnapshots = ReturnType<typeof createSnapshots>;
