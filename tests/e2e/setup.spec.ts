import { expect, expectAccessible, test } from './fixtures';

test('first-run setup: a refused form writes nothing, then the desk is set up with only the required fields, the rest in Mon lieu', async ({
  app,
}) => {
  await expect(app.getByRole('heading', { level: 1, name: 'Bienvenue dans Médiane' })).toBeVisible();
  await expectAccessible(app, 'setup (fr)');

  // Nothing filled: refused with a translated message, nothing saved.
  await app.getByRole('button', { name: 'Enregistrer et commencer' }).click();
  const alert = app.getByRole('alert').filter({ hasText: 'Le lieu n’a pas été enregistré' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Indiquez le nom du lieu');
  await expectAccessible(app, 'setup with errors (fr)');
  await app.reload();
  await expect(app.getByRole('heading', { level: 1, name: 'Bienvenue dans Médiane' })).toBeVisible();

  await app.getByLabel('Nom du lieu').fill('France Services de Lunel');
  await app.getByRole('radio', { name: 'France Services' }).check({ force: true });
  // Commune by postcode, picked with the keyboard.
  const commune = app.getByRole('combobox', { name: /Commune/ });
  await commune.fill('34400');
  await expect(app.getByRole('option', { name: /Lunel \(34\)/ })).toBeVisible();
  // Largest commune first: Lunel is active; the arrows move, Enter picks.
  const active = app.getByRole('listbox').getByRole('option', { selected: true });
  await expect(active).toHaveText(/^Lunel \(34\)/);
  await commune.press('ArrowDown');
  await expect(active).not.toHaveText(/^Lunel \(34\)/);
  await commune.press('ArrowUp');
  await expect(active).toHaveText(/^Lunel \(34\)/);
  await commune.press('Enter');
  await expect(commune).toHaveValue('Lunel (34)');
  await expect(app.getByLabel(/Code postal/)).toHaveValue('34400');
  // First run asks only what is required: the optional fields and the national schema's boxes wait for "Mon lieu".
  await expect(app.getByRole('checkbox')).toHaveCount(0);
  await expect(app.getByLabel('Numéro SIRET')).toHaveCount(0);
  await expect(app.getByText(/se complète quand vous voulez dans « Mon lieu »/)).toBeVisible();
  await app.getByRole('button', { name: 'Enregistrer et commencer' }).click();

  await expect(app.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();
  await expect(app.getByRole('banner')).toContainText('France Services de Lunel');
  // Not operated by a State body: no State brand block.
  await expect(app.getByTestId('state-brand')).toHaveCount(0);

  // The rest, later, in "Mon lieu".
  await app.getByRole('link', { name: 'Mon lieu' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Mon lieu' })).toBeVisible();
  await app.getByLabel('Adresse').fill('12 rue de la République');
  await app.getByLabel('Numéro SIRET').fill('1234');
  await app.getByLabel('Numéro SIRET').blur();
  await expect(app.getByText('Ce numéro SIRET n’est pas valide')).toBeVisible();
  await app.getByLabel('Numéro SIRET').fill('732 829 320 00074');
  await app.getByRole('checkbox', { name: 'Aide aux démarches administratives' }).check({ force: true });
  await app.getByRole('checkbox', { name: 'France Services', exact: true }).check({ force: true });
  await app.getByLabel('Votre nom affiché').fill('Camille');
  await expectAccessible(app, 'my site, filled (fr)');
  await app.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(app.getByText('Les informations du lieu ont été enregistrées.')).toBeVisible();

  // The profile can be exported as a record of the national schema.
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Télécharger la fiche du lieu (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('lieu-mediation-numerique-34145.json');
  const record = JSON.parse(await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8'));
  expect(record).toMatchObject({
    nom: 'France Services de Lunel',
    code_insee: '34145',
    pivot: '73282932000074',
    typologie: 'RFS',
  });
});
