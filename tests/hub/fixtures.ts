import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { expect } from 'vitest';
import { flatCells } from '../../shared/sync/consolidate';
import { buildSnapshot, type RawSnapshot } from '../../shared/sync/disclosure';
import type { Snapshot } from '../../shared/sync/snapshot';
import { createAdmin } from '../../hub/admin';
import { num, openHubDb, type OpenedHubDb } from '../../hub/db/database';
import { buildHub } from '../../hub/server';

// The hub under test, on SQLite always and on PostgreSQL when MEDIANE_HUB_TEST_PG names a server where the role may
// create databases (CI starts Debian's PostgreSQL and sets it; see .ci/run). Each hub gets a fresh database.

export const PG_URL = process.env.MEDIANE_HUB_TEST_PG;
export const DIALECTS: Array<'sqlite' | 'postgres'> = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
if (!PG_URL)
  console.warn(
    '[hub tests] MEDIANE_HUB_TEST_PG is not set: the hub suite runs on SQLite only (CI runs PostgreSQL too).',
  );

export function fakeClock(start = '2026-12-07T10:00:00.000Z') {
  let now = Date.parse(start);
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

export interface TestHub {
  app: FastifyInstance;
  opened: OpenedHubDb;
  admin: ReturnType<typeof createAdmin>;
  clock: ReturnType<typeof fakeClock>;
  close(): Promise<void>;
}

async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hub_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function openTestDb(dialect: 'sqlite' | 'postgres', clock = fakeClock()) {
  const dataDir = mkdtempSync(join(tmpdir(), 'mediane-hub-'));
  const pgDb = dialect === 'postgres' ? await freshPostgres() : null;
  const opened = await openHubDb({ databaseUrl: pgDb?.url, dataDir, now: () => clock.now().toISOString() });
  return {
    opened,
    dataDir,
    databaseUrl: pgDb?.url,
    async dispose() {
      await opened.close().catch(() => {});
      await pgDb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startTestHub(
  dialect: 'sqlite' | 'postgres',
  options: { trustedKeys?: Record<string, string>; rateLimitPerMinute?: number; enrollPerMinute?: number } = {},
): Promise<TestHub> {
  const clock = fakeClock();
  const test = await openTestDb(dialect, clock);
  const app = await buildHub({
    db: test.opened.db,
    clock,
    rateLimitPerMinute: 100_000,
    enrollPerMinute: 100_000,
    ...options,
  });
  return {
    app,
    opened: test.opened,
    admin: createAdmin(test.opened.db, clock, 'test'),
    clock,
    async close() {
      await app.close();
      await test.dispose();
    },
  };
}

/** A site with one enrolled desk: its id and credential. */
export async function enrolledDesk(hub: TestHub, departement = '69', name = 'France Services Lyon 3e') {
  const site = await hub.admin.createSite({ name, departement });
  const { code } = await hub.admin.issueEnrollmentCode({ siteId: site.id });
  const res = await hub.app.inject({ method: 'POST', url: '/v1/enroll', payload: { code } });
  if (res.statusCode !== 200) throw new Error(`enroll failed: ${res.body}`);
  const body = res.json() as { deskId: string; credential: string };
  return {
    site,
    deskId: body.deskId,
    credential: body.credential,
    auth: { authorization: `Bearer ${body.credential}` },
  };
}

/** A desk's month with `people` individual sessions spread over the brackets: a real snapshot through the rule. */
export function rawMonth(deskId: string, period: string, people: number, version = 1): RawSnapshot {
  const ages = ['vingt_cinq_trente_neuf', 'quarante_cinquante_neuf', 'soixante_dix_plus'] as const;
  const age: Record<string, number> = {};
  for (let i = 0; i < people; i++) age[ages[i % 3]!] = (age[ages[i % 3]!] ?? 0) + 1;
  return {
    deskId,
    period: { granularity: 'month', key: period },
    version,
    totals: {
      sessions: people,
      individualSessions: people,
      workshops: 0,
      workshopParticipants: 0,
      peopleHelped: people,
      totalMinutes: people * 30,
    },
    activity: {
      kind: { individuel: people },
      topics: { aide_aux_demarches_administratives: people },
      adminTopics: { logement: people },
      outcomes: { finalisee: people },
      orientation: {},
      channels: { lieu_activite: people },
      durationRanges: { de_30_a_60: people },
      autonomy: { partiellement_autonome: people },
      equipment: { ordinateur: people },
      operators: { caf: people },
    },
    population: {
      age,
      gender: { feminin: Math.ceil(people / 2), masculin: Math.floor(people / 2) },
      status: { retraite: people },
      firstVisit: { premiere_visite: people },
      area: { '69123': people },
    },
  };
}

export function month(deskId: string, period: string, people: number, version = 1, previous?: Snapshot): Snapshot {
  return buildSnapshot(rawMonth(deskId, period, people, version), 5, previous).snapshot;
}

/** Every running sum (per département and for 'FR') recomputed from the stored snapshots: must equal the table. */
export async function expectRunningSumsMatchSnapshots(hub: TestHub) {
  const db = hub.opened.db;
  const stored = await db
    .selectFrom('snapshots')
    .innerJoin('sites', 'sites.id', 'snapshots.site_id')
    .select(['sites.departement', 'snapshots.body'])
    .execute();
  const expected = new Map<string, number>();
  for (const row of stored) {
    const snapshot = JSON.parse(row.body) as Snapshot;
    for (const area of [row.departement, 'FR'])
      for (const c of flatCells(snapshot)) {
        const id = `${area}|${snapshot.period.key}|${c.dimension}|${c.key}`;
        expected.set(id, (expected.get(id) ?? 0) + c.n * 1000 + c.suppressed);
      }
  }
  const actual = new Map<string, number>();
  for (const r of await db.selectFrom('departement_cells').selectAll().execute()) {
    const value = num(r.n) * 1000 + num(r.suppressed_in);
    if (value !== 0) actual.set(`${r.departement}|${r.period_key}|${r.dimension}|${r.cell_key}`, value);
  }
  for (const [id, v] of [...expected]) if (v === 0) expected.delete(id);
  expect(actual).toEqual(expected);
}
