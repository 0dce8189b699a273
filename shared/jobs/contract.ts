import { byId, mutation, query } from '../contract-kit';
import { JobQuery, JobView } from './schema';

export const jobsContract = {
  'jobs.get': query(JobQuery, JobView),
  'jobs.cancel': mutation(byId, JobView),
} as const;
