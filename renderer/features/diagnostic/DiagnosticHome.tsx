import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useCoreQuery } from '../../api/hooks';
import { coreErrorText } from '../../lib/core-error';
import { formatDate } from '../../lib/format';
import { navigate } from '../../lib/router';
import { paths } from './paths';

const PAGE = 50;

/** The mediator's entry: start a diagnosis (with the person, or for them alone), and the diagnoses kept here. */
export function DiagnosticHome() {
  const { t, i18n } = useTranslation('diagnostic');
  const [limit, setLimit] = useState(PAGE);
  const list = useCoreQuery('diagnostic.list', { offset: 0, limit });
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function start(mode: 'mediateur' | 'autonome', previousId: string | null = null) {
    setFailure(null);
    try {
      const d = await api('diagnostic.start', { mode, previousId });
      navigate(paths.business(d.id));
    } catch (e) {
      setFailure(coreErrorText(e));
    }
  }

  async function remove(id: string) {
    setFailure(null);
    try {
      await api('diagnostic.delete', { id });
      setConfirming(null);
      setDone(t('home.deleted'));
      list.refetch();
    } catch (e) {
      setFailure(coreErrorText(e));
    }
  }

  const rows = list.data?.rows ?? [];
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('home.intro')}</p>
      <h2>{t('home.startTitle')}</h2>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button type="button" className="fr-btn" onClick={() => void start('mediateur')}>
            {t('home.startMediator')}
          </button>
        </li>
        <li>
          <button
            type="button"
            className="fr-btn fr-btn--secondary"
            aria-describedby="diag-alone-hint"
            onClick={() => void start('autonome')}
          >
            {t('home.startAlone')}
          </button>
        </li>
      </ul>
      <p className="fr-hint-text" id="diag-alone-hint">
        {t('home.startAloneHint')}
      </p>
      {failure && (
        <div className="fr-alert fr-alert--error fr-mb-2w" role="alert">
          <p>{failure}</p>
        </div>
      )}
      <div role="status">{done && <p className="fr-valid-text">{done}</p>}</div>
      <h2>{t('home.listTitle')}</h2>
      {list.error && (
        <div className="fr-alert fr-alert--error" role="alert">
          <p>{coreErrorText(list.error)}</p>
        </div>
      )}
      {list.data && rows.length === 0 && <p>{t('home.empty')}</p>}
      {rows.length > 0 && (
        <div className="fr-table fr-table--no-caption-top">
          <table>
            <caption>{t('home.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('home.columns.business')}</th>
                <th scope="col">{t('home.columns.activity')}</th>
                <th scope="col">{t('home.columns.started')}</th>
                <th scope="col">{t('home.columns.status')}</th>
                <th scope="col">{t('home.columns.score')}</th>
                <th scope="col">{t('home.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const name = r.name || t('home.noName');
                return (
                  <tr key={r.id}>
                    <th scope="row">{name}</th>
                    <td lang="fr">{r.naf ? `${r.naf} ${r.nafLabel}` : t('dash')}</td>
                    <td className="mediane-nowrap">{formatDate(r.startedAt.slice(0, 10), i18n.language)}</td>
                    <td>
                      {t(`home.status.${r.status}`)} · {t(`home.mode.${r.mode}`)}
                    </td>
                    <td>{r.overall ?? t('dash')}</td>
                    <td>
                      {confirming === r.id ? (
                        <div role="group" aria-label={t('home.deleteLabel', { name })}>
                          <p className="fr-text--sm">{t('home.confirmDelete', { name })}</p>
                          <button type="button" className="fr-btn fr-btn--sm" onClick={() => void remove(r.id)}>
                            {t('home.confirmYes')}
                          </button>{' '}
                          <button
                            type="button"
                            className="fr-btn fr-btn--sm fr-btn--secondary"
                            onClick={() => setConfirming(null)}
                          >
                            {t('home.confirmNo')}
                          </button>
                        </div>
                      ) : (
                        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                          <li>
                            {r.status === 'termine' ? (
                              <a className="fr-btn fr-btn--sm" href={paths.results(r.id)}>
                                {t('home.results')}
                              </a>
                            ) : (
                              <a
                                className="fr-btn fr-btn--sm"
                                href={r.naf ? paths.page(r.id, 1) : paths.business(r.id)}
                              >
                                {t('home.resume')}
                              </a>
                            )}
                          </li>
                          {r.status === 'termine' && (
                            <li>
                              <button
                                type="button"
                                className="fr-btn fr-btn--sm fr-btn--secondary"
                                aria-label={t('home.againLabel', { name })}
                                onClick={() => void start('mediateur', r.id)}
                              >
                                {t('home.again')}
                              </button>
                            </li>
                          )}
                          <li>
                            <button
                              type="button"
                              className="fr-btn fr-btn--sm fr-btn--tertiary"
                              aria-label={t('home.deleteLabel', { name })}
                              onClick={() => setConfirming(r.id)}
                            >
                              {t('home.delete')}
                            </button>
                          </li>
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {list.data && list.data.total > rows.length && (
        <button type="button" className="fr-btn fr-btn--tertiary" onClick={() => setLimit((l) => l + PAGE)}>
          {t('home.more')}
        </button>
      )}
    </>
  );
}
