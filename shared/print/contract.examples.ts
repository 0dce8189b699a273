import type { ContractExamples } from '../contract';
import type { printContract } from './contract';

// The target comes from `files.pickSave` (the host's dialog, faked by the fuzz test).
export const printExamples: ContractExamples<keyof typeof printContract> = async (call) => {
  const target = await call('files.pickSave', { purpose: 'pdf', suggestedName: 'fiche.pdf' });
  if (!target) throw new Error('the fuzz test’s dialogs always answer a file');
  return { 'print.savePdf': { targetId: target.targetId } };
};
