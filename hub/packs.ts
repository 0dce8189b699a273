import { randomUUID } from 'node:crypto';
import { verifyPack, type PackChannel, type SignedPack } from '../shared/content/pack';
import type { Clock } from '../shared/ids';
import type { PackInfo } from '../shared/sync/api';
import type { HubDb } from './db/database';
import { HubError } from './errors';

// The hub serves signed packs; it checks them with the same pinned keys as desks before storing, so a tampered,
// foreign or rolled-back pack is refused at the door (desks check again: the hub is not their trust anchor).

export function createPacks(db: HubDb, clock: Clock, trustedKeys: Readonly<Record<string, string>>) {
  async function latest(channel: string, on: HubDb = db) {
    return on
      .selectFrom('packs')
      .selectAll()
      .where('channel', '=', channel)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  }
  return {
    async publish(pack: SignedPack): Promise<PackInfo> {
      return db.transaction().execute(async (trx) => {
        let channel: PackChannel | undefined;
        try {
          channel = JSON.parse(pack.manifest)?.channel;
        } catch {
          channel = undefined;
        }
        const current = channel ? await latest(channel, trx) : undefined;
        const result = verifyPack(pack, {
          trustedKeys,
          installedVersion: current ? Number(current.version) : undefined,
          now: clock.now(),
        });
        if (!result.ok) {
          const status = result.reason === 'not_newer' ? 409 : result.reason === 'malformed' ? 400 : 422;
          throw new HubError(status, `pack_${result.reason}`, `content pack refused: ${result.reason}`);
        }
        const publishedAt = clock.now().toISOString();
        await trx
          .insertInto('packs')
          .values({
            id: randomUUID(),
            channel: result.manifest.channel,
            version: result.manifest.version,
            manifest: pack.manifest,
            signature: pack.signature,
            payload: JSON.stringify(pack.files),
            published_at: publishedAt,
          })
          .execute();
        return { channel: result.manifest.channel, version: result.manifest.version, publishedAt };
      });
    },

    async info(channel: string): Promise<PackInfo | null> {
      const row = await latest(channel);
      return row ? { channel: row.channel, version: Number(row.version), publishedAt: row.published_at } : null;
    },

    async download(channel: string): Promise<SignedPack | null> {
      const row = await latest(channel);
      return row ? { manifest: row.manifest, signature: row.signature, files: JSON.parse(row.payload) } : null;
    },
  };
}

export type HubPacks = ReturnType<typeof createPacks>;
