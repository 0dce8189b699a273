import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The publishers' public keys the desk trusts: resources/content-keys/<keyId>.pub.pem, shipped with the app (inside
// app.asar once packaged) and read by the hub from the same folder. A pack signed by any other key is refused.

const KEY_FILE = /^([a-z0-9-]{1,40})\.pub\.pem$/;

/** Finds resources/content-keys by walking up from this module (sources in tests, out/main/ when bundled). */
export function locatePinnedKeysDir(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', 'content-keys');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

/** keyId → PEM of every pinned key in the folder (none when it does not exist: every pack is then refused). */
export function loadPinnedKeys(dir: string | null): Record<string, string> {
  if (!dir || !existsSync(dir)) return {};
  const keys: Record<string, string> = {};
  for (const file of readdirSync(dir).sort()) {
    const match = KEY_FILE.exec(file);
    if (match) keys[match[1]!] = readFileSync(join(dir, file), 'utf8');
  }
  return keys;
}
