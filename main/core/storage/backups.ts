import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../../shared/ids';
import type { Db } from './database';

export const BACKUP_DIR = 'backups';
export const BACKUPS_KEPT = 7;
/** better-sqlite3's own step size, kept when a progress callback is given. */
const BACKUP_PAGES_PER_STEP = 100;

export interface BackupFile {
  name: string;
  path: string;
  at: Date;
}

export function listBackups(dataDir: string): BackupFile[] {
  const dir = join(dataDir, BACKUP_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /^mediane-\d{8}-\d{6}\.sqlite$/.test(n))
    .map((name) => ({ name, path: join(dir, name), at: statSync(join(dir, name)).mtime }))
    .sort((a, b) => b.name.localeCompare(a.name));
}

function passesIntegrityCheck(path: string): boolean {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.length === 1 && rows[0]!.integrity_check === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** The newest backup that passes a full integrity check. */
export function latestBackup(dataDir: string): BackupFile | null {
  return listBackups(dataDir).find((b) => passesIntegrityCheck(b.path)) ?? null;
}

export function restoreBackup(backup: BackupFile, dbPath: string): void {
  const tmp = `${dbPath}.restoring`;
  copyFileSync(backup.path, tmp);
  renameSync(tmp, dbPath);
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/** Called after each step of a backup (pages copied, pages in all); throwing stops the backup (backup now, cancelled). */
export type BackupProgress = (done: number, total: number) => void;

/**
 * Online backup through SQLite's backup API: it copies pages in steps between other work, so the journal stays
 * usable while it runs. Written to a temporary name and renamed, so a backup on disk is always whole.
 */
export async function createBackup(db: Db, dataDir: string, clock: Clock, onProgress?: BackupProgress): Promise<BackupFile> {
  const dir = join(dataDir, BACKUP_DIR);
  mkdirSync(dir, { recursive: true });
  const name = `mediane-${stamp(clock.now())}.sqlite`;
  const path = join(dir, name);
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  try {
    await db.backup(partial, {
      progress: (p) => {
        onProgress?.(p.totalPages - p.remainingPages, p.totalPages);
        return BACKUP_PAGES_PER_STEP;
      },
    });
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  // The copy inherits WAL mode from the live database; a backup is a single self-contained file, so switch it to a
  // rollback journal: opening it read-only (integrity check, restore) then leaves no -wal/-shm files behind.
  const copy = new Database(partial);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  renameSync(partial, path);
  for (const old of listBackups(dataDir).slice(BACKUPS_KEPT)) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(old.path + suffix, { force: true });
  }
  return { name, path, at: clock.now() };
}
