import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isoDate, SESSION_SORTS, type JournalFilter } from '../../../shared/journal/schema';
import { OUTCOMES, SESSION_KINDS, TOPICS } from '../../../shared/taxonomy';
import { errorText } from '../../i18n';
import { taxonomyLabel } from './list-format';

export type FilterState = z.output<typeof JournalFilter>;
export type SessionSort = (typeof SESSION_SORTS)[number];

export const NO_FILTER: FilterState = {
  from: null,
  to: null,
  kind: null,
  operator: null,
  topic: null,
  outcome: null,
  followUpDue: false,
};

export function hasFilter(f: FilterState): boolean {
  return Object.entries(f).some(([k, v]) => v !== NO_FILTER[k as keyof FilterState]);
}

/** Typing a date fires a change per keystroke: wait this long after the last one before filtering. */
export const DATE_DEBOUNCE_MS = 500;

interface Props {
  value: FilterState;
  sort: SessionSort;
  operators: readonly string[];
  /** Called with the fields that changed; the parent merges them into its latest state. */
  onChange(patch: Partial<FilterState>): void;
  onSortChange(sort: SessionSort): void;
}

/** One period bound: typed freely, applied once it is a valid date (after a pause, on leaving the field or on Enter). */
function DateFilter({ label, value, onApply }: { label: string; value: string | null; onApply(v: string | null): void }) {
  const id = useId();
  const [text, setText] = useState(value ?? '');
  const [invalid, setInvalid] = useState(false);
  const [shown, setShown] = useState(value);
  const timer = useRef<number | undefined>(undefined);

  // Follow the parent when it changes the value itself (filters cleared).
  if (value !== shown) {
    setShown(value);
    setText(value ?? '');
    setInvalid(false);
  }

  useEffect(() => () => window.clearTimeout(timer.current), []);

  function apply(raw: string) {
    window.clearTimeout(timer.current);
    if (raw === '') {
      setInvalid(false);
      onApply(null);
      return;
    }
    if (!isoDate.safeParse(raw).success) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onApply(raw);
  }

  return (
    <div className={`fr-input-group${invalid ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className={`fr-input${invalid ? ' fr-input--error' : ''}`}
        type="date"
        min="2000-01-01"
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => {
          const raw = e.target.value;
          setText(raw);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => apply(raw), DATE_DEBOUNCE_MS);
        }}
        onBlur={() => apply(text)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply(text);
        }}
      />
      {invalid && (
        <p id={`${id}-error`} className="fr-error-text">
          {errorText('journal.dateInvalid')}
        </p>
      )}
    </div>
  );
}

/** The filters above the journal table. Every change applies at once (dates after a short pause). */
export function JournalFilters({ value, sort, operators, onChange, onSortChange }: Props) {
  const { t } = useTranslation('journal');
  const id = useId();

  // Remounting the date fields on reset also clears a half-typed, not yet valid date.
  const [generation, setGeneration] = useState(0);
  function reset() {
    setGeneration((g) => g + 1);
    onChange(NO_FILTER);
  }

  const update = <K extends keyof FilterState>(key: K, v: FilterState[K]) => onChange({ [key]: v } as Partial<FilterState>);
  const pick = <T extends string>(raw: string): T | null => (raw === '' ? null : (raw as T));

  return (
    <form
      className="mediane-filters fr-mb-3w"
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset className="fr-fieldset" aria-labelledby={`${id}-legend`}>
        <legend className="fr-fieldset__legend fr-text--lg" id={`${id}-legend`}>
          {t('list.filters.legend')}
        </legend>
        <div className="fr-fieldset__element fr-fieldset__element--inline mediane-filters__field">
          <DateFilter key={`from-${generation}`} label={t('list.filters.from')} value={value.from} onApply={(v) => update('from', v)} />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline mediane-filters__field">
          <DateFilter key={`to-${generation}`} label={t('list.filters.to')} value={value.to} onApply={(v) => update('to', v)} />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline mediane-filters__field">
          <div className="fr-select-group">
            <label className="fr-label" htmlFor={`${id}-kind`}>
              {t('list.filters.kind')}
            </label>
            <select id={`${id}-kind`} className="fr-select" value={value.kind ?? ''} onChange={(e) => update('kind', pick<(typeof SESSION_KINDS)[number]>(e.target.value))}>
              <option value="">{t('list.filters.anyKind')}</option>
              {SESSION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {taxonomyLabel('kind', k)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline mediane-filters__field">
          <div className="fr-select-group">
            <label className="fr-label" htmlFor={`${id}-operator`}>
              {t('list.filters.operator')}
            </label>
            <select id={`${id}-operator`} className="fr-select" value={value.operator ?? ''} onChange={(e) => update('operator', pick(e.target.value))}>
              <option value="">{t('list.filters.anyOperator')}</option>
              {operators.map((k) => (
                <option key={k} value={k}>
                  {taxonomyLabel('operator', k)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline mediane-filters__field">
          <div className="fr-select-group">
            <label className="fr-label" htmlFor={`${id}-topic`}>
              {t('list.filters.topic')}
            </label>
            <select id={`${id}-topic`} className="fr-select" value={value.topic ?? ''} onChange={(e) => update('topic', pick<(typeof TOPICS)[number]>(e.target.value))}>
              <option value="">{t('list.filters.anyTopic')}</option>
              {TOPICS.map((k) => (
                <option key={k} value={k}>
                  {taxonomyLabel('topic', k)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline mediane-filters__field">
          <div className="fr-select-group">
            <label className="fr-label" htmlFor={`${id}-outcome`}>
              {t('list.filters.outcome')}
            </label>
            <select id={`${id}-outcome`} className="fr-select" value={value.outcome ?? ''} onChange={(e) => update('outcome', pick<(typeof OUTCOMES)[number]>(e.target.value))}>
              <option value="">{t('list.filters.anyOutcome')}</option>
              {OUTCOMES.map((k) => (
                <option key={k} value={k}>
                  {taxonomyLabel('outcome', k)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="fr-fieldset__element">
          <div className="fr-checkbox-group">
            <input
              type="checkbox"
              id={`${id}-due`}
              checked={value.followUpDue}
              onChange={(e) => update('followUpDue', e.target.checked)}
            />
            <label className="fr-label" htmlFor={`${id}-due`}>
              {t('list.filters.followUpDue')}
            </label>
          </div>
        </div>
        <div className="fr-fieldset__element">
          <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-close-circle-line fr-btn--icon-left" onClick={reset}>
            {t('list.filters.reset')}
          </button>
        </div>
      </fieldset>
      <div className="mediane-filters__sort">
        <div className="fr-select-group">
          <label className="fr-label" htmlFor={`${id}-sort`}>
            {t('list.filters.sort')}
          </label>
          <select id={`${id}-sort`} className="fr-select" value={sort} onChange={(e) => onSortChange(e.target.value as SessionSort)}>
            {SESSION_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`list.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </form>
  );
}
