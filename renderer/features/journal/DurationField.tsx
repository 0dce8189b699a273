import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DURATION_PRESETS, MAX_DURATION_MIN } from '../../../shared/taxonomy';
import { InputField, RadioGroup, type Option } from '../../ui/fields';
import type { DurationChoice, FieldsProps } from './editor-model';

/** "45 min", "1 h", "1 h 30": how a mediator says a duration. */
export function formatDuration(t: TFunction<'journal'>, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('editor.duration.formatMinutes', { m });
  if (m === 0) return t('editor.duration.formatHours', { h });
  return t('editor.duration.formatHoursMinutes', { h, m: String(m).padStart(2, '0') });
}

/** Preset durations as radios (arrow keys move between them) plus "Autre" revealing a number of minutes. */
export function DurationField({ form, update, error, fromTimer }: FieldsProps & { fromTimer: boolean }) {
  const { t } = useTranslation('journal');
  const options: Array<Option<Exclude<DurationChoice, null>>> = [
    ...DURATION_PRESETS.map((m) => ({ value: m, label: formatDuration(t, m) })),
    { value: 'other' as const, label: t('editor.duration.other') },
  ];
  const message = error('durationMin');
  const other = form.duration === 'other';
  return (
    <RadioGroup
      id="session-duration"
      legend={t('editor.duration.legend')}
      hint={fromTimer ? t('editor.duration.fromTimer') : undefined}
      required
      // With "Autre", the message sits under the minutes field it is about.
      error={other ? undefined : message}
      options={options}
      value={form.duration}
      onChange={(duration) => update({ duration })}
      after={
        other && (
          <div className="fr-fieldset__element">
            <InputField
              id="session-duration-minutes"
              className="mediane-short-input"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_DURATION_MIN}
              step={1}
              label={t('editor.duration.minutes')}
              hint={t('editor.duration.minutesHint')}
              required
              error={message}
              value={form.durationOther}
              onChange={(durationOther) => update({ durationOther })}
            />
          </div>
        )
      }
    />
  );
}
