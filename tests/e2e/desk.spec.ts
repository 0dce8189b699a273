import type { Page } from '@playwright/test';
import { adminSession, rpc, today, withSite } from './helpers';
import { expect, expectAccessible, test } from './fixtures';

// The desk around the journal (issue 6): the timer in the header on every screen, the keyboard shortcuts and their
// help, notices that belong to their screen and language, the journal's first screen.

const headerClock = (app: Page) => app.getByRole('banner').getByTestId('header-clock');

test('the timer shows in the header on every screen, carries a label, and turns into a session with its start time', async ({
  app,
}) => {
  await withSite(app);
  const banner = app.getByRole('banner');
  await banner.getByRole('button', { name: 'Démarrer le chronomètre' }).click();
  await expect(headerClock(app)).toBeVisible();

  await banner.getByRole('button', { name: 'Ajouter un libellé' }).click();
  const label = banner.getByLabel(/^Libellé du chronomètre/);
  await label.fill('Rappel 06 12 34 56 78');
  await expect(banner.getByText(/semble contenir une donnée personnelle/)).toBeVisible();
  await label.fill('CAF prime');
  await label.press('Enter');
  await expect(banner.getByTestId('header-timer-label')).toHaveText('CAF prime');

  for (const [link, title] of [
    ['Nouvelle séance', 'Nouvelle séance'],
    ['À relancer', 'À relancer'],
    ['Mon lieu', 'Mon lieu'],
    ['Journal', 'Journal des séances'],
  ] as const) {
    await app
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: link, exact: true })
      .click();
    await expect(app.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(headerClock(app)).toBeVisible();
    await expect(banner.getByTestId('header-timer-label')).toHaveText('CAF prime');
  }
  await expectAccessible(app, 'journal with the header timer (fr)');

  const [timer] = await rpc<Array<{ startedAt: string }>>(app, 'journal.timers', {});
  const started = await app.evaluate((iso) => {
    const d = new Date(iso);
    return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  }, timer!.startedAt);
  await banner.getByRole('button', { name: /^Terminer le chronomètre/ }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeVisible();
  await expect(app.locator('#session-start-time')).toHaveValue(started);
  await expect(app.getByText('Durée mesurée par le chronomètre')).toBeVisible();
  await app.getByRole('checkbox', { name: 'CAF', exact: true }).check({ force: true });
  await app.getByRole('button', { name: 'Enregistrer la séance' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();
  // The list shows the session's time of day; the header is back to its start button.
  await expect(app.getByRole('table', { name: /^Séances enregistrées/ })).toContainText(`à ${started}`);
  await expect(banner.getByRole('button', { name: 'Démarrer le chronomètre' })).toBeVisible();
  expect(await rpc(app, 'journal.timers', {})).toEqual([]);
});

test('keyboard alone: help with ?, shortcuts to every screen and the timer, never while typing', async ({ app }) => {
  await withSite(app);
  await app.locator('body').press('?');
  const help = app.getByRole('dialog', { name: 'Raccourcis clavier' });
  await expect(help).toBeVisible();
  for (const action of [
    'Afficher cette aide',
    'Aller au journal',
    'Nouvelle séance',
    'Aller à « À relancer »',
    'Aller à « Mon lieu »',
  ]) {
    await expect(help.getByRole('cell', { name: action, exact: true })).toBeVisible();
  }
  await expect(help.getByRole('cell', { name: /^Démarrer le chronomètre/ })).toBeVisible();
  await expectAccessible(app, 'keyboard help (fr)');
  // The focus stays in the help while it is open.
  for (let i = 0; i < 3; i++) {
    await app.keyboard.press('Tab');
    expect(await help.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await app.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await app.keyboard.press('Alt+s');
  await expect(app.getByRole('heading', { level: 1, name: 'À relancer' })).toBeVisible();
  await app.keyboard.press('Alt+l');
  await expect(app.getByRole('heading', { level: 1, name: 'Mon lieu' })).toBeVisible();
  await app.keyboard.press('Alt+n');
  await expect(app.getByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeVisible();
  // In a text field the keys are text (the start time sits in a folded section: open it first).
  const when = app.getByRole('button', { name: 'Date, heure et lieu' });
  if ((await when.getAttribute('aria-expanded')) !== 'true') await when.click();
  const field = app.locator('#session-start-time');
  await field.focus();
  await app.keyboard.press('Alt+j');
  await expect(app.getByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeVisible();
  await app.locator('body').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('Alt+j');
  await expect(app.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();

  await app.keyboard.press('Alt+t');
  await expect(headerClock(app)).toBeVisible();
  await app.keyboard.press('Alt+t');
  await expect(app.getByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeVisible();
  await expect(app.getByText('Durée mesurée par le chronomètre')).toBeVisible();
});

test('a notice never stays beside a later action’s error, stays on its screen, and switches language', async ({
  app,
}) => {
  await withSite(app);
  const a = await rpc<{ id: string }>(app, 'journal.create', adminSession({ date: '2026-03-12' }));
  await rpc(app, 'journal.create', adminSession({ date: '2026-03-10' }));
  await app.reload();
  await app.getByRole('button', { name: /^Actions pour la séance du 12\/03\/2026/ }).click();
  await app.getByRole('menuitem', { name: 'Supprimer' }).click();
  const notice = app.getByText('Séance du 12/03/2026 supprimée.');
  await expect(notice).toBeVisible();

  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByText('Session of 12/03/2026 deleted.')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Undo the deletion' })).toBeVisible();
  await expectAccessible(app, 'journal with a notice (en)');
  await app.getByRole('button', { name: 'Français' }).click();
  await expect(notice).toBeVisible();

  // The next action fails (the other session was deleted elsewhere): its error shows alone.
  const rows = await rpc<{ rows: Array<{ id: string }> }>(app, 'journal.list', {
    filter: {},
    sort: 'date_desc',
    offset: 0,
    limit: 10,
  });
  const other = rows.rows.find((r) => r.id !== a.id)!;
  await rpc(app, 'journal.delete', { id: other.id });
  await app.getByRole('button', { name: /^Actions pour la séance du 10\/03\/2026/ }).click();
  await app.getByRole('menuitem', { name: 'Supprimer' }).click();
  await expect(app.getByRole('alert')).toBeVisible();
  await expect(notice).toHaveCount(0);

  // A notice does not follow the user to another screen.
  await rpc(app, 'journal.restore', { id: other.id });
  await app.getByRole('button', { name: 'Réessayer' }).click();
  await app.getByRole('button', { name: /^Actions pour la séance du 10\/03\/2026/ }).click();
  await app.getByRole('menuitem', { name: 'Supprimer' }).click();
  await expect(app.getByText('Séance du 10/03/2026 supprimée.')).toBeVisible();
  await app.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'À relancer' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'À relancer' })).toBeVisible();
  await expect(app.getByText(/supprimée\./)).toHaveCount(0);
  await app
    .getByRole('navigation', { name: 'Menu principal' })
    .getByRole('link', { name: 'Journal', exact: true })
    .click();
  await expect(app.getByText(/supprimée\./)).toHaveCount(0);
});

test('the journal’s first screen: today’s count and time, the session just saved on top, folded filters with presets', async ({
  app,
}) => {
  await withSite(app);
  const lastMonth = new Date();
  lastMonth.setDate(1);
  lastMonth.setMonth(lastMonth.getMonth() - 1);
  const p = (n: number) => String(n).padStart(2, '0');
  await rpc(app, 'journal.create', adminSession({ startTime: '09:30', durationMin: 30 }));
  await rpc(app, 'journal.create', adminSession({ durationMin: 45 }));
  await rpc(
    app,
    'journal.create',
    adminSession({ date: `${lastMonth.getFullYear()}-${p(lastMonth.getMonth() + 1)}-15` }),
  );
  await app.reload();
  await expect(app.getByTestId('today-summary')).toHaveText('2 séances, 1 h 15');
  await expect(app.getByRole('table', { name: /^Séances enregistrées/ })).toContainText('à 09:30');
  await expect(app.getByLabel('Organisme')).toBeHidden();
  await expectAccessible(app, 'journal first screen (fr)');

  await app.getByRole('button', { name: 'Le mois dernier' }).click();
  await expect(app.getByRole('button', { name: 'Le mois dernier' })).toHaveAttribute('aria-pressed', 'true');
  await expect(app.getByTestId('journal-count')).toHaveText('1 séance');
  await app.getByRole('button', { name: 'Aujourd’hui' }).click();
  await expect(app.getByTestId('journal-count')).toHaveText('2 séances');
  await app.getByRole('button', { name: 'Tout' }).click();
  await expect(app.getByTestId('journal-count')).toHaveText('3 séances');

  await app.getByRole('link', { name: 'Nouvelle séance' }).first().click();
  await app.getByRole('radio', { name: '45 min', exact: true }).check({ force: true });
  await app.getByRole('checkbox', { name: 'CAF', exact: true }).check({ force: true });
  await app.getByRole('button', { name: 'Enregistrer la séance' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();
  await expect(app.getByText('La séance a été enregistrée.')).toBeVisible();
  await expect(app.getByTestId('just-saved')).toContainText('CAF');
  await expect(app.getByTestId('today-summary')).toHaveText(/^3 séances, /);
  expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByTestId('today-summary')).toHaveText(/^3 sessions, /);
  await expectAccessible(app, 'journal first screen (en)');
});
