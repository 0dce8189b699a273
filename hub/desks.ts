import { randomUUID } from 'node:crypto';
import type { Clock } from '../shared/ids';
import type { EnrollResponse } from '../shared/sync/api';
import { isDeskPublicKey } from '../shared/sync/snapshot-file';
import type { HubDb } from './db/database';
import { num } from './db/database';
import { credentialHash, newCredential, normaliseCode } from './credentials';
import { HubError } from './errors';
import { readDisclosure } from './settings';

export interface DeskIdentity {
  kind: 'desk';
  deskId: string;
  siteId: string;
}
export interface CoordinatorIdentity {
  kind: 'coordinator';
  id: string;
  scopeId: string;
  canPublish: boolean;
}

export function createDesks(db: HubDb, clock: Clock) {
  const now = () => clock.now().toISOString();
  return {
    /** Spends a single-use code: the desk gets its pseudonymous id and a credential, shown once. */
    async enroll(code: string, publicKey?: string): Promise<EnrollResponse> {
      // Checked before the code is spent: a desk that sent a bad key can try again with the same code.
      if (publicKey !== undefined && !isDeskPublicKey(publicKey))
        throw new HubError(400, 'invalid_public_key', 'the public key is not an Ed25519 key (base64 SPKI DER)');
      const hash = credentialHash(normaliseCode(code));
      const credential = newCredential('desk');
      const deskId = randomUUID();
      const at = now();
      const site = await db.transaction().execute(async (trx) => {
        // Spent and checked in one statement: two desks racing with the same code cannot both win.
        const spent = await trx
          .updateTable('enrollment_codes')
          .set({ used_at: at })
          .where('code_hash', '=', hash)
          .where('used_at', 'is', null)
          .where('expires_at', '>', at)
          .executeTakeFirst();
        if (num(spent.numUpdatedRows) === 0)
          throw new HubError(403, 'invalid_code', 'this enrollment code is unknown, already used or expired');
        const row = await trx
          .selectFrom('enrollment_codes')
          .innerJoin('sites', 'sites.id', 'enrollment_codes.site_id')
          .select(['sites.id', 'sites.name', 'sites.departement'])
          .where('code_hash', '=', hash)
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('desks')
          .values({
            id: deskId,
            site_id: row.id,
            credential_hash: credentialHash(credential),
            enrolled_at: at,
            revoked_at: null,
            signing_key: publicKey ?? null,
          })
          .execute();
        return row;
      });
      return { deskId, credential, site, disclosure: await readDisclosure(db) };
    },

    /** Who holds this bearer token, if anyone (revoked credentials are nobody). */
    async identify(token: string): Promise<DeskIdentity | CoordinatorIdentity | null> {
      const hash = credentialHash(token);
      if (token.startsWith('mdn_desk_')) {
        const desk = await db
          .selectFrom('desks')
          .select(['id', 'site_id'])
          .where('credential_hash', '=', hash)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        return desk ? { kind: 'desk', deskId: desk.id, siteId: desk.site_id } : null;
      }
      if (token.startsWith('mdn_coord_')) {
        const c = await db
          .selectFrom('coordinators')
          .select(['id', 'scope_id', 'can_publish'])
          .where('credential_hash', '=', hash)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        return c ? { kind: 'coordinator', id: c.id, scopeId: c.scope_id, canPublish: num(c.can_publish) === 1 } : null;
      }
      return null;
    },
  };
}

export type HubDesks = ReturnType<typeof createDesks>;
