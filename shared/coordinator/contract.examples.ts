import type { ContractExamples } from '../contract';
import type { coordinatorContract } from './contract';

// The fuzz hub answers an empty scope: connecting succeeds; after the disconnect example, the queries answer
// "not connected" (a typed refusal that changes nothing). The snapshot file and the export's target are the fuzz
// dialogs' files.
export const coordinatorExamples: ContractExamples<keyof typeof coordinatorContract> = async (call) => {
  const source = await call('files.pickOpen', { purpose: 'snapshots' });
  const xlsx = await call('files.pickSave', { purpose: 'xlsx', suggestedName: 'coordination.xlsx' });
  if (!source || !xlsx) throw new Error('the fuzz test’s dialogs always answer a file');
  return {
    'coordinator.status': {},
    'coordinator.connect': { hubUrl: 'https://hub.example.invalid', credential: 'mdn_coord_abcdefghijklmnop' },
    'coordinator.disconnect': {},
    'coordinator.summary': { from: '2026-01', to: '2026-11' },
    'coordinator.site': { siteId: '0f0e0d0c-0b0a-4098-8765-43210fedcba9', from: '2026-W01', to: '2026-W48' },
    'coordinator.importSnapshotFile': { sourceId: source.sourceId },
    'coordinator.export': { targetId: xlsx.targetId, format: 'xlsx', from: '2026-01', to: '2026-11' },
  };
};
