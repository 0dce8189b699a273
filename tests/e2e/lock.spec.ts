import type { Page } from '@playwright/test';
import { rpc, withSite } from './helpers';
import { expect, expectAccessible, test } from './fixtures';

// The app lock and self-service mode in browser mode. The core enforces both (tests/core/lock.test.ts checks every
// rule with an injected clock); here the page and the HTTP contract are checked the way a person and a curious
// visitor would try them.

const PIN = '482913';

/** An RPC call whose refusal is the point: answers the whole Result. */
async function rawRpc(
  page: Page,
  method: string,
  input: unknown,
): Promise<{ ok: boolean; error?: { code: string; messageKey?: string } }> {
  return page.evaluate(
    async ([m, body]) => {
      const res = await fetch(`./rpc/${m}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mediane-rpc': '1' },
        body: JSON.stringify(body),
      });
      return res.json();
    },
    [method, input] as const,
  );
}

async function openLockSettings(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Mon lieu' }).click();
  await page.getByRole('link', { name: 'Verrouillage par code et mode libre-service' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verrouillage et libre-service' })).toBeVisible();
}

async function unlock(page: Page, pin = PIN): Promise<void> {
  await page.getByLabel(/^Code de verrouillage/).fill(pin);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
}

const lockHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Médiane est verrouillé' });

test('PIN settings, lock on demand (button and shortcut), wrong and right PIN; axe in French and English', async ({
  app,
}) => {
  test.setTimeout(120_000);
  await withSite(app);
  await openLockSettings(app);
  await expect(app.getByTestId('lock-state')).toHaveText(
    'Aucun code de verrouillage : Médiane ne se verrouille jamais.',
  );
  await expect(app.getByRole('button', { name: 'Verrouiller' })).toHaveCount(0);
  await expectAccessible(app, 'PIN settings (fr)');

  // A mismatch and a bad format are said next to their fields; nothing is saved.
  await app.getByLabel(/^Nouveau code/).fill('12ab');
  await app.getByRole('button', { name: 'Enregistrer le code' }).click();
  await expect(app.getByText('Le code compte de 4 à 8 chiffres.')).toBeVisible();
  await app.getByLabel(/^Nouveau code/).fill(PIN);
  await app.getByLabel(/^Confirmez le nouveau code/).fill('482914');
  await app.getByRole('button', { name: 'Enregistrer le code' }).click();
  await expect(app.getByText('Les deux codes ne sont pas identiques.')).toBeVisible();
  expect((await rpc<{ pinSet: boolean }>(app, 'lock.status', {})).pinSet).toBe(false);

  await app.getByLabel(/^Confirmez le nouveau code/).fill(PIN);
  await app.getByRole('button', { name: 'Enregistrer le code' }).click();
  await expect(app.getByTestId('lock-state')).toHaveText('Un code de verrouillage est défini.');
  await expect(app.getByRole('heading', { name: 'Changer le code' })).toBeVisible();
  await expectAccessible(app, 'PIN settings with a PIN (fr)');

  // On demand, from the header.
  await app.getByRole('button', { name: 'Verrouiller' }).click();
  await expect(lockHeading(app)).toBeVisible();
  await expect(app.getByLabel(/^Code de verrouillage/)).toBeFocused();
  await expect(app.getByRole('navigation', { name: /menu/i })).toHaveCount(0);
  await expectAccessible(app, 'lock screen (fr)');
  // Every screen is gone, and the core refuses the journal to whoever asks.
  expect(await rawRpc(app, 'journal.list', {})).toEqual({
    ok: false,
    error: { code: 'forbidden', messageKey: 'lock.locked' },
  });
  await app.reload();
  await expect(lockHeading(app)).toBeVisible();

  await unlock(app, '000000');
  await expect(app.getByRole('alert')).toContainText('Ce code n’est pas le bon.');
  await expect(app.getByLabel(/^Code de verrouillage/)).toBeFocused();
  await expect(app.getByLabel(/^Code de verrouillage/)).toHaveValue('');

  // The lock screen in English (the language changes for this screen only: the desk's setting is not touched).
  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Médiane is locked' })).toBeVisible();
  await expectAccessible(app, 'lock screen (en)');
  await app.getByRole('button', { name: 'Français' }).click();

  await unlock(app);
  await expect(app.getByRole('heading', { level: 1, name: 'Verrouillage et libre-service' })).toBeVisible();

  // The keyboard shortcut locks too.
  await app.getByRole('heading', { level: 1 }).click();
  await app.keyboard.press('Alt+Shift+KeyL');
  await expect(lockHeading(app)).toBeVisible();
  await unlock(app);
  await expect(app.getByRole('heading', { level: 1, name: 'Verrouillage et libre-service' })).toBeVisible();

  // The settings in English.
  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Lock and self-service' })).toBeVisible();
  await expectAccessible(app, 'PIN settings (en)');
});

// The idle delay is chosen in the settings, from 1 minute: the test sets that minute through the screen and waits
// it out in real time (the core measures idleness with its own clock, which a page clock cannot move; a test-only
// shortcut in the host would be a backdoor). The core's rule itself is tested with an injected clock.
test('locks itself after the idle delay chosen in the settings, and unlocks with the PIN', async ({ app }) => {
  test.setTimeout(180_000);
  await withSite(app);
  await rpc(app, 'lock.setPin', { pin: PIN });
  await app.reload();
  await expect(app.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();
  await openLockSettings(app);
  await app.getByLabel(/^Verrouiller après/).selectOption('1');
  await app.getByRole('button', { name: 'Enregistrer le délai' }).click();
  await expect(app.getByText('Le délai est enregistré.')).toBeVisible();
  await expect(lockHeading(app)).toBeVisible({ timeout: 120_000 });
  await unlock(app);
  await expect(app.getByRole('heading', { level: 1, name: 'Verrouillage et libre-service' })).toBeVisible();
});

test('self-service mode: only its screens, no way out without the PIN (screen, address, reload, contract, keys)', async ({
  app,
}) => {
  test.setTimeout(120_000);
  await withSite(app);
  await openLockSettings(app);
  await expect(app.getByText('Définissez d’abord un code de verrouillage.')).toBeVisible();
  expect(await rawRpc(app, 'lock.enterSelfService', {})).toMatchObject({
    ok: false,
    error: { messageKey: 'lock.noPin' },
  });
  await rpc(app, 'lock.setPin', { pin: PIN });
  await app.reload();
  await expect(app.getByRole('heading', { level: 1, name: 'Verrouillage et libre-service' })).toBeVisible();

  await app.getByRole('button', { name: 'Démarrer le mode libre-service' }).click();
  await expect(app).toHaveURL(/#\/diagnostic$/);
  await expect(app.getByRole('button', { name: 'Quitter le libre-service' })).toBeVisible();
  await expect(app.getByRole('link', { name: 'Journal' })).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Raccourcis clavier' })).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Verrouiller' })).toHaveCount(0);

  // The address bar: any other screen leads back.
  for (const hash of ['#/journal', '#/lieu', '#/lieu/verrouillage', '#/seance/nouvelle']) {
    await app.evaluate((h) => (window.location.hash = h), hash);
    await expect(app).toHaveURL(/#\/diagnostic$/);
  }
  // A reload stays in the mode (the state is the core's).
  await app.reload();
  await expect(app.getByRole('button', { name: 'Quitter le libre-service' })).toBeVisible();
  await expect(app.getByRole('heading', { level: 1, name: 'Journal des séances' })).toHaveCount(0);

  // The contract: the journal, the settings and leaving without the PIN are refused by the core.
  const selfServiceOnly = { ok: false, error: { code: 'forbidden', messageKey: 'lock.selfServiceOnly' } };
  expect(await rawRpc(app, 'journal.list', {})).toEqual(selfServiceOnly);
  expect(await rawRpc(app, 'settings.update', { locale: 'en' })).toEqual(selfServiceOnly);
  expect(await rawRpc(app, 'lock.removePin', { currentPin: PIN })).toEqual(selfServiceOnly);
  expect(await rawRpc(app, 'lock.leaveSelfService', { pin: '' })).toMatchObject({ ok: false });
  expect((await rpc<{ selfService: boolean }>(app, 'lock.status', {})).selfService).toBe(true);

  // The app's shortcuts do nothing here: not even a change of address (which the shell would send back).
  await app.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenHashes: string[] }).seenHashes = seen;
    window.addEventListener('hashchange', () => seen.push(window.location.hash));
  });
  await app.getByRole('heading', { level: 1 }).click();
  for (const keys of ['Alt+KeyJ', 'Alt+KeyL', 'Alt+KeyN', 'Alt+KeyS', 'Alt+KeyT', 'Alt+Shift+KeyL', 'Shift+Slash']) {
    await app.keyboard.press(keys);
  }
  expect(await app.evaluate(() => (window as unknown as { seenHashes: string[] }).seenHashes)).toEqual([]);
  await expect(app).toHaveURL(/#\/diagnostic$/);
  await expect(app.getByRole('dialog')).toHaveCount(0);
  await expect(lockHeading(app)).toHaveCount(0);

  await expectAccessible(app, 'self-service (fr)');
  // Leaving: without the PIN, with a wrong one, then with the right one.
  await app.getByRole('button', { name: 'Quitter le libre-service' }).click();
  const dialog = app.getByRole('dialog', { name: 'Quitter le mode libre-service' });
  await expect(dialog.getByLabel(/^Code de verrouillage/)).toBeFocused();
  await expectAccessible(app, 'leave self-service (fr)');
  await dialog.getByRole('button', { name: 'Quitter le libre-service' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Ce code n’est pas le bon.');
  // (A third wrong PIN in a row would start the waits: tests/core/lock.test.ts checks those.)
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(app.getByRole('button', { name: 'Quitter le libre-service' })).toBeFocused();

  await app.getByRole('button', { name: 'Quitter le libre-service' }).click();
  await dialog.getByLabel(/^Code de verrouillage/).fill(PIN);
  await dialog.getByRole('button', { name: 'Quitter le libre-service' }).click();
  await expect(app.getByRole('link', { name: 'Journal' })).toBeVisible();
  expect((await rpc<{ total: number }>(app, 'journal.list', {})).total).toBe(0);
});
