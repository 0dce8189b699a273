import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSnapshot,
  checkSnapshot,
  diagnosticThreshold,
  protectDiagnostics,
  type RawDiagnosis,
  type RawSnapshot,
} from './disclosure';
import { DIAGNOSTIC_SIZE_BANDS, Snapshot } from './snapshot';

// The diagnostics section of a snapshot (peer benchmarks), over random sets of closed diagnoses: what leaves the desk,
// what an attacker reading every version can learn, and what the hub's check refuses.

const DESK = '6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5';
const score = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 6 });
const diagnosis: fc.Arbitrary<RawDiagnosis> = fc.record({
  nafSection: fc.constantFrom('C', 'G', 'J'),
  sizeBand: fc.constantFrom(...DIAGNOSTIC_SIZE_BANDS),
  departement: fc.constantFrom('69', '2A', '974'),
  overall: score,
  dimensions: fc.record({ strategie: score, vente: score, cyber: score }),
});
// Few groups and many diagnoses, so that groups cross the threshold often (and often do not).
const diagnoses = fc.oneof(
  fc.array(diagnosis, { maxLength: 30 }),
  fc.array(
    diagnosis.map((d) => ({ ...d, nafSection: 'G', departement: '69' })),
    { minLength: 5, maxLength: 60 },
  ),
);
const kArb = fc.integer({ min: 3, max: 12 });

function rawOf(list: RawDiagnosis[] | undefined, version = 1): RawSnapshot {
  return {
    deskId: DESK,
    period: { granularity: 'month', key: '2026-11' },
    version,
    totals: {
      sessions: 0,
      individualSessions: 0,
      workshops: 0,
      workshopParticipants: 0,
      peopleHelped: 0,
      totalMinutes: 0,
    },
    activity: {
      kind: {},
      topics: {},
      adminTopics: {},
      outcomes: {},
      orientation: {},
      channels: {},
      durationRanges: {},
      autonomy: {},
      equipment: {},
      operators: {},
    },
    population: { age: {}, gender: {}, status: {}, firstVisit: {}, area: {} },
    ...(list ? { diagnostics: list } : {}),
  };
}

const keyOf = (d: Pick<RawDiagnosis, 'nafSection' | 'sizeBand' | 'departement'>) =>
  `${d.nafSection}|${d.sizeBand}|${d.departement}`;

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
describe('the diagnostics section (property tests over random closed diagnoses)', () => {
  it('every released figure covers at least max(10, k) diagnoses, and the sums are exact', () => {
    fc.assert(
      fc.property(diagnoses, kArb, (list, k) => {
        const { snapshot } = buildSnapshot(rawOf(list), k);
        const min = diagnosticThreshold(k);
        for (const g of snapshot.diagnostics?.groups ?? []) {
          const members = list.filter((d) => keyOf(d) === keyOf(g) && d.overall !== null);
          expect(g.diagnoses).toBe(members.length);
          expect(g.diagnoses).toBeGreaterThanOrEqual(min);
          expect(g.overall).toEqual({ n: members.length, sum: members.reduce((s, d) => s + d.overall!, 0) });
          for (const [id, sum] of Object.entries(g.dimensions)) {
            const scored = members.filter((d) => d.dimensions[id] !== null);
            expect(sum.n).toBe(scored.length);
            expect(sum.n).toBeGreaterThanOrEqual(min);
            expect(sum.sum).toBe(scored.reduce((s, d) => s + d.dimensions[id]!, 0));
          }
        }
        // Every group large enough is there: nothing is lost.
        const big = new Set(
          list
            .filter((d) => d.overall !== null)
            .map(keyOf)
            .filter((key, _, all) => all.filter((x) => x === key).length >= min),
        );
        expect(new Set((snapshot.diagnostics?.groups ?? []).map(keyOf))).toEqual(big);
        expect(checkSnapshot(snapshot, k)).toEqual([]);
        expect(Snapshot.safeParse(snapshot).success).toBe(true);
      }),
    );
  });

  it('only codes, integers and the period leave the desk: no name, SIREN, NAF code or date', () => {
    fc.assert(
      fc.property(diagnoses, kArb, (list, k) => {
        const { snapshot } = buildSnapshot(rawOf(list), k);
        const allowed = /^(?:[A-U]|0|1-9|10-49|50-249|69|2A|974|[a-z][a-zA-Z0-9_]*)$/;
        for (const text of strings(snapshot.diagnostics ?? {})) expect(text).toMatch(allowed);
      }),
    );
  });

  it('a later version of the period carries the section unchanged, so two versions never isolate a diagnosis', () => {
    fc.assert(
      fc.property(diagnoses, fc.nat(), fc.array(diagnosis, { maxLength: 5 }), kArb, (list, cut, added, k) => {
        const first = buildSnapshot(rawOf(list), k).snapshot;
        // A diagnosis deleted at the business's request, or any other change of the closed period.
        const changed = [...list.filter((_, i) => i !== cut % Math.max(1, list.length)), ...added];
        const second = buildSnapshot(rawOf(changed, 2), k, first).snapshot;
        if (first.diagnostics) expect(second.diagnostics).toEqual(first.diagnostics);
        expect(checkSnapshot(second, k, first)).toEqual([]);
      }),
    );
  });

  it('the hub’s check refuses a small group, a small sum, an inconsistent sum or a changed section', () => {
    fc.assert(
      fc.property(diagnoses, kArb, fc.nat(), (list, k, pick) => {
        const { snapshot } = buildSnapshot(rawOf(list), k);
        const groups = snapshot.diagnostics?.groups ?? [];
        if (groups.length === 0) return;
        const g = groups[pick % groups.length]!;
        const codes = (s: Snapshot, previous?: Snapshot) => checkSnapshot(s, k, previous).map((v) => v.code);
        const smaller = structuredClone(snapshot);
        const target = smaller.diagnostics!.groups.find((x) => keyOf(x) === keyOf(g))!;
        target.diagnoses = diagnosticThreshold(k) - 1;
        target.overall.n = target.diagnoses;
        expect(codes(smaller)).toContain('diagnosis_group_below_min');
        const inflated = structuredClone(snapshot);
        inflated.diagnostics!.groups.find((x) => keyOf(x) === keyOf(g))!.overall.sum = 100 * g.overall.n + 1;
        expect(codes(inflated)).toContain('diagnosis_sum_inconsistent');
        const next = { ...structuredClone(snapshot), version: 2 };
        next.diagnostics!.groups.find((x) => keyOf(x) === keyOf(g))!.overall.sum -= 1;
        expect(codes(next, snapshot)).toContain('diagnostics_changed');
      }),
    );
  });
});

describe('the diagnostics section, worked examples (k = 5)', () => {
  const d = (overall: number | null, cyber: number | null = 50): RawDiagnosis => ({
    nafSection: 'G',
    sizeBand: '1-9',
    departement: '69',
    overall,
    dimensions: { cyber, vente: 40 },
  });

  it('nine diagnoses send nothing; ten send one group with its sums', () => {
    expect(
      protectDiagnostics(
        Array.from({ length: 9 }, () => d(60)),
        5,
      ),
    ).toBeUndefined();
    const section = protectDiagnostics(
      Array.from({ length: 10 }, (_, i) => d(50 + i)),
      5,
    );
    expect(section?.groups).toEqual([
      {
        nafSection: 'G',
        sizeBand: '1-9',
        departement: '69',
        diagnoses: 10,
        overall: { n: 10, sum: 545 },
        dimensions: { cyber: { n: 10, sum: 500 }, vente: { n: 10, sum: 400 } },
      },
    ]);
  });

  it('a dimension scored for fewer than ten of the group is left out; a diagnosis with no score is not counted', () => {
    const list = [...Array.from({ length: 10 }, (_, i) => d(60, i < 9 ? 50 : null)), d(null)];
    const group = protectDiagnostics(list, 5)!.groups[0]!;
    expect(group.diagnoses).toBe(10);
    expect(Object.keys(group.dimensions)).toEqual(['vente']);
  });

  it('a desk that reports no diagnostics sends the same snapshot as before the section existed', () => {
    const { snapshot } = buildSnapshot(rawOf(undefined), 5);
    expect('diagnostics' in snapshot).toBe(false);
    expect(Snapshot.safeParse(snapshot).success).toBe(true);
  });

  it('the strict schema refuses a business name or a NAF code in a group', () => {
    const { snapshot } = buildSnapshot(rawOf(Array.from({ length: 10 }, () => d(60))), 5);
    const named = structuredClone(snapshot) as unknown as { diagnostics: { groups: Array<Record<string, unknown>> } };
    named.diagnostics.groups[0]!.name = 'Boulangerie Martin';
    expect(Snapshot.safeParse(named).success).toBe(false);
    const fine = structuredClone(snapshot);
    fine.diagnostics!.groups[0]!.nafSection = '47.11Z';
    expect(Snapshot.safeParse(fine).success).toBe(false);
  });
});
