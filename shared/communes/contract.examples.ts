import type { ContractExamples } from '../contract';
import type { communesContract } from './contract';

export const communesExamples: ContractExamples<keyof typeof communesContract> = async () => ({
  'communes.search': { query: 'lyon', limit: 5 },
  'communes.get': { code: '69123' },
});
