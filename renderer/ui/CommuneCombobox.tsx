import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commune } from '../../shared/communes/schema';
import { api } from '../api/client';
import { coreErrorText } from '../lib/core-error';

// Names and postcodes are data, not UI text: they read the same in every language.
const communeLabel = (c: Commune) => `${c.name} (${c.departement})`;
const optionLabel = (c: Commune) =>
  `${communeLabel(c)} · ${c.postcodes.slice(0, 3).join(', ')}${c.postcodes.length > 3 ? '…' : ''}`;

interface Props {
  label: string;
  hint?: string;
  value: Commune | null;
  onChange(value: Commune | null): void;
  error?: string;
  required?: boolean;
}

/**
 * Offline commune picker (official geographic code) following the WAI-ARIA combobox pattern: type a name or a
 * postcode, move with the arrow keys, Enter picks, Escape closes. The search runs in the core (features/site and
 * features/journal both use it, so it lives here).
 */
export function CommuneCombobox({ label, hint, value, onChange, error, required }: Props) {
  const { t } = useTranslation('common');
  const id = useId();
  const [text, setText] = useState(value ? communeLabel(value) : '');
  const [shown, setShown] = useState(value);
  const [options, setOptions] = useState<Commune[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // A search the core could not answer: said in the list, in place of the options.
  const [failure, setFailure] = useState<string | null>(null);
  const request = useRef(0);

  // Follow a value set from outside (an edited record loading) without an effect.
  if (value !== shown) {
    setShown(value);
    if (value) setText(communeLabel(value));
  }

  async function search(q: string) {
    const ticket = ++request.current;
    if (q.trim().length < 2 && !/^\d/.test(q.trim())) {
      setOptions([]);
      setOpen(false);
      return;
    }
    let found: Commune[];
    try {
      found = await api('communes.search', { query: q, limit: 8 });
    } catch (e) {
      if (ticket !== request.current) return;
      setOptions([]);
      setFailure(coreErrorText(e));
      setOpen(true);
      setActive(-1);
      return;
    }
    if (ticket !== request.current) return;
    setFailure(null);
    setOptions(found);
    setOpen(true);
    setActive(found.length ? 0 : -1);
  }

  function pick(c: Commune) {
    setShown(c);
    onChange(c);
    setText(communeLabel(c));
    setOpen(false);
  }

  const listId = `${id}-list`;
  const inputId = `${id}-input`;
  return (
    <div className={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={inputId}>
        {label}
        {required ? ' *' : ''}
        {hint && <span className="fr-hint-text">{hint}</span>}
      </label>
      <input
        id={inputId}
        className={`fr-input${error ? ' fr-input--error' : ''}`}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-required={required}
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
            setOpen(true);
            setActive((a) => (a + 1) % options.length);
          } else if (e.key === 'ArrowUp' && options.length) {
            e.preventDefault();
            setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
          } else if (e.key === 'Enter' && open && active >= 0 && options[active]) {
            e.preventDefault();
            pick(options[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={listId} role="listbox" aria-label={label} className="mediane-combobox__list" hidden={!open}>
        {open && options.length === 0 && (
          <li role="option" aria-disabled="true" aria-selected="false" className="mediane-combobox__empty">
            {failure ?? t('communes.none')}
          </li>
        )}
        {options.map((c, i) => (
          <li
            key={c.code}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={
              i === active ? 'mediane-combobox__option mediane-combobox__option--active' : 'mediane-combobox__option'
            }
            onMouseDown={(e) => {
              e.preventDefault();
              pick(c);
            }}
          >
            {optionLabel(c)}
          </li>
        ))}
      </ul>
      {error && (
        <p id={`${id}-error`} className="fr-error-text">
          {error}
        </p>
      )}
    </div>
  );
}
