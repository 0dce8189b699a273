import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../../shared/ids';
import type { Db } from './connection';
import { checkIntegrity, checkIntegrityInWorker } from './integrity';
import { BACKUP_DIR, DB_SIDE_SUFFIXES } from './names';
import { ensurePrivateDir, tightenFile, touchPrivateFile } from './private-files';

export const BACKUPS_KEPT = 7;
/** better-sqlite3's own step size, kept when a progress callback is given. */
const BACKUP_PAGES_PER_STEP = 100;

export interface BackupFile {
  name: string;
  path: string;
  at: Date;
}

const BACKUP_NAME = /^mediane-\d{8}-\d{6}\.sqlite$/;

export function listBackups(dataDir: string): BackupFile[] {
  const dir = join(dataDir, BACKUP_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => BACKUP_NAME.test(n))
    .map((name) => ({ name, path: join(dir, name), at: statSync(join(dir, name)).mtime }))
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** The newest backup that passes a full integrity check (what a recovery restores). */
export function latestGoodBackup(dataDir: string): BackupFile | null {
  return listBackups(dataDir).find((b) => checkIntegrity(b.path, 'full')) ?? null;
}

/** Copies a backup over the working database, through a temporary name so the database file is never half-written. */
export function restoreBackup(backup: BackupFile, dbPath: string): void {
  const tmp = `${dbPath}.restoring`;
  copyFileSync(backup.path, tmp);
  // copyFile keeps the source's mode, and a backup made by an older version may be wider than 0600.
  tightenFile(tmp);
  renameSync(tmp, dbPath);
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/** Makes the backups folder and every backup in it private (backups written by an older version were 0644). */
export function tightenBackups(dataDir: string): void {
  if (!existsSync(join(dataDir, BACKUP_DIR))) return;
  ensurePrivateDir(join(dataDir, BACKUP_DIR));
  for (const b of listBackups(dataDir)) tightenFile(b.path);
}

/** Called after each step of a backup (pages copied, pages in all); throwing stops the backup (backup now, cancelled). */
export type BackupProgress = (done: number, total: number) => void;

/**
 * Online backup through SQLite's backup API: it copies pages in steps between other work, so the journal stays
 * usable while it runs. Written to a temporary name, verified with a full integrity check, then renamed: a backup on
 * disk is always whole and readable, and a copy that fails its check never counts (nor pushes a good one out of the
 * rotation).
 */
export async function createBackup(
  db: Db,
  dataDir: string,
  clock: Clock,
  onProgress?: BackupProgress,
): Promise<BackupFile> {
  const dir = join(dataDir, BACKUP_DIR);
  ensurePrivateDir(dir);
  const name = `mediane-${stamp(clock.now())}.sqlite`;
  const path = join(dir, name);
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  // Created 0600 before SQLite writes into it; SQLite gives its journal file the same mode.
  touchPrivateFile(partial);
  try {
    await db.backup(partial, {
      progress: (p) => {
        onProgress?.(p.totalPages - p.remainingPages, p.totalPages);
        return BACKUP_PAGES_PER_STEP;
      },
    });
    // The copy inherits WAL mode from the live database; a backup is a single self-contained file, so switch it to a
    // rollback journal: opening it read-only (integrity check, restore) then leaves no -wal/-shm files behind.
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    // In a worker: on years of history the full check takes seconds, and the desk is in use while it runs.
    if ((await checkIntegrityInWorker(partial, 'full')) !== 'ok') throw new Error('backup failed its integrity check');
  } catch (err) {
    for (const suffix of ['', ...DB_SIDE_SUFFIXES, '-journal']) rmSync(partial + suffix, { force: true });
    throw err;
  }
  renameSync(partial, path);
  for (const old of listBackups(dataDir).slice(BACKUPS_KEPT)) {
    for (const suffix of ['', ...DB_SIDE_SUFFIXES]) rmSync(old.path + suffix, { force: true });
  }
  return { name, path, at: clock.now() };
}
