import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFile } from '../storage/private-files';

/**
 * The one port behind which the desk's hub credential lives. The host injects it: the desktop app passes the
 * Electron safeStorage store (main/app/credentials.ts: the OS keychain), browser mode and tests this 0600 file.
 * The credential is never in the database, never in the renderer.
 */
export interface CredentialStore {
  save(secret: string): Promise<void>;
  /** null when none was saved. */
  load(): Promise<string | null>;
  clear(): Promise<void>;
}

export const CREDENTIAL_FILE = 'hub-credential';
/** The desk's Ed25519 private key (PKCS#8 PEM), which signs its snapshot files: kept exactly like the credential. */
export const SIGNING_KEY_FILE = 'hub-signing-key';

/** Browser mode: a file only this OS account can read, in the data folder (written whole, then renamed). */
export function createFileCredentialStore(dataDir: string, fileName = CREDENTIAL_FILE): CredentialStore {
  const file = join(dataDir, fileName);
  return {
    async save(secret) {
      const part = `${file}.part`;
      writePrivateFile(part, secret);
      renameSync(part, file);
    },
    async load() {
      if (!existsSync(file)) return null;
      const secret = readFileSync(file, 'utf8').trim();
      return secret.length > 0 ? secret : null;
    },
    async clear() {
      rmSync(file, { force: true });
    },
  };
}
