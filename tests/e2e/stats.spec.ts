import { writeFileSync } from 'node:fs';
import { adminSession, emailSession, rpc, today, withSite } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import type { Page } from '@playwright/test';

const figure = (app: Page, key: string) => app.locator(`[data-figure="${key}"] dd`);
const tableOf = (app: Page, dimension: string) => app.locator(`[data-dimension="${dimension}"] table`);
const monthStart = () => `${today().slice(0, 8)}01`;
const yearAgo = () => `${Number(today().slice(0, 4)) - 1}${today().slice(4, 8)}01`;

/** A direct count through the journal (not the statistics): sessions and people of a period. */
async function directCount(app: Page, from: string, to: string, filter: Record<string, unknown> = {}) {
  const page = await rpc<{ total: number; rows: Array<{ participants: number }> }>(app, 'journal.list', {
    filter: { from, to, ...filter },
    limit: 200,
  });
  return { sessions: page.total, people: page.rows.reduce((a, r) => a + r.participants, 0) };
}

test('the dashboard counts what was logged, for a period and filters, in French and English', async ({ app }) => {
  await withSite(app);
  // Logged through the UI: a workshop of 6 (4 women, 1 man, 1 not given) ...
  await app.getByRole('link', { name: 'Atelier', exact: true }).click();
  await app.getByRole('radio', { name: '2 h', exact: true }).check({ force: true });
  await app.getByRole('checkbox', { name: 'E-mail' }).check({ force: true });
  await app.getByLabel('Titre de l’atelier').fill('Découvrir la messagerie électronique');
  await app.getByRole('radio', { name: 'Débutant' }).check({ force: true });
  await app.getByRole('spinbutton', { name: /^Nombre de participants/ }).fill('6');
  await app.getByRole('button', { name: 'Répartition des participants' }).click();
  await app.getByLabel('Femme : nombre de participants').fill('4');
  await app.getByLabel('Homme : nombre de participants').fill('1');
  await app.getByRole('button', { name: 'Enregistrer la séance' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();
  // ... and an administrative help session for the CAF.
  await app.getByRole('link', { name: 'Nouvelle séance' }).first().click();
  await app.getByRole('checkbox', { name: 'CAF', exact: true }).check({ force: true });
  await app.getByRole('radio', { name: '45 min', exact: true }).check({ force: true });
  await app.getByRole('radio', { name: 'Démarche finalisée' }).check({ force: true });
  await app.getByRole('button', { name: 'Enregistrer la séance' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'La séance a été enregistrée.' })).toBeVisible();
  // More history, seeded: an e-mail session this month and a CAF session a year earlier (for the trend).
  await rpc(app, 'journal.create', emailSession({ date: monthStart(), durationMin: 15 }));
  await rpc(app, 'journal.create', adminSession({ date: yearAgo() }));

  await app.getByRole('link', { name: 'Statistiques' }).first().click();
  await expect(app.getByRole('heading', { level: 1, name: 'Statistiques' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Mois', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const from = await app.getByLabel('Du', { exact: true }).inputValue();
  const to = await app.getByLabel('Au', { exact: true }).inputValue();
  const direct = await directCount(app, from, to);
  expect(direct).toEqual({ sessions: 3, people: 8 });
  await expect(figure(app, 'sessions')).toHaveText(String(direct.sessions));
  await expect(figure(app, 'peopleHelped')).toHaveText(String(direct.people));
  await expect(figure(app, 'workshops')).toHaveText('1');
  await expect(figure(app, 'participants')).toHaveText('6');
  await expect(figure(app, 'minutes')).toHaveText('3 h');
  await expect(figure(app, 'adminHelpShare')).toHaveText(/33,3\s?%/);
  // Each breakdown: a chart with its text alternative, and the table beside it.
  await expect(tableOf(app, 'gender').getByRole('row', { name: /Femme 4/ })).toBeVisible();
  await expect(tableOf(app, 'gender').getByRole('row', { name: /Non communiqué 3/ })).toBeVisible();
  await expect(tableOf(app, 'operator').getByRole('row', { name: /CAF 1 33,3/ })).toBeVisible();
  await expect(app.getByRole('img', { name: /^Thématiques : E-mail 2/ })).toBeVisible();
  await expect(tableOf(app, 'trend')).toContainText('1'); // the year-earlier session
  await expectAccessible(app, 'dashboard (fr)');
  await app.screenshot({ path: '/tmp/stats-dashboard-fr.png', fullPage: true });

  // A filter: the CAF only.
  await app.getByLabel('Opérateur', { exact: true }).selectOption({ label: 'CAF' });
  const caf = await directCount(app, from, to, { operator: 'caf' });
  await expect(figure(app, 'sessions')).toHaveText(String(caf.sessions));
  await expect(figure(app, 'adminHelpShare')).toHaveText(/100\s?%/);
  // The year before, then the year: the year-earlier session appears in the previous year's figures.
  await app.getByRole('button', { name: 'Année', exact: true }).click();
  await app.getByRole('button', { name: 'Période précédente' }).click();
  const lastYear = `${Number(today().slice(0, 4)) - 1}`;
  await expect(app.getByLabel('Du', { exact: true })).toHaveValue(`${lastYear}-01-01`);
  const caf2 = await directCount(app, `${lastYear}-01-01`, `${lastYear}-12-31`, { operator: 'caf' });
  expect(caf2.sessions).toBe(1);
  await expect(figure(app, 'sessions')).toHaveText('1');
  await app.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(figure(app, 'sessions')).toHaveText('1');

  // Printable: the controls are hidden, figures and tables remain.
  await app.getByRole('button', { name: 'Période suivante' }).click();
  await app.emulateMedia({ media: 'print' });
  await expect(app.getByRole('button', { name: 'Période suivante' })).toBeHidden();
  const pdf = await app.pdf({ format: 'A4', printBackground: true });
  writeFileSync('/tmp/stats-dashboard.pdf', pdf);
  await app.emulateMedia({ media: 'screen' });

  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
  await expect(tableOf(app, 'gender').getByRole('row', { name: /Woman 4/ })).toBeVisible();
  await expectAccessible(app, 'dashboard (en)');
  await app.screenshot({ path: '/tmp/stats-dashboard-en.png', fullPage: true });
});

test('retention: off by default, explained, set up and run, logged in « Mon lieu »', async ({ app }) => {
  await withSite(app);
  await rpc(app, 'journal.create', adminSession({ date: '2023-03-10', notes: 'Rappeler pour le dossier' }));
  await app.goto(`${app.url().split('#')[0]}#/statistiques/conservation`);
  await expect(app.getByRole('heading', { level: 1, name: 'Conservation des détails des séances' })).toBeVisible();
  const toggle = app.getByRole('checkbox', { name: 'Effacer les détails des séances anciennes' });
  await expect(toggle).not.toBeChecked();
  await expectAccessible(app, 'retention (fr)');
  await toggle.check({ force: true });
  await app.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(app.getByText('Réglage enregistré.')).toBeVisible();
  await app.getByRole('button', { name: 'Effacer maintenant ce qui est dû' }).click();
  await expect(app.getByText(/Effacement terminé : 1 séances sans détails/)).toBeVisible();
  // The session keeps counting in 2023.
  const d = await rpc<{ keyFigures: { sessions: number } }>(app, 'stats.dashboard', {
    period: { unit: 'year', from: '2023-01-01', to: '2023-12-31' },
  });
  expect(d.keyFigures.sessions).toBe(1);

  await app.getByRole('link', { name: 'Mon lieu' }).first().click();
  await expect(app.getByRole('heading', { name: 'Conservation des données' })).toBeVisible();
  await expect(app.getByRole('table', { name: 'Derniers effacements' })).toContainText('1');
  await app.getByRole('button', { name: 'English' }).click();
  await app.goto(`${app.url().split('#')[0]}#/statistiques/conservation`);
  await expect(app.getByRole('heading', { level: 1, name: 'Keeping session details' })).toBeVisible();
  await expectAccessible(app, 'retention (en)');
});

test('a session that followed a guide counts in « Séances avec un guide », its table and the guide filter', async ({
  app,
}) => {
  await withSite(app);
  // Logged through the UI, then the guide followed during it recorded as guided mode does (guides.open).
  await app.getByRole('link', { name: 'Nouvelle séance' }).first().click();
  await app.getByRole('checkbox', { name: 'CAF', exact: true }).check({ force: true });
  await app.getByRole('radio', { name: '45 min', exact: true }).check({ force: true });
  await app.getByRole('radio', { name: 'Démarche finalisée' }).check({ force: true });
  await app.getByRole('button', { name: 'Enregistrer la séance' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'La séance a été enregistrée.' })).toBeVisible();
  const listed = await rpc<{ rows: Array<{ id: string }> }>(app, 'journal.list', { limit: 10 });
  await rpc(app, 'guides.open', { holder: { sessionId: listed.rows[0]!.id }, id: 'ameli-carte-vitale' });
  // Another session of the month, without a guide.
  await rpc(app, 'journal.create', emailSession({ date: today(), durationMin: 15 }));

  await app.getByRole('link', { name: 'Statistiques' }).first().click();
  await expect(figure(app, 'sessions')).toHaveText('2');
  await expect(figure(app, 'guidesUsed')).toHaveText('1');
  await expect(
    tableOf(app, 'guide').getByRole('row', { name: /Commander, remplacer ou activer sa carte Vitale 1 50/ }),
  ).toBeVisible();
  const from = await app.getByLabel('Du', { exact: true }).inputValue();
  const to = await app.getByLabel('Au', { exact: true }).inputValue();
  // The guide filter: only the session that followed it, as the journal's own filter counts.
  await app.getByLabel('Guide suivi').selectOption({ label: 'Commander, remplacer ou activer sa carte Vitale' });
  const direct = await directCount(app, from, to, { guide: 'ameli-carte-vitale' });
  expect(direct.sessions).toBe(1);
  await expect(figure(app, 'sessions')).toHaveText(String(direct.sessions));
  await expect(figure(app, 'guidesUsed')).toHaveText('1');
  await expect(tableOf(app, 'operator').getByRole('row', { name: /CAF 1 100/ })).toBeVisible();
  await expectAccessible(app, 'dashboard, guide filter (fr)');
  await app.screenshot({ path: '/tmp/statsperf-guides-fr.png', fullPage: true });
  await app.getByRole('button', { name: 'English' }).click();
  await expect(figure(app, 'guidesUsed')).toHaveText('1');
  await expect(app.getByRole('heading', { name: 'Guides used' })).toBeVisible();
  await expectAccessible(app, 'dashboard, guide filter (en)');
});
