import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { signPack } from '../../shared/content/pack';
import { DESK_GUIDE } from '../../shared/guides/contract.examples';
import { expect, expectAccessible, startHost, stopHost, test as base, type Host } from './fixtures';
import { rpc, withSite } from './helpers';
import { testHub } from './test-hub';

// « Contenus »: install a signed guides pack from a file (browser upload), see its version and one of its guides, then
// a tampered pack is refused with its own message and the pack in use stays. The host pins this test's own key
// (MEDIANE_CONTENT_KEYS_DIR): the project's private key never leaves its publisher.

const KEY_ID = 'e2e-reseau';
const publisher = generateKeyPairSync('ed25519');
const folder = mkdtempSync(join(tmpdir(), 'mediane-e2e-content-'));
const keysDir = join(folder, 'keys');
const PACK_GUIDE = { ...DESK_GUIDE, id: 'guide-recu-du-reseau', title: 'Guide reçu du réseau : la carte Vitale' };

function signedPack(version: number) {
  return signPack(
    {
      channel: 'guides',
      version,
      issuedAt: '2026-12-01T00:00:00.000Z',
      expiresAt: '2099-12-31T23:59:59.000Z',
      keyId: KEY_ID,
    },
    new Map([[`guides/${PACK_GUIDE.id}.json`, Buffer.from(JSON.stringify(PACK_GUIDE))]]),
    publisher.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
}

function writePack(name: string, version: number, tamper = false): string {
  const pack = signedPack(version);
  if (tamper) {
    const changed = { ...PACK_GUIDE, title: 'Guide modifié en route' };
    pack.files[`guides/${PACK_GUIDE.id}.json`] = Buffer.from(JSON.stringify(changed)).toString('base64');
  }
  const path = join(folder, name);
  writeFileSync(path, JSON.stringify(pack));
  return path;
}

function writeKey(): void {
  mkdirSync(keysDir, { recursive: true });
  writeFileSync(
    join(keysDir, `${KEY_ID}.pub.pem`),
    publisher.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
}

const test = base.extend<{ host: Host }>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    writeKey();
    const host = await startHost(undefined, { MEDIANE_CONTENT_KEYS_DIR: keysDir });
    await use(host);
    await stopHost(host);
    rmSync(host.dataDir, { recursive: true, force: true });
  },
});
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

const go = (page: Page, hash: string) => page.evaluate((h) => void (window.location.hash = h), hash);

async function installFromFile(page: Page, file: string, button = 'Installer depuis un fichier'): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

test('install a signed guides pack from a file, use its guide, and refuse a tampered one', async ({ app }) => {
  await withSite(app);
  await app.getByRole('link', { name: 'Contenus' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Contenus' })).toBeVisible();
  const table = app.getByRole('table', { name: 'Contenus en service sur ce poste' });
  const guidesRow = table.getByRole('row', { name: /Guides pas à pas/ });
  await expect(guidesRow).toContainText('Livrée avec l’application');
  await expect(app.getByText(`Clés d’éditeur reconnues par ce poste : ${KEY_ID}`)).toBeVisible();
  await expectAccessible(app, 'content (fr, shipped)');

  await installFromFile(app, writePack('guides-v2.json', 2));
  await expect(app.getByText('Guides pas à pas : la version 2 est maintenant en service.')).toBeVisible();
  await expect(guidesRow).toContainText('Paquet version 2');
  await expect(guidesRow).toContainText('31/12/2099');
  await expect(guidesRow).toContainText(KEY_ID);
  await expect(guidesRow).toContainText('À jour');
  await expectAccessible(app, 'content (fr, pack installed)');
  await app.screenshot({ path: '/tmp/packs-content-fr.png', fullPage: true });

  // The guide from the pack is served by the guides screens.
  await go(app, '#/guides');
  await app.getByRole('link', { name: PACK_GUIDE.title }).click();
  await expect(app.getByRole('heading', { level: 1, name: PACK_GUIDE.title })).toBeVisible();

  // A tampered pack (a file changed after signing) is refused with its own message; version 2 stays in use.
  await go(app, '#/contenus');
  await installFromFile(app, writePack('guides-v3-modifie.json', 3, true));
  const refusal = app.getByRole('heading', { name: 'Paquet refusé' });
  await expect(refusal).toBeVisible();
  await expect(app.getByText('Un fichier de ce paquet a été modifié ou abîmé depuis sa signature.')).toBeVisible();
  await expect(guidesRow).toContainText('Paquet version 2');
  await expectAccessible(app, 'content (fr, refused)');
  await app.screenshot({ path: '/tmp/packs-content-refused.png', fullPage: true });

  // An older pack is a rollback: refused with its own words.
  await installFromFile(app, writePack('guides-v1.json', 1));
  await expect(app.getByText('Ce paquet est plus ancien que la version en service')).toBeVisible();

  // Going back: to the guides shipped with the app (version 2 replaced them).
  await app.getByRole('button', { name: 'Guides pas à pas : revenir à la version livrée avec l’application' }).click();
  await expect(
    app.getByText('Guides pas à pas : la version livrée avec l’application est de nouveau en service.'),
  ).toBeVisible();
  await expect(guidesRow).toContainText('Livrée avec l’application');
  await installFromFile(app, writePack('guides-v2-encore.json', 2));
  await expect(guidesRow).toContainText('Paquet version 2');

  // In English.
  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Content' })).toBeVisible();
  await expect(app.getByRole('table', { name: 'Content in use on this computer' })).toContainText('Pack version 2');
  await installFromFile(app, writePack('guides-v3-modifie-en.json', 3, true), 'Install from a file');
  await expect(app.getByText('A file of this pack was changed or damaged since it was signed.')).toBeVisible();
  await expectAccessible(app, 'content (en)');
});

// « Vérifier sur le hub »: the desk enrolled with a hub started by the test (`hub/cli.ts`, trusting the test's key),
// nothing published, then a pack published by a coordinator allowed to, installed from the hub.
test.describe('from the hub', () => {
  const hub = testHub('content', { MEDIANE_HUB_KEYS_DIR: keysDir });
  const admin = hub.admin;
  let hubUrl: string;

  test.beforeAll(async () => {
    writeKey();
    hubUrl = await hub.start();
  });
  test.afterAll(() => hub.dispose());

  test('check the hub: nothing published, then the published pack installs', async ({ app }) => {
    await withSite(app);
    await app.getByRole('link', { name: 'Contenus' }).click();
    await expect(app.getByText('Ce poste n’est pas inscrit auprès d’un hub.')).toBeVisible();
    const site = admin('site:create', '--name', 'France Services de Lunel', '--departement', '34');
    const { code } = admin('code:issue', '--site', site.id!);
    await rpc(app, 'sync.enroll', { hubUrl, code });
    await app.reload();
    const check = app.getByRole('button', { name: 'Vérifier sur le hub : Guides pas à pas' });
    await expect(check).toBeVisible();
    await check.click();
    await expect(app.getByText('Guides pas à pas : le hub n’a encore publié aucun paquet.')).toBeVisible();

    const scope = admin('scope:create', '--name', 'Hérault', '--kind', 'departement', '--codes', '34');
    const coordinator = admin('coordinator:create', '--scope', scope.id!, '--name', 'Réseau', '--can-publish');
    const published = await fetch(`${hubUrl}/v1/packs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${coordinator.credential}`, 'content-type': 'application/json' },
      body: JSON.stringify(signedPack(5)),
    });
    expect(published.status).toBe(200);
    await check.click();
    await expect(app.getByText('Guides pas à pas : la version 5 est maintenant en service.')).toBeVisible();
    await expect(app.getByRole('row', { name: /Guides pas à pas/ })).toContainText('Paquet version 5');
    await check.click();
    await expect(app.getByText('Guides pas à pas : le hub n’a pas de version plus récente.')).toBeVisible();
    await expectAccessible(app, 'content (fr, enrolled)');
    await app.screenshot({ path: '/tmp/packs-content-hub.png', fullPage: true });
  });
});
