import type { Db } from './connection';

/**
 * Moves WAL pages into the database file while the desk is idle, so that no mediator's save pays for it.
 * Every `everyMs` it runs a PASSIVE checkpoint (never waits for readers or writers) if anything was written since
 * the last one; SQLite's own autocheckpoint stays as a high-water safety net (connection.ts).
 */
export function createCheckpointer(db: Db, everyMs = 2000) {
  const changes = db.prepare('SELECT total_changes() AS n');
  let lastSeen = -1;
  let timer: NodeJS.Timeout | null = null;

  function runIfDirty(): boolean {
    if (!db.open || db.inTransaction) return false;
    const n = (changes.get() as { n: number }).n;
    if (n === lastSeen) return false;
    db.pragma('wal_checkpoint(PASSIVE)');
    lastSeen = n;
    return true;
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
