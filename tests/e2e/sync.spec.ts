import { testHub } from './test-hub';
import { adminSession, withSite } from './helpers';
import { rpc } from './helpers';
import { expect, expectAccessible, test } from './fixtures';

// A desk in browser mode enrolls with a hub started by the test (`npm run hub` on 127.0.0.1, a free port, a temp data
// folder; its admin CLI issues the code), logs sessions, closes last month, previews it and syncs it.

// The desk talks to the local hub directly even where the machine has a proxy set.
const hub = testHub('sync');
const admin = hub.admin;
let hubUrl: string;

test.beforeAll(async () => {
  hubUrl = await hub.start();
});
test.afterAll(() => hub.dispose());

function lastMonth() {
  const d = new Date();
  const first = new Date(d.getFullYear(), d.getMonth() - 1, 1);
  const p = (n: number) => String(n).padStart(2, '0');
  return { prefix: `${first.getFullYear()}-${p(first.getMonth() + 1)}`, first };
}

test('enroll, close last month, preview exactly what leaves, sync it (hub down, then back), read the log (fr, en)', async ({
  app,
}) => {
  await withSite(app);
  const { prefix, first } = lastMonth();
  for (let i = 0; i < 7; i++)
    await rpc(
      app,
      'journal.create',
      adminSession({
        date: `${prefix}-${String(2 + i).padStart(2, '0')}`,
        person: { gender: i < 6 ? 'feminin' : 'masculin', ageBracket: 'quarante_cinquante_neuf' },
      }),
    );
  const site = admin('site:create', '--name', 'France Services de Lunel', '--departement', '34');
  const { code } = admin('code:issue', '--site', site.id!);

  await app.getByRole('link', { name: 'Synchronisation' }).first().click();
  await expect(app.getByRole('heading', { level: 1, name: 'Synchronisation' })).toBeVisible();
  await expectAccessible(app, 'sync enrollment (fr)');
  // A plain-HTTP address outside this machine is refused with a clear message.
  await app.getByLabel(/Adresse du hub/).fill('http://stats.example.fr');
  await app.getByLabel(/Code d’inscription/).fill(code!);
  await app.getByRole('button', { name: 'Inscrire ce poste' }).click();
  await expect(app.getByText('L’adresse du hub doit commencer par https://')).toBeVisible();
  await app.getByLabel(/Adresse du hub/).fill(hubUrl);
  await app.getByRole('button', { name: 'Inscrire ce poste' }).click();
  await expect(app.getByText('Lieu inscrit : France Services de Lunel (34)')).toBeVisible();

  await app.getByLabel(/Délai avant de clore/).fill('0');
  await app.getByRole('button', { name: 'Enregistrer le délai' }).click();
  // The hub goes down before the month is queued, so the desk's own background round cannot send it first.
  await hub.stop();
  await app.getByRole('button', { name: 'Clore les périodes échues' }).click();
  await expect(app.getByText(/période(s)? close(s)? et mise(s)? en file/)).toBeVisible();

  const month = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric' }).format(first);
  await app.getByRole('button', { name: `Voir le contenu de ${month}, version 1` }).click();
  await expect(app.getByRole('heading', { name: `Contenu exact de l’envoi : ${month}, version 1` })).toBeVisible();
  const gender = app.getByRole('table', { name: /Genre/ });
  await expect(gender.getByRole('row', { name: /Femme 6/ })).toBeVisible();
  // One man: below k, masked with its reason; "not given" (zero) too, so the man cannot be found by subtraction.
  await expect(gender.getByRole('row', { name: /Homme masqué moins de 5 personnes/ })).toBeVisible();
  await expect(gender.getByRole('row', { name: /Non communiqué masqué moins de 5 personnes/ })).toBeVisible();
  await expectAccessible(app, 'sync preview (fr)');

  // The hub is down: the desk keeps working, the round stops and says why, the item stays queued.
  await app.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await expect(app.getByText(/0 envoi accepté, puis arrêt : le hub ne répond pas/)).toBeVisible({ timeout: 20_000 });
  await expect(app.getByText('Dernier essai interrompu : le hub ne répond pas (réseau)')).toBeVisible();
  await rpc(app, 'journal.create', adminSession());
  // Back up on the same address: the desk catches up.
  await hub.start(new URL(hubUrl).port);
  await app.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  // 1 accepted, or 0 when the desk's background round (every minute) caught up first: the log below says it left.
  await expect(app.getByText(/^Synchronisation terminée : [01] envoi accepté \(0 refusé\)\.$/)).toBeVisible({
    timeout: 20_000,
  });
  const log = app.getByRole('table', { name: /Journal des envois/ });
  await expect(
    log.getByRole('row', { name: new RegExp(`${month}.*${hubUrl.replace(/[.]/g, '\\.')}.*Enregistré`) }),
  ).toBeVisible();
  await app.screenshot({ path: '/tmp/sync-fr.png', fullPage: true });

  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('heading', { level: 2, name: 'What left this computer' })).toBeVisible();
  await expectAccessible(app, 'sync (en)');
});
