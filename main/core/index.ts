import type { AppStatus } from '../../shared/app/schema';
import type { FilePurpose } from '../../shared/files/schema';
import type { Handlers } from '../../shared/contract';
import { randomIds, systemClock, type Clock, type IdSource } from '../../shared/ids';
import { TAXONOMY_VERSION } from '../../shared/taxonomy';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { CoreError } from '../../shared/errors';
import { appHandlers } from './app/handlers';
import { catalogueHandlers } from './catalogue/handlers';
import { createCatalogueService, type CitedByPort } from './catalogue/catalogue-service';
import { communesHandlers } from './communes/handlers';
import { createCommunesIndex } from './communes/communes-index';
import { journalHandlers } from './journal/handlers';
import { settingsHandlers } from './settings/handlers';
import { siteHandlers } from './site/handlers';
import { guardWrites } from './write-guard';
import { readGuideDirectory, locateShippedGuidesDir } from './guides/guide-files';
import { createGuideService } from './guides/guide-service';
import { guidesHandlers } from './guides/handlers';
import { createSessionGuides } from './guides/session-guides';
import { guardLock } from './lock/guard';
import { lockHandlers } from './lock/handlers';
import { createLockService, type LockOptions } from './lock/lock-service';
import type { ExportScope } from '../../shared/exports/schema';
import type { DashboardTables } from './exports/aggregated';
import { exportsHandlers } from './exports/handlers';
import { createExportService } from './exports/export-service';
import { createWriter, writeAtomically } from './exports/export-file';
import { createImportService } from './exports/import-service';
import { createFiles, STAGING_DIR, type FileDialogs } from './files/files';
import { filesHandlers } from './files/handlers';
import { createJobs, type JobsLog } from './jobs/jobs';
import { jobsHandlers } from './jobs/handlers';
import { storageHandlers } from './storage/handlers';
import { searchHandlers } from './search/handlers';
import { createSearchService } from './search/search-service';
import { linkGuidesToRunningTimer } from './search/session-link';
import { normalizeForSearch } from '../../shared/search/normalize';
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
import { createDiagnosticService } from './diagnostic/diagnostic-service';
import { diagnosticHandlers } from './diagnostic/handlers';
import { createNafIndex } from './diagnostic/naf-index';
import { SessionInput } from '../../shared/journal/schema';
import { createFileCredentialStore, SIGNING_KEY_FILE, type CredentialStore } from './sync/credential-store';

import { httpTransportFactory, type HubTransportFactory } from './sync/http-transport';
import { createSyncRunner, createSyncSchedule, syncHandlers } from './sync/handlers';
import { createSyncService } from './sync/sync-service';
import { createCoordinatorService } from './coordinator/coordinator-service';
import { coordinatorHandlers } from './coordinator/handlers';
import { coordinatorTransportFactory, type CoordinatorTransportFactory } from './coordinator/transport';
import { createContentService } from './content/content-service';
import { readGuidePack } from './content/guide-pack';
import { contentHandlers } from './content/handlers';
import { createPackHubClient, type PackHubClient } from './content/hub-client';
import { createPackStore } from './content/pack-store';
import { loadPinnedKeys, locatePinnedKeysDir } from './content/trusted-keys';

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
  /** The shipped guides' folder; tests give their own (default: resources/guides, found from this module). */
  guidesDir?: string;
  /** The host's page-to-PDF renderer (desktop); browser mode prints through the browser instead. */
  printToPdf?: PrintToPdf;
  /**
   * The demo catalogue's archives (resources/catalogue/demo-*.zip), installed in the background at the first start
   * when no catalogue exists. Hosts pass them; tests leave them out.
   */
  demoCatalogue?: string[];
  /** Guides citing a catalogue entry (the guides feature), shown on the fiche page. */
  catalogueCitedBy?: CitedByPort;
  /** The app lock's PIN cost and wrong-PIN waits; tests lower them (see lock/lock-service.ts for the defaults). */
  lock?: LockOptions;
  /** Where the hub credential lives: the OS keychain on the desktop; by default a 0600 file in the data folder. */
  credentials?: CredentialStore;
  /** Where the desk's private signing key (snapshot files) lives: as the credential, behind the same port. */
  signingKey?: CredentialStore;
  /** How the desk reaches the hub (tests: an in-process hub or a faulty network); by default HTTPS with the proxy. */
  syncTransport?: HubTransportFactory;
  /** Sync rounds by themselves (defaults to `maintenance`: on in the hosts, off in tests). */
  syncSchedule?: boolean;
  /** Where a coordinator's hub credential lives (a separate key from the desk's); by default another 0600 file. */
  coordinatorCredentials?: CredentialStore;
  /** How coordinator mode reaches the hub (tests: an in-process hub); by default HTTPS with the proxy. */
  coordinatorTransport?: CoordinatorTransportFactory;
  /** The content publishers' pinned public keys (default: resources/content-keys); tests give their own. */
  contentKeysDir?: string;
  /** How the desk asks its hub for content packs (tests: an in-process hub); by default HTTPS with the proxy. */
  contentHub?: PackHubClient;
  /** Tests only: runs just before an install's switch (a throw there stands for a crash mid-install). */
  contentBeforeSwitch?: () => void;
}

/** Coordinator mode's credential file in browser mode and tests (the desk's own is CREDENTIAL_FILE). */
const COORDINATOR_CREDENTIAL_FILE = 'hub-coordinator-credential';

/** The whole of Médiane's back end, in plain Node: hosts (Electron, browser mode, tests) only wire transports to it. */
/** The folder, inside the data folder, where reports printed in self-service mode are saved. */
export const SELF_SERVICE_PDF_DIR = 'libre-service';

export function createCore(options: CoreOptions) {
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? randomIds;
  const opened = openDatabase(options.dataDir, clock);
  const communes = createCommunesIndex();
  const lock = createLockService(options.dataDir, clock, options.lock);
  const settings = createSettingsService(opened.db);
  const site = createSiteService(opened.db, clock, newId, communes);
  // In self-service mode a PDF is saved, with no dialog, in the desk's folder for it (SECURITY.md, self-service rule).
  const files = createFiles({
    dataDir: options.dataDir,
    clock,
    newId,
    dialogs: options.dialogs,
    fixedSaveDir: () => (lock.current().selfService ? join(options.dataDir, SELF_SERVICE_PDF_DIR) : null),
  });
  // Signed content packs in the data folder: interrupted installs are swept; the pointer says which folder is in use.
  const contentStore = createPackStore({ dataDir: options.dataDir, newId, beforeSwitch: options.contentBeforeSwitch });
  contentStore.sweep();
  // Guides: the shipped files are read on first use (never at start), overlaid by the desk's own versions. An
  // installed signed guides pack takes the place of the files shipped with the app.
  const guides = createGuideService({
    db: opened.db,
    clock,
    files,
    shipped: () => {
      const packDir = contentStore.dirOf('guides');
      if (packDir) return readGuidePack(packDir).guides;
      const dir = options.guidesDir ?? locateShippedGuidesDir();
      return dir ? readGuideDirectory(dir).guides : [];
    },
  });
  const sessionGuides = createSessionGuides({ db: opened.db, clock, findGuide: guides.find });
  // The statistics' rollups follow every journal write inside its transaction (built once after migration 5).
  const rollups = createRollups(opened.db);
  rollups.ensureBuilt();
  const journal = createJournalService({
    db: opened.db,
    clock,
    newId,
    communeExists: communes.exists,
    links: sessionGuides.links,
    onWrite: rollups.onSessionWrite,
  });
  const stats = createStatsService({ db: opened.db, clock, rollups, communeOf: communes.get });
  const retention = createRetention(opened.db, clock, rollups);
  // The diagnosis logs a session with a mediator through this one port: it never sees the journal itself.
  const diagnostic = createDiagnosticService({
    db: opened.db,
    clock,
    newId,
    naf: createNafIndex(),
    // In self-service mode: always alone, and only the diagnoses of the current period (list/delete: the guard).
    selfService: { selfServiceSince: lock.selfServiceSince },
    // Peer benchmarks come from the statistics sync (created below; called only once the core is running).
    peers: { benchmarks: (query) => sync.peers(query) },
    journal: {
      logDiagnosisSession: ({ date, durationMin }) =>
        journal.create(
          SessionInput.parse({
            kind: 'individuel',
            date,
            durationMin,
            channel: 'lieu_activite',
            topics: ['entrepreneuriat'],
          }),
        ),
    },
  });
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
  const catalogue = createCatalogueService({
    dataDir: options.dataDir,
    clock,
    newId,
    jobs,
    takeSource: (id) => files.takeSource(id, 'catalogue'),
    // A fiche lists the guides that cite it (the desk's own versions included).
    citedBy: options.catalogueCitedBy ?? guides.citing,
  });
  if (options.demoCatalogue) catalogue.installDemoIfMissing(options.demoCatalogue);
  // The one search box over guides and the catalogue; its guide index is built on the first query or at warm-up,
  // and again when the desk's own guides change (revision).
  const search = createSearchService({
    fold: normalizeForSearch,
    guides: { guideIndexEntries: guides.guideIndexEntries, revision: guides.revision },
    catalogue: {
      searchEntries: (query, limit, options) => catalogue.searchEntries(query, limit, options),
      dataDate: () => catalogue.status().dataDate,
      isDemo: () => catalogue.status().demo,
    },
    // A guide opened from the search while a live session runs joins that session's guides (guided mode).
    sessions: linkGuidesToRunningTimer({
      runningTimerId: () => journal.timers()[0]?.id ?? null,
      openGuide: (timerId, id) => void sessionGuides.open({ timerId }, id),
    }),
  });
  const syncCredentials = options.credentials ?? createFileCredentialStore(options.dataDir);
  const sync = createSyncService({
    db: opened.db,
    clock,
    stats,
    communeOf: communes.get,
    // Diagnoses closed in a period feed the snapshot's diagnostics section (peer benchmarks).
    diagnosesClosed: (from, to) => diagnostic.closedBetween(from, to),
    credentials: syncCredentials,
    signingKey: options.signingKey ?? createFileCredentialStore(options.dataDir, SIGNING_KEY_FILE),
    transport: options.syncTransport ?? httpTransportFactory,
  });
  // Content packs come from a file or from the desk's hub (the sync's enrollment and credential, never its code).
  const content = createContentService({
    clock,
    jobs,
    store: contentStore,
    trustedKeys: loadPinnedKeys(options.contentKeysDir ?? locatePinnedKeysDir()),
    takeSource: (id) => files.takeSource(id, 'contentPack'),
    hubEnrolled: () => sync.status().enrollment !== null,
    hubAccess: async () => {
      const hubUrl = sync.status().enrollment?.hubUrl;
      const credential = hubUrl ? await syncCredentials.load().catch(() => null) : null;
      return hubUrl && credential ? { hubUrl, credential } : null;
    },
    hub: options.contentHub ?? createPackHubClient(),
    onGuidesInstalled: guides.reloadShipped,
    importCatalogue: (archives, ctx) => catalogue.importArchives(archives, { demo: false, ...ctx }),
  });
  const syncRunner = createSyncRunner(jobs, sync);
  const coordinator = createCoordinatorService({
    clock,
    readSetting: settings.value,
    writeSetting: settings.put,
    credentials:
      options.coordinatorCredentials ?? createFileCredentialStore(options.dataDir, COORDINATOR_CREDENTIAL_FILE),
    transport: options.coordinatorTransport ?? coordinatorTransportFactory,
    takeSource: (id) => files.takeSource(id, 'snapshots'),
    jobs,
    files,
    // The exports' writers (CSV, XLSX, ODS) and their `.part`-then-rename: one way to write a spreadsheet.
    writers: { createWriter, writeAtomically },
  });
  const syncSchedule = createSyncSchedule(sync, syncRunner);
  if (options.syncSchedule ?? options.maintenance !== false) syncSchedule.start();
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
      lock: lock.status(),
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
    ...guidesHandlers({
      guides,
      sessions: sessionGuides,
      readSetting: settings.value,
      writeSetting: settings.put,
    }),
    ...diagnosticHandlers(diagnostic),
    ...printHandlers(createPrintService({ files, printToPdf: options.printToPdf })),
    ...catalogueHandlers(catalogue),
    ...lockHandlers(lock),
    ...searchHandlers(search),
    ...syncHandlers(sync, syncRunner, jobs, files),
    ...exportsHandlers(exportsService, imports),
    ...coordinatorHandlers(coordinator),
    ...contentHandlers(content),
  };
  // Once the background integrity check has failed, the file is not trusted with new data: every mutation is refused
  // (with a message asking to restart, which restores the last good backup) so nothing lands in a damaged file.
  // Outside it, the app lock: while locked or in self-service mode only a short explicit list of methods runs
  // (lock/guard.ts), whichever host the call comes through.
  const lockRestricts = () => {
    const now = lock.current();
    return now.locked || now.selfService;
  };
  const handlers = guardLock(
    guardWrites(all, () => maintenance.integrity() === 'failed'),
    lock,
  );

  return {
    handlers,
    db: opened.db,
    maintenance,
    /** Warms the commune and search indexes after the first screen is up (loading them would delay the first screen). */
    warm: () =>
      setTimeout(() => {
        communes.warm();
        search.warm();
      }, 50).unref(),
    /** For the browser-mode host's upload and download routes (files never cross the contract as paths). */
    // Locked or in self-service mode, no desk file moves through them either (they are outside the contract).
    files: {
      acceptUpload: (name: string, body: Readable, maxBytes: number, purpose?: FilePurpose) =>
        lockRestricts()
          ? Promise.reject(new CoreError('forbidden', 'lock.locked'))
          : files.acceptUpload(name, body, maxBytes, purpose),
      download: (targetId: string) => (lockRestricts() ? null : files.download(targetId)),
      release: files.release,
    },
    jobs,
    /** Ports for other features (search indexes the guides; the catalogue's fiche page lists the guides citing it). */
    guides: { guideIndexEntries: guides.guideIndexEntries, citing: guides.citing, revision: guides.revision },
    /** The official catalogue's core service (`searchEntries`, `entry`), injected into the features that need it. */
    catalogue,
    /** The lock's state, for the desktop shell (kiosk window in self-service mode). */
    lock: { current: lock.current, onChange: lock.onChange },
    /** The statistics' one query layer (dashboard, aggregated exports, reports) and its rollups (bulk imports). */
    stats,
    retention,
    /** The statistics sync (tests drive its rounds by hand). */
    sync,
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
      syncSchedule.stop();
      const finish = () => {
        catalogue.close();
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
