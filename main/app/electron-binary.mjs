// Where the Electron runtime is, without asking the `electron` package: `require('electron')` from Node tries to
// DOWNLOAD the binary when it is missing (node_modules/electron/index.js), which hangs or fails on offline build
// machines. Used by `npm start` (main/app/start.mjs) and by the Electron smoke test.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

/**
 * @param {string} projectDir
 * @param {Record<string, string | undefined>} [env]
 * @returns {{ path: string | null, exists: boolean, reason: string | null }}
 */
export function findElectronBinary(projectDir, env = process.env) {
  let packageDir;
  try {
    packageDir = dirname(createRequire(join(projectDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { path: null, exists: false, reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(path)
      ? { path, exists: true, reason: null }
      : { path, exists: false, reason: `ELECTRON_OVERRIDE_DIST_PATH points to no Electron binary (${path})` };
  }
  if (!relative) {
    return {
      path: null,
      exists: false,
      reason:
        'Electron binary not installed: ELECTRON_SKIP_BINARY_DOWNLOAD (node_modules/electron has no path.txt / dist)',
    };
  }
  const path = join(packageDir, 'dist', relative);
  return existsSync(path)
    ? { path, exists: true, reason: null }
    : { path, exists: false, reason: `Electron binary not installed: ${path} is missing` };
}
