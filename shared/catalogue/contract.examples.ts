import type { ContractExamples } from '../contract';
import type { catalogueContract } from './contract';

// The archive comes from `files.pickOpen` (the fuzz test's dialogs answer a file that is not an archive: the import
// job is refused with a typed error, and the previous catalogue stays).
export const catalogueExamples: ContractExamples<keyof typeof catalogueContract> = async (call) => {
  const source = await call('files.pickOpen', { purpose: 'catalogue' });
  if (!source) throw new Error('the fuzz test’s dialogs always answer a file');
  return {
    'catalogue.status': {},
    'catalogue.entry': { id: 'F1341' },
    'catalogue.search': { query: 'carte d’identité', limit: 10 },
    'catalogue.import': { sourceIds: [source.sourceId] },
  };
};
