import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpItem } from '../../../shared/journal/schema';
import { useCoreMutation, useCoreQuery } from '../../api/hooks';
import { coreErrorText } from '../../lib/core-error';
import { formatDate, taxonomyLabel, today } from '../../lib/format';
import { RetryAlert } from '../../ui/RetryAlert';
import { dueState } from './list-format';
import { paths } from './paths';

const TONE = { overdue: 'error', today: 'warning', upcoming: 'info' } as const;

/** "À relancer": every open follow-up, earliest due date first, each closed with one button. */
export function FollowUpsPage() {
  const { t, i18n } = useTranslation('journal');
  const lang = i18n.language;
  const followUps = useCoreQuery('journal.followUps', {});
  const items = followUps.data ?? null;
  const closeFollowUp = useCoreMutation('journal.closeFollowUp');
  // A failed close; a failed load comes from the query. Cleared when the list is asked again.
  const [actionError, setActionError] = useState<string | null>(null);
  const error = actionError ?? (followUps.error ? coreErrorText(followUps.error) : null);
  const [message, setMessage] = useState('');
  const [busyId, setBusyId] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  /** After a follow-up is closed, the position whose button takes the focus (the next one in the list). */
  const focusIndex = useRef<number | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const todayIso = today();

  // Read the list again (retry, after a follow-up is closed).
  const reload = () => {
    setActionError(null);
    followUps.refetch();
  };

  useEffect(() => {
    const index = focusIndex.current;
    if (index === null || items === null) return;
    focusIndex.current = null;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button[data-close]') ?? [];
    const target = buttons[Math.min(index, buttons.length - 1)];
    (target ?? title.current)?.focus();
  }, [items]);

  async function close(item: FollowUpItem, index: number) {
    if (busyId) return;
    setBusyId(item.id);
    try {
      await closeFollowUp.mutate({ id: item.id });
      setMessage(t('list.followUps.done', { reason: item.reason }));
      focusIndex.current = index;
      reload();
    } catch (e) {
      setActionError(coreErrorText(e));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <>
      <h1 ref={title} tabIndex={-1}>
        {t('list.followUpsTitle')}
      </h1>
      <p>{t('list.followUps.intro')}</p>
      <p role="status" className="fr-text--bold">
        {message ? `${message} ` : ''}
        {items === null
          ? error
            ? ''
            : t('list.loading')
          : items.length > 0
            ? t('list.followUps.count', { count: items.length })
            : ''}
      </p>
      {error && <RetryAlert message={error} onRetry={reload} />}
      {items && items.length === 0 && (
        <div className="mediane-empty">
          <p>{t('list.followUps.empty')}</p>
        </div>
      )}
      {items && items.length > 0 && (
        <ul className="mediane-followups" ref={list}>
          {items.map((item, index) => {
            const state = dueState(item.dueDate, todayIso);
            const sessionDate = formatDate(item.date, lang);
            const what =
              item.kind === 'collectif'
                ? (item.workshopTitle ?? '')
                : [item.operators.map((k) => taxonomyLabel('operator', k)).join(', '), item.procedureName]
                    .filter(Boolean)
                    .join(' · ');
            return (
              <li key={item.id} className="mediane-followups__item fr-mb-3w">
                <h2 className="fr-h6 fr-mb-1w">{item.reason}</h2>
                <p className="fr-mb-1w">
                  <span className={`fr-badge fr-badge--sm fr-badge--no-icon fr-badge--${TONE[state]}`}>
                    {t(`list.followUp.${state}`)}
                  </span>{' '}
                  {t('list.followUps.due', { date: formatDate(item.dueDate, lang) })}
                </p>
                <p className="fr-text--sm fr-mb-1w">
                  {t('list.followUps.session', { date: sessionDate })}
                  {' · '}
                  {taxonomyLabel('kind', item.kind)}
                  {what ? ` · ${what}` : ''}
                </p>
                <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--icon-left">
                  <li>
                    <a className="fr-btn fr-btn--secondary" href={paths.editSession(item.id)}>
                      {t('list.followUps.open')}
                      <span className="fr-sr-only">{t('list.followUps.openOf', { date: sessionDate })}</span>
                    </a>
                  </li>
                  <li>
                    <button
                      type="button"
                      data-close
                      className="fr-btn fr-icon-check-line fr-btn--icon-left"
                      aria-disabled={busyId === item.id || undefined}
                      onClick={() => void close(item, index)}
                    >
                      {t('list.followUps.markDone')}
                      <span className="fr-sr-only">{t('list.followUps.markDoneOf', { reason: item.reason })}</span>
                    </button>
                  </li>
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
