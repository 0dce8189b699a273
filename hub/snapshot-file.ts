import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../shared/ids';
import type { SnapshotFileReceipt, UploadReceipt } from '../shared/sync/api';
import {
  SIGNED_SNAPSHOT_FILE_FORMAT,
  SignedSnapshotFile,
  SnapshotFileContent,
  UNSIGNED_SNAPSHOT_FILE_FORMAT,
  verifySnapshotFileSignature,
} from '../shared/sync/snapshot-file';
import type { HubDb } from './db/database';
import { HubError } from './errors';
import { snapshotHash, type HubSnapshots } from './snapshots';

// A desk that never reaches the hub hands its signed snapshot file to a coordinator, who imports it (the API's
// /v1/coordinator/snapshot-files, or `npm run hub:admin -- import-snapshots FILE` on the hub's machine). The file is
// checked whole before anything is stored: signature with the key the desk registered at enrollment, desk known, not
// revoked and in the coordinator's scope; then every snapshot goes through the very path of a network upload
// (idempotent, highest version only, disclosure rule re-checked), all in ONE transaction with the audit line: a file
// is stored whole or not at all.

/** Who imports: a coordinator (its scope bounds the desks it may import) or the hub's administrator (every scope). */
export interface FileImporter {
  actor: string;
  /** null: the administrator, on the hub's own machine. */
  scopeId: string | null;
}

const malformed = () => new HubError(400, 'malformed_file', 'this is not a Médiane snapshot file, or it is damaged');

export function createSnapshotFiles(db: HubDb, clock: Clock, snapshots: HubSnapshots) {
  return {
    async importFile(raw: unknown, who: FileImporter): Promise<SnapshotFileReceipt> {
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw malformed();
      const candidate = raw as Record<string, unknown>;
      const unsigned =
        candidate.format === UNSIGNED_SNAPSHOT_FILE_FORMAT ||
        (candidate.format === SIGNED_SNAPSHOT_FILE_FORMAT && !('signature' in candidate));
      if (unsigned)
        throw new HubError(
          422,
          'unsigned_file',
          'this snapshot file is not signed: update the desk, enroll it again, then export a new file',
        );
      const file = SignedSnapshotFile.safeParse(raw);
      if (!file.success) throw malformed();
      let parsed: unknown;
      try {
        parsed = JSON.parse(file.data.content);
      } catch {
        throw malformed();
      }
      const content = SnapshotFileContent.safeParse(parsed);
      if (!content.success) throw malformed();
      const { deskId } = content.data;

      const desk = await db
        .selectFrom('desks')
        .innerJoin('sites', 'sites.id', 'desks.site_id')
        .select([
          'desks.id',
          'desks.site_id',
          'desks.revoked_at',
          'desks.signing_key',
          'sites.name',
          'sites.departement',
        ])
        .where('desks.id', '=', deskId)
        .executeTakeFirst();
      if (!desk) throw new HubError(404, 'unknown_desk', 'this hub has never enrolled the desk that wrote this file');
      if (!desk.signing_key)
        throw new HubError(
          422,
          'desk_without_key',
          'this desk was enrolled before snapshot files were signed: enroll it again with a new code',
        );
      // The signature first: only the holder of a genuine file learns whether that desk is revoked or in the scope.
      if (!verifySnapshotFileSignature(file.data, desk.signing_key))
        throw new HubError(
          422,
          'bad_signature',
          'the signature does not match: the file was altered or is not this desk’s',
        );
      for (const entry of content.data.snapshots) {
        if (entry.snapshot.deskId !== deskId)
          throw new HubError(422, 'wrong_desk', 'a snapshot of the file belongs to another desk');
        if (entry.hash !== snapshotHash(entry.snapshot))
          throw new HubError(422, 'hash_mismatch', 'a snapshot of the file does not match its hash');
      }
      if (desk.revoked_at) throw new HubError(403, 'revoked_desk', 'this desk has been revoked on the hub');
      if (who.scopeId !== null && !(await snapshots.inScope(who.scopeId, desk.site_id)))
        throw new HubError(403, 'outside_scope', 'this desk belongs to a site outside your scope');

      const identity = { kind: 'desk' as const, deskId, siteId: desk.site_id };
      const fileHash = createHash('sha256').update(file.data.content, 'utf8').digest('hex');
      const { receipts } = await snapshots.importAll(
        identity,
        content.data.snapshots.map((entry) => entry.snapshot),
        async (trx, out) => {
          const count = (status: UploadReceipt['status']) => out.filter((r) => r.status === status).length;
          await trx
            .insertInto('audit_log')
            .values({
              id: randomUUID(),
              at: clock.now().toISOString(),
              actor: who.actor,
              action: 'snapshots.import',
              details: JSON.stringify({
                deskId,
                siteId: desk.site_id,
                file: fileHash,
                exportedAt: content.data.exportedAt,
                stored: count('stored'),
                duplicate: count('duplicate'),
                superseded: count('superseded'),
              }),
            })
            .execute();
        },
      );
      return {
        deskId,
        site: { id: desk.site_id, name: desk.name, departement: desk.departement },
        exportedAt: content.data.exportedAt,
        receipts,
      };
    },
  };
}

export type HubSnapshotFiles = ReturnType<typeof createSnapshotFiles>;
