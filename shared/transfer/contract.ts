import { job } from '../contract-kit';
import { ExportDeskInput, ExportDeskResult, RestoreDeskInput, RestoreDeskResult } from './schema';

export const transferContract = {
  'transfer.export': job(ExportDeskInput, ExportDeskResult),
  /** First run only: a desk that already has a site or sessions is never overwritten. */
  'transfer.restore': job(RestoreDeskInput, RestoreDeskResult),
} as const;
