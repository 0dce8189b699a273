import type { ContractExamples } from '../contract';
import type { storageContract } from './contract';

export const storageExamples: ContractExamples<keyof typeof storageContract> = async () => ({
  'storage.backupNow': {},
});
