import { CoreError } from '../../../shared/errors';
import type { Clock } from '../../../shared/ids';
import type { LockStatus } from '../../../shared/lock/schema';
import { DEFAULT_PIN_KDF, hashPin, verifyPin, type PinKdf } from './pin-hash';
import { readLockState, writeLockState, type LockState } from './lock-store';

// The app lock of a shared desk PC. With a PIN set the app locks after the chosen idle time, on demand, and at every
// start of the core (a restart never opens an unlocked app); self-service mode confines the PC to the self-service
// methods until the PIN is entered. The guard (./guard.ts) asks `refusal(method)` before every call.

export interface LockOptions {
  /** scrypt cost of the PIN hash; tests lower it (see pin-hash.ts for the default). */
  kdf?: PinKdf;
  /** Wrong PINs in a row with no wait after them; the next one starts the waits. */
  freeAttempts?: number;
  /** The first wait; each later wrong PIN doubles it, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export const SLOW_DOWN = { freeAttempts: 2, baseDelayMs: 30_000, maxDelayMs: 60 * 60_000 } as const;

export type LockListener = (status: LockStatus) => void;

export function createLockService(dataDir: string, clock: Clock, options: LockOptions = {}) {
  const kdf = options.kdf ?? DEFAULT_PIN_KDF;
  const freeAttempts = options.freeAttempts ?? SLOW_DOWN.freeAttempts;
  const baseDelayMs = options.baseDelayMs ?? SLOW_DOWN.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? SLOW_DOWN.maxDelayMs;
  const read = readLockState(dataDir);
  // An unreadable state file is never taken for "no PIN": the app stays locked until IT resets it (./reset.ts).
  const damaged = read === null;
  let state: LockState = read ?? {
    version: 1,
    pin: null,
    idleMinutes: 5,
    locked: true,
    selfService: false,
    failures: 0,
    retryAfter: null,
  };
  let lastActivity = clock.now().getTime();
  // A self-service period saved without its start (an older state file) counts from now: fail closed.
  const loadedAt = clock.now().toISOString();
  const listeners = new Set<LockListener>();
  // PIN checks run one after the other, so parallel guesses cannot all slip in before the first failure is counted.
  let checking: Promise<unknown> = Promise.resolve();

  function status(): LockStatus {
    return {
      pinSet: damaged || state.pin !== null,
      locked: state.locked,
      selfService: state.selfService,
      idleMinutes: state.idleMinutes,
      retryAfter: state.retryAfter !== null ? new Date(state.retryAfter).toISOString() : null,
    };
  }

  function save(next: LockState): void {
    if (damaged) throw new CoreError('forbidden', 'lock.stateDamaged');
    writeLockState(dataDir, next);
    state = next;
    const s = status();
    for (const l of listeners) l(s);
  }

  // A restart with a PIN set starts locked, except in self-service mode, which the next person at the PC goes on using.
  if (!damaged && state.pin !== null && !state.locked && !state.selfService) save({ ...state, locked: true });

  /** Locks if the idle time has passed since the last activity (checked on every call, before anything else). */
  function checkIdle(): void {
    if (damaged || state.pin === null || state.locked || state.selfService) return;
    if (clock.now().getTime() - lastActivity >= state.idleMinutes * 60_000) save({ ...state, locked: true });
  }

  function touch(): void {
    lastActivity = clock.now().getTime();
  }

  /** Checks a PIN against the stored hash, counting failures and enforcing the wait; throws on any refusal. */
  function checkPin(pin: string): Promise<void> {
    const run = async () => {
      if (damaged) throw new CoreError('forbidden', 'lock.stateDamaged');
      if (state.pin === null) throw new CoreError('conflict', 'lock.noPin');
      const now = clock.now().getTime();
      if (state.retryAfter !== null && now < state.retryAfter) throw new CoreError('forbidden', 'lock.tooSoon');
      if (await verifyPin(pin, state.pin)) {
        if (state.failures !== 0 || state.retryAfter !== null) save({ ...state, failures: 0, retryAfter: null });
        return;
      }
      const failures = state.failures + 1;
      const doublings = failures - freeAttempts - 1;
      const retryAfter = doublings >= 0 ? now + Math.min(baseDelayMs * 2 ** Math.min(doublings, 30), maxDelayMs) : null;
      save({ ...state, failures, retryAfter });
      throw new CoreError('forbidden', 'lock.wrongPin');
    };
    const result = checking.then(run, run);
    checking = result.catch(() => undefined);
    return result;
  }

  return {
    status(): LockStatus {
      checkIdle();
      return status();
    },
    /** What the guard reads: the state right now (idle time applied). */
    current(): LockStatus {
      checkIdle();
      return status();
    },
    touch,
    activity(): LockStatus {
      touch();
      return status();
    },
    configure(idleMinutes: number): LockStatus {
      save({ ...state, idleMinutes });
      touch();
      return status();
    },
    async setPin(pin: string, currentPin: string | undefined): Promise<LockStatus> {
      if (state.pin !== null || damaged) {
        if (currentPin === undefined) throw new CoreError('forbidden', 'lock.currentPinRequired');
        await checkPin(currentPin);
      }
      const stored = await hashPin(pin, kdf);
      save({ ...state, pin: stored, failures: 0, retryAfter: null });
      touch();
      return status();
    },
    async removePin(currentPin: string): Promise<LockStatus> {
      await checkPin(currentPin);
      // Self-service mode needs a PIN to leave it: the guard never lets this run there, and the state says so too.
      save({
        ...state,
        pin: null,
        locked: false,
        selfService: false,
        selfServiceSince: null,
        failures: 0,
        retryAfter: null,
      });
      touch();
      return status();
    },
    lock(): LockStatus {
      if (state.pin === null) throw new CoreError('conflict', 'lock.noPin');
      if (!state.locked) save({ ...state, locked: true });
      return status();
    },
    async unlock(pin: string): Promise<LockStatus> {
      await checkPin(pin);
      if (state.locked) save({ ...state, locked: false });
      touch();
      return status();
    },
    enterSelfService(): LockStatus {
      if (state.pin === null) throw new CoreError('conflict', 'lock.noPin');
      if (!state.selfService)
        save({ ...state, selfService: true, selfServiceSince: clock.now().toISOString(), locked: false });
      return status();
    },
    async leaveSelfService(pin: string): Promise<LockStatus> {
      await checkPin(pin);
      if (state.selfService) save({ ...state, selfService: false, selfServiceSince: null });
      touch();
      return status();
    },
    /**
     * When the current self-service period began, or null outside self-service mode: the diagnosis reaches only
     * the diagnoses started since (main/core/index.ts injects this into it).
     */
    selfServiceSince(): string | null {
      if (damaged || !state.selfService) return null;
      return state.selfServiceSince ?? loadedAt;
    },
    /** The desktop shell follows the mode (kiosk window, no menu accelerators) through this. */
    onChange(listener: LockListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type LockService = ReturnType<typeof createLockService>;
