import { sql } from 'kysely';
import type { Clock } from '../shared/ids';
import type { PeerBenchmarks, PeerFigures, PeersQuery } from '../shared/sync/api';
import { DIAGNOSTIC_MIN_GROUP } from '../shared/sync/disclosure';
import type { Granularity, Snapshot } from '../shared/sync/snapshot';
import { num, type HubDb } from './db/database';
import { readDisclosure } from './settings';

// Peer benchmarks for TPE/PME diagnostics. Desks send, per closed period, the diagnosis groups that passed the rule
// (shared/sync/disclosure.ts: at least 10 diagnoses per group and per sum). The hub keeps per (desk, period) the
// latest version's groups only, so a replay or a correction never counts twice, and answers a desk's question "how do
// comparable businesses score" with means over the last 12 closed periods:
//   - nationally: every département, for the business's (NAF section, size band);
//   - in its département: the same, restricted to businesses of that département;
// each mean released only when it covers at least PEER_MIN_DIAGNOSES diagnoses from at least PEER_MIN_DESKS desks
// (so no desk can subtract its own figures and read another single desk's). The département's figure is also held back
// when the rest of the country would then be computable from the national one (fewer than 3 desks outside it).

export const PEER_MIN_DIAGNOSES = DIAGNOSTIC_MIN_GROUP;
export const PEER_MIN_DESKS = 3;
export const PEER_PERIODS = 12;

const COUNT = 'diagnoses';
const OVERALL = 'overall';
const DIMENSION = 'd:';

/**
 * Answers are kept in memory per hub for a short while: a busy group's means read tens of thousands of rows, and many
 * desks ask the same question. Every stored group bumps its (NAF section, size band)'s generation, so this process
 * never serves figures older than its own last upload; the time limit bounds staleness when several hub processes
 * share one PostgreSQL database.
 */
export const PEERS_MEMO_MS = 60_000;
const PEERS_MEMO_ENTRIES = 5_000;
const generations = new Map<string, number>();
const generationOf = (naf: string, size: string) => generations.get(`${naf}|${size}`) ?? 0;

/**
 * Replaces the (desk, period)'s groups with this version's, inside the upload's transaction. `previous`: the version
 * it replaces. When neither carries diagnostics (most uploads) there is nothing to do and nothing is queried.
 */
export async function storePeerSums(trx: HubDb, snapshot: Snapshot, previous: Snapshot | undefined): Promise<void> {
  if (!snapshot.diagnostics && !previous?.diagnostics) return;
  for (const g of [...(snapshot.diagnostics?.groups ?? []), ...(previous?.diagnostics?.groups ?? [])]) {
    const key = `${g.nafSection}|${g.sizeBand}`;
    generations.set(key, (generations.get(key) ?? 0) + 1);
  }
  await trx
    .deleteFrom('peer_sums')
    .where('desk_id', '=', snapshot.deskId)
    .where('period_key', '=', snapshot.period.key)
    .execute();
  const rows = (snapshot.diagnostics?.groups ?? []).flatMap((g) => {
    const base = {
      desk_id: snapshot.deskId,
      period_key: snapshot.period.key,
      naf_section: g.nafSection,
      size_band: g.sizeBand,
      departement: g.departement,
    };
    return [
      { ...base, measure: COUNT, n: g.diagnoses, total: 0 },
      { ...base, measure: OVERALL, n: g.overall.n, total: g.overall.sum },
      ...Object.entries(g.dimensions).map(([id, s]) => ({
        ...base,
        measure: `${DIMENSION}${id}`,
        n: s.n,
        total: s.sum,
      })),
    ];
  });
  // Chunks keep each statement under SQLite's and PostgreSQL's bound-parameter limits.
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('peer_sums')
      .values(rows.slice(i, i + 500))
      .execute();
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoWeekKey(t: number): string {
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  const thursday = new Date(t + (3 - dow) * 86_400_000);
  const year = thursday.getUTCFullYear();
  return `${year}-W${pad(Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1)}`;
}

/** The keys of the last `count` closed periods, as [first, last]: every period before the current one. */
export function closedWindow(granularity: Granularity, now: Date, count = PEER_PERIODS): { from: string; to: string } {
  if (granularity === 'month') {
    const y = now.getUTCFullYear();
    const m = now.getUTCMonth();
    const key = (months: number) => {
      const d = new Date(Date.UTC(y, m - months, 1));
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
    };
    return { from: key(count), to: key(1) };
  }
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { from: isoWeekKey(day - count * 7 * 86_400_000), to: isoWeekKey(day - 7 * 86_400_000) };
}

interface Measure {
  n: number;
  total: number;
  desks: number;
}

export function createPeers(db: HubDb, clock: Clock) {
  const base = (q: PeersQuery, window: { from: string; to: string }) =>
    db
      .selectFrom('peer_sums')
      .where('naf_section', '=', q.naf)
      .where('size_band', '=', q.size)
      .where('period_key', '>=', window.from)
      .where('period_key', '<=', window.to)
      .groupBy('measure');

  /** The country's sums per measure, and in the same pass those of the rest of the country (outside the département). */
  async function nationalAndRest(q: PeersQuery, window: { from: string; to: string }) {
    const outside = sql`departement <> ${q.departement}`;
    const rows = await base(q, window)
      .select((eb) => [
        'measure',
        eb.fn.sum<number>('n').as('n'),
        eb.fn.sum<number>('total').as('total'),
        eb.fn.count<number>('desk_id').distinct().as('desks'),
        sql<number>`sum(case when ${outside} then n else 0 end)`.as('rest_n'),
        sql<number>`count(distinct case when ${outside} then desk_id end)`.as('rest_desks'),
      ])
      .execute();
    const national = new Map<string, Measure>();
    const rest = new Map<string, Measure>();
    for (const r of rows) {
      national.set(r.measure, { n: num(r.n), total: num(r.total), desks: num(r.desks) });
      rest.set(r.measure, { n: num(r.rest_n), total: 0, desks: num(r.rest_desks) });
    }
    return { national, rest };
  }

  async function inDepartement(q: PeersQuery, window: { from: string; to: string }) {
    const rows = await base(q, window)
      .where('departement', '=', q.departement)
      .select((eb) => [
        'measure',
        eb.fn.sum<number>('n').as('n'),
        eb.fn.sum<number>('total').as('total'),
        eb.fn.count<number>('desk_id').distinct().as('desks'),
      ])
      .execute();
    return new Map(rows.map((r) => [r.measure, { n: num(r.n), total: num(r.total), desks: num(r.desks) }]));
  }

  const enough = (m: Measure | undefined): m is Measure =>
    m !== undefined && m.n >= PEER_MIN_DIAGNOSES && m.desks >= PEER_MIN_DESKS;
  /** What the département's figure would let anyone compute about the rest of the country: nothing, or a safe mean. */
  const safeRest = (rest: Measure | undefined) => rest === undefined || rest.n === 0 || enough(rest);
  const mean = (m: Measure) => Math.round((m.total / m.n) * 10) / 10;

  function figures(all: Map<string, Measure>, rest?: Map<string, Measure>): PeerFigures | null {
    const ok = (measure: string) => enough(all.get(measure)) && (!rest || safeRest(rest.get(measure)));
    if (!ok(COUNT) || !ok(OVERALL)) return null;
    const count = all.get(COUNT)!;
    const dimensions = [...all.keys()]
      .filter((m) => m.startsWith(DIMENSION) && ok(m))
      .sort()
      .map((m) => ({ id: m.slice(DIMENSION.length), mean: mean(all.get(m)!), diagnoses: all.get(m)!.n }));
    return { diagnoses: count.n, desks: count.desks, overall: mean(all.get(OVERALL)!), dimensions };
  }

  const memo = new Map<string, { at: number; generation: number; answer: PeerBenchmarks }>();

  return {
    async benchmarks(q: PeersQuery, options: { fresh?: boolean } = {}): Promise<PeerBenchmarks> {
      const { granularity } = await readDisclosure(db);
      const now = clock.now();
      const window = closedWindow(granularity, now);
      const key = `${q.naf}|${q.size}|${q.departement}|${window.from}|${window.to}`;
      const generation = generationOf(q.naf, q.size);
      const kept = memo.get(key);
      if (
        !options.fresh &&
        kept &&
        kept.generation === generation &&
        now.getTime() - kept.at >= 0 &&
        now.getTime() - kept.at < PEERS_MEMO_MS
      )
        return kept.answer;
      const answer = await compute(q, window, now);
      if (memo.size >= PEERS_MEMO_ENTRIES) memo.delete(memo.keys().next().value!);
      memo.set(key, { at: now.getTime(), generation, answer });
      return answer;
    },
  };

  async function compute(q: PeersQuery, window: { from: string; to: string }, now: Date): Promise<PeerBenchmarks> {
    const [{ national, rest }, local] = await Promise.all([nationalAndRest(q, window), inDepartement(q, window)]);
    return {
      nafSection: q.naf,
      sizeBand: q.size,
      departement: q.departement,
      from: window.from,
      to: window.to,
      computedAt: now.toISOString(),
      thresholds: { diagnoses: PEER_MIN_DIAGNOSES, desks: PEER_MIN_DESKS },
      national: figures(national),
      departemental: figures(local, rest),
    };
  }
}

export type HubPeers = ReturnType<typeof createPeers>;
