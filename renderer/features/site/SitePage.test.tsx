// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { callsOf, installFakeApi, refused, renderWithStatus, type FakeHandlers } from '../../test-kit';
import { SitePage, STATUS_POLL_MS } from './SitePage';
import { LUNEL, SAVED_SITE, setUpSiteTests, statusWith } from './test-helpers';

setUpSiteTests('#/lieu');

function open(extra: FakeHandlers = {}) {
  let site = SAVED_SITE;
  const calls = installFakeApi({
    'app.status': () => statusWith(site),
    'communes.get': ({ code }) => (code === LUNEL.code ? LUNEL : null),
    'communes.search': () => [LUNEL],
    // The retention log the page shows (renderer/ui/RetentionLog.tsx): off, nothing erased yet.
    'stats.retention': () => ({ policy: { enabled: false, months: 12, notesMonths: null }, runs: [] }),
    'site.save': (input) => {
      site = {
        ...SAVED_SITE,
        ...input,
        siret: input.siret ?? '',
        updatedAt: '2026-06-02T09:00:00.000Z',
      } as typeof SAVED_SITE;
      return site;
    },
    ...extra,
  });
  const user = userEvent.setup({ delay: null });
  renderWithStatus(<SitePage />);
  return { calls, user };
}

describe('SitePage', () => {
  it('shows the backup and integrity state live: a backup made while the screen is open appears', async () => {
    let storage = { ...statusWith(SAVED_SITE).storage, lastBackupAt: null as string | null };
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      open({ 'app.status': () => ({ ...statusWith(SAVED_SITE), storage }) });
      expect(await screen.findByText(/^Aucune sauvegarde automatique pour l’instant/)).toBeTruthy();
      storage = { ...storage, lastBackupAt: '2026-06-02T07:30:00.000Z' };
      await act(async () => {
        await vi.advanceTimersByTimeAsync(STATUS_POLL_MS);
      });
    } finally {
      vi.useRealTimers();
    }
    expect(await screen.findByText(/^Dernière sauvegarde automatique : /)).toBeTruthy();
  });

  it('shows the saved profile, ready to edit, and the vocabulary version', async () => {
    open();
    expect(await screen.findByRole('heading', { level: 1, name: 'Mon lieu' })).toBeTruthy();
    const name = (await screen.findByLabelText(/^Nom du lieu/)) as HTMLInputElement;
    expect(name.value).toBe('France Services de Lunel');
    expect((screen.getByRole('radio', { name: 'France Services' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('combobox', { name: /^Commune/ }) as HTMLInputElement).value).toBe('Lunel (34)');
    expect((screen.getByLabelText(/^Code postal/) as HTMLSelectElement).value).toBe('34400');
    expect(
      (screen.getByRole('checkbox', { name: 'Aide aux démarches administratives' }) as HTMLInputElement).checked,
    ).toBe(true);
    const programmes = screen.getByRole('group', { name: /^Dispositifs et programmes nationaux/ });
    expect((within(programmes).getByRole('checkbox', { name: 'France Services' }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect((screen.getByLabelText(/^Votre nom affiché/) as HTMLInputElement).value).toBe('Camille');
    expect(screen.getByText('Version du référentiel des séances : coop-2026.06+mediane.1')).toBeTruthy();
  });

  it('tells when the data was last backed up and checked, or that the first check is coming', async () => {
    open({
      'app.status': () => ({
        ...statusWith(SAVED_SITE),
        storage: {
          ...statusWith(SAVED_SITE).storage,
          lastBackupAt: '2026-06-02T07:30:00.000Z',
          lastIntegrityCheckAt: null,
          integrity: 'not_run',
        },
      }),
    });
    expect(await screen.findByRole('heading', { level: 2, name: 'Données de ce poste' })).toBeTruthy();
    expect(screen.getByText(/^Dernière sauvegarde automatique : /)).toBeTruthy();
    expect(
      screen.getByText('Le premier contrôle d’intégrité des données sera fait dans quelques secondes.'),
    ).toBeTruthy();
    cleanup();
    open({
      'app.status': () => ({
        ...statusWith(SAVED_SITE),
        storage: { ...statusWith(SAVED_SITE).storage, integrity: 'failed' },
      }),
    });
    expect(await screen.findByText(/Le contrôle d’intégrité des données a échoué/)).toBeTruthy();
    expect(screen.getByText(/^Aucune sauvegarde automatique pour l’instant/)).toBeTruthy();
  });

  it('saves the edited profile, says so in a status message, and refreshes the app status', async () => {
    const { calls, user } = open();
    const street = await screen.findByLabelText(/^Adresse/);
    await user.type(street, '1 place des Martyrs');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));

    await waitFor(() => expect(callsOf(calls, 'site.save')).toHaveLength(1));
    expect(callsOf(calls, 'site.save')[0]).toEqual({
      name: 'France Services de Lunel',
      siteType: 'france_services',
      communeCode: '34145',
      postcode: '34400',
      street: '1 place des Martyrs',
      siret: '',
      services: ['Aide aux démarches administratives'],
      programmes: ['France Services'],
      trainingLabels: [],
      mediatorName: 'Camille',
    });
    const status = await screen.findByText('Les informations du lieu ont été enregistrées.');
    expect(status.closest('[role="status"]')).toBeTruthy();
    await waitFor(() => expect(callsOf(calls, 'app.status')).toHaveLength(2));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the refusal of an edit without any success message', async () => {
    const { user } = open({
      'site.save': () =>
        refused({ code: 'invalid_input', issues: [{ path: 'postcode', message: 'site.postcodeNotInCommune' }] }),
    });
    await screen.findByLabelText(/^Nom du lieu/);
    await user.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByRole('link', { name: 'Code postal : Ce code postal ne correspond pas à la commune.' }),
    ).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(screen.queryByText('Les informations du lieu ont été enregistrées.')).toBeNull();
  });

  it('downloads the national record as a JSON file named by the core', async () => {
    const record = {
      id: SAVED_SITE.id,
      nom: 'France Services de Lunel',
      code_postal: '34400',
      services: 'Aide aux démarches administratives',
    };
    const { calls, user } = open({
      'site.exportNationalRecord': () => ({ fileName: 'lieu-mediation-numerique-34145.json', record }),
    });
    let blob: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b: Blob | MediaSource) => {
      blob = b as Blob;
      return 'blob:mediane/1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const open_ = vi.spyOn(window, 'open');

    await user.click(await screen.findByRole('button', { name: 'Télécharger la fiche du lieu (JSON)' }));

    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(callsOf(calls, 'site.exportNationalRecord')).toEqual([{}]);
    expect(clicked[0]!.download).toBe('lieu-mediation-numerique-34145.json');
    expect(clicked[0]!.getAttribute('href')).toBe('blob:mediane/1');
    expect(clicked[0]!.isConnected).toBe(false);
    expect(JSON.parse(await blob!.text())).toEqual(record);
    expect(blob!.type).toBe('application/json');
    expect(open_).not.toHaveBeenCalled();
    const done = await screen.findByText('Fiche téléchargée : lieu-mediation-numerique-34145.json');
    expect(done.closest('[role="status"]')).toBeTruthy();
  });

  it('explains why the export was refused, field by field, and focuses the explanation', async () => {
    const { user } = open({
      'site.exportNationalRecord': () =>
        refused({
          code: 'invalid_input',
          messageKey: 'site.exportIncomplete',
          issues: [
            { path: 'street', message: 'site.exportNeedsStreet' },
            { path: 'services', message: 'site.exportNeedsServices' },
          ],
        }),
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
    await user.click(await screen.findByRole('button', { name: 'Télécharger la fiche du lieu (JSON)' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('La fiche du lieu n’a pas été exportée');
    expect(alert.textContent).toContain('La fiche du lieu est incomplète pour le schéma national.');
    expect(
      within(alert).getByRole('link', { name: 'Adresse : Indiquez l’adresse du lieu pour l’exporter.' }),
    ).toBeTruthy();
    expect(
      within(alert).getByRole('link', {
        name: 'Services proposés : Choisissez au moins un service proposé pour exporter le lieu.',
      }),
    ).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(click).not.toHaveBeenCalled();

    await user.click(within(alert).getByRole('link', { name: /^Adresse/ }));
    expect(document.activeElement).toBe(screen.getByLabelText(/^Adresse/));
    expect(window.location.hash).toBe('#/lieu');
  });

  it('is complete in English', async () => {
    open();
    await screen.findByLabelText(/^Nom du lieu/);
    await act(() => i18next.changeLanguage('en'));
    expect(screen.getByRole('heading', { level: 1, name: 'My site' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Export to the national schema' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download the site record (JSON)' })).toBeTruthy();
    expect(screen.getByText('Version of the session vocabulary: coop-2026.06+mediane.1')).toBeTruthy();
  });
});
