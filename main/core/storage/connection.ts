import Database from 'better-sqlite3';
import { DB_SIDE_SUFFIXES } from './names';
import { tightenFile, touchPrivateFile } from './private-files';

export type Db = Database.Database;

const WAL_AUTOCHECKPOINT_PAGES = 10_000;

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives any crash of the application (a committed transaction is in the WAL
  // before the call returns); only a power cut can lose the last commits. See README, "Storage".
  db.pragma('synchronous = NORMAL');
  // SQLite's automatic checkpoint runs inside whichever save crosses 1,000 WAL pages and costs a few milliseconds:
  // that was the whole p99 of a save. The core checkpoints when idle instead (see checkpointer.ts); this high mark is
  // only the safety net for a process that never idles.
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * Opens the desk's database read-write in WAL mode, its files private (0600). SQLite creates `-wal` and `-shm`
 * itself, and gives them the mode of the database file (its unix VFS copies it), so the database file is made 0600
 * before SQLite first opens it (an empty file is a valid new database); side files left wider by an older version
 * are tightened before the open, and all three once more after it, which also covers a VFS that would not copy.
 */
export function openConnection(path: string): Db {
  touchPrivateFile(path);
  for (const suffix of DB_SIDE_SUFFIXES) tightenFile(path + suffix);
  const db = new Database(path);
  try {
    configure(db);
    for (const suffix of DB_SIDE_SUFFIXES) tightenFile(path + suffix);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
