import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NafEntry } from '../../../shared/diagnostic/contract';
import { api } from '../../api/client';
import { coreErrorText } from '../../lib/core-error';

// Codes and labels are INSEE's, in French in both languages (the official nomenclature has no English version here).
const entryLabel = (e: NafEntry) => `${e.code} ${e.label}`;

interface Props {
  id: string;
  value: NafEntry | null;
  onChange(value: NafEntry | null): void;
  error?: string;
}

/**
 * The official activity list (NAF rév. 2), searchable by words or code, following the WAI-ARIA combobox pattern (as
 * renderer/ui/CommuneCombobox): arrows move, Enter picks, Escape closes. The search runs in the core.
 */
export function NafCombobox({ id, value, onChange, error }: Props) {
  const { t } = useTranslation('diagnostic');
  const listId = `${useId()}-list`;
  const [text, setText] = useState(value ? entryLabel(value) : '');
  const [options, setOptions] = useState<NafEntry[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [failure, setFailure] = useState<string | null>(null);
  const request = useRef(0);

  async function search(q: string) {
    const ticket = ++request.current;
    if (q.trim().length < 2) {
      setOptions([]);
      setOpen(false);
      return;
    }
    try {
      const found = await api('diagnostic.searchNaf', { query: q, limit: 12 });
      if (ticket !== request.current) return;
      setFailure(null);
      setOptions(found);
      setActive(found.length ? 0 : -1);
    } catch (e) {
      if (ticket !== request.current) return;
      setOptions([]);
      setFailure(coreErrorText(e));
    }
    setOpen(true);
  }

  function pickEntry(e: NafEntry) {
    onChange(e);
    setText(entryLabel(e));
    setOpen(false);
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={id}>
        {t('business.naf.label')} *
        <span className="fr-hint-text" id={hintId}>
          {t('business.naf.hint')}
        </span>
      </label>
      <input
        id={id}
        className={`fr-input${error ? ' fr-input--error' : ''}`}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        autoComplete="off"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (value) onChange(null);
          void search(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && options.length) {
            e.preventDefault();
            if (!open) setOpen(true);
            setActive((a) => (a + 1) % options.length);
          } else if (e.key === 'ArrowUp' && options.length) {
            e.preventDefault();
            setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
          } else if (e.key === 'Enter' && open && active >= 0 && options[active]) {
            e.preventDefault();
            pickEntry(options[active]);
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            setOpen(false);
          }
        }}
        onBlur={() => setOpen(false)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t('business.naf.label')}
        className="mediane-combobox__list"
        hidden={!open}
      >
        {options.map((o, i) => (
          <li
            key={o.code}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={
              i === active ? 'mediane-combobox__option mediane-combobox__option--active' : 'mediane-combobox__option'
            }
            lang="fr"
            onMouseDown={(e) => {
              e.preventDefault();
              pickEntry(o);
            }}
          >
            {entryLabel(o)} <span className="fr-hint-text">{t('business.naf.section', { section: o.section })}</span>
          </li>
        ))}
        {open && !options.length && (
          <li role="option" aria-selected={false} aria-disabled="true" className="mediane-combobox__empty">
            {failure ?? t('business.naf.noResult')}
          </li>
        )}
      </ul>
      <p className="fr-sr-only" aria-live="polite">
        {open && options.length ? t('business.naf.results', { count: options.length }) : ''}
      </p>
      {error && (
        <p className="fr-error-text" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
