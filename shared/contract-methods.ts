import type { MethodName } from './contract';

// The contract's method names and IPC channel prefix, without zod: the sandboxed preload imports only this file, so
// the whole schema library stays out of the preload bundle. tests/shell/contract-methods.test.ts checks that this
// list equals Object.keys(contract) (and the compile-time check below catches a method missing here).

export const IPC_CHANNEL_PREFIX = 'mediane:';

export const CONTRACT_METHOD_NAMES = [
  'app.status',
  'settings.update',
  'site.save',
  'site.exportLieu',
  'communes.search',
  'communes.get',
  'journal.create',
  'journal.update',
  'journal.get',
  'journal.duplicate',
  'journal.delete',
  'journal.restore',
  'journal.list',
  'journal.followUps',
  'journal.closeFollowUp',
  'journal.startTimer',
  'journal.timers',
  'journal.cancelTimer',
] as const satisfies readonly MethodName[];

// Compile-time completeness: a contract method missing from the list above makes this type an error.
type Missing = Exclude<MethodName, (typeof CONTRACT_METHOD_NAMES)[number]>;
const complete: [Missing] extends [never] ? true : { missingFromContractMethods: Missing } = true;
void complete;
