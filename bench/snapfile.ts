// Signed snapshot files (issue 10): a coordinator imports the file of a desk that could not reach the hub for a year
// (twelve monthly snapshots), against the naive baseline measured in the same run: the same twelve snapshots uploaded
// one by one over the API, as the desk would had it the network. Also the file's size and the cost of checking its
// signature alone. SQLite, and PostgreSQL when MEDIANE_HUB_TEST_PG is set. Run with `npm run bench -- --only snapfile`
// (`--quick`: fewer desks). Figures go to bench/README.md.
import { parseArgs } from 'node:util';
import { buildHub } from '../hub/server';
import { snapshotHash } from '../hub/snapshots';
import {
  newDeskKeyPair,
  signSnapshotFile,
  SIGNED_SNAPSHOT_FILE_FORMAT,
  verifySnapshotFileSignature,
} from '../shared/sync/snapshot-file';
import type { Snapshot } from '../shared/sync/snapshot';
import { createAdmin } from '../hub/admin';
import { DIALECTS, fakeClock, month, openTestDb } from '../tests/hub/fixtures';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const DESKS = values.quick ? 10 : 60;

/** A seeded generator (mulberry32): the same desks on every run. */
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

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function run(dialect: 'sqlite' | 'postgres') {
  const clock = fakeClock();
  const test = await openTestDb(dialect, clock);
  const app = await buildHub({ db: test.opened.db, clock, rateLimitPerMinute: 1_000_000, enrollPerMinute: 1_000_000 });
  const admin = createAdmin(test.opened.db, clock, 'bench');
  const random = rng(42);
  const scope = await admin.createScope({ name: 'Bench', kind: 'departement', codes: ['34'] });
  const coordinator = await admin.createCoordinator({ scopeId: scope.id, name: 'Bench' });
  const coordAuth = { authorization: `Bearer ${coordinator.credential}`, 'content-type': 'application/json' };

  async function desk() {
    const site = await admin.createSite({ name: `Lieu ${random().toString(36).slice(2, 8)}`, departement: '34' });
    const { code } = await admin.issueEnrollmentCode({ siteId: site.id });
    const keys = newDeskKeyPair();
    const res = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code, publicKey: keys.publicKey } });
    const body = res.json() as { deskId: string; credential: string };
    const year: Snapshot[] = Array.from({ length: 12 }, (_, m) =>
      month(body.deskId, `2026-${String(m + 1).padStart(2, '0')}`, 40 + Math.floor(random() * 260)),
    );
    return { ...body, keys, year };
  }

  const fileTimes: number[] = [];
  const verifyTimes: number[] = [];
  const naiveTimes: number[] = [];
  const fileBytes: number[] = [];
  for (let i = 0; i < DESKS; i++) {
    // The file: one request, one transaction for the twelve snapshots.
    const offline = await desk();
    const file = signSnapshotFile(
      {
        format: SIGNED_SNAPSHOT_FILE_FORMAT,
        hub: 'https://hub.example.fr',
        deskId: offline.deskId,
        exportedAt: clock.now().toISOString(),
        snapshots: offline.year.map((s) => ({
          key: `${s.deskId}:${s.period.key}:1`,
          hash: snapshotHash(s),
          snapshot: s,
        })),
      },
      offline.keys.privateKey,
    );
    const payload = JSON.stringify(file);
    fileBytes.push(Buffer.byteLength(payload));
    let start = process.hrtime.bigint();
    verifySnapshotFileSignature(file, offline.keys.publicKey);
    verifyTimes.push(ms(start));
    start = process.hrtime.bigint();
    const res = await app.inject({
      method: 'POST',
      url: '/v1/coordinator/snapshot-files',
      headers: coordAuth,
      payload,
    });
    fileTimes.push(ms(start));
    if (res.statusCode !== 200) throw new Error(`import refused: ${res.body}`);

    // The naive baseline: the same kind of year, twelve uploads over the API.
    const online = await desk();
    start = process.hrtime.bigint();
    for (const s of online.year) {
      const up = await app.inject({
        method: 'POST',
        url: '/v1/snapshots',
        headers: { authorization: `Bearer ${online.credential}` },
        payload: s,
      });
      if (up.statusCode !== 200) throw new Error(`upload refused: ${up.body}`);
    }
    naiveTimes.push(ms(start));
  }
  await app.close();
  await test.dispose();
  const file = median(fileTimes);
  const naive = median(naiveTimes);
  return {
    dialect,
    desks: DESKS,
    snapshotsPerFile: 12,
    fileKBMedian: round(median(fileBytes) / 1024, 1),
    importYearFileMedianMs: round(file),
    naiveTwelveUploadsMedianMs: round(naive),
    ratioFileToNaive: round(file / naive, 3),
    verifySignatureMedianMs: round(median(verifyTimes), 3),
  };
}

const results = [];
for (const dialect of DIALECTS) results.push(await run(dialect));
console.log(JSON.stringify(results, null, 2));
