import type { ContractExamples } from '../contract';
import type { diagnosticContract } from './contract';
import type { BusinessInput } from './schema';

/** A bakery of five persons in the Rhône, VAT-registered, selling to consumers and businesses. */
export const BAKERY: BusinessInput = {
  name: 'Boulangerie des Pentes',
  naf: '10.71C',
  sizeBand: '1-9',
  departement: '69',
  vatStatus: 'redevable',
  customerMix: 'mixte',
  siret: '732 829 320 00074',
};

export const diagnosticExamples: ContractExamples<keyof typeof diagnosticContract> = async (call) => {
  const first = await call('diagnostic.start', { mode: 'mediateur' });
  await call('diagnostic.describe', { id: first.id, business: BAKERY });
  await call('diagnostic.answer', { id: first.id, answers: { d4_sauvegarde: 0, d5_ia_generative: 3 } });
  await call('diagnostic.finish', { id: first.id });
  const second = await call('diagnostic.start', { mode: 'autonome', previousId: first.id });
  const spare = await call('diagnostic.start', { mode: 'autonome' });
  return {
    'diagnostic.questionnaire': { version: 'v1' },
    'diagnostic.searchNaf': { query: 'boulangerie', limit: 5 },
    'diagnostic.departements': {},
    'diagnostic.start': { mode: 'autonome', previousId: null },
    'diagnostic.describe': { id: second.id, business: { ...BAKERY, sizeBand: '10-49' } },
    'diagnostic.answer': {
      id: second.id,
      answers: { d4_sauvegarde: 1, d2_objets_connectes: null, fe_plateforme: 'dk' },
    },
    'diagnostic.get': { id: second.id },
    'diagnostic.finish': { id: first.id },
    'diagnostic.results': { id: first.id },
    'diagnostic.peers': { id: first.id },
    'diagnostic.list': { offset: 0, limit: 20 },
    'diagnostic.delete': { id: spare.id },
  };
};
