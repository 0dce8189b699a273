import { byId, query } from '../contract-kit';
import { JobQuery, JobView } from './schema';

export const jobsContract = {
  'jobs.get': query(JobQuery, JobView),
  // A query: it never writes the database, so Cancel still works once writes are refused (damaged file).
  'jobs.cancel': query(byId, JobView),
} as const;
