// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initAppI18n } from '../app/features';
import { matches, reloadSingleKeyPreference, useShortcut } from '../lib/shortcuts';
import { ShortcutHelp } from './ShortcutHelp';

beforeAll(() => {
  initAppI18n('fr');
});
afterEach(cleanup);

function Screen({ onNew, onSave }: { onNew(): void; onSave(): void }) {
  const [text, setText] = useState('');
  useShortcut('Alt+N', 'journal:desk.shortcuts.newSession', onNew);
  useShortcut('Mod+Enter', 'journal:editor.actions.save', onSave, { inFields: true });
  return (
    <>
      <label htmlFor="label">Libellé</label>
      <input id="label" value={text} onChange={(e) => setText(e.target.value)} />
      <textarea aria-label="notes" />
      <button type="button">ok</button>
      <ShortcutHelp />
    </>
  );
}

describe('keyboard shortcuts', () => {
  it('fire outside text fields, and in a field only when meant for forms', () => {
    const onNew = vi.fn();
    const onSave = vi.fn();
    render(<Screen onNew={onNew} onSave={onSave} />);
    const button = screen.getByRole('button', { name: 'ok' });
    fireEvent.keyDown(button, { key: 'n', code: 'KeyN', altKey: true });
    expect(onNew).toHaveBeenCalledTimes(1);

    const field = screen.getByLabelText('Libellé');
    fireEvent.keyDown(field, { key: 'n', code: 'KeyN', altKey: true });
    fireEvent.keyDown(screen.getByLabelText('notes'), { key: 'n', code: 'KeyN', altKey: true });
    expect(onNew).toHaveBeenCalledTimes(1);
    // "?" typed in a field is a character, not the help.
    fireEvent.keyDown(field, { key: '?', code: 'Slash', shiftKey: true });
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.keyDown(field, { key: 'Enter', code: 'Enter', ctrlKey: true });
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('leave a key that a control handled itself alone', () => {
    const onNew = vi.fn();
    render(<Screen onNew={onNew} onSave={vi.fn()} />);
    const button = screen.getByRole('button', { name: 'ok' });
    button.addEventListener('keydown', (e) => e.preventDefault());
    fireEvent.keyDown(button, { key: 'n', code: 'KeyN', altKey: true });
    expect(onNew).not.toHaveBeenCalled();
  });

  it('match Alt+letter by the physical key (a Mac types another character) and never without the modifier', () => {
    expect(
      matches('Alt+N', { key: '~', code: 'KeyN', altKey: true, ctrlKey: false, metaKey: false, shiftKey: false }),
    ).toBe(true);
    expect(
      matches('Alt+N', { key: 'n', code: 'KeyN', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false }),
    ).toBe(false);
    expect(
      matches('Mod+Enter', {
        key: 'Enter',
        code: 'Enter',
        altKey: false,
        ctrlKey: false,
        metaKey: true,
        shiftKey: false,
      }),
    ).toBe(true);
    expect(
      matches('?', { key: '?', code: 'Comma', altKey: false, ctrlKey: false, metaKey: false, shiftKey: true }),
    ).toBe(true);
  });

  it('the help opens with "?", lists every shortcut of the screen, and Escape closes it', () => {
    render(<Screen onNew={vi.fn()} onSave={vi.fn()} />);
    const button = screen.getByRole('button', { name: 'ok' });
    button.focus();
    fireEvent.keyDown(button, { key: '?', code: 'Slash', shiftKey: true });
    const dialog = screen.getByRole('dialog', { name: 'Raccourcis clavier' });
    const rows = Array.from(dialog.querySelectorAll('tbody tr')).map((tr) => tr.textContent);
    expect(rows.sort()).toEqual([
      '?Afficher cette aide',
      'Alt + NNouvelle séance',
      'Ctrl + EntréeEnregistrer la séance',
    ]);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});

describe('the single-key toggle of the help', () => {
  beforeEach(() => {
    window.localStorage.clear();
    reloadSingleKeyPreference();
  });

  it('turns "?" off, marks the keys that are off, keeps the header button, and is remembered after a reload', () => {
    const onNew = vi.fn();
    const view = render(<Screen onNew={onNew} onSave={vi.fn()} />);
    const opener = screen.getByRole('button', { name: 'Raccourcis clavier' });
    expect(opener.getAttribute('aria-keyshortcuts')).toBe('?');
    fireEvent.click(opener);
    const toggle = screen.getByRole('checkbox', {
      name: 'Raccourcis d’une seule touche (?, /, 1 à 9, =)',
    }) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    expect(screen.queryByText(/désactivés : \?, \/, 1 à 9 et = n’agissent pas/)).toBeNull();

    fireEvent.click(toggle);
    expect(toggle.checked).toBe(false);
    expect(screen.getByText(/désactivés : \?, \/, 1 à 9 et = n’agissent pas/)).toBeTruthy();
    const rows = Array.from(screen.getByRole('dialog').querySelectorAll('tbody tr')).map((tr) => tr.textContent);
    expect(rows.sort()).toEqual([
      '?Afficher cette aide désactivé',
      'Alt + NNouvelle séance',
      'Ctrl + EntréeEnregistrer la séance',
    ]);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();

    const button = screen.getByRole('button', { name: 'ok' });
    fireEvent.keyDown(button, { key: '?', code: 'Comma', shiftKey: true });
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.keyDown(button, { key: 'n', code: 'KeyN', altKey: true });
    expect(onNew).toHaveBeenCalledTimes(1);
    expect(opener.getAttribute('aria-keyshortcuts')).toBeNull();

    // A reload: the app starts again from what this computer kept.
    view.unmount();
    reloadSingleKeyPreference();
    render(<Screen onNew={onNew} onSave={vi.fn()} />);
    fireEvent.keyDown(screen.getByRole('button', { name: 'ok' }), { key: '?', code: 'Comma', shiftKey: true });
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Raccourcis clavier' }));
    const again = screen.getByRole('checkbox', {
      name: 'Raccourcis d’une seule touche (?, /, 1 à 9, =)',
    }) as HTMLInputElement;
    expect(again.checked).toBe(false);
    fireEvent.click(again);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    fireEvent.keyDown(screen.getByRole('button', { name: 'ok' }), { key: '?', code: 'Comma', shiftKey: true });
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});
