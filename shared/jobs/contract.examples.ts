import type { ContractExamples } from '../contract';
import type { jobsContract } from './contract';

export const jobsExamples: ContractExamples<keyof typeof jobsContract> = async (call) => {
  // A job that has ended, so that every `jobs.get` of the fuzz test answers at once whatever it asks to wait for.
  const { jobId } = await call('storage.backupNow', {});
  let view = await call('jobs.get', { id: jobId });
  while (view.state === 'running')
    view = await call('jobs.get', { id: jobId, afterVersion: view.version, waitMs: 1000 });
  return { 'jobs.get': { id: jobId, afterVersion: view.version, waitMs: 1000 }, 'jobs.cancel': { id: jobId } };
};
