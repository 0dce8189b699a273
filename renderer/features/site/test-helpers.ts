import { cleanup } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import type { AppStatus } from '../../../shared/app/schema';
import type { Commune } from '../../../shared/communes/schema';
import type { SiteProfile } from '../../../shared/site/schema';
import { initAppI18n } from '../../app/features';
import { STATUS } from '../../test-kit';

// Fixtures of the site pages' tests; the fake core itself is renderer/test-kit.tsx.

export const LUNEL: Commune = {
  code: '34145',
  name: 'Lunel',
  postcodes: ['34400'],
  departement: '34',
  departementName: 'Hérault',
  epci: '243400694',
  population: 26000,
};

export const MARSEILLE: Commune = {
  code: '13055',
  name: 'Marseille',
  postcodes: ['13001', '13002', '13003'],
  departement: '13',
  departementName: 'Bouches-du-Rhône',
  epci: '200054807',
  population: 870000,
};

export const SAVED_SITE: SiteProfile = {
  id: '7d1f6c0e-1b7a-4c6e-9d7e-2f0a1b2c3d4e',
  name: 'France Services de Lunel',
  siteType: 'france_services',
  communeCode: '34145',
  communeName: 'Lunel',
  postcode: '34400',
  street: '',
  siret: '',
  services: ['Aide aux démarches administratives'],
  programmes: ['France Services'],
  trainingLabels: [],
  mediatorName: 'Camille',
  createdAt: '2026-06-01T09:00:00.000Z',
  updatedAt: '2026-06-01T09:00:00.000Z',
};

export function statusWith(site: SiteProfile | null): AppStatus {
  return { ...STATUS, setupDone: site !== null, site };
}

/** The lifecycle every site page test shares: French texts, the given address, no fake core left behind. */
export function setUpSiteTests(hash: string): void {
  beforeAll(() => {
    initAppI18n('fr');
  });
  beforeEach(async () => {
    await i18next.changeLanguage('fr');
    window.location.hash = hash;
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    delete window.mediane;
  });
}
