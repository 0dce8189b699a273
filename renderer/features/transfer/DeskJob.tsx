import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobResult, MethodInput } from '../../../shared/contract';
import type { JobView } from '../../../shared/jobs/schema';
import { startJob } from '../../api/jobs';

// The desk jobs (export, restore, back up now) as these screens see them: start one, show it with the shared
// JobProgress while it runs, then hand its outcome to the screen, which says what it means for the desk.

export type DeskJobMethod = 'transfer.export' | 'transfer.restore' | 'storage.backupNow';
export type Ended<M extends DeskJobMethod> =
  | { state: 'done'; result: JobResult<M> }
  | { state: 'failed'; error: NonNullable<JobView['error']> }
  | { state: 'cancelled' };

/** Starts a job; while it runs `jobId` is set (render `JobProgress` with `onEnd={ended}`); `onEnd` gets its outcome. */
export function useDeskJob<M extends DeskJobMethod>(method: M, onEnd: (ended: Ended<M>) => void) {
  const [jobId, setJobId] = useState<string | null>(null);
  const endRef = useRef(onEnd);
  useEffect(() => {
    endRef.current = onEnd;
  });

  const start = useCallback(
    async (input: MethodInput<M>) => {
      setJobId(await startJob(method, input));
    },
    [method],
  );

  const ended = useCallback((view: JobView) => {
    setJobId(null);
    if (view.state === 'done') endRef.current({ state: 'done', result: view.result as JobResult<M> });
    else if (view.state === 'cancelled') endRef.current({ state: 'cancelled' });
    else endRef.current({ state: 'failed', error: view.error ?? { code: 'internal' } });
  }, []);

  return { jobId, start, ended };
}

/** A file size in the user's language, in the units people read (Ko/Mo in French). */
export function useFileSize() {
  const { t, i18n } = useTranslation('transfer');
  return (bytes: number) => {
    const fmt = (n: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(n);
    if (bytes < 1024) return t('size.bytes', { n: fmt(bytes) });
    if (bytes < 1024 ** 2) return t('size.kb', { n: fmt(bytes / 1024) });
    if (bytes < 1024 ** 3) return t('size.mb', { n: fmt(bytes / 1024 ** 2) });
    return t('size.gb', { n: fmt(bytes / 1024 ** 3) });
  };
}
