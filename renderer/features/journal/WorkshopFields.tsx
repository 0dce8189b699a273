import { useTranslation } from 'react-i18next';
import { AGE_BRACKETS, GENDERS, STATUSES, WORKSHOP_LEVELS } from '../../../shared/taxonomy';
import { errorText } from '../../i18n';
import { Fieldset, InputField, RadioGroup } from '../../ui/fields';
import { remainderOf, type Breakdown, type Counts, type FieldsProps, type FormState } from './editor-model';

interface CountsTableProps {
  id: string;
  caption: string;
  rows: ReadonlyArray<{ key: string; label: string }>;
  counts: Counts<string>;
  onChange(counts: Counts<string>): void;
  remainder: number | null;
  error?: string;
}

/**
 * One breakdown (gender, age or status) as a compact table: a number per category, then the "non communiqué"
 * remainder computed from the total. Typing more than the total is flagged at once, before any save.
 */
function CountsTable({ id, caption, rows, counts, onChange, remainder, error }: CountsTableProps) {
  const { t } = useTranslation('journal');
  const exceeded = remainder !== null && remainder < 0;
  const message = exceeded ? errorText('journal.breakdownExceedsTotal') : error;
  const errorId = `${id}-error`;
  return (
    <div className={`mediane-counts__item${message ? ' mediane-counts__item--error' : ''}`} id={id}>
      <table className="mediane-counts__table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('editor.workshop.category')}</th>
            <th scope="col">{t('editor.workshop.count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>
                <input
                  id={`${id}-${r.key}`}
                  className={`fr-input${message ? ' fr-input--error' : ''}`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={500}
                  step={1}
                  aria-label={t('editor.workshop.countOf', { label: r.label })}
                  aria-invalid={message ? true : undefined}
                  aria-describedby={message ? errorId : undefined}
                  value={counts[r.key] ?? ''}
                  onChange={(e) => onChange({ ...counts, [r.key]: e.target.value })}
                />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('editor.workshop.remainder')}</th>
            <td>
              <output htmlFor={rows.map((r) => `${id}-${r.key}`).join(' ')} className="mediane-counts__remainder">
                {remainder ?? ''}
              </output>
            </td>
          </tr>
        </tbody>
      </table>
      <div aria-live="polite">
        {message && (
          <p className="fr-message fr-message--error" id={errorId}>
            {message}
          </p>
        )}
      </div>
    </div>
  );
}

/** "L'atelier": its title and number of participants first (what a workshop is remembered by), then its level. */
export function WorkshopFields({ form, update, error }: FieldsProps) {
  const { t } = useTranslation('journal');
  const { t: tx } = useTranslation('taxonomy');
  const w = form.workshop;
  const set = (patch: Partial<FormState['workshop']>) => update({ workshop: { ...w, ...patch } });
  return (
    <Fieldset id="session-workshop" legend={t('editor.workshop.legend')}>
      <div className="fr-fieldset__element">
        <InputField
          id="session-workshop-title"
          label={t('editor.workshop.title')}
          hint={t('editor.workshop.titleHint')}
          required
          maxLength={160}
          error={error('workshop.title')}
          value={w.title}
          onChange={(title) => set({ title })}
        />
      </div>
      <div className="fr-fieldset__element">
        <InputField
          id="session-workshop-participants"
          className="mediane-short-input"
          type="number"
          inputMode="numeric"
          min={1}
          max={500}
          step={1}
          label={t('editor.workshop.participants')}
          hint={t('editor.workshop.participantsHint')}
          required
          error={error('workshop.participants')}
          value={w.participants}
          onChange={(participants) => set({ participants })}
        />
      </div>
      <div className="fr-fieldset__element">
        <RadioGroup
          id="session-workshop-level"
          legend={t('editor.workshop.level')}
          regular
          required
          error={error('workshop.level')}
          options={WORKSHOP_LEVELS.map((k) => ({ value: k, label: tx(`level.${k}`) }))}
          value={w.level}
          onChange={(level) => set({ level })}
        />
      </div>
    </Fieldset>
  );
}

/** The participants' breakdowns (gender, age, status), in a folded section of their own: often left to "non communiqué". */
export function WorkshopBreakdownFields({ form, update, error }: FieldsProps) {
  const { t } = useTranslation('journal');
  const { t: tx } = useTranslation('taxonomy');
  const w = form.workshop;
  const set = (patch: Partial<FormState['workshop']>) => update({ workshop: { ...w, ...patch } });
  const tables: Array<{ key: Breakdown; caption: string; rows: Array<{ key: string; label: string }> }> = [
    {
      key: 'byGender',
      caption: t('editor.workshop.byGender'),
      rows: GENDERS.filter((k) => k !== 'non_communique').map((k) => ({ key: k, label: tx(`gender.${k}`) })),
    },
    {
      key: 'byAge',
      caption: t('editor.workshop.byAge'),
      rows: AGE_BRACKETS.filter((k) => k !== 'non_communique').map((k) => ({ key: k, label: tx(`age.${k}`) })),
    },
    {
      key: 'byStatus',
      caption: t('editor.workshop.byStatus'),
      rows: STATUSES.filter((k) => k !== 'non_communique').map((k) => ({ key: k, label: tx(`status.${k}`) })),
    },
  ];
  return (
    <Fieldset
      id="session-workshop-breakdown"
      legend={t('editor.workshop.breakdownLegend')}
      hint={t('editor.workshop.breakdownHint')}
    >
      <div className="fr-fieldset__element mediane-counts">
        {tables.map((table) => (
          <CountsTable
            key={table.key}
            id={`session-workshop-${table.key}`}
            caption={table.caption}
            rows={table.rows}
            counts={w[table.key]}
            onChange={(counts) => set({ [table.key]: counts } as Partial<FormState['workshop']>)}
            remainder={remainderOf(form, w[table.key])}
            error={error(`workshop.${table.key}`)}
          />
        ))}
      </div>
    </Fieldset>
  );
}
