import { CoreError } from '../../../shared/errors';
import type { Session } from '../../../shared/journal/schema';
import type { StatsSession } from '../../../shared/stats/indicators';
import type { Db } from '../storage/database';
import { sessionOf, uidOf, type StoredRow } from '../journal/session-row';
import { createTermCodes } from '../journal/term-codes';
import { addCells, cellRows, type CellDeltas } from './cells';

/** What a journal write tells the statistics (main/core/journal/journal-service.ts, SessionChange). */
export interface CountedChange {
  action: 'create' | 'update' | 'delete' | 'restore' | 'import';
  before: Session | null;
  after: Session | null;
}

type Table = 'stats_rollups' | 'stats_frozen';

/**
 * The rollups: daily and monthly sums of every session's contributions (shared/stats/indicators.ts), kept in the
 * same transaction as each journal write through `applySessionChange`. Invariant, checked by the property test:
 *
 *   stats_rollups = Σ contributions of the live sessions as stored + stats_frozen
 *
 * where stats_frozen holds, for the sessions whose details retention erased, what those details added (their
 * contributions before erasure minus after). Such a session is frozen: edits, deletion and restore are refused,
 * so its counts in past periods never change.
 */
export function createRollups(db: Db) {
  const codes = createTermCodes(db);
  const upsert = (table: Table) =>
    db.prepare(`INSERT INTO ${table} (slice, level, period, kind, outcome, dim, key, n)
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7
      FROM json_each(?) WHERE true
      ON CONFLICT DO UPDATE SET n = n + excluded.n`);
  const dropZeros = (table: Table) =>
    db.prepare(`DELETE FROM ${table} WHERE n = 0 AND (slice, level, period, kind, outcome, dim, key) IN
      (SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each(?))`);
  const s = {
    upsert: { stats_rollups: upsert('stats_rollups'), stats_frozen: upsert('stats_frozen') },
    dropZeros: { stats_rollups: dropZeros('stats_rollups'), stats_frozen: dropZeros('stats_frozen') },
    erased: db.prepare('SELECT details_erased_at FROM sessions WHERE uid = ?').pluck(),
    built: db.prepare('SELECT rollups_built FROM stats_state WHERE id = 1').pluck(),
    markBuilt: db.prepare('UPDATE stats_state SET rollups_built = 1 WHERE id = 1'),
    live: db.prepare('SELECT * FROM sessions WHERE deleted_at IS NULL'),
    frozen: db.prepare('SELECT slice, level, period, kind, outcome, dim, key, n FROM stats_frozen'),
    clear: db.prepare('DELETE FROM stats_rollups'),
  };

  function write(table: Table, deltas: CellDeltas): void {
    const rows = cellRows(deltas);
    if (rows.length === 0) return;
    const json = JSON.stringify(rows);
    s.upsert[table].run(json);
    if (rows.some((r) => r[7] < 0)) s.dropZeros[table].run(json);
  }

  function refuseFrozen(id: string): void {
    const uid = uidOf(id);
    if (uid && s.erased.get(uid) != null) throw new CoreError('conflict', 'stats.sessionFrozen');
  }

  /** Applies a change of counted sessions (call it inside the write's transaction). */
  function applySessionChange(before: StatsSession | null, after: StatsSession | null): void {
    const deltas: CellDeltas = new Map();
    if (before) addCells(deltas, before, -1);
    if (after) addCells(deltas, after, 1);
    write('stats_rollups', deltas);
  }

  /** Every session as the statistics read it, from its stored row. */
  const toStats = (row: StoredRow): StatsSession => sessionOf(row, codes);

  /** The rollups recomputed from the sessions as stored, plus the frozen counts: what stats_rollups must equal. */
  function recompute(): CellDeltas {
    const cells: CellDeltas = new Map();
    for (const row of s.live.iterate() as Iterable<StoredRow>) addCells(cells, toStats(row), 1);
    const SEP = '\u0001';
    for (const r of s.frozen.iterate() as Iterable<{
      slice: string;
      level: number;
      period: number;
      kind: number;
      outcome: string;
      dim: string;
      key: string;
      n: number;
    }>) {
      const id = [r.slice, r.level, r.period, r.kind, r.outcome, r.dim, r.key].join(SEP);
      cells.set(id, (cells.get(id) ?? 0) + r.n);
    }
    return cells;
  }

  /** Rebuilds stats_rollups from the sessions and the frozen counts, in one transaction. */
  const rebuild = db.transaction(() => {
    s.clear.run();
    const cells = recompute();
    // In chunks: one JSON document per chunk keeps memory flat on a large journal.
    const rows = cellRows(cells);
    for (let i = 0; i < rows.length; i += 20_000) s.upsert.stats_rollups.run(JSON.stringify(rows.slice(i, i + 20_000)));
    s.markBuilt.run();
    return rows.length;
  });

  return {
    applySessionChange,
    /** The journal's listener: refuses to change a frozen session, then moves its counts. */
    onSessionWrite(change: CountedChange): void {
      if (change.action === 'update' || change.action === 'delete' || change.action === 'restore') {
        refuseFrozen((change.before ?? change.after)!.id);
      }
      applySessionChange(change.before, change.after);
    },
    /** Moves what erased details added from the sessions into stats_frozen (retention, in its transaction). */
    freeze(original: StatsSession, erased: StatsSession): void {
      const deltas: CellDeltas = new Map();
      addCells(deltas, original, 1);
      addCells(deltas, erased, -1);
      write('stats_frozen', deltas);
    },
    recompute,
    rebuild: () => rebuild(),
    /** Builds the rollups once after migration 5 (a file from before it, or a desk file restored from it). */
    ensureBuilt(): boolean {
      if (s.built.get() === 1) return false;
      rebuild();
      return true;
    },
    toStats,
  };
}

export type Rollups = ReturnType<typeof createRollups>;
