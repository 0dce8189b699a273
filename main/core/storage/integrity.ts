import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const requireCjs = createRequire(import.meta.url);

// The full integrity_check reads every page (seconds on years of history), so it runs on its own read-only
// connection in a worker thread: the mediator's screen never waits for it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let result = 'failed';
try {
  const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  const rows = db.pragma('integrity_check');
  result = rows.length === 1 && rows[0].integrity_check === 'ok' ? 'ok' : 'failed';
  db.close();
} catch (e) { result = 'failed'; }
parentPort.postMessage(result);
`;

export function runIntegrityCheck(path: string): Promise<'ok' | 'failed'> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver: requireCjs.resolve('better-sqlite3') } });
    worker.once('message', (r: 'ok' | 'failed') => resolve(r));
    worker.once('error', () => resolve('failed'));
    worker.once('exit', (code) => {
      if (code !== 0) resolve('failed');
    });
  });
}
