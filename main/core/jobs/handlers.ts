import type { HandlersFor } from '../../../shared/contract';
import type { jobsContract } from '../../../shared/jobs/contract';
import type { Jobs } from './jobs';

export function jobsHandlers(jobs: Jobs): HandlersFor<keyof typeof jobsContract> {
  return {
    'jobs.get': (input) => jobs.get(input),
    'jobs.cancel': (input) => jobs.cancel(input.id),
  };
}
