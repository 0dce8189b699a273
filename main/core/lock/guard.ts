import { contract, kindOf, METHOD_NAMES, type Handlers, type MethodName } from '../../../shared/contract';
import { CoreError } from '../../../shared/errors';
import type { LockStatus } from '../../../shared/lock/schema';

// The app lock is enforced here, on the contract, for every host (Electron IPC, browser-mode HTTP, tests): while the
// app is locked, or the PC is in self-service mode, every method outside a short explicit list is refused with a
// typed error before its handler runs. The renderer only follows (it shows the lock screen on that error).

/** While locked: what the lock screen needs, and nothing else. */
export const ALLOWED_WHEN_LOCKED: readonly MethodName[] = Object.freeze(['app.status', 'lock.status', 'lock.unlock']);

/** In self-service mode, besides the methods the contract marks `{ selfService: true }`: showing the mode, leaving it. */
export const ALWAYS_ALLOWED_IN_SELF_SERVICE: readonly MethodName[] = Object.freeze([
  'app.status',
  'lock.status',
  'lock.leaveSelfService',
]);

/** The contract's self-service methods (the diagnostic's own), read from the declarations: no list to keep here. */
export const SELF_SERVICE_METHODS: readonly MethodName[] = Object.freeze(
  METHOD_NAMES.filter((m) => contract[m].selfService === true),
);

export interface LockGate {
  /** The state now, with the idle time applied (may lock). */
  current(): LockStatus;
  /** An accepted call that changes something counts as the user's activity. */
  touch(): void;
}

export interface GuardSets {
  whenLocked: ReadonlySet<string>;
  inSelfService: ReadonlySet<string>;
}

export function defaultGuardSets(selfServiceMethods: readonly string[] = SELF_SERVICE_METHODS): GuardSets {
  return {
    whenLocked: new Set(ALLOWED_WHEN_LOCKED),
    inSelfService: new Set([...ALWAYS_ALLOWED_IN_SELF_SERVICE, ...selfServiceMethods]),
  };
}

/** The refusal's i18n key for this method in this state, or null when it may run. */
export function refusalFor(method: string, state: LockStatus, sets: GuardSets): string | null {
  if (state.locked) return sets.whenLocked.has(method) ? null : 'lock.locked';
  if (state.selfService && !sets.inSelfService.has(method)) return 'lock.selfServiceOnly';
  return null;
}

/** Wraps every handler with the lock's check; the host sees the same Handlers shape. */
export function guardLock(handlers: Handlers, gate: LockGate, sets: GuardSets = defaultGuardSets()): Handlers {
  const guarded = {} as Record<string, (input: unknown) => unknown>;
  for (const method of Object.keys(handlers)) {
    const inner = (handlers as Record<string, (input: unknown) => unknown>)[method]!;
    const mutation =
      (METHOD_NAMES as readonly string[]).includes(method) && kindOf(method as MethodName) === 'mutation';
    guarded[method] = (input: unknown) => {
      const refusal = refusalFor(method, gate.current(), sets);
      if (refusal) throw new CoreError('forbidden', refusal);
      if (mutation) gate.touch();
      return inner(input);
    };
  }
  return guarded as Handlers;
}
