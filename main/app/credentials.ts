import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

// SECURITY.md, rule 9: the hub credential (used by sync) is encrypted with Electron's safeStorage (DPAPI on Windows,
// Keychain on macOS, the desktop's secret service on Linux) and only the ciphertext is written, to a file in
// userData. Never in plain files, never in localStorage, never in the renderer. No 'electron' import: index.ts
// passes the real safeStorage, tests pass a fake.

/** The part of Electron's safeStorage we use (its asynchronous API; the synchronous one is deprecated). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only in Electron; absent elsewhere. */
  getSelectedStorageBackend?(): string;
}

export type CredentialProblem =
  /** No OS encryption is available (e.g. before app 'ready', or no keyring). */
  | 'unavailable'
  /** Linux with no secret service: Electron would fall back to a hard-coded key ("basic_text"), i.e. obfuscation. */
  | 'weak_backend'
  /** The file exists but cannot be decrypted (another OS account, keyring reset) or is damaged. */
  | 'unreadable';

export class CredentialStoreError extends Error {
  constructor(readonly problem: CredentialProblem) {
    super(`hub credential: ${problem}`);
    this.name = 'CredentialStoreError';
  }
}

export interface CredentialStoreOptions {
  safeStorage: SafeStorageLike;
  /** app.getPath('userData'). */
  dir: string;
  fileName?: string;
  /**
   * Accept Linux's "basic_text" backend. Off by default: on such a desk, sync asks the user to set up a keyring
   * (or IT to turn this on knowingly) rather than pretending the secret is protected.
   */
  allowWeakBackend?: boolean;
  platform?: NodeJS.Platform;
}

const FORMAT = 'mediane-credential/1';

interface StoredCredential {
  format: typeof FORMAT;
  data: string; // base64 of the safeStorage ciphertext
}

export function createCredentialStore(opts: CredentialStoreOptions) {
  const file = join(opts.dir, opts.fileName ?? 'hub-credential.json');
  const platform = opts.platform ?? process.platform;

  async function check(): Promise<void> {
    if (!(await opts.safeStorage.isAsyncEncryptionAvailable())) throw new CredentialStoreError('unavailable');
    if (
      platform === 'linux' &&
      !opts.allowWeakBackend &&
      opts.safeStorage.getSelectedStorageBackend?.() === 'basic_text'
    ) {
      throw new CredentialStoreError('weak_backend');
    }
  }

  async function save(secret: string): Promise<void> {
    await check();
    const encrypted = await opts.safeStorage.encryptStringAsync(secret);
    const stored: StoredCredential = { format: FORMAT, data: Buffer.from(encrypted).toString('base64') };
    await mkdir(dirname(file), { recursive: true });
    // Atomic replace: a crash leaves the old credential or the new one, never half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(stored), { mode: 0o600 });
    await rename(tmp, file);
  }

  async function load(): Promise<string | null> {
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new CredentialStoreError('unreadable');
    }
    let stored: StoredCredential;
    try {
      stored = JSON.parse(raw) as StoredCredential;
      if (stored.format !== FORMAT || typeof stored.data !== 'string') throw new Error('format');
    } catch {
      throw new CredentialStoreError('unreadable');
    }
    await check();
    let decrypted: { result: string; shouldReEncrypt: boolean };
    try {
      decrypted = await opts.safeStorage.decryptStringAsync(Buffer.from(stored.data, 'base64'));
    } catch {
      throw new CredentialStoreError('unreadable');
    }
    // The OS rotated its key or offers a stronger one: store it again under the current key.
    if (decrypted.shouldReEncrypt) await save(decrypted.result);
    return decrypted.result;
  }

  async function clear(): Promise<void> {
    await rm(file, { force: true });
  }

  async function available(): Promise<CredentialProblem | 'ok'> {
    try {
      await check();
      return 'ok';
    } catch (err) {
      if (err instanceof CredentialStoreError) return err.problem;
      throw err;
    }
  }

  return { save, load, clear, available, file };
}

export type CredentialStore = ReturnType<typeof createCredentialStore>;
