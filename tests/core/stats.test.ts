import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import { SessionInput, type Session, type SessionData } from '../../shared/journal/schema';
import type { Dashboard, StatsFilters } from '../../shared/stats/schema';
import { periodAround, shiftPeriod, yearEarlier, type PeriodUnit } from '../../shared/stats/period';
import { generateSessions } from '../fixtures/journal-dataset';
import { call, callResult, openCore, removeTempDirs, sequentialIds, testClock } from './helpers';

// Every indicator of the dashboard against a direct count over the sessions the test wrote, counted here the
// plain way (no shared code with shared/stats/indicators.ts), for periods of every unit and the journal's filters.

const TODAY = '2026-12-07';
let core: Core;
let sessions: Session[] = [];
/** The guides each session used (guided mode), as the test opened them. */
const guided = new Map<string, Set<string>>();
const GUIDES = ['ameli-carte-vitale', 'ameli-creer-compte'];

beforeAll(async () => {
  core = openCore({ clock: testClock(`${TODAY}T10:00:00.000Z`), newId: sequentialIds() });
  const datas: SessionData[] = [...generateSessions(1500, 7, { start: '2024-10-01', end: '2026-11-30' })].map((g) =>
    SessionInput.parse(JSON.parse(JSON.stringify(g.data))),
  );
  const create = core.handlers['journal.create'];
  core.db.transaction(() => {
    for (const d of datas) sessions.push(create(d) as Session);
  })();
  // A few deleted sessions, which count for nothing.
  for (const s of sessions.slice(0, 20)) await call(core, 'journal.delete', { id: s.id });
  sessions = sessions.slice(20);
  // Guides opened on a share of the sessions after they were saved (one or two guides each).
  for (const [i, s] of sessions.entries()) {
    const ids = i % 7 === 0 ? GUIDES : i % 5 === 0 ? [GUIDES[1]!] : [];
    for (const id of ids) await call(core, 'guides.open', { holder: { sessionId: s.id }, id });
    if (ids.length) guided.set(s.id, new Set(ids));
  }
});
afterAll(() => {
  core.close();
  removeTempDirs();
});

type F = Required<{ [K in keyof Omit<StatsFilters, 'followUpDue'>]: NonNullable<StatsFilters[K]> | null }> & {
  followUpDue: boolean;
};
const NONE: F = { kind: null, operator: null, topic: null, outcome: null, followUpDue: false, guide: null };

function kept(from: string, to: string, f: F) {
  return sessions.filter(
    (s) =>
      s.date >= from &&
      s.date <= to &&
      (f.kind === null || s.kind === f.kind) &&
      (f.outcome === null || s.outcome === f.outcome) &&
      (f.operator === null || s.operators.includes(f.operator)) &&
      (f.topic === null || s.topics.includes(f.topic as never)) &&
      (!f.followUpDue || (s.followUp !== null && s.followUpClosedAt === null)) &&
      (f.guide === null || (guided.get(s.id)?.has(f.guide) ?? false)),
  );
}

const people = (s: Session) => (s.kind === 'individuel' ? 1 : s.workshop.participants);
function countBy(list: Session[], keysOf: (s: Session) => Array<[string, number]>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of list) for (const [k, n] of keysOf(s)) out[k] = (out[k] ?? 0) + n;
  for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
  return out;
}
function tableOf(d: Dashboard, dim: string): Record<string, number> {
  const b = d.breakdowns.find((x) => x.dimension === dim)!;
  return Object.fromEntries(b.rows.filter((r) => r.count !== 0).map((r) => [r.key, r.count]));
}
function bracket(s: Session, field: 'ageBracket' | 'gender' | 'status', by: 'byAge' | 'byGender' | 'byStatus') {
  if (s.kind === 'individuel') return [[s.person[field], 1]] as Array<[string, number]>;
  const counts = s.workshop[by] as Record<string, number>;
  const named = Object.entries(counts).filter(([k]) => k !== 'non_communique');
  const rest = s.workshop.participants - named.reduce((a, [, n]) => a + n, 0);
  return [...named, ['non_communique', rest]] as Array<[string, number]>;
}
const durationRange = (m: number) =>
  m < 30 ? 'moins_30_min' : m < 60 ? 'de_30_min_a_1_h' : m < 120 ? 'de_1_h_a_2_h' : 'plus_de_2_h';

async function check(from: string, to: string, f: F, unit: PeriodUnit = 'custom') {
  const d = await call(core, 'stats.dashboard', { period: { unit, from, to }, filters: f });
  const list = kept(from, to, f);
  const ind = list.filter((s) => s.kind === 'individuel') as Array<Extract<Session, { kind: 'individuel' }>>;
  const ws = list.filter((s) => s.kind === 'collectif') as Array<Extract<Session, { kind: 'collectif' }>>;
  const admin = list.filter((s) => s.topics.includes('aide_aux_demarches_administratives'));
  const open = list.filter((s) => s.followUp !== null && s.followUpClosedAt === null);
  expect(d.keyFigures).toEqual({
    sessions: list.length,
    individualSessions: ind.length,
    workshops: ws.length,
    participants: ws.reduce((a, s) => a + s.workshop.participants, 0),
    peopleHelped: list.reduce((a, s) => a + people(s), 0),
    firstVisits: ind.filter((s) => s.person.firstVisit === true).length,
    minutes: list.reduce((a, s) => a + s.durationMin, 0),
    adminHelpSessions: admin.length,
    adminHelpShare: list.length ? admin.length / list.length : 0,
    followUpsOpen: open.length,
    followUpsOverdue: open.filter((s) => s.followUp!.dueDate < TODAY).length,
    guidesUsed: list.filter((s) => (guided.get(s.id)?.size ?? 0) > 0).length,
  });
  expect(tableOf(d, 'guide')).toEqual(countBy(list, (s) => [...(guided.get(s.id) ?? [])].map((g) => [g, 1])));
  expect(tableOf(d, 'operator')).toEqual(countBy(list, (s) => s.operators.map((k) => [k, 1])));
  expect(tableOf(d, 'topic')).toEqual(countBy(list, (s) => s.topics.map((k) => [k, 1])));
  expect(tableOf(d, 'adminTopic')).toEqual(countBy(list, (s) => s.adminTopics.map((k) => [k, 1])));
  expect(tableOf(d, 'outcome')).toEqual(countBy(list, (s) => [[s.outcome ?? 'non_renseigne', 1]]));
  expect(tableOf(d, 'orientation')).toEqual(countBy(list, (s) => (s.orientation ? [[s.orientation, 1]] : [])));
  expect(tableOf(d, 'channel')).toEqual(countBy(list, (s) => [[s.channel, 1]]));
  expect(tableOf(d, 'duration')).toEqual(countBy(list, (s) => [[durationRange(s.durationMin), 1]]));
  expect(tableOf(d, 'equipment')).toEqual(countBy(list, (s) => s.equipment.map((k) => [k, 1])));
  expect(tableOf(d, 'autonomy')).toEqual(
    countBy(ind, (s) => [[(s as (typeof ind)[0]).autonomy ?? 'non_renseigne', 1]]),
  );
  expect(tableOf(d, 'ageBracket')).toEqual(countBy(list, (s) => bracket(s, 'ageBracket', 'byAge')));
  expect(tableOf(d, 'gender')).toEqual(countBy(list, (s) => bracket(s, 'gender', 'byGender')));
  expect(tableOf(d, 'status')).toEqual(countBy(list, (s) => bracket(s, 'status', 'byStatus')));
  const commune = (s: Session) => (s as (typeof ind)[0]).person.communeCode ?? 'non_renseigne';
  expect(tableOf(d, 'commune')).toEqual(countBy(ind, (s) => [[commune(s), 1]]));
  expect(tableOf(d, 'departement')).toEqual(
    countBy(ind, (s) => [[commune(s) === 'non_renseigne' ? 'non_renseigne' : commune(s).slice(0, 2), 1]]),
  );
  // Every share is count / base.
  for (const b of d.breakdowns)
    for (const r of b.rows) expect(r.share).toBeCloseTo(b.baseCount ? r.count / b.baseCount : 0, 12);
  // The trend: per month of the period, and the same days a year earlier.
  const earlier = kept(yearEarlier(from), yearEarlier(to), f);
  for (const t of d.trend) {
    const y = `${Number(t.month.slice(0, 4)) - 1}${t.month.slice(4)}`;
    expect(t.sessions).toBe(list.filter((s) => s.date.startsWith(t.month)).length);
    expect(t.previousSessions).toBe(earlier.filter((s) => s.date.startsWith(y)).length);
    expect(t.previousPeopleHelped).toBe(earlier.filter((s) => s.date.startsWith(y)).reduce((a, s) => a + people(s), 0));
  }
  expect(d.trend.reduce((a, t) => a + t.sessions, 0)).toBe(list.length);
  return d;
}

describe('stats.dashboard', () => {
  it('gives every indicator equal to a direct count, for each unit of period', async () => {
    for (const unit of ['week', 'month', 'quarter', 'year'] as const) {
      const p = periodAround(unit, '2026-05-14');
      await check(p.from, p.to, NONE, unit);
      const q = shiftPeriod(p, -1);
      await check(q.from, q.to, NONE, unit);
    }
    // Custom periods across month edges, the whole history, a single day.
    await check('2025-01-17', '2026-03-04', NONE);
    await check('2024-10-01', '2026-11-30', NONE);
    await check('2026-02-11', '2026-02-11', NONE);
    // Across whole years (the yearly rows) with partial months and days at both ends, and a year exactly.
    await check('2024-11-03', '2026-01-31', NONE);
    await check('2024-12-31', '2026-01-01', NONE);
    await check('2025-01-01', '2025-12-31', NONE, 'year');
    await check('2024-11-03', '2026-02-20', { ...NONE, topic: 'email' });
  });

  it('applies the journal filters the same way (rollup slices and the direct path)', async () => {
    const from = '2025-06-10';
    const to = '2026-08-20';
    for (const f of [
      { ...NONE, kind: 'individuel' as const },
      { ...NONE, kind: 'collectif' as const },
      { ...NONE, outcome: 'finalisee' as const },
      { ...NONE, operator: 'caf' },
      { ...NONE, topic: 'email' as const },
      { ...NONE, operator: 'dgfip', kind: 'individuel' as const, outcome: 'doit_revenir' as const },
    ]) {
      expect((await check(from, to, f)).source).toBe('rollups');
    }
    expect(
      (await check(from, to, { ...NONE, operator: 'caf', topic: 'aide_aux_demarches_administratives' })).source,
    ).toBe('sessions');
    expect((await check(from, to, { ...NONE, followUpDue: true })).source).toBe('sessions');
    // The guide used: the guide's own sessions, alone or with the other filters.
    for (const f of [
      { ...NONE, guide: GUIDES[0]! },
      { ...NONE, guide: GUIDES[1]!, kind: 'individuel' as const },
      { ...NONE, guide: GUIDES[1]!, operator: 'caf', followUpDue: true },
      { ...NONE, guide: 'guide-jamais-ouvert' },
    ]) {
      expect((await check(from, to, f)).source).toBe('sessions');
    }
    expect((await check(from, to, { ...NONE, guide: GUIDES[0]! })).keyFigures.guidesUsed).toBeGreaterThan(10);
    // An operator nobody used: nothing, not an error.
    expect((await check(from, to, { ...NONE, operator: 'msa_inconnu' })).keyFigures.sessions).toBe(0);
  });

  it('follows edits and deletions at once', async () => {
    const s = sessions.find((x) => x.date >= '2026-03-01' && x.date <= '2026-03-31')!;
    await call(core, 'journal.delete', { id: s.id });
    sessions = sessions.filter((x) => x !== s);
    await check('2026-03-01', '2026-03-31', NONE, 'month');
    const restored = await call(core, 'journal.restore', { id: s.id });
    sessions.push(restored);
    await check('2026-03-01', '2026-03-31', NONE, 'month');
    // Guides closed on saved sessions (the smallest one, and the other), a guided session deleted and restored.
    const both = sessions.filter((x) => guided.get(x.id)?.size === 2);
    await call(core, 'guides.close', { holder: { sessionId: both[0]!.id }, id: GUIDES[0]! });
    guided.get(both[0]!.id)!.delete(GUIDES[0]!);
    await call(core, 'guides.close', { holder: { sessionId: both[1]!.id }, id: GUIDES[1]! });
    guided.get(both[1]!.id)!.delete(GUIDES[1]!);
    await call(core, 'journal.delete', { id: both[2]!.id });
    sessions = sessions.filter((x) => x !== both[2]);
    await check('2024-10-01', '2026-11-30', NONE);
    await check('2024-10-01', '2026-11-30', { ...NONE, guide: GUIDES[1]! });
    sessions.push(await call(core, 'journal.restore', { id: both[2]!.id }));
    await check('2024-10-01', '2026-11-30', NONE);
  });

  it('refuses a reversed period with a translated key', async () => {
    const r = await callResult(core, 'stats.dashboard', {
      period: { unit: 'custom', from: '2026-03-02', to: '2026-03-01' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.map((i) => i.message)).toContain('stats.periodReversed');
  });
});

describe('periods', () => {
  it('are Monday-to-Sunday weeks, calendar months, quarters and years', () => {
    expect(periodAround('week', '2026-12-07')).toEqual({ unit: 'week', from: '2026-12-07', to: '2026-12-13' });
    expect(periodAround('week', '2026-12-06')).toEqual({ unit: 'week', from: '2026-11-30', to: '2026-12-06' });
    expect(periodAround('month', '2024-02-10')).toEqual({ unit: 'month', from: '2024-02-01', to: '2024-02-29' });
    expect(periodAround('quarter', '2026-05-14')).toEqual({ unit: 'quarter', from: '2026-04-01', to: '2026-06-30' });
    expect(shiftPeriod(periodAround('year', '2026-05-14'), -1)).toEqual({
      unit: 'year',
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(yearEarlier('2024-02-29')).toBe('2025-02-28'.replace('2025', '2023'));
  });
});
