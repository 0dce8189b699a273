import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import { PEERS_FRESH_MS } from '../../main/core/sync/sync-service';
import type { HubTransportFactory } from '../../main/core/sync/http-transport';
import { BAKERY } from '../../shared/diagnostic/contract.examples';
import type { PeerBenchmarks } from '../../shared/sync/api';
import { buildSnapshot, type RawDiagnosis } from '../../shared/sync/disclosure';
import { enrolledDesk, rawMonth, startTestHub, type TestHub } from '../hub/fixtures';
import {
  call,
  individual,
  LYON_SITE,
  openCore,
  removeTempDirs,
  sequentialIds,
  testClock,
  type TestClock,
} from './helpers';

// Peer benchmarks on the desk: diagnoses closed in a period go to the hub in the snapshot's diagnostics section (the
// rule keeps groups of 10 or more), and the results screen's method brings back the hub's means, keeping the last
// figures for when the hub cannot be reached.

const cores: Core[] = [];
let hub: TestHub | null = null;
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  await hub?.close();
  hub = null;
  removeTempDirs();
});

/** A finished diagnosis of the bakery (or another business) with a few answers that vary its scores. */
async function diagnosis(core: Core, level: number, business = BAKERY) {
  const d = await call(core, 'diagnostic.start', { mode: 'autonome', previousId: null });
  await call(core, 'diagnostic.describe', { id: d.id, business });
  await call(core, 'diagnostic.answer', {
    id: d.id,
    answers: { d4_sauvegarde: level % 2, d5_ia_generative: level % 6, d1_ventes: level % 3 },
  });
  await call(core, 'diagnostic.finish', { id: d.id });
  return d.id;
}

describe('peer benchmarks through a real hub', () => {
  it('sends the desk’s closed diagnoses as one group (no name, no SIREN) and brings back exact peer means', async () => {
    hub = await startTestHub('sqlite');
    const h = hub;
    const injected: HubTransportFactory = () => ({
      async enroll(request) {
        const res = await h.app.inject({ method: 'POST', url: '/v1/enroll', payload: request });
        return { status: res.statusCode, body: res.json() };
      },
      async send(snapshot, credential) {
        const res = await h.app.inject({
          method: 'POST',
          url: '/v1/snapshots',
          headers: { authorization: `Bearer ${credential}` },
          payload: snapshot,
        });
        return { status: res.statusCode, body: res.json() };
      },
      async peers(query, credential) {
        const res = await h.app.inject({
          method: 'GET',
          url: `/v1/peers?naf=${query.naf}&size=${query.size}&departement=${query.departement}`,
          headers: { authorization: `Bearer ${credential}` },
        });
        return { status: res.statusCode, body: res.json() };
      },
    });
    const clock = testClock('2026-11-10T09:00:00.000Z');
    const core = openCore({ clock, syncTransport: injected, newId: sequentialIds() });
    cores.push(core);
    await call(core, 'site.save', LYON_SITE);
    const site = await hub.admin.createSite({ name: 'France Services Lyon 3e', departement: '69' });
    const { code } = await hub.admin.issueEnrollmentCode({ siteId: site.id });
    await call(core, 'sync.enroll', { hubUrl: 'https://hub.example.fr/', code });
    // The journal's first session starts the desk's periods.
    await call(core, 'journal.create', individual({ date: '2026-11-10' }));

    // Eleven bakeries of the Rhône diagnosed in November, and one business of the Ain (a group of one: never sent).
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) {
      ids.push(await diagnosis(core, i));
      clock.advance(3_600_000);
    }
    await diagnosis(core, 2, { ...BAKERY, departement: '01', name: 'Fournil de Bourg' });
    // Before the desk has sent anything, the hub has nothing comparable.
    expect(await call(core, 'diagnostic.peers', { id: ids[0]! })).toMatchObject({
      state: 'fresh',
      benchmarks: { national: null, departemental: null },
    });

    clock.set('2026-12-09T10:00:00.000Z');
    expect(await core.sync.run()).toMatchObject({ state: 'done', sent: 1 });
    const [item] = (await call(core, 'sync.status', {})).queue;
    const { snapshot } = await call(core, 'sync.preview', { key: item!.key });
    const scores = await Promise.all(ids.map((id) => call(core, 'diagnostic.results', { id })));
    const overallSum = scores.reduce((sum, r) => sum + r.results.overall.score!, 0);
    expect(snapshot.diagnostics).toEqual({
      format: 1,
      groups: [
        expect.objectContaining({
          nafSection: 'C',
          sizeBand: '1-9',
          departement: '69',
          diagnoses: 11,
          overall: { n: 11, sum: overallSum },
        }),
      ],
    });
    expect(JSON.stringify(snapshot)).not.toMatch(/Boulangerie|Fournil|732829320|10\.71C|2026-11-\d/);

    // Two other desks' bakeries of the Rhône, sent the same way, make the group releasable (3 desks, 31 diagnoses).
    const others: RawDiagnosis[] = Array.from({ length: 10 }, () => ({
      nafSection: 'C',
      sizeBand: '1-9',
      departement: '69',
      overall: 50,
      dimensions: {},
    }));
    for (const name of ['Médiathèque de Vaulx-en-Velin', 'France Services Villeurbanne']) {
      const desk = await enrolledDesk(hub, '69', name);
      const s = buildSnapshot({ ...rawMonth(desk.deskId, '2026-10', 20), diagnostics: others }, 5).snapshot;
      const res = await hub.app.inject({ method: 'POST', url: '/v1/snapshots', headers: desk.auth, payload: s });
      expect(res.statusCode).toBe(200);
    }
    clock.advance(PEERS_FRESH_MS + 1);
    const peers = await call(core, 'diagnostic.peers', { id: ids[0]! });
    expect(peers.state).toBe('fresh');
    expect(peers.fetchedAt).toBe(clock.now().toISOString());
    const expected = Math.round(((overallSum + 20 * 50) / 31) * 10) / 10;
    expect(peers.benchmarks).toMatchObject({
      nafSection: 'C',
      sizeBand: '1-9',
      departement: '69',
      national: { diagnoses: 31, desks: 3, overall: expected },
      departemental: { diagnoses: 31, desks: 3, overall: expected },
    });
  });
});

describe('peer benchmarks offline (a fake transport)', () => {
  const BENCHMARKS: PeerBenchmarks = {
    nafSection: 'C',
    sizeBand: '1-9',
    departement: '69',
    from: '2025-12',
    to: '2026-11',
    computedAt: '2026-12-07T08:00:00.000Z',
    thresholds: { diagnoses: 10, desks: 3 },
    national: {
      diagnoses: 120,
      desks: 9,
      overall: 47.5,
      dimensions: [{ id: 'strategie', mean: 41.2, diagnoses: 118 }],
    },
    departemental: null,
  };
  let mode: 'ok' | 'down' | 'error' | 'garbage' = 'ok';
  let asked: string[] = [];
  const fake: HubTransportFactory = () => ({
    async enroll() {
      return {
        status: 200,
        body: {
          deskId: '6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5',
          credential: 'desk_0123456789abcdefghij',
          site: { id: '7a1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5', name: 'France Services Lyon 3e', departement: '69' },
          disclosure: { k: 5, granularity: 'month' },
        },
      };
    },
    async send() {
      throw new Error('not used here');
    },
    async peers(query, credential) {
      asked.push(`${query.naf}|${query.size}|${query.departement}|${credential}`);
      if (mode === 'down') throw new Error('ECONNREFUSED');
      if (mode === 'error') return { status: 503, body: null };
      if (mode === 'garbage') return { status: 200, body: { page: '<html>proxy</html>' } };
      return { status: 200, body: BENCHMARKS };
    },
  });

  function desk(clock: TestClock) {
    const core = openCore({ clock, syncTransport: fake, newId: sequentialIds() });
    cores.push(core);
    return core;
  }

  it('says the comparison needs a hub when the desk is not enrolled', async () => {
    const core = desk(testClock('2026-12-07T09:00:00.000Z'));
    const id = await diagnosis(core, 1);
    expect(await call(core, 'diagnostic.peers', { id })).toEqual({
      state: 'not_enrolled',
      fetchedAt: null,
      benchmarks: null,
    });
  });

  it('fetches once, reuses the figures for a while, then shows the last ones with their date when offline', async () => {
    mode = 'down';
    asked = [];
    const clock = testClock('2026-12-07T09:00:00.000Z');
    const core = desk(clock);
    await call(core, 'sync.enroll', { hubUrl: 'https://hub.example.fr', code: 'ABCD-EFGH-IJKL' });
    const id = await diagnosis(core, 1);
    // Offline and nothing fetched yet.
    expect(await call(core, 'diagnostic.peers', { id })).toEqual({
      state: 'unavailable',
      fetchedAt: null,
      benchmarks: null,
    });
    // The question carries the business's group only, with the desk's credential.
    expect(asked).toEqual(['C|1-9|69|desk_0123456789abcdefghij']);
    mode = 'ok';
    const fresh = await call(core, 'diagnostic.peers', { id });
    expect(fresh).toEqual({ state: 'fresh', fetchedAt: '2026-12-07T09:00:00.000Z', benchmarks: BENCHMARKS });
    clock.advance(PEERS_FRESH_MS - 1000);
    expect((await call(core, 'diagnostic.peers', { id })).state).toBe('fresh');
    expect(asked).toHaveLength(2);
    clock.advance(2000);
    mode = 'down';
    expect(await call(core, 'diagnostic.peers', { id })).toEqual({
      state: 'cached',
      fetchedAt: '2026-12-07T09:00:00.000Z',
      benchmarks: BENCHMARKS,
    });
    mode = 'error';
    expect((await call(core, 'diagnostic.peers', { id })).state).toBe('cached');
    // A 200 that is not the hub's answer (a proxy's page) is never taken for figures.
    mode = 'garbage';
    expect(await call(core, 'diagnostic.peers', { id })).toMatchObject({ state: 'cached', benchmarks: BENCHMARKS });
    expect(asked).toHaveLength(5);
  });
});
