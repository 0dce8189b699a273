// The hub's benchmarks (issue 10): snapshot ingest over HTTP with 8 concurrent clients on SQLite and PostgreSQL, the
// payload of one busy site-year, and a national simulation (2,800 sites, a year of monthly snapshots) with the
// coordinator's consolidated query for a département and the whole country. Run with `npm run bench -- --only hub`
// (PostgreSQL when MEDIANE_HUB_TEST_PG names a server where the role may create databases).
import { gzipSync } from 'node:zlib';
import { Pool } from 'undici';
import { createAdmin } from '../hub/admin';
import { createDesks } from '../hub/desks';
import { buildHub } from '../hub/server';
import { createSnapshots } from '../hub/snapshots';
import { addSnapshot, emptyConsolidated } from '../shared/sync/consolidate';
import { buildSnapshot, type RawSnapshot } from '../shared/sync/disclosure';
import type { Snapshot } from '../shared/sync/snapshot';
import type { DeskIdentity } from '../hub/desks';
import {
  ADMIN_TOPICS,
  AGE_BRACKETS,
  AUTONOMY,
  CHANNELS,
  EQUIPMENT,
  GENDERS,
  ORIENTATIONS,
  OUTCOMES,
  STATUSES,
  TOPICS,
  DEFAULT_OPERATORS,
} from '../shared/taxonomy';
import { DURATION_RANGES } from '../shared/sync/dimensions';
import { openTestDb, PG_URL } from '../tests/hub/fixtures';
import { measure, msSince, now, summarise, type Sample } from './work';

export interface HubBenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  detail?: Record<string, number | string>;
  sample?: Sample;
}

/** A seeded generator (mulberry32): the same data on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function spread(keys: readonly string[], total: number, random: () => number): Record<string, number> {
  const weights = keys.map(() => random() ** 2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const out: Record<string, number> = {};
  let left = total;
  keys.forEach((key, i) => {
    const n = i === keys.length - 1 ? left : Math.min(left, Math.round((total * weights[i]!) / sum));
    if (n > 0) out[key] = n;
    left -= n;
  });
  return out;
}

/** One site's month: `sessions` individual sessions plus a few workshops, every table filled the way a busy desk's is. */
export function siteMonth(
  deskId: string,
  period: string,
  sessions: number,
  random: () => number,
  areas: string[],
): RawSnapshot {
  const participants = Math.round(sessions * 0.15);
  const people = sessions + participants;
  return {
    deskId,
    period: { granularity: 'month', key: period },
    version: 1,
    totals: {
      sessions: sessions + 3,
      individualSessions: sessions,
      workshops: 3,
      workshopParticipants: participants,
      peopleHelped: people,
      totalMinutes: sessions * 35,
    },
    activity: {
      kind: { individuel: sessions, collectif: 3 },
      topics: spread(TOPICS, sessions, random),
      adminTopics: spread(ADMIN_TOPICS, Math.round(sessions * 0.7), random),
      outcomes: spread(OUTCOMES, sessions, random),
      orientation: spread(ORIENTATIONS, Math.round(sessions * 0.1), random),
      channels: spread(CHANNELS, sessions, random),
      durationRanges: spread(DURATION_RANGES, sessions, random),
      autonomy: spread(AUTONOMY, sessions, random),
      equipment: spread(EQUIPMENT, sessions, random),
      operators: spread(DEFAULT_OPERATORS, Math.round(sessions * 0.8), random),
    },
    population: {
      age: spread(AGE_BRACKETS, people, random),
      gender: spread(GENDERS, people, random),
      status: spread(STATUSES, people, random),
      firstVisit: spread(['premiere_visite', 'deja_venu'], sessions, random),
      area: spread([...areas, 'non_communique'], sessions, random),
    },
  };
}

const MONTHS = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
const DEPARTEMENTS = [
  ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((d) => d !== '20'),
  '2A',
  '2B',
  '971',
  '972',
  '973',
  '974',
  '976',
];

/** The hub on a fresh database, listening on a local port, with rate limits out of the way of a load test. */
async function startHub(dialect: 'sqlite' | 'postgres') {
  const test = await openTestDb(dialect);
  const clock = { now: () => new Date('2026-12-07T10:00:00Z') };
  const app = await buildHub({
    db: test.opened.db,
    clock,
    rateLimitPerMinute: 100_000_000,
    enrollPerMinute: 1_000_000,
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const admin = createAdmin(test.opened.db, clock, 'bench');
  const desks = createDesks(test.opened.db, clock);
  return {
    base,
    db: test.opened.db,
    admin,
    clock,
    /** A site with one desk enrolled by a real single-use code: the credential a desk would hold. */
    async enrolledSite(name: string, departement: string) {
      const site = await admin.createSite({ name, departement });
      const { code } = await admin.issueEnrollmentCode({ siteId: site.id });
      return desks.enroll(code);
    },
    async close() {
      await app.close();
      await test.dispose();
    },
  };
}

/** Runs `n` async tasks with at most `width` at a time (set-up work: sites and enrollments). */
async function inParallel(n: number, width: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

interface Upload {
  credential: string;
  body: string;
}

/**
 * `clients` desks' sync loops over HTTP: each its own keep-alive connection (undici), one upload at a time, the next
 * as soon as the receipt is in (what a desk's outbox does). Returns uploads per second over the whole run.
 */
interface IngestRun {
  /** Uploads per second, wall clock. */
  rate: number;
  /**
   * CPU time of this process (the hub and its clients) per upload: what the machine's load does not inflate much, and
   * 1000 / cpuMs bounds the rate one core could reach with the database's waits overlapped.
   */
  cpuMs: number;
}

async function uploadOverHttp(base: string, queues: Upload[][]): Promise<IngestRun> {
  const pool = new Pool(base, { connections: queues.length, pipelining: 1 });
  try {
    const t0 = now();
    const cpu0 = process.cpuUsage();
    await Promise.all(
      queues.map(async (queue) => {
        for (const u of queue) {
          const res = await pool.request({
            method: 'POST',
            path: '/v1/snapshots',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${u.credential}` },
            body: u.body,
          });
          const text = await res.body.text();
          if (res.statusCode !== 200) throw new Error(`upload refused: ${res.statusCode} ${text}`);
        }
      }),
    );
    const count = queues.reduce((n, q) => n + q.length, 0);
    const cpu = process.cpuUsage(cpu0);
    return { rate: count / (msSince(t0) / 1000), cpuMs: (cpu.user + cpu.system) / 1000 / count };
  } finally {
    await pool.close();
  }
}

export async function ingest(dialect: 'sqlite' | 'postgres', clients: number, perClient: number): Promise<IngestRun> {
  const hub = await startHub(dialect);
  try {
    const random = rng(7);
    // Distinct desks in distinct départements, each sending a distinct period per upload, prepared before timing.
    const queues: Upload[][] = [];
    for (let c = 0; c < clients; c++) {
      const departement = DEPARTEMENTS[(c * 13) % DEPARTEMENTS.length]!;
      const desk = await hub.enrolledSite(`Lieu ${c}`, departement);
      queues.push(
        Array.from({ length: perClient }, (_, i) => {
          const period = `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
          const raw = siteMonth(desk.deskId, period, 400, random, communes(departement));
          return { credential: desk.credential, body: JSON.stringify(buildSnapshot(raw, 5).snapshot) };
        }),
      );
    }
    return await uploadOverHttp(hub.base, queues);
  } finally {
    await hub.close();
  }
}

/**
 * The upload service without HTTP, 8 desks each awaiting its receipt before the next upload: group commit (the hub's
 * way) against one transaction per upload (`maxBatch: 1`, the naive way), on fresh databases, in the same run.
 */
export async function serviceIngest(
  dialect: 'sqlite' | 'postgres',
  clients: number,
  perClient: number,
  maxBatch?: number,
) {
  const hub = await startHub(dialect);
  try {
    const random = rng(5);
    const service = createSnapshots(hub.db, hub.clock, { maxBatch });
    const work: Array<{ desk: DeskIdentity; snapshots: Snapshot[] }> = [];
    for (let c = 0; c < clients; c++) {
      const departement = DEPARTEMENTS[(c * 17) % DEPARTEMENTS.length]!;
      const desk = await hub.enrolledSite(`Lieu ${c}`, departement);
      work.push({
        desk: { kind: 'desk', deskId: desk.deskId, siteId: desk.site.id },
        snapshots: Array.from({ length: perClient }, (_, i) => {
          const period = `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
          return buildSnapshot(siteMonth(desk.deskId, period, 400, random, communes(departement)), 5).snapshot;
        }),
      });
    }
    const t0 = now();
    const cpu0 = process.cpuUsage();
    await Promise.all(
      work.map(async (w) => {
        for (const snapshot of w.snapshots) await service.upload(w.desk, snapshot);
      }),
    );
    const cpu = process.cpuUsage(cpu0);
    const count = clients * perClient;
    return { rate: count / (msSince(t0) / 1000), cpuMs: (cpu.user + cpu.system) / 1000 / count };
  } finally {
    await hub.close();
  }
}

/** A commune of the département (INSEE: département + commune number), as a desk's area of residence. */
function communes(departement: string): string[] {
  return [departement.length === 3 ? `${departement}01` : `${departement}001`];
}

async function national(
  dialect: 'sqlite' | 'postgres',
  sitesCount: number,
  clients: number,
  iterations: number,
): Promise<HubBenchResult[]> {
  const hub = await startHub(dialect);
  try {
    const random = rng(11);
    const sites: Array<{ credential: string; deskId: string; departement: string; busy: number }> = new Array(
      sitesCount,
    );
    await inParallel(sitesCount, 8, async (s) => {
      const departement = DEPARTEMENTS[s % DEPARTEMENTS.length]!;
      const desk = await hub.enrolledSite(`Lieu ${s}`, departement);
      sites[s] = { credential: desk.credential, deskId: desk.deskId, departement, busy: 0 };
    });
    // Month by month, every site's snapshot (the first days of a month, the whole network sends the last one),
    // dealt round-robin to the clients.
    const queues: Upload[][] = Array.from({ length: clients }, () => []);
    for (const site of sites) site.busy = 80 + Math.floor(random() * 500);
    let i = 0;
    for (const period of MONTHS)
      for (const site of sites)
        queues[i++ % clients]!.push({
          credential: site.credential,
          body: JSON.stringify(
            buildSnapshot(siteMonth(site.deskId, period, site.busy, random, communes(site.departement)), 5).snapshot,
          ),
        });
    const t0 = now();
    const { rate, cpuMs } = await uploadOverHttp(hub.base, queues);
    const ingestSeconds = msSince(t0) / 1000;
    const snapshots = createSnapshots(hub.db, hub.clock);
    const rhone = await hub.admin.createScope({ name: 'Département 69', kind: 'departement', codes: ['69'] });
    const france = await hub.admin.createScope({ name: 'France', kind: 'national', codes: ['FR'] });
    const dep = summarise(await measure(iterations, 2, () => snapshots.summary(rhone.id, '2025-01', '2025-12')));
    const country = summarise(await measure(iterations, 2, () => snapshots.summary(france.id, '2025-01', '2025-12')));
    // The naive way: parse and add up every stored snapshot of the year (of the département, of the country).
    const naiveOf = async (departement?: string) => {
      let q = hub.db.selectFrom('snapshots').select('snapshots.body');
      if (departement)
        q = q
          .innerJoin('sites', 'sites.id', 'snapshots.site_id')
          .where('sites.departement', '=', departement) as typeof q;
      const total = emptyConsolidated();
      for (const r of await q.execute()) addSnapshot(total, JSON.parse(r.body) as Snapshot);
      return total;
    };
    const naiveIterations = Math.max(3, Math.floor(iterations / 4));
    const naiveDep = summarise(await measure(naiveIterations, 1, () => naiveOf('69')));
    const naive = summarise(await measure(naiveIterations, 1, () => naiveOf()));
    const n = sitesCount * MONTHS.length;
    return [
      {
        name: `national ingest over HTTP, ${clients} clients (${dialect})`,
        value: rate,
        unit: 'snapshots/s',
        detail: {
          snapshots: n,
          sites: sitesCount,
          seconds: Number(ingestSeconds.toFixed(1)),
          cpuMsPerUpload: Number(cpuMs.toFixed(2)),
        },
      },
      {
        name: `coordinator query, one département, a year (${dialect})`,
        value: dep.p50,
        unit: 'ms p50',
        sample: dep,
        baseline: { name: 'parse and add the département’s snapshots', value: naiveDep.p50 },
      },
      {
        name: `coordinator query, whole country, a year (${dialect})`,
        value: country.p50,
        unit: 'ms p50',
        sample: country,
        baseline: { name: 'parse and add every snapshot', value: naive.p50 },
      },
    ];
  } finally {
    await hub.close();
  }
}

export async function runHubBench(options: {
  quick: boolean;
  /** Only these engines (default: SQLite, and PostgreSQL when MEDIANE_HUB_TEST_PG is set). */
  dialects?: Array<'sqlite' | 'postgres'>;
}): Promise<HubBenchResult[]> {
  const results: HubBenchResult[] = [];
  const dialects = options.dialects ?? (PG_URL ? ['sqlite', 'postgres'] : ['sqlite']);

  // Payload of one busy site-year: 12 monthly snapshots of a desk with 1,200 sessions a month.
  const random = rng(3);
  const year = MONTHS.map((p) =>
    JSON.stringify(
      buildSnapshot(
        siteMonth('6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5', p, 1200, random, [
          '69123',
          '69266',
          '69259',
          '69290',
          '200046977',
        ]),
        5,
      ).snapshot,
    ),
  );
  const bytes = year.reduce((s, b) => s + Buffer.byteLength(b), 0);
  results.push({
    name: 'payload, one busy site-year (12 snapshots)',
    value: bytes / 1024,
    unit: 'KB',
    detail: { gzippedKB: Number((year.reduce((s, b) => s + gzipSync(b).length, 0) / 1024).toFixed(1)) },
  });

  for (const dialect of dialects) {
    const perClient = options.quick ? 60 : 250;
    const concurrent = await ingest(dialect, 8, perClient);
    const single = await ingest(dialect, 1, perClient);
    results.push({
      name: `ingest over HTTP, 8 concurrent clients (${dialect})`,
      value: concurrent.rate,
      unit: 'uploads/s',
      baseline: { name: 'one client at a time', value: single.rate },
      detail: {
        uploads: 8 * perClient,
        cpuMsPerUpload: Number(concurrent.cpuMs.toFixed(2)),
        oneClientCpuMsPerUpload: Number(single.cpuMs.toFixed(2)),
      },
    });
    const grouped = await serviceIngest(dialect, 8, perClient);
    const oneByOne = await serviceIngest(dialect, 8, perClient, 1);
    results.push({
      name: `ingest through the upload service, 8 concurrent desks, group commit (${dialect})`,
      value: grouped.rate,
      unit: 'uploads/s',
      baseline: { name: 'one transaction per upload', value: oneByOne.rate },
      detail: {
        uploads: 8 * perClient,
        cpuMsPerUpload: Number(grouped.cpuMs.toFixed(2)),
        baselineCpuMsPerUpload: Number(oneByOne.cpuMs.toFixed(2)),
      },
    });
    results.push(...(await national(dialect, options.quick ? 280 : 2800, 8, options.quick ? 10 : 30)));
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick');
  // --dialect sqlite|postgres: one engine only (the full national simulation takes minutes on each).
  const only = process.argv[process.argv.indexOf('--dialect') + 1];
  const dialects = process.argv.includes('--dialect') ? [only as 'sqlite' | 'postgres'] : undefined;
  for (const r of await runHubBench({ quick, dialects })) {
    const ratio = r.baseline
      ? ` (baseline ${r.baseline.name}: ${r.baseline.value.toFixed(1)}; ratio ${(r.unit.startsWith('ms') ? r.baseline.value / r.value : r.value / r.baseline.value).toFixed(1)}×)`
      : '';
    console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit}${ratio}${r.detail ? ` ${JSON.stringify(r.detail)}` : ''}`);
  }
}
