import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { IPC_CHANNEL_PREFIX } from '../../shared/ipc';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { FakeEmitter, FakeEvent, FakeIpcMain, FakeWebRequest, fakeHandlers, mainFrame } from './fakes';

// The Electron entry, main/app/index.ts, run against a fake 'electron' module: checks that every SECURITY.md rule
// is actually wired (not only implemented), in the right order (scheme privileges and sandbox before 'ready').

const h = vi.hoisted(() => ({ state: null as unknown as ReturnType<typeof makeState> }));

function makeState() {
  const calls: string[] = [];
  let ready!: () => void;
  const readyPromise = new Promise<void>((r) => (ready = r));
  const windows: FakeWindow[] = [];
  class FakeWindow extends FakeEmitter {
    static getAllWindows = () => windows;
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
    setKiosk = vi.fn();
    setClosable = vi.fn();
    setMinimizable = vi.fn();
    webContents = Object.assign(new FakeEmitter(), { closeDevTools: vi.fn(), isDevToolsOpened: () => false });
    constructor(readonly options: Record<string, unknown>) {
      super();
      calls.push('new BrowserWindow');
      windows.push(this);
    }
  }
  const appEvents = new FakeEmitter();
  const app = Object.assign(appEvents, {
    isPackaged: false,
    paths: new Map<string, string>([
      ['appData', '/home/agent/.config'],
      ['exe', '/opt/Mediane/mediane'],
    ]),
    setPath: vi.fn((name: string, value: string) => {
      calls.push(`setPath:${name}`);
      app.paths.set(name, value);
    }),
    getPath: (name: string) => app.paths.get(name) ?? `/fake/${name}`,
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => {
      calls.push('requestSingleInstanceLock');
      return h.state.lock;
    }),
    whenReady: () => readyPromise,
    quit: vi.fn(),
    exit: vi.fn(),
    getVersion: () => '0.1.0',
    getLocale: () => 'fr-FR',
    getAppPath: () => '/opt/Mediane/resources/app.asar',
    setAppUserModelId: vi.fn(),
  });
  const protocol = {
    registerSchemesAsPrivileged: vi.fn((_schemes: Array<{ scheme: string; privileges: Record<string, unknown> }>) =>
      calls.push('registerSchemesAsPrivileged'),
    ),
    handle: vi.fn(),
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: new FakeWebRequest(),
    },
  };
  const lockListeners = new Set<() => void>();
  const core = {
    handlers: fakeHandlers(),
    warm: vi.fn(),
    close: vi.fn(async () => undefined),
    selfService: false,
    lock: {
      current: () => ({ selfService: core.selfService }),
      onChange: (l: () => void) => {
        lockListeners.add(l);
        return () => lockListeners.delete(l);
      },
    },
    /** The core switches self-service mode (as lock.enterSelfService / leaveSelfService do). */
    setSelfService(on: boolean) {
      core.selfService = on;
      for (const l of lockListeners) l();
    },
  };
  return {
    calls,
    ready,
    windows,
    lock: true,
    createCoreImpl: (() => core) as (opts: unknown) => unknown,
    core,
    electron: {
      app,
      protocol,
      session,
      ipcMain: new FakeIpcMain(),
      BrowserWindow: FakeWindow,
      shell: { openExternal: vi.fn(async () => undefined) },
      dialog: { showErrorBox: vi.fn(), showMessageBoxSync: vi.fn() },
      Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
      safeStorage: {
        isAsyncEncryptionAvailable: async () => true,
        encryptStringAsync: async (s: string) => Buffer.from(s),
        decryptStringAsync: async (b: Buffer) => ({ result: b.toString(), shouldReEncrypt: false }),
      },
    },
  };
}

// Getters, so that each test's fresh fakes are seen by the freshly imported entry (the mock factory runs once).
const ELECTRON_EXPORTS = [
  'app',
  'protocol',
  'session',
  'ipcMain',
  'BrowserWindow',
  'shell',
  'dialog',
  'Menu',
  'safeStorage',
];
vi.mock('electron', () =>
  Object.defineProperties(
    {},
    Object.fromEntries(
      ELECTRON_EXPORTS.map((name) => [
        name,
        { get: () => (h.state.electron as Record<string, unknown>)[name], enumerable: true },
      ]),
    ),
  ),
);
vi.mock('../../main/core', () => ({ createCore: vi.fn((opts: unknown) => h.state.createCoreImpl(opts)) }));

async function boot() {
  vi.resetModules();
  await import('../../main/app/index');
  h.state.ready();
  await new Promise((r) => setTimeout(r, 10));
  return h.state;
}

describe('main/app/index.ts wiring', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    h.state = makeState();
    delete process.env.ELECTRON_RENDERER_URL;
    delete process.env.MEDIANE_DATA_DIR;
    delete process.env.MEDIANE_STATE_OPERATED;
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('registers app:// as standard + secure, enables the sandbox and fixes userData, all before ready', async () => {
    const s = await boot();
    expect(s.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    const privileges = s.electron.protocol.registerSchemesAsPrivileged.mock.calls[0]![0]![0]!.privileges;
    expect(privileges).not.toHaveProperty('bypassCSP');
    expect(privileges).not.toHaveProperty('allowServiceWorkers');
    expect(s.calls.indexOf('setPath:userData')).toBeLessThan(s.calls.indexOf('requestSingleInstanceLock'));
    expect(s.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(s.calls.indexOf('new BrowserWindow'));
    expect(s.calls).toContain('enableSandbox');
    expect(s.electron.app.getPath('userData')).toBe('/home/agent/.config/Mediane');
  });

  it('serves app:// from the built renderer with the CSP and refuses traversal', async () => {
    const s = await boot();
    expect(s.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = s.electron.protocol.handle.mock.calls[0]![1] as (r: { url: string }) => Promise<Response>;
    const refused = await handler({ url: 'app://mediane/..%2f..%2fpackage.json' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('denies permissions on the default session', async () => {
    const s = await boot();
    const ds = s.electron.session.defaultSession;
    expect(ds.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    const check = ds.setPermissionCheckHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean;
    expect(check(null, 'media', 'app://mediane', {})).toBe(false);
  });

  it('cancels on the default session every request but the app origin (and the devtools in an unpackaged run)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const s = await boot();
    const web = s.electron.session.defaultSession.webRequest;
    expect(web.listener).not.toBeNull();
    expect(web.request('app://mediane/assets/index.js')).toBe(false);
    expect(web.request('devtools://devtools/bundled/devtools_app.html')).toBe(false);
    expect(web.request('https://fonts.googleapis.com/css')).toBe(true);
    expect(web.request('http://localhost:5173/')).toBe(true);

    h.state = makeState();
    h.state.electron.app.isPackaged = true;
    const packaged = await boot();
    expect(
      packaged.electron.session.defaultSession.webRequest.request('devtools://devtools/bundled/devtools_app.html'),
    ).toBe(true);
    expect(packaged.electron.session.defaultSession.webRequest.request('app://mediane/index.html')).toBe(false);
    warn.mockRestore();
  });

  it('opens one window with the hardened preferences on app://mediane/index.html', async () => {
    const s = await boot();
    expect(s.windows).toHaveLength(1);
    const win = s.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(String((win.options.webPreferences as { preload: string }).preload).replace(/\\/g, '/')).toMatch(
      /\/preload\/index\.cjs$/,
    );
    expect(win.loadURL).toHaveBeenCalledWith('app://mediane/index.html');
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('creates the core on userData with the deployment setting and app version, and registers the contract', async () => {
    process.env.MEDIANE_STATE_OPERATED = '1';
    const s = await boot();
    const { createCore } = await import('../../main/core');
    expect(createCore).toHaveBeenCalledWith({
      dataDir: '/home/agent/.config/Mediane',
      stateOperated: true,
      appVersion: '0.1.0',
      // The system's save and open dialogs (main/app/file-dialogs.ts): paths never cross to the renderer.
      dialogs: { pickSave: expect.any(Function), pickOpen: expect.any(Function) },
      // The main window's page as a PDF (main/app/print.ts): the one print path of handouts and reports.
      printToPdf: expect.any(Function),
      // The demo catalogue's archives shipped in resources/catalogue, installed at the first start.
      demoCatalogue: expect.any(Array),
      // The hub credential (sync) behind safeStorage (main/app/credentials.ts), never in a plain file.
      credentials: expect.objectContaining({ save: expect.any(Function), load: expect.any(Function) }),
      // The desk's private key that signs its snapshot files, in a keychain entry of its own.
      signingKey: expect.objectContaining({
        save: expect.any(Function),
        load: expect.any(Function),
        file: expect.stringMatching(/hub-signing-key\.json$/),
      }),
      // The coordinator's hub key (coordinator mode), in a keychain entry of its own.
      coordinatorCredentials: expect.objectContaining({ save: expect.any(Function), load: expect.any(Function) }),
    });
    expect(new Set(s.electron.ipcMain.handlers.keys())).toEqual(
      new Set(METHOD_NAMES.map((m) => IPC_CHANNEL_PREFIX + m)),
    );
    expect(
      await s.electron.ipcMain.invoke(mainFrame('app://mediane/index.html'), 'mediane:app.status', {}),
    ).toMatchObject({ ok: true });
    expect(await s.electron.ipcMain.invoke(mainFrame('https://evil.example/'), 'mediane:app.status', {})).toEqual({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(s.core.handlers['app.status']).toHaveBeenCalledTimes(1);
    expect(s.core.warm).toHaveBeenCalled();
  });

  it('honours MEDIANE_DATA_DIR (tests, IT)', async () => {
    process.env.MEDIANE_DATA_DIR = '/tmp/mediane-smoke';
    const s = await boot();
    expect(s.electron.app.getPath('userData')).toBe('/tmp/mediane-smoke');
  });

  it('guards every webContents created (navigation, window.open, webview)', async () => {
    const s = await boot();
    const contents = new FakeEmitter();
    s.electron.app.emit('web-contents-created', {}, contents);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigateFrame('https://evil.example/', false)).toBe(true);
    expect(contents.navigateFrame('app://mediane/index.html', false)).toBe(false);
    expect(contents.navigate('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://www.caf.fr/' })).toEqual({ action: 'deny' });
    expect(s.electron.shell.openExternal).toHaveBeenCalledWith('https://www.caf.fr/');
  });

  it('closes the core and removes the IPC handlers on quit', async () => {
    const s = await boot();
    const quitsBefore = s.electron.app.quit.mock.calls.length;
    s.electron.app.emit('will-quit', { preventDefault: vi.fn() });
    expect(s.core.close).toHaveBeenCalledTimes(1);
    expect(s.electron.ipcMain.handlers.size).toBe(0);
    // Quitting goes on once the core has closed (its jobs cleaned up).
    await vi.waitFor(() => expect(s.electron.app.quit.mock.calls.length).toBe(quitsBefore + 1));
  });

  it('leaves when another instance holds the lock, and focuses the first one on second-instance', async () => {
    h.state.lock = false;
    const s = await boot();
    expect(s.electron.app.quit).toHaveBeenCalled();
    expect(s.windows).toHaveLength(0);

    h.state = makeState();
    const first = await boot();
    first.electron.app.emit('second-instance');
    expect(first.windows[0]!.focus).toHaveBeenCalled();
  });

  it('shows a clear message and exits when the data folder comes from a newer version', async () => {
    h.state.createCoreImpl = () => {
      throw Object.assign(new Error('newer'), { messageKey: 'storage.newerVersion' });
    };
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const s = await boot();
    expect(s.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Médiane',
      expect.stringContaining('version plus récente'),
    );
    expect(s.electron.app.exit).toHaveBeenCalledWith(1);
    expect(s.windows).toHaveLength(0);
    expect(s.electron.ipcMain.handlers.size).toBe(0);
    error.mockRestore();
  });

  it('accepts the dev server only in an unpackaged run with ELECTRON_RENDERER_URL', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const s = await boot();
    expect(s.windows[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173');
    expect(s.electron.session.defaultSession.webRequest.request('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(s.electron.session.defaultSession.webRequest.request('ws://localhost:5173/')).toBe(false);

    h.state = makeState();
    h.state.electron.app.isPackaged = true;
    const packaged = await boot();
    expect(packaged.windows[0]!.loadURL).toHaveBeenCalledWith('app://mediane/index.html');
    expect(
      await packaged.electron.ipcMain.invoke(mainFrame('http://localhost:5173/'), 'mediane:app.status', {}),
    ).toMatchObject({
      ok: false,
    });
    expect((packaged.windows[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(packaged.electron.session.defaultSession.webRequest.request('http://localhost:5173/src/main.tsx')).toBe(
      true,
    );
    warn.mockRestore();
  });
  it('follows the core into self-service mode: kiosk window, no menu, escape keys swallowed, no close', async () => {
    const s = await boot();
    const win = s.windows[0]!;
    expect(win.setKiosk).toHaveBeenLastCalledWith(false);
    s.core.setSelfService(true);
    expect(win.setKiosk).toHaveBeenLastCalledWith(true);
    expect(win.setClosable).toHaveBeenLastCalledWith(false);
    expect(s.electron.Menu.setApplicationMenu).toHaveBeenLastCalledWith(null);
    const reload = new FakeEvent();
    win.webContents.emit('before-input-event', reload, {
      type: 'keyDown',
      key: 'r',
      control: true,
      meta: false,
      alt: false,
      shift: false,
    });
    expect(reload.defaultPrevented).toBe(true);
    const close = new FakeEvent();
    win.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    // The OS ending the session (macOS log-off comes through before-quit) may close it.
    s.electron.app.emit('before-quit');
    const closeAtQuit = new FakeEvent();
    win.emit('close', closeAtQuit);
    expect(closeAtQuit.defaultPrevented).toBe(false);
    s.core.setSelfService(false);
    expect(win.setKiosk).toHaveBeenLastCalledWith(false);
    const reloadAgain = new FakeEvent();
    win.webContents.emit('before-input-event', reloadAgain, {
      type: 'keyDown',
      key: 'r',
      control: true,
      meta: false,
      alt: false,
      shift: false,
    });
    expect(reloadAgain.defaultPrevented).toBe(false);
  });
  it('with --reset-pin, removes the PIN of the data folder and opens nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mediane-reset-'));
    writeFileSync(join(dir, 'app-lock.json'), '{}');
    process.env.MEDIANE_DATA_DIR = dir;
    const argv = process.argv;
    process.argv = [...argv, '--reset-pin'];
    try {
      const s = await boot();
      expect(s.windows).toHaveLength(0);
      expect(s.electron.app.requestSingleInstanceLock).not.toHaveBeenCalled();
      expect(s.electron.dialog.showMessageBoxSync).toHaveBeenCalledWith(
        expect.objectContaining({ type: 'info', message: expect.stringContaining('est retiré') }),
      );
      expect(s.electron.app.exit).toHaveBeenCalledWith(0);
      expect(existsSync(join(dir, 'app-lock.json'))).toBe(false);
    } finally {
      process.argv = argv;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
