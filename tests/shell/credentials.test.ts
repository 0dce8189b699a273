import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCredentialStore, CredentialStoreError, type SafeStorageLike } from '../../main/app/credentials';

// SECURITY.md, rule 9: the hub credential is kept only as safeStorage ciphertext in userData.

const SECRET = 'hub-token-7f3a9c1e-DO-NOT-LEAK';

/** A fake safeStorage: "encrypts" by XOR with a key and a marker, so the plaintext never appears in the file. */
function fakeSafeStorage(
  overrides: Partial<SafeStorageLike> & { key?: number } = {},
): SafeStorageLike & { encryptStringAsync: ReturnType<typeof vi.fn> } {
  const key = overrides.key ?? 0x5a;
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ key));
  return {
    isAsyncEncryptionAvailable: async () => true,
    encryptStringAsync: vi.fn(async (s: string) => Buffer.concat([Buffer.from('v10'), xor(Buffer.from(s, 'utf8'))])),
    decryptStringAsync: async (b: Buffer) => {
      if (b.subarray(0, 3).toString() !== 'v10')
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { result: xor(b.subarray(3)).toString('utf8'), shouldReEncrypt: false };
    },
    ...overrides,
  } as never;
}

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'mediane-cred-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('hub credential store', () => {
  it('round-trips the secret and writes only ciphertext to userData', async () => {
    const dir = tempDir();
    const store = createCredentialStore({ safeStorage: fakeSafeStorage(), dir });
    expect(await store.load()).toBeNull();
    await store.save(SECRET);
    expect(store.file.startsWith(dir)).toBe(true);
    const onDisk = readFileSync(store.file, 'utf8');
    expect(onDisk).not.toContain(SECRET);
    expect(onDisk).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(await store.load()).toBe(SECRET);
    if (process.platform !== 'win32') expect(statSync(store.file).mode & 0o077).toBe(0);
  });

  it('clears the credential', async () => {
    const store = createCredentialStore({ safeStorage: fakeSafeStorage(), dir: tempDir() });
    await store.save(SECRET);
    await store.clear();
    expect(await store.load()).toBeNull();
    await store.clear(); // idempotent
  });

  it('refuses to save when OS encryption is unavailable (never falls back to plain text)', async () => {
    const dir = tempDir();
    const store = createCredentialStore({
      safeStorage: fakeSafeStorage({ isAsyncEncryptionAvailable: async () => false }),
      dir,
    });
    await expect(store.save(SECRET)).rejects.toMatchObject({ problem: 'unavailable' });
    expect(await store.available()).toBe('unavailable');
    expect(() => statSync(store.file)).toThrow();
  });

  it("refuses Linux's basic_text backend unless IT allows it", async () => {
    const weak = fakeSafeStorage({ getSelectedStorageBackend: () => 'basic_text' });
    const store = createCredentialStore({ safeStorage: weak, dir: tempDir(), platform: 'linux' });
    await expect(store.save(SECRET)).rejects.toBeInstanceOf(CredentialStoreError);
    expect(await store.available()).toBe('weak_backend');
    const allowed = createCredentialStore({
      safeStorage: weak,
      dir: tempDir(),
      platform: 'linux',
      allowWeakBackend: true,
    });
    await allowed.save(SECRET);
    expect(await allowed.load()).toBe(SECRET);
    const keyring = createCredentialStore({
      safeStorage: fakeSafeStorage({ getSelectedStorageBackend: () => 'gnome_libsecret' }),
      dir: tempDir(),
      platform: 'linux',
    });
    expect(await keyring.available()).toBe('ok');
  });

  it('reports an unreadable credential (other key, damaged file) as a typed error', async () => {
    const dir = tempDir();
    await createCredentialStore({ safeStorage: fakeSafeStorage(), dir }).save(SECRET);
    const otherKey = createCredentialStore({
      safeStorage: fakeSafeStorage({ decryptStringAsync: async () => Promise.reject(new Error('bad key')) }),
      dir,
    });
    await expect(otherKey.load()).rejects.toMatchObject({ problem: 'unreadable' });
    const store = createCredentialStore({ safeStorage: fakeSafeStorage(), dir });
    writeFileSync(store.file, '{not json');
    await expect(store.load()).rejects.toMatchObject({ problem: 'unreadable' });
    writeFileSync(store.file, JSON.stringify({ format: 'other', data: 'x' }));
    await expect(store.load()).rejects.toMatchObject({ problem: 'unreadable' });
  });

  it('re-encrypts when safeStorage asks for it', async () => {
    const dir = tempDir();
    const safe = fakeSafeStorage();
    const store = createCredentialStore({ safeStorage: safe, dir });
    await store.save(SECRET);
    const decrypt = safe.decryptStringAsync;
    safe.decryptStringAsync = async (b) => ({ ...(await decrypt(b)), shouldReEncrypt: true });
    safe.encryptStringAsync.mockClear();
    expect(await store.load()).toBe(SECRET);
    expect(safe.encryptStringAsync).toHaveBeenCalledWith(SECRET);
  });
});
