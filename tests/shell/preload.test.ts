import { beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';

// SECURITY.md, rule 7: the preload exposes one intent-level function per contract method on window.mediane, and
// nothing else: no raw ipcRenderer, no generic invoke, no sendSync, no fs.

const { exposed, ipcRenderer } = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, input: unknown): Promise<unknown> => ({
      ok: true,
      value: { channel, input },
    })),
    send: vi.fn(),
    sendSync: vi.fn(),
    on: vi.fn(),
  },
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
}));

type Bridge = Record<string, (...args: unknown[]) => Promise<unknown>>;

async function loadPreload(): Promise<Bridge> {
  // The build writes the contract's method names into the preload (electron.vite.config.ts); here, the same list.
  vi.stubGlobal('__CONTRACT_METHODS__', METHOD_NAMES);
  exposed.clear();
  vi.resetModules();
  await import('../../main/preload');
  return exposed.get('mediane') as Bridge;
}

describe('preload', () => {
  beforeEach(() => {
    ipcRenderer.invoke.mockClear();
  });

  it('exposes a single key, "mediane"', async () => {
    await loadPreload();
    expect([...exposed.keys()]).toEqual(['mediane']);
  });

  it('exposes exactly the contract method names, each a function', async () => {
    const api = await loadPreload();
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    for (const m of METHOD_NAMES) expect(typeof api[m]).toBe('function');
    for (const forbidden of ['invoke', 'call', 'send', 'sendSync', 'on', 'ipcRenderer', 'require', 'fs']) {
      expect(api).not.toHaveProperty(forbidden);
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('maps each method to its own channel, with the input as the only argument', async () => {
    const api = await loadPreload();
    const input = { id: '0b3c5a9e-1111-4222-8333-444455556666' };
    await expect(api['journal.get']!(input, 'extra', 'args')).resolves.toEqual({
      ok: true,
      value: { channel: 'mediane:journal.get', input },
    });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('mediane:journal.get', input);
    for (const m of METHOD_NAMES) {
      ipcRenderer.invoke.mockClear();
      await api[m]!({});
      expect(ipcRenderer.invoke).toHaveBeenCalledWith(`mediane:${m}`, {});
    }
  });

  it('never uses sendSync, send or listeners', async () => {
    const api = await loadPreload();
    for (const m of METHOD_NAMES) await api[m]!({});
    expect(ipcRenderer.sendSync).not.toHaveBeenCalled();
    expect(ipcRenderer.send).not.toHaveBeenCalled();
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('resolves to a Result even when the input cannot cross the bridge', async () => {
    const api = await loadPreload();
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    await expect(api['app.status']!({ f: () => 1 })).resolves.toEqual({ ok: false, error: { code: 'invalid_input' } });
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('Error invoking remote method'));
    await expect(api['app.status']!({})).resolves.toEqual({ ok: false, error: { code: 'internal' } });
  });

  it('imports no schema library (the preload bundle stays tiny)', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../../main/preload.ts', import.meta.url), 'utf8');
    const runtimeImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(runtimeImports.sort()).toEqual(['../shared/ipc', 'electron']);
    const channel = readFileSync(new URL('../../shared/ipc.ts', import.meta.url), 'utf8');
    expect(channel).not.toMatch(/^import\s/m);
  });
});
