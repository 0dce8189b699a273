import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../shared/contract';
import type { ExportFormat, ExportResult } from '../../../shared/exports/schema';
import type { SaveTarget } from '../../../shared/files/schema';
import { isoDate } from '../../../shared/journal/schema';
import { OUTCOMES, SESSION_KINDS, TOPICS } from '../../../shared/taxonomy';
import { isApiError } from '../../api/client';
import { chooseSaveTarget, deliver } from '../../api/files';
import { useAppStatus } from '../../app/status';
import { errorText } from '../../i18n';
import { taxonomyLabel, today } from '../../lib/format';
import { Fieldset, InputField, RadioGroup, SelectField } from '../../ui/fields';
import { JobProgress } from '../../ui/JobProgress';
import { paths } from './paths';
import { failureKey, useExportsJob, type Ended } from './use-job';

type What = 'sessions' | 'aggregated';
type Outcome =
  { kind: 'done'; result: ExportResult; download: boolean } | { kind: 'cancelled' | 'pickCancelled' } | null;
type Scope = MethodInput<'exports.sessions'>['scope'];

const firstOfMonth = (iso: string) => `${iso.slice(0, 8)}01`;

export function ExportPage() {
  const { t } = useTranslation('exports');
  const { status } = useAppStatus();
  const [what, setWhat] = useState<What>('sessions');
  const [format, setFormat] = useState<ExportFormat>('ods');
  const [from, setFrom] = useState(() => firstOfMonth(today()));
  const [to, setTo] = useState(() => today());
  const [kind, setKind] = useState('');
  const [operator, setOperator] = useState('');
  const [topic, setTopic] = useState('');
  const [outcomeFilter, setOutcomeFilter] = useState('');
  const [notes, setNotes] = useState(false);
  const [periodError, setPeriodError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const target = useRef<SaveTarget | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const job = useExportsJob<'exports.sessions' | 'exports.aggregated'>(
    (ended: Ended<'exports.sessions' | 'exports.aggregated'>) => {
      setBusy(false);
      if (ended.state === 'done') {
        const download = target.current?.delivery === 'download';
        if (target.current) deliver(target.current);
        setOutcome({ kind: 'done', result: ended.result, download });
      } else if (ended.state === 'cancelled') setOutcome({ kind: 'cancelled' });
      else setFailure(failureKey(ended.error));
    },
  );

  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);
  useEffect(() => {
    if (outcome) resultRef.current?.focus();
  }, [outcome]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setFailure(null);
    setOutcome(null);
    if (!isoDate.safeParse(from).success || !isoDate.safeParse(to).success || from > to) {
      setPeriodError(t('export.invalidDates'));
      document.getElementById('export-from')?.focus();
      return;
    }
    setPeriodError(undefined);
    const scope: Scope = {
      from,
      to,
      kind: (kind || null) as Scope['kind'],
      operator: operator || null,
      topic: (topic || null) as Scope['topic'],
      outcome: (outcomeFilter || null) as Scope['outcome'],
    };
    setBusy(true);
    try {
      const base = what === 'sessions' ? 'seances' : 'statistiques';
      const chosen = await chooseSaveTarget(format, `mediane-${base}-${from}-${to}.${format}`);
      if (chosen === null) {
        setBusy(false);
        setOutcome({ kind: 'pickCancelled' });
        return;
      }
      target.current = chosen;
      if (what === 'sessions')
        await job.start('exports.sessions', { targetId: chosen.targetId, format, scope, includeNotes: notes });
      else await job.start('exports.aggregated', { targetId: chosen.targetId, format, scope });
    } catch (err) {
      setBusy(false);
      setFailure(isApiError(err) ? failureKey(err.error) : 'code.internal');
    }
  }

  const any = { value: '', label: t('export.any') };
  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('export.pageTitle')}</h1>
      <p>{t('export.pageIntro')}</p>
      <p>
        <a className="fr-link fr-icon-upload-line fr-link--icon-left" href={paths.importer}>
          {t('export.importLink')}
        </a>
      </p>
      <p>
        <a className="fr-link fr-icon-printer-line fr-link--icon-left" href={paths.rapports}>
          {t('export.reportsLink')}
        </a>
      </p>
      {failure && (
        <div ref={alertRef} className="fr-alert fr-alert--error fr-mb-3w" role="alert" tabIndex={-1}>
          <h2 className="fr-alert__title">{t('export.errorTitle')}</h2>
          <p>{errorText(failure)}</p>
        </div>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <RadioGroup<What>
          id="export-what"
          legend={t('export.what')}
          layout="stack"
          value={what}
          onChange={setWhat}
          options={[
            { value: 'sessions', label: t('export.sessions') },
            { value: 'aggregated', label: t('export.aggregated') },
          ]}
          hint={what === 'sessions' ? t('export.sessionsHint') : t('export.aggregatedHint')}
        />
        <RadioGroup<ExportFormat>
          id="export-format"
          legend={t('export.format')}
          layout="stack"
          value={format}
          onChange={setFormat}
          options={[
            { value: 'ods', label: t('export.formatOds') },
            { value: 'xlsx', label: t('export.formatXlsx') },
            { value: 'csv', label: t('export.formatCsv') },
          ]}
        />
        <Fieldset id="export-period" legend={t('export.period')} error={periodError}>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <InputField
              id="export-from"
              type="date"
              label={t('export.from')}
              required
              value={from}
              onChange={setFrom}
            />
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <InputField id="export-to" type="date" label={t('export.to')} required value={to} onChange={setTo} />
          </div>
        </Fieldset>
        <Fieldset id="export-filters" legend={t('export.filters')}>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <SelectField
              id="export-kind"
              label={t('export.kind')}
              value={kind}
              onChange={setKind}
              options={[any, ...SESSION_KINDS.map((k) => ({ value: k, label: taxonomyLabel('kind', k) }))]}
            />
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <SelectField
              id="export-operator"
              label={t('export.operator')}
              value={operator}
              onChange={setOperator}
              options={[any, ...status.operators.map((k) => ({ value: k, label: taxonomyLabel('operator', k) }))]}
            />
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <SelectField
              id="export-topic"
              label={t('export.topic')}
              value={topic}
              onChange={setTopic}
              options={[any, ...TOPICS.map((k) => ({ value: k, label: taxonomyLabel('topic', k) }))]}
            />
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <SelectField
              id="export-outcome"
              label={t('export.outcome')}
              value={outcomeFilter}
              onChange={setOutcomeFilter}
              options={[any, ...OUTCOMES.map((k) => ({ value: k, label: taxonomyLabel('outcome', k) }))]}
            />
          </div>
        </Fieldset>
        {what === 'sessions' && (
          <div className="fr-checkbox-group fr-mb-3w">
            <input
              type="checkbox"
              id="export-notes"
              checked={notes}
              onChange={(e) => setNotes(e.target.checked)}
              aria-describedby="export-notes-hint"
            />
            <label className="fr-label" htmlFor="export-notes">
              {t('export.notes')}
              <span className="fr-hint-text" id="export-notes-hint">
                {t('export.notesHint')}
              </span>
            </label>
          </div>
        )}
        {what === 'sessions' && notes && (
          <div className="fr-alert fr-alert--warning fr-mb-3w">
            <h2 className="fr-alert__title">{t('export.notesWarningTitle')}</h2>
            <p>{t('export.notesWarning')}</p>
          </div>
        )}
        {!job.jobId && (
          <button type="submit" className="fr-btn fr-btn--icon-left fr-icon-download-line" disabled={busy}>
            {t('export.submit')}
          </button>
        )}
      </form>
      {job.jobId && <JobProgress jobId={job.jobId} label={t('export.progressLabel')} onEnd={job.ended} />}
      <div ref={resultRef} tabIndex={-1} role="status" className="fr-mt-2w">
        {outcome?.kind === 'done' && (
          <div className="fr-alert fr-alert--success fr-alert--sm">
            <p>
              {t('export.done', {
                name: outcome.result.name,
                rows: outcome.result.rows,
                sessions: outcome.result.sessions,
              })}
            </p>
            {outcome.download && <p>{t('export.downloaded')}</p>}
          </div>
        )}
        {outcome?.kind === 'cancelled' && <p className="fr-message fr-message--info">{t('export.cancelled')}</p>}
        {outcome?.kind === 'pickCancelled' && (
          <p className="fr-message fr-message--info">{t('export.pickCancelled')}</p>
        )}
      </div>
    </div>
  );
}
