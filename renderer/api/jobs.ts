import { useCallback, useEffect, useState } from 'react';
import type { JobMethodName, JobResult, MethodInput } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { MAX_JOB_WAIT_MS, type JobView } from '../../shared/jobs/schema';
import { api, isApiError } from './client';

// Long work in the renderer: `startJob` starts it and gives its id; `useJob` follows it with one long-poll of
// `jobs.get` at a time (the core answers at each change, at the end, or after the wait), and stops on unmount.

/** Starts a job; resolves to its id as soon as the core has accepted it (a refusal rejects with ApiError). */
export async function startJob<M extends JobMethodName>(method: M, input: MethodInput<M>): Promise<string> {
  const started = (await api(method, input)) as { jobId: string };
  return started.jobId;
}

export interface JobFollow<M extends JobMethodName> {
  /** The latest state; null until the first answer. */
  view: JobView | null;
  /** The typed result, once the job is done. */
  result: JobResult<M> | null;
  /** The job's own error, or why following it failed (the host went away). */
  error: AppError | null;
  ended: boolean;
  cancel(): Promise<void>;
}

export const isEnded = (view: JobView | null) => view !== null && view.state !== 'running';

/** Answers may cross (a cancel and a long-poll): keep the latest version. */
const newer = (next: JobView) => (current: JobView | null) =>
  current && current.id === next.id && current.version > next.version ? current : next;

export function useJob<M extends JobMethodName>(jobId: string | null): JobFollow<M> {
  const [latest, setView] = useState<JobView | null>(null);
  const [failure, setFollowError] = useState<{ jobId: string; error: AppError } | null>(null);
  // State left from a previous job id is ignored rather than reset in the effect.
  const view = latest && latest.id === jobId ? latest : null;
  const followError = failure && failure.jobId === jobId ? failure.error : null;

  useEffect(() => {
    if (!jobId) return;
    let alive = true;
    void (async () => {
      let version: number | undefined;
      for (;;) {
        let next: JobView;
        try {
          next = await api(
            'jobs.get',
            version === undefined ? { id: jobId } : { id: jobId, afterVersion: version, waitMs: MAX_JOB_WAIT_MS },
          );
        } catch (e) {
          if (alive) setFollowError({ jobId, error: isApiError(e) ? e.error : { code: 'internal' } });
          return;
        }
        if (!alive) return;
        setView(newer(next));
        if (isEnded(next)) return;
        version = next.version;
      }
    })();
    return () => {
      alive = false;
    };
  }, [jobId]);

  const cancel = useCallback(async () => {
    if (!jobId) return;
    try {
      setView(newer(await api('jobs.cancel', { id: jobId })));
    } catch (e) {
      setFollowError({ jobId, error: isApiError(e) ? e.error : { code: 'internal' } });
    }
  }, [jobId]);

  return {
    view,
    result: view?.state === 'done' ? (view.result as JobResult<M>) : null,
    error: view?.error ?? followError,
    ended: isEnded(view),
    cancel,
  };
}
