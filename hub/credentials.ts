import { createHash, randomBytes, randomInt } from 'node:crypto';

// Credentials are long random tokens shown once; the hub keeps only their SHA-256 (a slow KDF adds nothing for 256
// random bits, and lookups by hash stay constant-time with respect to the secret). Enrollment codes are short enough
// to type from a letter or a phone call, single-use and short-lived.

export type TokenKind = 'desk' | 'coord';

export function newCredential(kind: TokenKind): string {
  return `mdn_${kind}_${randomBytes(32).toString('base64url')}`;
}

export function credentialHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

// No 0/O, 1/I/L: read aloud or copied by hand without mistakes.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newEnrollmentCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** The form a code is stored and compared in: case and separators do not matter to the person typing it. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
