// @vitest-environment happy-dom
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { PASSPHRASE_MIN } from '../../../shared/transfer/schema';
import { callsOf, installFakeApi, STATUS, type FakeHandlers } from '../../test-kit';
import { FakeJobs, enabledCancel, setUpTransferTests } from './fake-jobs';
import { MoveDeskPage } from './MoveDeskPage';
import { renderWithStatus } from '../../test-kit';

const TARGET = {
  targetId: '11111111-2222-4333-8444-555555555555',
  name: 'mediane-2026-06-01.mediane',
  delivery: 'native' as const,
};
const GOOD = 'une phrase assez longue';

setUpTransferTests();

function setup(extra: FakeHandlers = {}) {
  const jobs = new FakeJobs();
  const api = installFakeApi({
    ...jobs.handlers(),
    'files.pickSave': () => TARGET,
    'transfer.export': () => jobs.start('transfer.export'),
    'storage.backupNow': () => jobs.start('storage.backupNow'),
    ...extra,
  });
  renderWithStatus(<MoveDeskPage />);
  return { api, jobs, user: userEvent.setup({ delay: null }) };
}

async function typePassphrases(user: ReturnType<typeof userEvent.setup>, first: string, second = first) {
  await user.type(await screen.findByLabelText(/^Mot de passe du fichier/), first);
  await user.type(screen.getByLabelText(/^Confirmez le mot de passe/), second);
}

describe('MoveDeskPage: export the whole desk', () => {
  it('warns that the file holds the notes and states the minimum passphrase length', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Changer d’ordinateur' })).toBeTruthy();
    expect(screen.getByText(/contient les notes/)).toBeTruthy();
    expect(screen.getByText(/ne peut pas être retrouvé/)).toBeTruthy();
    expect(screen.getByLabelText(new RegExp(`Au moins ${PASSPHRASE_MIN} caractères`))).toBeTruthy();
  });

  it('refuses a short passphrase and a different confirmation without asking where to save', async () => {
    const { api, user } = setup();
    await typePassphrases(user, 'court', 'court');
    await user.click(screen.getByRole('button', { name: /exporter/ }));
    expect(screen.getByText(`Le mot de passe doit compter au moins ${PASSPHRASE_MIN} caractères.`)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/^Mot de passe du fichier/));
    await user.clear(screen.getByLabelText(/^Mot de passe du fichier/));
    await user.type(screen.getByLabelText(/^Mot de passe du fichier/), GOOD);
    await user.click(screen.getByRole('button', { name: /exporter/ }));
    expect(screen.getByText('Les deux mots de passe ne sont pas identiques.')).toBeTruthy();
    expect(callsOf(api, 'files.pickSave')).toEqual([]);
  });

  it('asks where to save, shows the job with its progress, then the file name and size', async () => {
    const { api, jobs, user } = setup();
    await typePassphrases(user, GOOD);
    await user.click(screen.getByRole('button', { name: /exporter/ }));
    expect(callsOf(api, 'files.pickSave')).toEqual([
      { purpose: 'desk', suggestedName: expect.stringMatching(/^mediane-.*\.mediane$/) },
    ]);
    await screen.findByRole('button', { name: 'Annuler' });
    expect(callsOf(api, 'transfer.export')).toEqual([{ targetId: TARGET.targetId, passphrase: GOOD }]);
    const id = jobs.idOf('transfer.export');
    act(() => jobs.progress(id, 40, 100));
    await waitFor(() => expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(40));
    act(() => jobs.finish(id, { name: TARGET.name, bytes: 2 * 1024 * 1024, sessions: 3 }));
    expect(
      await screen.findByText(/Le bureau a été exporté dans « mediane-2026-06-01\.mediane » \(2 Mo, 3 séances\)/),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Annuler' })).toBeNull();
    expect((screen.getByLabelText(/^Mot de passe du fichier/) as HTMLInputElement).value).toBe('');
  });

  it('downloads the file in browser mode once written', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { jobs, user } = setup({ 'files.pickSave': () => ({ ...TARGET, delivery: 'download' }) });
    await typePassphrases(user, GOOD);
    await user.click(screen.getByRole('button', { name: /exporter/ }));
    await screen.findByRole('button', { name: 'Annuler' });
    expect(click).not.toHaveBeenCalled();
    act(() => jobs.finish(jobs.idOf('transfer.export'), { name: TARGET.name, bytes: 10, sessions: 0 }));
    expect(await screen.findByText(/Le téléchargement du fichier a commencé/)).toBeTruthy();
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).getAttribute('href')).toBe(`./files/${TARGET.targetId}`);
    click.mockRestore();
  });

  it('cancels the export: the job is cancelled and nothing is downloaded', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { api, jobs, user } = setup({ 'files.pickSave': () => ({ ...TARGET, delivery: 'download' }) });
    await typePassphrases(user, GOOD);
    await user.click(screen.getByRole('button', { name: /exporter/ }));
    await user.click(await enabledCancel());
    expect(await screen.findByText('Export annulé : aucun fichier n’a été écrit.')).toBeTruthy();
    expect(callsOf(api, 'jobs.cancel')).toEqual([{ id: jobs.idOf('transfer.export') }]);
    expect(click).not.toHaveBeenCalled();
    click.mockRestore();
  });

  it('says nothing was exported when the user closes the save dialog', async () => {
    const { api, user } = setup({ 'files.pickSave': () => null });
    await typePassphrases(user, GOOD);
    await user.click(screen.getByRole('button', { name: /exporter/ }));
    expect(await screen.findByText('Aucun emplacement choisi : rien n’a été exporté.')).toBeTruthy();
    expect(callsOf(api, 'transfer.export')).toEqual([]);
  });

  it('shows the core’s typed error when the export fails, focused', async () => {
    const { jobs, user } = setup();
    await typePassphrases(user, GOOD);
    await user.click(screen.getByRole('button', { name: /exporter/ }));
    await screen.findByRole('button', { name: 'Annuler' });
    act(() => jobs.fail(jobs.idOf('transfer.export'), { code: 'internal' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Le bureau n’a pas été exporté');
    expect(alert.textContent).toContain('Une erreur inattendue est survenue');
    await waitFor(() => expect(document.activeElement).toBe(alert));
  });
});

describe('MoveDeskPage: back up now', () => {
  it('shows the latest backup, runs a backup with progress and refreshes the time', async () => {
    let last: string | null = null;
    const { jobs, user } = setup({
      'app.status': () => ({ ...STATUS, storage: { ...STATUS.storage, lastBackupAt: last } }),
    });
    expect(await screen.findByText('Aucune sauvegarde pour le moment.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Sauvegarder maintenant' }));
    await screen.findByRole('button', { name: 'Annuler' });
    last = '2026-06-01T08:30:00.000Z';
    act(() => jobs.finish(jobs.idOf('storage.backupNow'), { at: last, bytes: 2048 }));
    expect(await screen.findByText('Sauvegarde terminée (2 Ko).')).toBeTruthy();
    expect(await screen.findByText(/^Dernière sauvegarde : 01\/06\/2026/)).toBeTruthy();
  });
});

describe('MoveDeskPage in English', () => {
  it('has every text translated', async () => {
    await i18next.changeLanguage('en');
    setup({ 'app.status': () => ({ ...STATUS, settings: { locale: 'en' } }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Moving to another computer' })).toBeTruthy();
    expect(screen.getByLabelText(/^File passphrase/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Back up now' })).toBeTruthy();
  });
});
