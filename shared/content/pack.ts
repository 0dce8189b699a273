import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { z } from 'zod';

// Signed content packs (guides, catalogue archives, questionnaire updates): a manifest listing every file with its
// hash and size, signed with Ed25519 by a publisher whose private key stays offline. Desks verify against the public
// keys they pin in resources/, the hub against the same keys before it stores a pack. Content is data, never code.

export const PACK_FORMAT = 1;
export const PACK_CHANNELS = ['guides', 'catalogue', 'diagnostic'] as const;
export type PackChannel = (typeof PACK_CHANNELS)[number];

const SAFE_PATH = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/;

export const PackManifest = z
  .object({
    format: z.literal(PACK_FORMAT),
    channel: z.enum(PACK_CHANNELS),
    version: z.number().int().min(1),
    issuedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    /** Which pinned key signed it. */
    keyId: z.string().regex(/^[a-z0-9-]{1,40}$/),
    files: z
      .array(
        z
          .object({
            path: z.string().regex(SAFE_PATH),
            sha256: z.string().regex(/^[0-9a-f]{64}$/),
            size: z.number().int().nonnegative(),
          })
          .strict(),
      )
      .min(1)
      .max(20_000),
  })
  .strict();
export type PackManifest = z.infer<typeof PackManifest>;

/** A pack as it travels (hub API, USB key): the manifest's exact bytes, their signature, and the files. */
export const SignedPack = z
  .object({
    manifest: z.string().max(4_000_000),
    signature: z.base64(),
    files: z.record(z.string().regex(SAFE_PATH), z.base64()),
  })
  .strict();
export type SignedPack = z.infer<typeof SignedPack>;

export type PackRefusal =
  'malformed' | 'foreign_key' | 'bad_signature' | 'not_newer' | 'missing_file' | 'extra_file' | 'hash_mismatch';

export type VerifiedPack =
  { ok: true; manifest: PackManifest; files: Map<string, Buffer>; stale: boolean } | { ok: false; reason: PackRefusal };

export interface VerifyOptions {
  /** keyId → Ed25519 public key (PEM). */
  trustedKeys: Readonly<Record<string, string>>;
  /** The version installed (desk) or published (hub) on the same channel: a pack must be newer. */
  installedVersion?: number;
  now: Date;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Checks everything before anything is installed or stored: key, signature, version, every file's hash and size. */
export function verifyPack(candidate: unknown, options: VerifyOptions): VerifiedPack {
  const pack = SignedPack.safeParse(candidate);
  if (!pack.success) return { ok: false, reason: 'malformed' };
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(pack.data.manifest);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const manifest = PackManifest.safeParse(manifestJson);
  if (!manifest.success) return { ok: false, reason: 'malformed' };
  const key = options.trustedKeys[manifest.data.keyId];
  if (!key) return { ok: false, reason: 'foreign_key' };
  let signed = false;
  try {
    signed = verify(
      null,
      Buffer.from(pack.data.manifest, 'utf8'),
      createPublicKey(key),
      Buffer.from(pack.data.signature, 'base64'),
    );
  } catch {
    signed = false;
  }
  if (!signed) return { ok: false, reason: 'bad_signature' };
  // A replayed older pack (even a genuine one) would roll a desk back: only a newer version is accepted.
  if (options.installedVersion !== undefined && manifest.data.version <= options.installedVersion)
    return { ok: false, reason: 'not_newer' };
  const files = new Map<string, Buffer>();
  const listed = new Set(manifest.data.files.map((f) => f.path));
  for (const path of Object.keys(pack.data.files)) if (!listed.has(path)) return { ok: false, reason: 'extra_file' };
  for (const entry of manifest.data.files) {
    const encoded = pack.data.files[entry.path];
    if (encoded === undefined) return { ok: false, reason: 'missing_file' };
    const data = Buffer.from(encoded, 'base64');
    if (data.length !== entry.size || sha256(data) !== entry.sha256) return { ok: false, reason: 'hash_mismatch' };
    files.set(entry.path, data);
  }
  // An expired pack still installs when newer: it is marked stale, it never locks a desk out of its content.
  const stale = Date.parse(manifest.data.expiresAt) < options.now.getTime();
  return { ok: true, manifest: manifest.data, files, stale };
}

/** The publisher's side (offline): the manifest for these files, signed. */
export function signPack(
  meta: Omit<PackManifest, 'format' | 'files'>,
  files: ReadonlyMap<string, Buffer>,
  privateKeyPem: string,
): SignedPack {
  const manifest: PackManifest = {
    format: PACK_FORMAT,
    ...meta,
    files: [...files].map(([path, data]) => ({ path, sha256: sha256(data), size: data.length })),
  };
  const text = JSON.stringify(PackManifest.parse(manifest));
  const signature = sign(null, Buffer.from(text, 'utf8'), createPrivateKey(privateKeyPem)).toString('base64');
  return {
    manifest: text,
    signature,
    files: Object.fromEntries([...files].map(([p, d]) => [p, d.toString('base64')])),
  };
}
