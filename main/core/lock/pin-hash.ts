import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

// The desk's PIN is never kept: only a scrypt hash with its own random salt. Checking a PIN costs a deliberate
// fraction of a second (on libuv's thread pool, so the core keeps answering), and the comparison is constant-time.

export interface PinKdf {
  N: number;
  r: number;
  p: number;
}

/** 32 MiB of memory per check: slow for a guesser holding a copy of the file, quick enough for a person. */
export const DEFAULT_PIN_KDF: PinKdf = { N: 2 ** 15, r: 8, p: 1 };

export const StoredPin = z
  .object({
    kdf: z.literal('scrypt'),
    // Bounds a reader accepts, so a hand-edited file cannot make the core allocate gigabytes.
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 20),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
    salt: z.string().min(16),
    hash: z.string().min(16),
  })
  .strict();
export type StoredPin = z.infer<typeof StoredPin>;

const KEY_BYTES = 32;

function derive(pin: string, salt: Buffer, { N, r, p }: PinKdf): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin.normalize('NFC'), salt, KEY_BYTES, { N, r, p, maxmem: 256 * N * r * p }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPin(pin: string, kdf: PinKdf = DEFAULT_PIN_KDF): Promise<StoredPin> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, kdf);
  return { kdf: 'scrypt', ...kdf, salt: salt.toString('base64'), hash: key.toString('base64') };
}

export async function verifyPin(pin: string, stored: StoredPin): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(pin, Buffer.from(stored.salt, 'base64'), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}
