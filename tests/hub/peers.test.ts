import { afterEach, describe, expect, it } from 'vitest';
import { buildSnapshot, type RawDiagnosis } from '../../shared/sync/disclosure';
import { PeerBenchmarks } from '../../shared/sync/api';
import type { Snapshot } from '../../shared/sync/snapshot';
import { closedWindow, PEERS_MEMO_MS } from '../../hub/peers';
import { DIALECTS, enrolledDesk, rawMonth, startTestHub, type TestHub } from './fixtures';

// Peer benchmarks for diagnostics through the hub: exact means over several desks, never a small group, never a
// replay counted twice, and only for enrolled desks. The same suite on SQLite and PostgreSQL. The hub's clock is
// 2026-12-07: the last 12 closed months are 2025-12 to 2026-11.

type Desk = Awaited<ReturnType<typeof enrolledDesk>>;

/** `count` diagnoses of one group with the given overall and per-dimension scores (the same for each, for exact sums). */
const group = (
  count: number,
  scores: { overall: number; strategie: number; cyber: number | null },
  at: Partial<Pick<RawDiagnosis, 'nafSection' | 'sizeBand' | 'departement'>> = {},
): RawDiagnosis[] =>
  Array.from({ length: count }, () => ({
    nafSection: 'G',
    sizeBand: '1-9',
    departement: '69',
    ...at,
    overall: scores.overall,
    dimensions: { strategie: scores.strategie, cyber: scores.cyber },
  }));

function snapshotWith(desk: Desk, period: string, diagnoses: RawDiagnosis[], version = 1, previous?: Snapshot) {
  return buildSnapshot({ ...rawMonth(desk.deskId, period, 20, version), diagnostics: diagnoses }, 5, previous).snapshot;
}

describe.each(DIALECTS)('peer benchmarks on %s', (dialect) => {
  let hub: TestHub;
  afterEach(async () => hub?.close());

  const upload = async (desk: Desk, snapshot: Snapshot) => {
    const res = await hub.app.inject({ method: 'POST', url: '/v1/snapshots', headers: desk.auth, payload: snapshot });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { status: string };
  };
  const ask = async (desk: Desk, query = 'naf=G&size=1-9&departement=69') => {
    const res = await hub.app.inject({ method: 'GET', url: `/v1/peers?${query}`, headers: desk.auth });
    expect(res.statusCode, res.body).toBe(200);
    return PeerBenchmarks.parse(res.json());
  };

  it('computes exact national and département means from several desks, per dimension and overall', async () => {
    hub = await startTestHub(dialect);
    const lyon = await enrolledDesk(hub, '69', 'France Services Lyon 3e');
    const vaulx = await enrolledDesk(hub, '69', 'Médiathèque de Vaulx-en-Velin');
    const villeurbanne = await enrolledDesk(hub, '69', 'France Services Villeurbanne');
    const bourg = await enrolledDesk(hub, '01', 'France Services Bourg-en-Bresse');
    const ambérieu = await enrolledDesk(hub, '01', 'Médiathèque d’Ambérieu');
    const oyonnax = await enrolledDesk(hub, '01', 'France Services Oyonnax');
    await upload(lyon, snapshotWith(lyon, '2026-10', group(10, { overall: 40, strategie: 30, cyber: 50 })));
    await upload(lyon, snapshotWith(lyon, '2026-11', group(12, { overall: 60, strategie: 50, cyber: null })));
    await upload(vaulx, snapshotWith(vaulx, '2026-11', group(11, { overall: 50, strategie: 70, cyber: 20 })));
    await upload(
      villeurbanne,
      snapshotWith(villeurbanne, '2026-06', group(10, { overall: 70, strategie: 60, cyber: 80 })),
    );
    // Businesses of the Ain, diagnosed at three desks of the Ain (one of them also saw a business of the Rhône group).
    for (const [desk, overall] of [
      [bourg, 20],
      [ambérieu, 30],
      [oyonnax, 35],
    ] as const)
      await upload(
        desk,
        snapshotWith(desk, '2026-09', group(10, { overall, strategie: 10, cyber: 40 }, { departement: '01' })),
      );
    // Another group (another size band) never mixes in.
    await upload(
      bourg,
      snapshotWith(bourg, '2026-08', group(10, { overall: 99, strategie: 99, cyber: 99 }, { sizeBand: '0' })),
    );

    const answer = await ask(lyon);
    expect(answer).toMatchObject({
      nafSection: 'G',
      sizeBand: '1-9',
      departement: '69',
      from: '2025-12',
      to: '2026-11',
    });
    // Rhône: 43 diagnoses from 3 desks. Overall (10×40 + 12×60 + 11×50 + 10×70) / 43 = 2370 / 43 = 55.1.
    expect(answer.departemental).toEqual({
      diagnoses: 43,
      desks: 3,
      overall: 55.1,
      dimensions: [
        // cyber: (10×50 + 11×20 + 10×80) / 31 = 1520 / 31 = 49.0 (Lyon's November diagnoses had none)
        { id: 'cyber', mean: 49, diagnoses: 31 },
        // strategie: (300 + 600 + 770 + 600) / 43 = 2270 / 43 = 52.8
        { id: 'strategie', mean: 52.8, diagnoses: 43 },
      ],
    });
    // The country: 73 diagnoses from 6 desks. Overall (2370 + 200 + 300 + 350) / 73 = 3220 / 73 = 44.1.
    expect(answer.national).toEqual({
      diagnoses: 73,
      desks: 6,
      overall: 44.1,
      dimensions: [
        { id: 'cyber', mean: Math.round(((1520 + 1200) / 61) * 10) / 10, diagnoses: 61 },
        { id: 'strategie', mean: Math.round(((2270 + 300) / 73) * 10) / 10, diagnoses: 73 },
      ],
    });
    expect(answer.thresholds).toEqual({ diagnoses: 10, desks: 3 });
  });

  it('never releases a group from fewer than 3 desks, nor a snapshot carrying a group below 10 diagnoses', async () => {
    hub = await startTestHub(dialect);
    const lyon = await enrolledDesk(hub, '69', 'France Services Lyon 3e');
    const vaulx = await enrolledDesk(hub, '69', 'Médiathèque de Vaulx-en-Velin');
    // Two desks, 30 diagnoses: still "not enough comparable businesses yet" (either desk could read the other's).
    await upload(lyon, snapshotWith(lyon, '2026-10', group(15, { overall: 40, strategie: 30, cyber: 50 })));
    await upload(vaulx, snapshotWith(vaulx, '2026-11', group(15, { overall: 50, strategie: 70, cyber: 20 })));
    const answer = await ask(lyon);
    expect(answer.national).toBeNull();
    expect(answer.departemental).toBeNull();
    // A desk that tries to send a group of 9 (by hand, past its own rule) is refused and nothing is stored.
    const small = snapshotWith(vaulx, '2026-09', group(10, { overall: 50, strategie: 70, cyber: 20 }));
    small.diagnostics!.groups[0]!.diagnoses = 9;
    small.diagnostics!.groups[0]!.overall = { n: 9, sum: 450 };
    const refused = await hub.app.inject({ method: 'POST', url: '/v1/snapshots', headers: vaulx.auth, payload: small });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: 'disclosure_rule' });
    const rows = await hub.opened.db.selectFrom('peer_sums').selectAll().where('period_key', '=', '2026-09').execute();
    expect(rows).toHaveLength(0);
  });

  it('holds back the département figure when the rest of the country would then be readable', async () => {
    hub = await startTestHub(dialect);
    const desks: Desk[] = [];
    for (const name of ['A', 'B', 'C']) desks.push(await enrolledDesk(hub, '69', `France Services ${name}`));
    const ain = await enrolledDesk(hub, '01', 'France Services Bourg-en-Bresse');
    for (const d of desks)
      await upload(d, snapshotWith(d, '2026-10', group(10, { overall: 40, strategie: 30, cyber: 50 })));
    await upload(
      ain,
      snapshotWith(ain, '2026-10', group(10, { overall: 80, strategie: 80, cyber: 80 }, { departement: '01' })),
    );
    const answer = await ask(desks[0]!);
    // The country (4 desks) is released; the Rhône (3 desks) is not: country minus Rhône would be the Ain's one desk.
    expect(answer.national).toMatchObject({ diagnoses: 40, desks: 4, overall: 50 });
    expect(answer.departemental).toBeNull();
  });

  it('counts a period once: replays, duplicates and later versions replace, never add', async () => {
    hub = await startTestHub(dialect);
    const [a, b, c] = [
      await enrolledDesk(hub, '69', 'France Services A'),
      await enrolledDesk(hub, '69', 'France Services B'),
      await enrolledDesk(hub, '69', 'France Services C'),
    ];
    for (const d of [a, b])
      await upload(d, snapshotWith(d, '2026-10', group(10, { overall: 40, strategie: 40, cyber: 40 })));
    // C's first version had no diagnosis section (an older desk); its correction brings one; then it is replayed.
    const v1 = buildSnapshot(rawMonth(c.deskId, '2026-10', 20, 1), 5).snapshot;
    expect(v1.diagnostics).toBeUndefined();
    await upload(c, v1);
    const v2 = snapshotWith(c, '2026-10', group(10, { overall: 70, strategie: 70, cyber: 70 }), 2, v1);
    expect((await upload(c, v2)).status).toBe('stored');
    expect((await upload(c, v2)).status).toBe('duplicate');
    // A late retry of v1 after v2: superseded, and v2's groups stay.
    expect((await upload(c, v1)).status).toBe('duplicate');
    // v3 (another correction of the period's sessions) carries the same frozen section: still counted once.
    const v3 = buildSnapshot({ ...rawMonth(c.deskId, '2026-10', 25, 3), diagnostics: [] }, 5, v2).snapshot;
    expect(v3.diagnostics).toEqual(v2.diagnostics);
    expect((await upload(c, v3)).status).toBe('stored');
    const answer = await ask(a);
    expect(answer.national).toMatchObject({ diagnoses: 30, desks: 3, overall: 50 });
  });

  it('covers the last 12 closed periods only', async () => {
    hub = await startTestHub(dialect);
    const desks: Desk[] = [];
    for (const name of ['A', 'B', 'C']) desks.push(await enrolledDesk(hub, '69', `France Services ${name}`));
    for (const d of desks) {
      await upload(d, snapshotWith(d, '2025-11', group(10, { overall: 10, strategie: 10, cyber: 10 })));
      await upload(d, snapshotWith(d, '2025-12', group(10, { overall: 30, strategie: 30, cyber: 30 })));
    }
    expect((await ask(desks[0]!)).national).toMatchObject({ diagnoses: 30, overall: 30 });
    expect(closedWindow('month', new Date('2026-01-15T00:00:00Z'))).toEqual({ from: '2025-01', to: '2025-12' });
    expect(closedWindow('week', new Date('2026-12-07T00:00:00Z'))).toEqual({ from: '2026-W38', to: '2026-W49' });
  });

  it('keeps an answer a minute at most, and never past an upload of the same group to this hub', async () => {
    hub = await startTestHub(dialect);
    const desks: Desk[] = [];
    for (const name of ['A', 'B', 'C', 'D']) desks.push(await enrolledDesk(hub, '69', `France Services ${name}`));
    for (const d of desks.slice(0, 2))
      await upload(d, snapshotWith(d, '2026-10', group(10, { overall: 40, strategie: 40, cyber: 40 })));
    expect((await ask(desks[0]!)).national).toBeNull();
    // An upload here: the next answer is computed again at once.
    await upload(desks[2]!, snapshotWith(desks[2]!, '2026-10', group(10, { overall: 70, strategie: 70, cyber: 70 })));
    expect((await ask(desks[0]!)).national).toMatchObject({ diagnoses: 30, overall: 50 });
    // Rows written by another hub process on the same database: seen once the minute has passed.
    await hub.opened.db
      .insertInto('peer_sums')
      .values(
        ['diagnoses', 'overall'].map((measure) => ({
          desk_id: desks[3]!.deskId,
          period_key: '2026-10',
          naf_section: 'G',
          size_band: '1-9',
          departement: '69',
          measure,
          n: 10,
          total: measure === 'overall' ? 900 : 0,
        })),
      )
      .execute();
    expect((await ask(desks[0]!)).national).toMatchObject({ diagnoses: 30 });
    hub.clock.advance(PEERS_MEMO_MS);
    expect((await ask(desks[0]!)).national).toMatchObject({ diagnoses: 40, desks: 4, overall: 60 });
  });

  it('answers enrolled desks only, and refuses a malformed question', async () => {
    hub = await startTestHub(dialect);
    const desk = await enrolledDesk(hub);
    const url = '/v1/peers?naf=G&size=1-9&departement=69';
    expect((await hub.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const wrong = await hub.app.inject({
      method: 'GET',
      url,
      headers: { authorization: 'Bearer not-a-real-credential' },
    });
    expect(wrong.statusCode).toBe(401);
    const scope = await hub.admin.createScope({ name: 'Rhône', kind: 'departement', codes: ['69'] });
    const coord = await hub.admin.createCoordinator({ scopeId: scope.id, name: 'Coordination Rhône' });
    const asCoordinator = await hub.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${coord.credential}` },
    });
    expect(asCoordinator.statusCode).toBe(403);
    for (const query of ['naf=47.11Z&size=1-9&departement=69', 'naf=G&size=12&departement=69', 'naf=G&size=0'])
      expect((await hub.app.inject({ method: 'GET', url: `/v1/peers?${query}`, headers: desk.auth })).statusCode).toBe(
        400,
      );
  });
});
