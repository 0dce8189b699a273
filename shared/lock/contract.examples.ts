import type { ContractExamples } from '../contract';
import type { lockContract } from './contract';

/** The PIN the examples set, then use to unlock and to leave self-service mode. */
export const EXAMPLE_PIN = '2468';

// The order matters: the fuzz test runs each method's examples in the contract's order, so the PIN is set before the
// app is locked and unlocked, self-service mode is entered then left, and the PIN is removed last: the core ends
// as it started, open.
export const lockExamples: ContractExamples<keyof typeof lockContract> = async () => ({
  'lock.status': {},
  'lock.activity': {},
  'lock.configure': { idleMinutes: 10 },
  'lock.setPin': { pin: EXAMPLE_PIN },
  'lock.lock': {},
  'lock.unlock': { pin: EXAMPLE_PIN },
  'lock.enterSelfService': {},
  'lock.leaveSelfService': { pin: EXAMPLE_PIN },
  'lock.removePin': { currentPin: EXAMPLE_PIN },
});
