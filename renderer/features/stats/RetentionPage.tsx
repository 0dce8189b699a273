import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RETENTION_DEFAULT_MONTHS, type RetentionPolicy, type RetentionRun } from '../../../shared/stats/schema';
import { useCoreMutation, useCoreQuery } from '../../api/hooks';
import { startJob } from '../../api/jobs';
import { coreFieldErrors, coreErrorText } from '../../lib/core-error';
import { InputField } from '../../ui/fields';
import { JobProgress } from '../../ui/JobProgress';
import { RetentionLog } from '../../ui/RetentionLog';
import { paths } from './paths';

/** The retention setting (#/statistiques/conservation): off by default, what it erases and what it keeps. */
export function RetentionPage() {
  const { t } = useTranslation('stats');
  const state = useCoreQuery('stats.retention', {});
  if (!state.data) return <h1>{t('retention.title')}</h1>;
  return <RetentionForm initial={state.data.policy} />;
}

function RetentionForm({ initial }: { initial: RetentionPolicy }) {
  const { t } = useTranslation('stats');
  const id = useId();
  const save = useCoreMutation('stats.setRetention');
  const [policy, setPolicy] = useState<RetentionPolicy>(initial);
  const [enabledSaved, setEnabledSaved] = useState(initial.enabled);
  const [notesSooner, setNotesSooner] = useState(initial.notesMonths !== null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [logVersion, setLogVersion] = useState(0);
  const [done, setDone] = useState<string | null>(null);

  async function submit() {
    setErrors({});
    setMessage(null);
    try {
      const saved = await save.mutate({
        ...policy,
        notesMonths: notesSooner ? (policy.notesMonths ?? policy.months) : null,
      });
      setEnabledSaved(saved.policy.enabled);
      setMessage(t('retention.saved'));
      setLogVersion((v) => v + 1);
    } catch (e) {
      const fields = coreFieldErrors(e);
      setErrors(Object.keys(fields).length ? fields : { form: coreErrorText(e) });
    }
  }
  const months = (raw: string) => (raw === '' ? Number.NaN : Number(raw));

  return (
    <div>
      <h1>{t('retention.title')}</h1>
      <p>{t('retention.intro')}</p>
      <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w">
        <p>{t('retention.irreversible')}</p>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="fr-toggle fr-mb-2w">
          <input
            type="checkbox"
            className="fr-toggle__input"
            id={`${id}-enabled`}
            aria-describedby={`${id}-enabled-hint`}
            checked={policy.enabled}
            onChange={(e) => setPolicy({ ...policy, enabled: e.target.checked })}
          />
          <label className="fr-toggle__label" htmlFor={`${id}-enabled`}>
            {t('retention.enabled')}
          </label>
          <p className="fr-hint-text" id={`${id}-enabled-hint`}>
            {t('retention.enabledHint')}
          </p>
        </div>
        <InputField
          id={`${id}-months`}
          type="number"
          min={1}
          max={120}
          className="mediane-short-input"
          label={t('retention.months')}
          hint={t('retention.monthsHint', { count: RETENTION_DEFAULT_MONTHS })}
          value={Number.isNaN(policy.months) ? '' : String(policy.months)}
          error={errors.months}
          onChange={(raw) => setPolicy({ ...policy, months: months(raw) })}
        />
        <div className="fr-checkbox-group fr-mb-2w">
          <input
            type="checkbox"
            id={`${id}-notes-sooner`}
            checked={notesSooner}
            onChange={(e) => setNotesSooner(e.target.checked)}
          />
          <label className="fr-label" htmlFor={`${id}-notes-sooner`}>
            {t('retention.notesSooner')}
          </label>
        </div>
        {notesSooner && (
          <InputField
            id={`${id}-notes`}
            type="number"
            min={1}
            max={120}
            className="mediane-short-input"
            label={t('retention.notesMonths')}
            value={policy.notesMonths === null || Number.isNaN(policy.notesMonths) ? '' : String(policy.notesMonths)}
            error={errors.notesMonths}
            onChange={(raw) => setPolicy({ ...policy, notesMonths: months(raw) })}
          />
        )}
        {errors.form && (
          <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
            <p>{errors.form}</p>
          </div>
        )}
        <div role="status">{message && <p className="fr-message fr-message--valid">{message}</p>}</div>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" className="fr-btn" disabled={save.pending}>
              {t('retention.save')}
            </button>
          </li>
          <li>
            <button
              type="button"
              className="fr-btn fr-btn--secondary"
              disabled={(jobId !== null && done === null) || !enabledSaved}
              onClick={async () => {
                setDone(null);
                setJobId(await startJob('stats.runRetention', {}));
              }}
            >
              {t('retention.runNow')}
            </button>
          </li>
        </ul>
      </form>
      {jobId && (
        <JobProgress
          jobId={jobId}
          label={t('retention.running')}
          onEnd={(view) => {
            const r = view.result as RetentionRun | undefined;
            if (view.state === 'done' && r)
              setDone(t('retention.done', { details: r.detailsErased, notes: r.notesErased }));
            setLogVersion((v) => v + 1);
          }}
        />
      )}
      <div role="status">{done && <p className="fr-message fr-message--valid">{done}</p>}</div>
      <RetentionLog key={logVersion} />
      <p>
        <a className="fr-link" href={paths.stats}>
          {t('pageTitle')}
        </a>
      </p>
    </div>
  );
}
