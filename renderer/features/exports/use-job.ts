import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobResult, MethodInput } from '../../../shared/contract';
import type { JobView } from '../../../shared/jobs/schema';
import { startJob } from '../../api/jobs';

export type ExportsJobMethod =
  'exports.sessions' | 'exports.aggregated' | 'exports.previewImport' | 'exports.commitImport';
export type Ended<M extends ExportsJobMethod> =
  | { state: 'done'; result: JobResult<M> }
  | { state: 'failed'; error: NonNullable<JobView['error']> }
  | { state: 'cancelled' };

/** Starts a job of this feature; while it runs `jobId` is set (render JobProgress with `onEnd={ended}`). */
export function useExportsJob<M extends ExportsJobMethod>(onEnd: (ended: Ended<M>) => void) {
  const [jobId, setJobId] = useState<string | null>(null);
  const endRef = useRef(onEnd);
  useEffect(() => {
    endRef.current = onEnd;
  });
  const start = useCallback(async (method: M, input: MethodInput<M>) => {
    setJobId(await startJob(method, input));
  }, []);
  const ended = useCallback((view: JobView) => {
    setJobId(null);
    if (view.state === 'done') endRef.current({ state: 'done', result: view.result as JobResult<M> });
    else if (view.state === 'cancelled') endRef.current({ state: 'cancelled' });
    else endRef.current({ state: 'failed', error: view.error ?? { code: 'internal' } });
  }, []);
  return { jobId, start, ended };
}

/** The i18n key (namespace "errors") of a core error: its own message, or its code's. */
export function failureKey(error: { code: string; messageKey?: string }): string {
  return error.messageKey ?? `code.${error.code}`;
}
