import { createHash } from 'node:crypto';
import type { Clock } from '../shared/ids';
import type { Consolidated, CoordinatorSummary, UploadReceipt } from '../shared/sync/api';
import {
  addSnapshot,
  consolidate,
  emptyConsolidated,
  flatCells,
  fromFlatCells,
  type FlatCell,
} from '../shared/sync/consolidate';
import { checkSnapshot } from '../shared/sync/disclosure';
import { Snapshot } from '../shared/sync/snapshot';
import { num, type HubDb } from './db/database';
import type { DeskIdentity } from './desks';
import { HubError } from './errors';
import { storePeerSums } from './peers';
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

/** The running sums of the whole network are kept beside the départements', under this code. */
const NATIONAL = 'FR';

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
        const t = snapshot.totals;
        const figures = {
          version: snapshot.version,
          hash,
          body: JSON.stringify(snapshot),
          received_at: receivedAt,
          sessions: t.sessions,
          individual_sessions: t.individualSessions,
          workshops: t.workshops,
          workshop_participants: t.workshopParticipants,
          people_helped: t.peopleHelped,
          total_minutes: t.totalMinutes,
        };
        await trx
          .insertInto('snapshots')
          .values({
            desk_id: desk.deskId,
            site_id: desk.siteId,
            granularity: snapshot.period.granularity,
            period_key: snapshot.period.key,
            ...figures,
          })
          .onConflict((oc) => oc.columns(['desk_id', 'period_key']).doUpdateSet(figures))
          .execute();
        // The département's running sums: the stored version out, this one in, in the same transaction.
        const site = await trx
          .selectFrom('sites')
          .select('departement')
          .where('id', '=', desk.siteId)
          .executeTakeFirstOrThrow();
        const deltas = new Map<string, FlatCell>();
        const add = (cells: FlatCell[], sign: 1 | -1) => {
          for (const c of cells) {
            const id = `${c.dimension}\u0000${c.key}`;
            const d = deltas.get(id) ?? { dimension: c.dimension, key: c.key, n: 0, suppressed: 0 };
            d.n += sign * c.n;
            d.suppressed += sign * c.suppressed;
            deltas.set(id, d);
          }
        };
        if (previous) add(flatCells(previous), -1);
        add(flatCells(snapshot), 1);
        const changed = [...deltas.values()].filter((d) => d.n !== 0 || d.suppressed !== 0);
        if (changed.length > 0)
          await trx
            .insertInto('departement_cells')
            .values(
              [site.departement, NATIONAL].flatMap((departement) =>
                changed.map((d) => ({
                  departement,
                  period_key: snapshot.period.key,
                  dimension: d.dimension,
                  cell_key: d.key,
                  n: d.n,
                  suppressed_in: d.suppressed,
                })),
              ),
            )
            .onConflict((oc) =>
              oc.columns(['departement', 'period_key', 'dimension', 'cell_key']).doUpdateSet((eb) => ({
                n: eb('departement_cells.n', '+', eb.ref('excluded.n')),
                suppressed_in: eb('departement_cells.suppressed_in', '+', eb.ref('excluded.suppressed_in')),
              })),
            )
            .execute();
        await storePeerSums(trx, snapshot, previous);
        await trx
          .insertInto('uploads')
          .values({ idempotency_key: key, desk_id: desk.deskId, hash, outcome: 'stored', received_at: receivedAt })
          .execute();
        return receipt('stored', receivedAt);
      });
    },

    /** The coordinator's view: the total of the scope and each site's key totals, over a range of periods. */
    async summary(scopeId: string, from: string, to: string): Promise<CoordinatorSummary> {
      if (from > to) throw new HubError(400, 'invalid_range', '`from` comes after `to`');
      const scope = await scopeOf(scopeId);
      const sites = await sitesOf(scope);
      const siteIds = sites.map((s) => s.id);
      const perSite = new Map<string, CoordinatorSummary['sites'][number]['totals']>();
      let total;
      if (scope.kind === 'departement' || scope.kind === 'national') {
        // Read from the per-département running sums: a few thousand rows, whatever the number of snapshots.
        let cells = db
          .selectFrom('departement_cells')
          .select([
            'dimension',
            'cell_key',
            (eb) => eb.fn.sum<number>('n').as('n'),
            (eb) => eb.fn.sum<number>('suppressed_in').as('s'),
          ])
          .where('period_key', '>=', from)
          .where('period_key', '<=', to)
          .groupBy(['dimension', 'cell_key']);
        cells = cells.where('departement', 'in', scope.kind === 'departement' ? scope.codes : [NATIONAL]);
        const rows = await cells.execute();
        let count = db
          .selectFrom('snapshots')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('period_key', '>=', from)
          .where('period_key', '<=', to);
        if (scope.kind === 'departement')
          count = count.where(
            'site_id',
            'in',
            db.selectFrom('sites').select('id').where('departement', 'in', scope.codes),
          );
        const snapshots = num((await count.executeTakeFirstOrThrow()).n);
        total = fromFlatCells(
          rows.map((r) => ({ dimension: r.dimension, key: r.cell_key, n: num(r.n), suppressed: num(r.s) })),
          snapshots,
        );
      } else {
        total = emptyConsolidated();
        if (siteIds.length > 0) {
          const bodies = await db
            .selectFrom('snapshots')
            .select('body')
            .where('site_id', 'in', siteIds)
            .where('period_key', '>=', from)
            .where('period_key', '<=', to)
            .execute();
          for (const row of bodies) addSnapshot(total, JSON.parse(row.body) as Snapshot);
        }
      }
      let sums = db
        .selectFrom('snapshots')
        .select((eb) => [
          'site_id',
          eb.fn.countAll<number>().as('snapshots'),
          eb.fn.sum<number>('sessions').as('sessions'),
          eb.fn.sum<number>('individual_sessions').as('individualSessions'),
          eb.fn.sum<number>('workshops').as('workshops'),
          eb.fn.sum<number>('workshop_participants').as('workshopParticipants'),
          eb.fn.sum<number>('people_helped').as('peopleHelped'),
          eb.fn.sum<number>('total_minutes').as('totalMinutes'),
        ])
        .where('period_key', '>=', from)
        .where('period_key', '<=', to)
        .groupBy('site_id');
      if (scope.kind !== 'national') sums = sums.where('site_id', 'in', siteIds.length ? siteIds : ['-']);
      for (const r of await sums.execute())
        perSite.set(r.site_id, {
          snapshots: num(r.snapshots),
          sessions: num(r.sessions),
          individualSessions: num(r.individualSessions),
          workshops: num(r.workshops),
          workshopParticipants: num(r.workshopParticipants),
          peopleHelped: num(r.peopleHelped),
          totalMinutes: num(r.totalMinutes),
        });
      const none = {
        snapshots: 0,
        sessions: 0,
        individualSessions: 0,
        workshops: 0,
        workshopParticipants: 0,
        peopleHelped: 0,
        totalMinutes: 0,
      };
      return {
        scope: { id: scope.id, name: scope.name, kind: scope.kind, codes: scope.codes },
        from,
        to,
        sites: sites.map((s) => ({
          id: s.id,
          name: s.name,
          departement: s.departement,
          epci: s.epci,
          totals: perSite.get(s.id) ?? none,
        })),
        total,
      };
    },

    /** One site of the scope, every table, over a range of periods. */
    async site(scopeId: string, siteId: string, from: string, to: string): Promise<Consolidated> {
      if (from > to) throw new HubError(400, 'invalid_range', '`from` comes after `to`');
      const sites = await sitesOf(await scopeOf(scopeId));
      // Outside the scope is answered as unknown: a coordinator does not learn which sites exist elsewhere.
      if (!sites.some((s) => s.id === siteId)) throw new HubError(404, 'unknown_site', 'no such site in your scope');
      const bodies = await db
        .selectFrom('snapshots')
        .select('body')
        .where('site_id', '=', siteId)
        .where('period_key', '>=', from)
        .where('period_key', '<=', to)
        .execute();
      return consolidate(bodies.map((b) => JSON.parse(b.body) as Snapshot));
    },
  };

  async function scopeOf(scopeId: string) {
    const scope = await db.selectFrom('scopes').selectAll().where('id', '=', scopeId).executeTakeFirst();
    if (!scope) throw new HubError(404, 'unknown_scope', 'this coordinator’s scope no longer exists');
    return { ...scope, codes: JSON.parse(scope.codes) as string[] };
  }

  async function sitesOf(scope: { kind: string; codes: string[] }) {
    let q = db.selectFrom('sites').selectAll();
    if (scope.kind === 'departement') q = q.where('departement', 'in', scope.codes);
    else if (scope.kind === 'epci') q = q.where('epci', 'in', scope.codes);
    else if (scope.kind === 'sites') q = q.where('id', 'in', scope.codes);
    return q.orderBy('name').execute();
  }
}

export type HubSnapshots = ReturnType<typeof createSnapshots>;
