import type { ContractExamples } from '../contract';
import type { filesContract } from './contract';

export const filesExamples: ContractExamples<keyof typeof filesContract> = async () => ({
  'files.pickSave': { purpose: 'desk', suggestedName: 'mediane-lyon.mediane' },
  'files.pickOpen': { purpose: 'desk' },
});
