// Small helpers shared by the benchmark scripts: working copies of cached datasets, timing and percentiles.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE } from '../main/core/storage/database';
import { CACHE_DIR } from './dataset';

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
export async function measure(iterations: number, warmup: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = now();
    await fn();
    out.push(msSince(t0));
  }
  return out;
}
