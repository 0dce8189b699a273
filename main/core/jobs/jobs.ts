import type { ZodType } from 'zod';
import { contract, type JobMethodName, type JobResult } from '../../../shared/contract';
import { CoreError, type AppError } from '../../../shared/errors';
import type { Clock, IdSource } from '../../../shared/ids';
import { MAX_JOB_WAIT_MS, type JobView } from '../../../shared/jobs/schema';

// One mechanism for long work (export, restore, backup now, later imports and sync): a job has an id, progress
// (done/total and a phase key the renderer translates), can be cancelled, and ends with a result checked against the
// starting method's `result` schema, or with a typed error. The renderer follows it by long-polling `jobs.get`, which
// works the same over IPC and over the browser-mode host's HTTP, with no push channel to secure.

export interface JobContext {
  /** Aborted when the user cancels or the core closes: the job stops, cleans up and rejects. */
  readonly signal: AbortSignal;
  /** Reports progress; `total` null while the amount of work is not known yet. */
  progress(done: number, total: number | null, phaseKey?: string): void;
}

export interface JobsLog {
  error(message: string, err: unknown): void;
}

export interface JobsOptions {
  clock: Clock;
  newId: IdSource;
  log?: JobsLog;
  /** How many ended jobs are kept for `jobs.get` (the oldest go first). */
  keepEnded?: number;
}

export type JobMethod = JobMethodName;

interface Entry {
  view: JobView;
  controller: AbortController;
  settled: Promise<void>;
  waiters: Set<() => void>;
}

export const PHASE_STARTING = 'jobs.phase.starting';
export const PHASE_CANCELLING = 'jobs.phase.cancelling';
const DEFAULT_KEEP_ENDED = 50;

function typedError(err: unknown): AppError {
  if (err instanceof CoreError) {
    return {
      code: err.code,
      ...(err.messageKey ? { messageKey: err.messageKey } : {}),
      ...(err.issues ? { issues: err.issues } : {}),
    };
  }
  return { code: 'internal' };
}

export function createJobs(o: JobsOptions) {
  const log = o.log ?? { error: (m: string, e: unknown) => console.error(m, e) };
  const keepEnded = o.keepEnded ?? DEFAULT_KEEP_ENDED;
  const jobs = new Map<string, Entry>();
  let closed = false;

  const now = () => o.clock.now().toISOString();

  function change(entry: Entry, patch: Partial<JobView>): void {
    entry.view = { ...entry.view, ...patch, version: entry.view.version + 1 };
    for (const wake of [...entry.waiters]) wake();
  }

  function forgetOldEnded(): void {
    const ended = [...jobs.values()].filter((e) => e.view.state !== 'running');
    // Map order is insertion order, so the first ended entries are the oldest.
    for (const e of ended.slice(0, Math.max(0, ended.length - keepEnded))) jobs.delete(e.view.id);
  }

  function find(id: string): Entry {
    const entry = jobs.get(id);
    if (!entry) throw new CoreError('not_found', 'jobs.notFound');
    return entry;
  }

  /**
   * Starts `run` as a job of `method` and answers at once. The job's result is parsed with the method's `result`
   * schema before it is stored: a result outside the contract is a bug, reported as `internal`, never shown.
   */
  function start<M extends JobMethod>(method: M, run: (ctx: JobContext) => Promise<JobResult<M>>): { jobId: string } {
    if (closed) throw new CoreError('storage_unavailable', 'jobs.closing');
    const id = o.newId();
    const controller = new AbortController();
    const entry: Entry = {
      view: {
        id,
        method,
        state: 'running',
        done: 0,
        total: null,
        phase: PHASE_STARTING,
        version: 0,
        startedAt: now(),
        endedAt: null,
      },
      controller,
      settled: Promise.resolve(),
      waiters: new Set(),
    };
    jobs.set(id, entry);
    const schema = (contract[method] as { result: ZodType }).result;
    const ctx: JobContext = {
      signal: controller.signal,
      progress(done, total, phaseKey) {
        if (entry.view.state !== 'running' || controller.signal.aborted) return;
        const phase = phaseKey ?? entry.view.phase;
        if (done === entry.view.done && total === entry.view.total && phase === entry.view.phase) return;
        change(entry, { done: Math.max(0, done), total: total === null ? null : Math.max(0, total), phase });
      },
    };
    // The job starts on the next turn, so the caller always gets its id before any work (or failure) happens.
    entry.settled = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => run(ctx))
      .then(
        (value) => {
          const parsed = schema.safeParse(value);
          if (!parsed.success) {
            log.error(`[mediane] job ${method} returned a result outside its contract`, parsed.error);
            change(entry, { state: 'failed', error: { code: 'internal' }, endedAt: now() });
            return;
          }
          change(entry, { state: 'done', result: parsed.data, endedAt: now() });
        },
        (err: unknown) => {
          if (controller.signal.aborted) {
            change(entry, { state: 'cancelled', endedAt: now() });
            return;
          }
          if (!(err instanceof CoreError)) log.error(`[mediane] job ${method} failed`, err);
          change(entry, { state: 'failed', error: typedError(err), endedAt: now() });
        },
      )
      .finally(forgetOldEnded);
    return { jobId: id };
  }

  /**
   * The job's state. With `afterVersion`, waits (up to `waitMs`) for a newer version or the end, so the renderer
   * follows a job with one pending request at a time instead of polling on a timer.
   */
  async function get(input: { id: string; afterVersion?: number; waitMs?: number }): Promise<JobView> {
    const entry = find(input.id);
    const after = input.afterVersion;
    if (after === undefined || entry.view.version > after || entry.view.state !== 'running' || closed)
      return entry.view;
    const waitMs = Math.min(input.waitMs ?? MAX_JOB_WAIT_MS, MAX_JOB_WAIT_MS);
    return new Promise<JobView>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        entry.waiters.delete(done);
        resolve(entry.view);
      };
      const timer = setTimeout(done, waitMs);
      entry.waiters.add(done);
    });
  }

  /** Asks a running job to stop; the view says `cancelled` once it has cleaned up. An ended job is left as it is. */
  function cancel(id: string): JobView {
    const entry = find(id);
    if (entry.view.state === 'running' && !entry.controller.signal.aborted) {
      entry.controller.abort();
      change(entry, { phase: PHASE_CANCELLING });
    }
    return entry.view;
  }

  return {
    start,
    get,
    cancel,
    /** True while any job runs (e.g. to refuse a second desk restore). */
    running: (method?: JobMethod) =>
      [...jobs.values()].some((e) => e.view.state === 'running' && (!method || e.view.method === method)),
    /** Cancels every running job and waits until each has cleaned up (the core closes its database after this). */
    async close(): Promise<void> {
      closed = true;
      const running = [...jobs.values()].filter((e) => e.view.state === 'running');
      for (const e of running) e.controller.abort();
      await Promise.all(running.map((e) => e.settled));
      for (const e of jobs.values()) for (const wake of [...e.waiters]) wake();
    },
  };
}

export type Jobs = ReturnType<typeof createJobs>;
