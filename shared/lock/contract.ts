import { mutation, noInput, query } from '../contract-kit';
import { ConfigureInput, CurrentPinInput, LockStatus, PinInput, SetPinInput } from './schema';

export const lockContract = {
  'lock.status': query(noInput, LockStatus),
  /** The user did something (key, pointer): the idle delay starts again. */
  'lock.activity': mutation(noInput, LockStatus),
  'lock.configure': mutation(ConfigureInput, LockStatus),
  'lock.setPin': mutation(SetPinInput, LockStatus),
  'lock.lock': mutation(noInput, LockStatus),
  'lock.unlock': mutation(PinInput, LockStatus),
  'lock.enterSelfService': mutation(noInput, LockStatus),
  'lock.leaveSelfService': mutation(PinInput, LockStatus),
  /** Last: the fuzz test runs the methods in this order (see contract.examples.ts). */
  'lock.removePin': mutation(CurrentPinInput, LockStatus),
} as const;
