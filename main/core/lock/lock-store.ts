import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { IDLE_MINUTES, IdleMinutes } from '../../../shared/lock/schema';
import { writePrivateFile } from '../storage/private-files';
import { StoredPin } from './pin-hash';

// The lock's state lives in a small private file beside the database, not in it: wrong PINs are counted even when
// the call is refused (and a refused call never writes the journal's database), the lock keeps working when the
// database is found damaged, and the recovery (./reset.ts) never has to open the journal.

export const LOCK_STATE_FILE = 'app-lock.json';

export const LockState = z
  .object({
    version: z.literal(1),
    pin: StoredPin.nullable(),
    idleMinutes: IdleMinutes,
    locked: z.boolean(),
    selfService: z.boolean(),
    /** When the current self-service period began (ISO); absent in files written before it was recorded. */
    selfServiceSince: z.string().nullable().optional(),
    /** Wrong PINs in a row (any PIN check: unlock, leaving self-service, changing or removing the PIN). */
    failures: z.number().int().min(0),
    /** Epoch milliseconds before which no PIN is checked, or null. */
    retryAfter: z.number().nullable(),
  })
  .strict();
export type LockState = z.infer<typeof LockState>;

export const INITIAL_LOCK_STATE: LockState = Object.freeze({
  version: 1,
  pin: null,
  idleMinutes: IDLE_MINUTES.default,
  locked: false,
  selfService: false,
  failures: 0,
  retryAfter: null,
});

/** The saved state; null when the file exists but cannot be trusted (the core then stays locked: fail closed). */
export function readLockState(dataDir: string): LockState | null {
  const path = join(dataDir, LOCK_STATE_FILE);
  if (!existsSync(path)) return { ...INITIAL_LOCK_STATE };
  try {
    const parsed = LockState.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written whole to a temporary name, then renamed: a crash leaves the old state or the new one, never half. */
export function writeLockState(dataDir: string, state: LockState): void {
  const path = join(dataDir, LOCK_STATE_FILE);
  writePrivateFile(`${path}.part`, JSON.stringify(state));
  renameSync(`${path}.part`, path);
}
