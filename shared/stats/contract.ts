import { job, mutation, noInput, query } from '../contract-kit';
import { Dashboard, DashboardQuery, RetentionPolicy, RetentionRun, RetentionState } from './schema';

export const statsContract = {
  /** Key figures, every breakdown table and the trend for a period and the journal's filters (one query layer). */
  'stats.dashboard': query(DashboardQuery, Dashboard),
  'stats.retention': query(noInput, RetentionState),
  'stats.setRetention': mutation(RetentionPolicy, RetentionState),
  /** Erases what the policy says is due now, in batches (it also runs by itself in the background). */
  'stats.runRetention': job(noInput, RetentionRun),
} as const;
