// Side study for the p99 of a save (not part of `npm run bench`): where does a save's time go after an idle
// checkpoint? Runs journal.create N times on a copy of the 100,000-session dataset under several checkpoint
// policies and reports p50 / p99 / max, and the WAL frames each save writes.
//   npx tsx bench/save-study.ts [--saves 1500]
import { parseArgs } from 'node:util';
import { createCore } from '../main/core';
import { createCheckpointer } from '../main/core/storage/checkpointer';
import { dispatch } from '../main/ipc/dispatch';
import { sessionInputs } from '../tests/fixtures/journal-dataset';
import { datasetDir, summarise, workDir } from './work';

const { values } = parseArgs({ options: { saves: { type: 'string', default: '1500' }, only: { type: 'string' } } });
const N = Number(values.saves);
const log = (m: string) => process.stderr.write(`${m}\n`);
const { dir: source } = datasetDir(100_000, 1, { log });

type Policy = 'idle-each' | 'none' | 'checkpoint-only';
const policies: Policy[] = (values.only?.split(',') as Policy[]) ?? ['checkpoint-only', 'idle-each', 'none'];

for (const policy of policies) {
  const dir = workDir(source, `study-${policy}`, 'copy');
  const core = createCore({ dataDir: dir, maintenance: false });
  const idle = createCheckpointer(core.db);
  const inputs = sessionInputs(N + 100, 77).map((d) => JSON.parse(JSON.stringify(d)) as unknown);
  const times: number[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const t0 = performance.now();
    const res = await dispatch(core.handlers, 'journal.create', inputs[i]);
    const t = performance.now() - t0;
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    if (i >= 100) times.push(t);
    // The app's idle checkpointer (checkpoint, then the WAL restarted in idle time), or the checkpoint alone as
    // before (the next save restarts the WAL and syncs its header).
    if (policy === 'idle-each') idle.runIfDirty();
    else if (policy === 'checkpoint-only') core.db.pragma('wal_checkpoint(PASSIVE)');
  }
  core.close();
  const s = summarise(times);
  log(`${policy}: p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms, max ${s.max.toFixed(1)} ms`);
}
