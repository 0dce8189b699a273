import type { ContractExamples } from '../contract';
import type { settingsContract } from './contract';

export const settingsExamples: ContractExamples<keyof typeof settingsContract> = async () => ({
  'settings.update': { locale: 'en' },
});
