import { readdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { adminSession, emailSession, rpc, withSite } from './helpers';
import { expect, expectAccessible, startHost, stopHost, test, type Host } from './fixtures';

// Moving a desk to another computer, in browser mode: export on one host (a download), restore on a second host with
// a fresh data folder in its first run (an upload). The refusals change nothing: the second desk stays in first run.

const PASSPHRASE = 'Une phrase de passe à garder';
const NOTE = 'Rendez-vous pris à la CAF de Sète ; dossier complété, reçu remis à l’usager.';

type Row = { id: string };
type Journal = { rows: Row[]; total: number };

/** Everything a journal holds, session by session (notes included), in list order. */
async function wholeJournal(page: Page): Promise<{ total: number; sessions: unknown[] }> {
  const list = await rpc<Journal>(page, 'journal.list', { limit: 200 });
  const sessions = [];
  for (const row of list.rows) sessions.push(await rpc(page, 'journal.get', { id: row.id }));
  return { total: list.total, sessions };
}

async function openHost(browser: Browser, host: Host): Promise<Page> {
  const context = await browser.newContext({
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(host.launchUrl);
  return page;
}

async function openMoveDesk(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Mon lieu' }).click();
  await page.getByRole('link', { name: /Changer d’ordinateur/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Changer d’ordinateur' })).toBeVisible();
}

async function fillPassphrases(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.getByLabel(/^Mot de passe du fichier/).fill(passphrase);
  await page.getByLabel(/^Confirmez le mot de passe/).fill(passphrase);
}

async function restoreWith(page: Page, file: string, passphrase: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Choisir (le|un autre) fichier/ }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByText(/^Fichier choisi :/)).toBeVisible();
  await page.getByLabel(/^Mot de passe du fichier/).fill(passphrase);
  await page.getByRole('button', { name: 'Restaurer le bureau' }).click();
}

async function expectRefused(page: Page): Promise<void> {
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Le bureau n’a pas été restauré');
  await expect(alert).toContainText('Rien n’a été modifié sur cet ordinateur');
  expect((await rpc<{ setupDone: boolean }>(page, 'app.status', {})).setupDone).toBe(false);
  expect((await rpc<Journal>(page, 'journal.list', {})).total).toBe(0);
}

test('move a desk: export with progress, refusals on the new computer, then restore in first run', async ({
  app,
  browser,
}) => {
  test.setTimeout(120_000);
  await withSite(app);
  await rpc(app, 'journal.create', adminSession({ notes: NOTE }));
  await rpc(
    app,
    'journal.create',
    adminSession({
      operators: ['ants'],
      adminTopics: ['papiers_elections_citoyennete'],
      procedureName: 'Pré-demande de passeport',
    }),
  );
  await rpc(app, 'journal.create', emailSession({ date: '2025-03-10' }));
  const before = await wholeJournal(app);
  expect(before.total).toBe(3);

  await openMoveDesk(app);
  await expectAccessible(app, 'move desk (fr)');
  await fillPassphrases(app);
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Choisir où enregistrer et exporter' }).click();
  await expect(
    app.getByText(/Le bureau a été exporté dans « mediane-france-services-de-lunel-.*\.mediane » \(.*, 3 séances\)/),
  ).toBeVisible();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^mediane-france-services-de-lunel-\d{4}-\d{2}-\d{2}\.mediane$/);
  const work = mkdtempSync(join(tmpdir(), 'mediane-move-'));
  const exported = join(work, file.suggestedFilename());
  await file.saveAs(exported);
  await expectAccessible(app, 'move desk, exported (fr)');

  const fresh = await startHost();
  try {
    const page = await openHost(browser, fresh);
    await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue dans Médiane' })).toBeVisible();
    await page.getByRole('link', { name: 'Restaurer un lieu depuis un autre ordinateur' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Restaurer un lieu depuis un autre ordinateur' }),
    ).toBeVisible();
    await expectAccessible(page, 'restore (fr)');

    const bytes = readFileSync(exported);
    const truncated = join(work, 'tronque.mediane');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const foreign = join(work, 'etranger.mediane');
    writeFileSync(foreign, 'Ceci est un simple fichier texte, pas un bureau Médiane.\n'.repeat(50));

    await restoreWith(page, truncated, PASSPHRASE);
    await expectRefused(page);
    await expectAccessible(page, 'restore refused (fr)');
    await restoreWith(page, foreign, PASSPHRASE);
    await expectRefused(page);
    await restoreWith(page, exported, 'pas le bon mot de passe');
    await expectRefused(page);

    await restoreWith(page, exported, PASSPHRASE);
    await expect(page.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();
    expect(await wholeJournal(page)).toEqual(before);
    await expect(page.getByText('France Services de Lunel').first()).toBeVisible();
    await page.context().close();
  } finally {
    await stopHost(fresh);
    rmSync(fresh.dataDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
});

test('cancel an export midway: no file under its name in the staging folder, no download', async ({ app, host }) => {
  test.setTimeout(120_000);
  await withSite(app);
  // A desk large enough for the export to take a moment: long notes, seeded through the contract in batches.
  const note = 'Note de suivi détaillée, sans donnée personnelle. '.repeat(90);
  await app.evaluate(
    async ([session, count]) => {
      for (let start = 0; start < count; start += 50) {
        await Promise.all(
          Array.from({ length: 50 }, () =>
            fetch('./rpc/journal.create', {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-mediane-rpc': '1' },
              body: JSON.stringify(session),
            }),
          ),
        );
      }
    },
    [adminSession({ notes: note }), 4000] as const,
  );
  const downloads: string[] = [];
  app.on('download', (d) => downloads.push(d.suggestedFilename()));

  await openMoveDesk(app);
  await fillPassphrases(app);
  await app.getByRole('button', { name: 'Choisir où enregistrer et exporter' }).click();
  await app.getByRole('button', { name: 'Annuler' }).click();
  await expect(app.getByText('Export annulé : aucun fichier n’a été écrit.')).toBeVisible();

  const staging = join(host.dataDir, 'transfers');
  const left = existsSync(staging) ? readdirSync(staging) : [];
  expect(left.filter((name) => name.endsWith('.download') || name.endsWith('.part'))).toEqual([]);
  expect(downloads).toEqual([]);
});

test('the new screens pass axe in English', async ({ app, browser }) => {
  await withSite(app);
  await rpc(app, 'settings.update', { locale: 'en' });
  await app.reload();
  await app.getByRole('link', { name: 'My site' }).click();
  await app.getByRole('link', { name: /Move to another computer/ }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Moving to another computer' })).toBeVisible();
  await expectAccessible(app, 'move desk (en)');
  await app.getByRole('button', { name: 'Back up now' }).click();
  await expect(app.getByText(/^Backup finished/)).toBeVisible();
  await expect(app.getByText(/^Latest backup:/)).toBeVisible();
  await expectAccessible(app, 'move desk, backed up (en)');

  const fresh = await startHost();
  try {
    const page = await openHost(browser, fresh);
    await rpc(page, 'settings.update', { locale: 'en' });
    await page.reload();
    await page.getByRole('link', { name: 'Restore a site from another computer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Restore a site from another computer' })).toBeVisible();
    await expectAccessible(page, 'restore (en)');
    await page.context().close();
  } finally {
    await stopHost(fresh);
    rmSync(fresh.dataDir, { recursive: true, force: true });
  }
});
