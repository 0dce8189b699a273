import type { Migration } from './migration';

// The desk's side of the statistics sync (main/core/sync): its enrollment and schedule, the outbox of closed periods'
// snapshots (written in the same transaction as the closing) and the log of what left the desk. Numbered 10: the
// number given to the sync feature.
export const migration0010: Migration = {
  version: 10,
  name: 'sync outbox, sent log and state',
  sql: `
      -- One row once enrolled. The credential is not here: it stays behind the host's CredentialStore (the OS keychain
      -- on the desktop, a 0600 file in browser mode). k and granularity are the hub's, as told at enrollment.
      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hub_url TEXT NOT NULL,
        desk_id TEXT NOT NULL,
        site_id TEXT NOT NULL,
        site_name TEXT NOT NULL,
        site_departement TEXT NOT NULL,
        k INTEGER NOT NULL,
        granularity TEXT NOT NULL CHECK (granularity IN ('month', 'week')),
        grace_days INTEGER NOT NULL,
        enrolled_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_attempt_at TEXT,
        last_success_at TEXT,
        next_try_at TEXT,
        last_error TEXT
      ) STRICT;
      -- A closed period's snapshot, exactly as it will be sent (payload: the JSON bytes; hash: sha256 of its canonical
      -- form, as the hub computes it), with the reasons of its suppressed cells for the preview.
      CREATE TABLE sync_outbox (
        key TEXT PRIMARY KEY,
        period TEXT NOT NULL,
        version INTEGER NOT NULL,
        payload TEXT NOT NULL,
        hash TEXT NOT NULL,
        suppressions TEXT NOT NULL,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'quarantined')),
        error_status INTEGER,
        error TEXT,
        UNIQUE (period, version)
      ) STRICT;
      CREATE INDEX sync_outbox_by_state ON sync_outbox (state, created_at);
      -- What left the desk, kept on the desk: to which hub (or to a file), when, and the hub's answer.
      CREATE TABLE sync_sent (
        seq INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        period TEXT NOT NULL,
        version INTEGER NOT NULL,
        hash TEXT NOT NULL,
        destination TEXT NOT NULL,
        outcome TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
`,
};
