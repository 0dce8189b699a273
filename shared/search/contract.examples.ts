import type { ContractExamples } from '../contract';
import type { searchContract } from './contract';

export const searchExamples: ContractExamples<keyof typeof searchContract> = async () => ({
  'search.query': { query: 'carte grise', limit: 5 },
  'search.open': { kind: 'guide', id: 'ants-carte-grise' },
});
