// `npx tsx bench/sync.ts [--quick] [--sessions N]` — the desk's side of the statistics sync: what one busy
// site-year weighs once summarised into monthly snapshots (target: under 100 KB), against the naive alternative of
// sending the year's sessions, and how long closing the twelve months takes (median of runs). Prints JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../main/core';
import { dispatch } from '../main/ipc/dispatch';
import { generateSessions } from '../tests/fixtures/journal-dataset';

const { values: args } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, sessions: { type: 'string' }, runs: { type: 'string' } },
});
// A busy France Services site: about 30 sessions a working day.
const count = Number(args.sessions ?? (args.quick ? 2_000 : 7_500));
const runs = Number(args.runs ?? (args.quick ? 3 : 7));
const quiet = { error: () => {} };

let t = Date.parse('2025-01-01T08:00:00.000Z');
const clock = { now: () => new Date(t) };
const dir = mkdtempSync(join(tmpdir(), 'mediane-bench-sync-'));
const core = createCore({
  dataDir: dir,
  clock,
  maintenance: false,
  syncTransport: () => ({
    enroll: async () => ({
      status: 200,
      body: {
        deskId: '6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5',
        credential: 'bench-credential-0123456789',
        site: { id: '0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3', name: 'Bench', departement: '69' },
        disclosure: { k: 5, granularity: 'month' },
      },
    }),
    send: async () => ({ status: 503, body: null }),
  }),
});
const call = async (method: string, input: unknown) => {
  const r = await dispatch(core.handlers, method as never, input, quiet);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as never;
};

await call('site.save', {
  name: 'France Services Lyon 3e',
  siteType: 'france_services',
  communeCode: '69123',
  postcode: '69003',
  street: '12 rue Paul Bert',
  services: [],
});
let created = 0;
const sessionsJson: string[] = [];
for (const s of generateSessions(count, 1, { start: '2025-01-01', end: '2025-12-31' })) {
  t = Date.parse(`${s.data.date}T18:00:00.000Z`);
  const r = await dispatch(core.handlers, 'journal.create', s.data as never, quiet);
  if (r.ok) {
    created++;
    // The naive baseline: the session rows themselves, without notes (what "send the journal" would mean).
    sessionsJson.push(JSON.stringify({ ...(r.value as Record<string, unknown>), notes: undefined }));
  }
}
t = Date.parse('2026-01-20T10:00:00.000Z');
await call('sync.enroll', { hubUrl: 'https://hub.example.fr', code: 'BENCHCODE1' });

const times: number[] = [];
let payloadBytes = 0;
let periods = 0;
for (let i = 0; i < runs; i++) {
  core.db.prepare('DELETE FROM sync_outbox').run();
  const start = process.hrtime.bigint();
  const { closed } = core.sync.closePeriods();
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  periods = closed.length;
  payloadBytes = (core.db.prepare('SELECT sum(length(payload)) AS n FROM sync_outbox').get() as { n: number }).n;
}
times.sort((a, b) => a - b);
const naiveBytes = sessionsJson.reduce((n, s) => n + Buffer.byteLength(s) + 1, 0);
console.log(
  JSON.stringify(
    {
      sessions: created,
      periods,
      payloadBytes,
      payloadKB: Math.round(payloadBytes / 102.4) / 10,
      naiveSessionsBytes: naiveBytes,
      ratioPayloadToNaive: Math.round((payloadBytes / naiveBytes) * 10_000) / 10_000,
      closeTwelveMonthsMedianMs: Math.round(times[Math.floor(times.length / 2)]! * 10) / 10,
      runs,
    },
    null,
    2,
  ),
);
await core.close();
rmSync(dir, { recursive: true, force: true });
