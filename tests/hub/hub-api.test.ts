import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { signPack } from '../../shared/content/pack';
import { consolidate } from '../../shared/sync/consolidate';
import { Snapshot } from '../../shared/sync/snapshot';
import { DIALECTS, enrolledDesk, month, startTestHub, type TestHub } from './fixtures';

// The hub's API as desks and coordinators use it, and every refusal the security rules ask for: each with its 4xx
// and nothing stored. The same suite runs on SQLite and on PostgreSQL.

const publisher = generateKeyPairSync('ed25519');
const PUBLIC_PEM = publisher.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const PRIVATE_PEM = publisher.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const stranger = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const pack = (version: number, key = PRIVATE_PEM, keyId = 'reseau-69') =>
  signPack(
    { channel: 'guides', version, issuedAt: '2026-12-01T00:00:00.000Z', expiresAt: '2027-12-01T00:00:00.000Z', keyId },
    new Map([['guides/caf-apl.json', Buffer.from('{"id":"caf-apl"}')]]),
    key,
  );

async function storedCount(hub: TestHub) {
  const row = await hub.opened.db
    .selectFrom('snapshots')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(DIALECTS)('the hub API on %s', (dialect) => {
  let hub: TestHub;
  afterEach(async () => hub?.close());

  it('enrolls a desk once per code; a replayed, unknown or expired code is refused', async () => {
    hub = await startTestHub(dialect);
    const site = await hub.admin.createSite({ name: 'Médiathèque de Villeurbanne', departement: '69' });
    const { code } = await hub.admin.issueEnrollmentCode({ siteId: site.id, ttlHours: 2 });
    const first = await hub.app.inject({ method: 'POST', url: '/v1/enroll', payload: { code: code.toLowerCase() } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      site: { id: site.id, departement: '69' },
      disclosure: { k: 5, granularity: 'month' },
    });
    const replay = await hub.app.inject({ method: 'POST', url: '/v1/enroll', payload: { code } });
    expect(replay.statusCode).toBe(403);
    expect(replay.json()).toMatchObject({ error: 'invalid_code' });
    const late = await hub.admin.issueEnrollmentCode({ siteId: site.id, ttlHours: 1 });
    hub.clock.advance(61 * 60_000);
    expect((await hub.app.inject({ method: 'POST', url: '/v1/enroll', payload: { code: late.code } })).statusCode).toBe(
      403,
    );
    expect(
      (await hub.app.inject({ method: 'POST', url: '/v1/enroll', payload: { code: 'AAAA-BBBB-CCCC' } })).statusCode,
    ).toBe(403);
    const desks = await hub.opened.db.selectFrom('desks').selectAll().execute();
    expect(desks).toHaveLength(1);
    // Only hashes are stored.
    expect(JSON.stringify(desks)).not.toContain(first.json().credential);
  });

  it('stores a snapshot once: a replay is a duplicate, other figures for the same version a 422, an older version superseded', async () => {
    hub = await startTestHub(dialect);
    const desk = await enrolledDesk(hub);
    const v1 = month(desk.deskId, '2026-11', 40);
    const post = (body: unknown) =>
      hub.app.inject({ method: 'POST', url: '/v1/snapshots', headers: desk.auth, payload: body as object });
    expect((await post(v1)).json()).toMatchObject({ status: 'stored', version: 1 });
    expect((await post(v1)).json()).toMatchObject({ status: 'duplicate' });
    const other = month(desk.deskId, '2026-11', 41);
    const conflict = await post(other);
    expect(conflict.statusCode).toBe(422);
    expect(conflict.json()).toMatchObject({ error: 'conflicting_version' });
    const v2 = month(desk.deskId, '2026-11', 43, 2, v1);
    expect((await post(v2)).json()).toMatchObject({ status: 'stored', version: 2 });
    const late = month(desk.deskId, '2026-11', 40, 1);
    // v1 again after v2 (a retry that arrives late): superseded, and v2 stays.
    expect((await post({ ...late, version: 1 })).json()).toMatchObject({ status: 'duplicate' });
    const stored = await hub.opened.db.selectFrom('snapshots').selectAll().executeTakeFirstOrThrow();
    expect(Number(stored.version)).toBe(2);
    expect(Snapshot.parse(JSON.parse(stored.body)).totals.sessions).toBe(43);
  });

  it('refuses a snapshot that breaks the disclosure rule (422) and stores nothing', async () => {
    hub = await startTestHub(dialect);
    const desk = await enrolledDesk(hub);
    const ok = month(desk.deskId, '2026-11', 7);
    const leaked = structuredClone(ok);
    // Release the small cells the rule held back.
    leaked.population.gender.cells = { feminin: { n: 4 }, masculin: { n: 3 }, non_communique: { n: 0 } };
    const res = await hub.app.inject({ method: 'POST', url: '/v1/snapshots', headers: desk.auth, payload: leaked });
    expect(res.statusCode).toBe(422);
    expect(res.json().violations.map((v: { code: string }) => v.code)).toContain('released_below_k');
    expect(await storedCount(hub)).toBe(0);
    // A later version that releases what an earlier one suppressed is refused too.
    await hub.app.inject({ method: 'POST', url: '/v1/snapshots', headers: desk.auth, payload: ok });
    const grown = month(desk.deskId, '2026-11', 30, 2);
    const res2 = await hub.app.inject({ method: 'POST', url: '/v1/snapshots', headers: desk.auth, payload: grown });
    expect(res2.statusCode).toBe(422);
    expect(res2.json().violations.map((v: { code: string }) => v.code)).toContain('earlier_suppression_released');
  });

  it('refuses no credential, a wrong role, a revoked or rotated credential, another desk’s snapshot, malformed and oversized bodies', async () => {
    hub = await startTestHub(dialect);
    const desk = await enrolledDesk(hub);
    const other = await enrolledDesk(hub, '01', 'France Services Bourg');
    const body = month(desk.deskId, '2026-11', 20);
    const post = (headers: Record<string, string>, payload: unknown) =>
      hub.app.inject({ method: 'POST', url: '/v1/snapshots', headers, payload: payload as object });
    expect((await post({}, body)).statusCode).toBe(401);
    expect((await post({ authorization: 'Bearer mdn_desk_forged-credential-000000' }, body)).statusCode).toBe(401);
    expect((await post(other.auth, body)).statusCode).toBe(403);
    const scope = await hub.admin.createScope({ name: 'Rhône', kind: 'departement', codes: ['69'] });
    const coord = await hub.admin.createCoordinator({ scopeId: scope.id, name: 'Coordination Rhône' });
    expect((await post({ authorization: `Bearer ${coord.credential}` }, body)).statusCode).toBe(403);
    expect((await post(desk.auth, { ...body, note: 'Mme Martin, 06 12 34 56 78' })).statusCode).toBe(400);
    expect((await post(desk.auth, { ...body, period: { granularity: 'month', key: '2026-11-03' } })).statusCode).toBe(
      400,
    );
    const huge = await hub.app.inject({
      method: 'POST',
      url: '/v1/snapshots',
      headers: { ...desk.auth, 'content-type': 'application/json' },
      payload: `{"pad":"${'x'.repeat(300 * 1024)}"}`,
    });
    expect(huge.statusCode).toBe(413);
    const notJson = await hub.app.inject({
      method: 'POST',
      url: '/v1/snapshots',
      headers: { ...desk.auth, 'content-type': 'application/json' },
      payload: '{"format":1,',
    });
    expect(notJson.statusCode).toBe(400);
    expect(await storedCount(hub)).toBe(0);

    await hub.admin.revokeDesk(desk.deskId);
    expect((await post(desk.auth, body)).statusCode).toBe(401);
    const { credential } = await hub.admin.rotateDesk(other.deskId);
    expect((await post(other.auth, month(other.deskId, '2026-11', 20))).statusCode).toBe(401);
    expect((await post({ authorization: `Bearer ${credential}` }, month(other.deskId, '2026-11', 20))).statusCode).toBe(
      200,
    );
    expect(await storedCount(hub)).toBe(1);
  });

  it('a coordinator sees the sites of its scope, each and in total, and never another scope’s', async () => {
    hub = await startTestHub(dialect);
    const lyon = await enrolledDesk(hub, '69', 'France Services Lyon 3e');
    const vaulx = await enrolledDesk(hub, '69', 'Médiathèque de Vaulx-en-Velin');
    const bourg = await enrolledDesk(hub, '01', 'France Services Bourg-en-Bresse');
    for (const [d, n] of [
      [lyon, 40],
      [vaulx, 12],
      [bourg, 25],
    ] as const) {
      for (const period of ['2026-10', '2026-11'])
        await hub.app.inject({
          method: 'POST',
          url: '/v1/snapshots',
          headers: d.auth,
          payload: month(d.deskId, period, n),
        });
    }
    const rhone = await hub.admin.createScope({ name: 'Rhône', kind: 'departement', codes: ['69'] });
    const coord = await hub.admin.createCoordinator({ scopeId: rhone.id, name: 'Coordination Rhône' });
    const res = await hub.app.inject({
      method: 'GET',
      url: '/v1/coordinator/summary?from=2026-10&to=2026-11',
      headers: { authorization: `Bearer ${coord.credential}` },
    });
    expect(res.statusCode).toBe(200);
    const summary = res.json();
    expect(summary.sites.map((s: { name: string }) => s.name)).toEqual([
      'France Services Lyon 3e',
      'Médiathèque de Vaulx-en-Velin',
    ]);
    expect(summary.total.totals.sessions).toBe(2 * (40 + 12));
    expect(summary.total.activity.operators.caf).toBe(2 * (40 + 12));
    expect(summary.sites[1].totals).toMatchObject({ sessions: 24, snapshots: 2 });
    const detail = await hub.app.inject({
      method: 'GET',
      url: `/v1/coordinator/sites/${vaulx.site.id}?from=2026-10&to=2026-11`,
      headers: { authorization: `Bearer ${coord.credential}` },
    });
    expect(detail.json()).toMatchObject({
      snapshots: 2,
      totals: { sessions: 24 },
      activity: { operators: { caf: 24 } },
    });
    const elsewhere = await hub.app.inject({
      method: 'GET',
      url: `/v1/coordinator/sites/${bourg.site.id}?from=2026-10&to=2026-11`,
      headers: { authorization: `Bearer ${coord.credential}` },
    });
    expect(elsewhere.statusCode).toBe(404);
    // The per-département running sums agree with a recomputation from the stored snapshots, after a correction too.
    const v2 = month(lyon.deskId, '2026-11', 44, 2, month(lyon.deskId, '2026-11', 40));
    await hub.app.inject({ method: 'POST', url: '/v1/snapshots', headers: lyon.auth, payload: v2 });
    const national = await hub.admin.createScope({ name: 'France', kind: 'national', codes: ['FR'] });
    const nationalCoord = await hub.admin.createCoordinator({ scopeId: national.id, name: 'ANCT' });
    const all = (
      await hub.app.inject({
        method: 'GET',
        url: '/v1/coordinator/summary?from=2026-10&to=2026-11',
        headers: { authorization: `Bearer ${nationalCoord.credential}` },
      })
    ).json();
    const stored = await hub.opened.db.selectFrom('snapshots').select('body').execute();
    expect(all.total).toEqual(consolidate(stored.map((r) => JSON.parse(r.body))));
    expect(all.total.totals.sessions).toBe(2 * (40 + 12 + 25) + 4);
    expect(all.sites).toHaveLength(3);
    expect(JSON.stringify(summary)).not.toContain(bourg.site.id);
    const onlyNov = await hub.app.inject({
      method: 'GET',
      url: '/v1/coordinator/summary?from=2026-11&to=2026-11',
      headers: { authorization: `Bearer ${coord.credential}` },
    });
    expect(onlyNov.json().total.totals.sessions).toBe(44 + 12);
    expect(
      (
        await hub.app.inject({
          method: 'GET',
          url: '/v1/coordinator/summary?from=2026-10&to=2026-11',
          headers: lyon.auth,
        })
      ).statusCode,
    ).toBe(403);
    await hub.admin.revokeCoordinator(coord.id);
    expect(
      (
        await hub.app.inject({
          method: 'GET',
          url: '/v1/coordinator/summary?from=2026-10&to=2026-11',
          headers: { authorization: `Bearer ${coord.credential}` },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('publishes signed packs; refuses tampered, foreign and rolled-back ones, and non-publishers; desks download', async () => {
    hub = await startTestHub(dialect, { trustedKeys: { 'reseau-69': PUBLIC_PEM } });
    const desk = await enrolledDesk(hub);
    const scope = await hub.admin.createScope({ name: 'Rhône', kind: 'departement', codes: ['69'] });
    const publisherCoord = await hub.admin.createCoordinator({ scopeId: scope.id, name: 'Réseau', canPublish: true });
    const plainCoord = await hub.admin.createCoordinator({ scopeId: scope.id, name: 'Coordination' });
    const publish = (credential: string, body: unknown) =>
      hub.app.inject({
        method: 'POST',
        url: '/v1/packs',
        headers: { authorization: `Bearer ${credential}` },
        payload: body as object,
      });
    expect((await publish(plainCoord.credential, pack(1))).statusCode).toBe(403);
    expect((await publish(publisherCoord.credential, pack(2))).json()).toMatchObject({ channel: 'guides', version: 2 });
    expect((await publish(publisherCoord.credential, pack(2))).statusCode).toBe(409);
    expect((await publish(publisherCoord.credential, pack(1))).statusCode).toBe(409);
    const tampered = pack(3);
    tampered.files['guides/caf-apl.json'] = Buffer.from('{"id":"evil"}').toString('base64');
    expect((await publish(publisherCoord.credential, tampered)).statusCode).toBe(422);
    expect((await publish(publisherCoord.credential, pack(3, stranger))).statusCode).toBe(422);
    expect((await publish(publisherCoord.credential, pack(3, stranger, 'pirate'))).statusCode).toBe(422);
    const latest = await hub.app.inject({ method: 'GET', url: '/v1/packs/guides/latest', headers: desk.auth });
    expect(latest.statusCode).toBe(200);
    expect(JSON.parse(latest.json().manifest).version).toBe(2);
    expect((await hub.app.inject({ method: 'GET', url: '/v1/packs/guides/latest' })).statusCode).toBe(401);
    expect((await hub.app.inject({ method: 'GET', url: '/v1/packs/diagnostic', headers: desk.auth })).statusCode).toBe(
      404,
    );
  });

  it('publishes closed periods as open data, never a population figure below k, with its Table Schema', async () => {
    hub = await startTestHub(dialect);
    const a = await enrolledDesk(hub, '69', 'A');
    const b = await enrolledDesk(hub, '69', 'B');
    await hub.app.inject({
      method: 'POST',
      url: '/v1/snapshots',
      headers: a.auth,
      payload: month(a.deskId, '2026-11', 40),
    });
    await hub.app.inject({
      method: 'POST',
      url: '/v1/snapshots',
      headers: b.auth,
      payload: month(b.deskId, '2026-11', 7),
    });
    await hub.app.inject({
      method: 'POST',
      url: '/v1/snapshots',
      headers: b.auth,
      payload: month(b.deskId, '2026-12', 9),
    });
    const index = (await hub.app.inject({ method: 'GET', url: '/v1/open-data' })).json();
    // December 2026 has not ended on the hub's clock: not published.
    expect(index.periods).toEqual([{ period: '2026-11', csv: '/v1/open-data/2026-11.csv' }]);
    const csv = await hub.app.inject({ method: 'GET', url: '/v1/open-data/2026-11.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('periode,departement,tableau,cle,valeur,sites');
    expect(lines).toContain('2026-11,69,totaux,sessions,47,2');
    expect(lines).toContain('2026-11,69,operators,caf,47,2');
    // Site B held back its small gender cells: the consolidated gender cells are not published.
    expect(lines.some((l) => l.includes(',gender,'))).toBe(false);
    for (const line of lines.slice(1)) {
      const [, , table, , value] = line.split(',');
      if (['age', 'gender', 'status', 'firstVisit', 'area'].includes(table!))
        expect(Number(value)).toBeGreaterThanOrEqual(5);
    }
    expect((await hub.app.inject({ method: 'GET', url: '/v1/open-data/2026-12.csv' })).statusCode).toBe(404);
    const schema = (await hub.app.inject({ method: 'GET', url: '/v1/open-data/schema.json' })).json();
    expect(schema.fields.map((f: { name: string }) => f.name)).toEqual([
      'periode',
      'departement',
      'tableau',
      'cle',
      'valeur',
      'sites',
    ]);
  });

  it('describes itself in OpenAPI and answers JSON errors, with rate limits', async () => {
    hub = await startTestHub(dialect, { rateLimitPerMinute: 5 });
    const doc = (await hub.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/enroll', '/v1/snapshots', '/v1/coordinator/summary', '/v1/packs', '/v1/open-data']),
    );
    const missing = await hub.app.inject({ method: 'GET', url: '/v1/nothing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not_found' });
    let last = 0;
    for (let i = 0; i < 8; i++) last = (await hub.app.inject({ method: 'GET', url: '/v1/health' })).statusCode;
    expect(last).toBe(429);
  });
});
