#!/usr/bin/env node
// `npm start`: build Médiane and run it in Electron.
//
// 1. Check that the Electron runtime exists (without require('electron'), which would try to download it).
//    Offline build machines install with ELECTRON_SKIP_BINARY_DOWNLOAD=1: there we stop with a clear message.
// 2. electron-vite build (main, preload, renderer into out/).
// 3. Rebuild better-sqlite3 for Electron's ABI (electron-builder install-app-deps; it downloads Electron's headers,
//    so it needs internet). Skipped when the addon is already the one we built for this Electron.
// 4. Launch Electron on the project folder (package.json "main" = out/main/index.js).
//
// NOTE: after step 3, better-sqlite3 in node_modules is built for Electron, not for Node. Tests run in Node:
// `npm test` (tests/run.mjs) must first run `npm rebuild better-sqlite3` to get the Node build back.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(projectDir, 'package.json'));

function run(label, args) {
  console.log(`> ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: projectDir, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`"${label}" failed (exit code ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

const electron = findElectronBinary(projectDir);
if (!electron.exists) {
  console.error(
    [
      'The Electron runtime is not installed on this machine.',
      `  (${electron.reason})`,
      '',
      'To use Médiane here, run it in the browser instead:',
      '  npm run web',
      '',
      'To run the desktop app, reinstall on a machine with internet access, without ELECTRON_SKIP_BINARY_DOWNLOAD:',
      '  npm ci        (or: rm -rf node_modules/electron && npm install)',
    ].join('\n'),
  );
  process.exit(1);
}

run('electron-vite build', [require.resolve('electron-vite/bin/electron-vite.js'), 'build']);

// Rebuild the native addon for Electron unless the stamp says the current file is already that build.
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const addon = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
const stampFile = join(projectDir, 'node_modules', '.cache', 'mediane', 'better-sqlite3-electron.json');
const addonMtime = existsSync(addon) ? statSync(addon).mtimeMs : null;
let stamp = null;
try {
  stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
} catch {
  stamp = null;
}
if (!stamp || stamp.electron !== electronVersion || stamp.addonMtime !== addonMtime || addonMtime === null) {
  run('electron-builder install-app-deps', [require.resolve('electron-builder/cli.js'), 'install-app-deps']);
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(
    stampFile,
    JSON.stringify({ electron: electronVersion, addonMtime: existsSync(addon) ? statSync(addon).mtimeMs : null }),
  );
} else {
  console.log('> better-sqlite3 is already built for Electron ' + electronVersion);
}

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron.path, [projectDir, ...process.argv.slice(2)], { cwd: projectDir, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
