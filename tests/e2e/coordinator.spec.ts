import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { testHub } from './test-hub';
import { adminSession, rpc, withSite } from './helpers';
import { printedText } from './printed';
import { expect, expectAccessible, test } from './fixtures';

// Coordinator mode end to end: a hub started by the test (`hub/cli.ts` on 127.0.0.1, a free port, a temp data folder),
// a desk in browser mode that enrolls, logs last month's sessions, closes the month and syncs it; then the hub's admin
// CLI creates a scope (the desk's département) and a coordinator, and the same app, connected in coordinator mode,
// shows the site's figures as they were synced.

const hub = testHub('coord');
const admin = hub.admin;
let hubUrl: string;

test.beforeAll(async () => {
  hubUrl = await hub.start();
});
test.afterAll(() => hub.dispose());

function lastMonth() {
  const d = new Date();
  const first = new Date(d.getFullYear(), d.getMonth() - 1, 1);
  return `${first.getFullYear()}-${String(first.getMonth() + 1).padStart(2, '0')}`;
}

test('a synced site’s figures in coordinator mode, its detail, and the hub’s refusals (fr, en)', async ({ app }) => {
  test.setTimeout(240_000);
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
  const site = admin('site:create', '--name', 'France Services de Lunel', '--departement', '34');
  const { code } = admin('code:issue', '--site', site.id!);
  await rpc(app, 'sync.enroll', { hubUrl, code: code! });
  await rpc(app, 'sync.configure', { graceDays: 0 });
  await rpc(app, 'sync.closePeriods', {});
  await app.getByRole('link', { name: 'Synchronisation' }).first().click();
  await app.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  // 1 accepted, or 0 when the desk's background round (every minute) sent it first: either way it has left.
  await expect(app.getByText(/^Synchronisation terminée : [01] envoi accepté \(0 refusé\)\.$/)).toBeVisible({
    timeout: 20_000,
  });
  await expect(app.getByText('0 envoi en attente ou refusé.')).toBeVisible();

  const scope = admin('scope:create', '--name', 'Coordination Hérault', '--kind', 'departement', '--codes', '34');
  const coordinator = admin('coordinator:create', '--scope', scope.id!, '--name', 'Coordination Hérault');
  // A site of another département, outside the scope: never listed.
  admin('site:create', '--name', 'France Services Lyon 3e', '--departement', '69');

  await app.getByRole('link', { name: 'Coordination' }).first().click();
  await expect(app.getByRole('heading', { level: 1, name: 'Coordination' })).toBeVisible();
  await expectAccessible(app, 'coordinator connection (fr)');
  // A desk's way of typing a key by mistake: refused before anything is sent.
  await app.getByLabel(/Adresse du hub/).fill(hubUrl);
  await app.getByLabel(/Clé de coordination/).fill('mdn_desk_abcdefghijklmnopq');
  await app.getByRole('button', { name: 'Se connecter' }).click();
  await expect(app.getByText(/La clé de coordination commence par « mdn_coord_ »/)).toBeVisible();
  await app.getByLabel(/Clé de coordination/).fill(coordinator.credential!);
  await app.getByRole('button', { name: 'Se connecter' }).click();
  await expect(app.getByText('Coordination Hérault', { exact: true })).toBeVisible();

  // The default period: the last closed month, the one just synced.
  await expect(app.getByRole('button', { name: 'Mois', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const sites = app.getByRole('table', { name: 'Lieux du périmètre et leurs chiffres clés' });
  await expect(sites.getByRole('row')).toHaveCount(3); // header, the one site, the total
  await expect(sites.getByRole('row', { name: /France Services de Lunel 34 7 7/ })).toBeVisible();
  const total = app.locator('section', { has: app.getByRole('heading', { name: /Total du périmètre/ }) });
  await expect(total.locator('[data-figure="sessions"] dd')).toHaveText('7');
  const gender = total.getByRole('table', { name: 'Genre' });
  await expect(gender.getByRole('row', { name: /Femme 6/ })).toBeVisible();
  // The one man was held back by the desk (below k): the hub says so rather than a figure.
  await expect(gender.getByRole('row', { name: /Homme secret statistique masqué dans 1 relevé/ })).toBeVisible();
  await expect(total.getByRole('table', { name: 'Opérateurs' })).toBeVisible();
  await expectAccessible(app, 'coordinator summary (fr)');

  // Month → quarter: the quarter holding that month, the same figures (nothing else was synced), other dates.
  await app.getByRole('button', { name: 'Trimestre', exact: true }).click();
  await expect(app.getByRole('button', { name: 'Trimestre', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const m = Number(month.slice(5, 7));
  const q = m - ((m - 1) % 3);
  const quarter = {
    from: `${month.slice(0, 4)}-${String(q).padStart(2, '0')}`,
    to: `${month.slice(0, 4)}-${String(q + 2).padStart(2, '0')}`,
  };
  await expect(app.getByLabel(/Du mois/)).toHaveValue(quarter.from);
  await expect(app.getByLabel(/Au mois/)).toHaveValue(quarter.to);
  await expect(
    app.getByText(new RegExp(`^Du 01/${quarter.from.slice(5)}/${quarter.from.slice(0, 4)} au `)),
  ).toBeVisible();
  await expect(total.locator('[data-figure="sessions"] dd')).toHaveText('7');
  await app.screenshot({ path: '/tmp/coordinator-period-fr.png' });

  // The quarter's tables as ODS, XLSX and CSV, read back by an independent reader.
  const work = mkdtempSync(join(tmpdir(), 'mediane-e2e-coord-exports-'));
  try {
    for (const [format, label] of [
      ['ods', /^ODS/],
      ['xlsx', /^XLSX/],
      ['csv', /^CSV/],
    ] as const) {
      await app.getByRole('radio', { name: label }).check({ force: true });
      const download = app.waitForEvent('download');
      await app.getByRole('button', { name: 'Exporter les tableaux' }).click();
      await expect(app.getByText(/est prêt : \d+ lignes, 1 lieu\(x\)\./)).toBeVisible();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`coordination-${quarter.from}-${quarter.to}.${format}`);
      const path = join(work, file.suggestedFilename());
      await file.saveAs(path);
      const book = XLSX.read(readFileSync(path), { type: 'buffer', raw: false });
      const rows = book.SheetNames.flatMap((name) =>
        XLSX.utils.sheet_to_json<string[]>(book.Sheets[name]!, { header: 1, raw: false, defval: '' }),
      );
      const row = (first: string) => rows.find((r) => r[0] === first);
      expect(rows[0]![0], format).toBe('Médiane : statistiques consolidées de coordination');
      expect(row('Périmètre')![1], format).toBe('Coordination Hérault');
      expect(row('Lieux')![1], format).toBe('1 : France Services de Lunel');
      expect(row('Période')![1], format).toContain(`(${quarter.from} à ${quarter.to})`);
      expect(row('Version de la taxonomie')![1], format).toMatch(/\S/);
      expect(row('Séances')![1], format).toBe('7');
      expect(row('Total du périmètre')![3], format).toBe('7');
      expect(row('Féminin')![2], format).toBe('6');
      expect(row('Masculin')![2], format).toBe('secret statistique');
      expect(JSON.stringify(rows)).not.toContain('Lyon');
      if (format === 'csv') expect(readFileSync(path, 'utf8').startsWith('\uFEFFMédiane')).toBe(true);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  // The activity report, printed through the shared print path.
  await app.getByRole('button', { name: 'Préparer le rapport d’activité' }).click();
  const report = app.getByRole('article', { name: 'Rapport d’activité de coordination' });
  await expect(report.getByRole('table', { name: /Chiffres clés/ })).toBeVisible();
  await expectAccessible(app, 'coordinator report (fr)');
  await report.screenshot({ path: '/tmp/coordinator-report-fr.png' });
  const printed = await printedText(app);
  expect(printed).toContain('Rapport d’activité de coordination');
  expect(printed).toContain('Coordination Hérault');
  expect(printed).toContain('Lieux du périmètre');
  expect(printed).toMatch(/Services de\s+34\s+7\s+7\s+3 h 30\s+1/);
  expect(printed).toMatch(/Séances\s+7\s+0/);
  expect(printed).toContain('secret statistique');
  expect(printed).not.toContain('Exporter les tableaux');
  await app.getByRole('button', { name: 'Masquer le rapport' }).click();

  await app.getByRole('button', { name: 'Voir le détail de France Services de Lunel' }).click();
  const detail = app.locator('section', {
    has: app.getByRole('heading', { name: 'Détail : France Services de Lunel' }),
  });
  await expect(detail.getByRole('heading', { name: 'Détail : France Services de Lunel' })).toBeFocused();
  await expect(detail.locator('[data-figure="sessions"] dd')).toHaveText('7');
  await expect(detail.getByRole('table', { name: 'Genre' }).getByRole('row', { name: /Femme 6/ })).toBeVisible();
  await app.screenshot({ path: '/tmp/coordinator-fr.png', fullPage: true });
  // The site's own tables as a file (ODS, the default format).
  const siteDownload = app.waitForEvent('download');
  await detail.getByRole('button', { name: 'Exporter les tableaux de France Services de Lunel' }).click();
  const siteFile = await siteDownload;
  expect(siteFile.suggestedFilename()).toBe(
    `coordination-lieu-france-services-de-lunel-${quarter.from}-${quarter.to}.ods`,
  );
  const siteBook = XLSX.read(readFileSync((await siteFile.path())!), { type: 'buffer', raw: false });
  const siteInfo = XLSX.utils.sheet_to_json<string[]>(siteBook.Sheets['Chiffres clés']!, { header: 1, raw: false });
  expect(siteInfo.find((r) => r[0] === 'Lieux')![1]).toBe('1 : France Services de Lunel');
  expect(siteInfo.find((r) => r[0] === 'Séances')![1]).toBe('7');

  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('heading', { level: 2, name: 'Sites in the scope' })).toBeVisible();
  await expectAccessible(app, 'coordinator (en)');
  await app.getByRole('button', { name: 'Prepare the activity report' }).click();
  await expect(app.getByRole('article', { name: 'Coordination activity report' })).toBeVisible();
  await expectAccessible(app, 'coordinator report (en)');

  // The hub's administrator revokes the key: the next query says so in words.
  admin('coordinator:revoke', coordinator.id!);
  await app.getByRole('button', { name: 'Refresh the hub’s figures' }).click();
  await expect(app.getByText(/The hub refuses this key: it is unknown, revoked or replaced/)).toBeVisible();
});
