import type { Migration } from './migration';

// The statistics' aggregates (main/core/stats/rollups.ts) and the retention policy (main/core/stats/retention.ts).
// Numbered 5: the number given to the statistics feature.
export const migration0005: Migration = {
  version: 5,
  name: 'stats rollups and retention',
  sql: `
      -- What every counted session adds to the figures (shared/stats/indicators.ts), summed per group: slice ('' for
      -- all sessions, 'o:<operator>', 't:<topic>' for the journal's filters), level (0 per day: the journal's day
      -- number; 1 per month: year * 12 + month - 1), period, kind and outcome. A group's sums are one BLOB of
      -- (code, n) varint pairs, the codes naming (dimension, key) in stats_keys (main/core/stats/key-codes.ts).
      -- Kept in the same transaction as each journal write.
      CREATE TABLE stats_keys (
        code INTEGER PRIMARY KEY,
        dim TEXT NOT NULL,
        key TEXT NOT NULL,
        UNIQUE (dim, key)
      ) STRICT;
      CREATE TABLE stats_rollups (
        slice TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level IN (0, 1)),
        period INTEGER NOT NULL,
        kind INTEGER NOT NULL CHECK (kind IN (0, 1)),
        outcome TEXT NOT NULL,
        counts BLOB NOT NULL,
        PRIMARY KEY (slice, level, period, kind, outcome)
      ) STRICT, WITHOUT ROWID;
      -- What the retention policy erased from sessions but the figures keep, in the same groups: the sums of the
      -- erased details minus what the erased sessions still add. Rollups = the sessions as stored + these.
      CREATE TABLE stats_frozen (
        slice TEXT NOT NULL,
        level INTEGER NOT NULL,
        period INTEGER NOT NULL,
        kind INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        counts BLOB NOT NULL,
        PRIMARY KEY (slice, level, period, kind, outcome)
      ) STRICT, WITHOUT ROWID;
      -- The rollups of the sessions already in the file are built at the first start after this migration (by the
      -- statistics service, in one transaction, before any write), from the one definition of the indicators.
      CREATE TABLE stats_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        rollups_built INTEGER NOT NULL
      ) STRICT;
      INSERT INTO stats_state (id, rollups_built) VALUES (1, 0);

      -- Retention: when a session's details were erased (it is then frozen: no edit, delete or restore) and when
      -- its notes alone were.
      ALTER TABLE sessions ADD COLUMN details_erased_at INTEGER;
      ALTER TABLE sessions ADD COLUMN notes_erased_at INTEGER;
      CREATE TABLE retention_policy (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        months INTEGER NOT NULL,
        notes_months INTEGER
      ) STRICT;
      INSERT INTO retention_policy (id, enabled, months, notes_months) VALUES (1, 0, 12, NULL);
      CREATE TABLE retention_runs (
        at INTEGER NOT NULL,
        details_erased INTEGER NOT NULL,
        notes_erased INTEGER NOT NULL,
        details_before INTEGER,
        notes_before INTEGER
      ) STRICT;
    `,
};
