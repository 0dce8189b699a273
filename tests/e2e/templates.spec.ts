import type { Page } from '@playwright/test';
import { adminSession, rpc, today, withSite } from './helpers';
import { expect, expectAccessible, test } from './fixtures';

// Templates, counted: at 1366×768, from the journal, an ordinary France Services session (administrative help, one
// operator, 30 min, finalisée) in at most three actions with a template, without scrolling, by mouse and by keyboard.

const VIEWPORT = { width: 1366, height: 768 };
const NAME = 'CAF - prime d’activité, 30 min, finalisée';

type Row = {
  id: string;
  date: string;
  durationMin: number;
  operators: string[];
  topics: string[];
  outcome: string | null;
};

async function sessions(page: Page): Promise<Row[]> {
  return (await rpc<{ rows: Row[] }>(page, 'journal.list', {})).rows;
}

const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

/** Counts each user action and checks after it that the page has not scrolled. */
function counter(page: Page) {
  let n = 0;
  return {
    async act(step: () => Promise<void>) {
      await step();
      n++;
      expect(await page.evaluate(() => window.scrollY), `no scrolling after action ${n}`).toBe(0);
    },
    get count() {
      return n;
    },
  };
}

/** A saved ordinary session, then the template made from it through its screen. */
async function templateFromSavedSession(app: Page): Promise<void> {
  await withSite(app);
  await rpc(
    app,
    'journal.create',
    adminSession({ notes: 'Mme B. rappellera', person: { ageBracket: 'soixante_dix_plus' } }),
  );
  await app.reload();
  await app
    .getByRole('button', { name: /^Actions pour la séance du/ })
    .first()
    .click();
  await app.getByRole('menuitem', { name: 'Modifier' }).click();
  await app.getByRole('button', { name: 'Enregistrer comme modèle' }).click();
  const name = app.getByLabel(/Nom du modèle/);
  await expect(name).toBeFocused();
  await name.fill(NAME);
  await expectAccessible(app, 'saved session with "save as template" open (fr)');
  await app.getByRole('button', { name: 'Créer le modèle' }).click();
  await expect(app.getByText(`Modèle « ${NAME} » créé`)).toBeVisible();
  const [template] = await rpc<Array<{ name: string; fields: Record<string, unknown> }>>(app, 'journal.templates', {});
  expect(template!.name).toBe(NAME);
  expect(JSON.stringify(template!.fields)).not.toMatch(/Mme|soixante|date/);
  await app.getByRole('link', { name: 'Journal', exact: true }).first().click();
  await expect(app.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();
}

function expectOrdinary(row: Row | undefined): void {
  expect(row).toMatchObject({
    date: today(),
    durationMin: 30,
    operators: ['caf'],
    topics: ['aide_aux_demarches_administratives'],
    outcome: 'finalisee',
  });
}

test('with a template: an ordinary session in three clicks from the journal, no scrolling', async ({ app }) => {
  await app.setViewportSize(VIEWPORT);
  await templateFromSavedSession(app);
  const before = (await sessions(app)).length;
  expect(await app.evaluate(() => window.scrollY)).toBe(0);
  const c = counter(app);

  await c.act(() => app.getByRole('link', { name: 'Nouvelle séance' }).first().click());
  await expect(app.getByRole('heading', { level: 2, name: 'Partir d’un modèle' })).toBeVisible();
  await expectAccessible(app, 'new session with the template picker (fr)');
  await c.act(() => app.getByRole('button', { name: new RegExp(NAME) }).click());
  const save = app.getByRole('button', { name: 'Enregistrer la séance' });
  await expect(save).toBeInViewport();
  await c.act(() => save.click());

  await expect(app.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();
  expect(c.count).toBeLessThanOrEqual(3);
  const after = await sessions(app);
  expect(after.length).toBe(before + 1);
  expectOrdinary(after[0]);
});

test('with a template, keyboard alone: Alt+N, 1, Ctrl+Enter', async ({ app }) => {
  await app.setViewportSize(VIEWPORT);
  await templateFromSavedSession(app);
  const before = (await sessions(app)).length;
  expect(await app.evaluate(() => window.scrollY)).toBe(0);
  const c = counter(app);

  await c.act(() => app.keyboard.press('Alt+N'));
  await expect(app.getByRole('button', { name: new RegExp(NAME) })).toBeVisible();
  await c.act(() => app.keyboard.press('1'));
  await expect(app.getByRole('button', { name: new RegExp(NAME) })).toBeFocused();
  await expect(app.getByRole('radio', { name: '30 min' })).toBeChecked();
  await expect(app.getByRole('button', { name: 'Enregistrer la séance' })).toBeInViewport();
  await c.act(() => app.keyboard.press('Control+Enter'));

  await expect(app.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();
  expect(c.count).toBeLessThanOrEqual(3);
  const after = await sessions(app);
  expect(after.length).toBe(before + 1);
  expectOrdinary(after[0]);

  // "Same as the last session" in one key, then the normal save.
  await app.keyboard.press('Alt+N');
  await expect(app.getByRole('button', { name: /Comme la dernière séance/ })).toBeVisible();
  await app.keyboard.press('=');
  await expect(app.getByRole('button', { name: /Comme la dernière séance/ })).toBeFocused();
  await app.keyboard.press('Control+Enter');
  await expect(app.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();
  expect((await sessions(app)).length).toBe(before + 2);
});

test('the templates page: rename, reorder, delete; English passes axe too', async ({ app }) => {
  await withSite(app);
  const { id } = await rpc<{ id: string }>(app, 'journal.create', adminSession());
  for (const name of ['CAF', 'CPAM']) await rpc(app, 'journal.createTemplate', { sessionId: id, name });
  await go(app, '#/modeles');
  await expect(app.getByRole('heading', { level: 1, name: 'Modèles de séance' })).toBeVisible();
  await expectAccessible(app, 'templates page (fr)');

  await app.getByLabel('Nom du modèle 1').fill('CAF - RSA');
  await app.getByRole('button', { name: 'Renommer le modèle « CAF »' }).click();
  await expect(app.getByText('Modèle renommé en « CAF - RSA ».')).toBeVisible();
  await app.getByRole('button', { name: 'Monter le modèle « CPAM »' }).click();
  await expect(app.getByText('Modèle « CPAM » déplacé en position 1.')).toBeVisible();
  expect((await rpc<Array<{ name: string }>>(app, 'journal.templates', {})).map((t) => t.name)).toEqual([
    'CPAM',
    'CAF - RSA',
  ]);
  await app.getByRole('button', { name: 'Supprimer le modèle « CPAM »' }).click();
  await expect(app.getByText(/Modèle « CPAM » supprimé/)).toBeVisible();
  expect((await rpc<Array<{ name: string }>>(app, 'journal.templates', {})).map((t) => t.name)).toEqual(['CAF - RSA']);
  expect((await sessions(app)).length).toBe(1);

  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Session templates' })).toBeVisible();
  await expectAccessible(app, 'templates page (en)');
  await go(app, '#/seance/nouvelle');
  await expect(app.getByRole('heading', { level: 2, name: 'Start from a template' })).toBeVisible();
  await expectAccessible(app, 'new session with the template picker (en)');
  await go(app, `#/seance/${id}`);
  await app.getByRole('button', { name: 'Save as template' }).click();
  await expectAccessible(app, 'saved session with "save as template" open (en)');
});
