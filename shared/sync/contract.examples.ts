import type { ContractExamples } from '../contract';
import type { syncContract } from './contract';

// The fuzz desk is not enrolled: enrollment is refused (no hub answers on this port), the others answer
// "not enrolled" or "not in the queue": the fuzz test checks they are typed refusals that change nothing.
export const syncExamples: ContractExamples<keyof typeof syncContract> = async (call) => {
  const target = await call('files.pickSave', { purpose: 'snapshots', suggestedName: 'statistiques.json' });
  if (!target) throw new Error('the fuzz test’s dialogs always answer a file');
  return {
    'sync.status': {},
    'sync.enroll': { hubUrl: 'https://hub.example.invalid', code: 'ABCD-EFGH-1234' },
    'sync.configure': { graceDays: 7 },
    'sync.closePeriods': {},
    'sync.correct': { period: '2026-10' },
    'sync.preview': { key: 'none' },
    'sync.requeue': { key: 'none' },
    'sync.run': {},
    'sync.exportFile': { targetId: target.targetId },
  };
};
