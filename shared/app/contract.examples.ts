import type { ContractExamples } from '../contract';
import type { appContract } from './contract';

export const appExamples: ContractExamples<keyof typeof appContract> = async () => ({ 'app.status': {} });
