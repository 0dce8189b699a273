import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { rpc, withSite } from './helpers';
import { expect, expectAccessible, test } from './fixtures';

// The one search box, from every screen: Ctrl+K (or /) opens it, the desk's words find the guide or the service
// (acronyms, typos, elisions), arrows and Enter open it, all with the keyboard; axe in French and English with the
// results open. Over the guides shipped in resources/guides and the demo catalogue installed at first start.

const GUIDES = join(import.meta.dirname, '..', '..', 'resources', 'guides');
const guideTitle = (id: string) =>
  (JSON.parse(readFileSync(join(GUIDES, `${id}.json`), 'utf8')) as { title: string }).title;

/** The acceptance queries and the guide expected in the top three. */
const EXPECTED: Array<[string, string]> = [
  ['carte grise', 'ants-carte-grise-changement-titulaire'],
  ['apl', 'caf-aide-logement'],
  ['retraite', 'retraite-demande-en-ligne'],
  ['impots', 'impots-declaration-revenus'],
  ['pasport', 'ants-carte-identite-passeport'],
  ['d’identité', 'ants-carte-identite-passeport'],
];

async function waitForCatalogue(page: Page): Promise<void> {
  await expect
    .poll(async () => (await rpc<{ installed: boolean }>(page, 'catalogue.status', {})).installed, { timeout: 20_000 })
    .toBe(true);
}

const searchBox = (page: Page, name = /Guide, fiche ou service en ligne/) => page.getByRole('combobox', { name });

async function typeQuery(page: Page, query: string): Promise<void> {
  const box = searchBox(page);
  await box.fill('');
  await box.pressSequentially(query);
  await expect(page.getByRole('status').filter({ hasText: /résultat/ })).toBeVisible();
}

async function topThree(page: Page): Promise<string[]> {
  const options = page.getByRole('listbox', { name: 'Résultats' }).getByRole('option');
  await expect(options.first()).toBeVisible();
  return (await options.allTextContents()).slice(0, 3);
}

test('the desks’ words find the guide in the top three; keyboard only from the shortcut to the page', async ({
  app,
}) => {
  // One long keyboard journey (six queries, two pages, two axe scans) on a shared machine.
  test.setTimeout(180_000);
  await withSite(app);
  await waitForCatalogue(app);

  // Ctrl+K from the journal: the box opens with the focus in it.
  await app.keyboard.press('Control+k');
  await expect(searchBox(app)).toBeFocused();

  for (const [query, id] of EXPECTED) {
    await typeQuery(app, query);
    const top = await topThree(app);
    expect(
      top.some((text) => text.startsWith(guideTitle(id))),
      `${query} → ${id} in ${top.join(' / ')}`,
    ).toBe(true);
  }

  // Grouped results, guides first, with the catalogue's source and date.
  await typeQuery(app, 'carte grise');
  const list = app.getByRole('listbox', { name: 'Résultats' });
  await expect(list.getByRole('group', { name: 'Guides' })).toBeVisible();
  await expect(list.getByRole('group', { name: 'Fiches service-public.fr' })).toBeVisible();
  await expect(
    list.getByText(/catalogue de démonstration, service-public\.fr, Licence Ouverte, données du \d\d\/\d\d\/2020/),
  ).toBeVisible();
  await expectAccessible(app, 'search results (fr)');

  // Arrows move the active option; Enter opens it.
  await typeQuery(app, 'apl');
  const box = searchBox(app);
  const active = async () => app.locator(`[id="${await box.getAttribute('aria-activedescendant')}"]`).textContent();
  expect(await active()).toContain(guideTitle('caf-aide-logement'));
  await app.keyboard.press('ArrowDown');
  expect(await active()).not.toContain(guideTitle('caf-aide-logement'));
  await app.keyboard.press('ArrowUp');
  expect(await active()).toContain(guideTitle('caf-aide-logement'));
  await app.keyboard.press('Enter');
  await expect(box).toBeHidden();
  await expect.poll(() => app.evaluate(() => window.location.hash)).toBe('#/guide/caf-aide-logement');
  await expect(app.getByRole('heading', { level: 1, name: guideTitle('caf-aide-logement') })).toBeVisible();

  // A fiche, reached with the arrows past the guides, opens on its page.
  await app.keyboard.press('Control+k');
  await typeQuery(app, 'carte grise');
  const guides = await list.getByRole('group', { name: 'Guides' }).getByRole('option').count();
  for (let i = 0; i < guides; i++) await app.keyboard.press('ArrowDown');
  const activeId = await box.getAttribute('aria-activedescendant');
  const fiche = (await app.locator(`[id="${activeId}"] .mediane-search__title`).textContent())!;
  await app.keyboard.press('Enter');
  await expect.poll(() => app.evaluate(() => window.location.hash)).toMatch(/^#\/fiche\/F\d+$/);
  await expect(app.getByRole('heading', { level: 1 })).toContainText(fiche.slice(0, 20));

  // Escape closes it and gives the focus back; / opens it when not typing.
  await app.keyboard.press('Control+k');
  await expect(searchBox(app)).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(searchBox(app)).toBeHidden();
  await app.locator('body').press('/');
  await expect(searchBox(app)).toBeFocused();
  await app.keyboard.press('Escape');

  // English: the same box, the same results, no serious axe violation with the results open.
  await app.getByRole('button', { name: 'English' }).click();
  await app.keyboard.press('Control+k');
  const boxEn = searchBox(app, /Guide, fact sheet or online service/);
  await expect(boxEn).toBeFocused();
  await boxEn.pressSequentially('carte grise');
  await expect(app.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: /results?\./ })).toBeVisible();
  await expectAccessible(app, 'search results (en)');
});

test('a guide opened from the search while a timer runs joins that live session', async ({ app }) => {
  test.setTimeout(120_000);
  await withSite(app);
  await app.keyboard.press('Alt+t');
  await expect(app.getByTestId('header-clock')).toBeVisible();
  await app.keyboard.press('Control+k');
  await typeQuery(app, 'pasport');
  await app.keyboard.press('Enter');
  await expect.poll(() => app.evaluate(() => window.location.hash)).toBe('#/guide/ants-carte-identite-passeport');
  await expect(
    app.getByText(`« ${guideTitle('ants-carte-identite-passeport')} » est ajouté à la séance en cours.`),
  ).toBeVisible();
  const timers = await rpc<Array<{ id: string }>>(app, 'journal.timers', {});
  const used = await rpc<{ guides: Array<{ id: string }> }>(app, 'guides.session', {
    holder: { timerId: timers[0]!.id },
  });
  expect(used.guides.map((g) => g.id)).toEqual(['ants-carte-identite-passeport']);
});
