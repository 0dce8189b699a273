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

      -- Guided mode's figures: per guide and day, the live sessions that used it; guide '' counts the live sessions
      -- that used at least one guide (on the day of the row of their smallest guide id). Guides can be opened on a
      -- saved session outside the journal's writes, so SQL triggers keep this table, in the same transaction as
      -- every change of session_guides and of a session's deletion. Rows use session_guides.date (always the
      -- session's date: the guides feature rewrites it with the session).
      -- With other filters, the guides of a period are counted from session_guides: by date, not by guide first.
      CREATE INDEX stats_session_guides_by_date ON session_guides(date, seq, guide);
      CREATE TABLE stats_guides (
        guide TEXT NOT NULL,
        date INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (guide, date)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO stats_guides (guide, date, n)
        SELECT g.guide, g.date, count(*) FROM session_guides g JOIN sessions s ON s.seq = g.seq
        WHERE s.deleted_at IS NULL GROUP BY g.guide, g.date;
      INSERT INTO stats_guides (guide, date, n)
        SELECT '', g.date, count(*) FROM session_guides g JOIN sessions s ON s.seq = g.seq
        WHERE s.deleted_at IS NULL AND g.guide = (SELECT min(m.guide) FROM session_guides m WHERE m.seq = g.seq)
        GROUP BY g.date;
      CREATE TRIGGER stats_guides_insert AFTER INSERT ON session_guides
        WHEN EXISTS (SELECT 1 FROM sessions WHERE seq = NEW.seq AND deleted_at IS NULL)
      BEGIN
        INSERT INTO stats_guides (guide, date, n) VALUES (NEW.guide, NEW.date, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
        -- The smallest guide of the session is where it counts once: move that count if this row became it.
        INSERT INTO stats_guides (guide, date, n)
          SELECT '', m.date, -1 FROM session_guides m WHERE m.seq = NEW.seq AND m.guide <> NEW.guide
            AND m.guide = (SELECT min(x.guide) FROM session_guides x WHERE x.seq = NEW.seq AND x.guide <> NEW.guide)
            AND NEW.guide < m.guide
          ON CONFLICT DO UPDATE SET n = n - 1;
        INSERT INTO stats_guides (guide, date, n)
          SELECT '', NEW.date, 1 WHERE NEW.guide = (SELECT min(x.guide) FROM session_guides x WHERE x.seq = NEW.seq)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER stats_guides_delete AFTER DELETE ON session_guides
        WHEN EXISTS (SELECT 1 FROM sessions WHERE seq = OLD.seq AND deleted_at IS NULL)
      BEGIN
        INSERT INTO stats_guides (guide, date, n) VALUES (OLD.guide, OLD.date, -1)
          ON CONFLICT DO UPDATE SET n = n - 1;
        INSERT INTO stats_guides (guide, date, n)
          SELECT '', OLD.date, -1 WHERE OLD.guide < coalesce((SELECT min(x.guide) FROM session_guides x WHERE x.seq = OLD.seq), x'ff')
          ON CONFLICT DO UPDATE SET n = n - 1;
        INSERT INTO stats_guides (guide, date, n)
          SELECT '', m.date, 1 FROM session_guides m WHERE m.seq = OLD.seq
            AND m.guide = (SELECT min(x.guide) FROM session_guides x WHERE x.seq = OLD.seq) AND OLD.guide < m.guide
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER stats_guides_redate AFTER UPDATE OF date ON session_guides
        WHEN OLD.date <> NEW.date AND EXISTS (SELECT 1 FROM sessions WHERE seq = NEW.seq AND deleted_at IS NULL)
      BEGIN
        INSERT INTO stats_guides (guide, date, n) VALUES (OLD.guide, OLD.date, -1) ON CONFLICT DO UPDATE SET n = n - 1;
        INSERT INTO stats_guides (guide, date, n) VALUES (NEW.guide, NEW.date, 1) ON CONFLICT DO UPDATE SET n = n + 1;
        INSERT INTO stats_guides (guide, date, n)
          SELECT '', OLD.date, -1 WHERE NEW.guide = (SELECT min(x.guide) FROM session_guides x WHERE x.seq = NEW.seq)
          ON CONFLICT DO UPDATE SET n = n - 1;
        INSERT INTO stats_guides (guide, date, n)
          SELECT '', NEW.date, 1 WHERE NEW.guide = (SELECT min(x.guide) FROM session_guides x WHERE x.seq = NEW.seq)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      -- A session deleted (soft), restored, or removed: its guides stop or start counting.
      CREATE TRIGGER stats_guides_session_state AFTER UPDATE OF deleted_at ON sessions
        WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
      BEGIN
        INSERT INTO stats_guides (guide, date, n)
          SELECT g.guide, g.date, CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END FROM session_guides g
          WHERE g.seq = NEW.seq
          UNION ALL
          SELECT '', g.date, CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END FROM session_guides g
          WHERE g.seq = NEW.seq AND g.guide = (SELECT min(x.guide) FROM session_guides x WHERE x.seq = NEW.seq)
          ON CONFLICT DO UPDATE SET n = n + excluded.n;
      END;
      CREATE TRIGGER stats_guides_session_removed BEFORE DELETE ON sessions WHEN OLD.deleted_at IS NULL
      BEGIN
        INSERT INTO stats_guides (guide, date, n)
          SELECT g.guide, g.date, -1 FROM session_guides g WHERE g.seq = OLD.seq
          UNION ALL
          SELECT '', g.date, -1 FROM session_guides g
          WHERE g.seq = OLD.seq AND g.guide = (SELECT min(x.guide) FROM session_guides x WHERE x.seq = OLD.seq)
          ON CONFLICT DO UPDATE SET n = n + excluded.n;
      END;
    `,
};
