import type { AppStatus } from '../../shared/app/schema';
import type { Handlers } from '../../shared/contract';
import { randomIds, systemClock, type Clock, type IdSource } from '../../shared/ids';
import { TAXONOMY_VERSION } from '../../shared/taxonomy';
import { join } from 'node:path';
import { appHandlers } from './app/handlers';
import { communesHandlers } from './communes/handlers';
import { createCommunesIndex } from './communes/communes-index';
import { journalHandlers } from './journal/handlers';
import { settingsHandlers } from './settings/handlers';
import { siteHandlers } from './site/handlers';
import { guardWrites } from './write-guard';
import type { ExportScope } from '../../shared/exports/schema';
import type { DashboardTables } from './exports/aggregated';
import { exportsHandlers } from './exports/handlers';
import { createExportService } from './exports/export-service';
import { createImportService } from './exports/import-service';
import { createFiles, STAGING_DIR, type FileDialogs } from './files/files';
import { filesHandlers } from './files/handlers';
import { createJobs, type JobsLog } from './jobs/jobs';
import { jobsHandlers } from './jobs/handlers';
import { storageHandlers } from './storage/handlers';
import { transferHandlers } from './transfer/handlers';
import { printHandlers } from './print/handlers';
import { createPrintService, type PrintToPdf } from './print/print-service';
import { createTransferService } from './transfer/transfer-service';
import { createJournalService } from './journal/journal-service';
import { createSettingsService } from './settings/settings-service';
import { createSiteService } from './site/site-service';
import { migrate, openDatabase, readUserVersion } from './storage/database';
import { checkIntegrityInWorker } from './storage/integrity';
import { LATEST_SCHEMA_VERSION } from './storage/migrations';
import { createMaintenance } from './storage/maintenance';
import { createCheckpointer } from './storage/checkpointer';
import { createRollups } from './stats/rollups';
import { createRetention } from './stats/retention';
import { createStatsService } from './stats/stats-service';
import { createRetentionSchedule, statsHandlers } from './stats/handlers';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  newId?: IdSource;
  stateOperated?: boolean;
  appVersion?: string;
  /** Background maintenance (backups, integrity check); tests turn it off or drive it by hand. */
  maintenance?: boolean;
  maintenanceDelayMs?: number;
  /** The host's file dialogs (desktop). Without them (browser mode) saves become downloads and reads uploads. */
  dialogs?: FileDialogs;
  /** Where unexpected failures of jobs are logged (never shown). */
  log?: JobsLog;
  /** scrypt cost of desk files; tests lower it (see transfer/desk-file.ts for the default and the bounds). */
  transferKdf?: { N: number; r: number; p: number };
  /** The host's page-to-PDF renderer (desktop); browser mode prints through the browser instead. */
  printToPdf?: PrintToPdf;
}

/** The whole of Médiane's back end, in plain Node: hosts (Electron, browser mode, tests) only wire transports to it. */
export function createCore(options: CoreOptions) {
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? randomIds;
  const opened = openDatabase(options.dataDir, clock);
  const communes = createCommunesIndex();
  const settings = createSettingsService(opened.db);
  const site = createSiteService(opened.db, clock, newId, communes);
  // The statistics' rollups follow every journal write inside its transaction (built once after migration 5).
  const rollups = createRollups(opened.db);
  rollups.ensureBuilt();
  const journal = createJournalService({
    db: opened.db,
    clock,
    newId,
    communeExists: communes.exists,
    onWrite: rollups.onSessionWrite,
  });
  const stats = createStatsService({ db: opened.db, clock, rollups, communeOf: communes.get });
  const retention = createRetention(opened.db, clock, rollups);
  const maintenance = createMaintenance(opened, {
    dataDir: options.dataDir,
    clock,
    readSetting: settings.value,
    writeSetting: settings.put,
    startDelayMs: options.maintenanceDelayMs,
  });
  const checkpointer = createCheckpointer(opened.db);
  const jobs = createJobs({ clock, newId, log: options.log });
  const retentionSchedule = createRetentionSchedule(jobs, retention);
  const files = createFiles({ dataDir: options.dataDir, clock, newId, dialogs: options.dialogs });
  const transfer = createTransferService({
    db: opened.db,
    stagingDir: join(options.dataDir, STAGING_DIR),
    clock,
    newId,
    jobs,
    files,
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    migrate,
    readUserVersion,
    integrityCheck: (path) => checkIntegrityInWorker(path, 'full'),
    kdf: options.transferKdf,
  });
  // The statistics' one query layer: the aggregated exports read the very call the dashboard makes.
  const dashboard = (scope: ExportScope): DashboardTables =>
    stats.dashboard(
      { unit: 'custom', from: scope.from, to: scope.to },
      { kind: scope.kind, operator: scope.operator, topic: scope.topic, outcome: scope.outcome, followUpDue: false },
    );
  const exportsService = createExportService({
    db: opened.db,
    clock,
    jobs,
    files,
    site: site.get,
    communes,
    dashboard,
  });
  const imports = createImportService({ clock, newId, jobs, files, journal, communeExists: communes.exists });
  if (options.maintenance !== false) {
    maintenance.start();
    checkpointer.start();
    retentionSchedule.start();
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
    ...statsHandlers(stats, retention, jobs),
    ...jobsHandlers(jobs),
    ...filesHandlers(files),
    ...transferHandlers(transfer),
    ...storageHandlers({ jobs, maintenance, dataDir: options.dataDir, clock }),
    ...printHandlers(createPrintService({ files, printToPdf: options.printToPdf })),
    ...exportsHandlers(exportsService, imports),
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
    /** For the browser-mode host's upload and download routes (files never cross the contract as paths). */
    files: { acceptUpload: files.acceptUpload, download: files.download, release: files.release },
    jobs,
    /** The statistics' one query layer (dashboard, aggregated exports, reports) and its rollups (bulk imports). */
    stats,
    retention,
    /** The figures the aggregated export writes, for the command-line export (`npm run export`). */
    dashboard,
    /**
     * Stops background work, cancels running jobs and waits for them to clean up, then closes the database.
     * With no job running it finishes synchronously, so a host may reopen the folder right after calling it.
     */
    close(): Promise<void> {
      maintenance.stop();
      checkpointer.stop();
      retentionSchedule.stop();
      const finish = () => {
        files.close();
        opened.close();
      };
      if (!jobs.running()) {
        void jobs.close();
        finish();
        return Promise.resolve();
      }
      return jobs.close().then(finish);
    },
  };
}

export type Core = ReturnType<typeof createCore>;
