import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MONTH_KEY,
  WEEK_KEY,
  periodAround,
  periodDays,
  shiftPeriod,
  unitsFor,
  type CoordinatorUnit,
  type Granularity,
  type HubPeriod,
} from '../../../shared/coordinator/periods';
import { errorText } from '../../i18n';
import { formatDate } from '../../lib/format';
import { InputField } from '../../ui/fields';

/**
 * The statistics dashboard's period picker, over the hub's closed periods: week (on a weekly hub), month, quarter,
 * year, or a custom range of months (or weeks). « Suivante » stops at the last closed period: the hub has no later one.
 */
export function PeriodPicker({
  granularity,
  value,
  lastClosed,
  onChange,
}: {
  granularity: Granularity;
  value: HubPeriod;
  lastClosed: string;
  onChange(p: HubPeriod): void;
}) {
  const { t, i18n } = useTranslation('coordinator');
  const id = useId();
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(value.to);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setFrom(value.from);
    setTo(value.to);
  }
  const pattern = granularity === 'week' ? WEEK_KEY : MONTH_KEY;
  const valid = pattern.test(from) && pattern.test(to);
  const reversed = valid && from > to;
  const applyCustom = () => {
    if (valid && from <= to && (from !== value.from || to !== value.to)) onChange({ unit: 'custom', from, to });
  };
  const next = shiftPeriod(value, 1);
  // A new unit is taken around the period's end, or the last closed period when the end is not closed yet.
  const anchor = value.to > lastClosed ? lastClosed : value.to;
  const days = periodDays(value);
  const inputType = granularity === 'week' ? 'week' : 'month';
  return (
    <div className="mediane-coordinator-period fr-mb-4w">
      <div role="group" aria-labelledby={`${id}-legend`}>
        <p className="fr-text--bold fr-mb-1w" id={`${id}-legend`}>
          {t('period.legend')}
        </p>
        <ul className="fr-tags-group">
          {unitsFor(granularity).map((u: CoordinatorUnit) => (
            <li key={u}>
              <button
                type="button"
                className="fr-tag"
                aria-pressed={value.unit === u}
                onClick={() => onChange(u === 'custom' ? { ...value, unit: 'custom' } : periodAround(u, anchor))}
              >
                {t(`period.unit.${u}`)}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="mediane-coordinator-period__row">
        <button
          type="button"
          className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-arrow-left-s-line fr-btn--icon-left"
          onClick={() => onChange(shiftPeriod(value, -1))}
        >
          {t('period.previous')}
        </button>
        <InputField
          id={`${id}-from`}
          type={inputType}
          label={t(`period.from.${granularity}`)}
          hint={t(`period.format.${granularity}`)}
          value={from}
          onChange={setFrom}
          onBlur={applyCustom}
          onKeyDown={(e) => e.key === 'Enter' && applyCustom()}
        />
        <InputField
          id={`${id}-to`}
          type={inputType}
          label={t(`period.to.${granularity}`)}
          hint={t(`period.format.${granularity}`)}
          value={to}
          error={reversed ? errorText('coordinator.periodReversed') : undefined}
          onChange={setTo}
          onBlur={applyCustom}
          onKeyDown={(e) => e.key === 'Enter' && applyCustom()}
        />
        <button
          type="button"
          className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-arrow-right-s-line fr-btn--icon-right"
          disabled={next.from > lastClosed}
          onClick={() => onChange(next)}
        >
          {t('period.next')}
        </button>
      </div>
      <p className="fr-text--sm fr-mt-1w" aria-live="polite">
        {t('period.shown', {
          from: formatDate(days.from, i18n.language),
          to: formatDate(days.to, i18n.language),
        })}
        {value.to > lastClosed ? ` ${t('period.notClosed')}` : ''}
      </p>
    </div>
  );
}
