// Small helpers shared by the benchmark scripts: cached datasets and working copies of them, timing and percentiles.
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DB_FILE } from '../main/core/storage/database';
import { MIGRATIONS, checksum } from '../main/core/storage/migrations';
import { generateDatabase } from '../tests/fixtures/journal-dataset';

const here = dirname(fileURLToPath(import.meta.url));
export const CACHE_DIR = join(here, '.data');
const GENERATOR = join(here, '..', 'tests', 'fixtures', 'journal-dataset.ts');

// ---------------------------------------------------------------------------------------------------------------
// The cache: bench/.data/ds-<count>-<seed>-<schema>-<hash>/, the hash covering the migrations and the generator.

function cacheKey(count: number, seed: number, schema: 'latest' | 1): string {
  const migrations = checksum(MIGRATIONS.map((m) => `${m.version}:${checksum(m.sql)}`).join('\n'));
  const h = createHash('sha256')
    .update(migrations)
    .update('\n')
    .update(readFileSync(GENERATOR, 'utf8'))
    .digest('hex')
    .slice(0, 12);
  return `ds-${count}-${seed}-${schema === 1 ? 's1' : 'latest'}-${h}`;
}

/** The cached database directory for (count, seed, schema, migrations, generator), generated on first use. */
export function datasetDir(
  count: number,
  seed: number,
  { schema = 'latest', log = () => undefined }: { schema?: 'latest' | 1; log?: (m: string) => void } = {},
): { dir: string; generatedSeconds: number | null } {
  mkdirSync(CACHE_DIR, { recursive: true });
  const key = cacheKey(count, seed, schema);
  const dir = join(CACHE_DIR, key);
  if (existsSync(join(dir, DB_FILE))) return { dir, generatedSeconds: null };
  // Older datasets for the same count, seed and schema (other migrations or generator) are stale: drop them.
  const prefix = `${count}-${seed}-${schema === 1 ? 's1' : 'latest'}-`;
  for (const name of readdirSync(CACHE_DIR)) {
    if (name.startsWith(`ds-${prefix}`) || name.startsWith(`tmp-${prefix}`))
      rmSync(join(CACHE_DIR, name), { recursive: true, force: true });
  }
  const tmp = join(CACHE_DIR, `tmp-${prefix}${process.pid}`);
  log(`generating ${count.toLocaleString('en')} sessions (seed ${seed}, schema ${schema}) into ${key} …`);
  const r = generateDatabase(tmp, count, seed, { schema, log });
  renameSync(tmp, dir);
  log(`  done in ${r.seconds.toFixed(1)} s, ${(statSync(join(dir, DB_FILE)).size / 1e6).toFixed(0)} MB`);
  return { dir, generatedSeconds: r.seconds };
}

/** The file openDatabase() leaves while the app runs. */
export { RUNNING_MARKER as RUNNING_MARKER_FILE } from '../main/core/storage/names';

/**
 * A private data directory holding the cached database: a hard link for read-only benchmarks (nothing is written
 * to the file: the WAL and the markers live beside it in the work directory), a real copy when the benchmark writes.
 */
export function workDir(source: string, name: string, mode: 'link' | 'copy'): string {
  const dir = join(CACHE_DIR, `work-${process.pid}-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const from = join(source, DB_FILE);
  const to = join(dir, DB_FILE);
  if (mode === 'link') {
    try {
      linkSync(from, to);
      return dir;
    } catch {
      // Another file system: fall back to a copy.
    }
  }
  copyFileSync(from, to);
  return dir;
}

/** Removes this run's working directories, and those left by runs that are no longer alive. */
export function cleanWorkDirs(all = false): void {
  if (!existsSync(CACHE_DIR)) return;
  for (const name of readdirSync(CACHE_DIR)) {
    const m = /^work-(\d+)-/.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (all ? pid === process.pid || !alive : !alive) rmSync(join(CACHE_DIR, name), { recursive: true, force: true });
  }
}

export const now = () => process.hrtime.bigint();
export const msSince = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

/** Nearest-rank percentile of a sample (with fewer than 100 values, p99 is the maximum). */
export function percentile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

export interface Sample {
  iterations: number;
  p50: number;
  p99: number;
  min: number;
  max: number;
}

export function summarise(values: number[]): Sample {
  return {
    iterations: values.length,
    p50: percentile(values, 0.5),
    p99: percentile(values, 0.99),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** Runs `fn` `warmup` times unmeasured, then `iterations` times measured, in milliseconds. */
export async function measure(
  iterations: number,
  warmup: number,
  fn: () => unknown | Promise<unknown>,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = now();
    await fn();
    out.push(msSince(t0));
  }
  return out;
}
