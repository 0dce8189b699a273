import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { YEAR, listCells } from '../../main/core/stats/cells';
import { DB_FILE } from '../../main/core/storage/database';
import { SessionInput, type SessionData } from '../../shared/journal/schema';
import { generateSessions } from '../fixtures/journal-dataset';
import { call, openCore, removeTempDirs, sequentialIds, tempDir, testClock } from './helpers';

// A desk at version 10 (daily and monthly rollups, some of them frozen by retention) brought up to migration 11:
// the yearly rows are summed from the monthly ones at the first start, and the rollups then equal a full
// recomputation, level 2 included, as if the desk had always had them.

afterEach(() => removeTempDirs());

/** Turns a file of the latest schema back into what version 10 left: no yearly rows, levels 0-1 only, no flag. */
function backToVersion10(path: string): void {
  const db = new Database(path);
  db.exec(`
    CREATE TABLE stats_rollups_v10 (
      slice TEXT NOT NULL,
      level INTEGER NOT NULL CHECK (level IN (0, 1)),
      period INTEGER NOT NULL,
      kind INTEGER NOT NULL CHECK (kind IN (0, 1)),
      outcome TEXT NOT NULL,
      counts BLOB NOT NULL,
      PRIMARY KEY (slice, level, period, kind, outcome)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO stats_rollups_v10 SELECT * FROM stats_rollups WHERE level < 2;
    DROP TABLE stats_rollups;
    ALTER TABLE stats_rollups_v10 RENAME TO stats_rollups;
    DELETE FROM stats_frozen WHERE level = 2;
    DROP INDEX stats_open_follow_ups;
    DROP TABLE stats_guides;
    DROP INDEX stats_session_guides_by_date;
    DROP TRIGGER stats_guides_insert;
    DROP TRIGGER stats_guides_delete;
    DROP TRIGGER stats_guides_redate;
    DROP TRIGGER stats_guides_session_state;
    DROP TRIGGER stats_guides_session_removed;
    ALTER TABLE stats_state DROP COLUMN years_built;
    DELETE FROM schema_migrations WHERE version = 11;
    PRAGMA user_version = 10;
  `);
  db.close();
}

describe('migration 11 (yearly rollups) on a desk of version 10', () => {
  it('builds the yearly rows from the monthly ones, frozen counts included, equal to a full recomputation', async () => {
    const dataDir = tempDir();
    const clock = testClock('2026-12-07T10:00:00.000Z');
    const datas: SessionData[] = [...generateSessions(400, 5, { start: '2022-06-01', end: '2026-11-30' })].map((g) =>
      SessionInput.parse(JSON.parse(JSON.stringify(g.data))),
    );
    const core = openCore({ dataDir, clock, newId: sequentialIds() });
    const create = core.handlers['journal.create'];
    const created = core.db.transaction(() => datas.map((d) => create(d) as { id: string }))();
    // Guides followed by some sessions (two on some): migration 11 counts them into stats_guides.
    for (const [i, x] of created.entries()) {
      if (i % 6 === 0) await call(core, 'guides.open', { holder: { sessionId: x.id }, id: 'ameli-carte-vitale' });
      if (i % 9 === 0) await call(core, 'guides.open', { holder: { sessionId: x.id }, id: 'ameli-creer-compte' });
    }
    core.retention.setPolicy({ enabled: true, months: 24, notesMonths: null });
    const run = await core.retention.run();
    expect(run.detailsErased).toBeGreaterThan(0);
    const expected = listCells(core.stats.rollups.stored());
    expect(expected.some((c) => c.split('\u0001')[1] === String(YEAR))).toBe(true);
    const dashboard = core.stats.dashboard({ unit: 'custom', from: '2022-06-01', to: '2026-11-30' });
    expect(dashboard.keyFigures.guidesUsed).toBeGreaterThan(50);
    core.close();

    backToVersion10(join(dataDir, DB_FILE));
    const check = new Database(join(dataDir, DB_FILE));
    expect(check.prepare('SELECT count(*) FROM stats_rollups WHERE level = 2').pluck().get()).toBe(0);
    check.close();

    const reopened = openCore({ dataDir, clock, newId: sequentialIds('00000001') });
    try {
      expect(reopened.db.pragma('user_version', { simple: true })).toBe(11);
      expect(reopened.db.prepare('SELECT years_built FROM stats_state').pluck().get()).toBe(1);
      expect(listCells(reopened.stats.rollups.stored())).toEqual(expected);
      expect(listCells(reopened.stats.rollups.recompute())).toEqual(expected);
      expect(reopened.stats.dashboard({ unit: 'custom', from: '2022-06-01', to: '2026-11-30' })).toEqual(dashboard);
      // Built once: a later start finds the flag set and leaves the rows as they are.
      expect(reopened.stats.rollups.ensureBuilt()).toBe(false);
    } finally {
      reopened.close();
    }
  });
});
