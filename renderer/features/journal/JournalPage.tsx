import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalPage as JournalPageData, JournalRow } from '../../../shared/journal/schema';
import { COUNT_CAP } from '../../../shared/journal/schema';
import { api } from '../../api/client';
import { useCoreQuery } from '../../api/hooks';
import { useAppStatus } from '../../app/status';
import { coreErrorText } from '../../lib/core-error';
import { formatDate, formatDuration, formatNumber, taxonomyLabel, today } from '../../lib/format';
import { navigate } from '../../lib/router';
import { ActionsMenu } from '../../ui/ActionsMenu';
import { dismissNotice, NoticeRegion, showNotice } from '../../ui/notices';
import { RetryAlert } from '../../ui/RetryAlert';
import { hasFilter, JournalFilters, NO_FILTER, type FilterState, type SessionSort } from './JournalFilters';
import { LiveTimers } from './LiveTimers';
import { TodaySummary } from './TodaySummary';
import { dueState } from './list-format';
import { paths } from './paths';
import { SavedSlots } from '../../ui/session-slots';

export const PAGE_SIZE = 50;

const lastPageOf = (data: JournalPageData) => Math.max(1, Math.ceil(data.total / PAGE_SIZE));

/** A dash for an empty cell, read out as "not recorded". */
function Empty() {
  const { t } = useTranslation('journal');
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="fr-sr-only">{t('list.none')}</span>
    </>
  );
}

function Topics({ topics }: { topics: string[] }) {
  const { t } = useTranslation('journal');
  if (topics.length === 0) return <Empty />;
  const labels = topics.map((k) => taxonomyLabel('topic', k));
  const shown = labels.slice(0, 2).join(', ');
  const rest = labels.slice(2);
  if (rest.length === 0) return <>{shown}</>;
  return (
    <>
      {shown}{' '}
      <span aria-hidden="true" className="fr-text--bold">
        {t('list.moreTopics', { n: rest.length })}
      </span>
      <span className="fr-sr-only">{t('list.moreTopicsSr', { n: rest.length, list: rest.join(', ') })}</span>
    </>
  );
}

function FollowUpCell({ row, todayIso }: { row: JournalRow; todayIso: string }) {
  const { t, i18n } = useTranslation('journal');
  if (!row.followUpDue) return <Empty />;
  if (row.followUpClosed)
    return <span className="fr-badge fr-badge--sm fr-badge--success">{t('list.followUp.closed')}</span>;
  const state = dueState(row.followUpDue, todayIso);
  const tone = state === 'overdue' ? 'error' : state === 'today' ? 'warning' : 'info';
  return (
    <>
      <span className={`fr-badge fr-badge--sm fr-badge--${tone} fr-badge--no-icon`}>{t(`list.followUp.${state}`)}</span>{' '}
      <span className="mediane-nowrap">
        {t('list.followUp.due', { date: formatDate(row.followUpDue, i18n.language) })}
      </span>
    </>
  );
}

function Subject({ row }: { row: JournalRow }) {
  const { t } = useTranslation('journal');
  if (row.kind === 'collectif') {
    return (
      <>
        {row.workshopTitle ?? ''}{' '}
        <span className="mediane-nowrap">({t('list.participants', { count: row.participants })})</span>
      </>
    );
  }
  return row.procedureName ? <>{row.procedureName}</> : <Empty />;
}

/** A notice's date parameter, formatted in the language of the moment. */
const dateOf = (row: JournalRow) => (language: string) => ({ date: formatDate(row.date, language) });

/** The journal: the live session block, then every recorded session, filtered, sorted and paged by the core. */
export function JournalPage({ savedId = null }: { savedId?: string | null }) {
  const { t, i18n } = useTranslation('journal');
  const lang = i18n.language;
  const { status } = useAppStatus();
  // Filter, sort and page change together (a new filter goes back to page 1).
  const [query, setQuery] = useState<{ filter: FilterState; sort: SessionSort; page: number }>({
    filter: NO_FILTER,
    sort: 'date_desc',
    page: 1,
  });
  const { filter, sort, page } = query;
  const list = useCoreQuery('journal.list', { filter, sort, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const data = list.data;
  // A failed action (delete, undo); a failed load comes from the query itself. Cleared by the next load asked.
  const [actionError, setActionError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** After the next load: a row id whose actions button takes the focus, or '' for the list heading. */
  const pendingFocus = useRef<string | null>(null);
  const todayIso = today();

  // The last row of the last page was deleted: show the last page that still has rows (adjusted during render).
  const lastPage = data ? lastPageOf(data) : 1;
  const overshoot = data !== undefined && !list.loading && data.rows.length === 0 && page > lastPage;
  if (overshoot) setQuery((q) => ({ ...q, page: lastPage }));
  const loading = list.loading || overshoot;
  const error = actionError ?? (list.error ? coreErrorText(list.error) : null);

  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null || loading) return;
    pendingFocus.current = null;
    const link = target ? document.getElementById(`actions-${target}`) : null;
    (link ?? heading.current)?.focus();
  }, [data, loading]);

  const { refetch } = list;
  // The summary of the day reads again whenever the list does after an action.
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => {
    setActionError(null);
    setReloads((n) => n + 1);
    refetch();
  }, [refetch]);
  const focusHeading = useCallback(() => heading.current?.focus(), []);

  function changeFilter(patch: Partial<FilterState>) {
    setQuery((q) => {
      const next = { ...q.filter, ...patch };
      const same = (Object.keys(next) as Array<keyof FilterState>).every((k) => next[k] === q.filter[k]);
      return same ? q : { ...q, filter: next, page: 1 };
    });
    setActionError(null);
  }

  function goTo(p: number) {
    pendingFocus.current = '';
    setActionError(null);
    setQuery((q) => ({ ...q, page: p }));
  }

  async function undo(row: JournalRow) {
    try {
      await api('journal.restore', { id: row.id });
    } catch (e) {
      dismissNotice();
      setActionError(coreErrorText(e));
      focusHeading();
      return;
    }
    pendingFocus.current = row.id;
    showNotice({
      tone: 'success',
      message: { key: 'journal:list.notices.restored', params: dateOf(row) },
      returnFocus: focusHeading,
    });
    reload();
  }

  async function remove(row: JournalRow) {
    try {
      await api('journal.delete', { id: row.id });
    } catch (e) {
      dismissNotice();
      setActionError(coreErrorText(e));
      return;
    }
    setActionError(null);
    showNotice({
      tone: 'success',
      message: { key: 'journal:list.notices.deleted', params: dateOf(row) },
      action: { label: { key: 'journal:list.notices.undo' }, run: () => undo(row) },
      focusAction: true,
      returnFocus: focusHeading,
    });
    reload();
  }

  // The copy is only created when its editor is saved: "Dupliquer" then "Annuler" leaves the journal as it was.
  function duplicate(row: JournalRow) {
    navigate(paths.duplicateSession(row.id));
  }

  const filtered = hasFilter(filter);
  const pages = data && !data.totalCapped ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : null;
  const hasNext = data ? (data.totalCapped ? data.rows.length === PAGE_SIZE : page < (pages ?? 1)) : false;
  const countText = !data
    ? loading
      ? t('list.loading')
      : ''
    : data.totalCapped
      ? t('list.countCapped', { n: formatNumber(COUNT_CAP, lang) })
      : t('list.count', { count: data.total, n: formatNumber(data.total, lang) });

  return (
    <>
      <h1>{t('list.title')}</h1>
      <NoticeRegion />
      <TodaySummary reloads={reloads} savedId={savedId} />
      {savedId && <SavedSlots sessionId={savedId} />}
      <LiveTimers />

      <section aria-labelledby="journal-sessions">
        <h2 id="journal-sessions" ref={heading} tabIndex={-1}>
          {t('list.sessions')}
        </h2>
        <JournalFilters
          value={filter}
          sort={sort}
          operators={status.operators}
          onChange={changeFilter}
          onSortChange={(s) => {
            setActionError(null);
            setQuery((q) => ({ ...q, sort: s, page: 1 }));
          }}
        />
        <p role="status" className="fr-text--lg fr-text--bold fr-mb-2w" data-testid="journal-count">
          {countText}
        </p>
        {error && <RetryAlert message={error} onRetry={reload} />}

        {data && data.total === 0 && data.rows.length === 0 && (
          <div className="mediane-empty fr-mb-4w">
            {filtered ? (
              <p>{t('list.empty.filtered')}</p>
            ) : (
              <>
                <p>{t('list.empty.none')}</p>
                <a className="fr-btn fr-icon-add-line fr-btn--icon-left" href={paths.newSession('individuel')}>
                  {t('list.empty.first')}
                </a>
              </>
            )}
          </div>
        )}

        {data && data.rows.length > 0 && (
          <div className="fr-table fr-table--no-caption fr-table--multiline fr-table--bordered fr-table--sm mediane-journal-table">
            <div className="fr-table__wrapper">
              <div className="fr-table__container">
                <div className="fr-table__content">
                  <table aria-busy={loading || undefined}>
                    <caption>
                      {pages && pages > 1
                        ? t('list.captionPage', { sort: t(`list.sortCaption.${sort}`), page })
                        : t('list.caption', { sort: t(`list.sortCaption.${sort}`) })}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('list.columns.date')}</th>
                        <th scope="col">{t('list.columns.kind')}</th>
                        <th scope="col">{t('list.columns.duration')}</th>
                        <th scope="col">{t('list.columns.topics')}</th>
                        <th scope="col">{t('list.columns.operators')}</th>
                        <th scope="col">{t('list.columns.subject')}</th>
                        <th scope="col">{t('list.columns.outcome')}</th>
                        <th scope="col">{t('list.columns.followUp')}</th>
                        <th scope="col">{t('list.columns.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.rows.map((row) => {
                        const date = formatDate(row.date, lang);
                        const of = row.startTime
                          ? t('list.actions.ofSessionAt', { date, time: row.startTime })
                          : t('list.actions.ofSession', { date });
                        // The menu's name tells rows of the same day apart: who was seen, else what it was about.
                        const who = row.operators.length
                          ? row.operators.map((k) => taxonomyLabel('operator', k)).join(', ')
                          : row.workshopTitle || row.procedureName || '';
                        return (
                          <tr
                            key={row.id}
                            data-row-id={row.id}
                            className={row.id === savedId ? 'mediane-row--saved' : undefined}
                          >
                            <th scope="row">
                              <span className="mediane-nowrap">{date}</span>
                              {row.startTime && (
                                <>
                                  <br />
                                  <span className="fr-text--sm">{t('list.at', { time: row.startTime })}</span>
                                </>
                              )}
                            </th>
                            <td>{taxonomyLabel('kind', row.kind)}</td>
                            <td>
                              <span className="mediane-nowrap">{formatDuration(row.durationMin)}</span>
                            </td>
                            <td>
                              <Topics topics={row.topics} />
                            </td>
                            <td>
                              {row.operators.length ? (
                                row.operators.map((k) => taxonomyLabel('operator', k)).join(', ')
                              ) : (
                                <Empty />
                              )}
                            </td>
                            <td>
                              <Subject row={row} />
                              {row.guides && (
                                <p className="fr-text--sm fr-mb-0" data-testid="row-guides">
                                  {t('list.guides', {
                                    guides: row.guides.map((g) => `${g.title} (${g.done}/${g.total})`).join(', '),
                                  })}
                                </p>
                              )}
                            </td>
                            <td>{row.outcome ? taxonomyLabel('outcome', row.outcome) : <Empty />}</td>
                            <td>
                              <FollowUpCell row={row} todayIso={todayIso} />
                            </td>
                            <td>
                              <ActionsMenu
                                id={`actions-${row.id}`}
                                label={who ? t('list.actions.menuWith', { of, who }) : t('list.actions.menu', { of })}
                                items={[
                                  {
                                    key: 'edit',
                                    label: t('list.actions.edit'),
                                    icon: 'fr-icon-edit-line',
                                    onSelect: () => navigate(paths.editSession(row.id)),
                                  },
                                  {
                                    key: 'duplicate',
                                    label: t('list.actions.duplicate'),
                                    icon: 'fr-icon-file-add-line',
                                    onSelect: () => duplicate(row),
                                  },
                                  {
                                    key: 'delete',
                                    label: t('list.actions.delete'),
                                    icon: 'fr-icon-delete-line',
                                    onSelect: () => void remove(row),
                                  },
                                ]}
                              />
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </div>
            </div>
          </div>
        )}

        {data && (page > 1 || hasNext) && (
          <nav className="fr-pagination" aria-label={t('list.pagination.label')}>
            <ul className="fr-pagination__list">
              <li>
                <button
                  type="button"
                  className="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label"
                  disabled={page <= 1}
                  onClick={() => goTo(page - 1)}
                >
                  {t('list.pagination.prev')}
                </button>
              </li>
              <li>
                <span className="fr-pagination__link mediane-pagination__current">
                  {pages ? t('list.pagination.pageOf', { page, pages }) : t('list.pagination.page', { page })}
                </span>
              </li>
              <li>
                <button
                  type="button"
                  className="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label"
                  disabled={!hasNext}
                  onClick={() => goTo(page + 1)}
                >
                  {t('list.pagination.next')}
                </button>
              </li>
            </ul>
          </nav>
        )}
      </section>
    </>
  );
}
