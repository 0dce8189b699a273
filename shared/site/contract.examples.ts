import type { ContractExamples } from '../contract';
import type { siteContract } from './contract';
import type { SiteProfileInput } from './schema';

const SITE: SiteProfileInput = {
  name: 'France Services Lyon 3e',
  siteType: 'france_services',
  communeCode: '69123',
  postcode: '69003',
  street: '12 rue Paul Bert',
  services: ['Aide aux démarches administratives'],
  programmes: ['France Services'],
  trainingLabels: [],
};

export const siteExamples: ContractExamples<keyof typeof siteContract> = async (call) => {
  await call('site.save', SITE);
  return { 'site.save': SITE, 'site.exportNationalRecord': {} };
};
