import type { ContractExamples } from '../contract';
import type { statsContract } from './contract';

export const statsExamples: ContractExamples<keyof typeof statsContract> = async () => ({
  'stats.dashboard': {
    period: { unit: 'month', from: '2026-03-01', to: '2026-03-31' },
    filters: { kind: null, operator: 'caf', topic: null, outcome: null, followUpDue: false },
  },
  'stats.retention': {},
  'stats.setRetention': { enabled: true, months: 12, notesMonths: 6 },
  'stats.runRetention': {},
});
