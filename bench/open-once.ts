// One cold open in a fresh process: `node --import tsx bench/open-once.ts <dataDir> [--unclean]`.
// Imports are loaded before the clock starts (a packaged app has them bundled); the time printed runs from
// createCore() to the first page of the journal, as a mediator opening Médiane would wait for it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../main/core';
import { JournalQuery } from '../shared/journal/schema';
import { RUNNING_MARKER_FILE } from './work';

const [dataDir, flag] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: open-once.ts <dataDir> [--unclean]');
if (flag === '--unclean') writeFileSync(join(dataDir, RUNNING_MARKER_FILE), '0');
const query = JournalQuery.parse({});
const t0 = process.hrtime.bigint();
const core = createCore({ dataDir, maintenance: false });
const page = await core.handlers['journal.list'](query);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const unclean = (await core.handlers['app.status']({})).storage.uncleanShutdown;
core.close();
process.stdout.write(JSON.stringify({ ms, rows: page.rows.length, total: page.total, unclean }) + '\n');
