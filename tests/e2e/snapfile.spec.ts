import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testHub } from './test-hub';
import { adminSession, rpc, withSite } from './helpers';
import { expect, expectAccessible, test } from './fixtures';

// A desk that cannot reach its hub exports its signed snapshot file from the Synchronisation screen; the coordinator,
// in coordinator mode of the same app (browser mode), imports it with « Importer un fichier de bureau » and sees the
// hub's receipts and the site's figures. A hub started by the test (`hub/cli.ts`, a free port, a temp data folder);
// after enrollment it is restarted on another port, so the desk's own address is dead: a desk with no network.

const hub = testHub('snapfile');
const admin = hub.admin;

test.afterAll(() => hub.dispose());

function lastMonth() {
  const d = new Date();
  const first = new Date(d.getFullYear(), d.getMonth() - 1, 1);
  return `${first.getFullYear()}-${String(first.getMonth() + 1).padStart(2, '0')}`;
}

test('a desk with no network exports its signed file; the coordinator imports it and sees the figures (fr, en)', async ({
  app,
}) => {
  // Two hub starts, a desk, coordinator mode and four axe scans: long on a loaded machine.
  test.setTimeout(150_000);
  const enrollUrl = await hub.start();
  await withSite(app);
  const month = lastMonth();
  for (let i = 0; i < 7; i++)
    await rpc(
      app,
      'journal.create',
      adminSession({
        date: `${month}-${String(2 + i).padStart(2, '0')}`,
        person: { gender: i < 6 ? 'feminin' : 'masculin', ageBracket: 'quarante_cinquante_neuf' },
      }),
    );
  const site = admin('site:create', '--name', 'France Services de Ganges', '--departement', '34');
  const { code } = admin('code:issue', '--site', site.id!);
  await rpc(app, 'sync.enroll', { hubUrl: enrollUrl, code: code! });
  await rpc(app, 'sync.configure', { graceDays: 0 });
  // The hub moves: the desk's address no longer answers (a desk with no network).
  await hub.stop();
  const hubUrl = await hub.start();

  await app.getByRole('link', { name: 'Synchronisation' }).first().click();
  const exportButton = app.getByRole('button', { name: 'Exporter un fichier (poste sans réseau)' });
  await expect(exportButton).toHaveAccessibleDescription(/Pour un poste qui n’atteint jamais le hub/);
  const [download] = await Promise.all([app.waitForEvent('download'), exportButton.click()]);
  await expect(app.getByText(/1 envoi écrit dans le fichier/)).toBeVisible();
  const filePath = (await download.path())!;
  const file = JSON.parse(readFileSync(filePath, 'utf8')) as { format: string; content: string; signature: string };
  expect(file.format).toBe('mediane-snapshots/2');
  await expectAccessible(app, 'sync export (fr)');

  const scope = admin('scope:create', '--name', 'Coordination Hérault', '--kind', 'departement', '--codes', '34');
  const coordinator = admin('coordinator:create', '--scope', scope.id!, '--name', 'Coordination Hérault');
  await app.getByRole('link', { name: 'Coordination' }).first().click();
  await app.getByLabel(/Adresse du hub/).fill(hubUrl);
  await app.getByLabel(/Clé de coordination/).fill(coordinator.credential!);
  await app.getByRole('button', { name: 'Se connecter' }).click();
  await expect(app.getByText('Coordination Hérault', { exact: true })).toBeVisible();
  // The default period: the last closed month, the one in the file.
  await expect(app.getByRole('button', { name: 'Mois', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const sites = app.getByRole('table', { name: 'Lieux du périmètre et leurs chiffres clés' });
  await expect(sites.getByRole('row', { name: /France Services de Ganges 34 0 / })).toBeVisible();

  // A file changed after export (one count): refused whole, in words.
  const tampered = join(hub.dir, 'tampered.json');
  writeFileSync(tampered, JSON.stringify({ ...file, content: file.content.replace('"sessions":7', '"sessions":70') }));
  const importButton = app.getByRole('button', { name: 'Importer un fichier de bureau' });
  let [chooser] = await Promise.all([app.waitForEvent('filechooser'), importButton.click()]);
  await chooser.setFiles(tampered);
  await expect(app.getByText(/La signature ne correspond pas : le fichier a été modifié/)).toBeVisible();
  await expect(sites.getByRole('row', { name: /France Services de Ganges 34 0 / })).toBeVisible();

  // The genuine file: stored, and the site's figures are there.
  [chooser] = await Promise.all([app.waitForEvent('filechooser'), importButton.click()]);
  await chooser.setFiles(filePath);
  await expect(
    app.getByText(/Fichier de France Services de Ganges \(34\), exporté le .*: 1 période enregistrée\./),
  ).toBeVisible();
  const receipts = app.getByRole('table', { name: 'Accusés de réception du hub pour France Services de Ganges' });
  await expect(receipts.getByRole('row', { name: `${month} 1 Enregistrée` })).toBeVisible();
  await expect(sites.getByRole('row', { name: /France Services de Ganges 34 7 7/ })).toBeVisible();
  const total = app.locator('section', { has: app.getByRole('heading', { name: /Total du périmètre/ }) });
  await expect(total.locator('[data-figure="sessions"] dd')).toHaveText('7');
  await expectAccessible(app, 'coordinator import (fr)');
  await app.screenshot({ path: '/tmp/snapfile-fr.png', fullPage: true });

  // The same file again: already had, counted once.
  [chooser] = await Promise.all([app.waitForEvent('filechooser'), importButton.click()]);
  await chooser.setFiles(filePath);
  await expect(receipts.getByRole('row', { name: `${month} 1 Déjà reçue (comptée une seule fois)` })).toBeVisible();
  await expect(total.locator('[data-figure="sessions"] dd')).toHaveText('7');

  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('heading', { level: 2, name: 'Import a desk file' })).toBeVisible();
  await expect(
    app.getByRole('table', { name: 'The hub’s receipts for France Services de Ganges' }).getByRole('row', {
      name: `${month} 1 Already received (counted once)`,
    }),
  ).toBeVisible();
  await expectAccessible(app, 'coordinator import (en)');
  await app.getByRole('link', { name: 'Synchronisation' }).first().click();
  await expect(app.getByRole('button', { name: 'Export a file (desk without network)' })).toHaveAccessibleDescription(
    /For a desk that never reaches the hub/,
  );
  await expectAccessible(app, 'sync export (en)');
});
