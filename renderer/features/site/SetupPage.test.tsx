// @vitest-environment happy-dom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { NATIONAL_SERVICES } from '../../../shared/site/schema';
import { isValidSiret } from '../../../shared/site/siret';
import { goHome, resources } from '../../app/features';
import { callsOf, installFakeApi, refused, renderWithStatus, type FakeHandlers } from '../../test-kit';
import { SetupPage } from './SetupPage';
import { SERVICE_KEYS, SiteProfileForm } from './SiteProfileForm';
import { LUNEL, MARSEILLE, SAVED_SITE, setUpSiteTests, statusWith } from './test-helpers';

const VALID_SIRET = '12345678901237';
const WRONG_SIRET = '12345678901234';

setUpSiteTests('');

function setup(extra: FakeHandlers = {}) {
  let done = false;
  const calls = installFakeApi({
    'app.status': () => statusWith(done ? SAVED_SITE : null),
    'communes.search': ({ query }) =>
      [LUNEL, MARSEILLE].filter(
        (c) => c.name.toLowerCase().startsWith(query.toLowerCase()) || c.postcodes.some((p) => p.startsWith(query)),
      ),
    'site.save': () => {
      done = true;
      return SAVED_SITE;
    },
    ...extra,
  });
  const user = userEvent.setup({ delay: null });
  renderWithStatus(<SetupPage onDone={goHome} />);
  return { calls, user };
}

async function pickCommune(user: ReturnType<typeof userEvent.setup>, query: string, name: RegExp) {
  await user.type(screen.getByRole('combobox', { name: /Commune/ }), query);
  await user.click(await screen.findByRole('option', { name }));
}

describe('SetupPage', () => {
  it('shows a welcome title, says the data stays on this computer, and asks only what is required', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Bienvenue dans Médiane' })).toBeTruthy();
    expect(screen.getByText(/restent sur cet ordinateur/)).toBeTruthy();
    expect(screen.getByRole('combobox', { name: /^Commune \*/ })).toBeTruthy();
    for (const label of [/^Nom du lieu \*/, /^Code postal \*/]) expect(screen.getByLabelText(label)).toBeTruthy();
    expect(screen.getByRole('group', { name: /^Type de lieu \*/ })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Médiathèque' })).toBeTruthy();
    // The optional fields (the national schema's ≈30 boxes among them) wait for "Mon lieu", which the page says.
    for (const label of [/^Adresse/, /^Numéro SIRET/, /^Votre nom affiché/])
      expect(screen.queryByLabelText(label)).toBeNull();
    for (const legend of [/^Services proposés/, /^Dispositifs et programmes nationaux/, /^Formations et labels/]) {
      expect(screen.queryByRole('group', { name: legend })).toBeNull();
    }
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.getByText(/se complète quand vous voulez dans « Mon lieu »/)).toBeTruthy();
  });

  it('sends the required fields to site.save (the rest empty), then refreshes the status so the app opens the journal', async () => {
    window.location.hash = '#/lieu';
    const { calls, user } = setup();
    await screen.findByRole('heading', { level: 1 });

    await user.type(screen.getByLabelText(/^Nom du lieu/), 'France Services de Lunel');
    await user.click(screen.getByRole('radio', { name: 'France Services' }));
    await pickCommune(user, 'Lun', /Lunel/);
    // Lunel has a single postcode: it is chosen for the mediator.
    expect((screen.getByLabelText(/^Code postal/) as HTMLSelectElement).value).toBe('34400');
    await user.click(screen.getByRole('button', { name: 'Enregistrer et commencer' }));

    await waitFor(() => expect(callsOf(calls, 'site.save')).toHaveLength(1));
    expect(callsOf(calls, 'site.save')[0]).toEqual({
      name: 'France Services de Lunel',
      siteType: 'france_services',
      communeCode: '34145',
      postcode: '34400',
      street: '',
      siret: '',
      services: [],
      programmes: [],
      trainingLabels: [],
      mediatorName: '',
    });
    await waitFor(() => expect(callsOf(calls, 'app.status')).toHaveLength(2));
    expect(window.location.hash).toBe('#/journal');
  });

  it('the whole profile form ("Mon lieu") sends the optional fields too, in the national lists’ order', async () => {
    const calls = installFakeApi({
      'app.status': () => statusWith(null),
      'communes.search': () => [LUNEL],
      'site.save': () => SAVED_SITE,
    });
    const user = userEvent.setup({ delay: null });
    renderWithStatus(
      <SiteProfileForm site={null} commune={null} submitLabel="Enregistrer" titleLevel={2} onSaved={() => undefined} />,
    );
    await user.type(await screen.findByLabelText(/^Nom du lieu/), 'France Services de Lunel');
    await user.click(screen.getByRole('radio', { name: 'France Services' }));
    await pickCommune(user, 'Lun', /Lunel/);
    await user.type(screen.getByLabelText(/^Adresse/), '1 place des Martyrs');
    await user.type(screen.getByLabelText(/^Numéro SIRET/), VALID_SIRET);
    const services = screen.getByRole('group', { name: /^Services proposés/ });
    await user.click(within(services).getByRole('checkbox', { name: 'Maîtrise des outils numériques du quotidien' }));
    await user.click(within(services).getByRole('checkbox', { name: 'Aide aux démarches administratives' }));
    await user.click(screen.getByRole('checkbox', { name: 'France Services' }));
    await user.click(screen.getByRole('checkbox', { name: 'Formé à « Mon Espace Santé »' }));
    await user.type(screen.getByLabelText(/^Votre nom affiché/), 'Camille');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(callsOf(calls, 'site.save')).toHaveLength(1));
    expect(callsOf(calls, 'site.save')[0]).toMatchObject({
      street: '1 place des Martyrs',
      siret: VALID_SIRET,
      // In the order of the national list, whatever the order of the clicks.
      services: ['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien'],
      programmes: ['France Services'],
      trainingLabels: ['Formé à « Mon Espace Santé »'],
      mediatorName: 'Camille',
    });
  });

  it('asks for the postcode when the commune has several, and offers only that commune’s postcodes', async () => {
    const { user } = setup();
    await screen.findByRole('heading', { level: 1 });
    const postcode = screen.getByLabelText(/^Code postal/) as HTMLSelectElement;
    expect(postcode.disabled).toBe(true);
    await pickCommune(user, '130', /Marseille/);
    expect(postcode.disabled).toBe(false);
    expect(postcode.value).toBe('');
    expect([...postcode.options].filter((o) => !o.disabled).map((o) => o.value)).toEqual(['13001', '13002', '13003']);
    await user.selectOptions(postcode, '13002');
    expect(postcode.value).toBe('13002');
  });

  it('on a refused save, shows an alert saying nothing was saved with each field’s message, focuses it, and stays on setup', async () => {
    const { calls, user } = setup({
      'site.save': () =>
        refused({
          code: 'invalid_input',
          issues: [
            { path: 'name', message: 'site.nameRequired' },
            { path: 'communeCode', message: 'site.communeInvalid' },
            { path: 'siteType', message: 'invalid.invalid_value' },
          ],
        }),
    });
    await screen.findByRole('heading', { level: 1 });
    await user.click(screen.getByRole('button', { name: 'Enregistrer et commencer' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Le lieu n’a pas été enregistré');
    expect(alert.textContent).toContain('Rien n’a été enregistré');
    expect(
      within(alert).getByRole('link', { name: 'Nom du lieu : Indiquez le nom du lieu (2 caractères au moins).' }),
    ).toBeTruthy();
    expect(within(alert).getByRole('link', { name: /^Type de lieu : Choisissez une valeur/ })).toBeTruthy();
    expect(within(alert).getByRole('link', { name: /^Commune : Choisissez la commune/ })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(alert));

    // The field carries its own message, linked with aria-describedby.
    const name = screen.getByLabelText(/^Nom du lieu/);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(name.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe('Indiquez le nom du lieu (2 caractères au moins).');
    expect(name.closest('.fr-input-group')?.classList.contains('fr-input-group--error')).toBe(true);
    const firstRadio = screen.getByRole('radio', { name: 'France Services' });
    expect(document.getElementById(firstRadio.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Choisissez une valeur dans la liste.',
    );

    // The link in the summary takes the keyboard to the field.
    await user.click(within(alert).getByRole('link', { name: /^Nom du lieu/ }));
    expect(document.activeElement).toBe(name);
    expect(window.location.hash).toBe('');

    // Nothing moved on: the status was not reloaded.
    expect(callsOf(calls, 'app.status')).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1, name: 'Bienvenue dans Médiane' })).toBeTruthy();
  });

  it('checks the SIRET as it is typed, and again when the field is left (whole form)', async () => {
    installFakeApi({ 'app.status': () => statusWith(null) });
    const user = userEvent.setup({ delay: null });
    renderWithStatus(
      <SiteProfileForm site={null} commune={null} submitLabel="Enregistrer" titleLevel={2} onSaved={() => undefined} />,
    );
    await screen.findByLabelText(/^Numéro SIRET/);
    expect(isValidSiret(VALID_SIRET)).toBe(true);
    expect(isValidSiret(WRONG_SIRET)).toBe(false);
    const siret = screen.getByLabelText(/^Numéro SIRET/);
    const message = 'Ce numéro SIRET n’est pas valide (14 chiffres, clé de contrôle).';

    await user.type(siret, WRONG_SIRET);
    expect(screen.getByText(message)).toBeTruthy();
    expect(document.getElementById(siret.getAttribute('aria-describedby') ?? '')?.textContent).toBe(message);

    await user.clear(siret);
    await user.type(siret, '123 456 789 01237');
    expect(screen.queryByText(message)).toBeNull();
    expect(siret.getAttribute('aria-describedby')).toBeNull();

    // A number still being typed is left alone until the field is left.
    await user.clear(siret);
    await user.type(siret, '1234');
    expect(screen.queryByText(message)).toBeNull();
    await user.tab();
    expect(screen.getByText(message)).toBeTruthy();
    // No alert: nothing was submitted.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('switches to English labels', async () => {
    setup();
    await screen.findByRole('heading', { level: 1 });
    await act(() => i18next.changeLanguage('en'));
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Médiane' })).toBeTruthy();
    expect(screen.getByText(/stays on this computer/, { selector: 'p' })).toBeTruthy();
    expect(screen.getByLabelText(/^Site name/)).toBeTruthy();
    expect(screen.getByRole('combobox', { name: /^Town/ })).toBeTruthy();
    expect(screen.getByRole('group', { name: /^Type of site/ })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Library' })).toBeTruthy();
    expect(screen.getByText(/whenever you like in “My site”/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save and start' })).toBeTruthy();
  });

  it('the whole form in English keeps the national schema’s values in French', async () => {
    installFakeApi({ 'app.status': () => statusWith(null) });
    renderWithStatus(
      <SiteProfileForm site={null} commune={null} submitLabel="Save" titleLevel={2} onSaved={() => undefined} />,
    );
    await screen.findByLabelText(/^Nom du lieu/);
    await act(() => i18next.changeLanguage('en'));
    expect(screen.getByLabelText(/^Street address/)).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Help with administrative procedures' })).toBeTruthy();
    const programmes = screen.getByRole('group', { name: /^National programmes/ });
    expect(programmes.textContent).toContain('national schema');
    const aidants = within(programmes).getByRole('checkbox', { name: 'Aidants Connect' });
    expect(document.querySelector(`label[for="${aidants.id}"]`)?.getAttribute('lang')).toBe('fr');
    expect(screen.getByRole('checkbox', { name: 'Formé à « Mon Espace Santé »' })).toBeTruthy();
  });

  it('labels the services in French with the national schema’s exact values', () => {
    for (const service of NATIONAL_SERVICES) expect(resources.fr.site.service[SERVICE_KEYS[service]]).toBe(service);
  });
});
