import { z } from 'zod';
import { AppError } from '../errors';

export const JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Longest wait of one `jobs.get` long-poll; the renderer simply asks again. */
export const MAX_JOB_WAIT_MS = 10_000;

export const JobView = z.object({
  id: z.string(),
  /** The contract method that started it, e.g. 'transfer.export'. */
  method: z.string(),
  state: z.enum(JOB_STATES),
  done: z.number().nonnegative(),
  /** null while the amount of work is not known yet. */
  total: z.number().nonnegative().nullable(),
  /** i18n key of the current phase, e.g. 'jobs.phase.copying'. */
  phase: z.string(),
  /** Grows at every change, so that a long-poll can wait for the next one. */
  version: z.number().int().nonnegative(),
  /** The result, once done: it matches the `result` schema of the method that started it. */
  result: z.unknown().optional(),
  error: AppError.optional(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof JobView>;

export const JobQuery = z
  .object({
    id: z.uuid(),
    /** Answer as soon as the job's version is greater than this one (or it has ended); absent: answer now. */
    afterVersion: z.number().int().nonnegative().optional(),
    waitMs: z.number().int().min(0).max(MAX_JOB_WAIT_MS).optional(),
  })
  .strict();
