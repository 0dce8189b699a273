import { describe, expect, it, vi } from 'vitest';
import { guardSelfServiceWindow, isBlockedInSelfService, type KeyInputLike } from '../../main/app/self-service';
import { FakeEmitter, FakeEvent } from './fakes';

// Self-service mode in the desktop shell, against fakes of the window and its webContents.

const key = (k: string, mods: Partial<KeyInputLike> = {}): KeyInputLike => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

function fakeWindow() {
  const contents = Object.assign(new FakeEmitter(), { closeDevTools: vi.fn(), isDevToolsOpened: vi.fn(() => true) });
  return Object.assign(new FakeEmitter(), {
    webContents: contents,
    setKiosk: vi.fn(),
    setClosable: vi.fn(),
    setMinimizable: vi.fn(),
  });
}

describe('the keys swallowed in self-service mode', () => {
  it('swallows reload, developer tools, close, quit, full screen and history keys', () => {
    for (const input of [
      key('F5'),
      key('r', { control: true }),
      key('R', { control: true, shift: true }),
      key('r', { meta: true }),
      key('F12'),
      key('I', { control: true, shift: true }),
      key('i', { meta: true, alt: true }),
      key('J', { control: true, shift: true }),
      key('w', { control: true }),
      key('q', { meta: true }),
      key('F4', { alt: true }),
      key('F11'),
      key('ArrowLeft', { alt: true }),
      key('ArrowRight', { alt: true }),
      key('BrowserBack'),
      key('BrowserRefresh'),
      key('l', { control: true }),
      key('p', { control: true }),
      key('m', { meta: true }),
      key('h', { meta: true }),
    ])
      expect(isBlockedInSelfService(input), JSON.stringify(input)).toBe(true);
  });

  it('lets typing, editing, zoom and the diagnosis’s own keys through', () => {
    for (const input of [
      key('a'),
      key('5'),
      key('Enter'),
      key('Escape'),
      key('Tab', { shift: true }),
      key('ArrowDown'),
      key('c', { control: true }),
      key('v', { meta: true }),
      key('z', { control: true }),
      key('+', { control: true }),
      key('0', { control: true }),
      key('n', { alt: true }),
      { ...key('F5'), type: 'keyUp' },
    ])
      expect(isBlockedInSelfService(input), JSON.stringify(input)).toBe(false);
  });
});

describe('the self-service window', () => {
  it('becomes a kiosk without menu or close button, and goes back when the mode ends', () => {
    const win = fakeWindow();
    let on = true;
    const setMenu = vi.fn();
    const apply = guardSelfServiceWindow(win, { selfService: () => on, setMenu, systemEnding: () => false });
    expect(win.setKiosk).toHaveBeenLastCalledWith(true);
    expect(win.setClosable).toHaveBeenLastCalledWith(false);
    expect(win.setMinimizable).toHaveBeenLastCalledWith(false);
    expect(setMenu).toHaveBeenLastCalledWith(null);
    expect(win.webContents.closeDevTools).toHaveBeenCalled();
    on = false;
    apply();
    expect(win.setKiosk).toHaveBeenLastCalledWith(false);
    expect(win.setClosable).toHaveBeenLastCalledWith(true);
    expect(setMenu).toHaveBeenLastCalledWith(undefined);
    // Applying the same mode again changes nothing.
    apply();
    expect(win.setKiosk).toHaveBeenCalledTimes(2);
  });

  it('swallows escape keys, refuses to close and closes developer tools only while in the mode', () => {
    const win = fakeWindow();
    let on = true;
    let ending = false;
    guardSelfServiceWindow(win, { selfService: () => on, setMenu: () => undefined, systemEnding: () => ending });
    const press = (input: KeyInputLike) => {
      const e = new FakeEvent();
      win.webContents.emit('before-input-event', e, input);
      return e.defaultPrevented;
    };
    const close = () => {
      const e = new FakeEvent();
      win.emit('close', e);
      return e.defaultPrevented;
    };
    expect(press(key('F5'))).toBe(true);
    expect(press(key('a'))).toBe(false);
    expect(close()).toBe(true);
    win.webContents.closeDevTools.mockClear();
    win.webContents.emit('devtools-opened');
    expect(win.webContents.closeDevTools).toHaveBeenCalledTimes(1);
    // The operating system ending the session (shutdown, log-off) may close it.
    ending = true;
    expect(close()).toBe(false);
    ending = false;
    on = false;
    expect(press(key('F5'))).toBe(false);
    expect(close()).toBe(false);
    win.webContents.emit('devtools-opened');
    expect(win.webContents.closeDevTools).toHaveBeenCalledTimes(1);
  });
});
