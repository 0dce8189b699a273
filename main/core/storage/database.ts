import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CoreError } from '../../../shared/errors';
import type { Clock } from '../../../shared/ids';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, checksum } from './migrations';
import { latestBackup, restoreBackup } from './backups';

export type Db = Database.Database;

export const DB_FILE = 'mediane.sqlite';
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;
const RUNNING_MARKER = 'mediane.running';
const NEEDS_RECOVERY_MARKER = 'mediane.needs-recovery';

export interface OpenedDatabase {
  db: Db;
  path: string;
  uncleanShutdown: boolean;
  recoveredFrom: string | null;
  close(): void;
}

/** user_version sits at byte 60 of the SQLite header: reading it there leaves a database from the future untouched. */
export function readUserVersion(path: string): number | null {
  if (!existsSync(path)) return null;
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    if (read < 100 || header.toString('latin1', 0, 15) !== 'SQLite format 3') return null;
    return header.readUInt32BE(60);
  } finally {
    closeSync(fd);
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives any crash of the application (a committed transaction is in the WAL
  // before the call returns); only a power cut can lose the last commits. See README, "Storage".
  db.pragma('synchronous = NORMAL');
  // SQLite's automatic checkpoint runs inside whichever save crosses 1,000 WAL pages and costs ~10 ms: that was the
  // whole p99 of a save. The core checkpoints when idle instead (see checkpointer.ts); this high mark is only the
  // safety net for a process that never idles.
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export function migrate(db: Db, clock: Clock): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = new Map(
    (db.prepare('SELECT version, checksum FROM schema_migrations').all() as Array<{ version: number; checksum: string }>).map(
      (r) => [r.version, r.checksum],
    ),
  );
  for (const m of MIGRATIONS) {
    const recorded = applied.get(m.version);
    if (recorded !== undefined) {
      if (recorded !== checksum(m.sql)) throw new CoreError('storage_unavailable', 'storage.migrationTampered');
      continue;
    }
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(
        m.version,
        m.name,
        checksum(m.sql),
        clock.now().toISOString(),
      );
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

function quickCheckPasses(db: Db): boolean {
  try {
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    return rows.length === 1 && rows[0]!.quick_check === 'ok';
  } catch {
    return false;
  }
}

function moveAside(dataDir: string, path: string, clock: Clock): void {
  const stamp = clock.now().toISOString().replace(/[:.]/g, '-');
  const dir = join(dataDir, `corrupt-${stamp}`);
  mkdirSync(dir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, join(dir, DB_FILE + suffix));
  }
}

/**
 * Opens (creating if needed) the desk's database. What runs here is what must run before the first screen:
 * the header version check, a quick_check only after an unclean shutdown (≈0.15 s for 100,000 sessions, 1.4 s for 1,000,000 on the build machine: see README, "Storage"),
 * pending migrations. The full integrity_check (seconds on a large journal) runs later, in the background.
 */
export function openDatabase(dataDir: string, clock: Clock): OpenedDatabase {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, DB_FILE);
  const version = readUserVersion(path);
  if (version !== null && version > LATEST_SCHEMA_VERSION) {
    throw new CoreError('storage_unavailable', 'storage.newerVersion');
  }
  const markerPath = join(dataDir, RUNNING_MARKER);
  const uncleanShutdown = existsSync(markerPath);
  const needsRecovery = existsSync(join(dataDir, NEEDS_RECOVERY_MARKER));
  let recoveredFrom: string | null = null;

  let db: Db | null = null;
  try {
    db = new Database(path);
    configure(db);
  } catch {
    db?.close();
    db = null;
  }
  const healthy = db !== null && !needsRecovery && (!uncleanShutdown || quickCheckPasses(db));
  if (!healthy) {
    db?.close();
    moveAside(dataDir, path, clock);
    const backup = latestBackup(dataDir);
    if (backup) restoreBackup(backup, path);
    recoveredFrom = backup ? backup.name : 'none';
    rmSync(join(dataDir, NEEDS_RECOVERY_MARKER), { force: true });
    db = new Database(path);
    configure(db);
  }
  try {
    migrate(db!, clock);
  } catch (err) {
    // A refused database (tampered migration, failed migration) must not stay open behind the error.
    db!.close();
    throw err;
  }
  writeFileSync(markerPath, String(process.pid));
  const opened = db!;
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
      }
    },
  };
}

/** Asks the next start to restore the newest good backup (used when the background integrity check fails). */
export function requestRecovery(dataDir: string): void {
  writeFileSync(join(dataDir, NEEDS_RECOVERY_MARKER), 'integrity_check failed');
}
