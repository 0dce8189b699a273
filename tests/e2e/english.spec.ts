import { adminSession, rpc, withSite } from './helpers';
import { expect, expectAccessible, test } from './fixtures';

test('switching to English at run time; every screen passes axe in English', async ({ app }) => {
  await expectAccessible(app, 'setup (fr)');
  await withSite(app);
  const soon = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
  await rpc(app, 'journal.create', adminSession({ followUp: { dueDate: soon, reason: 'Vérifier le versement' } }));
  await app.reload();

  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Session journal' })).toBeVisible();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(app, 'journal (en)');

  await app.getByRole('link', { name: 'New session' }).first().click();
  await expect(app.getByRole('heading', { level: 1, name: 'New session' })).toBeVisible();
  // France Services: the operators come first, visible without ticking anything.
  await expect(
    app.getByRole('group', { name: /^Help with official procedures: organisations concerned/ }),
  ).toBeVisible();
  await expectAccessible(app, 'new session (en)');

  await app.getByRole('link', { name: 'Journal', exact: true }).click();
  await app.getByRole('link', { name: 'Workshop', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(app, 'new workshop (en)');
  await app.getByRole('button', { name: 'Save the session' }).click();
  await expect(app.getByRole('alert').first()).toBeVisible();
  await expectAccessible(app, 'new workshop with errors (en)');

  await app.getByRole('link', { name: 'Journal', exact: true }).click();
  await app
    .getByRole('button', { name: /^Actions for the session of/ })
    .first()
    .click();
  await expectAccessible(app, 'journal with a row menu open (en)');
  await app.getByRole('menuitem', { name: 'Edit' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Edit session' })).toBeVisible();
  await expectAccessible(app, 'edit session (en)');

  await app.getByRole('link', { name: 'Follow-ups' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Follow-ups' })).toBeVisible();
  await expectAccessible(app, 'follow-ups (en)');

  await app.getByRole('link', { name: 'My site' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'My site' })).toBeVisible();
  await expectAccessible(app, 'my site (en)');

  // The choice is kept: a reload stays in English; switching back works.
  await app.reload();
  await expect(app.getByRole('heading', { level: 1, name: 'My site' })).toBeVisible();
  await app.getByRole('button', { name: 'Français' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Mon lieu' })).toBeVisible();
  await expectAccessible(app, 'my site (fr)');
});

test('first-run setup in English passes axe', async ({ app }) => {
  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Welcome to Médiane' })).toBeVisible();
  await expectAccessible(app, 'setup (en)');
});

test('a State-operated deployment shows the State brand block', async ({ browser }) => {
  const { startHost, stopHost } = await import('./fixtures');
  const host = await startHost(undefined, { MEDIANE_STATE_OPERATED: '1' });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(host.launchUrl);
    await expect(page.getByTestId('state-brand')).toContainText('République');
    await expectAccessible(page, 'setup, State brand');
    await context.close();
  } finally {
    await stopHost(host);
  }
});
