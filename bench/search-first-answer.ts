// One cold start in a fresh process: `node --import tsx bench/search-first-answer.ts <dataDir> <query>`.
// Imports are loaded before the clock starts (a packaged app has them bundled); the time printed runs from
// createCore() to the first answer of search.query through the contract, as the first search after opening Médiane.
// It also prints the CPU time the process used meanwhile: on a machine shared with other work, the wall time mostly
// measures the wait for a core.
import { createCore } from '../main/core';
import { dispatch } from '../main/ipc/dispatch';
import type { Result } from '../shared/errors';
import type { SearchAnswer } from '../shared/search/schema';

const [dataDir, query] = process.argv.slice(2);
if (!dataDir || !query) throw new Error('usage: search-first-answer.ts <dataDir> <query>');
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const core = createCore({ dataDir, maintenance: false });
const createMs = Number(process.hrtime.bigint() - t0) / 1e6;
const res = (await dispatch(core.handlers, 'search.query', { query, limit: 5 })) as Result<SearchAnswer>;
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const used = process.cpuUsage(cpu0);
const cpuMs = (used.user + used.system) / 1000;
await core.close();
if (!res.ok) throw new Error(JSON.stringify(res.error));
process.stdout.write(JSON.stringify({ ms, cpuMs, createMs, total: res.value.total }) + '\n');
