import { existsSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrolledDesk, month, startTestHub, type TestHub } from '../hub/fixtures';
import { call, callResult, fingerprint, openCore, removeTempDirs, testClock } from './helpers';

// Coordinator mode against a real hub started in this process and listening on 127.0.0.1 (plain HTTP is allowed on
// the loopback only), reached through the real undici transport: connect, the scope's total, a site's detail, and
// the hub's refusals (outside the scope, revoked credential, wrong role, no answer) as translated errors.

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

async function upload(credential: string, period: string, people: number, deskId: string) {
  const res = await hub.app.inject({
    method: 'POST',
    url: '/v1/snapshots',
    headers: { authorization: `Bearer ${credential}` },
    payload: month(deskId, period, people),
  });
  expect(res.statusCode).toBe(200);
}

/** Two sites in the Rhône, one in Paris; a Rhône coordinator. */
async function network() {
  const lyon = await enrolledDesk(hub, '69', 'France Services Lyon 3e');
  const villeurbanne = await enrolledDesk(hub, '69', 'France Services Villeurbanne');
  const paris = await enrolledDesk(hub, '75', 'France Services Paris 20e');
  await upload(lyon.credential, '2026-10', 12, lyon.deskId);
  await upload(lyon.credential, '2026-11', 9, lyon.deskId);
  await upload(villeurbanne.credential, '2026-11', 7, villeurbanne.deskId);
  await upload(paris.credential, '2026-11', 30, paris.deskId);
  const scope = await hub.admin.createScope({ name: 'Coordination Rhône', kind: 'departement', codes: ['69'] });
  const coordinator = await hub.admin.createCoordinator({ scopeId: scope.id, name: 'Coordination Rhône' });
  return { lyon, villeurbanne, paris, coordinator };
}

function coreAt() {
  return openCore({ clock: testClock('2026-12-07T09:00:00.000Z') });
}

describe('coordinator mode against a hub on 127.0.0.1', () => {
  it('connects: the credential goes to its own 0600 file, never to the database; the scope is named', async () => {
    const { coordinator } = await network();
    const core = coreAt();
    const status = await call(core, 'coordinator.connect', {
      hubUrl: `${hubUrl}/`,
      credential: coordinator.credential,
    });
    expect(status.connection).toMatchObject({ hubUrl, scopeName: 'Coordination Rhône' });
    const file = join(core.dataDir, 'hub-coordinator-credential');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(join(core.dataDir, 'hub-credential'))).toBe(false);
    const rows = core.db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
    expect(JSON.stringify(rows)).not.toContain(coordinator.credential);

    const off = await call(core, 'coordinator.disconnect', {});
    expect(off.connection).toBeNull();
    expect(existsSync(file)).toBe(false);
    const r = await callResult(core, 'coordinator.summary', { from: '2026-11', to: '2026-11' });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'not_found', messageKey: 'coordinator.notConnected' });
  });

  it('shows the scope’s total and each site, and never a site outside the scope', async () => {
    const { lyon, villeurbanne, paris, coordinator } = await network();
    const core = coreAt();
    await call(core, 'coordinator.connect', { hubUrl, credential: coordinator.credential });

    const november = await call(core, 'coordinator.summary', { from: '2026-11', to: '2026-11' });
    expect(november.scope.name).toBe('Coordination Rhône');
    expect(november.sites.map((s) => s.name).sort()).toEqual([
      'France Services Lyon 3e',
      'France Services Villeurbanne',
    ]);
    expect(november.total.totals.sessions).toBe(9 + 7);
    expect(november.total.activity.topics.aide_aux_demarches_administratives).toBe(16);

    const autumn = await call(core, 'coordinator.summary', { from: '2026-10', to: '2026-11' });
    const lyonRow = autumn.sites.find((s) => s.id === lyon.site.id)!;
    expect(lyonRow.totals).toMatchObject({ sessions: 21, snapshots: 2 });

    const detail = await call(core, 'coordinator.site', {
      siteId: villeurbanne.site.id,
      from: '2026-11',
      to: '2026-11',
    });
    expect(detail.totals.peopleHelped).toBe(7);
    // Below k = 5 in a bracket: held back by the desk, counted as such by the hub.
    expect(Object.values(detail.population.age).some((c) => c.suppressedIn > 0)).toBe(true);

    const before = fingerprint(core.db);
    const outside = await callResult(core, 'coordinator.site', {
      siteId: paris.site.id,
      from: '2026-11',
      to: '2026-11',
    });
    expect(outside.ok ? null : outside.error).toMatchObject({
      code: 'not_found',
      messageKey: 'coordinator.outsideScope',
    });
    expect(fingerprint(core.db)).toEqual(before);
  });

  it('a revoked credential is refused (401) with its own message, and so is a desk’s credential (403)', async () => {
    const { lyon, coordinator } = await network();
    const core = coreAt();
    await call(core, 'coordinator.connect', { hubUrl, credential: coordinator.credential });

    // A desk credential in the coordinator's place (as a mistaken copy would put it): the hub says wrong role.
    writeFileSync(join(core.dataDir, 'hub-coordinator-credential'), lyon.credential);
    const wrongRole = await callResult(core, 'coordinator.summary', { from: '2026-11', to: '2026-11' });
    expect(wrongRole.ok ? null : wrongRole.error).toMatchObject({
      code: 'forbidden',
      messageKey: 'coordinator.notCoordinator',
    });

    writeFileSync(join(core.dataDir, 'hub-coordinator-credential'), coordinator.credential);
    await hub.admin.revokeCoordinator(coordinator.id);
    const revoked = await callResult(core, 'coordinator.summary', { from: '2026-11', to: '2026-11' });
    expect(revoked.ok ? null : revoked.error).toMatchObject({
      code: 'forbidden',
      messageKey: 'coordinator.credentialRefused',
    });
    const again = await callResult(core, 'coordinator.connect', { hubUrl, credential: coordinator.credential });
    expect(again.ok ? null : again.error).toMatchObject({ messageKey: 'coordinator.credentialRefused' });
  });

  it('a hub that does not answer, or a bad address or credential, is refused and nothing is kept', async () => {
    const { coordinator } = await network();
    const core = coreAt();
    const closedPort = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    const before = fingerprint(core.db);
    const down = await callResult(core, 'coordinator.connect', {
      hubUrl: `http://127.0.0.1:${closedPort}`,
      credential: coordinator.credential,
    });
    expect(down.ok ? null : down.error).toMatchObject({ code: 'conflict', messageKey: 'coordinator.hubUnreachable' });

    const plain = await callResult(core, 'coordinator.connect', {
      hubUrl: 'http://stats.example.fr',
      credential: coordinator.credential,
    });
    expect(plain.ok ? null : plain.error?.issues).toEqual([{ path: 'hubUrl', message: 'sync.hubUrlNotHttps' }]);

    const wrongShape = await callResult(core, 'coordinator.connect', { hubUrl, credential: 'mdn_desk_abcdefghijklmn' });
    expect(wrongShape.ok ? null : wrongShape.error?.issues?.[0]).toMatchObject({
      path: 'credential',
      message: 'coordinator.credentialInvalid',
    });
    const reversed = await callResult(core, 'coordinator.summary', { from: '2026-11', to: '2026-10' });
    expect(reversed.ok ? null : reversed.error?.issues?.[0]).toMatchObject({ message: 'coordinator.periodReversed' });

    expect(fingerprint(core.db)).toEqual(before);
    expect(existsSync(join(core.dataDir, 'hub-coordinator-credential'))).toBe(false);
    expect((await call(core, 'coordinator.status', {})).connection).toBeNull();
  });
});
