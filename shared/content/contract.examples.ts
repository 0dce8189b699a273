import type { ContractExamples } from '../contract';
import type { contentContract } from './contract';

// The pack comes from `files.pickOpen` (the fuzz test's dialogs answer a file that is not a signed pack: the install
// job is refused with a typed error and nothing changes). The fuzz desk is not enrolled: the hub check is refused.
export const contentExamples: ContractExamples<keyof typeof contentContract> = async (call) => {
  const source = await call('files.pickOpen', { purpose: 'contentPack' });
  if (!source) throw new Error('the fuzz test’s dialogs always answer a file');
  return {
    'content.status': {},
    'content.installFile': { sourceId: source.sourceId },
    'content.checkHub': { channel: 'guides' },
    'content.rollback': { channel: 'guides' },
  };
};
