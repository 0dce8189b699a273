import { useTranslation } from 'react-i18next';
import {
  ADMIN_TOPICS,
  ADMIN_TOPIC_TRIGGER,
  AUTONOMY,
  CHANNELS,
  EQUIPMENT,
  ORIENTATIONS,
  OUTCOMES,
  TOPICS,
  type Autonomy,
  type Outcome,
} from '../../../shared/taxonomy';
import { CheckboxGroup, Fieldset, InputField, RadioGroup, SelectField } from '../../ui/fields';
import { localDate } from '../../../shared/ids';
import { defaultFollowUpDue, type FieldsProps } from './editor-model';

// The "what happened" groups of the editor, in the order a mediator fills them.

export function DateTimeFields({ form, update, error }: FieldsProps) {
  const { t } = useTranslation('journal');
  return (
    <Fieldset id="session-when" legend={t('editor.when.legend')}>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <InputField
          id="session-date"
          type="date"
          label={t('editor.when.date')}
          required
          error={error('date')}
          value={form.date}
          onChange={(date) => update({ date })}
        />
      </div>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <InputField
          id="session-start-time"
          type="time"
          label={t('editor.when.startTime')}
          hint={t('editor.when.startTimeHint')}
          error={error('startTime')}
          value={form.startTime}
          onChange={(startTime) => update({ startTime })}
        />
      </div>
    </Fieldset>
  );
}

export function ChannelField({ form, update, error }: FieldsProps) {
  const { t } = useTranslation('journal');
  const { t: tx } = useTranslation('taxonomy');
  return (
    <RadioGroup
      id="session-channel"
      legend={t('editor.channel.legend')}
      required
      error={error('channel')}
      options={CHANNELS.map((k) => ({ value: k, label: tx(`channel.${k}`) }))}
      value={form.channel}
      onChange={(channel) => update({ channel })}
    />
  );
}

export function EquipmentField({ form, update, error }: FieldsProps) {
  const { t } = useTranslation('journal');
  const { t: tx } = useTranslation('taxonomy');
  return (
    <CheckboxGroup
      id="session-equipment"
      legend={t('editor.equipment.legend')}
      hint={t('editor.equipment.hint')}
      error={error('equipment')}
      options={EQUIPMENT.map((k) => ({ value: k, label: tx(`equipment.${k}`) }))}
      value={form.equipment}
      onChange={(equipment) => update({ equipment })}
    />
  );
}

// An operator kept by an older session stays pickable even if the desk's list no longer offers it.
function operatorOptions(
  operators: readonly string[],
  picked: readonly string[],
  tx: ReturnType<typeof useTranslation<'taxonomy'>>['t'],
) {
  return [...operators, ...picked.filter((op) => !operators.includes(op))].map((k) => ({
    value: k,
    label: tx(`operator.${k}` as 'operator.caf', { defaultValue: k }),
  }));
}

/**
 * The operators at the top of the form (France Services): visible without ticking anything; ticking one ticks the
 * administrative-help topic, which they belong to.
 */
export function OperatorsFirstField({
  form,
  update,
  error,
  operators,
}: FieldsProps & { operators: readonly string[] }) {
  const { t } = useTranslation('journal');
  const { t: tx } = useTranslation('taxonomy');
  return (
    <CheckboxGroup
      id="session-operators"
      legend={t('editor.admin.operatorsFirst')}
      hint={t('editor.admin.operatorsFirstHint')}
      error={error('operators')}
      options={operatorOptions(operators, form.operators, tx)}
      value={form.operators}
      onChange={(ops) =>
        update({
          operators: ops,
          topics:
            ops.length > 0 && !form.topics.includes(ADMIN_TOPIC_TRIGGER)
              ? TOPICS.filter((k) => k === ADMIN_TOPIC_TRIGGER || form.topics.includes(k))
              : form.topics,
        })
      }
    />
  );
}

/**
 * Topics; ticking "Aide aux démarches administratives" reveals the procedure's themes, operators and name. With
 * `operatorsAbove` (France Services) the operators are already at the top of the form: unticking the topic there
 * clears them, since the core keeps operators only with that topic.
 */
export function TopicFields({
  form,
  update,
  error,
  operators,
  operatorsAbove = false,
}: FieldsProps & { operators: readonly string[]; operatorsAbove?: boolean }) {
  const { t } = useTranslation('journal');
  const { t: tx } = useTranslation('taxonomy');
  const admin = form.topics.includes(ADMIN_TOPIC_TRIGGER);
  return (
    <>
      <CheckboxGroup
        id="session-topics"
        legend={t('editor.topics.legend')}
        hint={t('editor.topics.hint')}
        required
        layout="columns"
        error={error('topics')}
        options={TOPICS.map((k) => ({ value: k, label: tx(`topic.${k}`) }))}
        value={form.topics}
        onChange={(topics) =>
          update(
            operatorsAbove && !topics.includes(ADMIN_TOPIC_TRIGGER) && form.operators.length > 0
              ? { topics, operators: [] }
              : { topics },
          )
        }
      />
      {admin && (
        <Fieldset id="session-admin" legend={t('editor.admin.legend')}>
          <div className="fr-fieldset__element">
            <CheckboxGroup
              id="session-admin-topics"
              legend={t('editor.admin.topics')}
              regular
              layout="columns"
              error={error('adminTopics')}
              options={ADMIN_TOPICS.map((k) => ({ value: k, label: tx(`adminTopic.${k}`) }))}
              value={form.adminTopics}
              onChange={(adminTopics) => update({ adminTopics })}
            />
          </div>
          {!operatorsAbove && (
            <div className="fr-fieldset__element">
              <CheckboxGroup
                id="session-operators"
                legend={t('editor.admin.operators')}
                hint={t('editor.admin.operatorsHint')}
                regular
                layout="columns"
                error={error('operators')}
                options={operatorOptions(operators, form.operators, tx)}
                value={form.operators}
                onChange={(ops) => update({ operators: ops })}
              />
            </div>
          )}
          <div className="fr-fieldset__element">
            <InputField
              id="session-procedure"
              label={t('editor.admin.procedureName')}
              hint={t('editor.admin.procedureNameHint')}
              maxLength={200}
              error={error('procedureName')}
              value={form.procedureName}
              onChange={(procedureName) => update({ procedureName })}
            />
          </div>
        </Fieldset>
      )}
    </>
  );
}

export function AutonomyField({ form, update, error }: FieldsProps) {
  const { t } = useTranslation('journal');
  const { t: tx } = useTranslation('taxonomy');
  return (
    <RadioGroup<Autonomy | ''>
      id="session-autonomy"
      legend={t('editor.autonomy.legend')}
      layout="stack"
      error={error('autonomy')}
      options={[
        { value: '', label: t('editor.notFilled') },
        ...AUTONOMY.map((k) => ({ value: k, label: tx(`autonomy.${k}`) })),
      ]}
      value={form.autonomy ?? ''}
      onChange={(v) => update({ autonomy: v || null })}
    />
  );
}

/** Outcome of the procedure; "Orientée vers une autre structure" asks where to. */
export function OutcomeFields({ form, update, error }: FieldsProps) {
  const { t } = useTranslation('journal');
  const { t: tx } = useTranslation('taxonomy');
  return (
    <RadioGroup<Outcome | ''>
      id="session-outcome"
      legend={t('editor.outcome.legend')}
      error={error('outcome')}
      options={[
        { value: '', label: t('editor.notFilled') },
        ...OUTCOMES.map((k) => ({ value: k, label: tx(`outcome.${k}`) })),
      ]}
      value={form.outcome ?? ''}
      onChange={(v) => update({ outcome: v || null })}
      after={
        form.outcome === 'oriente_vers_structure' && (
          <div className="fr-fieldset__element">
            <SelectField
              id="session-orientation"
              label={t('editor.outcome.orientation')}
              required
              error={error('orientation')}
              value={form.orientation}
              onChange={(orientation) => update({ orientation })}
              // An empty first choice that stays pickable (a placeholder could not be chosen again).
              options={[
                { value: '', label: t('editor.outcome.orientationPlaceholder') },
                ...ORIENTATIONS.map((k) => ({ value: k, label: tx(`orientation.${k}`) })),
              ]}
            />
          </div>
        )
      }
    />
  );
}

/**
 * "Prévoir une relance" reveals a due date (a week from today by default, even for a back-dated session) and a short
 * reason. For a new session the date picker starts at today: a follow-up is something still to do.
 */
export function FollowUpFields({ form, update, error, isNew }: FieldsProps & { isNew: boolean }) {
  const { t } = useTranslation('journal');
  const today = localDate(new Date());
  const earliest = isNew && today > form.date ? today : form.date;
  const toggleError = !form.followUpOn ? error('followUp') : undefined;
  return (
    <Fieldset id="session-followup" legend={t('editor.followUp.legend')} error={toggleError}>
      <div className="fr-fieldset__element">
        <div className="fr-checkbox-group fr-checkbox-group--sm">
          <input
            type="checkbox"
            id="session-followup-toggle"
            checked={form.followUpOn}
            onChange={(e) =>
              update({
                followUpOn: e.target.checked,
                followUpDue:
                  e.target.checked && !form.followUpDue ? defaultFollowUpDue(form.date, today) : form.followUpDue,
              })
            }
          />
          <label className="fr-label" htmlFor="session-followup-toggle">
            {t('editor.followUp.toggle')}
          </label>
        </div>
      </div>
      {form.followUpOn && (
        <>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <InputField
              id="session-followup-due"
              type="date"
              label={t('editor.followUp.dueDate')}
              required
              min={earliest || undefined}
              error={error('followUp.dueDate')}
              value={form.followUpDue}
              onChange={(followUpDue) => update({ followUpDue })}
            />
          </div>
          <div className="fr-fieldset__element">
            <InputField
              id="session-followup-reason"
              label={t('editor.followUp.reason')}
              hint={t('editor.followUp.reasonHint')}
              required
              maxLength={140}
              error={error('followUp.reason')}
              value={form.followUpReason}
              onChange={(followUpReason) => update({ followUpReason })}
            />
          </div>
        </>
      )}
    </Fieldset>
  );
}
