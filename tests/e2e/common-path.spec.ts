import type { Locator, Page } from '@playwright/test';
import { adminSession, rpc, today, withSite } from './helpers';
import { expect, expectAccessible, test, type Host } from './fixtures';

// The ordinary France Services session (administrative help, one operator CAF, 30 min, finalisée) logged from the
// journal on a 1366×768 laptop, as a new user would: the test counts the actions and checks that nothing scrolls.

const LAPTOP = { width: 1366, height: 768 };

async function laptop(browser: import('@playwright/test').Browser, host: Host): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: LAPTOP });
  const page = await context.newPage();
  await page.goto(host.launchUrl);
  await withSite(page);
  return page;
}

async function expectNoScrollAndSaveVisible(page: Page) {
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const save = page.getByRole('button', { name: 'Enregistrer la séance' });
  await expect(save).toBeInViewport({ ratio: 1 });
}

/** The session the journal should now hold: exactly the ordinary one. */
async function expectOrdinarySession(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();
  const list = await rpc<{ total: number; rows: Array<Record<string, unknown>> }>(page, 'journal.list', {});
  expect(list.total).toBe(1);
  expect(list.rows[0]).toMatchObject({
    kind: 'individuel',
    date: today(),
    durationMin: 30,
    topics: ['aide_aux_demarches_administratives'],
    operators: ['caf'],
    outcome: 'finalisee',
  });
}

test('the ordinary session from the journal in at most five actions, with no scrolling', async ({ browser, host }) => {
  const page = await laptop(browser, host);
  let actions = 0;
  const act = async (control: Locator) => {
    // Playwright would scroll a control into view before clicking it: the test wants it on screen already.
    await expect(control).toBeInViewport({ ratio: 1 });
    await control.click({ force: true });
    actions++;
  };
  await act(page.getByRole('navigation').getByRole('link', { name: 'Nouvelle séance' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeVisible();
  await expectNoScrollAndSaveVisible(page);
  await expectAccessible(page, 'new session at France Services, 1366×768 (fr)');
  await act(page.getByRole('checkbox', { name: 'CAF', exact: true }));
  await act(page.getByRole('radio', { name: '30 min', exact: true }));
  await act(page.getByRole('radio', { name: 'Démarche finalisée' }));
  await expectNoScrollAndSaveVisible(page);
  await act(page.getByRole('button', { name: 'Enregistrer la séance' }));
  await expectOrdinarySession(page);
  expect(actions).toBeLessThanOrEqual(5);
  console.log(`common path, mouse: ${actions} actions, no scrolling`);
  await page.context().close();
});

test('the same with the keyboard alone: the focus order follows the common path', async ({ browser, host }) => {
  const page = await laptop(browser, host);
  let tabs = 0;
  let actions = 0;
  const tabTo = async (control: Locator, most: number) => {
    let n = 0;
    while (!(await control.evaluate((el) => el === document.activeElement))) {
      expect(n, 'Tab presses to reach the next control of the common path').toBeLessThan(most);
      await page.keyboard.press('Tab');
      n++;
    }
    tabs += n;
  };
  const key = async (name: string) => {
    await page.keyboard.press(name);
    actions++;
  };
  // The journal's page has the focus (as after any screen change): its "Nouvelle séance" link is a few Tabs away.
  const link = page.getByRole('main').getByRole('link', { name: 'Nouvelle séance' }).first();
  await tabTo(link, 6);
  await key('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeVisible();
  // From the page's title: the session kind, then the operators first.
  await tabTo(page.getByRole('checkbox', { name: 'CAF', exact: true }), 2);
  await key('Space');
  // The duration group: Tab enters on its first radio, the arrow picks the next one.
  // (past the other operators: each checkbox is a Tab stop)
  await tabTo(page.getByRole('radio', { name: '15 min', exact: true }), 12);
  await key('ArrowRight');
  await expect(page.getByRole('radio', { name: '30 min', exact: true })).toBeChecked();
  // The outcome group: Tab enters on its checked radio ("Non renseigné"), the arrow picks "Démarche finalisée".
  await tabTo(page.getByRole('radio', { name: 'Non renseigné' }), 2);
  await key('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Démarche finalisée' })).toBeChecked();
  await expectNoScrollAndSaveVisible(page);
  await key('Control+Enter');
  await expectOrdinarySession(page);
  expect(actions).toBeLessThanOrEqual(5);
  expect(tabs).toBeLessThanOrEqual(30);
  console.log(`common path, keyboard: ${actions} actions, ${tabs} Tab presses`);
  await page.context().close();
});

test('"Dupliquer" then "Annuler" leaves the journal unchanged', async ({ app }) => {
  await withSite(app);
  await rpc(app, 'journal.create', adminSession({ procedureName: 'Prime d’activité', notes: 'Dossier incomplet' }));
  await app.reload();
  const before = await rpc(app, 'journal.list', {});
  await app.getByRole('button', { name: /^Actions pour la séance du/ }).click();
  await app.getByRole('menuitem', { name: 'Dupliquer' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeVisible();
  await expect(app.getByText(/Copie de la séance du/)).toBeVisible();
  await expect(app.getByLabel('Nom de la démarche')).toHaveValue('Prime d’activité');
  await expectAccessible(app, 'duplicate (fr)');
  await app.getByRole('link', { name: 'Annuler' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();
  expect(await rpc(app, 'journal.list', {})).toEqual(before);
  await expect(app.getByTestId('journal-count')).toHaveText('1 séance');
});

test('a back-dated session’s follow-up is never in the past', async ({ app }) => {
  await withSite(app);
  const monthAgo = new Date(Date.now() - 30 * 86400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const back = `${monthAgo.getFullYear()}-${p(monthAgo.getMonth() + 1)}-${p(monthAgo.getDate())}`;
  await app.getByRole('navigation').getByRole('link', { name: 'Nouvelle séance' }).click();
  await app.getByRole('checkbox', { name: 'CAF', exact: true }).check({ force: true });
  await app.getByRole('radio', { name: '30 min', exact: true }).check({ force: true });
  await app.getByRole('button', { name: 'Date, heure et lieu' }).click();
  await app.getByLabel('Date de la séance').fill(back);
  await app.getByRole('button', { name: 'Relance' }).click();
  await app.getByRole('checkbox', { name: 'Prévoir une relance' }).check({ force: true });
  const due = await app.getByLabel('Date de relance').inputValue();
  expect(due >= today()).toBe(true);
  await app.getByLabel('Motif de la relance').fill('Vérifier le versement');
  await expectAccessible(app, 'new session, sections open (fr)');
  await app.getByRole('button', { name: 'Enregistrer la séance' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();
  const followUps = await rpc<Array<{ date: string; dueDate: string }>>(app, 'journal.followUps', {});
  expect(followUps).toHaveLength(1);
  expect(followUps[0]!.date).toBe(back);
  expect(followUps[0]!.dueDate >= today()).toBe(true);
});

test('the workshop form: title and participants first, no outcome nor follow-up; French and English pass axe', async ({
  app,
}) => {
  await withSite(app);
  await app.getByRole('link', { name: 'Atelier', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeVisible();
  await expect(app.getByRole('group', { name: /Issue de la démarche/ })).toHaveCount(0);
  await expect(app.getByRole('checkbox', { name: 'Prévoir une relance' })).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Relance' })).toHaveCount(0);
  const title = app.getByLabel('Titre de l’atelier');
  const participants = app.getByRole('spinbutton', { name: /^Nombre de participants/ });
  const duration = app.getByRole('group', { name: /^Durée/ });
  const top = async (l: Locator) => (await l.boundingBox())!.y;
  expect(await top(title)).toBeLessThan(await top(participants));
  expect(await top(participants)).toBeLessThan(await top(duration));
  await expectAccessible(app, 'new workshop (fr)');
  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'New session' })).toBeVisible();
  await app.getByRole('button', { name: 'Breakdown of participants' }).click();
  await expectAccessible(app, 'new workshop, breakdown open (en)');
  await app.getByRole('radio', { name: 'One-to-one session' }).check({ force: true });
  for (const name of [
    'Other topics and procedure details',
    'Date, time and place',
    'Equipment and autonomy',
    'Follow-up',
    'The person',
    'Notes',
  ]) {
    const section = app.getByRole('button', { name, exact: true });
    if ((await section.getAttribute('aria-expanded')) === 'false') await section.click();
  }
  await expectAccessible(app, 'new session, every section open (en)');
});
