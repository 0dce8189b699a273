// @vitest-environment happy-dom
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { callsOf, installFakeApi, renderWithStatus, STATUS, type FakeHandlers } from '../../test-kit';
import { FakeJobs, enabledCancel, setUpTransferTests } from './fake-jobs';
import { RestorePage } from './RestorePage';

const SOURCE = { sourceId: '99999999-2222-4333-8444-555555555555', name: 'ancien-pc.mediane', bytes: 3 * 1024 * 1024 };

setUpTransferTests('#/restaurer');

function setup(extra: FakeHandlers = {}) {
  const jobs = new FakeJobs();
  let restored = false;
  const api = installFakeApi({
    ...jobs.handlers(),
    'app.status': () => ({ ...STATUS, setupDone: restored }),
    'files.pickOpen': () => SOURCE,
    'transfer.restore': () => jobs.start('transfer.restore'),
    ...extra,
  });
  renderWithStatus(<RestorePage />);
  return { api, jobs, user: userEvent.setup({ delay: null }), markRestored: () => (restored = true) };
}

async function chooseAndType(user: ReturnType<typeof userEvent.setup>, passphrase = 'une phrase assez longue') {
  await user.click(await screen.findByRole('button', { name: /Choisir le fichier/ }));
  expect(await screen.findByText('Fichier choisi : ancien-pc.mediane (3 Mo).')).toBeTruthy();
  await user.type(screen.getByLabelText(/^Mot de passe du fichier/), passphrase);
  await user.click(screen.getByRole('button', { name: 'Restaurer le bureau' }));
}

describe('RestorePage', () => {
  it('asks for the file first, then the passphrase', async () => {
    const { api, user } = setup();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Restaurer un lieu depuis un autre ordinateur' }),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Restaurer le bureau' }));
    expect(screen.getByText('Choisissez d’abord le fichier à restaurer.')).toBeTruthy();
    expect(screen.getByText('Saisissez le mot de passe du fichier.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Choisir le fichier/ }));
    expect(callsOf(api, 'transfer.restore')).toEqual([]);
  });

  it('restores with progress, then opens the journal with the restored desk', async () => {
    const { api, jobs, user, markRestored } = setup();
    await chooseAndType(user, 'mot de passe é');
    expect(callsOf(api, 'files.pickOpen')).toEqual([{ purpose: 'desk' }]);
    expect(callsOf(api, 'transfer.restore')).toEqual([{ sourceId: SOURCE.sourceId, passphrase: 'mot de passe é' }]);
    const id = jobs.idOf('transfer.restore');
    await screen.findByRole('button', { name: 'Annuler' });
    act(() => jobs.progress(id, 1, 4));
    await waitFor(() => {
      const bar = screen.getByRole('progressbar') as HTMLProgressElement;
      expect(bar.value / bar.max).toBe(0.25);
    });
    markRestored();
    const statusCalls = api['app.status'].mock.calls.length;
    act(() =>
      jobs.finish(id, { siteName: 'France Services de Lunel', sessions: 12, exportedAt: '2026-06-01T08:00:00.000Z' }),
    );
    await waitFor(() => expect(window.location.hash).toBe('#/journal'));
    await waitFor(() => expect(api['app.status'].mock.calls.length).toBeGreaterThan(statusCalls));
  });

  // The core's keys for the transfer refusals live with the core's texts; two of today's keys show the mechanism.
  for (const [error, text] of [
    [
      { code: 'invalid_input', messageKey: 'storage.newerVersion' },
      'Ces données ont été écrites par une version plus récente de Médiane.',
    ],
    [{ code: 'invalid_input' }, 'Certaines informations ne sont pas valides.'],
  ] as const) {
    it(`shows the core's message (${error.messageKey ?? error.code}), says nothing changed, and asks for the file again`, async () => {
      const { jobs, user } = setup();
      await chooseAndType(user);
      await screen.findByRole('button', { name: 'Annuler' });
      act(() => jobs.fail(jobs.idOf('transfer.restore'), error));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('Le bureau n’a pas été restauré');
      expect(alert.textContent).toContain(text);
      expect(alert.textContent).toContain('Rien n’a été modifié sur cet ordinateur');
      await waitFor(() => expect(document.activeElement).toBe(alert));
      expect(screen.getByText('Aucun fichier choisi.')).toBeTruthy();
      expect(window.location.hash).toBe('#/restaurer');
    });
  }

  it('cancels the restore and says nothing changed', async () => {
    const { api, jobs, user } = setup();
    await chooseAndType(user);
    await user.click(await enabledCancel());
    expect(await screen.findByText('Restauration annulée : rien n’a été modifié.')).toBeTruthy();
    expect(callsOf(api, 'jobs.cancel')).toEqual([{ id: jobs.idOf('transfer.restore') }]);
    expect(window.location.hash).toBe('#/restaurer');
  });

  it('keeps the form as it was when the user closes the file dialog', async () => {
    const { user } = setup({ 'files.pickOpen': () => null });
    await user.click(await screen.findByRole('button', { name: /Choisir le fichier/ }));
    expect(screen.getByText('Aucun fichier choisi.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('RestorePage in English', () => {
  it('has every text translated', async () => {
    await i18next.changeLanguage('en');
    setup({ 'app.status': () => ({ ...STATUS, setupDone: false, settings: { locale: 'en' } }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Restore a site from another computer' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Choose the file' })).toBeTruthy();
    expect(screen.getByLabelText(/^File passphrase/)).toBeTruthy();
  });
});
