import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { Snapshot } from './snapshot';

// The snapshot file of a desk that never reaches its hub (sync-and-privacy.md): the very snapshots it would upload,
// signed by the desk with the Ed25519 key it registered at enrollment, so the hub can tell a genuine file handed over
// by a coordinator from a forged or edited one. As with content packs, the signed bytes travel as a string: the hub
// verifies exactly the bytes the desk signed, with no re-serialisation in between.

export const SIGNED_SNAPSHOT_FILE_FORMAT = 'mediane-snapshots/2';
/** The unsigned files of earlier desks: recognised only to be refused with a clear reason. */
export const UNSIGNED_SNAPSHOT_FILE_FORMAT = 'mediane-snapshots/1';
/** A desk that has not reached its hub for years still fits many times over. */
export const SNAPSHOT_FILE_MAX_SNAPSHOTS = 600;

/** The canonical bytes of a JSON value: sorted keys, no spaces. The same value always gives the same bytes. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export const SnapshotFileContent = z
  .object({
    format: z.literal(SIGNED_SNAPSHOT_FILE_FORMAT),
    /** The hub address the desk is enrolled with (for the coordinator to check it is theirs). */
    hub: z.string().max(300),
    deskId: z.uuid(),
    exportedAt: z.iso.datetime(),
    snapshots: z
      .array(
        z.object({ key: z.string().max(120), hash: z.string().regex(/^[0-9a-f]{64}$/), snapshot: Snapshot }).strict(),
      )
      .min(1)
      .max(SNAPSHOT_FILE_MAX_SNAPSHOTS),
  })
  .strict();
export type SnapshotFileContent = z.infer<typeof SnapshotFileContent>;

/** The file as written: the canonical bytes of the content, and the desk's Ed25519 signature over exactly them. */
export const SignedSnapshotFile = z
  .object({
    format: z.literal(SIGNED_SNAPSHOT_FILE_FORMAT),
    content: z.string().max(64 * 1024 * 1024),
    signature: z.base64().max(200),
  })
  .strict();
export type SignedSnapshotFile = z.infer<typeof SignedSnapshotFile>;

/** A desk's signing key pair: the public half as base64 SPKI DER (sent at enrollment), the private as PKCS#8 PEM. */
export function newDeskKeyPair(): { publicKey: string; privateKey: string } {
  const pair = generateKeyPairSync('ed25519');
  return {
    publicKey: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** The public half of a stored private key (to check a desk's key pair matches what the hub holds). */
export function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' }).toString('base64');
}

/** Whether a string is an Ed25519 public key as desks send it (base64 SPKI DER). */
export function isDeskPublicKey(value: string): boolean {
  try {
    return (
      createPublicKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'spki' }).asymmetricKeyType ===
      'ed25519'
    );
  } catch {
    return false;
  }
}

export function signSnapshotFile(content: SnapshotFileContent, privateKeyPem: string): SignedSnapshotFile {
  const bytes = canonical(content);
  return {
    format: SIGNED_SNAPSHOT_FILE_FORMAT,
    content: bytes,
    signature: sign(null, Buffer.from(bytes, 'utf8'), createPrivateKey(privateKeyPem)).toString('base64'),
  };
}

/** Whether `signature` is the desk's over exactly `content` (false for any key or signature that cannot be read). */
export function verifySnapshotFileSignature(file: SignedSnapshotFile, publicKey: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(file.content, 'utf8'), key, Buffer.from(file.signature, 'base64'));
  } catch {
    return false;
  }
}
