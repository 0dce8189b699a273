import { useTranslation } from 'react-i18next';
import type { Item, QuestionKind } from '../../../shared/diagnostic/questionnaire';
import type { AnswerValue } from '../../../shared/diagnostic/schema';
import { RadioGroup, type Option } from '../../ui/fields';

export type AnswerKind = QuestionKind | 'platform';

interface Allowed {
  notApplicable?: boolean;
  dontKnow?: boolean;
}

/** The choices of one item, from its kind, plus "don't know" / "not applicable" where the questionnaire allows them. */
export function useAnswerOptions(kind: AnswerKind, allowed: Allowed): Array<Option<AnswerValue>> {
  const { t } = useTranslation('diagnostic');
  const o = (key: string) => t(`questions.options.${key}` as 'questions.options.yes');
  const base: Array<Option<AnswerValue>> =
    kind === 'check'
      ? [
          { value: 1, label: o('yes') },
          { value: 0, label: o('no') },
        ]
      : kind === 'plan'
        ? [
            { value: 2, label: o('already') },
            { value: 1, label: o('planned') },
            { value: 0, label: o('no') },
          ]
        : kind === 'triple'
          ? [
              { value: 2, label: o('yes') },
              { value: 1, label: o('partly') },
              { value: 0, label: o('no') },
            ]
          : kind === 'platform'
            ? [
                { value: 2, label: o('chosen') },
                { value: 1, label: o('dated') },
                { value: 0, label: o('no') },
              ]
            : [0, 1, 2, 3, 4, 5].map((n) => ({ value: n, label: o(`scale.${n}`) }));
  if (allowed.dontKnow) base.push({ value: 'dk', label: o('dk') });
  if (allowed.notApplicable) base.push({ value: 'na', label: o('na') });
  return base;
}

interface Props {
  id: string;
  kind: AnswerKind;
  label: string;
  hint?: string;
  lang: string;
  item: Pick<Item, 'notApplicable' | 'dontKnow'>;
  value: AnswerValue | null;
  onChange(value: AnswerValue): void;
}

/** One item of the questionnaire as a radio group: arrows move between its choices, Tab to the next item. */
export function AnswerField({ id, kind, label, hint, lang, item, value, onChange }: Props) {
  const options = useAnswerOptions(kind, item);
  return (
    <RadioGroup
      id={id}
      legend={<span lang={lang}>{label}</span>}
      hint={hint}
      regular
      small
      value={value}
      onChange={onChange}
      layout="inline"
      options={options}
    />
  );
}
