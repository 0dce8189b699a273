import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueStatus, ImportResult } from '../../../shared/catalogue/schema';
import { MAX_ARCHIVES } from '../../../shared/catalogue/schema';
import type { OpenSource } from '../../../shared/files/schema';
import type { JobView } from '../../../shared/jobs/schema';
import { isApiError } from '../../api/client';
import { chooseOpenSource } from '../../api/files';
import { useCoreQuery } from '../../api/hooks';
import { startJob } from '../../api/jobs';
import { errorText } from '../../i18n';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { InputField } from '../../ui/fields';
import { JobProgress } from '../../ui/JobProgress';
import { DataDateNotice } from './DataDateNotice';
import { paths } from './paths';
import './catalogue.css';

/** `#/catalogue`: what is installed (date, counts, demo or not), importing the official archives, a simple search. */
export function CataloguePage() {
  const { t } = useTranslation('catalogue');
  const status = useCoreQuery('catalogue.status', {});
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-9">
        <h1>{t('page.title')}</h1>
        <p className="fr-text--lead">{t('page.intro')}</p>
        {status.data && <StatusPanel status={status.data} />}
        {status.data?.installed && <SearchPanel />}
        <ImportPanel onImported={status.refetch} />
      </div>
    </div>
  );
}

function StatusPanel({ status }: { status: CatalogueStatus }) {
  const { t, i18n } = useTranslation('catalogue');
  const n = (x: number) => formatNumber(x, i18n.language);
  return (
    <section className="fr-mb-4w" aria-labelledby="catalogue-status-title">
      <h2 id="catalogue-status-title">{t('page.statusTitle')}</h2>
      {!status.installed ? (
        <p>{t('page.none')}</p>
      ) : (
        <>
          <DataDateNotice dataDate={status.dataDate} demo={status.demo} />
          <ul>
            <li data-testid="catalogue-counts">
              {t('page.counts', {
                fiche: n(status.counts.fiche),
                service: n(status.counts.service),
                topic: n(status.counts.topic),
              })}
            </li>
            {status.audiences.length > 0 && (
              <li>{t('page.audiences', { list: status.audiences.map((a) => t(`audience.${a}`)).join(', ') })}</li>
            )}
            {status.importedAt && (
              <li>{t('page.importedAt', { date: formatDateTime(status.importedAt, i18n.language) })}</li>
            )}
          </ul>
        </>
      )}
    </section>
  );
}

function SearchPanel() {
  const { t } = useTranslation('catalogue');
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const found = useCoreQuery('catalogue.search', { query, limit: 20 }, { enabled: query.trim() !== '' });
  const hits = found.data && query.trim() !== '' ? found.data.hits : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    setQuery(text.trim());
  }

  return (
    <section className="fr-mb-4w" aria-labelledby="catalogue-search-title">
      <h2 id="catalogue-search-title">{t('search.title')}</h2>
      <form role="search" onSubmit={submit} className="fr-mb-2w">
        <InputField
          id="catalogue-query"
          type="search"
          label={t('search.label')}
          hint={t('search.hint')}
          value={text}
          onChange={setText}
        />
        <button type="submit" className="fr-btn">
          {t('search.submit')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {hits && (
          <p className="fr-text--sm">
            {hits.length === 0 ? t('search.none', { query }) : t('search.results', { count: hits.length })}
          </p>
        )}
      </div>
      {hits && hits.length > 0 && (
        <ul className="mediane-catalogue-hits" aria-label={t('search.results', { count: hits.length })}>
          {hits.map((h) => (
            <li key={h.id}>
              <a className="fr-link" href={paths.fiche(h.id)}>
                {h.title}
              </a>{' '}
              <span className="fr-badge fr-badge--sm">{t(`kind.${h.kind}`)}</span>
              {h.match === 'fuzzy' && <span className="fr-text--xs"> ({t('search.fuzzy')})</span>}
              {h.snippet && <p className="fr-text--sm fr-mb-0">{h.snippet}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ImportPanel({ onImported }: { onImported(): void }) {
  const { t, i18n } = useTranslation('catalogue');
  const [sources, setSources] = useState<OpenSource[]>([]);
  const [jobId, setJobId] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'done'; result: ImportResult } | { kind: 'cancelled' } | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);

  async function add() {
    setFailure(null);
    setOutcome(null);
    if (sources.length >= MAX_ARCHIVES) {
      setFieldError(t('import.max'));
      return;
    }
    try {
      const chosen = await chooseOpenSource('catalogue');
      if (chosen) {
        setSources((s) => [...s, chosen]);
        setFieldError(null);
      }
    } catch (err) {
      setFailure(isApiError(err) ? (err.error.messageKey ?? `code.${err.error.code}`) : 'code.internal');
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    setOutcome(null);
    if (sources.length === 0) {
      setFieldError(t('import.required'));
      document.getElementById('catalogue-add')?.focus();
      return;
    }
    try {
      setJobId(await startJob('catalogue.import', { sourceIds: sources.map((s) => s.sourceId) }));
    } catch (err) {
      setFailure(isApiError(err) ? (err.error.messageKey ?? `code.${err.error.code}`) : 'code.internal');
    }
    // The core has taken the files (single use): a new attempt starts by choosing them again.
    setSources([]);
  }

  function ended(view: JobView) {
    setJobId(null);
    if (view.state === 'done') {
      setOutcome({ kind: 'done', result: view.result as ImportResult });
      onImported();
    } else if (view.state === 'cancelled') setOutcome({ kind: 'cancelled' });
    else setFailure(view.error?.messageKey ?? `code.${view.error?.code ?? 'internal'}`);
  }

  const size = (bytes: number) => t('import.kb', { n: formatNumber(Math.ceil(bytes / 1024), i18n.language) });
  return (
    <section className="fr-mb-4w" aria-labelledby="catalogue-import-title">
      <h2 id="catalogue-import-title">{t('import.title')}</h2>
      <p>{t('import.help')}</p>
      {failure && (
        <div ref={alertRef} className="fr-alert fr-alert--error fr-mb-3w" role="alert" tabIndex={-1}>
          <h3 className="fr-alert__title">{t('import.errorTitle')}</h3>
          <p>{errorText(failure)}</p>
        </div>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className={`fr-input-group${fieldError ? ' fr-input-group--error' : ''}`}>
          <button
            id="catalogue-add"
            type="button"
            className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-file-line"
            onClick={() => void add()}
            disabled={jobId !== null}
            aria-describedby={`catalogue-chosen${fieldError ? ' catalogue-add-error' : ''}`}
          >
            {t('import.choose')}
          </button>
          <div id="catalogue-chosen" className="fr-mt-1w" role="status">
            {sources.length === 0 ? (
              <p>{t('import.noneChosen')}</p>
            ) : (
              <ul aria-label={t('import.chosenTitle')}>
                {sources.map((s) => (
                  <li key={s.sourceId}>
                    {t('import.chosen', { name: s.name, size: size(s.bytes) })}{' '}
                    <button
                      type="button"
                      className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm"
                      onClick={() => setSources((all) => all.filter((x) => x.sourceId !== s.sourceId))}
                    >
                      {t('import.remove', { name: s.name })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {fieldError && (
            <p className="fr-error-text" id="catalogue-add-error">
              {fieldError}
            </p>
          )}
        </div>
        {!jobId && (
          <button type="submit" className="fr-btn">
            {t('import.submit')}
          </button>
        )}
      </form>
      {jobId && <JobProgress jobId={jobId} label={t('import.job')} onEnd={ended} />}
      <div role="status" className="fr-mt-2w">
        {outcome?.kind === 'done' && (
          <p className="fr-message fr-message--valid">
            {t('import.done', {
              ...outcome.result.counts,
              date: outcome.result.dataDate ? formatDate(outcome.result.dataDate, i18n.language) : '?',
            })}
          </p>
        )}
        {outcome?.kind === 'cancelled' && <p className="fr-message fr-message--info">{t('import.cancelled')}</p>}
      </div>
    </section>
  );
}
