import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveTarget } from '../../../shared/files/schema';
import { PASSPHRASE_MIN, type ExportDeskResult } from '../../../shared/transfer/schema';
import { isApiError } from '../../api/client';
import { chooseSaveTarget, deliver } from '../../api/files';
import { elsewhere } from './paths';
import { useAppStatus } from '../../app/status';
import { errorText } from '../../i18n';
import { InputField } from '../../ui/fields';
import { JobProgress } from '../../ui/JobProgress';
import { useDeskJob, useFileSize, type Ended } from './DeskJob';
import { FailureAlert, failureKey } from './FailureAlert';

type ExportOutcome =
  | { kind: 'done'; result: ExportDeskResult; download: boolean }
  | { kind: 'cancelled' }
  | { kind: 'pickCancelled' }
  | null;

/** A file name that says which desk and when: "mediane-<site>-<date>.mediane". */
function suggestedName(siteName: string | undefined, now: Date): string {
  const slug = (siteName ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `mediane-${slug ? `${slug}-` : ''}${now.toISOString().slice(0, 10)}.mediane`;
}

function ExportSection() {
  const { t } = useTranslation('transfer');
  const { status } = useAppStatus();
  const size = useFileSize();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; confirm?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ExportOutcome>(null);
  const [busy, setBusy] = useState(false);
  const target = useRef<SaveTarget | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const exportJob = useDeskJob('transfer.export', (ended: Ended<'transfer.export'>) => {
    setBusy(false);
    if (ended.state === 'done') {
      const download = target.current?.delivery === 'download';
      if (target.current) deliver(target.current);
      setPassphrase('');
      setConfirm('');
      setOutcome({ kind: 'done', result: ended.result, download });
    } else if (ended.state === 'cancelled') setOutcome({ kind: 'cancelled' });
    else setFailure(failureKey(ended.error));
  });

  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);
  useEffect(() => {
    if (outcome) resultRef.current?.focus();
  }, [outcome]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const next: typeof errors = {};
    if (passphrase.length < PASSPHRASE_MIN) next.passphrase = t('move.passphraseTooShort', { min: PASSPHRASE_MIN });
    if (confirm !== passphrase) next.confirm = t('move.confirmMismatch');
    setErrors(next);
    setFailure(null);
    setOutcome(null);
    if (next.passphrase || next.confirm) {
      document.getElementById(next.passphrase ? 'export-passphrase' : 'export-confirm')?.focus();
      return;
    }
    setBusy(true);
    try {
      const chosen = await chooseSaveTarget('desk', suggestedName(status.site?.name, new Date()));
      if (chosen === null) {
        setBusy(false);
        setOutcome({ kind: 'pickCancelled' });
        return;
      }
      target.current = chosen;
      await exportJob.start({ targetId: chosen.targetId, passphrase });
    } catch (err) {
      setBusy(false);
      setFailure(isApiError(err) ? failureKey(err.error) : 'code.internal');
    }
  }

  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{t('move.exportTitle')}</h2>
      <div className="fr-alert fr-alert--warning fr-mb-3w">
        <h3 className="fr-alert__title">{t('move.warningTitle')}</h3>
        <p>{t('move.warning')}</p>
      </div>
      {failure && <FailureAlert ref={alertRef} title={t('move.errorTitle')} message={errorText(failure)} />}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <InputField
          id="export-passphrase"
          type="password"
          autoComplete="new-password"
          label={t('move.passphrase')}
          hint={t('move.passphraseHint', { min: PASSPHRASE_MIN })}
          required
          value={passphrase}
          onChange={setPassphrase}
          error={errors.passphrase}
          disabled={busy}
        />
        <InputField
          id="export-confirm"
          type="password"
          autoComplete="new-password"
          label={t('move.confirm')}
          required
          value={confirm}
          onChange={setConfirm}
          error={errors.confirm}
          disabled={busy}
        />
        {!exportJob.jobId && (
          <button type="submit" className="fr-btn fr-btn--icon-left fr-icon-save-line" disabled={busy}>
            {outcome?.kind === 'done' ? t('move.again') : t('move.submit')}
          </button>
        )}
      </form>
      {exportJob.jobId && <JobProgress jobId={exportJob.jobId} label={t('move.exportTitle')} onEnd={exportJob.ended} />}
      <div ref={resultRef} tabIndex={-1} role="status" className="fr-mt-2w">
        {outcome?.kind === 'done' && (
          <div className="fr-alert fr-alert--success fr-alert--sm">
            <p>
              {t('move.done', {
                name: outcome.result.name,
                size: size(outcome.result.bytes),
                sessions: outcome.result.sessions,
              })}
            </p>
            {outcome.download && <p>{t('move.downloaded')}</p>}
          </div>
        )}
        {outcome?.kind === 'cancelled' && <p className="fr-message fr-message--info">{t('move.cancelled')}</p>}
        {outcome?.kind === 'pickCancelled' && <p className="fr-message fr-message--info">{t('move.pickCancelled')}</p>}
      </div>
    </section>
  );
}

function BackupSection() {
  const { t, i18n } = useTranslation('transfer');
  const { status, refresh } = useAppStatus();
  const size = useFileSize();
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const backup = useDeskJob('storage.backupNow', (ended) => {
    if (ended.state === 'done') {
      setMessage(t('backup.done', { size: size(ended.result.bytes) }));
      void refresh();
    } else if (ended.state === 'cancelled') setMessage(t('backup.cancelled'));
    else setFailure(failureKey(ended.error));
  });
  const last = status.storage.lastBackupAt;

  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);

  function run() {
    setMessage(null);
    setFailure(null);
    backup.start({}).catch((err: unknown) => setFailure(isApiError(err) ? failureKey(err.error) : 'code.internal'));
  }

  return (
    <section className="fr-mt-6w" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p>{t('backup.intro')}</p>
      <p>
        {last
          ? t('backup.last', {
              date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(
                new Date(last),
              ),
            })
          : t('backup.none')}
      </p>
      {failure && <FailureAlert ref={alertRef} title={t('backup.errorTitle')} message={errorText(failure)} />}
      {backup.jobId ? (
        <JobProgress jobId={backup.jobId} label={t('backup.title')} onEnd={backup.ended} />
      ) : (
        <button type="button" className="fr-btn fr-btn--secondary" onClick={run}>
          {t('backup.button')}
        </button>
      )}
      <div role="status" className="fr-mt-2w">
        {message && <p className="fr-message fr-message--info">{message}</p>}
      </div>
    </section>
  );
}

/** "Changer d'ordinateur", from "Mon lieu": export the whole desk to one encrypted file; back up now. */
export function MoveDeskPage() {
  const { t } = useTranslation('transfer');
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-8">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left fr-mb-2w" href={elsewhere.site}>
          {t('backToSite')}
        </a>
        <h1>{t('move.pageTitle')}</h1>
        <p className="fr-text--lead">{t('move.pageIntro')}</p>
        <ExportSection />
        <BackupSection />
      </div>
    </div>
  );
}
