import { testHub } from './test-hub';
import { adminSession, rpc, withSite } from './helpers';
import { expect, expectAccessible, test } from './fixtures';

// Coordinator mode on a hub that counts by ISO week (issue 10): the desk closes and syncs last week, and the
// coordinator's picker offers weeks, reads that week's figures, and a month of weeks. Otherwise as coordinator.spec.ts:
// a hub started by the test (`hub/cli.ts` on 127.0.0.1, a free port, a temp data folder),
// a desk in browser mode that enrolls, logs last month's sessions, closes the month and syncs it; then the hub's admin
// CLI creates a scope (the desk's département) and a coordinator, and the same app, connected in coordinator mode,
// shows the site's figures as they were synced.

const hub = testHub('coord-weeks');
const admin = hub.admin;
let hubUrl: string;

test.beforeAll(async () => {
  hubUrl = await hub.start();
});
test.afterAll(() => hub.dispose());

/** Monday of last week (local dates, as the desk's journal): a week closed today. */
function lastWeekMonday() {
  const d = new Date();
  d.setDate(d.getDate() - 7 - ((d.getDay() + 6) % 7));
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('a weekly hub: the desk syncs last week, the coordinator reads it by week and by month of weeks', async ({
  app,
}) => {
  test.setTimeout(240_000);
  admin('disclosure:set', '--granularity', 'week');
  await withSite(app);
  const monday = lastWeekMonday();
  for (let i = 0; i < 7; i++)
    await rpc(app, 'journal.create', adminSession({ date: monday, person: { gender: 'feminin' } }));
  const site = admin('site:create', '--name', 'France Services de Sète', '--departement', '34');
  const { code } = admin('code:issue', '--site', site.id!);
  await rpc(app, 'sync.enroll', { hubUrl, code: code! });
  await rpc(app, 'sync.configure', { graceDays: 0 });
  await rpc(app, 'sync.closePeriods', {});
  await app.getByRole('link', { name: 'Synchronisation' }).first().click();
  await app.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await expect(app.getByText('0 envoi en attente ou refusé.')).toBeVisible({ timeout: 20_000 });

  const scope = admin('scope:create', '--name', 'Coordination Hérault', '--kind', 'departement', '--codes', '34');
  const coordinator = admin('coordinator:create', '--scope', scope.id!, '--name', 'Coordination Hérault');
  await app.getByRole('link', { name: 'Coordination' }).first().click();
  await app.getByLabel(/Adresse du hub/).fill(hubUrl);
  await app.getByLabel(/Clé de coordination/).fill(coordinator.credential!);
  await app.getByRole('button', { name: 'Se connecter' }).click();
  await expect(app.getByText('semaine (ISO, du lundi au dimanche)')).toBeVisible();

  // The default view: the month of weeks holding last week; then last week alone.
  const total = app.locator('section', { has: app.getByRole('heading', { name: /Total du périmètre/ }) });
  await expect(total.locator('[data-figure="sessions"] dd')).toHaveText('7');
  await app.getByRole('button', { name: 'Semaine', exact: true }).click();
  await expect(app.getByRole('button', { name: 'Semaine', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const [y, m, d] = monday.split('-');
  await expect(app.getByText(new RegExp(`^Du ${d}/${m}/${y} au `))).toBeVisible();
  await expect(app.getByLabel(/De la semaine/)).toHaveValue(/^\d{4}-W\d{2}$/);
  await expect(total.locator('[data-figure="sessions"] dd')).toHaveText('7');
  const sites = app.getByRole('table', { name: 'Lieux du périmètre et leurs chiffres clés' });
  await expect(sites.getByRole('row', { name: /France Services de Sète 34 7 7/ })).toBeVisible();
  // « Suivante » stops at the last closed week: the current one is not closed.
  await expect(app.getByRole('button', { name: /Suivante/ })).toBeDisabled();
  await app.getByRole('button', { name: /Précédente/ }).click();
  await expect(total.locator('[data-figure="sessions"] dd')).toHaveText('0');
  await expectAccessible(app, 'coordinator weekly hub (fr)');
  await app.screenshot({ path: '/tmp/coordinator-weeks-fr.png' });
});
