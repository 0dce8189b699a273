import { useTranslation } from 'react-i18next';
import { AGE_BRACKETS, GENDERS, STATUSES } from '../../../shared/taxonomy';
import { CommuneCombobox } from '../../ui/CommuneCombobox';
import { Fieldset, RadioGroup, SelectField } from '../../ui/fields';
import type { FieldsProps, FirstVisit, FormState } from './editor-model';

/** "La personne": never an identity, only what the national statistics count. */
export function PersonFields({ form, update, error }: FieldsProps) {
  const { t } = useTranslation('journal');
  const { t: tx } = useTranslation('taxonomy');
  const person = form.person;
  const set = (patch: Partial<FormState['person']>) => update({ person: { ...person, ...patch } });
  const firstVisit: Array<{ value: FirstVisit; label: string }> = [
    { value: 'yes', label: t('editor.person.yes') },
    { value: 'no', label: t('editor.person.no') },
    { value: 'unknown', label: t('editor.person.unknown') },
  ];
  const selects = [
    {
      key: 'ageBracket',
      id: 'session-person-age',
      options: AGE_BRACKETS.map((k) => ({ value: k, label: tx(`age.${k}`) })),
    },
    {
      key: 'gender',
      id: 'session-person-gender',
      options: GENDERS.map((k) => ({ value: k, label: tx(`gender.${k}`) })),
    },
    {
      key: 'status',
      id: 'session-person-status',
      options: STATUSES.map((k) => ({ value: k, label: tx(`status.${k}`) })),
    },
  ] as const;
  return (
    <Fieldset id="session-person" legend={t('editor.person.legend')} hint={t('editor.person.hint')}>
      <div className="fr-fieldset__element">
        <div className="fr-grid-row fr-grid-row--gutters">
          {selects.map(({ key, id, options }) => (
            <div className="fr-col-12 fr-col-md-4" key={key}>
              <SelectField<string>
                id={id}
                label={t(`editor.person.${key}`)}
                error={error(`person.${key}`)}
                value={person[key]}
                onChange={(v) => set({ [key]: v })}
                options={options}
              />
            </div>
          ))}
        </div>
      </div>
      <div className="fr-fieldset__element" id="session-person-commune">
        <CommuneCombobox
          label={t('editor.person.commune')}
          hint={t('editor.person.communeHint')}
          value={person.commune}
          onChange={(commune) => set({ commune })}
          error={error('person.communeCode')}
        />
      </div>
      <div className="fr-fieldset__element">
        <RadioGroup
          id="session-person-first-visit"
          legend={t('editor.person.firstVisit')}
          regular
          error={error('person.firstVisit')}
          options={firstVisit}
          value={person.firstVisit}
          onChange={(v) => set({ firstVisit: v })}
        />
      </div>
    </Fieldset>
  );
}
