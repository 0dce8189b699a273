import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EnvHttpProxyAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/sync/snapshot';
import { CREDENTIAL_FILE, SIGNING_KEY_FILE } from '../../main/core/sync/credential-store';
import {
  canonical,
  publicKeyOf,
  SignedSnapshotFile,
  SnapshotFileContent,
  verifySnapshotFileSignature,
} from '../../shared/sync/snapshot-file';
import { createHttpTransport, proxyFromEnv, type HubTransportFactory } from '../../main/core/sync/http-transport';
import { parseHubUrl } from '../../main/core/sync/hub-url';
import { closedPeriods, isoWeekKey, periodOfKey } from '../../main/core/sync/periods';
import { startTestHub, type TestHub } from '../hub/fixtures';
import { call, callResult, individual, LYON_SITE, openCore, removeTempDirs, testClock } from './helpers';

// The desk's sync against a real hub started in this process (buildHub on a fresh SQLite database), reached through
// app.inject: enrollment, closing, preview, upload, receipts, quarantine, retry after the hub was down.

let hub: TestHub;
let down = false;
const injected: HubTransportFactory = () => ({
  async enroll(request) {
    if (down) throw new Error('ECONNREFUSED');
    const res = await hub.app.inject({ method: 'POST', url: '/v1/enroll', payload: request });
    return { status: res.statusCode, body: res.json() };
  },
  async send(snapshot, credential) {
    if (down) throw new Error('ECONNREFUSED');
    const res = await hub.app.inject({
      method: 'POST',
      url: '/v1/snapshots',
      headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
      payload: JSON.stringify(snapshot),
    });
    return { status: res.statusCode, body: res.json() };
  },
});

beforeEach(async () => {
  down = false;
  hub = await startTestHub('sqlite');
});
afterEach(async () => {
  await hub.close();
  removeTempDirs();
});

async function deskWithNovember(people = 12) {
  const clock = testClock('2026-11-20T10:00:00.000Z');
  const core = openCore({ clock, syncTransport: injected });
  await call(core, 'site.save', LYON_SITE);
  for (let i = 0; i < people; i++)
    await call(
      core,
      'journal.create',
      individual({
        date: `2026-11-${String(1 + (i % 19)).padStart(2, '0')}`,
        person: { communeCode: '69123', gender: i % 2 ? 'feminin' : 'masculin', firstVisit: i < 3 },
      }),
    );
  // One person from a small commune (its EPCI is sent instead) and one who is 72.
  await call(core, 'journal.create', individual({ date: '2026-11-04', person: { communeCode: '01001' } }));
  await call(core, 'journal.create', individual({ date: '2026-11-05', person: { ageBracket: 'soixante_dix_plus' } }));
  return { core, clock };
}

async function enroll(core: Awaited<ReturnType<typeof deskWithNovember>>['core']) {
  const site = await hub.admin.createSite({ name: 'France Services Lyon 3e', departement: '69' });
  const { code } = await hub.admin.issueEnrollmentCode({ siteId: site.id });
  return call(core, 'sync.enroll', { hubUrl: 'https://hub.example.fr/', code });
}

describe('desk sync against an in-process hub', () => {
  it('enrolls with a code: the credential goes to the store (a 0600 file here), never to the database', async () => {
    const { core } = await deskWithNovember();
    const status = await enroll(core);
    expect(status.enrollment).toMatchObject({ hubUrl: 'https://hub.example.fr', siteName: 'France Services Lyon 3e' });
    expect(status.enrollment!.k).toBe(5);
    const file = join(core.dataDir, CREDENTIAL_FILE);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const dump = JSON.stringify(core.db.prepare('SELECT * FROM sync_state').all());
    expect(dump).not.toContain('Bearer');
    // A used code is refused with a field error, and the desk stays as it was.
    const again = await callResult(core, 'sync.enroll', { hubUrl: 'https://hub.example.fr', code: 'AAAAAAAAAAAA' });
    expect(again.ok).toBe(false);
    await core.close();
  });

  it('refuses a code the hub does not know, and plain HTTP outside this machine', async () => {
    const { core } = await deskWithNovember(0);
    const wrong = await callResult(core, 'sync.enroll', { hubUrl: 'https://hub.example.fr', code: 'ZZZZZZZZZZZZ' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ message: 'sync.codeRefused' }] },
    });
    const http = await callResult(core, 'sync.enroll', { hubUrl: 'http://hub.example.fr', code: 'ZZZZZZZZZZZZ' });
    expect(http).toMatchObject({ ok: false, error: { issues: [{ path: 'hubUrl', message: 'sync.hubUrlNotHttps' }] } });
    expect((await call(core, 'sync.status', {})).enrollment).toBeNull();
    await core.close();
  });

  it('closes November after the grace period, previews it, sends it and logs the receipt', async () => {
    const { core, clock } = await deskWithNovember();
    await enroll(core);
    clock.set('2026-12-05T10:00:00.000Z');
    expect((await call(core, 'sync.closePeriods', {})).closed).toEqual([]); // within the 7 days of grace
    clock.set('2026-12-09T10:00:00.000Z');
    expect((await call(core, 'sync.closePeriods', {})).closed).toEqual(['2026-11']);
    const [item] = (await call(core, 'sync.status', {})).queue;
    expect(item).toMatchObject({ period: '2026-11', version: 1, state: 'pending' });

    const preview = await call(core, 'sync.preview', { key: item!.key });
    const s: Snapshot = preview.snapshot;
    expect(s.totals.individualSessions).toBe(14);
    expect(s.population.area.cells['69123']).toEqual({ n: 12 });
    // 01001 (L'Abergement-Clémenciat, under 5,000 inhabitants) is sent as its EPCI, held back as below k.
    expect(Object.keys(s.population.area.cells)).not.toContain('01001');
    expect(preview.suppressions).toContainEqual({ dimension: 'age', key: 'soixante_dix_plus', reason: 'below_k' });
    expect(JSON.stringify(s)).not.toMatch(/RSA|Lyon|2026-11-0/);

    const result = await core.sync.run();
    expect(result).toEqual({ state: 'done', sent: 1, quarantined: 0, reason: null });
    const status = await call(core, 'sync.status', {});
    expect(status.queue[0]!.state).toBe('sent');
    expect(status.log).toEqual([
      expect.objectContaining({
        period: '2026-11',
        version: 1,
        hash: item!.hash,
        destination: 'https://hub.example.fr',
        outcome: 'stored',
      }),
    ]);
    expect(status.lastSuccessAt).toBe('2026-12-09T10:00:00.000Z');
    // The hub holds exactly that: its stored hash is the one the desk logged.
    const stored = await hub.opened.db.selectFrom('snapshots').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect((stored[0] as { hash: string }).hash).toBe(item!.hash);
    await core.close();
  });

  it('retries after the hub was down (backoff), then catches up without double counting', async () => {
    const { core, clock } = await deskWithNovember();
    await enroll(core);
    clock.set('2026-12-09T10:00:00.000Z');
    down = true;
    expect(await core.sync.run()).toEqual({ state: 'retry_later', sent: 0, quarantined: 0, reason: 'network' });
    let status = await call(core, 'sync.status', {});
    expect(status.lastError).toBe('network');
    expect(status.nextTryAt! > '2026-12-09T10:00:00.000Z').toBe(true);
    expect(core.sync.due()).toBe(false);
    expect(status.queue[0]!.state).toBe('pending');
    down = false;
    clock.set(status.nextTryAt!);
    expect(core.sync.due()).toBe(true);
    expect((await core.sync.run()).sent).toBe(1);
    // A replay of the same snapshot (a lost reply) is a duplicate at the hub, counted once.
    core.db.prepare("UPDATE sync_outbox SET state = 'pending'").run();
    expect((await core.sync.run()).sent).toBe(1);
    status = await call(core, 'sync.status', {});
    expect(status.log.map((l) => l.outcome)).toEqual(['duplicate', 'stored']);
    const stored = await hub.opened.db.selectFrom('snapshots').selectAll().execute();
    expect(stored).toHaveLength(1);
    await core.close();
  });

  it('a correction sends the next version; the hub keeps the latest only', async () => {
    const { core, clock } = await deskWithNovember();
    await enroll(core);
    clock.set('2026-12-09T10:00:00.000Z');
    await core.sync.run();
    const nothing = await callResult(core, 'sync.correct', { period: '2026-11' });
    expect(nothing).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'sync.nothingToCorrect' } });
    await call(core, 'journal.create', individual({ date: '2026-11-28', person: { communeCode: '69123' } }));
    expect(await call(core, 'sync.correct', { period: '2026-11' })).toMatchObject({ version: 2 });
    expect(await core.sync.run()).toMatchObject({ state: 'done', sent: 1 });
    const stored = (await hub.opened.db.selectFrom('snapshots').selectAll().execute()) as Array<{ version: number }>;
    expect(stored.map((r) => r.version)).toEqual([2]);
    await core.close();
  });

  it('quarantines a snapshot the hub refuses (revoked desk) instead of looping, and shows why', async () => {
    const { core, clock } = await deskWithNovember();
    const enrolled = await enroll(core);
    await hub.admin.revokeDesk(enrolled.enrollment!.deskId);
    clock.set('2026-12-09T10:00:00.000Z');
    expect(await core.sync.run()).toEqual({ state: 'done', sent: 0, quarantined: 1, reason: null });
    const item = (await call(core, 'sync.status', {})).queue[0]!;
    expect(item).toMatchObject({ state: 'quarantined', error: { status: 401, code: 'invalid_credential' } });
    expect(await core.sync.run()).toMatchObject({ sent: 0, quarantined: 0 });
    await call(core, 'sync.requeue', { key: item.key });
    expect((await call(core, 'sync.status', {})).queue[0]!.state).toBe('pending');
    await core.close();
  });
});

it('a desk without network exports its queued snapshots to a signed file the hub verifies and imports as they are', async () => {
  const { core, clock } = await deskWithNovember();
  const enrolled = await enroll(core);
  const deskId = enrolled.enrollment!.deskId;
  // The private key is kept like the credential (a 0600 file in browser mode); the hub holds the public half.
  const keyFile = join(core.dataDir, SIGNING_KEY_FILE);
  if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  const stored = await hub.opened.db
    .selectFrom('desks')
    .select('signing_key')
    .where('id', '=', deskId)
    .executeTakeFirstOrThrow();
  expect(stored.signing_key).toBe(publicKeyOf(readFileSync(keyFile, 'utf8')));

  clock.set('2026-12-09T10:00:00.000Z');
  const target = await call(core, 'files.pickSave', { purpose: 'snapshots', suggestedName: 'statistiques.json' });
  let view = await call(core, 'jobs.get', {
    id: (await call(core, 'sync.exportFile', { targetId: target!.targetId })).jobId,
  });
  while (view.state === 'running') view = await call(core, 'jobs.get', { id: view.id, afterVersion: view.version });
  expect(view).toMatchObject({ state: 'done', result: { snapshots: 1 } });
  const file = core.files.download(target!.targetId)!;
  if (process.platform !== 'win32') expect(statSync(file.path).mode & 0o777).toBe(0o600);
  const signed = SignedSnapshotFile.parse(JSON.parse(readFileSync(file.path, 'utf8')));
  expect(verifySnapshotFileSignature(signed, stored.signing_key!)).toBe(true);
  // The signature covers exactly the canonical bytes of the content: one changed byte and it no longer verifies.
  expect(
    verifySnapshotFileSignature(
      { ...signed, content: signed.content.replace('"version":1', '"version":2') },
      stored.signing_key!,
    ),
  ).toBe(false);
  const content = SnapshotFileContent.parse(JSON.parse(signed.content));
  expect(signed.content).toBe(canonical(content));
  expect(content).toMatchObject({ hub: 'https://hub.example.fr', deskId });
  const status = await call(core, 'sync.status', {});
  expect(content.snapshots.map((x) => x.hash)).toEqual([status.queue[0]!.hash]);
  expect(status.log[0]).toMatchObject({ destination: 'file', outcome: 'exported' });
  // Still queued: when the network comes back, the hub counts the same snapshot once.
  expect(status.queue[0]!.state).toBe('pending');

  // A coordinator of the desk's département imports it: stored, with the very hash the desk computed.
  const scope = await hub.admin.createScope({ name: 'Rhône', kind: 'departement', codes: ['69'] });
  const coordinator = await hub.admin.createCoordinator({ scopeId: scope.id, name: 'Coordination Rhône' });
  const res = await hub.app.inject({
    method: 'POST',
    url: '/v1/coordinator/snapshot-files',
    headers: { authorization: `Bearer ${coordinator.credential}`, 'content-type': 'application/json' },
    payload: readFileSync(file.path, 'utf8'),
  });
  expect(res.json()).toMatchObject({ deskId, receipts: [{ status: 'stored', hash: content.snapshots[0]!.hash }] });
  expect((await core.sync.run()).sent).toBe(1);
  expect((await call(core, 'sync.status', {})).log[0]).toMatchObject({ outcome: 'duplicate' });
  await core.close();
});

it('a desk enrolled before files were signed is told to enroll again instead of writing a file the hub refuses', async () => {
  const { core, clock } = await deskWithNovember();
  await enroll(core);
  rmSync(join(core.dataDir, SIGNING_KEY_FILE));
  clock.set('2026-12-09T10:00:00.000Z');
  const target = await call(core, 'files.pickSave', { purpose: 'snapshots', suggestedName: 'statistiques.json' });
  let view = await call(core, 'jobs.get', {
    id: (await call(core, 'sync.exportFile', { targetId: target!.targetId })).jobId,
  });
  while (view.state === 'running') view = await call(core, 'jobs.get', { id: view.id, afterVersion: view.version });
  expect(view).toMatchObject({ state: 'failed', error: { messageKey: 'sync.noSigningKey' } });
  expect(core.files.download(target!.targetId)).toBeFalsy();
  await core.close();
});

describe('sync: pure parts', () => {
  it('hub addresses: HTTPS, or HTTP on this machine only', () => {
    expect(parseHubUrl(' https://hub.example.fr/mediane/ ')).toBe('https://hub.example.fr/mediane');
    expect(parseHubUrl('http://127.0.0.1:4000')).toBe('http://127.0.0.1:4000');
    for (const bad of ['http://hub.example.fr', 'ftp://x', 'https://u:p@hub.fr', 'https://hub.fr/?a=1', 'hub'])
      expect(() => parseHubUrl(bad)).toThrow();
  });

  it('periods: months and ISO weeks close after the grace days', () => {
    expect(closedPeriods('month', '2026-10-15', '2026-12-08', 7).map((p) => p.period.key)).toEqual([
      '2026-10',
      '2026-11',
    ]);
    expect(closedPeriods('month', '2026-10-15', '2026-12-07', 7).map((p) => p.period.key)).toEqual(['2026-10']);
    expect(isoWeekKey('2021-01-03')).toBe('2020-W53');
    expect(isoWeekKey('2026-12-07')).toBe('2026-W50');
    expect(periodOfKey('2026-W50')).toMatchObject({ from: '2026-12-07', to: '2026-12-13' });
    expect(periodOfKey('2024-02')).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('reads the proxy from the environment and sends through it (NO_PROXY bypasses it)', async () => {
    expect(proxyFromEnv({ HTTPS_PROXY: 'http://proxy.local:3128' })).toBe('http://proxy.local:3128');
    expect(proxyFromEnv({ https_proxy: 'http://p:1' })).toBe('http://p:1');
    expect(proxyFromEnv({})).toBeNull();

    const target: Server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ error: 'invalid_request', seen: req.url }));
    });
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    let proxied = 0;
    // A forward proxy as administrations run them: CONNECT opens a tunnel to the hub (undici tunnels every request).
    const proxy: Server = createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
      proxied++;
      const [host, port] = req.url!.split(':');
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const hubUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const via = createHttpTransport(hubUrl, new EnvHttpProxyAgent({ httpProxy: proxyUrl, httpsProxy: proxyUrl }));
      expect(await via.enroll({ code: 'ABCDEFGHIJ' })).toEqual({
        status: 200,
        body: { error: 'invalid_request', seen: '/v1/enroll' },
      });
      expect(proxied).toBe(1);
      const bypass = createHttpTransport(
        hubUrl,
        new EnvHttpProxyAgent({ httpProxy: proxyUrl, httpsProxy: proxyUrl, noProxy: '127.0.0.1' }),
      );
      expect((await bypass.enroll({ code: 'ABCDEFGHIJ' })).status).toBe(200);
      expect(proxied).toBe(1);
    } finally {
      target.close();
      proxy.close();
    }
  });
});
