import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { pdfToText } from './printed';
import { rpc, withSite } from './helpers';

// Guides (issue 7): the list and a guide's page, guided mode from the header timer (tick steps, the suggested
// outcome, the journal shows the guide), the clean-PC checklist by keyboard, the handout printed to PDF in French
// and Arabic, the desk's own version of a guide, and guide packs. axe in French and English on each new screen.

const GUIDE = 'caf-prime-activite';

// Each test walks several screens with an axe scan on each: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

async function title(page: Page): Promise<string> {
  return (await rpc<{ guide: { title: string } }>(page, 'guides.get', { id: GUIDE })).guide.title;
}

/** Tabs until the element has the focus (keyboard only), at most `max` presses. */
async function tabTo(page: Page, locator: ReturnType<Page['locator']>, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('the element never got the focus');
}

test('guided mode from the running timer, by keyboard: open a guide, tick every step, end the session; the journal shows the guide and the suggested outcome; clean-PC checklist with Enter', async ({
  app,
}) => {
  await withSite(app);
  const guideTitle = await title(app);
  const banner = app.getByRole('banner');
  await app.keyboard.press('Alt+T');
  await expect(banner.getByRole('button', { name: /^Terminer le chronomètre/ })).toBeVisible();

  // The header's link opens the guides for this timer.
  const openGuide = banner.getByRole('link', { name: 'Ouvrir un guide' });
  await tabTo(app, openGuide);
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 1, name: 'Guides des démarches' })).toBeVisible();
  await expect(app.getByRole('heading', { level: 2, name: 'Guides de la séance' })).toBeVisible();
  await expectAccessible(app, 'guides list in a session (fr)');
  await app.getByLabel('Rechercher dans les titres').fill('prime d');
  const follow = app.getByRole('button', { name: `Suivre dans la séance ${guideTitle}` });
  await tabTo(app, follow);
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 1, name: guideTitle })).toBeVisible();

  // Every step ticked with the keyboard (Space on each checkbox).
  const steps = app.getByRole('checkbox', { name: /^Étape \d+ :/ });
  const count = await steps.count();
  expect(count).toBeGreaterThan(2);
  await tabTo(app, steps.first());
  for (let i = 0; i < count; i++) {
    await expect(steps.nth(i)).toBeFocused();
    await app.keyboard.press('Space');
    await expect(steps.nth(i)).toBeChecked();
    await app.keyboard.press('Tab');
  }
  await expect(app.getByTestId('guide-progress')).toContainText(`${count} étape(s) sur ${count} faite(s)`);
  await expect(app.getByTestId('guide-progress')).toContainText('Issue suggérée : Démarche finalisée');
  await expectAccessible(app, 'guide page in a session (fr)');
  await app.screenshot({ path: '/tmp/guided-guide-session.png', fullPage: true });
  await expect(banner.getByTestId('timer-guides')).toHaveText('1 guide suivi');

  // End the session from the header: the editor shows the guide and takes the suggested outcome.
  await app.keyboard.press('Alt+T');
  await expect(app.getByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeVisible();
  await expect(app.getByTestId('editor-guides')).toContainText(guideTitle);
  await expect(app.getByRole('radio', { name: 'Démarche finalisée' })).toBeChecked();
  await app.getByTestId('editor-guides').screenshot({ path: '/tmp/guided-editor.png' });
  await app.getByRole('checkbox', { name: 'CAF', exact: true }).check({ force: true });
  await app.keyboard.press('Control+Enter');
  await expect(app.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();

  // The shared PC's checklist: the sites of the guide, "All done" focused, Enter closes it.
  const dialog = app.getByRole('dialog', { name: 'Laisser le poste propre' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: /Se déconnecter de .*www\.caf\.fr/ })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Tout est fait' })).toBeFocused();
  await expectAccessible(app, 'clean-PC checklist (fr)');
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByText('Poste laissé propre.')).toBeAttached();

  const table = app.getByRole('table', { name: /^Séances enregistrées/ });
  await expect(table.getByTestId('row-guides')).toHaveText(`Guide suivi : ${guideTitle} (${count}/${count})`);
  await expect(table).toContainText('Démarche finalisée');
  await app.screenshot({ path: '/tmp/guided-journal.png' });

  // The journal's filter by guide.
  await rpc(app, 'journal.create', {
    kind: 'individuel',
    date: '2026-01-05',
    durationMin: 20,
    channel: 'lieu_activite',
    topics: ['email'],
  });
  await app.reload();
  await app.getByRole('button', { name: /Plus de filtres/ }).click();
  await app.getByLabel('Guide suivi').selectOption({ label: guideTitle });
  await expect(app.getByTestId('journal-count')).toHaveText('1 séance');
  await expectAccessible(app, 'journal filtered by guide (fr)');
});

test('Escape skips the clean-PC checklist; the setting turns it off', async ({ app }) => {
  await withSite(app);
  const timer = await rpc<{ id: string }>(app, 'journal.startTimer', {});
  await rpc(app, 'guides.open', { holder: { timerId: timer.id }, id: GUIDE });
  const saved = await rpc<{ id: string }>(app, 'journal.create', {
    kind: 'individuel',
    date: '2026-12-01',
    durationMin: 20,
    channel: 'lieu_activite',
    topics: ['aide_aux_demarches_administratives'],
    liveId: timer.id,
  });
  await go(app, `#/journal?enregistree=${saved.id}`);
  const dialog = app.getByRole('dialog', { name: 'Laisser le poste propre' });
  await expect(dialog).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(app.getByText('Liste « poste propre » passée.')).toBeAttached();

  await go(app, '#/guides/partage');
  await expect(app.getByRole('heading', { level: 1, name: 'Partager des guides' })).toBeVisible();
  await expectAccessible(app, 'packs page (fr)');
  await app.getByLabel('Proposer la liste « laisser le poste propre » en fin de séance').uncheck({ force: true });
  await expect.poll(() => rpc(app, 'guides.preferences', {})).toEqual({ cleanPcChecklist: false });
});

test('the handout prints to PDF in French and in Arabic (right to left), with the desk, its hours and the follow-up date; keyboard reaches the print button', async ({
  app,
}) => {
  await withSite(app);
  const guideTitle = await title(app);
  await go(app, `#/guide/${GUIDE}`);
  await expect(app.getByRole('heading', { level: 1, name: guideTitle })).toBeVisible();
  await expect(app.getByTestId('reviewed-on')).toContainText('Vérifié le');
  await expect(app.getByRole('link', { name: /www\.caf\.fr|caf\.fr|CAF/i }).first()).toHaveAttribute(
    'target',
    '_blank',
  );
  await expect(app.getByRole('link', { name: 'Fiche F2882' })).toHaveAttribute('href', '#/fiche/F2882');
  await expectAccessible(app, 'guide page (fr)');

  await app.getByRole('link', { name: 'Fiche à remettre à la personne' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Fiche à remettre à la personne' })).toBeVisible();
  await app.getByLabel(/Horaires d’ouverture/).fill('Lundi au vendredi, 9 h – 12 h 30');
  await app.getByLabel(/Prochaines étapes/).fill('Vérifier le versement sur le compte');
  await app.getByLabel(/Date du prochain rendez-vous/).fill('2026-12-15');
  await app.getByLabel(/Nom de la personne/).fill('Mme Exemple');
  await expectAccessible(app, 'handout page (fr)');
  const printButton = app.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' });
  await tabTo(app, printButton);
  await expect(printButton).toBeFocused();

  const sheet = app.locator('article.mediane-print-sheet');
  await expect(sheet).toHaveAttribute('dir', 'ltr');
  await app.emulateMedia({ media: 'print' });
  const fr = pdfToText(await app.pdf({ format: 'A4', printBackground: true }));
  await app.emulateMedia({ media: 'screen' });
  expect(fr).toContain('Votre démarche');
  expect(fr).toContain(guideTitle);
  expect(fr).toContain('France Services de Lunel');
  expect(fr).toContain('Lundi au vendredi');
  expect(fr).toContain('15 décembre 2026');
  expect(fr).toContain('Mme Exemple');
  expect(fr).toContain('https://www.caf.fr/');
  expect(fr).not.toContain('Fiche à remettre à la personne');

  await app.getByLabel(/Langue de la fiche/).selectOption('ar');
  await expect(sheet).toHaveAttribute('dir', 'rtl');
  await expect(sheet).toHaveAttribute('lang', 'ar');
  await app.screenshot({ path: '/tmp/guided-handout-ar.png', fullPage: true });
  await app.emulateMedia({ media: 'print' });
  const ar = pdfToText(await app.pdf({ format: 'A4', printBackground: true }));
  await app.emulateMedia({ media: 'screen' });
  // pdftotext splits Arabic words at joined letters and wraps runs in direction marks: compare without them.
  const bare = ar.replace(/[\s\u200e\u200f\u202a-\u202e\u00b7]/g, '');
  expect(bare).toContain('الإجراءالخاصبك');
  expect(bare).toContain('كلماتالمرور');
  expect(bare).toContain('ديسمبر');
  // Right to left: the Arabic heading sits on the right of the page, the guide's French text (kept) on the left.
  const heading = ar.split('\n').find((line) => line.replace(/\s/g, '').includes('الإجراءالخاصبك'))!;
  expect(heading.length - heading.trimStart().length).toBeGreaterThan(40);
  const french = ar.split('\n').find((line) => line.includes(guideTitle))!;
  expect(french.length - french.trimStart().length).toBeLessThan(10);
  // The person's name typed in the handout is never saved.
  expect(JSON.stringify(await rpc(app, 'guides.get', { id: GUIDE }))).not.toContain('Mme Exemple');
});

test('a desk version of a guide: edit (a refusal first), marked local with its date, exported in a pack, reverted', async ({
  app,
}) => {
  await withSite(app);
  const guideTitle = await title(app);
  await go(app, `#/guide/${GUIDE}/modifier`);
  await expect(app.getByRole('heading', { level: 1, name: 'Modifier le guide pour ce lieu' })).toBeVisible();
  await expectAccessible(app, 'guide edit form (fr)');
  await app.getByLabel('Titre', { exact: true }).fill('');
  await app.getByRole('button', { name: 'Enregistrer la version du lieu' }).click();
  await expect(app.getByRole('heading', { name: 'Le guide n’a pas été enregistré' })).toBeVisible();
  await app.getByLabel('Titre', { exact: true }).fill(`${guideTitle} (Lunel)`);
  await app.getByRole('button', { name: 'Enregistrer la version du lieu' }).click();
  await expect(app.getByRole('heading', { level: 1, name: `${guideTitle} (Lunel)` })).toBeVisible();
  await expect(app.getByTestId('local-mark')).toContainText('Version modifiée par ce lieu');

  await go(app, '#/guides/partage');
  await expect(app.getByRole('link', { name: `${guideTitle} (Lunel)` })).toBeVisible();
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Exporter un paquet de guides' }).click();
  const file = await download;
  const path = await file.path();
  const pack = JSON.parse(execFileSync('cat', [path!], { encoding: 'utf8' }));
  expect(pack.format).toBe('mediane-guide-pack');
  expect(pack.guides.map((g: { id: string }) => g.id)).toEqual([GUIDE]);
  await expect(app.getByText(/1 guide exporté/)).toBeVisible();

  await go(app, `#/guide/${GUIDE}/modifier`);
  await app.getByRole('button', { name: 'Revenir au texte d’origine' }).click();
  await app.getByRole('button', { name: 'Confirmer' }).click();
  await expect(app.getByRole('heading', { level: 1, name: guideTitle })).toBeVisible();
  await expect(app.getByTestId('local-mark')).toHaveCount(0);
});

test('every guides screen passes axe in English', async ({ app }) => {
  await withSite(app);
  const guideTitle = await title(app);
  await go(app, `#/guide/${GUIDE}`);
  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('heading', { level: 1, name: guideTitle })).toBeVisible();
  await expectAccessible(app, 'guide page (en)');
  const timer = await rpc<{ id: string }>(app, 'journal.startTimer', {});
  await go(app, `#/guides?chrono=${timer.id}`);
  await expect(app.getByRole('heading', { level: 1, name: 'Procedure guides' })).toBeVisible();
  await expectAccessible(app, 'guides list in a session (en)');
  await rpc(app, 'guides.open', { holder: { timerId: timer.id }, id: GUIDE });
  await go(app, `#/guide/${GUIDE}?chrono=${timer.id}`);
  await expect(app.getByTestId('guide-progress')).toBeVisible();
  await expectAccessible(app, 'guide page in a session (en)');
  await go(app, `#/guide/${GUIDE}/modifier`);
  await expect(app.getByRole('heading', { level: 1, name: 'Edit the guide for this desk' })).toBeVisible();
  await expectAccessible(app, 'guide edit form (en)');
  await go(app, `#/guide/${GUIDE}/fiche-remise`);
  await expect(app.getByRole('heading', { level: 1, name: 'Handout for the person' })).toBeVisible();
  await expectAccessible(app, 'handout page (en)');
  await go(app, '#/guides/partage');
  await expect(app.getByRole('heading', { level: 1, name: 'Share guides' })).toBeVisible();
  await expectAccessible(app, 'packs page (en)');
  await app.screenshot({ path: '/tmp/guided-packs-en.png', fullPage: true });
});
