import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BRACKETS, GENDERS, STATUSES } from '../taxonomy';
import { DEFAULT_K, FIRST_VISIT, POPULATION_DIMENSIONS } from './dimensions';
import { buildSnapshot, checkSnapshot, protectTable, type RawSnapshot } from './disclosure';
import { consolidate, flatCells, fromFlatCells } from './consolidate';
import { Snapshot, type Cell } from './snapshot';

// Random journals reduced to what a snapshot is made of: the people of one period (an individual session's person,
// or one participant of a workshop), then the rule applied as a desk would, read back as an attacker would.

const AREAS = ['69123', '69266', '200046977', '2A004', '13055'] as const;
const DESK = '6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5';

const person = fc.record({
  workshop: fc.boolean(),
  age: fc.constantFrom(...AGE_BRACKETS),
  gender: fc.constantFrom(...GENDERS),
  status: fc.constantFrom(...STATUSES),
  firstVisit: fc.constantFrom(...FIRST_VISIT),
  area: fc.constantFrom(...AREAS, 'non_communique'),
});
// Small and large periods alike: most disclosure problems live in small counts.
type PersonValue = typeof person extends fc.Arbitrary<infer P> ? P : never;
const people = fc.oneof(fc.array(person, { maxLength: 12 }), fc.array(person, { maxLength: 120 }));
const kArb = fc.integer({ min: 3, max: 11 });

function rawOf(list: Array<PersonValue>, version = 1): RawSnapshot {
  const tally = (pick: (p: (typeof list)[number]) => string | null) => {
    const out: Record<string, number> = {};
    for (const p of list) {
      const key = pick(p);
      if (key !== null) out[key] = (out[key] ?? 0) + 1;
    }
    return out;
  };
  const individual = list.filter((p) => !p.workshop).length;
  const participants = list.length - individual;
  return {
    deskId: DESK,
    period: { granularity: 'month', key: '2026-11' },
    version,
    totals: {
      sessions: individual + (participants > 0 ? 1 : 0),
      individualSessions: individual,
      workshops: participants > 0 ? 1 : 0,
      workshopParticipants: participants,
      peopleHelped: list.length,
      totalMinutes: 30 * individual,
    },
    activity: {
      kind: { individuel: individual, collectif: participants > 0 ? 1 : 0 },
      topics: {},
      adminTopics: {},
      outcomes: {},
      orientation: {},
      channels: {},
      durationRanges: { de_30_a_60: individual },
      autonomy: {},
      equipment: {},
      operators: { caf: individual },
    },
    population: {
      age: tally((p) => p.age),
      gender: tally((p) => p.gender),
      status: tally((p) => p.status),
      firstVisit: tally((p) => (p.workshop ? null : p.firstVisit)),
      area: tally((p) => (p.workshop ? null : p.area)),
    },
  };
}

/** What an attacker can say of each suppressed cell from the released numbers: its smallest and largest value. */
function attackerBounds(table: { total: number; cells: Partial<Record<string, Cell>> }) {
  const cells = Object.values(table.cells) as Cell[];
  const released = cells.reduce((sum, c) => sum + ('n' in c ? c.n : 0), 0);
  const hidden = cells.filter((c) => 'suppressed' in c).length;
  const rest = table.total - released;
  // Non-negative integers adding up to `rest`: one cell may hold all of it, or nothing if another can take it.
  return { min: hidden > 1 ? 0 : rest, max: rest, hidden };
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  return out;
}

fc.configureGlobal({ numRuns: Number(process.env.SYNC_RUNS ?? 200) });
describe('the disclosure rule (property tests over random journals)', () => {
  it('a snapshot holds only allowlisted keys and codes, counts, the period and the desk’s pseudonym', () => {
    fc.assert(
      fc.property(people, kArb, (list, k) => {
        const { snapshot } = buildSnapshot(rawOf(list), k);
        expect(Snapshot.safeParse(snapshot).success).toBe(true);
        for (const s of strings(snapshot)) {
          // Identifiers, keys, codes: never a space, never a date finer than the month.
          expect(s).toMatch(/^[A-Za-z0-9_-]+$/);
          expect(s).not.toMatch(/^\d{4}-\d{2}-\d{2}/);
        }
      }),
    );
  });

  it('no released population cell is below k, and no suppressed cell can be computed from the released ones', () => {
    fc.assert(
      fc.property(people, kArb, (list, k) => {
        const { snapshot, suppressions } = buildSnapshot(rawOf(list), k);
        expect(checkSnapshot(snapshot, k)).toEqual([]);
        for (const dimension of POPULATION_DIMENSIONS) {
          const table = snapshot.population[dimension];
          for (const cell of Object.values(table.cells) as Cell[])
            if ('n' in cell) expect(cell.n).toBeGreaterThanOrEqual(k);
          const { min, max, hidden } = attackerBounds(table);
          if (hidden > 0) expect(min).toBeLessThan(max);
        }
        // Every suppressed cell comes with its reason, for the desk's preview.
        const hiddenCount = POPULATION_DIMENSIONS.flatMap((d) =>
          (Object.values(snapshot.population[d].cells) as Cell[]).filter((c) => 'suppressed' in c),
        ).length;
        expect(suppressions).toHaveLength(hiddenCount);
      }),
    );
  });

  it('two versions of a period never release a cell the earlier one suppressed', () => {
    fc.assert(
      fc.property(people, fc.array(person, { maxLength: 10 }), fc.nat(), kArb, (list, added, cut, k) => {
        const v1 = buildSnapshot(rawOf(list), k).snapshot;
        const corrected = [...list.slice(0, cut % (list.length + 1)), ...added];
        const v2 = buildSnapshot(rawOf(corrected, 2), k, v1).snapshot;
        expect(checkSnapshot(v2, k, v1)).toEqual([]);
        for (const dimension of POPULATION_DIMENSIONS) {
          if (Object.keys(v2.population[dimension].cells).length === 0) continue;
          const before = v1.population[dimension].cells as Partial<Record<string, Cell>>;
          const after = v2.population[dimension].cells as Partial<Record<string, Cell>>;
          for (const [key, cell] of Object.entries(before))
            if (cell && 'suppressed' in cell) expect(after[key]).toEqual({ suppressed: true });
        }
      }),
    );
  });

  it('the hub’s check catches a snapshot that reveals a suppressed cell, in this version or against the earlier one', () => {
    fc.assert(
      fc.property(people, kArb, (list, k) => {
        const raw = rawOf(list);
        const { snapshot } = buildSnapshot(raw, k);
        for (const dimension of POPULATION_DIMENSIONS) {
          const cells = snapshot.population[dimension].cells as Partial<Record<string, Cell>>;
          const hiddenKey = Object.keys(cells).find((key) => 'suppressed' in cells[key]!);
          if (!hiddenKey) continue;
          const counts = raw.population[dimension] as Record<string, number>;
          const leaked = structuredClone(snapshot);
          (leaked.population[dimension].cells as Record<string, Cell>)[hiddenKey] = { n: counts[hiddenKey] ?? 0 };
          expect(checkSnapshot(leaked, k).length).toBeGreaterThan(0);
          expect(checkSnapshot(leaked, k, snapshot).some((v) => v.code === 'earlier_suppression_released')).toBe(true);
        }
      }),
    );
  });
});

describe('the disclosure rule, worked examples (k = 5)', () => {
  it('suppresses the cells below k, then the next smallest when one alone would be computable', () => {
    const { table, suppressions } = protectTable('gender', { feminin: 12, masculin: 7, non_communique: 2 }, DEFAULT_K);
    expect(table).toEqual({
      total: 21,
      cells: { feminin: { n: 12 }, masculin: { suppressed: true }, non_communique: { suppressed: true } },
    });
    expect(suppressions).toEqual([
      { dimension: 'gender', key: 'non_communique', reason: 'below_k' },
      { dimension: 'gender', key: 'masculin', reason: 'secondary' },
    ]);
  });

  it('never leaves suppressed cells that add up to zero', () => {
    const { table } = protectTable('firstVisit', { premiere_visite: 9, deja_venu: 0 }, DEFAULT_K);
    expect(table.cells).toEqual({ premiere_visite: { suppressed: true }, deja_venu: { suppressed: true } });
  });

  it('lists `non_communique` in the area table, so one commune alone is never its only cell', () => {
    const { table } = protectTable('area', { '69123': 3 }, DEFAULT_K);
    expect(table).toEqual({ total: 3, cells: { '69123': { suppressed: true }, non_communique: { suppressed: true } } });
  });

  it('a table of nobody has no cells; a strict schema refuses any extra field (a note, a name)', () => {
    expect(protectTable('age', {}, DEFAULT_K).table).toEqual({ total: 0, cells: {} });
    const { snapshot } = buildSnapshot(rawOf([]), DEFAULT_K);
    expect(Snapshot.safeParse({ ...snapshot, note: 'Mme Dupont' }).success).toBe(false);
    expect(Snapshot.safeParse({ ...snapshot, totals: { ...snapshot.totals, date: '2026-11-03' } }).success).toBe(false);
  });
});

describe('consolidation', () => {
  it('summing flat cells gives the same figures as summing the snapshots', () => {
    fc.assert(
      fc.property(fc.array(people, { minLength: 1, maxLength: 5 }), kArb, (desks, k) => {
        const snapshots = desks.map((list) => buildSnapshot(rawOf(list), k).snapshot);
        expect(fromFlatCells(snapshots.flatMap(flatCells), snapshots.length)).toEqual(consolidate(snapshots));
      }),
    );
  });
});
