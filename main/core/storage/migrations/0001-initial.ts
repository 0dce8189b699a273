import type { Migration } from './migration';

// Shipped: never edit this text (its checksum is recorded in every desk's database).
export const migration0001: Migration = {
  version: 1,
  name: 'initial journal, site profile and settings',
  sql: `
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE site (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE operators (
        key TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        builtin INTEGER NOT NULL,
        active INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      INSERT INTO operators (key, position, builtin) VALUES
        ('caf', 1, 1), ('cpam', 2, 1), ('cnav', 3, 1), ('msa', 4, 1), ('france_travail', 5, 1),
        ('dgfip', 6, 1), ('ants', 7, 1), ('justice', 8, 1), ('la_poste', 9, 1), ('autre_operateur', 10, 1);

      CREATE TABLE sessions (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('individuel', 'collectif')),
        date TEXT NOT NULL,
        start_time TEXT,
        duration_min INTEGER NOT NULL CHECK (duration_min BETWEEN 1 AND 1439),
        outcome TEXT,
        follow_up_due TEXT,
        follow_up_closed_at TEXT,
        topics TEXT NOT NULL,
        operators TEXT NOT NULL,
        procedure_name TEXT NOT NULL DEFAULT '',
        workshop_title TEXT,
        participants INTEGER NOT NULL,
        data TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        taxonomy_version TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      -- The journal list (main/core/journal/journal-query.ts) reads these in (date, seq) order, so that a filter is
      -- a merge of sorted streams and a count never touches the table. Partial: a deleted session is in none of
      -- them but sessions_deleted. (An index of sessions ends with the rowid, seq: (kind, date) is (kind, date, seq).)
      CREATE INDEX sessions_by_date ON sessions(date, seq, duration_min) WHERE deleted_at IS NULL;
      CREATE INDEX sessions_by_duration ON sessions(duration_min, date, seq, kind, outcome, follow_up_due, follow_up_closed_at)
        WHERE deleted_at IS NULL;
      CREATE INDEX sessions_by_kind ON sessions(kind, date) WHERE deleted_at IS NULL;
      CREATE INDEX sessions_by_outcome ON sessions(outcome, date) WHERE deleted_at IS NULL;
      CREATE INDEX sessions_by_kind_outcome ON sessions(kind, outcome, date) WHERE deleted_at IS NULL;
      CREATE INDEX sessions_follow_up ON sessions(follow_up_due)
        WHERE follow_up_due IS NOT NULL AND follow_up_closed_at IS NULL AND deleted_at IS NULL;
      CREATE INDEX sessions_follow_up_by_date ON sessions(date)
        WHERE follow_up_due IS NOT NULL AND follow_up_closed_at IS NULL AND deleted_at IS NULL;
      CREATE INDEX sessions_deleted ON sessions(date, seq) WHERE deleted_at IS NOT NULL;

      -- Multi-valued fields get their own tables, keyed so that a filter walks them in date order.
      CREATE TABLE session_operators (
        operator TEXT NOT NULL,
        date TEXT NOT NULL,
        seq INTEGER NOT NULL REFERENCES sessions(seq) ON DELETE CASCADE,
        PRIMARY KEY (operator, date, seq)
      ) WITHOUT ROWID;
      CREATE INDEX session_operators_seq ON session_operators(seq);
      CREATE TABLE session_topics (
        topic TEXT NOT NULL,
        date TEXT NOT NULL,
        seq INTEGER NOT NULL REFERENCES sessions(seq) ON DELETE CASCADE,
        PRIMARY KEY (topic, date, seq)
      ) WITHOUT ROWID;
      CREATE INDEX session_topics_seq ON session_topics(seq);

      CREATE TABLE live_timers (id TEXT PRIMARY KEY, started_at TEXT NOT NULL) STRICT;
    `,
};
