import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenSource } from '../../../shared/files/schema';
import { isApiError } from '../../api/client';
import { chooseOpenSource } from '../../api/files';
import { navigate } from '../../lib/router';
import { elsewhere } from './paths';
import { useAppStatus } from '../../app/status';
import { errorText } from '../../i18n';
import { InputField } from '../../ui/fields';
import { JobProgress } from '../../ui/JobProgress';
import { useDeskJob, useFileSize } from './DeskJob';
import { FailureAlert, failureKey } from './FailureAlert';

/**
 * First run: restore a desk exported from another computer. The core refuses a wrong passphrase, a foreign, truncated
 * or newer file with its own message and changes nothing; on success the app opens on the restored journal.
 */
export function RestorePage() {
  const { t } = useTranslation('transfer');
  const { refresh } = useAppStatus();
  const size = useFileSize();
  const [source, setSource] = useState<OpenSource | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<{ file?: string; passphrase?: string }>({});
  const [failure, setFailure] = useState<{ key: string; fromJob: boolean } | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  const restore = useDeskJob('transfer.restore', (ended) => {
    setBusy(false);
    // The core has used the chosen file (an upload is removed): a new attempt starts by choosing it again.
    setSource(null);
    if (ended.state === 'done') {
      navigate(elsewhere.journal);
      void refresh();
    } else if (ended.state === 'cancelled') setCancelled(true);
    else setFailure({ key: failureKey(ended.error), fromJob: true });
  });

  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);

  async function pick() {
    setFailure(null);
    setCancelled(false);
    try {
      const chosen = await chooseOpenSource('desk');
      if (chosen) {
        setSource(chosen);
        setErrors((e) => ({ ...e, file: undefined }));
      }
    } catch (err) {
      setFailure({ key: isApiError(err) ? failureKey(err.error) : 'code.internal', fromJob: false });
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const next: typeof errors = {};
    if (!source) next.file = t('restore.fileRequired');
    if (!passphrase) next.passphrase = t('restore.passphraseRequired');
    setErrors(next);
    setFailure(null);
    setCancelled(false);
    if (!source || next.passphrase) {
      document.getElementById(next.file ? 'restore-file' : 'restore-passphrase')?.focus();
      return;
    }
    setBusy(true);
    try {
      await restore.start({ sourceId: source.sourceId, passphrase });
    } catch (err) {
      setBusy(false);
      setSource(null);
      setFailure({ key: isApiError(err) ? failureKey(err.error) : 'code.internal', fromJob: true });
    }
  }

  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-8">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left fr-mb-2w" href={elsewhere.journal}>
          {t('restore.back')}
        </a>
        <h1>{t('restore.pageTitle')}</h1>
        <p className="fr-text--lead">{t('restore.pageIntro')}</p>
        {failure && (
          <FailureAlert
            ref={alertRef}
            title={t('restore.errorTitle')}
            message={errorText(failure.key)}
            detail={failure.fromJob ? t('restore.nothingChanged') : undefined}
          />
        )}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <div className={`fr-input-group${errors.file ? ' fr-input-group--error' : ''}`}>
            <button
              id="restore-file"
              type="button"
              className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-file-line"
              onClick={() => void pick()}
              disabled={busy}
              aria-describedby={`restore-file-chosen${errors.file ? ' restore-file-error' : ''}`}
            >
              {source ? t('restore.chooseAgain') : t('restore.chooseFile')}
            </button>
            <p id="restore-file-chosen" className="fr-mt-1w" role="status">
              {source ? t('restore.chosen', { name: source.name, size: size(source.bytes) }) : t('restore.noFile')}
            </p>
            {errors.file && (
              <p className="fr-error-text" id="restore-file-error">
                {errors.file}
              </p>
            )}
          </div>
          <InputField
            id="restore-passphrase"
            type="password"
            autoComplete="current-password"
            label={t('restore.passphrase')}
            hint={t('restore.passphraseHint')}
            required
            value={passphrase}
            onChange={setPassphrase}
            error={errors.passphrase}
            disabled={busy}
          />
          {!restore.jobId && (
            <button type="submit" className="fr-btn" disabled={busy}>
              {t('restore.submit')}
            </button>
          )}
        </form>
        {restore.jobId && <JobProgress jobId={restore.jobId} label={t('restore.submit')} onEnd={restore.ended} />}
        <div role="status" className="fr-mt-2w">
          {cancelled && <p className="fr-message fr-message--info">{t('restore.cancelled')}</p>}
        </div>
      </div>
    </div>
  );
}
