import { adminSession, emailSession, rpc, today, withSite } from './helpers';
import { expect, expectAccessible, test } from './fixtures';

test('start and stop a live session, then log it with the measured duration', async ({ app }) => {
  await withSite(app);
  await app.getByRole('button', { name: 'Démarrer une séance' }).click();
  const finish = app.getByRole('button', { name: /Terminer et enregistrer/ });
  await expect(finish).toBeVisible();
  await expect(app.getByText(/Durée écoulée/)).toBeVisible();
  await expectAccessible(app, 'journal with a running timer');
  await finish.click();

  await expect(app.getByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeVisible();
  await expect(app.getByText('Durée mesurée par le chronomètre')).toBeVisible();
  // France Services: the digital topics are in the folded "other topics" section.
  await app.getByRole('button', { name: 'Autres thématiques et détail de la démarche' }).click();
  await app.getByRole('checkbox', { name: 'E-mail' }).check({ force: true });
  await app.getByRole('button', { name: 'Enregistrer la séance' }).click();

  await expect(app.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();
  await expect(app.getByRole('table')).toContainText('E-mail');
  await expect(app.getByRole('table')).toContainText('1 min');
  // The timer was closed in the same transaction as the save.
  await expect(app.getByRole('button', { name: /Terminer et enregistrer/ })).toHaveCount(0);
  expect(await rpc(app, 'journal.timers', {})).toEqual([]);
});

test('a detailed administrative help session, with the keyboard only', async ({ app }) => {
  await withSite(app);
  // Keyboard only: focus moves with Tab from the page start to the link, then Space/typing/Ctrl+Enter.
  const quick = app.getByRole('link', { name: 'Nouvelle séance' }).first();
  for (let i = 0; i < 30 && !(await quick.evaluate((el) => el === document.activeElement)); i++)
    await app.keyboard.press('Tab');
  await expect(quick).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeVisible();
  await expectAccessible(app, 'new session (fr)');

  const press = async (name: string, role: 'radio' | 'checkbox') => {
    const control = app.getByRole(role, { name, exact: true });
    await control.focus();
    await control.press('Space');
    await expect(control).toBeChecked();
  };
  const open = async (name: string) => {
    const section = app.getByRole('button', { name });
    await section.focus();
    await section.press('Enter');
    await expect(section).toHaveAttribute('aria-expanded', 'true');
  };
  await press('CAF', 'checkbox');
  await press('45 min', 'radio');
  await press('Démarche finalisée', 'radio');
  // Ticking an operator ticked administrative help; its details are in a folded section.
  await open('Autres thématiques et détail de la démarche');
  await expect(app.getByRole('checkbox', { name: 'Aide aux démarches administratives', exact: true })).toBeChecked();
  await press('Social - Santé', 'checkbox');
  await app.getByLabel('Nom de la démarche').focus();
  await app.keyboard.type('Demande de prime d’activité');
  await open('Matériel et autonomie');
  await press('Autonome avec guidage en cas de besoin (2/3)', 'radio');
  await open('La personne');
  await app.getByLabel('Tranche d’âge').focus();
  await app.getByLabel('Tranche d’âge').selectOption({ label: '25 - 39 ans' });
  await expectAccessible(app, 'new session filled (fr)');
  // Ctrl+Enter saves from any field.
  await app.getByLabel('Nom de la démarche').press('Control+Enter');

  await expect(app.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: 'La séance a été enregistrée.' })).toBeVisible();
  const table = app.getByRole('table');
  await expect(table).toContainText('Demande de prime d’activité');
  await expect(table).toContainText('45 min');
  await expect(table).toContainText('CAF');
  await expect(table).toContainText('Démarche finalisée');
});

test('workshop entry with participant counts', async ({ app }) => {
  await withSite(app);
  await app.getByRole('link', { name: 'Atelier', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeVisible();
  await app.getByRole('radio', { name: '2 h', exact: true }).check({ force: true });
  await app.getByRole('checkbox', { name: 'E-mail' }).check({ force: true });
  await app.getByLabel('Titre de l’atelier').fill('Découvrir la messagerie électronique');
  await app.getByRole('radio', { name: 'Débutant' }).check({ force: true });
  await app.getByRole('spinbutton', { name: /^Nombre de participants/ }).fill('6');
  await app.getByRole('button', { name: 'Répartition des participants' }).click();
  await app.getByLabel('Femme : nombre de participants').fill('4');
  await app.getByLabel('Homme : nombre de participants').fill('1');
  await expectAccessible(app, 'new workshop (fr)');
  await app.getByRole('button', { name: 'Enregistrer la séance' }).click();

  await expect(app.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();
  await expect(app.getByRole('table')).toContainText('Découvrir la messagerie électronique');
  await expect(app.getByRole('table')).toContainText('6 participants');
});

test('an invalid entry is refused with a message and nothing is written', async ({ app }) => {
  await withSite(app);
  await app.getByRole('link', { name: 'Nouvelle séance' }).first().click();
  await app.getByRole('radio', { name: 'Autre durée' }).check({ force: true });
  await app.getByLabel('Durée en minutes').fill('2000');
  await app.getByRole('button', { name: 'Enregistrer la séance' }).click();
  const alert = app.getByRole('alert').filter({ hasText: 'La séance n’a pas été enregistrée' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Choisissez au moins une thématique');
  await expectAccessible(app, 'new session with errors (fr)');
  // The core refuses it too, whatever the form checks.
  const refused = await app.evaluate(async () => {
    const res = await fetch('./rpc/journal.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mediane-rpc': '1' },
      body: JSON.stringify({
        kind: 'individuel',
        date: '2026-02-30',
        durationMin: 2000,
        channel: 'lieu_activite',
        topics: [],
      }),
    });
    return res.json();
  });
  expect(refused.ok).toBe(false);
  expect(refused.error.code).toBe('invalid_input');
  const page = await rpc<{ total: number }>(app, 'journal.list', {});
  expect(page.total).toBe(0);
});

test('a note with a phone number triggers the personal-data warning and can be masked', async ({ app }) => {
  await withSite(app);
  await app.getByRole('link', { name: 'Nouvelle séance' }).first().click();
  await app.getByRole('button', { name: 'Notes' }).click();
  await app.getByLabel('Note').fill('Rappeler Mme au 06 12 34 56 78 pour le suivi');
  await expect(app.getByText('Données personnelles repérées')).toBeVisible();
  await expect(app.getByText(/un numéro de téléphone/)).toBeVisible();
  await expectAccessible(app, 'note warning (fr)');
  await app.getByRole('button', { name: 'Masquer ces données' }).click();
  await expect(app.getByLabel('Note')).toHaveValue('Rappeler Mme au [téléphone masqué] pour le suivi');
  await expect(app.getByText('Données personnelles repérées')).toHaveCount(0);
});

test('edit, duplicate, delete and undo', async ({ app }) => {
  await withSite(app);
  await rpc(app, 'journal.create', adminSession({ procedureName: 'Déclaration trimestrielle RSA' }));
  await app.reload();
  const table = app.getByRole('table');
  await expect(table).toContainText('Déclaration trimestrielle RSA');

  // Edit
  // One compact menu per row: opened from the keyboard, it moves with the arrows and Escape gives the focus back.
  const menuButton = app.getByRole('button', { name: /^Actions pour la séance du \d\d\/\d\d\/\d{4}, CAF$/ });
  await menuButton.focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('menuitem', { name: 'Modifier' })).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(app.getByRole('menuitem', { name: 'Dupliquer' })).toBeFocused();
  await expectAccessible(app, 'journal with a row menu open (fr)');
  await app.keyboard.press('Escape');
  await expect(app.getByRole('menu')).toHaveCount(0);
  await expect(menuButton).toBeFocused();
  await menuButton.click();
  await app.getByRole('menuitem', { name: 'Modifier' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Modifier la séance' })).toBeVisible();
  await expectAccessible(app, 'edit session (fr)');
  await app.getByLabel('Nom de la démarche').fill('Déclaration trimestrielle RSA (corrigée)');
  await app.getByRole('button', { name: 'Enregistrer la séance' }).click();
  await expect(table).toContainText('Déclaration trimestrielle RSA (corrigée)');

  // Duplicate: opens a new session prefilled from it; saving it gives two rows.
  await app.getByRole('button', { name: /^Actions pour la séance du/ }).click();
  await app.getByRole('menuitem', { name: 'Dupliquer' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeVisible();
  await expect(app.getByLabel('Nom de la démarche')).toHaveValue('Déclaration trimestrielle RSA (corrigée)');
  await app.getByRole('button', { name: 'Enregistrer la séance' }).click();
  await expect(app.getByRole('status').filter({ hasText: /2 séances/ })).toBeVisible();

  // Delete, then undo.
  await app
    .getByRole('button', { name: /^Actions pour la séance du/ })
    .first()
    .click();
  await app.getByRole('menuitem', { name: 'Supprimer' }).click();
  await expect(app.getByText(/supprimée/)).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: /^1 séance$/ })).toBeVisible();
  await app.getByRole('button', { name: 'Annuler la suppression' }).click();
  await expect(app.getByText(/restaurée/)).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: /2 séances/ })).toBeVisible();
});

test('filters narrow the journal', async ({ app }) => {
  await withSite(app);
  await rpc(app, 'journal.create', adminSession({ operators: ['caf'], procedureName: 'Prime d’activité' }));
  await rpc(
    app,
    'journal.create',
    adminSession({
      operators: ['ants'],
      adminTopics: ['papiers_elections_citoyennete'],
      procedureName: 'Pré-demande de passeport',
      outcome: 'doit_revenir',
    }),
  );
  await rpc(app, 'journal.create', emailSession({ date: '2025-03-10' }));
  await app.reload();
  await expect(app.getByRole('status').filter({ hasText: '3 séances' })).toBeVisible();
  await expectAccessible(app, 'journal list (fr)');

  // Filters other than the period presets are folded until asked for.
  await expect(app.getByLabel('Organisme')).toBeHidden();
  await app.getByRole('button', { name: 'Plus de filtres' }).click();
  await app.getByLabel('Organisme').selectOption({ label: 'France Titres (ANTS)' });
  await expect(app.getByRole('status').filter({ hasText: /^1 séance$/ })).toBeVisible();
  await expect(app.getByRole('table')).toContainText('Pré-demande de passeport');
  await expect(app.getByRole('table')).not.toContainText('Prime d’activité');

  await app.getByRole('button', { name: 'Effacer les filtres' }).click();
  await app.getByLabel('Issue de la démarche').selectOption({ label: 'Démarche finalisée' });
  await expect(app.getByRole('status').filter({ hasText: /^1 séance$/ })).toBeVisible();
  await expect(app.getByRole('table')).toContainText('Prime d’activité');

  await app.getByRole('button', { name: 'Effacer les filtres' }).click();
  await app.getByLabel('Du').fill(`${today().slice(0, 4)}-01-01`);
  await expect(app.getByRole('status').filter({ hasText: '2 séances' })).toBeVisible();
});

test('the follow-up view lists open follow-ups by due date and marks them done', async ({ app }) => {
  await withSite(app);
  const soon = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
  const later = new Date(Date.now() + 20 * 86400_000).toISOString().slice(0, 10);
  await rpc(app, 'journal.create', adminSession({ followUp: { dueDate: later, reason: 'Vérifier le versement' } }));
  await rpc(
    app,
    'journal.create',
    adminSession({ followUp: { dueDate: soon, reason: 'Apporter l’avis d’imposition' } }),
  );
  await app.getByRole('link', { name: 'À relancer' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'À relancer' })).toBeVisible();
  await expectAccessible(app, 'follow-ups (fr)');
  const done = app.getByRole('button', { name: /Marquer comme traitée/ });
  await expect(done).toHaveCount(2);
  // Ordered by due date: the nearer one first.
  await expect(done.first()).toHaveAccessibleName(/Apporter l’avis d’imposition/);
  await app.getByRole('button', { name: /Marquer comme traitée : Apporter/ }).click();
  await expect(done).toHaveCount(1);
  await expect(done.first()).toHaveAccessibleName(/Vérifier le versement/);
});
