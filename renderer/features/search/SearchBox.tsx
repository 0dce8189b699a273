import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchAnswer, SearchResult } from '../../../shared/search/schema';
import { SEARCH_QUERY_MAX } from '../../../shared/search/schema';
import { api } from '../../api/client';
import { coreErrorText } from '../../lib/core-error';
import { formatDate, taxonomyLabel } from '../../lib/format';

/** Results asked per group: a screenful, guides first. */
export const RESULTS_PER_GROUP = 5;

interface Props {
  /** Called with the chosen result (Enter on the active option, or a click). */
  onPick(result: SearchResult): void;
  /** The id of the dialog's title, which names the field's popup. */
  inputRef?: React.RefObject<HTMLInputElement | null>;
}

/**
 * The search field, following the WAI-ARIA combobox pattern with a grouped listbox: type, move with the arrow keys
 * (Home/End to the first/last), Enter opens the active result. The focus stays in the field; the active option is
 * pointed at with aria-activedescendant. A polite status line says how many results there are.
 */
export function SearchBox({ onPick, inputRef }: Props) {
  const { t, i18n } = useTranslation('search');
  const id = useId();
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const [asked, setAsked] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const request = useRef(0);
  const listRef = useRef<HTMLDivElement>(null);

  const flat: SearchResult[] = answer ? answer.groups.flatMap((g) => g.results) : [];
  const open = text.trim().length > 0 && (answer !== null || failure !== null);

  async function search(q: string) {
    const ticket = ++request.current;
    if (!q.trim()) {
      setAnswer(null);
      setFailure(null);
      setActive(-1);
      return;
    }
    try {
      const found = await api('search.query', { query: q, limit: RESULTS_PER_GROUP });
      if (ticket !== request.current) return;
      setFailure(null);
      setAnswer(found);
      setAsked(q.trim());
      setActive(found.total > 0 ? 0 : -1);
    } catch (e) {
      if (ticket !== request.current) return;
      setAnswer(null);
      setFailure(coreErrorText(e));
      setActive(-1);
    }
  }

  // Keep the active option in view as the arrows move through a long list.
  useEffect(() => {
    if (active < 0) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const listId = `${id}-list`;
  const inputId = `${id}-input`;
  const optionId = (i: number) => `${id}-opt-${i}`;
  const status = failure
    ? failure
    : answer && asked
      ? answer.total === 0
        ? t('countNone', { query: asked })
        : t('count', { count: answer.total })
      : '';
  let index = -1;

  return (
    <div className="mediane-search">
      <div className="fr-input-group fr-mb-1w">
        <label className="fr-label" htmlFor={inputId}>
          {t('label')}
          <span className="fr-hint-text" id={`${id}-hint`}>
            {t('hint')}
          </span>
        </label>
        <input
          ref={inputRef}
          id={inputId}
          className="fr-input"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-describedby={`${id}-hint`}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          maxLength={SEARCH_QUERY_MAX}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            void search(e.target.value);
          }}
          onKeyDown={(e) => {
            const n = flat.length;
            if (e.key === 'ArrowDown' && n) {
              e.preventDefault();
              setActive((a) => (a + 1) % n);
            } else if (e.key === 'ArrowUp' && n) {
              e.preventDefault();
              setActive((a) => (a <= 0 ? n - 1 : a - 1));
            } else if ((e.key === 'Home' || e.key === 'End') && n && e.ctrlKey) {
              e.preventDefault();
              setActive(e.key === 'Home' ? 0 : n - 1);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              const chosen = active >= 0 ? flat[active] : undefined;
              if (open && chosen) onPick(chosen);
            }
          }}
        />
      </div>
      <p className="fr-sr-only" role="status" aria-live="polite" aria-atomic="true">
        {status}
      </p>
      <div
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={t('results')}
        className="mediane-search__list"
        hidden={!open}
      >
        {open && failure && (
          <p className="fr-error-text fr-m-2w" role="presentation">
            {failure}
          </p>
        )}
        {open && answer && answer.total === 0 && (
          <p className="fr-m-2w" role="presentation">
            {t('none', { query: asked })}
          </p>
        )}
        {open &&
          answer?.groups.map((g) => (
            <div role="group" key={g.kind} aria-labelledby={`${id}-group-${g.kind}`}>
              <p role="presentation" id={`${id}-group-${g.kind}`} className="mediane-search__group">
                {t(`groups.${g.kind}`)}
              </p>
              {g.results.map((r) => {
                index += 1;
                const i = index;
                const context = [
                  r.operator ? taxonomyLabel('operator', r.operator) : '',
                  r.kind === 'guide' ? r.context : '',
                ]
                  .filter(Boolean)
                  .join(' · ');
                const detail = r.kind === 'guide' ? context : [r.id, r.context].filter(Boolean).join(' · ');
                return (
                  <div
                    key={`${r.kind}-${r.id}`}
                    id={optionId(i)}
                    data-index={i}
                    role="option"
                    tabIndex={-1}
                    aria-selected={i === active}
                    className={`mediane-search__option${i === active ? ' mediane-search__option--active' : ''}`}
                    onMouseDown={(e) => {
                      // The focus stays in the field; the keyboard reaches the same options with the arrows.
                      e.preventDefault();
                      onPick(r);
                    }}
                  >
                    <span className="mediane-search__title">{r.title}</span>
                    {detail && <span className="mediane-search__context">{detail}</span>}
                  </div>
                );
              })}
            </div>
          ))}
        {open && answer?.catalogueDate && answer.groups.some((g) => g.kind !== 'guide') && (
          <p className="fr-text--xs fr-m-1w mediane-search__source" role="presentation">
            {t(answer.catalogueDemo ? 'sourceDemo' : 'source', {
              date: formatDate(answer.catalogueDate, i18n.language),
            })}
          </p>
        )}
      </div>
    </div>
  );
}
