import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { z } from 'zod';
import { CoreError } from '../../../shared/errors';

// The desk file ("moving the desk to another computer"): the whole database, gzip-compressed, then encrypted with a
// key derived from the user's passphrase. It travels on USB keys and holds the notes, so it is authenticated
// encryption end to end, and every way a file can be wrong gets its own answer:
//
//   "MEDIANE-DESK" | header length (uint32 BE) | header (JSON) | record* ; record = flags (1 byte, 1 = last) |
//   ciphertext length (uint32 BE) | ciphertext | GCM tag (16 bytes)
//
// - foreign file: the magic string is missing;
// - wrong passphrase: the header's key-check value (an HMAC under a second derived key) does not match, told at
//   once without decrypting anything;
// - damaged: a record's tag fails. Each record is sealed with AES-256-GCM under a nonce made of its index, with the
//   whole header and the record's index and flags as associated data, so records cannot be reordered, the header
//   (schema version, KDF parameters) cannot be altered, and a file cut at a record boundary is still caught:
// - truncated: the file ends before a record flagged "last".
// The key is new for every file (random salt), so counter nonces never repeat under one key.

export const MAGIC = Buffer.from('MEDIANE-DESK', 'ascii');
export const FORMAT_VERSION = 1;
const RECORD_BYTES = 256 * 1024;
const TAG_BYTES = 16;
const MAX_HEADER_BYTES = 16 * 1024;
const KEY_CHECK_LABEL = 'mediane desk key check';

/**
 * scrypt with N = 2^17, r = 8, p = 1 (128 MiB, the cost OWASP recommends for scrypt): a stolen USB key should not
 * give up a short passphrase quickly. A file states its own parameters; a reader accepts only a bounded range, so a
 * crafted header cannot make it allocate without limit.
 */
export const KDF_DEFAULTS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KDF_LIMITS = { minLogN: 14, maxLogN: 20, maxR: 16, maxP: 4 };

const Header = z.object({
  format: z.number().int().positive(),
  schemaVersion: z.number().int().nonnegative(),
  exportedAt: z.string(),
  compression: z.literal('gzip'),
  cipher: z.literal('aes-256-gcm'),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().positive(),
    r: z.number().int().positive(),
    p: z.number().int().positive(),
    salt: z.base64(),
  }),
  keyCheck: z.base64(),
});
export type DeskHeader = z.infer<typeof Header>;

export interface DeskKeys {
  cipherKey: Buffer;
  checkKey: Buffer;
}

export function deriveKeys(passphrase: string, kdf: DeskHeader['kdf'], signal?: AbortSignal): Promise<DeskKeys> {
  const { N, r, p } = kdf;
  return new Promise((resolve, reject) => {
    // scrypt runs on libuv's thread pool: the event loop stays free while it works.
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(kdf.salt, 'base64'),
      64,
      { N, r, p, maxmem: 256 * N * r + 32 * 1024 * 1024 },
      (err, key) => {
        if (signal?.aborted) return reject(new Error('cancelled'));
        if (err) return reject(err);
        resolve({ cipherKey: key.subarray(0, 32), checkKey: key.subarray(32) });
      },
    );
  });
}

function keyCheckOf(keys: DeskKeys): Buffer {
  return createHmac('sha256', keys.checkKey).update(KEY_CHECK_LABEL).digest().subarray(0, 16);
}

/** A new header (fresh salt) and its keys. */
export async function newHeader(
  passphrase: string,
  meta: { schemaVersion: number; exportedAt: string },
  kdf: { N: number; r: number; p: number } = KDF_DEFAULTS,
  signal?: AbortSignal,
): Promise<{ header: DeskHeader; keys: DeskKeys }> {
  const kdfParams = { name: 'scrypt' as const, ...kdf, salt: randomBytes(16).toString('base64') };
  const keys = await deriveKeys(passphrase, kdfParams, signal);
  const header: DeskHeader = {
    format: FORMAT_VERSION,
    ...meta,
    compression: 'gzip',
    cipher: 'aes-256-gcm',
    kdf: kdfParams,
    keyCheck: keyCheckOf(keys).toString('base64'),
  };
  return { header, keys };
}

/** The bytes before the first record: magic, length, header. They are the associated data of every record. */
export function encodePrelude(header: DeskHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, len, json]);
}

function nonceOf(index: number): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(index), 4);
  return nonce;
}

function aadOf(prelude: Buffer, index: number, flags: number): Buffer {
  const tail = Buffer.alloc(9);
  tail.writeBigUInt64BE(BigInt(index), 0);
  tail.writeUInt8(flags, 8);
  return Buffer.concat([prelude, tail]);
}

/** Encrypts a stream into records, the prelude first. */
export function encryptStream(header: DeskHeader, keys: DeskKeys): Transform {
  const prelude = encodePrelude(header);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = 0;
  const seal = (plain: Buffer, last: boolean): Buffer => {
    const flags = last ? 1 : 0;
    const cipher = createCipheriv('aes-256-gcm', keys.cipherKey, nonceOf(index));
    cipher.setAAD(aadOf(prelude, index, flags));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    index++;
    const head = Buffer.alloc(5);
    head.writeUInt8(flags, 0);
    head.writeUInt32BE(body.length, 1);
    return Buffer.concat([head, body, cipher.getAuthTag()]);
  };
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      if (!started) {
        started = true;
        this.push(prelude);
      }
      pending.push(chunk);
      pendingBytes += chunk.length;
      while (pendingBytes >= RECORD_BYTES * 2) {
        const all = Buffer.concat(pending);
        this.push(seal(all.subarray(0, RECORD_BYTES), false));
        pending = [all.subarray(RECORD_BYTES)];
        pendingBytes = pending[0]!.length;
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!started) this.push(prelude);
      // Whatever is left (up to two records' worth) is sealed as one or two records, the last flagged as such.
      let rest = Buffer.concat(pending);
      if (rest.length > RECORD_BYTES) {
        this.push(seal(rest.subarray(0, RECORD_BYTES), false));
        rest = rest.subarray(RECORD_BYTES);
      }
      this.push(seal(rest, true));
      done();
    },
  });
}

const refuse = (key: string) => new CoreError('invalid_input', key);

/** Reads and checks the prelude; refuses a foreign file, a damaged header or one from a newer Médiane. */
export async function readPrelude(
  path: string,
  latestSchemaVersion: number,
): Promise<{ header: DeskHeader; prelude: Buffer }> {
  const file = await open(path, 'r');
  try {
    const start = Buffer.alloc(MAGIC.length + 4);
    const { bytesRead } = await file.read(start, 0, start.length, 0);
    if (bytesRead < MAGIC.length || !start.subarray(0, MAGIC.length).equals(MAGIC))
      throw refuse('transfer.foreignFile');
    if (bytesRead < start.length) throw refuse('transfer.truncatedFile');
    const len = start.readUInt32BE(MAGIC.length);
    if (len === 0 || len > MAX_HEADER_BYTES) throw refuse('transfer.damagedFile');
    const json = Buffer.alloc(len);
    const read = await file.read(json, 0, len, start.length);
    if (read.bytesRead < len) throw refuse('transfer.truncatedFile');
    let header: DeskHeader;
    try {
      const raw = JSON.parse(json.toString('utf8')) as { format?: unknown };
      // A later format is told apart from a damaged header: it comes from a newer Médiane.
      if (typeof raw.format === 'number' && raw.format > FORMAT_VERSION) throw refuse('transfer.newerVersion');
      header = Header.parse(raw);
    } catch (err) {
      if (err instanceof CoreError) throw err;
      throw refuse('transfer.damagedFile');
    }
    if (header.schemaVersion > latestSchemaVersion) throw refuse('transfer.newerVersion');
    const { N, r, p } = header.kdf;
    const logN = Math.log2(N);
    if (
      !Number.isInteger(logN) ||
      logN < KDF_LIMITS.minLogN ||
      logN > KDF_LIMITS.maxLogN ||
      r > KDF_LIMITS.maxR ||
      p > KDF_LIMITS.maxP
    ) {
      throw refuse('transfer.damagedFile');
    }
    return { header, prelude: Buffer.concat([start, json]) };
  } finally {
    await file.close();
  }
}

/** Derives the keys from the passphrase and tells a wrong passphrase at once, from the header's key check. */
export async function unlock(header: DeskHeader, passphrase: string, signal?: AbortSignal): Promise<DeskKeys> {
  const keys = await deriveKeys(passphrase, header.kdf, signal);
  const expected = Buffer.from(header.keyCheck, 'base64');
  const actual = keyCheckOf(keys);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw refuse('transfer.wrongPassphrase');
  return keys;
}

/**
 * Decrypts the records that follow the prelude (a stream of the whole file, prelude included). A failed tag is a
 * damaged file; an end before the last record, a truncated one; bytes after the last record, a damaged one.
 */
export function decryptStream(prelude: Buffer, keys: DeskKeys): Transform {
  let buffer: Buffer = Buffer.alloc(0);
  let skip = prelude.length;
  let index = 0;
  let ended = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      if (skip > 0) {
        const n = Math.min(skip, chunk.length);
        skip -= n;
        chunk = chunk.subarray(n);
      }
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      try {
        while (buffer.length >= 5) {
          if (ended) throw refuse('transfer.damagedFile');
          const flags = buffer.readUInt8(0);
          const len = buffer.readUInt32BE(1);
          if (flags > 1 || len > RECORD_BYTES) throw refuse('transfer.damagedFile');
          if (buffer.length < 5 + len + TAG_BYTES) break;
          const decipher = createDecipheriv('aes-256-gcm', keys.cipherKey, nonceOf(index));
          decipher.setAAD(aadOf(prelude, index, flags));
          decipher.setAuthTag(buffer.subarray(5 + len, 5 + len + TAG_BYTES));
          let plain: Buffer;
          try {
            plain = Buffer.concat([decipher.update(buffer.subarray(5, 5 + len)), decipher.final()]);
          } catch {
            throw refuse('transfer.damagedFile');
          }
          buffer = buffer.subarray(5 + len + TAG_BYTES);
          index++;
          if (flags === 1) ended = true;
          this.push(plain);
        }
        if (ended && buffer.length > 0) throw refuse('transfer.damagedFile');
        done();
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done: TransformCallback) {
      done(ended && buffer.length === 0 ? null : refuse('transfer.truncatedFile'));
    },
  });
}
