// Peer benchmarks for diagnostics (hub/peers.ts): a national simulation of the diagnostics sections desks send (2,800
// desks, a year of monthly snapshots, each desk-month carrying one to three groups of 10 to 25 diagnoses), stored the
// way uploads store them, then the desk's question "GET /v1/peers" for a busy group and a rare one, against a naive
// baseline measured in the same run (read every row of the window and add up the group in JavaScript).
// Run with `npm run bench -- --only peers` (PostgreSQL too when MEDIANE_HUB_TEST_PG is set); `--quick`: 280 desks.
import { createAdmin } from '../hub/admin';
import { createDesks } from '../hub/desks';
import { closedWindow, createPeers, storePeerSums } from '../hub/peers';
import { buildSnapshot, type RawDiagnosis } from '../shared/sync/disclosure';
import { DIAGNOSTIC_SIZE_BANDS, type Snapshot } from '../shared/sync/snapshot';
import { openTestDb, PG_URL } from '../tests/hub/fixtures';
import { measure, msSince, now, summarise } from './work';

const SECTIONS = 'ABCDEFGHIJKLMNOPQRSTU'.split('');
const DIMENSIONS = ['strategie', 'equipements', 'competences', 'donnees', 'automatisation', 'responsable'];
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
// The hub's clock in this bench: the window is 2025-12 to 2026-11.
const CLOCK = { now: () => new Date('2026-12-07T10:00:00Z') };
const MONTHS = Array.from({ length: 12 }, (_, i) => {
  const d = new Date(Date.UTC(2025, 11 + i, 1));
  return d.toISOString().slice(0, 7);
});

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

/** Businesses are mostly retail, construction, hospitality and services (sections G, F, I, M, S), of 0 or 1-9. */
function pickGroup(random: () => number) {
  const busy = ['G', 'F', 'I', 'M', 'S'];
  const section = random() < 0.7 ? busy[Math.floor(random() * busy.length)]! : SECTIONS[Math.floor(random() * 21)]!;
  const size = random() < 0.85 ? DIAGNOSTIC_SIZE_BANDS[Math.floor(random() * 2)]! : DIAGNOSTIC_SIZE_BANDS[2]!;
  return { section, size };
}

function deskMonth(deskId: string, period: string, departement: string, random: () => number): Snapshot {
  const diagnoses: RawDiagnosis[] = [];
  const groups = 1 + Math.floor(random() * 3);
  for (let g = 0; g < groups; g++) {
    const { section, size } = pickGroup(random);
    const count = 10 + Math.floor(random() * 16);
    for (let i = 0; i < count; i++) {
      const dimensions = Object.fromEntries(
        DIMENSIONS.map((id) => [id, random() < 0.05 ? null : Math.floor(random() * 101)]),
      );
      diagnoses.push({
        nafSection: section,
        sizeBand: size,
        departement,
        overall: Math.floor(random() * 101),
        dimensions,
      });
    }
  }
  const empty = {};
  return buildSnapshot(
    {
      deskId,
      period: { granularity: 'month', key: period },
      version: 1,
      totals: {
        sessions: 0,
        individualSessions: 0,
        workshops: 0,
        workshopParticipants: 0,
        peopleHelped: 0,
        totalMinutes: 0,
      },
      activity: {
        kind: empty,
        topics: empty,
        adminTopics: empty,
        outcomes: empty,
        orientation: empty,
        channels: empty,
        durationRanges: empty,
        autonomy: empty,
        equipment: empty,
        operators: empty,
      },
      population: { age: empty, gender: empty, status: empty, firstVisit: empty, area: empty },
      diagnostics: diagnoses,
    },
    5,
  ).snapshot;
}

async function simulate(dialect: 'sqlite' | 'postgres', deskCount: number, iterations: number) {
  const test = await openTestDb(dialect);
  try {
    const db = test.opened.db;
    const admin = createAdmin(db, CLOCK, 'bench');
    const desks = createDesks(db, CLOCK);
    const random = rng(17);
    let groups = 0;
    const t0 = now();
    for (let s = 0; s < deskCount; s++) {
      const departement = DEPARTEMENTS[s % DEPARTEMENTS.length]!;
      const site = await admin.createSite({ name: `Lieu ${s}`, departement });
      const desk = await desks.enroll((await admin.issueEnrollmentCode({ siteId: site.id })).code);
      for (const period of MONTHS) {
        const snapshot = deskMonth(desk.deskId, period, departement, random);
        groups += snapshot.diagnostics?.groups.length ?? 0;
        // What the upload's transaction does for this section (the rest of the upload is bench/hub.ts's).
        await db.transaction().execute((trx) => storePeerSums(trx, snapshot, undefined));
      }
    }
    const storeSeconds = msSince(t0) / 1000;
    const rows = Number(
      (
        await db
          .selectFrom('peer_sums')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const peers = createPeers(db, CLOCK);
    const busy = { naf: 'G', size: '1-9', departement: '69' } as const;
    const rare = { naf: 'B', size: '10-49', departement: '974' } as const;
    const answer = await peers.benchmarks(busy);
    // Cold: computed from the table every time (the memo bypassed); warm: the hub's one-minute memo.
    const fast = summarise(await measure(iterations, 3, () => peers.benchmarks(busy, { fresh: true })));
    const warm = summarise(await measure(iterations, 3, () => peers.benchmarks(busy)));
    const rareSample = summarise(await measure(iterations, 3, () => peers.benchmarks(rare, { fresh: true })));
    // Naive: every row of the window read back and the group's national sums added up in JavaScript.
    const window = closedWindow('month', CLOCK.now());
    const naive = summarise(
      await measure(Math.max(3, Math.floor(iterations / 5)), 1, async () => {
        const all = await db
          .selectFrom('peer_sums')
          .selectAll()
          .where('period_key', '>=', window.from)
          .where('period_key', '<=', window.to)
          .execute();
        const sums = new Map<string, { n: number; total: number; desks: Set<string> }>();
        for (const r of all) {
          if (r.naf_section !== busy.naf || r.size_band !== busy.size) continue;
          const m = sums.get(r.measure) ?? { n: 0, total: 0, desks: new Set<string>() };
          m.n += Number(r.n);
          m.total += Number(r.total);
          m.desks.add(r.desk_id);
          sums.set(r.measure, m);
        }
        return sums;
      }),
    );
    return { storeSeconds, groups, rows, fast, warm, rareSample, naive, answer };
  } finally {
    await test.dispose();
  }
}

const quick = process.argv.includes('--quick');
const dialects: Array<'sqlite' | 'postgres'> = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
for (const dialect of dialects) {
  const deskCount = quick ? 280 : 2800;
  const r = await simulate(dialect, deskCount, quick ? 20 : 50);
  const line = (name: string, text: string) => console.log(`peers (${dialect}) ${name}: ${text}`);
  line(
    'national simulation',
    `${deskCount} desks × 12 months, ${r.groups} groups, ${r.rows} rows stored in ${r.storeSeconds.toFixed(1)} s`,
  );
  line(
    'GET /v1/peers, busy group G|1-9|69',
    `p50 ${r.fast.p50.toFixed(2)} ms, p99 ${r.fast.p99.toFixed(2)} ms (naive: read the window and add up in JS, p50 ${r.naive.p50.toFixed(1)} ms; ratio ${(r.naive.p50 / r.fast.p50).toFixed(1)}×); national ${r.answer.national?.diagnoses ?? 0} diagnoses from ${r.answer.national?.desks ?? 0} desks, département ${r.answer.departemental?.diagnoses ?? 'held back'}`,
  );
  line('GET /v1/peers, busy group, memo warm', `p50 ${r.warm.p50.toFixed(3)} ms, p99 ${r.warm.p99.toFixed(3)} ms`);
  line(
    'GET /v1/peers, rare group B|10-49|974',
    `p50 ${r.rareSample.p50.toFixed(2)} ms, p99 ${r.rareSample.p99.toFixed(2)} ms`,
  );
}
