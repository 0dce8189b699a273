import type { ContractExamples } from '../contract';
import type { transferContract } from './contract';

// The targets and sources come from `files.*` (the host's dialogs, faked by the fuzz test). Restoring is refused
// there by design: the fuzz desk is already set up.
export const transferExamples: ContractExamples<keyof typeof transferContract> = async (call) => {
  const target = await call('files.pickSave', { purpose: 'desk', suggestedName: 'mediane-lyon.mediane' });
  const source = await call('files.pickOpen', { purpose: 'desk' });
  if (!target || !source) throw new Error('the fuzz test’s dialogs always answer a file');
  return {
    'transfer.export': { targetId: target.targetId, passphrase: 'correct horse battery staple' },
    'transfer.restore': { sourceId: source.sourceId, passphrase: 'correct horse battery staple' },
  };
};
