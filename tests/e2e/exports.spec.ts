import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { SESSION_COLUMNS } from '../../shared/exports/national-labels';
import { writeNationalCsv } from '../fixtures/national-export';
import { adminSession, emailSession, rpc, withSite } from './helpers';
import { expect, expectAccessible, test } from './fixtures';

// The « Exporter » screen: CSV, XLSX and ODS downloaded and read back by an independent reader; the « Importer depuis
// l'outil national » screen: a national-tool file previewed, imported, then seen in the journal. axe in French and
// English on both.

function rowsOf(path: string): string[][] {
  const book = XLSX.read(readFileSync(path), { type: 'buffer', raw: false });
  return XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, raw: false, defval: '' });
}

test('export the month’s sessions as CSV, XLSX and ODS, read them back', async ({ app }) => {
  test.setTimeout(120_000);
  await withSite(app);
  await rpc(app, 'journal.create', adminSession({ procedureName: 'Déclaration trimestrielle « RSA »' }));
  await rpc(app, 'journal.create', emailSession());
  await app.getByRole('link', { name: 'Exports' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Exporter' })).toBeVisible();
  await expectAccessible(app, 'export (fr)');

  const work = mkdtempSync(join(tmpdir(), 'mediane-e2e-exports-'));
  try {
    for (const [format, label] of [
      ['csv', /^CSV/],
      ['xlsx', /^Excel/],
      ['ods', /^OpenDocument/],
    ] as const) {
      await app.getByRole('radio', { name: label }).check({ force: true });
      const download = app.waitForEvent('download');
      await app.getByRole('button', { name: 'Choisir où enregistrer et exporter' }).click();
      await expect(app.getByText(/est prêt : 2 lignes, 2 séances\./)).toBeVisible();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(new RegExp(`^mediane-seances-.*\\.${format}$`));
      const path = join(work, file.suggestedFilename());
      await file.saveAs(path);
      const rows = rowsOf(path);
      const h = rows.findIndex((r) => r[0] === 'Date');
      expect(rows[h], format).toEqual([...SESSION_COLUMNS]);
      const data = rows.slice(h + 1).filter((r) => r.some(Boolean));
      expect(data, format).toHaveLength(2);
      expect(data.map((r) => r[15])).toContain('Déclaration trimestrielle « RSA »');
      expect(rows[1]![1]).toContain('France Services de Lunel');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  // Notes: ticking them shows the warning.
  await app.getByRole('checkbox', { name: /Inclure les notes des séances/ }).check({ force: true });
  await expect(app.getByText('Les notes ne doivent pas quitter le lieu')).toBeVisible();
  await expectAccessible(app, 'export with notes (fr)');

  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Export' })).toBeVisible();
  await expectAccessible(app, 'export (en)');
});

test('import a national-tool export: preview, confirm, see it in the journal; re-import adds nothing', async ({
  app,
}) => {
  test.setTimeout(120_000);
  await withSite(app);
  const work = mkdtempSync(join(tmpdir(), 'mediane-e2e-import-'));
  const file = join(work, 'export-activites-coop.csv');
  writeNationalCsv(file);
  try {
    await app.getByRole('link', { name: 'Exports' }).click();
    await app.getByRole('link', { name: 'Importer l’historique de l’outil national' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Importer depuis l’outil national' })).toBeVisible();
    await expectAccessible(app, 'import (fr)');

    const chooser = app.waitForEvent('filechooser');
    await app.getByRole('button', { name: 'Choisir le fichier à importer' }).click();
    await (await chooser).setFiles(file);
    await expect(app.getByRole('heading', { name: 'Aperçu de l’import de export-activites-coop.csv' })).toBeVisible();
    await expect(app.getByText('Séances à importer :')).toContainText('5');
    await expect(app.getByRole('table', { name: 'Valeurs non reconnues' })).toContainText('Permanence mobile');
    const unreadable = app.getByRole('table', { name: 'Lignes qui ne seront pas importées' });
    await expect(unreadable).toContainText('Type inconnu');
    await expect(unreadable).toContainText('Aucune thématique reconnue');
    await expectAccessible(app, 'import preview (fr)');
    expect((await rpc<{ total: number }>(app, 'journal.list', {})).total).toBe(0);

    await app.getByRole('button', { name: 'Importer 5 séances' }).click();
    await expect(app.getByText('5 séances importées dans le journal.')).toBeVisible();
    await app.getByRole('link', { name: 'Voir le journal' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();
    await expect(app.getByText('Découvrir la messagerie électronique').first()).toBeVisible();
    expect((await rpc<{ total: number }>(app, 'journal.list', { filter: { from: '2026-01-01' } })).total).toBe(5);

    // The same file again: recognised, nothing to add.
    await app.goto(app.url().replace(/#.*$/, '#/importer'));
    const again = app.waitForEvent('filechooser');
    await app.getByRole('button', { name: 'Choisir le fichier à importer' }).click();
    await (await again).setFiles(file);
    await expect(app.getByText('Déjà importées (ignorées) :')).toContainText('5');
    await expect(app.getByRole('button', { name: 'Aucune nouvelle séance à importer.' })).toBeDisabled();

    await app.getByRole('button', { name: 'English' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Import from the national tool' })).toBeVisible();
    await expectAccessible(app, 'import (en)');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('the activity report and the France Services report print to PDF with their figures', async ({ app }) => {
  test.setTimeout(120_000);
  await withSite(app);
  await rpc(app, 'journal.create', adminSession());
  await rpc(app, 'journal.create', adminSession({ operators: ['caf', 'cpam'] }));
  await rpc(app, 'journal.create', emailSession());
  await app.getByRole('link', { name: 'Exports' }).click();
  await app.getByRole('link', { name: /Rapports à imprimer/ }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Rapports' })).toBeVisible();
  const keyFigures = app.getByRole('table', { name: /Chiffres clés/ });
  await expect(keyFigures.getByRole('row', { name: /^Séances 3/ })).toBeVisible();
  await expectAccessible(app, 'activity report (fr)');

  await app.emulateMedia({ media: 'print' });
  const work = mkdtempSync(join(tmpdir(), 'mediane-e2e-report-'));
  try {
    const pdf = join(work, 'rapport.pdf');
    writeFileSync(pdf, await app.pdf({ format: 'A4', printBackground: true }));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Rapport d’activité');
    expect(text).toContain('France Services de Lunel');
    expect(text).toMatch(/Séances\s+3/);
    expect(text).toContain('Opérateurs');
    expect(text).not.toContain('Exports'); // the app's navigation is not printed
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  await app.emulateMedia({ media: 'screen' });

  await app.getByRole('radio', { name: /Rapport France Services/ }).check({ force: true });
  const table = app.getByRole('table', { name: /Demandes par opérateur et par mois/ });
  await expect(table.getByRole('row', { name: /^CAF/ })).toContainText('2');
  await expectAccessible(app, 'France Services report (fr)');
});
