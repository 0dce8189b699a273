// The hub's benchmarks (issue 10): snapshot ingest over HTTP with 8 concurrent clients on SQLite and PostgreSQL, the
// payload of one busy site-year, and a national simulation (2,800 sites, a year of monthly snapshots) with the
// coordinator's consolidated query for a département and the whole country. Run with `npm run bench -- --only hub`
// (PostgreSQL when MEDIANE_HUB_TEST_PG names a server where the role may create databases).
import { gzipSync } from 'node:zlib';
import { createAdmin } from '../hub/admin';
import { createDesks } from '../hub/desks';
import { buildHub } from '../hub/server';
import { createSnapshots } from '../hub/snapshots';
import { addSnapshot, emptyConsolidated } from '../shared/sync/consolidate';
import { buildSnapshot, type RawSnapshot } from '../shared/sync/disclosure';
import type { Snapshot } from '../shared/sync/snapshot';
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

async function ingest(dialect: 'sqlite' | 'postgres', clients: number, perClient: number): Promise<number> {
  const test = await openTestDb(dialect);
  const clock = { now: () => new Date('2026-12-07T10:00:00Z') };
  const app = await buildHub({ db: test.opened.db, clock, rateLimitPerMinute: 10_000_000, enrollPerMinute: 1_000_000 });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const admin = createAdmin(test.opened.db, clock, 'bench');
    const random = rng(7);
    const desks = [];
    for (let c = 0; c < clients; c++) {
      const site = await admin.createSite({ name: `Lieu ${c}`, departement: '69' });
      const { code } = await admin.issueEnrollmentCode({ siteId: site.id });
      desks.push(await createDesks(test.opened.db, clock).enroll(code));
    }
    // Each client sends a distinct period per upload: 8 clients × perClient snapshots, prepared before timing.
    const bodies = desks.map((d) =>
      Array.from({ length: perClient }, (_, i) => {
        const period = `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
        return JSON.stringify(
          buildSnapshot(siteMonth(d.deskId, period, 400, random, ['69123', '69266', '200046977']), 5).snapshot,
        );
      }),
    );
    const t0 = now();
    await Promise.all(
      desks.map(async (d, c) => {
        for (const body of bodies[c]!) {
          const res = await fetch(`${base}/v1/snapshots`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${d.credential}` },
            body,
          });
          if (res.status !== 200) throw new Error(`upload refused: ${res.status} ${await res.text()}`);
          await res.arrayBuffer();
        }
      }),
    );
    return (clients * perClient) / (msSince(t0) / 1000);
  } finally {
    await app.close();
    await test.dispose();
  }
}

async function national(
  dialect: 'sqlite' | 'postgres',
  sitesCount: number,
  iterations: number,
): Promise<HubBenchResult[]> {
  const test = await openTestDb(dialect);
  const clock = { now: () => new Date('2026-12-07T10:00:00Z') };
  try {
    const admin = createAdmin(test.opened.db, clock, 'bench');
    const desks = createDesks(test.opened.db, clock);
    const snapshots = createSnapshots(test.opened.db, clock);
    const random = rng(11);
    const t0 = now();
    for (let s = 0; s < sitesCount; s++) {
      const departement = DEPARTEMENTS[s % DEPARTEMENTS.length]!;
      const site = await admin.createSite({ name: `Lieu ${s}`, departement });
      const { code } = await admin.issueEnrollmentCode({ siteId: site.id });
      const desk = await desks.enroll(code);
      const busy = 80 + Math.floor(random() * 500);
      // A commune of the département (INSEE: département + commune number).
      const areas = [departement.length === 3 ? `${departement}01` : `${departement}001`];
      for (const period of MONTHS)
        await snapshots.upload(
          { kind: 'desk', deskId: desk.deskId, siteId: site.id },
          buildSnapshot(
            siteMonth(
              desk.deskId,
              period,
              busy,
              random,
              areas.filter((a) => /^\d[\dAB]\d{3}$/.test(a)),
            ),
            5,
          ).snapshot,
        );
    }
    const ingestSeconds = msSince(t0) / 1000;
    const rhone = await admin.createScope({ name: 'Département 69', kind: 'departement', codes: ['69'] });
    const france = await admin.createScope({ name: 'France', kind: 'national', codes: ['FR'] });
    const dep = summarise(await measure(iterations, 2, () => snapshots.summary(rhone.id, '2025-01', '2025-12')));
    const country = summarise(await measure(iterations, 2, () => snapshots.summary(france.id, '2025-01', '2025-12')));
    // The naive way: parse and add up every stored snapshot of the year.
    const naive = summarise(
      await measure(Math.max(3, Math.floor(iterations / 4)), 1, async () => {
        const rows = await test.opened.db.selectFrom('snapshots').select('body').execute();
        const total = emptyConsolidated();
        for (const r of rows) addSnapshot(total, JSON.parse(r.body) as Snapshot);
        return total;
      }),
    );
    const n = sitesCount * MONTHS.length;
    return [
      {
        name: `national ingest (${dialect})`,
        value: n / ingestSeconds,
        unit: 'snapshots/s',
        detail: { snapshots: n, seconds: Number(ingestSeconds.toFixed(1)) },
      },
      { name: `coordinator query, one département, a year (${dialect})`, value: dep.p50, unit: 'ms p50', sample: dep },
      {
        name: `coordinator query, whole country, a year (${dialect})`,
        value: country.p50,
        unit: 'ms p50',
        sample: country,
        baseline: { name: 'parse and add every snapshot', value: naive.p50 },
      },
    ];
  } finally {
    await test.dispose();
  }
}

export async function runHubBench(options: { quick: boolean }): Promise<HubBenchResult[]> {
  const results: HubBenchResult[] = [];
  const dialects: Array<'sqlite' | 'postgres'> = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

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
      value: concurrent,
      unit: 'uploads/s',
      baseline: { name: 'one client at a time', value: single },
    });
    results.push(...(await national(dialect, options.quick ? 280 : 2800, options.quick ? 10 : 30)));
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick');
  for (const r of await runHubBench({ quick })) {
    const ratio = r.baseline
      ? ` (baseline ${r.baseline.name}: ${r.baseline.value.toFixed(1)}; ratio ${(r.unit.startsWith('ms') ? r.baseline.value / r.value : r.value / r.baseline.value).toFixed(1)}×)`
      : '';
    console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit}${ratio}${r.detail ? ` ${JSON.stringify(r.detail)}` : ''}`);
  }
}
