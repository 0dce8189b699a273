import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoArchives } from '../core/catalogue/demo';
import { createCore, type Core } from '../core';
import { registerContract } from '../ipc/register';
import { readDeployment } from '../core/deployment';
import { startupErrorMessage } from '../core/startup-errors';
import { createFileDialogs } from './file-dialogs';
import { applicationMenuTemplate } from './menu';
import { guardAllWebContents } from './navigation';
import { restrictNetwork } from './network';
import { APP_ENTRY_URL, APP_SCHEME, createOriginCheck } from './origin';
import { denyAllPermissions } from './permissions';
import { createCredentialStore } from './credentials';
import { createPrintToPdf } from './print';
import { guardSelfServiceWindow } from './self-service';
import { RESET_PIN_FLAG, runPinReset } from './pin-reset';
import { createProtocolHandler } from './protocol';
import { createWindowOptions } from './window-options';

// The Electron entry (built to out/main/index.js). Everything security-relevant lives in small modules that take
// Electron's objects as parameters and are unit-tested with fakes (tests/shell); this file only wires them.

const here = dirname(fileURLToPath(import.meta.url)); // out/main
const preloadPath = join(here, '..', 'preload', 'index.cjs');
const rendererDir = join(here, '..', 'renderer');
const log = { warn: (m: string) => console.warn(m), error: (m: string, e: unknown) => console.error(m, e) };

// Development only (`electron-vite dev`, never in a packaged app): the renderer comes from the local dev server.
const devServerUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || undefined;
const isTrustedUrl = createOriginCheck(devServerUrl);

// Data folder, fixed before anything reads it (the single-instance lock lives there too). MEDIANE_DATA_DIR is for
// tests and IT; the default is <appData>/Mediane (ASCII, the same folder name as browser mode on Windows and macOS).
app.setPath('userData', process.env.MEDIANE_DATA_DIR || join(app.getPath('appData'), 'Mediane'));

// SECURITY.md, rule 2: every renderer in Chromium's sandbox, whatever a window's options say.
app.enableSandbox();

// SECURITY.md, rule 1: app:// is a standard, secure scheme (a real origin for 'self' in the CSP, a secure context).
// Module scripts are fetched in CORS mode; corsEnabled keeps Chromium's normal CORS rules for the scheme, and no
// response ever carries Access-Control-Allow-Origin, so no other origin can read from it.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
  },
]);

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
let unregisterIpc: (() => void) | null = null;
// Set when the OS ends the session (Windows log-off, shutdown) or the app is quitting (macOS log-off goes through
// before-quit; in self-service mode no menu or key of the app's can start a quit): a self-service window may close.
let systemEnding = false;

function installApplicationMenu(): void {
  const template = applicationMenuTemplate(process.platform, app.isPackaged);
  if (template !== undefined) Menu.setApplicationMenu(template === null ? null : Menu.buildFromTemplate(template));
}

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow(
    createWindowOptions({
      preloadPath,
      iconPath: process.platform === 'linux' ? join(app.getAppPath(), 'resources', 'icons', 'icon.png') : undefined,
      devTools: !app.isPackaged,
    }),
  );
  win.once('ready-to-show', () => win.show());
  // Self-service mode (the core's state, kept across restarts): a kiosk window with no menu and no escape keys.
  const lock = core?.lock;
  const applyMode = guardSelfServiceWindow(win, {
    selfService: () => lock?.current().selfService ?? false,
    setMenu: (menu) => (menu === null ? Menu.setApplicationMenu(null) : installApplicationMenu()),
    systemEnding: () => systemEnding,
  });
  const stopFollowing = lock?.onChange(() => applyMode());
  win.on('session-end', () => (systemEnding = true));
  win.on('closed', () => {
    stopFollowing?.();
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return win;
}

function startupFailure(err: unknown): void {
  const french = app.getLocale().toLowerCase().startsWith('fr');
  const message =
    startupErrorMessage(err, french ? 'fr' : 'en') ??
    (french
      ? `Médiane n’a pas pu ouvrir ses données (${app.getPath('userData')}).`
      : `Médiane could not open its data (${app.getPath('userData')}).`);
  log.error('[mediane] startup failed', err);
  dialog.showErrorBox('Médiane', message);
  app.exit(1);
}

async function onReady(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId('fr.mediane.app');
  installApplicationMenu();

  // SECURITY.md, rule 5.
  denyAllPermissions(session.defaultSession, log);
  // Behind the CSP: requests to anything but the app's own origin are cancelled.
  restrictNetwork(session.defaultSession, {
    isAppUrl: isTrustedUrl,
    allowDevTools: !app.isPackaged,
    devServerUrl,
    log,
  });
  // SECURITY.md, rules 1 and 3: files from out/renderer only, with the CSP, no path traversal.
  protocol.handle(APP_SCHEME, createProtocolHandler({ rootDir: rendererDir, readFile: (path) => readFile(path) }));

  const userData = app.getPath('userData');
  const deployment = readDeployment({
    env: process.env,
    files: [
      join(dirname(app.getPath('exe')), 'deployment.json'),
      ...(process.resourcesPath ? [join(process.resourcesPath, 'deployment.json')] : []),
      join(userData, 'deployment.json'),
    ],
    log,
  });
  try {
    // The system's save/open dialogs for the files the user picks (desk export and restore).
    const dialogs = createFileDialogs({
      dialog,
      getWindow: () => mainWindow,
      documentsDir: app.getPath('documents'),
      locale: () => (app.getLocale().toLowerCase().startsWith('fr') ? 'fr' : 'en'),
    });
    core = createCore({
      dataDir: userData,
      stateOperated: deployment.stateOperated,
      appVersion: app.getVersion(),
      dialogs,
      printToPdf: createPrintToPdf(() => mainWindow),
      demoCatalogue: demoArchives(join(app.getAppPath(), 'resources')),
      // The hub credential (sync) in the OS keychain through safeStorage; only its ciphertext is written to disk.
      credentials: createCredentialStore({ safeStorage, dir: userData }),
      // The desk's private key that signs its snapshot files: the same keychain, its own file.
      signingKey: createCredentialStore({ safeStorage, dir: userData, fileName: 'hub-signing-key.json' }),
      // Coordinator mode's credential: the same keychain, its own file.
      coordinatorCredentials: createCredentialStore({
        safeStorage,
        dir: userData,
        fileName: 'hub-coordinator-credential.json',
      }),
    });
  } catch (err) {
    startupFailure(err);
    return;
  }
  // SECURITY.md, rule 6: the contract's methods only, sender checked (main frame of the app origin), input validated.
  unregisterIpc = registerContract(ipcMain, core.handlers, {
    isTrustedSender: (frame) => isTrustedUrl(frame.url),
    log,
  });

  mainWindow = createMainWindow();
  core.warm();
}

if (process.argv.includes(RESET_PIN_FLAG)) {
  // IT's recovery of a forgotten PIN: no window, no core; the result in a message box (and on the console).
  void app.whenReady().then(() => {
    const { code, message } = runPinReset(app.getPath('userData'), app.getLocale().toLowerCase().startsWith('fr'));
    console.log(message);
    dialog.showMessageBoxSync({ type: code === 0 ? 'info' : 'error', title: 'Médiane', message });
    app.exit(code);
  });
} else if (!app.requestSingleInstanceLock()) {
  // Another Médiane already runs on this data folder: it gets focus (below), this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // SECURITY.md, rule 4: navigation, new windows and <webview> guarded on every webContents as soon as it is created.
  // In self-service mode no link opens the system browser: it would be a way out of the kiosk window.
  guardAllWebContents(app, {
    isAppUrl: isTrustedUrl,
    openExternal: (url) => {
      if (core?.lock.current().selfService) log.warn('[mediane] self-service mode: an outside link was not opened');
      else return shell.openExternal(url);
    },
    log,
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => (systemEnding = true));
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
  // The core's close is asynchronous (running jobs are cancelled and clean up their partial files): quitting waits
  // for it once, then goes on.
  app.on('will-quit', (event?: { preventDefault(): void }) => {
    unregisterIpc?.();
    unregisterIpc = null;
    const closing = core;
    core = null;
    if (!closing) return;
    event?.preventDefault();
    void closing.close().finally(() => app.quit());
  });
  app.whenReady().then(onReady, startupFailure);
}
