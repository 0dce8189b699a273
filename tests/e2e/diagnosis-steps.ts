import type { Page } from '@playwright/test';
import { expect } from './fixtures';

// The diagnosis as a person fills it in, shared by the mediator's spec and the self-service spec.

export const PAGES_FR = [
  'Stratégie numérique',
  'Équipements et usages',
  'Compétences',
  'Données et cybersécurité',
  'Automatisation et intelligence artificielle',
  'Numérique responsable',
  'Facturation électronique',
];

export const group = (page: Page, name: string | RegExp) => page.getByRole('group', { name });

/** The business page, filled by keyboard and clicks as a bakery of 1-9 persons in the Rhône that charges VAT. */
export async function describeBakery(page: Page, name: string): Promise<void> {
  await page.getByLabel('Nom de l’entreprise').fill(name);
  const naf = page.getByRole('combobox', { name: /Activité/ });
  await naf.fill('boulangerie patisserie');
  await expect(page.getByRole('option', { name: /10\.71C Boulangerie et boulangerie-pâtisserie/ })).toBeVisible();
  await naf.press('ArrowDown');
  await naf.press('ArrowUp');
  await naf.press('Enter');
  await expect(naf).toHaveValue(/^10\.71C/);
  await group(page, /Nombre de personnes/)
    .locator('label')
    .getByText('1 à 9 salariés', { exact: true })
    .click();
  await page.getByLabel(/Département/).selectOption('69');
  await group(page, /Statut de TVA/)
    .locator('label')
    .getByText('Je facture la TVA', { exact: true })
    .click();
  await group(page, /Vos clients sont surtout/)
    .locator('label')
    .getByText('Des entreprises et des particuliers', { exact: true })
    .click();
}
