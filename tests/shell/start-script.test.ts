import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../main/app/electron-binary.mjs';

// `npm start` on a machine without the Electron runtime must explain what to do, not hang on a download.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('findElectronBinary', () => {
  it('finds the binary through ELECTRON_OVERRIDE_DIST_PATH when it exists there', () => {
    const dist = mkdtempSync(join(tmpdir(), 'mediane-dist-'));
    dirs.push(dist);
    const found = findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(found.exists).toBe(false);
    mkdirSync(dirname(found.path!), { recursive: true });
    writeFileSync(found.path!, '');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: dist })).toMatchObject({
      exists: true,
      reason: null,
    });
  });

  it('reports a missing electron package', () => {
    const empty = mkdtempSync(join(tmpdir(), 'mediane-empty-'));
    dirs.push(empty);
    writeFileSync(join(empty, 'package.json'), '{}');
    expect(findElectronBinary(empty, {})).toMatchObject({ exists: false, path: null });
  });
});

describe.skipIf(findElectronBinary(root).exists)('npm start without the Electron runtime', () => {
  it('exits 1 with a clear message pointing to browser mode', () => {
    const result = spawnSync(process.execPath, [join(root, 'main', 'app', 'start.mjs')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The Electron runtime is not installed on this machine.');
    expect(result.stderr).toContain('npm run web');
    expect(result.stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
  });
});
