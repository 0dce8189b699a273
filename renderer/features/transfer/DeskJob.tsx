import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobResult, MethodInput } from '../../../shared/contract';
import type { JobView } from '../../../shared/jobs/schema';
import { api } from '../../api/client';

// The desk jobs (export, restore, back up now) as this screen sees them: start, follow by long-polling `jobs.get`,
// cancel. Written against the jobs contract while the shared `renderer/api/jobs.ts` and `renderer/ui/JobProgress.tsx`
// were not there yet; once they are, this file is where the switch happens (the screens only use `useDeskJob`
// and `DeskJobProgress`).

export type DeskJobMethod = 'transfer.export' | 'transfer.restore' | 'storage.backupNow';
export type Ended<M extends DeskJobMethod> =
  | { state: 'done'; result: JobResult<M> }
  | { state: 'failed'; error: NonNullable<JobView['error']> }
  | { state: 'cancelled' };

const WAIT_MS = 5_000;

/** Starts a job and follows it; `onEnd` is called once, with its outcome. Stops following on unmount. */
export function useDeskJob<M extends DeskJobMethod>(method: M, onEnd: (ended: Ended<M>) => void) {
  const [job, setJob] = useState<JobView | null>(null);
  const live = useRef(true);
  const endRef = useRef(onEnd);
  useEffect(() => {
    endRef.current = onEnd;
  });

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const start = useCallback(
    async (input: MethodInput<M>) => {
      const { jobId } = (await api(method, input as never)) as { jobId: string };
      let view = await api('jobs.get', { id: jobId });
      while (live.current) {
        setJob(view);
        if (view.state !== 'running') break;
        view = await api('jobs.get', { id: jobId, afterVersion: view.version, waitMs: WAIT_MS });
      }
      if (!live.current) return;
      setJob(null);
      if (view.state === 'done') endRef.current({ state: 'done', result: view.result as JobResult<M> });
      else if (view.state === 'cancelled') endRef.current({ state: 'cancelled' });
      else endRef.current({ state: 'failed', error: view.error ?? { code: 'internal' } });
    },
    [method],
  );

  const cancel = useCallback(async () => {
    if (job) await api('jobs.cancel', { id: job.id });
  }, [job]);

  return { job, start, cancel };
}

/** A running job: DSFR-styled progress, done/total, the translated phase, a Cancel button. */
export function DeskJobProgress({ job, label, onCancel }: { job: JobView; label: string; onCancel: () => void }) {
  const { t, i18n } = useTranslation(['transfer', 'common']);
  const percent = job.total ? Math.min(100, Math.round((job.done / job.total) * 100)) : null;
  const phase = i18n.exists(job.phase) ? (t(job.phase as never) as string) : '';
  return (
    <div className="fr-my-3w">
      <label htmlFor={`job-${job.id}`} className="fr-label">
        {label}
      </label>
      <progress id={`job-${job.id}`} max={100} value={percent ?? undefined} />
      <p className="fr-hint-text" aria-live="polite">
        {phase}
        {percent !== null ? ` ${percent} %` : ''}
      </p>
      <button type="button" className="fr-btn fr-btn--secondary" onClick={onCancel}>
        {t('common:cancel')}
      </button>
    </div>
  );
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
