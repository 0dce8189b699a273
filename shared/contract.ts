import type { z } from 'zod';
import { appContract } from './app/contract';
import { catalogueContract } from './catalogue/contract';
import { communesContract } from './communes/contract';
import { contentContract } from './content/contract';
import { coordinatorContract } from './coordinator/contract';
import { mergeContract, type MethodKind } from './contract-kit';
import { diagnosticContract } from './diagnostic/contract';
import { exportsContract } from './exports/contract';
import { filesContract } from './files/contract';
import { guidesContract } from './guides/contract';
import { jobsContract } from './jobs/contract';
import { printContract } from './print/contract';
import { journalContract } from './journal/contract';
import { lockContract } from './lock/contract';
import { settingsContract } from './settings/contract';
import { siteContract } from './site/contract';
import { searchContract } from './search/contract';
import { statsContract } from './stats/contract';
import { syncContract } from './sync/contract';
import { storageContract } from './storage/contract';
import { transferContract } from './transfer/contract';

// The one contract between the renderer and the core, merged from the features' parts (`shared/<feature>/contract.ts`).
// Nothing else declares IPC channels or HTTP routes: the Electron preload, the IPC registration and the browser-mode
// host are all built from this map. A new feature adds its part to this list and nothing else here.
export const contract = mergeContract(
  appContract,
  settingsContract,
  siteContract,
  communesContract,
  journalContract,
  jobsContract,
  filesContract,
  transferContract,
  storageContract,
  guidesContract,
  diagnosticContract,
  printContract,
  catalogueContract,
  searchContract,
  statsContract,
  syncContract,
  exportsContract,
  coordinatorContract,
  contentContract,
  lockContract,
);

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
/** The result of a job started by method M (see `job` in contract-kit.ts). */
export type JobResult<M extends MethodName> = Contract[M] extends { result: infer R extends z.ZodType }
  ? z.output<R>
  : never;
/** The methods that start a job (declared with `job()`): they answer `{ jobId }` and end with a `JobResult`. */
export type JobMethodName = { [M in MethodName]: Contract[M] extends { result: z.ZodType } ? M : never }[MethodName];
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function kindOf(method: MethodName): MethodKind {
  return contract[method].kind;
}

/** The methods that only read: allowed even when writes are refused, and checked by the fuzz test to change nothing. */
export const QUERY_METHODS: readonly MethodName[] = METHOD_NAMES.filter((m) => kindOf(m) === 'query');

/** The handlers for a set of methods, each taking its parsed input. */
export type HandlersFor<M extends MethodName> = {
  [K in M]: (input: ParsedInput<K>) => MethodOutput<K> | Promise<MethodOutput<K>>;
};
/** The handlers a host must provide: one per contract method. */
export type Handlers = HandlersFor<MethodName>;

// Limits applied by every transport before parsing, so oversized payloads never reach a schema.
export const MAX_REQUEST_BYTES = 64 * 1024;

/**
 * A feature's example inputs, one valid input per method, used as the seeds of the boundary fuzz test
 * (tests/contract). `setup` calls the core to create what the examples refer to (a session, a timer…).
 */
export type ContractExamples<M extends MethodName> = (
  call: <K extends MethodName>(method: K, input: MethodInput<K>) => Promise<MethodOutput<K>>,
) => Promise<{ [K in M]: MethodInput<K> }>;
