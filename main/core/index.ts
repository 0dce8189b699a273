import { METHOD_NAMES, type AppStatus, type Handlers, type MethodName } from '../../shared/contract';
import { randomIds, systemClock, type Clock, type IdSource } from '../../shared/ids';
import { TAXONOMY_VERSION } from '../../shared/taxonomy';
import { createCommunesIndex } from './communes/communes-index';
import { createJournalService } from './journal/journal-service';
import { createSettingsService } from './settings/settings-service';
import { createSiteService } from './site/site-service';
import { openDatabase } from './storage/database';
import { LATEST_SCHEMA_VERSION } from './storage/migrations';
import { createMaintenance } from './storage/maintenance';
import { createCheckpointer } from './storage/checkpointer';
import { CoreError } from '../../shared/errors';

// Calls that only read. Every other contract method writes and is refused once the file is found damaged: a method
// added later is guarded by default.
const READ_ONLY_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'app.status',
  'site.exportLieu',
  'communes.search',
  'communes.get',
  'journal.get',
  'journal.list',
  'journal.followUps',
  'journal.timers',
]);

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

  const handlers: Handlers = {
    'app.status': () => status(),
    'settings.update': (input) => settings.update(input),
    'site.save': (input) => site.save(input),
    'site.exportLieu': () => site.exportLieu(),
    'communes.search': (input) => communes.search(input.query, input.limit),
    'communes.get': (input) => communes.get(input.code),
    'journal.create': (input) => journal.create(input),
    'journal.update': (input) => journal.update(input.id, input.session),
    'journal.get': (input) => journal.get(input.id),
    'journal.duplicate': (input) => journal.duplicate(input.id, input.date),
    'journal.delete': (input) => journal.remove(input.id),
    'journal.restore': (input) => journal.restore(input.id),
    'journal.list': (input) => journal.list(input),
    'journal.followUps': () => journal.followUps(),
    'journal.closeFollowUp': (input) => journal.closeFollowUp(input.id),
    'journal.startTimer': () => journal.startTimer(),
    'journal.timers': () => journal.timers(),
    'journal.cancelTimer': (input) => journal.cancelTimer(input.id),
  };

  // Once the background integrity check has failed, the file is not trusted with new data: every call that writes is
  // refused (with a message asking to restart, which restores the last good backup) so nothing lands in a damaged file.
  for (const method of METHOD_NAMES.filter((m) => !READ_ONLY_METHODS.has(m))) {
    const inner = handlers[method] as (input: unknown) => unknown;
    (handlers as Record<MethodName, (input: unknown) => unknown>)[method] = (input: unknown) => {
      if (maintenance.integrity() === 'failed') throw new CoreError('storage_unavailable', 'storage.integrityFailed');
      return inner(input);
    };
  }

  return {
    handlers,
    db: opened.db,
    maintenance,
    /** Warms the commune index after the first screen is up (it takes ~100 ms to load). */
    warm: () => setTimeout(() => communes.warm(), 50).unref(),
    close() {
      maintenance.stop();
      checkpointer.stop();
      opened.close();
    },
  };
}

export type Core = ReturnType<typeof createCore>;
