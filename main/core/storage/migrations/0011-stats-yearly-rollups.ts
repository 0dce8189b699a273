import type { Migration } from './migration';

// The statistics' yearly level (main/core/stats/cells.ts, YEAR): a period of several years reads one row per whole
// year instead of twelve monthly ones. Numbered 11: the number given to the statistics' performance work.
export const migration0011: Migration = {
  version: 11,
  name: 'stats yearly rollups',
  sql: `
      -- stats_rollups allowed levels 0 and 1 only: the table is rebuilt with level 2 (per year) allowed, its rows
      -- copied as they are. stats_frozen has no such check.
      CREATE TABLE stats_rollups_v11 (
        slice TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level IN (0, 1, 2)),
        period INTEGER NOT NULL,
        kind INTEGER NOT NULL CHECK (kind IN (0, 1)),
        outcome TEXT NOT NULL,
        counts BLOB NOT NULL,
        PRIMARY KEY (slice, level, period, kind, outcome)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO stats_rollups_v11 (slice, level, period, kind, outcome, counts)
        SELECT slice, level, period, kind, outcome, counts FROM stats_rollups ORDER BY slice, level, period, kind, outcome;
      DROP TABLE stats_rollups;
      ALTER TABLE stats_rollups_v11 RENAME TO stats_rollups;
      -- The yearly rows are summed from the monthly ones (of stats_rollups and of stats_frozen) at the first start
      -- after this migration, by the statistics service, in one transaction before any write (SQL cannot add the
      -- packed sums). Until then the flag is 0.
      ALTER TABLE stats_state ADD COLUMN years_built INTEGER NOT NULL DEFAULT 0;
      -- The dashboard counts the open follow-ups of its period (a live state, not in the rollups): this partial index
      -- holds every column that count reads, so it never visits the sessions' rows (91 ms over 8 years before).
      CREATE INDEX stats_open_follow_ups ON sessions(date, follow_up_due, kind, outcome, seq)
        WHERE follow_up_due IS NOT NULL AND follow_up_closed_at IS NULL AND deleted_at IS NULL;
    `,
};
