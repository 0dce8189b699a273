// `npx tsx bench/exports.ts` — the exports' benchmarks (issue 8): the session export of a whole journal of
// 1,000,000 sessions to CSV (rows/s, against a naive export in the same run), and to XLSX and ODS (time and peak
// memory, each measured in a child process of its own). Never part of `npm test`; nothing here asserts on time.
//
//   npx tsx bench/exports.ts               full run: 1,000,000 sessions, CSV 5 times, XLSX and ODS once each
//   npx tsx bench/exports.ts --quick       100,000 sessions, CSV 3 times
//   npm run bench -- --only exports        the same full run, as a section of `npm run bench`
//   options: --sessions N, --seed S, --runs N (CSV runs), --only csv,xlsx,ods, --guides some|none (default some: about 9.5 % of the
//            sessions carry one or two guides, as guided mode writes them), --out FILE (default bench/results-exports.json)
// Each export also reports the longest pause of the event loop while it ran (perf_hooks.monitorEventLoopDelay): the
// export runs as a job on the app's main thread, which must keep answering meanwhile.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { writeSessionExport } from '../main/core/exports/export-file';
import { createCommunesIndex } from '../main/core/communes/communes-index';
import { sessionOf, type StoredRow } from '../main/core/journal/session-row';
import { createTermCodes } from '../main/core/journal/term-codes';
import { DB_FILE } from '../main/core/storage/database';
import type { ExportFormat } from '../shared/exports/schema';
import { DATASET_START, DATASET_END } from '../tests/fixtures/journal-dataset';
import { cleanWorkDirs, datasetDir, now, msSince, workDir, percentile } from './work';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sessions: { type: 'string' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string', default: 'csv,xlsx,ods' },
    out: { type: 'string' },
    child: { type: 'string' },
    dir: { type: 'string' },
    file: { type: 'string' },
    guides: { type: 'string', default: 'some' },
    runs: { type: 'string' },
  },
});

const SCOPE = { from: DATASET_START, to: DATASET_END, kind: null, operator: null, topic: null, outcome: null };
const SITE = {
  id: 'bench',
  name: 'France Services Lyon 3e',
  communeCode: '69123',
  communeName: 'Lyon',
  postcode: '69003',
} as unknown as Parameters<typeof writeSessionExport>[2]['site'];
// Loaded once, before anything is measured: the app holds one commune index for its whole life.
const COMMUNES = createCommunesIndex();
COMMUNES.get('69123');
const quietProgress = { signal: new AbortController().signal, progress: () => undefined };

const cpuMsSince = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

async function exportOnce(dir: string, format: ExportFormat, file: string) {
  const pauses = monitorEventLoopDelay({ resolution: 10 });
  pauses.enable();
  const c0 = process.cpuUsage();
  const t0 = now();
  const r = await writeSessionExport(
    join(dir, DB_FILE),
    file,
    { format, scope: SCOPE, includeNotes: false, site: SITE, communes: COMMUNES, exportedAt: new Date() },
    quietProgress,
  );
  const ms = msSince(t0);
  const cpuMs = cpuMsSince(c0);
  pauses.disable();
  // The histogram's max is the longest delay of a 10 ms timer: the longest time the loop was held, to within 10 ms.
  return { ms, cpuMs, maxPauseMs: Math.round(pauses.max / 1e6), ...r };
}

/** Guides on about 9.5 % of the sessions (two on a fifth of those), spread over the years, as guided mode writes. */
function attachGuides(dir: string): number {
  const db = new Database(join(dir, DB_FILE));
  try {
    const insert =
      db.prepare(`INSERT INTO session_guides (guide, date, seq, title, steps_total, steps_done, blocked, position, updated_at)
      SELECT ?, date, seq, ?, 6, '[1,2,3]', 0, ?, 0 FROM sessions WHERE ((seq * 2654435761) % 1000) < ?`);
    db.transaction(() => {
      insert.run('caf-prime-activite', 'Prime d’activité : déclaration trimestrielle', 0, 95);
      insert.run('ants-titres', 'Carte d’identité, passeport : pré-demande ANTS', 1, 19);
    })();
    return (db.prepare('SELECT count(DISTINCT seq) AS n FROM session_guides').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * The naive export a first version would write: every row read as the journal's full record (sessionOf), each
 * field looked up and quoted on every row, no caches, one write per row.
 */
async function naiveCsv(dir: string, file: string) {
  const c0 = process.cpuUsage();
  const t0 = now();
  const db = new Database(join(dir, DB_FILE), { readonly: true });
  const codes = createTermCodes(db);
  const out = createWriteStream(file);
  let rows = 0;
  const q = (v: unknown) => `"${String(v ?? '').replaceAll('"', '""')}"`;
  for (const r of db
    .prepare('SELECT * FROM sessions WHERE deleted_at IS NULL ORDER BY date, seq')
    .iterate() as IterableIterator<StoredRow>) {
    const s = sessionOf(r, codes);
    const fr = (iso: string) => iso.split('-').reverse().join('/');
    const cells = [
      fr(s.date),
      fr(s.createdAt.slice(0, 10)),
      fr(s.updatedAt.slice(0, 10)),
      s.kind,
      s.channel,
      s.durationMin,
      s.equipment.join(', '),
      [...s.topics, ...s.adminTopics].join(', '),
      s.procedureName,
      s.orientation,
      s.id,
      s.operators.join(', '),
      s.outcome,
      s.followUp?.dueDate ?? '',
      s.taxonomyVersion,
    ];
    const n = s.kind === 'collectif' ? s.workshop.participants : 1;
    for (let i = 0; i < n; i++) {
      if (!out.write(cells.map(q).join(';') + '\r\n')) await new Promise<void>((res) => out.once('drain', () => res()));
      rows++;
    }
  }
  await new Promise((res) => out.end(res));
  db.close();
  return { ms: msSince(t0), cpuMs: cpuMsSince(c0), rows };
}

async function child(): Promise<void> {
  const r = await exportOnce(args.dir!, args.child as ExportFormat, args.file!);
  // maxRSS is in kilobytes: the peak resident memory of this process over its whole life.
  process.stdout.write(JSON.stringify({ ...r, peakRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

function inChild(format: ExportFormat, dir: string, file: string) {
  const r = spawnSync(
    process.execPath,
    [
      join(here, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      fileURLToPath(import.meta.url),
      '--child',
      format,
      '--dir',
      dir,
      '--file',
      file,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (r.status !== 0) throw new Error(`child ${format} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as {
    ms: number;
    cpuMs: number;
    rows: number;
    bytes: number;
    peakRssMB: number;
    maxPauseMs: number;
  };
}

async function main(): Promise<void> {
  if (args.child) return child();
  cleanWorkDirs();
  const quick = args.quick!;
  const count = Number(args.sessions ?? (quick ? 100_000 : 1_000_000));
  const seed = Number(args.seed);
  const only = new Set(args.only!.split(','));
  const log = (m: string) => process.stderr.write(m + '\n');
  const { dir: source } = datasetDir(count, seed, { log });
  // With guides, a copy of the dataset receives them; without, a link to it (nothing is written).
  const withGuides = args.guides !== 'none';
  const dir = workDir(source, 'exports', withGuides ? 'copy' : 'link');
  const guided = withGuides ? attachGuides(dir) : 0;
  if (withGuides) log(`guides attached to ${guided.toLocaleString('en')} sessions`);
  const outDir = join(dir, 'out');
  mkdirSync(outDir, { recursive: true });
  const results: Record<string, unknown> = {
    sessions: count,
    quick,
    date: new Date().toISOString(),
    sessionsWithGuides: guided,
    loadAverageBefore: loadavg().map((x) => +x.toFixed(1)),
  };
  try {
    if (only.has('csv')) {
      const runs = Number(args.runs ?? (quick ? 3 : 5));
      const csv: number[] = [];
      const naive: number[] = [];
      const csvCpu: number[] = [];
      const csvPauses: number[] = [];
      const naiveCpu: number[] = [];
      let rows = 0;
      let bytes = 0;
      await exportOnce(dir, 'csv', join(outDir, 'warm.csv')); // warms the page cache and the commune index
      for (let i = 0; i < runs; i++) {
        const r = await exportOnce(dir, 'csv', join(outDir, 's.csv'));
        csv.push(r.ms);
        csvCpu.push(r.cpuMs);
        csvPauses.push(r.maxPauseMs);
        rows = r.rows;
        bytes = r.bytes;
        const nv = await naiveCsv(dir, join(outDir, 'naive.csv'));
        naive.push(nv.ms);
        naiveCpu.push(nv.cpuMs);
      }
      const p50 = percentile(csv, 0.5);
      const n50 = percentile(naive, 0.5);
      results.csv = {
        runs,
        rows,
        sizeMB: +(bytes / 1e6).toFixed(1),
        medianMs: Math.round(p50),
        rowsPerSecond: Math.round(rows / (p50 / 1000)),
        naiveMedianMs: Math.round(n50),
        naiveRowsPerSecond: Math.round(rows / (n50 / 1000)),
        ratio: +(n50 / p50).toFixed(2),
        // CPU time of the process (all its threads): less sensitive than wall time to other work on a shared machine.
        medianCpuMs: Math.round(percentile(csvCpu, 0.5)),
        rowsPerCpuSecond: Math.round(rows / (percentile(csvCpu, 0.5) / 1000)),
        naiveMedianCpuMs: Math.round(percentile(naiveCpu, 0.5)),
        cpuRatio: +(percentile(naiveCpu, 0.5) / percentile(csvCpu, 0.5)).toFixed(2),
        longestEventLoopPauseMs: Math.max(...csvPauses),
      };
      log(`csv: ${JSON.stringify(results.csv)}`);
    }
    for (const format of ['xlsx', 'ods'] as const) {
      if (!only.has(format)) continue;
      const file = join(outDir, `s.${format}`);
      const r = inChild(format, dir, file);
      results[format] = {
        rows: r.rows,
        seconds: +(r.ms / 1000).toFixed(1),
        cpuSeconds: +(r.cpuMs / 1000).toFixed(1),
        rowsPerSecond: Math.round(r.rows / (r.ms / 1000)),
        sizeMB: +(statSync(file).size / 1e6).toFixed(1),
        peakRssMB: Math.round(r.peakRssMB),
        longestEventLoopPauseMs: r.maxPauseMs,
      };
      rmSync(file, { force: true });
      log(`${format}: ${JSON.stringify(results[format])}`);
    }
  } finally {
    cleanWorkDirs(true);
  }
  const outFile =
    args.out ?? (quick ? join(here, '.data', 'results-exports-quick.json') : join(here, 'results-exports.json'));
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
}

await main();
