import type { Page } from '@playwright/test';
import { rpc, withSite } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { describeBakery, group, PAGES_FR } from './diagnosis-steps';
import { printedText as pdfText } from './printed';

// A whole diagnosis done alone in self-service mode (issue 9's acceptance), in browser mode: the person fills the
// business and every questionnaire page, reads the results and prints the report, while every way out (leaving
// without the PIN, a typed address, a reload, a journal method over HTTP, the app's shortcuts) is refused.

const PIN = '482913';
test.describe.configure({ timeout: 300_000 });

async function rawRpc(page: Page, method: string, input: unknown): Promise<{ ok: boolean; error?: unknown }> {
  return page.evaluate(
    async ([m, body]) => {
      const res = await fetch(`./rpc/${m}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mediane-rpc': '1' },
        body: JSON.stringify(body),
      });
      return res.json();
    },
    [method, input] as const,
  );
}

const selfServiceOnly = { ok: false, error: { code: 'forbidden', messageKey: 'lock.selfServiceOnly' } };

async function enterSelfService(page: Page): Promise<void> {
  await rpc(page, 'lock.enterSelfService', {});
  await page.reload();
  await expect(page.getByRole('button', { name: /Quitter le libre-service|Leave self-service/ })).toBeVisible();
}

async function leaveSelfService(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Quitter le libre-service' }).click();
  const dialog = page.getByRole('dialog', { name: 'Quitter le mode libre-service' });
  await dialog.getByLabel(/^Code de verrouillage/).fill(PIN);
  await dialog.getByRole('button', { name: 'Quitter le libre-service' }).click();
  await expect(page.getByRole('link', { name: 'Journal' })).toBeVisible();
}

/** Every way out a visitor may try, each refused; the page stays inside the diagnosis. */
async function tryWaysOut(page: Page, here: RegExp): Promise<void> {
  for (const hash of ['#/journal', '#/lieu/verrouillage', '#/statistiques']) {
    await page.evaluate((h) => (window.location.hash = h), hash);
    await expect(page).toHaveURL(/#\/diagnostic$/);
    await page.goBack();
    await expect(page).toHaveURL(here);
  }
  expect(await rawRpc(page, 'journal.list', {})).toEqual(selfServiceOnly);
  expect(await rawRpc(page, 'journal.create', {})).toMatchObject({ ok: false });
  expect(await rawRpc(page, 'diagnostic.list', {})).toEqual(selfServiceOnly);
  expect(await rawRpc(page, 'lock.leaveSelfService', { pin: '000000' })).toMatchObject({ ok: false });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Quitter le libre-service' })).toBeVisible();
  await expect(page).toHaveURL(here);
  await page.getByRole('heading', { level: 1 }).click();
  for (const keys of ['Alt+KeyJ', 'Alt+KeyL', 'Alt+Shift+KeyL', 'Shift+Slash', 'Control+KeyK'])
    await page.keyboard.press(keys);
  await expect(page).toHaveURL(here);
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test('a full diagnosis alone in self-service mode, every way out refused, the PDF report, no journal session', async ({
  app,
}) => {
  await withSite(app);
  await rpc(app, 'lock.setPin', { pin: PIN });
  // A diagnosis from before the mode: the visitor cannot reach it.
  const earlier = await rpc<{ id: string }>(app, 'diagnostic.start', { mode: 'mediateur' });
  await enterSelfService(app);

  // The start only: no list, no delete, no way to the rest of the app.
  await expect(app).toHaveURL(/#\/diagnostic$/);
  await expect(app.getByRole('heading', { level: 1, name: 'Diagnostic numérique de l’entreprise' })).toBeVisible();
  await expect(app.getByRole('table')).toHaveCount(0);
  await expect(app.getByRole('button', { name: /Supprimer/ })).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Commencer avec la personne' })).toHaveCount(0);
  await expect(app.getByRole('link', { name: 'Journal' })).toHaveCount(0);
  await expectAccessible(app, 'self-service start (fr)');
  await tryWaysOut(app, /#\/diagnostic$/);

  await app.getByRole('button', { name: 'Commencer mon diagnostic' }).click();
  await expect(app.getByRole('heading', { level: 2, name: /L’entreprise/ })).toBeVisible();
  const id = /#\/diagnostic\/([0-9a-f-]{36})\/entreprise/.exec(app.url())![1]!;
  await describeBakery(app, 'Atelier Seul');
  await expectAccessible(app, 'self-service business (fr)');
  await app.getByRole('button', { name: 'Enregistrer et commencer le questionnaire' }).click();

  for (const [i, title] of PAGES_FR.entries()) {
    await expect(app.getByRole('heading', { level: 2, name: new RegExp(title) })).toBeVisible();
    await expect(app.getByText(`Étape ${i + 2} sur 8`)).toBeVisible();
    await expectAccessible(app, `self-service questionnaire page ${i + 1} (fr)`);
    if (i === 6)
      await group(app, /Une plateforme agréée est choisie/)
        .locator('label')
        .getByText('Non', { exact: true })
        .click();
    if (i === 3) await tryWaysOut(app, new RegExp(`#/diagnostic/${id}/questions/4$`));
    if (i < PAGES_FR.length - 1) await app.getByRole('link', { name: 'Page suivante' }).click();
  }
  await app.getByRole('button', { name: 'Voir les résultats' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Résultats du diagnostic' })).toBeVisible();
  await expect(app.getByRole('table', { name: 'Score par thème, sur 100' }).getByRole('row')).toHaveCount(7);
  await expect(app.getByRole('link', { name: 'Retour aux diagnostics' })).toHaveCount(0);
  await expectAccessible(app, 'self-service results (fr)');

  await app.getByRole('link', { name: 'Voir et imprimer le rapport' }).click();
  await expect(app.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' })).toBeVisible();
  await expectAccessible(app, 'self-service report (fr)');
  const text = (await pdfText(app)).replace(/\s+/g, ' ');
  for (const expected of [
    'Rapport du diagnostic numérique',
    'Entreprise : Atelier Seul',
    'Boulangerie et boulangerie-pâtisserie (NAF 10.71C)',
    'Score par thème',
    'Plan d’action',
    'Choisir une plateforme agréée pour recevoir vos factures',
  ])
    expect(text, expected).toContain(expected);

  // The diagnosis from before the mode is not reachable, by address or through the contract.
  expect(await rawRpc(app, 'diagnostic.get', { id: earlier.id })).toMatchObject({
    ok: false,
    error: { messageKey: 'diagnostic.notFound' },
  });

  await app.evaluate((h) => (window.location.hash = h), `#/diagnostic/${earlier.id}/resultats`);
  await expect(app.getByRole('alert')).toContainText('Ce diagnostic n’existe pas ou a été supprimé.');
  await expect(app.getByRole('heading', { level: 1, name: 'Résultats du diagnostic' })).toHaveCount(0);
  await app.evaluate((h) => (window.location.hash = h), `#/diagnostic/${id}/resultats`);
  await expect(app.getByRole('heading', { level: 1, name: 'Résultats du diagnostic' })).toBeVisible();

  await leaveSelfService(app);
  // Done alone: no journal session, even though the core was asked nothing about the mode.
  expect((await rpc<{ total: number }>(app, 'journal.list', {})).total).toBe(0);
  expect((await rpc<{ mode: string; status: string }>(app, 'diagnostic.get', { id })).mode).toBe('autonome');
});

test('the self-service diagnosis screens pass axe in English', async ({ app }) => {
  await withSite(app);
  await rpc(app, 'lock.setPin', { pin: PIN });
  await rpc(app, 'settings.update', { locale: 'en' });
  await enterSelfService(app);
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await expect(app.getByRole('heading', { level: 1, name: 'Business digital diagnosis' })).toBeVisible();
  await expectAccessible(app, 'self-service start (en)');
  await app.getByRole('button', { name: 'Start my diagnosis' }).click();
  await expect(app.getByRole('heading', { level: 2, name: /The business/ })).toBeVisible();
  await expectAccessible(app, 'self-service business (en)');
  const id = /#\/diagnostic\/([0-9a-f-]{36})\/entreprise/.exec(app.url())![1]!;
  await rpc(app, 'diagnostic.describe', {
    id,
    business: {
      name: 'Shop',
      naf: '10.71C',
      sizeBand: '1-9',
      departement: '69',
      vatStatus: 'redevable',
      customerMix: 'mixte',
    },
  });
  for (let n = 1; n <= PAGES_FR.length; n++) {
    await app.evaluate((h) => (window.location.hash = h), `#/diagnostic/${id}/questions/${n}`);
    await expect(app.getByText(`Step ${n + 1} of 8`)).toBeVisible();
    await expectAccessible(app, `self-service questionnaire page ${n} (en)`);
  }
  await app.getByRole('button', { name: 'See the results' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Diagnosis results' })).toBeVisible();
  await expectAccessible(app, 'self-service results (en)');
});
