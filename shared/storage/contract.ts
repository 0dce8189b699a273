import { z } from 'zod';
import { job, noInput } from '../contract-kit';

export const BackupResult = z.object({ at: z.string(), bytes: z.number().int() });

export const storageContract = {
  'storage.backupNow': job(noInput, BackupResult),
} as const;
