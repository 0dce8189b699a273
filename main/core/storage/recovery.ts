import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../../shared/ids';
import { latestGoodBackup, restoreBackup } from './backups';
import { CORRUPT_DIR_PREFIX, DB_FILE, DB_SIDE_SUFFIXES, NEEDS_RECOVERY_MARKER } from './names';
import { ensurePrivateDir, tightenDir, tightenFile, writePrivateFile } from './private-files';

/** Asks the next start to restore the newest good backup (used when the background integrity check fails). */
export function requestRecovery(dataDir: string): void {
  writePrivateFile(join(dataDir, NEEDS_RECOVERY_MARKER), 'integrity_check failed');
}

export function recoveryRequested(dataDir: string): boolean {
  return existsSync(join(dataDir, NEEDS_RECOVERY_MARKER));
}

/** Moves the damaged database and its side files to `corrupt-<time>/`: kept for a technician, never deleted. */
function moveAside(dataDir: string, clock: Clock): void {
  const stamp = clock.now().toISOString().replace(/[:.]/g, '-');
  const dir = join(dataDir, `${CORRUPT_DIR_PREFIX}${stamp}`);
  ensurePrivateDir(dir);
  const path = join(dataDir, DB_FILE);
  for (const suffix of ['', ...DB_SIDE_SUFFIXES]) {
    if (existsSync(path + suffix)) renameSync(path + suffix, join(dir, DB_FILE + suffix));
  }
}

/**
 * Sets the damaged database aside and puts the newest backup that passes a full integrity check in its place (none:
 * the desk starts on an empty database). Returns the restored backup's name, or 'none'.
 */
export function recoverFromBackup(dataDir: string, clock: Clock): string {
  moveAside(dataDir, clock);
  const backup = latestGoodBackup(dataDir);
  if (backup) restoreBackup(backup, join(dataDir, DB_FILE));
  rmSync(join(dataDir, NEEDS_RECOVERY_MARKER), { force: true });
  return backup ? backup.name : 'none';
}

/** Makes folders set aside by earlier recoveries (and what they hold) private. */
export function tightenSetAside(dataDir: string): void {
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(CORRUPT_DIR_PREFIX)) continue;
    const dir = join(dataDir, entry.name);
    tightenDir(dir);
    for (const file of readdirSync(dir, { withFileTypes: true })) if (file.isFile()) tightenFile(join(dir, file.name));
  }
}
