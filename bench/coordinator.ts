// `npx tsx bench/coordinator.ts` — coordinator mode's export (issue 10): the consolidated tables of a national scope
// (2,800 sites, a year: every site's key figures and the total's tables, areas included) written as CSV, XLSX and
// ODS by the exports' streaming writers, against a naive export in the same run (SheetJS building the whole workbook
// in memory, then writing it). Never part of `npm test`; nothing here asserts on time.
//
//   npx tsx bench/coordinator.ts            full run: 2,800 sites, 5,000 area codes, 7 runs a format
//   npx tsx bench/coordinator.ts --quick    280 sites, 500 area codes, 3 runs a format
//   options: --sites N, --areas N, --seed S, --out FILE (default bench/results-coordinator.json)
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as XLSX from '@e965/xlsx';
import {
  writeCoordinatorTables,
  coordinatorInformationBlock,
  DIMENSION_TITLES,
  keyLabel,
} from '../main/core/coordinator/export-tables';
import { createWriter, writeAtomically } from '../main/core/exports/export-file';
import type { CoordinatorSummary } from '../shared/coordinator/schema';
import { emptyConsolidated } from '../shared/sync/consolidate';
import { ACTIVITY_KEYS, POPULATION_KEYS } from '../shared/sync/dimensions';
import type { ExportFormat } from '../shared/exports/schema';
import { msSince, now, summarise } from './work';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sites: { type: 'string' },
    areas: { type: 'string' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
  },
});
const quick = args.quick!;
const SITES = Number(args.sites ?? (quick ? 280 : 2_800));
const AREAS = Number(args.areas ?? (quick ? 500 : 5_000));
const RUNS = quick ? 3 : 7;

/** A seeded generator (mulberry32): the same summary for the same seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A national year as the hub answers it: realistic counts, some population cells held back. */
function nationalSummary(): CoordinatorSummary {
  const r = random(Number(args.seed));
  const n = (max: number) => Math.floor(r() * max);
  const total = emptyConsolidated();
  const sites: CoordinatorSummary['sites'] = [];
  for (let i = 0; i < SITES; i++) {
    const sessions = 200 + n(3_000);
    const totals = {
      snapshots: 12,
      sessions,
      individualSessions: Math.floor(sessions * 0.9),
      workshops: Math.floor(sessions * 0.02),
      workshopParticipants: Math.floor(sessions * 0.1),
      peopleHelped: Math.floor(sessions * 0.98),
      totalMinutes: sessions * 35,
    };
    sites.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `France Services n° ${i + 1} (Saint-Étienne-de-Montluc)`,
      departement: String(1 + (i % 95)).padStart(2, '0'),
      epci: i % 3 ? `2${String(i).padStart(8, '0')}` : null,
      totals,
    });
    total.snapshots += 12;
    for (const k of Object.keys(total.totals) as Array<keyof typeof total.totals>) total.totals[k] += totals[k];
  }
  for (const [dim, keys] of Object.entries(ACTIVITY_KEYS))
    total.activity[dim as keyof typeof ACTIVITY_KEYS] = Object.fromEntries(keys.map((k) => [k, n(500_000)]));
  total.activity.operators = Object.fromEntries(
    ['caf', 'cpam', 'france_travail', 'dgfip', 'ants', 'carsat', 'msa', 'la_poste'].map((k) => [k, n(800_000)]),
  );
  for (const [dim, keys] of Object.entries(POPULATION_KEYS))
    total.population[dim as keyof typeof POPULATION_KEYS] = Object.fromEntries(
      keys.map((k) => [k, { n: n(400_000), suppressedIn: n(300) }]),
    );
  const areas: Record<string, { n: number; suppressedIn: number }> = {};
  for (let i = 0; i < AREAS; i++)
    areas[String(10_000 + i * 17).padStart(5, '0')] =
      r() < 0.2 ? { n: 0, suppressedIn: 1 + n(20) } : { n: 5 + n(900), suppressedIn: n(3) };
  total.population.area = areas;
  return {
    scope: { id: '00000000-0000-4000-8000-00000000aaaa', name: 'France', kind: 'national', codes: ['FR'] },
    from: '2025-01',
    to: '2025-12',
    disclosure: { k: 5, granularity: 'month' },
    sites,
    total,
  };
}

const quiet = { signal: new AbortController().signal, progress: () => undefined };

async function streamed(s: CoordinatorSummary, format: ExportFormat, file: string) {
  return writeAtomically(file, async (part) => {
    const writer = createWriter(format, part);
    const rows = await writeCoordinatorTables(
      writer,
      s,
      { hubUrl: 'https://hub.example.fr', exportedAt: new Date() },
      quiet,
    );
    await writer.finish();
    return rows;
  });
}

/** The naive way: every table as an array of arrays, one in-memory workbook, written at the end. */
function naive(s: CoordinatorSummary, format: ExportFormat, file: string) {
  const book = XLSX.utils.book_new();
  const sheet = (name: string, rows: Array<Array<string | number>>) =>
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name.slice(0, 31));
  sheet('Chiffres clés', [
    ...coordinatorInformationBlock(s, 'https://hub.example.fr', new Date()),
    ...Object.entries(s.total.totals).map(([k, v]) => [k, v]),
  ]);
  sheet('Lieux', [
    ['Lieu', 'Département', 'EPCI', 'Séances'],
    ...s.sites.map((x) => [x.name, x.departement, x.epci ?? '', x.totals.sessions]),
  ]);
  for (const [dim, counts] of Object.entries(s.total.activity))
    sheet(
      DIMENSION_TITLES[dim] ?? dim,
      Object.entries(counts).map(([k, v]) => [keyLabel(dim, k), k, v]),
    );
  for (const [dim, cells] of Object.entries(s.total.population))
    sheet(
      DIMENSION_TITLES[dim] ?? dim,
      Object.entries(cells).map(([k, c]) => [
        keyLabel(dim, k),
        k,
        c.n === 0 ? 'secret statistique' : c.n,
        c.suppressedIn,
      ]),
    );
  const data = XLSX.write(book, { type: 'buffer', bookType: format, FS: ';' } as XLSX.WritingOptions) as Buffer;
  writeFileSync(file, data);
}

async function main() {
  const dir = join(here, '.data', `coordinator-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const s = nationalSummary();
  const results: Record<string, unknown> = {};
  try {
    for (const format of ['csv', 'xlsx', 'ods'] as const) {
      const ours: number[] = [];
      const theirs: number[] = [];
      let rows = 0;
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const file = join(dir, `ours.${format}`);
        const t0 = now();
        rows = await streamed(s, format, file);
        ours.push(msSince(t0));
        bytes = statSync(file).size;
        const t1 = now();
        naive(s, format, join(dir, `naive.${format}`));
        theirs.push(msSince(t1));
      }
      const a = summarise(ours);
      const b = summarise(theirs);
      results[format] = { rows, bytes, ours: a, naive: b, ratio: Math.round((b.p50 / a.p50) * 100) / 100 };
      console.log(
        `coordinator export ${format}: ${rows} rows, ${(bytes / 1024).toFixed(0)} KB — median ${a.p50.toFixed(1)} ms; naive (SheetJS in memory) ${b.p50.toFixed(1)} ms; naive/ours ${(b.p50 / a.p50).toFixed(2)}×`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const out = args.out ?? join(here, quick ? '.data/results-coordinator-quick.json' : 'results-coordinator.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify({ sites: SITES, areas: AREAS, runs: RUNS, loadavg: loadavg(), results }, null, 2) + '\n',
  );
  console.log(`written: ${out}`);
}

void main();
