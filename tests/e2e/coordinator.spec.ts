import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminSession, rpc, withSite } from './helpers';
import { expect, expectAccessible, test } from './fixtures';

// Coordinator mode end to end: a hub started by the test (`hub/cli.ts` on 127.0.0.1, a free port, a temp data folder),
// a desk in browser mode that enrolls, logs last month's sessions, closes the month and syncs it; then the hub's admin
// CLI creates a scope (the desk's département) and a coordinator, and the same app, connected in coordinator mode,
// shows the site's figures as they were synced.

process.env.NO_PROXY = '127.0.0.1,localhost';
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

let hub: ChildProcess;
let hubUrl: string;
let hubDir: string;

const admin = (...args: string[]) =>
  JSON.parse(execFileSync(TSX, ['hub/admin-cli.ts', ...args, '--data-dir', hubDir], { encoding: 'utf8' })) as Record<
    string,
    string
  >;

function startHub(): Promise<string> {
  hub = spawn(TSX, ['hub/cli.ts', '--port', '0', '--data-dir', hubDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise<string>((resolve, reject) => {
    let out = '';
    hub.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) resolve(m[0]);
    });
    hub.on('exit', (code) => reject(new Error(`hub exited (${code}): ${out}`)));
  });
}

test.beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'mediane-e2e-coord-hub-'));
  hubUrl = await startHub();
});
test.afterAll(() => {
  hub.kill('SIGTERM');
  rmSync(hubDir, { recursive: true, force: true });
});

function lastMonth() {
  const d = new Date();
  const first = new Date(d.getFullYear(), d.getMonth() - 1, 1);
  return `${first.getFullYear()}-${String(first.getMonth() + 1).padStart(2, '0')}`;
}

test('a synced site’s figures in coordinator mode, its detail, and the hub’s refusals (fr, en)', async ({ app }) => {
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

  await app.getByLabel(/Du mois/).fill(month);
  await app.getByLabel(/Au mois/).fill(month);
  await app.getByRole('button', { name: 'Afficher' }).click();
  const sites = app.getByRole('table', { name: 'Lieux du périmètre et leurs chiffres clés' });
  await expect(sites.getByRole('row')).toHaveCount(2);
  await expect(sites.getByRole('row', { name: /France Services de Lunel 34 7 7/ })).toBeVisible();
  const total = app.locator('section', { has: app.getByRole('heading', { name: /Total du périmètre/ }) });
  await expect(total.locator('[data-figure="sessions"] dd')).toHaveText('7');
  const gender = total.getByRole('table', { name: 'Genre' });
  await expect(gender.getByRole('row', { name: /Femme 6/ })).toBeVisible();
  // The one man was held back by the desk (below k): the hub says so rather than a figure.
  await expect(gender.getByRole('row', { name: /Homme 0 masqué dans 1 lieu/ })).toBeVisible();
  await expect(total.getByRole('table', { name: 'Opérateurs' })).toBeVisible();
  await expectAccessible(app, 'coordinator summary (fr)');
  // The same figures as a CSV file.
  const [download] = await Promise.all([
    app.waitForEvent('download'),
    app.getByRole('button', { name: 'Télécharger les chiffres du périmètre (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`coordination-${month}-${month}.csv`);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('Genre;feminin;Femme;6;0');
  expect(csv).toContain('Genre;masculin;Homme;0;1');

  await app.getByRole('button', { name: 'Voir le détail de France Services de Lunel' }).click();
  const detail = app.locator('section', {
    has: app.getByRole('heading', { name: 'Détail : France Services de Lunel' }),
  });
  await expect(detail.getByRole('heading', { name: 'Détail : France Services de Lunel' })).toBeFocused();
  await expect(detail.locator('[data-figure="sessions"] dd')).toHaveText('7');
  await expect(detail.getByRole('table', { name: 'Genre' }).getByRole('row', { name: /Femme 6/ })).toBeVisible();
  await app.screenshot({ path: '/tmp/coordinator-fr.png', fullPage: true });

  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('heading', { level: 2, name: 'Sites in the scope' })).toBeVisible();
  await expectAccessible(app, 'coordinator (en)');

  // The hub's administrator revokes the key: the next query says so in words.
  execFileSync(TSX, ['hub/admin-cli.ts', 'coordinator:revoke', coordinator.id!, '--data-dir', hubDir]);
  await app.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(app.getByText(/The hub refuses this key: it is unknown, revoked or replaced/)).toBeVisible();
});
