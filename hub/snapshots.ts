import type { Clock } from '../shared/ids';
import type { Consolidated, CoordinatorSummary, UploadReceipt } from '../shared/sync/api';
import { addSnapshot, consolidate, emptyConsolidated, fromFlatCells } from '../shared/sync/consolidate';
import type { Snapshot } from '../shared/sync/snapshot';
import { num, type HubDb } from './db/database';
import type { DeskIdentity } from './desks';
import { HubError } from './errors';
import { createIngest, NATIONAL, type IngestOptions } from './ingest';
import { readDisclosure } from './settings';

// Uploads are idempotent by (desk, period, version) and the hub keeps, per (desk, period), the highest version only:
// sums over those rows can never count a replay, a reordered retry or a lost reply twice (sync-and-privacy.md). They
// are written in group-committed batches (ingest.ts).
export { canonical, snapshotHash } from './ingest';

export function createSnapshots(db: HubDb, clock: Clock, ingestOptions?: IngestOptions) {
  const ingest = createIngest(db, () => clock.now().toISOString(), ingestOptions);
  return {
    /** A snapshot file's snapshots, all or nothing, with the caller's own rows (hub/snapshot-file.ts). */
    importAll: ingest.importAll,

    async upload(desk: DeskIdentity, snapshot: Snapshot): Promise<UploadReceipt> {
      if (snapshot.deskId !== desk.deskId) throw new HubError(403, 'wrong_desk', 'a desk sends its own snapshots only');
      return ingest.upload(desk, snapshot);
    },

    /** Whether a site belongs to a coordinator's scope (the sites the coordinator's queries would list). */
    async inScope(scopeId: string, siteId: string): Promise<boolean> {
      return (await sitesOf(await scopeOf(scopeId))).some((s) => s.id === siteId);
    },

    /** The coordinator's view: the total of the scope and each site's key totals, over a range of periods. */
    async summary(scopeId: string, from: string, to: string): Promise<CoordinatorSummary> {
      checkRange(from, to);
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
        disclosure: await readDisclosure(db),
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
      checkRange(from, to);
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

  /** A range of months (YYYY-MM) or of ISO weeks (YYYY-Www), both ends of the same kind, in order. */
  function checkRange(from: string, to: string) {
    if (from.includes('W') !== to.includes('W'))
      throw new HubError(400, 'invalid_range', '`from` and `to` must both be months or both be weeks');
    if (from > to) throw new HubError(400, 'invalid_range', '`from` comes after `to`');
  }

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
