import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { IPC_CHANNEL_PREFIX } from '../../shared/ipc';
import { FakeIpcMain, fakeHandlers, mainFrame, subFrame } from '../../tests/shell/fakes';
import { channelOf, isAppOriginFrame, registerContract } from './register';

// SECURITY.md, rule 6: only the contract's methods exist on IPC; each checks its sender (app origin, main frame)
// before the core is touched, and validates its input with the contract's schema.

const APP_PAGE = 'app://mediane/index.html';

function setup() {
  const ipc = new FakeIpcMain();
  const handlers = fakeHandlers();
  const warn = vi.fn();
  const unregister = registerContract(ipc, handlers, {
    isTrustedSender: isAppOriginFrame,
    log: { warn, error: vi.fn() },
  });
  return { ipc, handlers, unregister, warn };
}

describe('registerContract', () => {
  it('registers exactly one channel per contract method, and nothing else', () => {
    const { ipc } = setup();
    expect(new Set(ipc.handlers.keys())).toEqual(new Set(METHOD_NAMES.map((m) => IPC_CHANNEL_PREFIX + m)));
    expect(ipc.handlers.size).toBe(METHOD_NAMES.length);
    expect(channelOf('journal.create')).toBe('mediane:journal.create');
  });

  it('calls the core for a valid request from the app main frame', async () => {
    const { ipc, handlers } = setup();
    const result = await ipc.invoke(mainFrame(APP_PAGE), 'mediane:app.status', {});
    expect(result).toEqual({ ok: true, value: { method: 'app.status' } });
    expect(handlers['app.status']).toHaveBeenCalledTimes(1);
  });

  it('accepts any page of the app origin (single-page routes)', async () => {
    const { ipc } = setup();
    expect(await ipc.invoke(mainFrame('app://mediane/journal?x=1#top'), 'mediane:journal.timers', {})).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ['another origin', mainFrame('https://www.service-public.fr/')],
    ['a look-alike host', mainFrame('app://mediane.evil/index.html')],
    ['credentials in the URL', mainFrame('app://user:pw@mediane/index.html')],
    ['file://', mainFrame('file:///work/main/out/renderer/index.html')],
    ['the dev server when not configured', mainFrame('http://localhost:5173/')],
    ['about:blank', mainFrame('about:blank')],
    ['a subframe of the app origin', subFrame(APP_PAGE)],
    ['a subframe of another origin', subFrame('https://example.org/')],
    ['a vanished frame (senderFrame null)', null],
  ])('refuses %s with "forbidden" without calling the core', async (_label, frame) => {
    const { ipc, handlers, warn } = setup();
    for (const method of METHOD_NAMES) {
      expect(await ipc.invoke(frame, IPC_CHANNEL_PREFIX + method, {})).toEqual({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    for (const method of METHOD_NAMES) expect(handlers[method]).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalled();
  });

  it('treats a frame that throws on access (destroyed) as forbidden', async () => {
    const { ipc, handlers } = setup();
    const frame = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(await ipc.invoke(frame, 'mediane:app.status', {})).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(handlers['app.status']).not.toHaveBeenCalled();
  });

  it('uses the isTrustedSender option (e.g. the dev server in development)', async () => {
    const ipc = new FakeIpcMain();
    const handlers = fakeHandlers();
    registerContract(ipc, handlers, { isTrustedSender: (f) => f.url.startsWith('http://localhost:5173/') });
    expect(await ipc.invoke(mainFrame('http://localhost:5173/'), 'mediane:app.status', {})).toMatchObject({ ok: true });
    // The main-frame rule holds whatever isTrustedSender says.
    expect(await ipc.invoke(subFrame('http://localhost:5173/'), 'mediane:app.status', {})).toMatchObject({ ok: false });
  });

  it('returns invalid_input for input the schema rejects, without calling the core', async () => {
    const { ipc, handlers } = setup();
    const frame = mainFrame(APP_PAGE);
    const bad = [
      ['mediane:journal.get', { id: 'not-a-uuid' }],
      ['mediane:app.status', { unexpected: true }],
      ['mediane:settings.update', { locale: 'de' }],
      ['mediane:communes.get', 'a string'],
    ] as const;
    for (const [channel, input] of bad) {
      const result = (await ipc.invoke(frame, channel, input)) as { ok: boolean; error?: { code: string } };
      expect(result.ok).toBe(false);
      expect(result.error?.code).toBe('invalid_input');
    }
    expect(handlers['journal.get']).not.toHaveBeenCalled();
    expect(handlers['app.status']).not.toHaveBeenCalled();
    expect(handlers['settings.update']).not.toHaveBeenCalled();
    expect(handlers['communes.get']).not.toHaveBeenCalled();
  });

  it('returns invalid_input for oversized input and for extra arguments', async () => {
    const { ipc, handlers } = setup();
    const frame = mainFrame(APP_PAGE);
    const big = { code: 'x'.repeat(100_000) };
    expect(await ipc.invoke(frame, 'mediane:communes.get', big)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await ipc.invoke(frame, 'mediane:app.status', {}, 'extra')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(handlers['communes.get']).not.toHaveBeenCalled();
    expect(handlers['app.status']).not.toHaveBeenCalled();
  });

  it('never lets raw exception text cross', async () => {
    const ipc = new FakeIpcMain();
    const handlers = fakeHandlers();
    handlers['app.status'].mockImplementation(() => {
      throw new Error('SQLITE_CORRUPT: /home/agent/secret/path.db');
    });
    const error = vi.fn();
    registerContract(ipc, handlers, { isTrustedSender: isAppOriginFrame, log: { error } });
    const result = await ipc.invoke(mainFrame(APP_PAGE), 'mediane:app.status', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('SQLITE');
    expect(error).toHaveBeenCalled();
  });

  it('removes every handler it registered', () => {
    const { ipc, unregister } = setup();
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });
});
