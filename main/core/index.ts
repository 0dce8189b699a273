import type { AppStatus } from '../../shared/app/schema';
import type { Handlers } from '../../shared/contract';
import { randomIds, systemClock, type Clock, type IdSource } from '../../shared/ids';
import { TAXONOMY_VERSION } from '../../shared/taxonomy';
import { appHandlers } from './app/handlers';
import { communesHandlers } from './communes/handlers';
import { createCommunesIndex } from './communes/communes-index';
import { journalHandlers } from './journal/handlers';
import { settingsHandlers } from './settings/handlers';
import { siteHandlers } from './site/handlers';
import { guardWrites } from './write-guard';
import { createJournalService } from './journal/journal-service';
import { createSettingsService } from './settings/settings-service';
import { createSiteService } from './site/site-service';
import { openDatabase } from './storage/database';
import { LATEST_SCHEMA_VERSION } from './storage/migrations';
import { createMaintenance } from './storage/maintenance';
import { createCheckpointer } from './storage/checkpointer';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  newId?: IdSource;
  stateOperated?: boolean;
  appVersion?: string;
  /** Background maintenance (backups, integrity check); tests turn it off or drive it by hand. */
  maintenance?: boolean;
  maintenanceDelayMs?: number;
}

/** The whole of Médiane's back end, in plain Node: hosts (Electron, browser mode, tests) only wire transports to it. */
export function createCore(options: CoreOptions) {
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? randomIds;
  const opened = openDatabase(options.dataDir, clock);
  const communes = createCommunesIndex();
  const settings = createSettingsService(opened.db);
  const site = createSiteService(opened.db, clock, newId, communes);
  const journal = createJournalService({ db: opened.db, clock, newId, communeExists: communes.exists });
  const maintenance = createMaintenance(opened, {
    dataDir: options.dataDir,
    clock,
    readSetting: settings.value,
    writeSetting: settings.put,
    startDelayMs: options.maintenanceDelayMs,
  });
  const checkpointer = createCheckpointer(opened.db);
  if (options.maintenance !== false) {
    maintenance.start();
    checkpointer.start();
  }

  const status = (): AppStatus => {
    const profile = site.get();
    return {
      setupDone: profile !== null,
      site: profile,
      settings: settings.read(),
      deployment: { stateOperated: options.stateOperated ?? false, appVersion: options.appVersion ?? '0.0.0' },
      storage: {
        schemaVersion: LATEST_SCHEMA_VERSION,
        integrity: maintenance.integrity(),
        uncleanShutdown: opened.uncleanShutdown,
        recoveredFrom: opened.recoveredFrom,
        lastBackupAt: maintenance.lastBackupAt(),
        lastIntegrityCheckAt: maintenance.lastIntegrityCheckAt(),
      },
      operators: journal.operators(),
      taxonomyVersion: TAXONOMY_VERSION,
    };
  };

  // Each feature brings its own handlers; the type makes the composition complete (one per contract method).
  const all: Handlers = {
    ...appHandlers(status),
    ...settingsHandlers(settings),
    ...siteHandlers(site),
    ...communesHandlers(communes),
    ...journalHandlers(journal),
  };
  // Once the background integrity check has failed, the file is not trusted with new data: every mutation is refused
  // (with a message asking to restart, which restores the last good backup) so nothing lands in a damaged file.
  const handlers = guardWrites(all, () => maintenance.integrity() === 'failed');

  return {
    handlers,
    db: opened.db,
    maintenance,
    /** Warms the commune index after the first screen is up (loading it would delay the first screen). */
    warm: () => setTimeout(() => communes.warm(), 50).unref(),
    close() {
      maintenance.stop();
      checkpointer.stop();
      opened.close();
    },
  };
}

export type Core = ReturnType<typeof createCore>;
