import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isoDate, SESSION_SORTS, type JournalFilter } from '../../../shared/journal/schema';
import { OUTCOMES, SESSION_KINDS, TOPICS } from '../../../shared/taxonomy';
import { errorText } from '../../i18n';
import { InputField, SelectField } from '../../ui/fields';
import { GuideFilterSlot } from '../../ui/session-slots';
import { taxonomyLabel, today } from '../../lib/format';
import { PERIODS, periodOf, periodRange } from './list-format';

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
function DateFilter({
  label,
  value,
  onApply,
}: {
  label: string;
  value: string | null;
  onApply(v: string | null): void;
}) {
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
    <InputField
      id={id}
      type="date"
      min="2000-01-01"
      label={label}
      error={invalid ? errorText('journal.dateInvalid') : undefined}
      value={text}
      onChange={(raw) => {
        setText(raw);
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => apply(raw), DATE_DEBOUNCE_MS);
      }}
      onBlur={() => apply(text)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply(text);
      }}
    />
  );
}

/** How many filters are set, the period counting as one. */
function activeCount(f: FilterState): number {
  const period = f.from !== null || f.to !== null ? 1 : 0;
  return (
    period +
    (['kind', 'operator', 'topic', 'outcome'] as const).filter((k) => f[k] !== null).length +
    (f.guide ? 1 : 0) +
    (f.followUpDue ? 1 : 0)
  );
}

/**
 * The filters above the journal table: the period presets always in view, the rest folded until asked for (and
 * open by itself when one of them is set). Every change applies at once (dates after a short pause).
 */
export function JournalFilters({ value, sort, operators, onChange, onSortChange }: Props) {
  const { t } = useTranslation('journal');
  const id = useId();
  const [open, setOpen] = useState(() => activeCount(value) > (value.from !== null || value.to !== null ? 1 : 0));
  const period = periodOf(value.from, value.to, today());
  const active = activeCount(value);

  // Remounting the date fields on reset also clears a half-typed, not yet valid date.
  const [generation, setGeneration] = useState(0);
  const toggle = useRef<HTMLButtonElement>(null);
  function reset() {
    setGeneration((g) => g + 1);
    onChange(NO_FILTER);
    // The reset button goes with the last filter: keep the focus nearby.
    toggle.current?.focus();
  }

  const update = <K extends keyof FilterState>(key: K, v: FilterState[K]) =>
    onChange({ [key]: v } as Partial<FilterState>);
  // One select per list, its empty first choice meaning "any".
  const selects = [
    { key: 'kind', label: t('list.filters.kind'), any: t('list.filters.anyKind'), values: SESSION_KINDS },
    { key: 'operator', label: t('list.filters.operator'), any: t('list.filters.anyOperator'), values: operators },
    { key: 'topic', label: t('list.filters.topic'), any: t('list.filters.anyTopic'), values: TOPICS },
    { key: 'outcome', label: t('list.filters.outcome'), any: t('list.filters.anyOutcome'), values: OUTCOMES },
  ] as const;

  function choosePeriod(p: (typeof PERIODS)[number] | 'all') {
    // The date fields follow: remount them so a half-typed date does not linger.
    setGeneration((g) => g + 1);
    onChange(p === 'all' ? { from: null, to: null } : periodRange(p, today()));
  }

  return (
    <form className="mediane-filters fr-mb-3w" onSubmit={(e) => e.preventDefault()}>
      <div className="mediane-periods" role="group" aria-labelledby={`${id}-period`}>
        <p className="fr-text--bold fr-mb-1w" id={`${id}-period`}>
          {t('desk.period.legend')}
        </p>
        <ul className="fr-tags-group">
          {(['all', ...PERIODS] as const).map((p) => (
            <li key={p}>
              <button type="button" className="fr-tag" aria-pressed={period === p} onClick={() => choosePeriod(p)}>
                {t(`desk.period.${p}`)}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <button
        ref={toggle}
        type="button"
        className={`fr-btn fr-btn--tertiary fr-btn--sm fr-btn--icon-left ${open ? 'fr-icon-arrow-up-s-line' : 'fr-icon-arrow-down-s-line'} fr-mb-2w`}
        aria-expanded={open}
        aria-controls={`${id}-more`}
        onClick={() => setOpen((o) => !o)}
      >
        {t('desk.filters.more')}
        {active > 0 && ` (${t('desk.filters.active', { count: active })})`}
      </button>
      {active > 0 && (
        <button
          type="button"
          className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-circle-line fr-btn--icon-left fr-ml-1w fr-mb-2w"
          onClick={reset}
        >
          {t('list.filters.reset')}
        </button>
      )}
      <div id={`${id}-more`} hidden={!open}>
        <fieldset className="fr-fieldset" aria-labelledby={`${id}-legend`}>
          <legend className="fr-fieldset__legend fr-text--lg" id={`${id}-legend`}>
            {t('list.filters.legend')}
          </legend>
          <div className="fr-fieldset__element fr-fieldset__element--inline mediane-filters__field">
            <DateFilter
              key={`from-${generation}`}
              label={t('list.filters.from')}
              value={value.from}
              onApply={(v) => update('from', v)}
            />
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline mediane-filters__field">
            <DateFilter
              key={`to-${generation}`}
              label={t('list.filters.to')}
              value={value.to}
              onApply={(v) => update('to', v)}
            />
          </div>
          {selects.map(({ key, label, any, values }) => (
            <div className="fr-fieldset__element fr-fieldset__element--inline mediane-filters__field" key={key}>
              <SelectField<string>
                id={`${id}-${key}`}
                label={label}
                value={value[key] ?? ''}
                onChange={(v) => update(key, (v || null) as FilterState[typeof key])}
                options={[
                  { value: '', label: any },
                  ...values.map((k) => ({ value: k, label: taxonomyLabel(key, k) })),
                ]}
              />
            </div>
          ))}
          <GuideFilterSlot
            id={`${id}-guide`}
            value={value.guide ?? null}
            onChange={(v) => update('guide', v ?? undefined)}
          />
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
        </fieldset>
      </div>
      <div className="mediane-filters__sort">
        <SelectField
          id={`${id}-sort`}
          label={t('list.filters.sort')}
          value={sort}
          onChange={onSortChange}
          options={SESSION_SORTS.map((s) => ({ value: s, label: t(`list.sort.${s}`) }))}
        />
      </div>
    </form>
  );
}
