// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActionsMenu } from './ActionsMenu';

afterEach(cleanup);

function setup() {
  const picked: string[] = [];
  const item = (key: string, label: string) => ({ key, label, onSelect: vi.fn(() => picked.push(key)) });
  render(
    <>
      <ActionsMenu
        id="row-1"
        label="Actions pour la séance du 10/03/2026, CAF"
        items={[item('edit', 'Modifier'), item('copy', 'Dupliquer'), item('delete', 'Supprimer')]}
      />
      <button type="button">ailleurs</button>
    </>,
  );
  const button = screen.getByRole('button', { name: 'Actions pour la séance du 10/03/2026, CAF' });
  const focused = () => document.activeElement?.textContent;
  return { button, picked, focused };
}

describe('ActionsMenu', () => {
  it('is a closed menu button named after what it acts on', () => {
    const { button } = setup();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it.each(['Enter', ' ', 'ArrowDown'])('opens with %j on the first item; arrows, Home and End move and wrap', (key) => {
    const { button, focused } = setup();
    button.focus();
    fireEvent.keyDown(button, { key });
    const menu = screen.getByRole('menu', { name: 'Actions pour la séance du 10/03/2026, CAF' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(menu.id);
    expect(screen.getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Modifier', 'Dupliquer', 'Supprimer']);
    expect(focused()).toBe('Modifier');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(focused()).toBe('Dupliquer');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(focused()).toBe('Supprimer');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(focused()).toBe('Modifier');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(focused()).toBe('Supprimer');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(focused()).toBe('Modifier');
  });

  it('opens on the last item with ArrowUp', () => {
    const { button, focused } = setup();
    fireEvent.keyDown(button, { key: 'ArrowUp' });
    expect(focused()).toBe('Supprimer');
  });

  it('closes with Escape and gives the focus back to its button', () => {
    const { button, picked } = setup();
    fireEvent.keyDown(button, { key: 'Enter' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
    expect(picked).toEqual([]);
  });

  it('closes with Tab, the focus going on from its button', () => {
    const { button } = setup();
    fireEvent.keyDown(button, { key: 'Enter' });
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('runs the chosen item once, closed, with the focus back on its button', () => {
    const { button, picked } = setup();
    fireEvent.click(button);
    expect(document.activeElement?.textContent).toBe('Modifier');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Dupliquer' }));
    expect(picked).toEqual(['copy']);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('closes on a click outside, and on a second click of its button', () => {
    const { button, picked } = setup();
    fireEvent.click(button);
    fireEvent.mouseDown(screen.getByRole('button', { name: 'ailleurs' }));
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.click(button);
    expect(screen.getByRole('menu')).toBeTruthy();
    fireEvent.mouseDown(button);
    fireEvent.click(button);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(picked).toEqual([]);
  });
});
