import { CoreError } from '../../../shared/errors';
import type { Session } from '../../../shared/journal/schema';
import type { StatsSession } from '../../../shared/stats/indicators';
import type { Db } from '../storage/database';
import { sessionOf, uidOf, type StoredRow } from '../journal/session-row';
import { createTermCodes } from '../journal/term-codes';
import { MONTH, YEAR, addCells, groupId, groupOf, mergeGroups, type Groups } from './cells';
import { createKeyCodes, eachSum, encodeSums } from './key-codes';

/** What a journal write tells the statistics (main/core/journal/journal-service.ts, SessionChange). */
export interface CountedChange {
  action: 'create' | 'update' | 'delete' | 'restore' | 'import';
  before: Session | null;
  after: Session | null;
}

type Table = 'stats_rollups' | 'stats_frozen';
interface PackedRow {
  slice: string;
  level: number;
  period: number;
  kind: number;
  outcome: string;
  counts: Buffer;
}

/**
 * The rollups: daily, monthly and yearly sums of every session's contributions (shared/stats/indicators.ts), kept in the
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
  const keys = createKeyCodes(db);
  const statements = (table: Table) => ({
    get: db
      .prepare(`SELECT counts FROM ${table} WHERE slice = ? AND level = ? AND period = ? AND kind = ? AND outcome = ?`)
      .pluck(),
    put: db.prepare(`INSERT INTO ${table} (slice, level, period, kind, outcome, counts)
      VALUES (@slice, @level, @period, @kind, @outcome, @counts)
      ON CONFLICT DO UPDATE SET counts = excluded.counts`),
    drop: db.prepare(
      `DELETE FROM ${table} WHERE slice = @slice AND level = @level AND period = @period AND kind = @kind AND outcome = @outcome`,
    ),
    all: db.prepare(`SELECT * FROM ${table}`),
    months: db.prepare(`SELECT * FROM ${table} WHERE level = ${MONTH}`),
    dropYears: db.prepare(`DELETE FROM ${table} WHERE level = ${YEAR}`),
  });
  const t = { stats_rollups: statements('stats_rollups'), stats_frozen: statements('stats_frozen') };
  const s = {
    erased: db.prepare('SELECT details_erased_at FROM sessions WHERE uid = ?').pluck(),
    built: db.prepare('SELECT rollups_built FROM stats_state WHERE id = 1').pluck(),
    markBuilt: db.prepare('UPDATE stats_state SET rollups_built = 1, years_built = 1 WHERE id = 1'),
    yearsBuilt: db.prepare('SELECT years_built FROM stats_state WHERE id = 1').pluck(),
    markYearsBuilt: db.prepare('UPDATE stats_state SET years_built = 1 WHERE id = 1'),
    live: db.prepare('SELECT * FROM sessions WHERE deleted_at IS NULL'),
    clear: db.prepare('DELETE FROM stats_rollups'),
  };

  /** Adds the deltas to the rows of `table` (read, add, write back; a row whose sums are all 0 goes). */
  function write(table: Table, deltas: Groups): void {
    keys.revalidate();
    for (const [id, cells] of deltas) {
      const g = groupOf(id);
      const blob = t[table].get.get(g.slice, g.level, g.period, g.kind, g.outcome) as Buffer | undefined;
      const sums = new Map<number, number>();
      if (blob) eachSum(blob, (code, n) => sums.set(code, n));
      let changed = false;
      for (const [k, n] of cells) {
        if (n === 0) continue;
        const code = keys.code(k);
        sums.set(code, (sums.get(code) ?? 0) + n);
        changed = true;
      }
      if (!changed) continue;
      const counts = encodeSums(sums);
      if (counts.length === 0) t[table].drop.run(g);
      else t[table].put.run({ ...g, counts });
    }
  }

  /** The rows of a table as sums per group and `dimension\tkey`. */
  function read(table: Table): Groups {
    const out: Groups = new Map();
    for (const r of t[table].all.iterate() as Iterable<PackedRow>) {
      const cells = new Map<string, number>();
      eachSum(r.counts, (code, n) => cells.set(keys.key(code), n));
      out.set(groupId(r), cells);
    }
    return out;
  }

  function refuseFrozen(id: string): void {
    const uid = uidOf(id);
    if (uid && s.erased.get(uid) != null) throw new CoreError('conflict', 'stats.sessionFrozen');
  }

  /** Applies a change of counted sessions (call it inside the write's transaction). */
  function applySessionChange(before: StatsSession | null, after: StatsSession | null): void {
    const deltas: Groups = new Map();
    if (before) addCells(deltas, before, -1);
    if (after) addCells(deltas, after, 1);
    write('stats_rollups', deltas);
  }

  /** Every session as the statistics read it, from its stored row. */
  const toStats = (row: StoredRow): StatsSession => sessionOf(row, codes);

  /** The rollups recomputed from the sessions as stored, plus the frozen counts: what stats_rollups must equal. */
  function recompute(): Groups {
    const groups: Groups = new Map();
    for (const row of s.live.iterate() as Iterable<StoredRow>) addCells(groups, toStats(row), 1);
    mergeGroups(groups, read('stats_frozen'));
    return groups;
  }

  /** Rebuilds stats_rollups from the sessions and the frozen counts, in one transaction. */
  const rebuild = db.transaction(() => {
    s.clear.run();
    write('stats_rollups', recompute());
    s.markBuilt.run();
  });

  /**
   * Sums the yearly rows (level 2) from the monthly ones, in both tables: a session adds the same to its month and
   * to its year, so this equals what the sessions would add (migration 11 leaves the yearly level empty).
   */
  const buildYears = db.transaction(() => {
    for (const table of ['stats_rollups', 'stats_frozen'] as const) {
      t[table].dropYears.run();
      const years: Groups = new Map();
      for (const r of t[table].months.iterate() as Iterable<PackedRow>) {
        const id = groupId({ ...r, level: YEAR, period: Math.floor(r.period / 12) });
        let cells = years.get(id);
        if (!cells) years.set(id, (cells = new Map()));
        eachSum(r.counts, (code, n) => {
          const k = keys.key(code);
          cells.set(k, (cells.get(k) ?? 0) + n);
        });
      }
      write(table, years);
    }
    s.markYearsBuilt.run();
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
      const deltas: Groups = new Map();
      addCells(deltas, original, 1);
      addCells(deltas, erased, -1);
      write('stats_frozen', deltas);
    },
    /** The stored rollups, unpacked (tests, checks). */
    stored: () => read('stats_rollups'),
    recompute,
    rebuild: () => rebuild(),
    /**
     * Builds the rollups once after migration 5 (a file from before it, or a desk file restored from it), and their
     * yearly level once after migration 11. Returns what it did.
     */
    ensureBuilt(): 'rebuilt' | 'years' | false {
      if (s.built.get() !== 1) {
        rebuild();
        return 'rebuilt';
      }
      if (s.yearsBuilt.get() !== 1) {
        buildYears();
        return 'years';
      }
      return false;
    },
    toStats,
    /** The journal's code of a key (term_codes), if it was ever stored. */
    termCode: (domain: 'outcome' | 'operator' | 'topic', key: string) => codes.find(domain, key),
    /** The `dimension\tkey` of a code of a packed row (key-codes.ts). */
    keyOf: (code: number) => keys.key(code),
    /** The code of a `dimension\tkey`, or -1 when no row ever held it (reads never create codes). */
    codeOf: (dimKey: string) => keys.find(dimKey) ?? -1,
    revalidate: () => keys.revalidate(),
  };
}

export type Rollups = ReturnType<typeof createRollups>;
