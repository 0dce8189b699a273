import { randomUUID } from 'node:crypto';
import type { Clock } from '../shared/ids';
import type { HubDb } from './db/database';
import { num } from './db/database';
import { credentialHash, newCredential, newEnrollmentCode, normaliseCode } from './credentials';
import { HubError } from './errors';
import { checkDisclosure, readDisclosure, type Disclosure } from './settings';

// The administrator's actions (run from the CLI on the hub's machine): scopes, sites, enrollment codes, coordinators,
// revocation and rotation, disclosure parameters. Each one is written with its line in the audit log, in one
// transaction: an action without its audit line never happens.

const DEPARTEMENT = /^(?:\d{2}|2A|2B|97[1-6])$/;
const EPCI = /^\d{9}$/;

/** `national`: every site of the hub (codes: ['FR']). */
export type ScopeKind = 'departement' | 'epci' | 'sites' | 'national';

export function createAdmin(db: HubDb, clock: Clock, actor = 'cli') {
  const now = () => clock.now().toISOString();

  async function audited<T>(action: string, details: Record<string, unknown>, work: (trx: HubDb) => Promise<T>) {
    return db.transaction().execute(async (trx) => {
      const result = await work(trx);
      await trx
        .insertInto('audit_log')
        .values({ id: randomUUID(), at: now(), actor, action, details: JSON.stringify(details) })
        .execute();
      return result;
    });
  }

  async function siteExists(trx: HubDb, id: string) {
    const site = await trx.selectFrom('sites').select('id').where('id', '=', id).executeTakeFirst();
    if (!site) throw new HubError(404, 'unknown_site', `no site ${id}`);
  }

  return {
    async createSite(input: { name: string; departement: string; epci?: string }) {
      const name = input.name.trim();
      if (!name || name.length > 200)
        throw new HubError(400, 'invalid_name', 'a site needs a name (200 characters at most)');
      if (!DEPARTEMENT.test(input.departement))
        throw new HubError(400, 'invalid_departement', 'unknown département code');
      if (input.epci !== undefined && !EPCI.test(input.epci))
        throw new HubError(400, 'invalid_epci', 'an EPCI is its 9-digit SIREN');
      const id = randomUUID();
      await audited('site.create', { id, name, departement: input.departement, epci: input.epci ?? null }, (trx) =>
        trx
          .insertInto('sites')
          .values({ id, name, departement: input.departement, epci: input.epci ?? null, created_at: now() })
          .execute(),
      );
      return { id, name, departement: input.departement, epci: input.epci ?? null };
    },

    async createScope(input: { name: string; kind: ScopeKind; codes: string[] }) {
      const codes = [...new Set(input.codes.map((c) => c.trim()).filter(Boolean))];
      if (codes.length === 0) throw new HubError(400, 'empty_scope', 'a scope lists at least one code');
      const valid = {
        departement: (c: string) => DEPARTEMENT.test(c),
        epci: (c: string) => EPCI.test(c),
        sites: () => true,
        national: (c: string) => c === 'FR',
      }[input.kind];
      if (!valid || codes.some((c) => !valid(c)))
        throw new HubError(400, 'invalid_scope', `invalid ${input.kind} code`);
      const id = randomUUID();
      await audited('scope.create', { id, name: input.name, kind: input.kind, codes }, async (trx) => {
        if (input.kind === 'sites') for (const site of codes) await siteExists(trx, site);
        await trx
          .insertInto('scopes')
          .values({ id, name: input.name, kind: input.kind, codes: JSON.stringify(codes), created_at: now() })
          .execute();
      });
      return { id, name: input.name, kind: input.kind, codes };
    },

    async createCoordinator(input: { scopeId: string; name: string; canPublish?: boolean }) {
      const id = randomUUID();
      const credential = newCredential('coord');
      await audited(
        'coordinator.create',
        { id, scopeId: input.scopeId, name: input.name, canPublish: !!input.canPublish },
        async (trx) => {
          const scope = await trx.selectFrom('scopes').select('id').where('id', '=', input.scopeId).executeTakeFirst();
          if (!scope) throw new HubError(404, 'unknown_scope', `no scope ${input.scopeId}`);
          await trx
            .insertInto('coordinators')
            .values({
              id,
              scope_id: input.scopeId,
              name: input.name,
              credential_hash: credentialHash(credential),
              can_publish: input.canPublish ? 1 : 0,
              created_at: now(),
              revoked_at: null,
            })
            .execute();
        },
      );
      return { id, credential };
    },

    async issueEnrollmentCode(input: { siteId: string; ttlHours?: number }) {
      const ttl = input.ttlHours ?? 72;
      if (!(ttl > 0 && ttl <= 24 * 30)) throw new HubError(400, 'invalid_ttl', 'a code lives from 1 hour to 30 days');
      const code = newEnrollmentCode();
      const expiresAt = new Date(clock.now().getTime() + ttl * 3_600_000).toISOString();
      await audited('enrollment.issue', { siteId: input.siteId, expiresAt }, async (trx) => {
        await siteExists(trx, input.siteId);
        await trx
          .insertInto('enrollment_codes')
          .values({
            code_hash: credentialHash(normaliseCode(code)),
            site_id: input.siteId,
            expires_at: expiresAt,
            used_at: null,
            created_at: now(),
          })
          .execute();
      });
      return { code, expiresAt };
    },

    async revokeDesk(deskId: string) {
      await audited('desk.revoke', { deskId }, async (trx) => {
        const r = await trx
          .updateTable('desks')
          .set({ revoked_at: now() })
          .where('id', '=', deskId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (num(r.numUpdatedRows) === 0) throw new HubError(404, 'unknown_desk', `no active desk ${deskId}`);
      });
    },

    /** A new credential for a desk (the old one stops working at once); shown once. */
    async rotateDesk(deskId: string) {
      const credential = newCredential('desk');
      await audited('desk.rotate', { deskId }, async (trx) => {
        const r = await trx
          .updateTable('desks')
          .set({ credential_hash: credentialHash(credential) })
          .where('id', '=', deskId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (num(r.numUpdatedRows) === 0) throw new HubError(404, 'unknown_desk', `no active desk ${deskId}`);
      });
      return { credential };
    },

    async revokeCoordinator(id: string) {
      await audited('coordinator.revoke', { id }, async (trx) => {
        const r = await trx
          .updateTable('coordinators')
          .set({ revoked_at: now() })
          .where('id', '=', id)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (num(r.numUpdatedRows) === 0) throw new HubError(404, 'unknown_coordinator', `no active coordinator ${id}`);
      });
    },

    async rotateCoordinator(id: string) {
      const credential = newCredential('coord');
      await audited('coordinator.rotate', { id }, async (trx) => {
        const r = await trx
          .updateTable('coordinators')
          .set({ credential_hash: credentialHash(credential) })
          .where('id', '=', id)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (num(r.numUpdatedRows) === 0) throw new HubError(404, 'unknown_coordinator', `no active coordinator ${id}`);
      });
      return { credential };
    },

    async setDisclosure(input: Partial<Disclosure>): Promise<Disclosure> {
      checkDisclosure(input);
      return audited('disclosure.set', input, async (trx) => {
        const current = await readDisclosure(trx);
        if (input.granularity && input.granularity !== current.granularity) {
          // Weekly and monthly figures of the same counts would let their differences reveal small cells.
          const any = await trx.selectFrom('snapshots').select('desk_id').limit(1).executeTakeFirst();
          if (any)
            throw new HubError(409, 'granularity_locked', 'the period granularity cannot change once snapshots exist');
        }
        for (const [key, value] of Object.entries(input)) {
          if (value === undefined) continue;
          await trx
            .insertInto('hub_settings')
            .values({ key, value: String(value) })
            .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(value) }))
            .execute();
        }
        return readDisclosure(trx);
      });
    },

    async listSites() {
      return db.selectFrom('sites').selectAll().orderBy('departement').orderBy('name').execute();
    },

    async auditLog(limit = 50) {
      return db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').limit(limit).execute();
    },
  };
}

export type HubAdmin = ReturnType<typeof createAdmin>;
