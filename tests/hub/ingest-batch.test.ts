import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/sync/snapshot';
import type { DeskIdentity } from '../../hub/desks';
import { createSnapshots } from '../../hub/snapshots';
import { DIALECTS, enrolledDesk, expectRunningSumsMatchSnapshots, month, startTestHub, type TestHub } from './fixtures';

// Uploads that arrive together are written by one transaction (hub/ingest.ts). Whatever the batching, each upload must
// get the answer it would get alone, in arrival order, and the running sums must stay the sums of the stored versions.

const outcome = (p: Promise<{ status: string }>) =>
  p.then(
    (r) => r.status,
    (e: { code?: string }) => `refused:${e.code ?? 'error'}`,
  );

describe.each(DIALECTS)('group-committed ingest on %s', (dialect) => {
  let hub: TestHub;
  afterEach(async () => hub?.close());

  it('answers each upload of a batch as it would be answered alone, in arrival order', async () => {
    hub = await startTestHub(dialect);
    const a = await enrolledDesk(hub, '69', 'Lyon');
    const b = await enrolledDesk(hub, '01', 'Bourg');
    const service = createSnapshots(hub.opened.db, hub.clock);
    const asDesk = (d: typeof a): DeskIdentity => ({ kind: 'desk', deskId: d.deskId, siteId: d.site.id });
    const aV1 = month(a.deskId, '2026-10', 40);
    const aV2 = month(a.deskId, '2026-10', 44, 2, aV1);
    const bV2 = month(b.deskId, '2026-10', 30, 2);
    const leaked = structuredClone(month(b.deskId, '2026-11', 7));
    leaked.population.gender.cells = { feminin: { n: 4 }, masculin: { n: 3 }, non_communique: { n: 0 } };
    // All submitted in the same tick: the first one starts a transaction, the others wait and share the next one.
    const results = await Promise.all(
      [
        service.upload(asDesk(b), month(b.deskId, '2026-09', 12)),
        service.upload(asDesk(a), aV1),
        service.upload(asDesk(a), aV1),
        service.upload(asDesk(a), month(a.deskId, '2026-10', 41)),
        service.upload(asDesk(a), aV2),
        service.upload(asDesk(b), bV2),
        service.upload(asDesk(b), month(b.deskId, '2026-10', 25, 1)),
        service.upload(asDesk(b), leaked),
        service.upload(asDesk(b), month(b.deskId, '2026-11', 20)),
      ].map(outcome),
    );
    expect(results).toEqual([
      'stored',
      'stored',
      'duplicate',
      'refused:conflicting_version',
      'stored',
      'stored',
      'superseded',
      'refused:disclosure_rule',
      'stored',
    ]);
    const rows = await hub.opened.db.selectFrom('snapshots').select(['desk_id', 'period_key', 'version']).execute();
    expect(rows.map((r) => `${r.desk_id === a.deskId ? 'a' : 'b'}:${r.period_key}:v${r.version}`).sort()).toEqual([
      'a:2026-10:v2',
      'b:2026-09:v1',
      'b:2026-10:v2',
      'b:2026-11:v1',
    ]);
    // A replay after the batch gets the same receipt time as the first answer.
    expect(await outcome(service.upload(asDesk(a), aV2))).toBe('duplicate');
    await expectRunningSumsMatchSnapshots(hub);
  });

  it('when a batch’s transaction fails, retries each upload alone: only the broken one is refused', async () => {
    hub = await startTestHub(dialect);
    const a = await enrolledDesk(hub, '69', 'Lyon');
    const b = await enrolledDesk(hub, '01', 'Bourg');
    const service = createSnapshots(hub.opened.db, hub.clock);
    // A desk whose site the database does not know: its write fails inside the transaction (not a rule refusal).
    const ghost: DeskIdentity = { kind: 'desk', deskId: b.deskId, siteId: '00000000-0000-4000-8000-000000000000' };
    const results = await Promise.all(
      [
        service.upload({ kind: 'desk', deskId: a.deskId, siteId: a.site.id }, month(a.deskId, '2026-08', 10)),
        service.upload({ kind: 'desk', deskId: a.deskId, siteId: a.site.id }, month(a.deskId, '2026-09', 11)),
        service.upload(ghost, month(b.deskId, '2026-09', 12)),
        service.upload({ kind: 'desk', deskId: b.deskId, siteId: b.site.id }, month(b.deskId, '2026-10', 13)),
      ].map(outcome),
    );
    expect(results).toEqual(['stored', 'stored', 'refused:error', 'stored']);
    const periods = await hub.opened.db.selectFrom('snapshots').select('period_key').orderBy('period_key').execute();
    expect(periods.map((p) => p.period_key)).toEqual(['2026-08', '2026-09', '2026-10']);
    const receipts = await hub.opened.db.selectFrom('uploads').select('idempotency_key').execute();
    expect(receipts).toHaveLength(3);
    await expectRunningSumsMatchSnapshots(hub);
  });

  it('keeps the running sums equal to the stored versions under many concurrent desks over HTTP', async () => {
    hub = await startTestHub(dialect);
    const desks = await Promise.all(
      ['69', '69', '01', '2A', '971', '13'].map((d, i) => enrolledDesk(hub, d, `Lieu ${i}`)),
    );
    const post = (d: (typeof desks)[number], s: Snapshot) =>
      hub.app.inject({ method: 'POST', url: '/v1/snapshots', headers: d.auth, payload: s });
    const statuses = await Promise.all(
      desks.flatMap((d, i) => {
        const v1 = month(d.deskId, '2026-10', 20 + i);
        return [
          post(d, v1),
          post(d, month(d.deskId, '2026-11', 30 + i)),
          post(d, month(d.deskId, '2026-10', 35 + i, 2, v1)),
          post(d, v1),
        ];
      }),
    );
    expect(statuses.every((r) => r.statusCode === 200)).toBe(true);
    await expectRunningSumsMatchSnapshots(hub);
    const rows = await hub.opened.db.selectFrom('snapshots').select(['period_key', 'version']).execute();
    expect(rows.filter((r) => r.period_key === '2026-10').every((r) => Number(r.version) === 2)).toBe(true);
  });
});
