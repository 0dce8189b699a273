import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guide } from '../../../shared/guides/schema';
import { taxonomyLabel } from '../../lib/format';
import type { SessionHolder } from '../../ui/session-slots';
import { useSessionGuides } from './useSessionGuides';

/**
 * Guided mode on a guide's page: each step is a checkbox (Space ticks it), saved at once for the running timer or the
 * session; "blocked" says the person must come back. The progress and the suggested outcome are announced politely.
 */
export function GuidedSteps({ guide, holder }: { guide: Guide; holder: SessionHolder }) {
  const { t } = useTranslation('guides');
  const id = useId();
  const session = useSessionGuides(holder);
  const used = session.data?.guides.find((g) => g.id === guide.id);

  if (!session.data) return <p role="status">{t('list.loading')}</p>;
  if (!used) {
    return (
      <>
        {session.error && (
          <p className="fr-error-text" role="alert">
            {session.error}
          </p>
        )}
        <button type="button" className="fr-btn fr-mb-2w" onClick={() => void session.open(guide.id)}>
          {t('session.follow')}
        </button>
      </>
    );
  }
  const done = new Set(used.done);
  return (
    <>
      <p role="status" className="fr-text--bold" data-testid="guide-progress">
        {t('session.progress', { done: used.done.length, total: used.total })}
        {session.data.suggestedOutcome &&
          ` · ${t('session.suggested', { outcome: taxonomyLabel('outcome', session.data.suggestedOutcome) })}`}
      </p>
      {session.error && (
        <p className="fr-error-text" role="alert">
          {session.error}
        </p>
      )}
      <fieldset className="fr-fieldset" aria-labelledby={`${id}-legend`}>
        <legend className="fr-fieldset__legend fr-sr-only" id={`${id}-legend`}>
          {t('session.stepsLegend')}
        </legend>
        {guide.steps.map((s) => (
          <div className="fr-fieldset__element" key={s.number}>
            <div className="fr-checkbox-group">
              <input
                type="checkbox"
                id={`${id}-step-${s.number}`}
                checked={done.has(s.number)}
                aria-describedby={`${id}-step-${s.number}-desc`}
                onChange={(e) => void session.tick(guide.id, s.number, e.target.checked)}
              />
              <label className="fr-label" htmlFor={`${id}-step-${s.number}`}>
                {t('session.stepLabel', { n: s.number, title: s.title })}
              </label>
              <div id={`${id}-step-${s.number}-desc`} className="mediane-step-text">
                <p className="fr-mb-1v">{s.action}</p>
                <p className="fr-text--sm fr-mb-0">
                  <strong>{t('page.check')}</strong> {s.check}
                </p>
              </div>
            </div>
          </div>
        ))}
        <div className="fr-fieldset__element">
          <div className="fr-checkbox-group">
            <input
              type="checkbox"
              id={`${id}-blocked`}
              checked={used.blocked}
              onChange={(e) => void session.block(guide.id, e.target.checked)}
            />
            <label className="fr-label" htmlFor={`${id}-blocked`}>
              {t('session.blockedLabel')}
              <span className="fr-hint-text">{t('session.blockedHint')}</span>
            </label>
          </div>
        </div>
      </fieldset>
      <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm" onClick={() => void session.close(guide.id)}>
        {t('session.remove')}
      </button>
    </>
  );
}
