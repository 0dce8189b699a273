// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../app/features';
import { setLocale } from '../i18n';
import { currentNotice, dismissNotice, NoticeRegion, setNoticeScreen, showNotice } from './notices';

beforeAll(() => {
  initAppI18n('fr');
});
afterEach(async () => {
  cleanup();
  dismissNotice();
  await setLocale('fr');
});

describe('notices', () => {
  it('are re-rendered in the language of the moment, parameters included', async () => {
    setNoticeScreen('journal');
    render(<NoticeRegion />);
    act(() => {
      showNotice({
        tone: 'success',
        message: {
          key: 'journal:list.notices.deleted',
          params: (lang) => ({ date: lang === 'en' ? '12/03/2026 (en)' : '12/03/2026' }),
        },
        action: { label: { key: 'journal:list.notices.undo' }, run: () => undefined },
      });
    });
    expect(screen.getByRole('status').textContent).toContain('Séance du 12/03/2026 supprimée.');
    expect(screen.getByRole('button', { name: 'Annuler la suppression' })).toBeTruthy();
    await act(async () => setLocale('en'));
    expect(screen.getByRole('status').textContent).toContain('Session of 12/03/2026 (en) deleted.');
    expect(screen.getByRole('button', { name: 'Undo the deletion' })).toBeTruthy();
  });

  it('belong to their screen: one raised for the next screen survives the move there, and goes on the move after', () => {
    setNoticeScreen('newSession');
    render(<NoticeRegion />);
    act(() => {
      showNotice({ tone: 'success', message: { key: 'journal:editor.flash.created' }, screen: 'journal' });
    });
    // Not beside the editor it was raised from.
    expect(screen.getByRole('status').textContent).toBe('');
    act(() => setNoticeScreen('journal'));
    expect(screen.getByRole('status').textContent).toContain('La séance a été enregistrée.');
    act(() => setNoticeScreen('followUps'));
    expect(screen.getByRole('status').textContent).toBe('');
    expect(currentNotice()).toBeNull();
    act(() => setNoticeScreen('journal'));
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
