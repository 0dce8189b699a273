import type { Migration } from './migration';

// Guided mode (feature guides): which guides a session used and how far each got, and the guides a running timer
// holds before it becomes a session. Local edits of the shipped guides live here too. Numbered 6: 5 is another
// branch's (the numbering test waits for it, as 4 once waited for 3).
export const migration0006: Migration = {
  version: 6,
  name: 'session guides and local guide overrides',
  sql: `
      -- A session's guides, laid out like session_operators (key, date, seq) so that the journal's list filters by
      -- guide with the same index walk in date order. The title is the guide's as it was used: the journal keeps
      -- showing what was followed even if the guide is later renamed or removed. Ticked steps are a JSON array of
      -- step numbers (1-based); blocked marks a procedure that could not go on (the person must come back).
      CREATE TABLE session_guides (
        guide TEXT NOT NULL,
        date INTEGER NOT NULL,
        seq INTEGER NOT NULL REFERENCES sessions(seq) ON DELETE CASCADE,
        title TEXT NOT NULL,
        steps_total INTEGER NOT NULL CHECK (steps_total >= 0),
        steps_done TEXT NOT NULL CHECK (json_valid(steps_done)),
        blocked INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
        position INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (guide, date, seq)
      ) STRICT, WITHOUT ROWID;
      CREATE UNIQUE INDEX session_guides_seq ON session_guides(seq, guide);

      -- The guides a running timer holds: they move to session_guides in the transaction that saves the session,
      -- and go with the timer when it is cancelled.
      CREATE TABLE timer_guides (
        timer_id TEXT NOT NULL REFERENCES live_timers(id) ON DELETE CASCADE,
        guide TEXT NOT NULL,
        title TEXT NOT NULL,
        steps_total INTEGER NOT NULL CHECK (steps_total >= 0),
        steps_done TEXT NOT NULL CHECK (json_valid(steps_done)),
        blocked INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
        position INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (timer_id, guide)
      ) STRICT, WITHOUT ROWID;

      -- A desk's own version of a guide: the whole guide (validated JSON), a copy of a shipped one or a new one.
      -- Reverting deletes the row: the shipped text answers again.
      CREATE TABLE guide_overrides (
        id TEXT PRIMARY KEY,
        guide TEXT NOT NULL CHECK (json_valid(guide)),
        based_on_reviewed_on TEXT,
        updated_at INTEGER NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('edit', 'pack'))
      ) STRICT;
    `,
};
