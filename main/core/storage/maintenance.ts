import type { Clock } from '../../../shared/ids';
import { createBackup, type BackupProgress } from './backups';
import type { OpenedDatabase } from './database';
import { checkIntegrityInWorker } from './integrity';
import { MAINTENANCE_SETTINGS } from './names';
import { requestRecovery } from './recovery';

export type IntegrityState = 'ok' | 'checking' | 'failed' | 'not_run';

export interface MaintenanceOptions {
  dataDir: string;
  clock: Clock;
  readSetting(key: string): string | null;
  writeSetting(key: string, value: string): void;
  /** Delay before background work starts, so it never competes with the first screen. */
  startDelayMs?: number;
  backupEveryMs?: number;
  integrityEveryMs?: number;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Background care of the database. At start only what is cheap runs (see openDatabase); then, after a short delay:
 * a full integrity_check in a worker when the last one is older than a week or the last run ended uncleanly, and
 * an online backup when the last one is older than a day (then daily while the app stays open).
 */
export function createMaintenance(opened: OpenedDatabase, o: MaintenanceOptions) {
  let integrity: IntegrityState = 'not_run';
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const backupEvery = o.backupEveryMs ?? DAY;
  const integrityEvery = o.integrityEveryMs ?? 7 * DAY;
  const age = (key: string) => {
    const at = o.readSetting(key);
    return at ? o.clock.now().getTime() - Date.parse(at) : Infinity;
  };

  async function checkIntegrity(): Promise<IntegrityState> {
    integrity = 'checking';
    integrity = await checkIntegrityInWorker(opened.path, 'full');
    if (stopped) return integrity;
    if (integrity === 'ok') o.writeSetting(MAINTENANCE_SETTINGS.lastIntegrityCheckAt, o.clock.now().toISOString());
    else requestRecovery(o.dataDir);
    return integrity;
  }

  async function backup(onProgress?: BackupProgress): Promise<string> {
    const file = await createBackup(opened.db, o.dataDir, o.clock, onProgress);
    if (!stopped) o.writeSetting(MAINTENANCE_SETTINGS.lastBackupAt, o.clock.now().toISOString());
    return file.name;
  }

  async function tick(): Promise<void> {
    if (stopped) return;
    try {
      if (opened.uncleanShutdown && integrity === 'not_run') await checkIntegrity();
      else if (age(MAINTENANCE_SETTINGS.lastIntegrityCheckAt) >= integrityEvery) await checkIntegrity();
      if (!stopped && integrity !== 'failed' && age(MAINTENANCE_SETTINGS.lastBackupAt) >= backupEvery) await backup();
    } catch {
      // A failed backup must never take the journal down; the status keeps showing the last good one.
    }
    if (!stopped) timer = setTimeout(() => void tick(), Math.min(backupEvery, 60 * 60 * 1000)).unref();
  }

  return {
    start() {
      timer = setTimeout(() => void tick(), o.startDelayMs ?? 5000);
      timer.unref();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    checkIntegrity,
    backup,
    integrity: () => integrity,
    lastBackupAt: () => o.readSetting(MAINTENANCE_SETTINGS.lastBackupAt),
    lastIntegrityCheckAt: () => o.readSetting(MAINTENANCE_SETTINGS.lastIntegrityCheckAt),
  };
}
