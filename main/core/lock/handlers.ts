import type { HandlersFor } from '../../../shared/contract';
import type { lockContract } from '../../../shared/lock/contract';
import type { LockService } from './lock-service';

export function lockHandlers(lock: LockService): HandlersFor<keyof typeof lockContract> {
  return {
    'lock.status': () => lock.status(),
    'lock.activity': () => lock.activity(),
    'lock.configure': ({ idleMinutes }) => lock.configure(idleMinutes),
    'lock.setPin': ({ pin, currentPin }) => lock.setPin(pin, currentPin),
    'lock.removePin': ({ currentPin }) => lock.removePin(currentPin),
    'lock.lock': () => lock.lock(),
    'lock.unlock': ({ pin }) => lock.unlock(pin),
    'lock.enterSelfService': () => lock.enterSelfService(),
    'lock.leaveSelfService': ({ pin }) => lock.leaveSelfService(pin),
  };
}
