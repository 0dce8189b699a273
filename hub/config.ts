import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the hub keeps its data and which content publishers it trusts, from flags and the environment.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The public keys of content publishers, pinned with the app (`<keyId>.pub.pem`). */
export const PINNED_KEYS_DIR = join(ROOT, 'resources', 'content-keys');

export function defaultDataDir(): string {
  return process.env.MEDIANE_HUB_DATA_DIR || join(homedir(), '.local', 'share', 'mediane-hub');
}

export function loadTrustedKeys(dir = process.env.MEDIANE_HUB_KEYS_DIR || PINNED_KEYS_DIR): Record<string, string> {
  if (!existsSync(dir)) return {};
  const keys: Record<string, string> = {};
  for (const file of readdirSync(dir)) {
    const match = /^([a-z0-9-]{1,40})\.pub\.pem$/.exec(file);
    if (match) keys[match[1]!] = readFileSync(resolve(dir, file), 'utf8');
  }
  return keys;
}
