import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../main/app/electron-binary.mjs';
import { METHOD_NAMES } from '../../shared/contract';

// The real desktop app, driven by Playwright's Electron support. It runs only where it can:
// - the Electron binary is installed (build machines install with ELECTRON_SKIP_BINARY_DOWNLOAD=1: skipped there);
// - a display exists (on Linux CI, run the tests under xvfb-run);
// - better-sqlite3 is built for Electron's ABI (`npm start` or `npx electron-builder install-app-deps` does it;
//   tests/run.mjs rebuilds it for Node afterwards).
// Everything it checks is also covered with fakes by the other tests of this folder.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function skipReason(): string | null {
  const electron = findElectronBinary(root);
  if (!electron.exists) return electron.reason ?? 'Electron binary not installed: ELECTRON_SKIP_BINARY_DOWNLOAD';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display: run the tests under xvfb-run to include the Electron smoke test';
  }
  const probe = spawnSync(electron.path!, ['-e', "require('better-sqlite3')"], {
    cwd: root,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (probe.status !== 0) {
    return 'better-sqlite3 is built for Node, not Electron: run `npx electron-builder install-app-deps` first (npm start does)';
  }
  return null;
}

/** The test's environment for Electron: a temp data folder, and never a dev server. */
function smokeEnv(dataDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && k !== 'ELECTRON_RENDERER_URL' && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  env.MEDIANE_DATA_DIR = dataDir;
  return env;
}

const reason = skipReason();
if (reason) console.info(`[electron-smoke] skipped: ${reason}`);

describe.skipIf(reason !== null)('Electron smoke test', () => {
  let app: ElectronApplication | null = null;
  let dataDir = '';

  beforeAll(() => {
    const build = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      {
        cwd: root,
        stdio: 'inherit',
        timeout: 300_000,
      },
    );
    expect(build.status).toBe(0);
    expect(existsSync(join(root, 'out', 'main', 'index.js'))).toBe(true);
    dataDir = mkdtempSync(join(tmpdir(), 'mediane-smoke-'));
  }, 320_000);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the window on app://mediane with the contract bridge and no Node', async () => {
    const electron = findElectronBinary(root);
    app = await _electron.launch({
      executablePath: electron.path!,
      // Chromium refuses to start as root with its sandbox on; the test machine may be root. Never in production.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
      cwd: root,
      env: smokeEnv(dataDir),
      timeout: 60_000,
    });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');

    expect(page.url()).toBe('app://mediane/index.html');
    expect(await page.title()).toContain('Médiane');

    const keys = await page.evaluate(() => Object.keys((window as unknown as { mediane?: object }).mediane ?? {}));
    expect(keys.sort()).toEqual([...METHOD_NAMES].sort());

    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined' });

    const status = await page.evaluate(() =>
      (window as unknown as { mediane: Record<string, (i: unknown) => Promise<{ ok: boolean }>> }).mediane[
        'app.status'
      ]!({}),
    );
    expect(status.ok).toBe(true);

    await app.close();
    app = null;
  }, 120_000);
});
