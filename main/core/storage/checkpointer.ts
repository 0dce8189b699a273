import type { Db } from './connection';

/**
 * Moves WAL pages into the database file while the desk is idle, so that no mediator's save pays for it.
 * Every `everyMs` it runs a PASSIVE checkpoint (never waits for readers or writers) if anything was written since
 * the last one; SQLite's own autocheckpoint stays as a high-water safety net (connection.ts).
 *
 * A checkpoint that copied the whole WAL lets the next write restart the WAL from its beginning, and SQLite syncs
 * the WAL's new header to disk (an fsync) inside that write's commit: measured with strace, the first save after
 * each checkpoint paid one fsync, milliseconds on a busy disk, when no other save does (synchronous=NORMAL syncs
 * at checkpoints only). So right after such a checkpoint the checkpointer makes that restart itself, with a write
 * that changes nothing (the schema version set to its own value): the header's fsync happens here, in idle time,
 * and the next save appends to a WAL already started. Durability is unchanged: the same syncs, at other moments.
 */
export function createCheckpointer(db: Db, everyMs = 2000) {
  const changes = db.prepare('SELECT total_changes() AS n');
  let lastSeen = -1;
  let timer: NodeJS.Timeout | null = null;

  function runIfDirty(): boolean {
    if (!db.open || db.inTransaction) return false;
    const n = (changes.get() as { n: number }).n;
    if (n === lastSeen) return false;
    const [r] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    if (r && r.busy === 0 && r.log > 0 && r.checkpointed === r.log) restartWal();
    lastSeen = n;
    return true;
  }

  /** Restarts the WAL now (see above). Not counted by total_changes(), so it never makes the desk look dirty. */
  function restartWal(): void {
    const version = db.pragma('user_version', { simple: true }) as number;
    db.pragma(`user_version = ${version}`);
  }

  return {
    start() {
      timer = setInterval(() => {
        try {
          runIfDirty();
        } catch {
          // A busy database just waits for the next tick.
        }
      }, everyMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    runIfDirty,
  };
}
