import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './connection';

/** quick_check (no index cross-check, much faster) at start after a crash; the full integrity_check elsewhere. */
export type IntegrityLevel = 'quick' | 'full';

type Driver = typeof Database;

/**
 * The one integrity check. Given a path, it opens its own read-only connection (closed after), so a backup or a
 * candidate for restore is checked without touching it; given an open connection, it checks through it.
 * Self-contained on purpose (it uses only its parameters): the worker thread below runs this very function from its
 * source text, so the background check cannot drift from the others.
 */
function runCheck(driver: Driver, target: Db | string, level: IntegrityLevel): boolean {
  const pragma = level === 'quick' ? 'quick_check' : 'integrity_check';
  let own: Db | null = null;
  try {
    if (typeof target === 'string') own = new driver(target, { readonly: true, fileMustExist: true });
    const rows = (own ?? (target as Db)).pragma(pragma) as Array<Record<string, unknown>>;
    return rows.length === 1 && rows[0]![pragma] === 'ok';
  } catch {
    // An unreadable or non-database file is as unusable as a damaged one.
    return false;
  } finally {
    own?.close();
  }
}

export function checkIntegrity(target: Db | string, level: IntegrityLevel): boolean {
  return runCheck(Database, target, level);
}

const requireCjs = createRequire(import.meta.url);

// The full check reads every page (seconds on years of history), so the background one runs on its own read-only
// connection in a worker thread: the mediator's screen never waits for it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const runCheck = (${runCheck.toString()});
parentPort.postMessage(runCheck(require(workerData.driver), workerData.path, workerData.level) ? 'ok' : 'failed');
`;

export function checkIntegrityInWorker(path: string, level: IntegrityLevel = 'full'): Promise<'ok' | 'failed'> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path, level, driver: requireCjs.resolve('better-sqlite3') },
    });
    worker.once('message', (r: 'ok' | 'failed') => resolve(r));
    worker.once('error', () => resolve('failed'));
    worker.once('exit', (code) => {
      if (code !== 0) resolve('failed');
    });
  });
}
