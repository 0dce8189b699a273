import { useTranslation } from 'react-i18next';
import { AGE_BRACKETS, GENDERS, STATUSES } from '../../../shared/taxonomy';
import { CommuneCombobox } from '../communes/CommuneCombobox';
import { Fieldset, RadioGroup } from './ChoiceGroup';
import type { FieldsProps, FirstVisit, FormState } from './editor-model';
import { SelectField } from './InputField';

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
  return (
    <Fieldset id="session-person" legend={t('editor.person.legend')} hint={t('editor.person.hint')}>
      <div className="fr-fieldset__element">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              id="session-person-age"
              label={t('editor.person.ageBracket')}
              error={error('person.ageBracket')}
              value={person.ageBracket}
              onValue={(v) => v && set({ ageBracket: v })}
              options={AGE_BRACKETS.map((k) => ({ value: k, label: tx(`age.${k}`) }))}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              id="session-person-gender"
              label={t('editor.person.gender')}
              error={error('person.gender')}
              value={person.gender}
              onValue={(v) => v && set({ gender: v })}
              options={GENDERS.map((k) => ({ value: k, label: tx(`gender.${k}`) }))}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              id="session-person-status"
              label={t('editor.person.status')}
              error={error('person.status')}
              value={person.status}
              onValue={(v) => v && set({ status: v })}
              options={STATUSES.map((k) => ({ value: k, label: tx(`status.${k}`) }))}
            />
          </div>
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
          name="firstVisit"
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
