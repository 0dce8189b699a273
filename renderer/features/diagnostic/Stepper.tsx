import { useTranslation } from 'react-i18next';
import { STEP_COUNT } from './text';

/** DSFR stepper: where the person is in the diagnosis and what comes next. */
export function Stepper({ step, title, next }: { step: number; title: string; next: string | null }) {
  const { t } = useTranslation('diagnostic');
  return (
    <div className="fr-stepper">
      <h2 className="fr-stepper__title">
        {title}
        <span className="fr-stepper__state">{t('steps.stateOf', { n: step, total: STEP_COUNT })}</span>
      </h2>
      <div className="fr-stepper__steps" data-fr-current-step={step} data-fr-steps={STEP_COUNT} />
      {next && (
        <p className="fr-stepper__details">
          <span className="fr-text--bold">{t('steps.nextStep')}</span> {next}
        </p>
      )}
    </div>
  );
}
