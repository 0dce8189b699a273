import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CoreError } from '../../../shared/errors';
import type { Clock } from '../../../shared/ids';
import { tightenBackups } from './backups';
import { openConnection, type Db } from './connection';
import { currentHostKind, lockDataFolder, type DataFolderLock } from './data-folder-lock';
import { checkIntegrity } from './integrity';
import { migrate, readUserVersion } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { DB_FILE, DB_SIDE_SUFFIXES, LOCK_FILE, NEEDS_RECOVERY_MARKER, RUNNING_MARKER } from './names';
import { ensurePrivateDir, tightenFile, writePrivateFile } from './private-files';
import { recoverFromBackup, recoveryRequested, tightenSetAside } from './recovery';

// The entry point of storage: openDatabase, and what its callers elsewhere use, re-exported so they import one module.
export type { Db } from './connection';
export { migrate, readUserVersion } from './migrate';
export { DB_FILE } from './names';

export interface OpenedDatabase {
  db: Db;
  path: string;
  uncleanShutdown: boolean;
  recoveredFrom: string | null;
  close(): void;
}

/** What an earlier version (or a wide umask) may have left readable by others: made private at every open. */
function tightenDataFolder(dataDir: string): void {
  for (const name of [
    DB_FILE,
    ...DB_SIDE_SUFFIXES.map((s) => DB_FILE + s),
    RUNNING_MARKER,
    NEEDS_RECOVERY_MARKER,
    LOCK_FILE,
  ]) {
    tightenFile(join(dataDir, name));
  }
  tightenBackups(dataDir);
  tightenSetAside(dataDir);
}

function tryOpen(path: string): Db | null {
  try {
    return openConnection(path);
  } catch {
    // Not a database at all (or unreadable): handled like a damaged one, by recovery.
    return null;
  }
}

function openLocked(dataDir: string, clock: Clock, lock: DataFolderLock): OpenedDatabase {
  const path = join(dataDir, DB_FILE);
  const version = readUserVersion(path);
  if (version !== null && version > LATEST_SCHEMA_VERSION) {
    throw new CoreError('storage_unavailable', 'storage.newerVersion');
  }
  tightenDataFolder(dataDir);
  const markerPath = join(dataDir, RUNNING_MARKER);
  const uncleanShutdown = existsSync(markerPath);
  const needsRecovery = recoveryRequested(dataDir);
  let recoveredFrom: string | null = null;

  let db = tryOpen(path);
  const healthy = db !== null && !needsRecovery && (!uncleanShutdown || checkIntegrity(db, 'quick'));
  if (!healthy) {
    db?.close();
    recoveredFrom = recoverFromBackup(dataDir, clock);
    db = openConnection(path);
  }
  const opened = db!;
  try {
    migrate(opened, clock);
  } catch (err) {
    // A refused database (tampered migration, failed migration) must not stay open behind the error.
    opened.close();
    throw err;
  }
  writePrivateFile(markerPath, String(process.pid));
  lock.bindTo(opened);
  return {
    db: opened,
    path,
    uncleanShutdown,
    recoveredFrom,
    close() {
      if (!opened.open) return;
      try {
        opened.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        opened.close();
        rmSync(markerPath, { force: true });
        lock.release();
      }
    },
  };
}

/**
 * Opens (creating if needed) the desk's database. First the folder's single-instance lock, before anything reads
 * the running marker or the database: a second opener is refused (DataFolderLockedError) and changes nothing.
 * Then what must run before the first screen: the header version check, a quick_check only after an unclean
 * shutdown (its cost grows with the file: see README, "Storage"), pending migrations. The full integrity_check runs
 * later, in the background (maintenance.ts).
 */
export function openDatabase(dataDir: string, clock: Clock): OpenedDatabase {
  ensurePrivateDir(dataDir);
  // The lock records which host holds the folder, for the message a second opener gets.
  const lock = lockDataFolder(dataDir, currentHostKind());
  try {
    return openLocked(dataDir, clock, lock);
  } catch (err) {
    lock.release();
    throw err;
  }
}
