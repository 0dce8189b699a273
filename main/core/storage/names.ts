// The names Médiane gives to what it keeps in the data folder, and the settings its maintenance records. Tests,
// benchmarks and tools import them from here instead of spelling them again.

/** The desk's database; SQLite keeps `-wal` and `-shm` beside it. */
export const DB_FILE = 'mediane.sqlite';
export const DB_SIDE_SUFFIXES = ['-wal', '-shm'] as const;

/** Present while a core has the folder open; found at start, it means the last run did not close cleanly. */
export const RUNNING_MARKER = 'mediane.running';
/** Left by a failed background integrity check: the next start restores the newest good backup. */
export const NEEDS_RECOVERY_MARKER = 'mediane.needs-recovery';
/** The single-instance lock of the folder (data-folder-lock.ts). */
export const LOCK_FILE = 'mediane.lock';

export const BACKUP_DIR = 'backups';
/** Where a recovery sets the damaged files aside: `corrupt-<ISO time>/`. */
export const CORRUPT_DIR_PREFIX = 'corrupt-';

/** Settings keys (the settings table) written by the background maintenance. */
export const MAINTENANCE_SETTINGS = {
  lastBackupAt: 'maintenance.lastBackupAt',
  lastIntegrityCheckAt: 'maintenance.lastIntegrityCheckAt',
} as const;
