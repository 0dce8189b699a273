import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signPack, verifyPack, type SignedPack } from './pack';

function keys() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
const publisher = keys();
const stranger = keys();
const NOW = new Date('2026-12-07T10:00:00Z');
const META = {
  channel: 'guides' as const,
  version: 3,
  issuedAt: '2026-12-01T00:00:00.000Z',
  expiresAt: '2027-06-01T00:00:00.000Z',
  keyId: 'reseau-rhone-2026',
};
const FILES = new Map([
  ['guides/caf-prime-activite.json', Buffer.from('{"id":"caf-prime-activite"}')],
  ['guides/ants-carte-grise.json', Buffer.from('{"id":"ants-carte-grise"}')],
]);
const trusted = { 'reseau-rhone-2026': publisher.publicPem };

const signed = () => signPack(META, FILES, publisher.privatePem);
const check = (pack: unknown, installedVersion?: number) =>
  verifyPack(pack, { trustedKeys: trusted, installedVersion, now: NOW });

describe('signed content packs', () => {
  it('a pack signed by a pinned key, newer than the installed one, verifies with its files', () => {
    const result = check(signed(), 2);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.manifest.version).toBe(3);
      expect(result.files.get('guides/ants-carte-grise.json')?.toString()).toBe('{"id":"ants-carte-grise"}');
      expect(result.stale).toBe(false);
    }
  });

  it('refuses a tampered file, a tampered manifest, a foreign signer, a rollback, extra or missing files', () => {
    const base = signed();
    const tamperedFile: SignedPack = {
      ...base,
      files: { ...base.files, 'guides/ants-carte-grise.json': Buffer.from('{"id":"evil"}').toString('base64') },
    };
    expect(check(tamperedFile)).toEqual({ ok: false, reason: 'hash_mismatch' });
    const tamperedManifest = { ...base, manifest: base.manifest.replace('"version":3', '"version":9') };
    expect(check(tamperedManifest)).toEqual({ ok: false, reason: 'bad_signature' });
    const foreign = signPack({ ...META, keyId: 'pirate' }, FILES, stranger.privatePem);
    expect(check(foreign)).toEqual({ ok: false, reason: 'foreign_key' });
    const impostor = signPack(META, FILES, stranger.privatePem);
    expect(check(impostor)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(check(base, 3)).toEqual({ ok: false, reason: 'not_newer' });
    expect(check(base, 4)).toEqual({ ok: false, reason: 'not_newer' });
    expect(check({ ...base, files: { ...base.files, 'guides/extra.json': 'e30=' } })).toEqual({
      ok: false,
      reason: 'extra_file',
    });
    const { ['guides/ants-carte-grise.json']: _gone, ...fewer } = base.files;
    expect(check({ ...base, files: fewer })).toEqual({ ok: false, reason: 'missing_file' });
    expect(check({ ...base, extra: 1 })).toEqual({ ok: false, reason: 'malformed' });
    expect(check('not a pack')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('never accepts a path that leaves the pack', () => {
    for (const path of ['../etc/passwd', 'guides/../../x', '/abs.json', '.hidden', 'a/./b'])
      expect(() => signPack(META, new Map([[path, Buffer.from('x')]]), publisher.privatePem)).toThrow();
  });

  it('an expired but newer pack installs, marked stale', () => {
    const result = check(signPack({ ...META, expiresAt: '2026-12-01T00:00:00.000Z' }, FILES, publisher.privatePem), 2);
    expect(result.ok && result.stale).toBe(true);
  });
});
