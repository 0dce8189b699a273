import type { Page } from '@playwright/test';
import { rpc, withSite } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { describeBakery, group, PAGES_FR } from './diagnosis-steps';
import { printedText as pdfText } from './printed';

const BAKERY = {
  name: 'Boulangerie des Pentes',
  naf: '10.71C',
  sizeBand: '1-9',
  departement: '69',
  vatStatus: 'redevable',
  customerMix: 'mixte',
  siret: '73282932000074',
};

/** A finished diagnosis seeded through the contract (the UI path has its own test). */
async function seedDiagnosis(page: Page, mode: 'mediateur' | 'autonome', answers: Record<string, unknown>) {
  const d = await rpc<{ id: string }>(page, 'diagnostic.start', { mode });
  await rpc(page, 'diagnostic.describe', { id: d.id, business: BAKERY });
  await rpc(page, 'diagnostic.answer', { id: d.id, answers });
  await rpc(page, 'diagnostic.finish', { id: d.id });
  return d.id;
}

// Seven questionnaire pages, each scanned with axe, on a shared two-core machine: more than the default minute.
test.describe.configure({ timeout: 240_000 });

test('a full diagnosis with a mediator: every page by keyboard and mouse, the results, the PDF report, the journal entry', async ({
  app,
}) => {
  await withSite(app);
  await app.getByRole('link', { name: 'Diagnostic entreprise' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Diagnostic numérique de l’entreprise' })).toBeVisible();
  await expectAccessible(app, 'diagnostic home (fr)');
  await app.getByRole('button', { name: 'Commencer avec la personne' }).click();

  // The business: a refused description says why, field by field.
  await expect(app.getByRole('heading', { level: 2, name: /L’entreprise/ })).toBeVisible();
  await app.getByRole('button', { name: 'Enregistrer et commencer le questionnaire' }).click();
  await expect(app.getByRole('alert').first()).toContainText('Choisissez l’activité dans la liste');
  await expectAccessible(app, 'business with errors (fr)');
  await describeBakery(app, BAKERY.name);
  await app.getByLabel(/SIREN ou SIRET/).fill('732 829 320 00074');
  await expectAccessible(app, 'business (fr)');
  await app.getByRole('button', { name: 'Enregistrer et commencer le questionnaire' }).click();

  for (const [i, title] of PAGES_FR.entries()) {
    await expect(app.getByRole('heading', { level: 2, name: new RegExp(title) })).toBeVisible();
    await expect(app.getByText(`Étape ${i + 2} sur 8`)).toBeVisible();
    await expectAccessible(app, `questionnaire page ${i + 1} (fr)`);
    if (i === 0) {
      // Keyboard only: Space picks the focused choice, the arrows move to the next one and pick it.
      const first = group(app, /Ventes et relation client/).getByRole('radio', { name: 'Déjà fait' });
      await first.focus();
      await app.keyboard.press('Space');
      await app.keyboard.press('ArrowRight');
      await expect(group(app, /Ventes et relation client/).getByRole('radio', { name: 'Prévu' })).toBeChecked();
      await expect(app.getByText('Réponse enregistrée.')).toBeVisible();
      await group(app, /Vos besoins numériques sont identifiés/)
        .locator('label')
        .getByText('Oui', { exact: true })
        .click();
    }
    if (i === 1) {
      await group(app, /Une connexion internet fixe/)
        .locator('label')
        .getByText('Oui', { exact: true })
        .click();
      await group(app, /Au moins un réseau social/)
        .locator('label')
        .getByText('Oui', { exact: true })
        .click();
      await group(app, /Objets connectés/)
        .locator('label')
        .getByText('Non concerné', { exact: true })
        .click();
    }
    if (i === 3) {
      await group(app, /Une sauvegarde hors des locaux/)
        .locator('label')
        .getByText('Non', { exact: true })
        .click();
      await group(app, /La double authentification/)
        .locator('label')
        .getByText('Oui', { exact: true })
        .click();
      await group(app, /Les mises à jour automatiques/)
        .locator('label')
        .getByText('Oui', { exact: true })
        .click();
      await group(app, /Un antivirus/)
        .locator('label')
        .getByText('Oui', { exact: true })
        .click();
    }
    if (i === 4)
      await group(app, /IA générative/)
        .locator('label')
        .getByText('3 En test', { exact: true })
        .click();
    if (i === 6)
      await group(app, /Une plateforme agréée est choisie/)
        .locator('label')
        .getByText('Non', { exact: true })
        .click();
    await expect(app.getByText('Réponse enregistrée.').or(app.getByText(/Étape/)).first()).toBeVisible();
    if (i < PAGES_FR.length - 1) await app.getByRole('link', { name: 'Page suivante' }).click();
  }

  // Resumable: a reload keeps every answer given so far.
  await app.reload();
  await expect(group(app, /Une plateforme agréée est choisie/).getByRole('radio', { name: 'Non' })).toBeChecked();
  await app.getByRole('button', { name: 'Voir les résultats' }).click();

  await expect(app.getByRole('heading', { level: 1, name: 'Résultats du diagnostic' })).toBeVisible();
  await expect(app.getByText(/sur 100 · Niveau : /)).toBeVisible();
  const table = app.getByRole('table', { name: 'Score par thème, sur 100' });
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(table.getByRole('row', { name: /Données et cybersécurité/ })).toBeVisible();
  await expect(app.getByRole('img', { name: /Graphique radar des scores par thème/ })).toBeVisible();
  await expect(app.getByText('État : À risque')).toBeVisible();
  await expect(
    app.getByText('Recevoir les factures électroniques : obligatoire depuis le 1 septembre 2026.'),
  ).toBeVisible();
  await expect(app.getByText(/Émettre les factures électroniques .* 1 septembre 2027/)).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Alertes de cybersécurité' })).toBeVisible();
  const plan = app.getByRole('table', { name: 'Actions à mener, dans l’ordre' });
  await expect(plan.getByRole('row').nth(1)).toContainText('Choisir une plateforme agréée');
  // Legal deadlines first, then the cyber red flag (no tested backup) before anything else.
  const rows = await plan.getByRole('row').allInnerTexts();
  const firstNotLegal = rows.slice(1).find((r) => !/Échéance légale/.test(r));
  expect(firstNotLegal).toContain('Sauvegarder hors des locaux');
  await expect(app.getByText(/L'indice officiel ne couvre que les entreprises de 10 personnes ou plus/)).toBeVisible();
  await expect(app.getByText(/Baromètre France Num 2025/).first()).toBeVisible();
  await expectAccessible(app, 'results (fr)');

  // The report, printed through the shared print path: its text as a PDF reader sees it.
  await app.getByRole('link', { name: 'Voir et imprimer le rapport' }).click();
  await expect(app.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' })).toBeVisible();
  await expectAccessible(app, 'report (fr)');
  const text = (await pdfText(app)).replace(/\s+/g, ' ');
  for (const expected of [
    'Rapport du diagnostic numérique',
    'Entreprise : Boulangerie des Pentes',
    'Boulangerie et boulangerie-pâtisserie (NAF 10.71C)',
    'Score par thème',
    'Alertes de cybersécurité',
    'État : À risque',
    'Plan d’action',
    'Choisir une plateforme agréée pour recevoir vos factures',
    'Indice d’intensité numérique',
    'Source : Baromètre France Num 2025',
  ])
    expect(text, expected).toContain(expected);
  // A long address wraps on paper: read without the line breaks.
  expect(text.replace(/\s+/g, '')).toContain(
    'https://www.cybermalveillance.gouv.fr/tous-nos-contenus/bonnes-pratiques/sauvegardes',
  );
  expect(text).not.toContain('Page suivante');

  // The journal got one session (entrepreneuriat), without the business's name.
  const journal = await rpc<{ total: number; rows: Array<Record<string, unknown>> }>(app, 'journal.list', {});
  expect(journal.total).toBe(1);
  expect(journal.rows[0]).toMatchObject({ topics: ['entrepreneuriat'] });
  expect(JSON.stringify(journal.rows)).not.toContain('Boulangerie des Pentes');
});

test('a second diagnosis of the same business shows the progress per dimension', async ({ app }) => {
  await withSite(app);
  await seedDiagnosis(app, 'mediateur', { d4_sauvegarde: 0, d4_mises_a_jour: 0, d4_double_authentification: 0 });
  await app.evaluate(() => (window.location.hash = '#/diagnostic'));
  await app
    .getByRole('button', { name: 'Nouveau diagnostic de Boulangerie des Pentes, pour voir les progrès' })
    .click();
  // The description is copied from the earlier diagnosis.
  await expect(app.getByLabel('Nom de l’entreprise')).toHaveValue('Boulangerie des Pentes');
  await app.getByRole('button', { name: 'Enregistrer et commencer le questionnaire' }).click();
  for (let i = 0; i < 3; i++) await app.getByRole('link', { name: 'Page suivante' }).click();
  await expect(app.getByRole('heading', { level: 2, name: /Données et cybersécurité/ })).toBeVisible();
  for (const name of [/Une sauvegarde hors des locaux/, /La double authentification/, /Les mises à jour automatiques/])
    await group(app, name).locator('label').getByText('Oui', { exact: true }).click();
  await expect(app.getByText('Réponse enregistrée.')).toBeVisible();
  for (let i = 0; i < 3; i++) await app.getByRole('link', { name: 'Page suivante' }).click();
  await app.getByRole('button', { name: 'Voir les résultats' }).click();

  await expect(app.getByRole('heading', { level: 2, name: 'Progrès depuis le dernier diagnostic' })).toBeVisible();
  const progress = app.getByRole('table', { name: 'Score par thème, avant et maintenant' });
  await expect(progress.getByRole('row', { name: /Données et cybersécurité 0 100 \+100/ })).toBeVisible();
  await expect(progress.getByRole('row', { name: /Stratégie numérique/ })).toContainText('–');
  await expectAccessible(app, 'results with progress (fr)');
});

test('every questionnaire page and the results pass axe in English; alone, the results offer no way out', async ({
  app,
}) => {
  await withSite(app);
  const id = await seedDiagnosis(app, 'autonome', { d2_haut_debit: 1, d5_ia_generative: 4, fe_plateforme: 2 });
  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await app.evaluate((hash) => (window.location.hash = hash), `#/diagnostic/${id}/entreprise`);
  await expect(app.getByRole('heading', { level: 2, name: /The business/ })).toBeVisible();
  await expectAccessible(app, 'business (en)');
  const titles = [
    'Digital strategy',
    'Equipment and uses',
    'Skills',
    'Data and cybersecurity',
    'Automation',
    'Green digital',
    'E-invoicing',
  ];
  for (const [i, title] of titles.entries()) {
    await app.evaluate((hash) => (window.location.hash = hash), `#/diagnostic/${id}/questions/${i + 1}`);
    await expect(app.getByRole('heading', { level: 2, name: new RegExp(title) })).toBeVisible();
    await expect(app.getByText(`Step ${i + 2} of 8`)).toBeVisible();
    await expectAccessible(app, `questionnaire page ${i + 1} (en)`);
  }
  await app.getByRole('button', { name: 'See the results' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Diagnosis results' })).toBeVisible();
  await expect(app.getByRole('table', { name: 'Score by theme, out of 100' })).toBeVisible();
  await expect(app.getByText('State: In progress')).toBeVisible();
  await expect(app.getByRole('link', { name: 'Back to the diagnoses' })).toHaveCount(0);
  await expectAccessible(app, 'results (en)');
  // A diagnosis filled alone is not logged in the journal.
  expect((await rpc<{ total: number }>(app, 'journal.list', {})).total).toBe(0);
});
