import { expect, expectAccessible, test } from './fixtures';

// The browser-mode credential: only the browser that opened the one-time launch URL reaches the core. A page opened
// any other way (the address typed in another browser, the launch link reused) explains what to do instead of
// showing broken screens.

const MESSAGE = 'Cette page n’est pas reliée à Médiane';

test('a page opened without the launch link, or with a spent one, says how to open Médiane', async ({
  browser,
  host,
}) => {
  // The launch link, once: this browser is the desk's.
  const desk = await browser.newContext({ locale: 'fr-FR' });
  const deskPage = await desk.newPage();
  await deskPage.goto(host.launchUrl);
  await expect(deskPage).toHaveURL(host.url);
  await expect(deskPage.getByRole('heading', { level: 1, name: 'Bienvenue dans Médiane' })).toBeVisible();
  // A new tab of the same browser shares its cookie.
  const tab = await desk.newPage();
  await tab.goto(host.url);
  await expect(tab.getByRole('heading', { level: 1, name: 'Bienvenue dans Médiane' })).toBeVisible();

  // Another browser, with the address alone or with the spent link.
  for (const url of [host.url, host.launchUrl]) {
    const other = await browser.newContext({ locale: 'fr-FR' });
    const page = await other.newPage();
    await page.goto(url);
    await expect(page).toHaveURL(host.url);
    await expect(page.getByRole('alert')).toContainText(MESSAGE);
    await expect(page.getByRole('alert')).toContainText('lanceur');
    expect(await page.content()).not.toMatch(/mediane-\d+=/);
    expect((await other.cookies()).length).toBe(0);
    await expectAccessible(page, `no launch credential (${url === host.url ? 'address' : 'spent link'})`);
    await other.close();
  }
  await desk.close();
});
