import { z } from 'zod';
import { Commune, CommuneQuery } from './communes/schema';
import { FollowUpItem, JournalPage, JournalQuery, LiveTimer, Session, SessionInput, isoDate } from './journal/schema';
import { LieuExport, SiteProfile, SiteProfileInput } from './site/schema';

// The one contract between the renderer and the core. Every call the renderer can make is declared here,
// with the schema its input must pass at the boundary and the shape of what comes back. Nothing else
// declares IPC channels or HTTP routes: the Electron preload, the IPC registration and the browser-mode
// host are all built from this map.

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const none = z.object({}).strict();
const byId = z.object({ id: z.uuid() }).strict();

export const Settings = z.object({ locale: z.enum(LOCALES) });
export type Settings = z.infer<typeof Settings>;

export const StorageStatus = z.object({
  schemaVersion: z.number(),
  integrity: z.enum(['ok', 'checking', 'failed', 'not_run']),
  uncleanShutdown: z.boolean(),
  recoveredFrom: z.string().nullable(),
  lastBackupAt: z.string().nullable(),
  lastIntegrityCheckAt: z.string().nullable(),
});

export const AppStatus = z.object({
  setupDone: z.boolean(),
  site: SiteProfile.nullable(),
  settings: Settings,
  // Deployment settings are decided by whoever installs Médiane, not in the UI: only an installation
  // operated by a State body may show the State's brand block (DSFR terms of use).
  deployment: z.object({ stateOperated: z.boolean(), appVersion: z.string() }),
  storage: StorageStatus,
  operators: z.array(z.string()),
  taxonomyVersion: z.string(),
});
export type AppStatus = z.infer<typeof AppStatus>;

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const contract = {
  'app.status': method(none, AppStatus),
  'settings.update': method(z.object({ locale: z.enum(LOCALES) }).strict(), Settings),

  'site.save': method(SiteProfileInput, SiteProfile),
  'site.exportLieu': method(none, LieuExport),

  'communes.search': method(CommuneQuery, z.array(Commune)),
  'communes.get': method(z.object({ code: z.string().max(5) }).strict(), Commune.nullable()),

  'journal.create': method(SessionInput, Session),
  'journal.update': method(z.object({ id: z.uuid(), session: SessionInput }).strict(), Session),
  'journal.get': method(byId, Session),
  'journal.duplicate': method(z.object({ id: z.uuid(), date: isoDate.optional() }).strict(), Session),
  'journal.delete': method(byId, z.object({ id: z.string() })),
  'journal.restore': method(byId, Session),
  'journal.list': method(JournalQuery, JournalPage),
  'journal.followUps': method(none, z.array(FollowUpItem)),
  'journal.closeFollowUp': method(byId, Session),
  'journal.startTimer': method(none, LiveTimer),
  'journal.timers': method(none, z.array(LiveTimer)),
  'journal.cancelTimer': method(byId, z.object({ id: z.string() })),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The handlers a host must provide: one per contract method, taking the parsed input. */
export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };

// Limits applied by every transport before parsing, so oversized payloads never reach a schema.
export const MAX_REQUEST_BYTES = 64 * 1024;
export const IPC_CHANNEL_PREFIX = 'mediane:';
