import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import { addCells, listCells, type Groups } from '../../main/core/stats/cells';
import { SessionInput, type Session, type SessionData } from '../../shared/journal/schema';
import { TOTAL_KEYS, sumContributions } from '../../shared/stats/indicators';
import { generateSessions } from '../fixtures/journal-dataset';
import { CallFailed, call, openCore, removeTempDirs, sequentialIds, testClock } from './helpers';

// The rollups always equal a full recomputation, over random sequences of create, edit, delete, restore, bulk
// import (one transaction, sometimes failing half-way) and retention runs.
//
// "Full recomputation" is checked two ways after every step:
// 1. against a model kept by the test: the contributions of every live session *as it was written*, details
//    included, even after retention erased them in the file (what the statistics must keep exact);
// 2. against the file alone: rollups.recompute() = the live sessions as stored + stats_frozen (what a rebuild
//    gives), and a rebuild leaves the rollups unchanged.
// And a frozen session (details erased) refuses edit, delete and restore, leaving everything unchanged.

const POOL: SessionData[] = [...generateSessions(300, 42, { start: '2024-01-01', end: '2026-11-30' })].map((g) =>
  SessionInput.parse(JSON.parse(JSON.stringify(g.data))),
);

type Op =
  | { op: 'create'; pick: number }
  | { op: 'edit'; target: number; pick: number }
  | { op: 'delete'; target: number }
  | { op: 'restore'; target: number }
  | { op: 'import'; picks: number[]; failAt: number | null }
  | { op: 'retention'; months: number; notesMonths: number | null };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('create' as const), pick: fc.nat(POOL.length - 1) }) },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('edit' as const), target: fc.nat(), pick: fc.nat(POOL.length - 1) }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), target: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('restore' as const), target: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('import' as const),
      picks: fc.array(fc.nat(POOL.length - 1), { minLength: 1, maxLength: 8 }),
      failAt: fc.option(fc.nat(7), { nil: null }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('retention' as const),
      months: fc.constantFrom(3, 12, 24),
      notesMonths: fc.option(fc.constantFrom(1, 3), { nil: null }),
    }),
  },
);

interface Modelled {
  id: string;
  /** The session as written (before any erasure): what it must keep adding to the statistics. */
  original: Session;
  deleted: boolean;
  frozen: boolean;
}

// Periods spanning years with partial months and days at both ends (yearly, monthly and daily rows all read).
const PERIODS = [
  { unit: 'custom', from: '2024-03-17', to: '2026-02-09' },
  { unit: 'custom', from: '2024-01-01', to: '2026-11-30' },
  { unit: 'year', from: '2025-01-01', to: '2025-12-31' },
] as const;

/** The dashboard's totals and topic table must equal the model's sessions of the period, summed directly. */
function expectDashboard(core: Core, model: Map<string, Modelled>): void {
  for (const p of PERIODS) {
    const live = [...model.values()].filter((m) => !m.deleted && m.original.date >= p.from && m.original.date <= p.to);
    const sums = sumContributions(live.map((m) => m.original));
    const d = core.stats.dashboard(p);
    for (const k of TOTAL_KEYS) expect(d.keyFigures[k], `${p.from} ${k}`).toBe(sums.get(`total\t${k}`) ?? 0);
    const topics = d.breakdowns.find((b) => b.dimension === 'topic')!.rows.filter((r) => r.count !== 0);
    expect(Object.fromEntries(topics.map((r) => [r.key, r.count]))).toEqual(
      Object.fromEntries([...sums].filter(([k, n]) => k.startsWith('topic\t') && n).map(([k, n]) => [k.slice(6), n])),
    );
  }
}

function modelCells(model: Map<string, Modelled>): string[] {
  const groups: Groups = new Map();
  for (const m of model.values()) if (!m.deleted) addCells(groups, m.original, 1);
  return listCells(groups);
}

async function refused(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    if (e instanceof CallFailed) return e.error.messageKey;
    throw e;
  }
}

let cores: Core[] = [];
afterEach(() => {
  for (const c of cores) c.close();
  cores = [];
  removeTempDirs();
});

describe('stats rollups', () => {
  it('always equal a full recomputation (create, edit, delete, restore, import, retention)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        const core = openCore({ clock: testClock('2026-12-07T10:00:00.000Z'), newId: sequentialIds() });
        cores.push(core);
        const model = new Map<string, Modelled>();
        const ids: string[] = [];
        const target = (n: number) => (ids.length ? ids[n % ids.length]! : null);
        for (const step of ops) {
          switch (step.op) {
            case 'create': {
              const s = await call(core, 'journal.create', POOL[step.pick]!);
              model.set(s.id, { id: s.id, original: s, deleted: false, frozen: false });
              ids.push(s.id);
              break;
            }
            case 'edit':
            case 'delete':
            case 'restore': {
              const id = target(step.target);
              if (!id) break;
              const m = model.get(id)!;
              const attempt =
                step.op === 'edit'
                  ? call(core, 'journal.update', { id, session: POOL[step.pick]! })
                  : step.op === 'delete'
                    ? call(core, 'journal.delete', { id })
                    : call(core, 'journal.restore', { id });
              // Restoring a session that is not deleted changes nothing, frozen or not.
              if (m.frozen && !(step.op === 'restore' && !m.deleted)) {
                expect(await refused(attempt)).toBe('stats.sessionFrozen');
                break;
              }
              const applicable = step.op === 'restore' || !m.deleted;
              const key = await refused(attempt);
              if (!applicable) {
                expect(key).toBe('journal.notFound');
                break;
              }
              expect(key).toBeUndefined();
              if (step.op === 'edit') m.original = await call(core, 'journal.get', { id });
              else m.deleted = step.op === 'delete';
              break;
            }
            case 'import': {
              // One transaction for the whole file; a bad row in it rolls every row back, rollups included.
              const datas = step.picks.map((p) => POOL[p]!);
              const create = core.handlers['journal.create'];
              const created: Session[] = [];
              try {
                core.db.transaction(() => {
                  datas.forEach((d, i) => {
                    if (step.failAt === i) throw new Error('unreadable row');
                    created.push(create(d) as Session);
                  });
                })();
              } catch (e) {
                expect((e as Error).message).toBe('unreadable row');
                created.length = 0;
              }
              for (const s of created) {
                model.set(s.id, { id: s.id, original: s, deleted: false, frozen: false });
                ids.push(s.id);
              }
              break;
            }
            case 'retention': {
              core.retention.setPolicy({ enabled: true, months: step.months, notesMonths: step.notesMonths });
              const run = await core.retention.run();
              const cutoff = run.detailsBefore!;
              for (const m of model.values()) if (m.original.date < cutoff) m.frozen = true;
              break;
            }
          }
          const actual = listCells(core.stats.rollups.stored());
          expect(actual).toEqual(modelCells(model));
          expect(listCells(core.stats.rollups.recompute())).toEqual(actual);
          expectDashboard(core, model);
        }
        // A rebuild from the file alone gives the same rollups.
        const before = listCells(core.stats.rollups.stored());
        core.stats.rollups.rebuild();
        expect(listCells(core.stats.rollups.stored())).toEqual(before);
        core.close();
        cores = cores.filter((c) => c !== core);
      }),
      { numRuns: 30, seed: 20261207 },
    );
  });
});
