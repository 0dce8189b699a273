import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotHash } from '../../hub/snapshots';
import type { Snapshot } from '../../shared/sync/snapshot';
import { newDeskKeyPair, signSnapshotFile, SIGNED_SNAPSHOT_FILE_FORMAT } from '../../shared/sync/snapshot-file';
import { month, startTestHub, type TestHub } from '../hub/fixtures';
import { call, callResult, openCore, removeTempDirs, tempDir, testClock } from './helpers';

// Coordinator mode's « Importer un fichier de bureau » against a real hub on 127.0.0.1 through the real undici
// transport: a desk's signed file picked in the file dialog goes to the hub as it is; the receipts come back; each
// refusal of the hub is a translated error and changes nothing.

let hub: TestHub;
let hubUrl: string;

beforeEach(async () => {
  hub = await startTestHub('sqlite');
  await hub.app.listen({ port: 0, host: '127.0.0.1' });
  hubUrl = `http://127.0.0.1:${(hub.app.server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await hub.close();
  removeTempDirs();
});

async function keyedDesk(departement: string, name: string) {
  const site = await hub.admin.createSite({ name, departement });
  const { code } = await hub.admin.issueEnrollmentCode({ siteId: site.id });
  const keys = newDeskKeyPair();
  const res = await hub.app.inject({ method: 'POST', url: '/v1/enroll', payload: { code, publicKey: keys.publicKey } });
  return { deskId: (res.json() as { deskId: string }).deskId, privateKey: keys.privateKey };
}

function fileOf(desk: { deskId: string; privateKey: string }, snapshots: Snapshot[]) {
  return signSnapshotFile(
    {
      format: SIGNED_SNAPSHOT_FILE_FORMAT,
      hub: hubUrl,
      deskId: desk.deskId,
      exportedAt: '2026-12-07T08:00:00.000Z',
      snapshots: snapshots.map((s) => ({
        key: `${s.deskId}:${s.period.key}:${s.version}`,
        hash: snapshotHash(s),
        snapshot: s,
      })),
    },
    desk.privateKey,
  );
}

describe('coordinator mode: importing a desk’s snapshot file', () => {
  it('sends the picked file to the hub, shows its receipts; the hub’s refusals are translated and change nothing', async () => {
    const lyon = await keyedDesk('69', 'France Services Lyon 3e');
    const paris = await keyedDesk('75', 'France Services Paris 20e');
    const scope = await hub.admin.createScope({ name: 'Coordination Rhône', kind: 'departement', codes: ['69'] });
    const coordinator = await hub.admin.createCoordinator({ scopeId: scope.id, name: 'Coordination Rhône' });
    const dir = tempDir();
    let picked = '';
    const core = openCore({
      clock: testClock('2026-12-07T09:00:00.000Z'),
      dialogs: { pickSave: async () => null, pickOpen: async () => picked },
    });
    const importFile = async (name: string, body: unknown) => {
      picked = join(dir, name);
      writeFileSync(picked, typeof body === 'string' ? body : JSON.stringify(body));
      const source = await call(core, 'files.pickOpen', { purpose: 'snapshots' });
      return callResult(core, 'coordinator.importSnapshotFile', { sourceId: source!.sourceId });
    };

    const nov = month(lyon.deskId, '2026-11', 12);
    // Not connected yet: said so, nothing sent.
    expect(await importFile('lyon.json', fileOf(lyon, [nov]))).toMatchObject({
      ok: false,
      error: { messageKey: 'coordinator.notConnected' },
    });
    await call(core, 'coordinator.connect', { hubUrl, credential: coordinator.credential });

    const good = fileOf(lyon, [nov]);
    const refusals: Array<[string, unknown, string]> = [
      [
        'tampered',
        { ...good, content: good.content.replace('"sessions":12', '"sessions":21') },
        'coordinator.fileTampered',
      ],
      ['unsigned', { format: 'mediane-snapshots/1', snapshots: [] }, 'coordinator.fileUnsigned'],
      ['outside the scope', fileOf(paris, [month(paris.deskId, '2026-11', 30)]), 'coordinator.fileOutsideScope'],
      ['not a file of ours', 'PK\u0003\u0004 a zip archive', 'coordinator.fileMalformed'],
    ];
    for (const [why, body, key] of refusals)
      expect([why, await importFile(`${why}.json`, body)]).toMatchObject([
        why,
        { ok: false, error: { messageKey: key } },
      ]);
    expect((await call(core, 'coordinator.summary', { from: '2026-11', to: '2026-11' })).total.totals.sessions).toBe(0);

    expect(await importFile('lyon.json', good)).toMatchObject({
      ok: true,
      value: {
        deskId: lyon.deskId,
        site: { name: 'France Services Lyon 3e', departement: '69' },
        receipts: [{ status: 'stored', period: { key: '2026-11' }, version: 1, hash: snapshotHash(nov) }],
      },
    });
    expect((await call(core, 'coordinator.summary', { from: '2026-11', to: '2026-11' })).total.totals.sessions).toBe(
      12,
    );
    // The same file again (a coordinator who is not sure it went through): already had, counted once.
    expect(await importFile('lyon-again.json', good)).toMatchObject({
      ok: true,
      value: { receipts: [{ status: 'duplicate' }] },
    });
    expect((await call(core, 'coordinator.summary', { from: '2026-11', to: '2026-11' })).total.totals.sessions).toBe(
      12,
    );
    await core.close();
  });
});
