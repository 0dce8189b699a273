// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  isSingleKey,
  reloadSingleKeyPreference,
  setSingleKeyShortcuts,
  SINGLE_KEY_STORAGE_KEY,
  singleKeyShortcutsOn,
  useShortcut,
} from './shortcuts';

function Screen({ help, pick, last, newSession }: Record<'help' | 'pick' | 'last' | 'newSession', () => void>) {
  useShortcut('?', 'common:shortcuts.do.help', help);
  useShortcut('1', 'journal:templates.shortcuts.pick1', pick);
  useShortcut('=', 'journal:templates.shortcuts.last', last);
  useShortcut('Alt+N', 'journal:desk.shortcuts.newSession', newSession);
  return <button type="button">ok</button>;
}

function press(target: Element) {
  fireEvent.keyDown(target, { key: '?', code: 'Comma', shiftKey: true });
  fireEvent.keyDown(target, { key: '1', code: 'Digit1' });
  fireEvent.keyDown(target, { key: '=', code: 'Equal' });
  fireEvent.keyDown(target, { key: 'n', code: 'KeyN', altKey: true });
}

beforeEach(() => {
  window.localStorage.clear();
  reloadSingleKeyPreference();
});
afterEach(cleanup);

describe('single-key shortcuts', () => {
  it('are the printable keys without Alt or Ctrl', () => {
    expect(['?', '1', '9', '=', 'Shift+A'].map(isSingleKey)).toEqual([true, true, true, true, true]);
    expect(['Alt+N', 'Mod+Enter', 'Escape', 'Mod+K', 'Alt+1'].map(isSingleKey)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('act by default, and once turned off "?", "1" and "=" do nothing while Alt+N still works', () => {
    const calls = { help: vi.fn(), pick: vi.fn(), last: vi.fn(), newSession: vi.fn() };
    const { getByRole } = render(<Screen {...calls} />);
    const button = getByRole('button');
    expect(singleKeyShortcutsOn()).toBe(true);
    press(button);
    expect([calls.help, calls.pick, calls.last, calls.newSession].map((f) => f.mock.calls.length)).toEqual([
      1, 1, 1, 1,
    ]);

    setSingleKeyShortcuts(false);
    press(button);
    expect([calls.help, calls.pick, calls.last, calls.newSession].map((f) => f.mock.calls.length)).toEqual([
      1, 1, 1, 2,
    ]);

    // An "=" left to the page is not swallowed: the default action stays.
    const event = new KeyboardEvent('keydown', { key: '=', code: 'Equal', bubbles: true, cancelable: true });
    button.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);

    setSingleKeyShortcuts(true);
    press(button);
    expect([calls.help, calls.pick, calls.last, calls.newSession].map((f) => f.mock.calls.length)).toEqual([
      2, 2, 2, 3,
    ]);
  });

  it('stay off after a reload, and come back on only when turned on again', () => {
    setSingleKeyShortcuts(false);
    expect(window.localStorage.getItem(SINGLE_KEY_STORAGE_KEY)).toBe('off');
    reloadSingleKeyPreference();
    expect(singleKeyShortcutsOn()).toBe(false);

    const calls = { help: vi.fn(), pick: vi.fn(), last: vi.fn(), newSession: vi.fn() };
    const { getByRole } = render(<Screen {...calls} />);
    press(getByRole('button'));
    expect([calls.help, calls.pick, calls.last, calls.newSession].map((f) => f.mock.calls.length)).toEqual([
      0, 0, 0, 1,
    ]);

    setSingleKeyShortcuts(true);
    reloadSingleKeyPreference();
    expect(singleKeyShortcutsOn()).toBe(true);
  });

  it('stay on when storage holds something else or refuses to be read', () => {
    window.localStorage.setItem(SINGLE_KEY_STORAGE_KEY, 'peut-être');
    reloadSingleKeyPreference();
    expect(singleKeyShortcutsOn()).toBe(true);

    const spy = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('refused');
    });
    reloadSingleKeyPreference();
    expect(singleKeyShortcutsOn()).toBe(true);
    spy.mockRestore();
  });
});
