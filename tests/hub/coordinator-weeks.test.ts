import { afterEach, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../shared/sync/disclosure';
import { DIALECTS, enrolledDesk, rawMonth, startTestHub, type TestHub } from './fixtures';

// A hub that counts by ISO week: the coordinator asks for ranges of weeks (a month, a quarter or a year of weeks, or
// a custom range, across a year's end too) and says which granularity it counts by, on SQLite and PostgreSQL.

const week = (deskId: string, key: string, people: number) =>
  buildSnapshot({ ...rawMonth(deskId, '2026-01', people), period: { granularity: 'week', key } }, 5).snapshot;

describe.each(DIALECTS)('coordinator queries over weeks on %s', (dialect) => {
  let hub: TestHub;
  afterEach(async () => hub?.close());

  it('answers week ranges (across the year’s end), per site and in total, and says its granularity', async () => {
    hub = await startTestHub(dialect);
    await hub.admin.setDisclosure({ granularity: 'week' });
    const lyon = await enrolledDesk(hub, '69', 'France Services Lyon 3e');
    const vaulx = await enrolledDesk(hub, '69', 'Médiathèque de Vaulx-en-Velin');
    const weeks: Array<[string, number]> = [
      ['2025-W51', 10],
      ['2025-W52', 11],
      ['2026-W01', 12],
      ['2026-W02', 13],
      ['2026-W10', 14],
    ];
    for (const d of [lyon, vaulx])
      for (const [key, n] of weeks) {
        const res = await hub.app.inject({
          method: 'POST',
          url: '/v1/snapshots',
          headers: d.auth,
          payload: week(d.deskId, key, n),
        });
        expect(res.statusCode).toBe(200);
      }
    const rhone = await hub.admin.createScope({ name: 'Rhône', kind: 'departement', codes: ['69'] });
    const epci = await hub.admin.createScope({ name: 'Deux lieux', kind: 'sites', codes: [lyon.site.id] });
    const coord = await hub.admin.createCoordinator({ scopeId: rhone.id, name: 'Coordination Rhône' });
    const few = await hub.admin.createCoordinator({ scopeId: epci.id, name: 'Un lieu' });
    const ask = (url: string, credential = coord.credential) =>
      hub.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${credential}` } });

    const acrossYear = await ask('/v1/coordinator/summary?from=2025-W52&to=2026-W02');
    expect(acrossYear.statusCode).toBe(200);
    const s = acrossYear.json();
    expect(s.disclosure).toEqual({ k: 5, granularity: 'week' });
    expect(s.total.totals.sessions).toBe(2 * (11 + 12 + 13));
    expect(s.total.snapshots).toBe(6);
    expect(s.sites.map((x: { totals: { sessions: number } }) => x.totals.sessions)).toEqual([36, 36]);
    // The sites scope is read from the snapshots themselves (not the running sums): the same figures.
    const one = (await ask('/v1/coordinator/summary?from=2025-W52&to=2026-W02', few.credential)).json();
    expect(one.total.totals.sessions).toBe(36);
    expect(one.sites).toHaveLength(1);
    const detail = await ask(`/v1/coordinator/sites/${vaulx.site.id}?from=2026-W01&to=2026-W10`);
    expect(detail.json()).toMatchObject({ snapshots: 3, totals: { sessions: 12 + 13 + 14 } });
    const single = (await ask('/v1/coordinator/summary?from=2025-W51&to=2025-W51')).json();
    expect(single.total.totals.sessions).toBe(20);

    // A month against a week, or a range the wrong way round: refused, not guessed.
    expect((await ask('/v1/coordinator/summary?from=2026-01&to=2026-W02')).statusCode).toBe(400);
    expect((await ask('/v1/coordinator/summary?from=2026-W02&to=2026-W01')).statusCode).toBe(400);
    // Months asked of a weekly hub find no week: nothing, rather than weeks counted twice.
    expect((await ask('/v1/coordinator/summary?from=2026-01&to=2026-12')).json().total.totals.sessions).toBe(0);
  });

  it('says a monthly hub counts by month', async () => {
    hub = await startTestHub(dialect);
    const scope = await hub.admin.createScope({ name: 'Rhône', kind: 'departement', codes: ['69'] });
    const coord = await hub.admin.createCoordinator({ scopeId: scope.id, name: 'Coordination Rhône' });
    const res = await hub.app.inject({
      method: 'GET',
      url: '/v1/coordinator/summary?from=2026-01&to=2026-03',
      headers: { authorization: `Bearer ${coord.credential}` },
    });
    expect(res.json().disclosure).toEqual({ k: 5, granularity: 'month' });
  });
});
