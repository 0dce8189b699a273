import type { ContractExamples } from '../contract';
import type { exportsContract } from './contract';

// Targets and sources come from `files.*` (the host's dialogs, faked by the fuzz test). The plan id is one no
// preview made: committing it is refused (not_found), which is what an expired plan gets.
export const exportsExamples: ContractExamples<keyof typeof exportsContract> = async (call) => {
  const csv = await call('files.pickSave', { purpose: 'csv', suggestedName: 'seances.csv' });
  const ods = await call('files.pickSave', { purpose: 'ods', suggestedName: 'statistiques.ods' });
  const source = await call('files.pickOpen', { purpose: 'spreadsheet' });
  if (!csv || !ods || !source) throw new Error('the fuzz test’s dialogs always answer a file');
  const scope = { from: '2026-01-01', to: '2026-03-31', kind: null, operator: 'caf', topic: null, outcome: null };
  return {
    'exports.sessions': { targetId: csv.targetId, format: 'csv', scope, includeNotes: false },
    'exports.aggregated': { targetId: ods.targetId, format: 'ods', scope },
    'exports.previewImport': { sourceId: source.sourceId },
    'exports.commitImport': { planId: '00000000-0000-4000-8000-000000000000' },
  };
};
