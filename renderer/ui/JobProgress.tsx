import { useEffect, useRef, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobMethodName } from '../../shared/contract';
import type { JobView } from '../../shared/jobs/schema';
import { useJob } from '../api/jobs';
import { errorText } from '../i18n';

export interface JobProgressProps {
  jobId: string;
  /** What the job does, shown above the bar and naming it for assistive technologies ("Export of the desk"). */
  label: string;
  /** Called once when the job has ended (done, failed or cancelled), with its last state. */
  onEnd?: (view: JobView) => void;
}

const PHASE_PREFIX = 'jobs.phase.';

/**
 * Shows any job: a progress bar (indeterminate while the amount of work is unknown), the translated phase, a Cancel
 * button while it runs, and the end. A polite live region says each new phase and the end. At the end the Cancel
 * button disappears: if it had focus, focus moves to the end message rather than falling back to the page.
 */
export function JobProgress({ jobId, label, onEnd }: JobProgressProps) {
  const { t } = useTranslation();
  const job = useJob<JobMethodName>(jobId);
  const endRef = useRef<HTMLParagraphElement>(null);
  // Whether focus is inside (on Cancel): only then is it moved at the end, never stolen from elsewhere. A blur with
  // no next element (the button removed at the end) keeps it.
  const hadFocus = useRef(false);
  const onFocus = () => {
    hadFocus.current = true;
  };
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget as Node)) hadFocus.current = false;
  };
  const reported = useRef<string | null>(null);
  const view = job.view;

  useEffect(() => {
    if (!view || !job.ended || reported.current === view.id) return;
    reported.current = view.id;
    if (hadFocus.current) endRef.current?.focus();
    onEnd?.(view);
  }, [view, job.ended, onEnd]);

  const phase =
    view && view.phase.startsWith(PHASE_PREFIX) ? t(view.phase as 'jobs.phase.starting') : t('jobs.phase.starting');
  const percent = view && view.total ? Math.min(100, Math.floor((view.done / view.total) * 100)) : null;
  const cancelling = view?.phase === 'jobs.phase.cancelling';
  const barId = `job-${jobId}-label`;

  let endText: string | null = null;
  if (job.ended && view) {
    if (view.state === 'done') endText = t('jobs.ended.done');
    else if (view.state === 'cancelled') endText = t('jobs.ended.cancelled');
    else
      endText = t('jobs.ended.failed', {
        reason: errorText(view.error?.messageKey ?? `code.${view.error?.code ?? 'internal'}`),
      });
  } else if (job.error) {
    endText = t('jobs.ended.failed', { reason: errorText(job.error.messageKey ?? `code.${job.error.code}`) });
  }

  return (
    <div className="mediane-job fr-mb-4w" onFocus={onFocus} onBlur={onBlur}>
      <p id={barId} className="fr-text--bold fr-mb-1w">
        {label}
      </p>
      {endText === null && (
        <>
          <progress
            className="mediane-job__bar"
            aria-labelledby={barId}
            max={view?.total ? view.total : undefined}
            value={view?.total ? Math.min(view.done, view.total) : undefined}
          />
          <p className="fr-text--sm fr-mb-2w">
            {phase}
            {percent !== null && ` — ${t('jobs.percent', { percent })}`}
          </p>
          <button
            type="button"
            className="fr-btn fr-btn--secondary fr-btn--sm"
            onClick={() => void job.cancel()}
            disabled={!view || cancelling}
          >
            {cancelling ? t('jobs.cancelling') : t('jobs.cancel')}
          </button>
        </>
      )}
      {endText !== null && (
        <p
          ref={endRef}
          tabIndex={-1}
          className={`fr-message ${view?.state === 'done' ? 'fr-message--valid' : view?.state === 'cancelled' ? 'fr-message--info' : 'fr-message--error'}`}
        >
          {endText}
        </p>
      )}
      <p className="fr-sr-only" aria-live="polite">
        {endText ?? phase}
      </p>
    </div>
  );
}
