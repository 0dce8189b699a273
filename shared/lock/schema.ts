import { z } from 'zod';

// The app lock of a shared desk PC and its self-service mode. The PIN is 4 to 8 digits: easy to type at a busy desk,
// and enough because the core slows repeated wrong guesses down (exponential, persisted) and only ever keeps a slow
// scrypt hash of it. It guards the app's screens, not the files: see SECURITY.md, rules 19-21.

export const PIN_PATTERN = /^[0-9]{4,8}$/;
export const Pin = z.string().regex(PIN_PATTERN, 'lock.pinFormat');

/** Idle delay before the app locks itself, in minutes (settable from 1 minute to 4 hours; 5 by default). */
export const IDLE_MINUTES = { min: 1, max: 240, default: 5 } as const;
export const IdleMinutes = z
  .number()
  .int('lock.idleRange')
  .min(IDLE_MINUTES.min, 'lock.idleRange')
  .max(IDLE_MINUTES.max, 'lock.idleRange');

export const LockStatus = z.object({
  pinSet: z.boolean(),
  /** Every screen hidden until the PIN is entered. */
  locked: z.boolean(),
  /** The PC is confined to the self-service screens until the PIN is entered. */
  selfService: z.boolean(),
  idleMinutes: IdleMinutes,
  /** After repeated wrong PINs: no attempt is checked before this time. */
  retryAfter: z.string().nullable(),
});
export type LockStatus = z.infer<typeof LockStatus>;

export const SetPinInput = z.object({ pin: Pin, currentPin: z.string().max(64).optional() }).strict();
export const CurrentPinInput = z.object({ currentPin: z.string().max(64) }).strict();
export const PinInput = z.object({ pin: z.string().max(64) }).strict();
export const ConfigureInput = z.object({ idleMinutes: IdleMinutes }).strict();
