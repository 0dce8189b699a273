// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LockStatus } from '../../../shared/lock/schema';
import { initAppI18n } from '../../app/features';
import { callsOf, installFakeApi, refused, renderWithStatus, STATUS } from '../../test-kit';
import { LockScreen } from './LockScreen';
import { LockSettingsPage } from './LockSettingsPage';

const LOCKED: LockStatus = { pinSet: true, locked: true, selfService: false, idleMinutes: 5, retryAfter: null };

beforeAll(() => {
  initAppI18n('fr');
});
beforeEach(async () => {
  await i18next.changeLanguage('fr');
});
afterEach(() => {
  cleanup();
  delete window.mediane;
});

describe('LockScreen', () => {
  it('focuses the PIN field, announces a wrong PIN and the wait, and reads the status again once unlocked', async () => {
    let attempts = 0;
    const api = installFakeApi({
      'app.status': () => ({ ...STATUS, lock: LOCKED }),
      'lock.status': () => ({ ...LOCKED, retryAfter: attempts >= 2 ? '2026-12-07T09:30:15.000Z' : null }),
      'lock.unlock': ({ pin }) => {
        if (pin === '482913') return { ...LOCKED, locked: false };
        attempts++;
        return refused({ code: 'forbidden', messageKey: attempts >= 2 ? 'lock.tooSoon' : 'lock.wrongPin' });
      },
    });
    renderWithStatus(<LockScreen />);
    const user = userEvent.setup({ delay: null });
    const field = await screen.findByLabelText(/^Code de verrouillage/);
    await waitFor(() => expect(document.activeElement).toBe(field));

    await user.type(field, '1111');
    await user.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Ce code n’est pas le bon.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect((field as HTMLInputElement).value).toBe('');

    await user.type(field, '2222{Enter}');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/^Trop de codes erronés.*Prochain essai possible à/),
    );

    const statusReads = api['app.status'].mock.calls.length;
    await user.type(field, '482913{Enter}');
    await waitFor(() => expect(api['app.status'].mock.calls.length).toBe(statusReads + 1));
    expect(callsOf(api, 'lock.unlock').map((i) => i.pin)).toEqual(['1111', '2222', '482913']);
  });
});

describe('LockSettingsPage', () => {
  it('checks the new PIN twice before sending it, with no current PIN when none is set', async () => {
    const api = installFakeApi({
      'lock.setPin': () => ({ ...LOCKED, locked: false }),
    });
    renderWithStatus(<LockSettingsPage />);
    const user = userEvent.setup({ delay: null });
    await screen.findByRole('heading', { level: 1, name: 'Verrouillage et libre-service' });
    expect(screen.queryByLabelText(/^Code actuel/)).toBeNull();
    expect(screen.getByText('Définissez d’abord un code de verrouillage.')).toBeTruthy();

    await user.type(screen.getByLabelText(/^Nouveau code/), '4829');
    await user.type(screen.getByLabelText(/^Confirmez le nouveau code/), '4828');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le code' }));
    expect(await screen.findByText('Les deux codes ne sont pas identiques.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/^Confirmez le nouveau code/));
    expect(callsOf(api, 'lock.setPin')).toEqual([]);

    await user.clear(screen.getByLabelText(/^Confirmez le nouveau code/));
    await user.type(screen.getByLabelText(/^Confirmez le nouveau code/), '4829');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le code' }));
    await waitFor(() => expect(callsOf(api, 'lock.setPin')).toEqual([{ pin: '4829' }]));
    expect(await screen.findByText('Le code est enregistré.')).toBeTruthy();
  });
});
