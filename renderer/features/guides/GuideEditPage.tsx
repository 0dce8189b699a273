import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guide, GuideStep } from '../../../shared/guides/schema';
import { api } from '../../api/client';
import { useCoreQuery } from '../../api/hooks';
import { coreErrorText, coreFieldErrors } from '../../lib/core-error';
import { navigate } from '../../lib/router';
import { ErrorSummary, type SummaryItem } from '../../ui/ErrorSummary';
import { InputField } from '../../ui/fields';
import { showNotice } from '../../ui/notices';
import { RetryAlert } from '../../ui/RetryAlert';
import { paths } from './paths';

// The desk's own version of a guide: the texts a desk corrects most (title, summary, steps, pitfalls, duration,
// review date) in a form; the rest of the guide is kept as it is. Saved as a whole copy, marked local; "back to
// the original" deletes the copy.

function TextArea({
  id,
  label,
  hint,
  value,
  error,
  onChange,
  rows = 3,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  onChange(v: string): void;
  rows?: number;
}) {
  return (
    <div className={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
        {hint && <span className="fr-hint-text">{hint}</span>}
      </label>
      <textarea
        id={id}
        className={`fr-input${error ? ' fr-input--error' : ''}`}
        rows={rows}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p className="fr-error-text" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function EditForm({ initial, isLocal, shipped }: { initial: Guide; isLocal: boolean; shipped: boolean }) {
  const { t } = useTranslation('guides');
  const [guide, setGuide] = useState<Guide>(initial);
  const [pitfalls, setPitfalls] = useState(initial.pitfalls.join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [confirmRevert, setConfirmRevert] = useState(false);
  const err = (path: string) => errors[`guide.${path}`];
  const setStep = (i: number, patch: Partial<GuideStep>) =>
    setGuide((g) => ({ ...g, steps: g.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  const renumber = (steps: GuideStep[]) => steps.map((s, i) => ({ ...s, number: i + 1 }));

  async function save() {
    const next: Guide = {
      ...guide,
      pitfalls: pitfalls
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    };
    try {
      await api('guides.saveOverride', { guide: next });
      showNotice({ tone: 'success', message: { key: 'guides:edit.saved' }, screen: 'guide' });
      navigate(paths.guide(guide.id));
    } catch (e) {
      setErrors(coreFieldErrors(e));
      setSummary(coreErrorText(e));
      setAttempt((a) => a + 1);
    }
  }

  async function revert() {
    try {
      await api('guides.revert', { id: guide.id });
      showNotice({ tone: 'success', message: { key: 'guides:edit.reverted' }, screen: shipped ? 'guide' : 'guides' });
      navigate(shipped ? paths.guide(guide.id) : paths.list());
    } catch (e) {
      setSummary(coreErrorText(e));
      setAttempt((a) => a + 1);
    }
  }

  const items: SummaryItem[] = Object.entries(errors).map(([path, message]) => ({ key: path, message }));
  return (
    <>
      {summary && (
        <ErrorSummary title={t('edit.errorTitle')} titleLevel={2} summary={summary} items={items} attempt={attempt} />
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <InputField
          id="guide-title"
          label={t('edit.title')}
          value={guide.title}
          error={err('title')}
          onChange={(title) => setGuide((g) => ({ ...g, title }))}
        />
        <TextArea
          id="guide-summary"
          label={t('edit.summary')}
          value={guide.summary}
          error={err('summary')}
          onChange={(summary) => setGuide((g) => ({ ...g, summary }))}
        />
        <fieldset className="fr-fieldset" aria-labelledby="guide-steps-legend">
          <legend className="fr-fieldset__legend" id="guide-steps-legend">
            {t('edit.steps')}
          </legend>
          {guide.steps.map((s, i) => (
            <div className="fr-fieldset__element mediane-edit-step" key={i}>
              <h3 className="fr-h6">{t('edit.step', { n: i + 1 })}</h3>
              <InputField
                id={`guide-step-${i}-title`}
                label={t('edit.stepTitle', { n: i + 1 })}
                value={s.title}
                error={err(`steps.${i}.title`)}
                onChange={(title) => setStep(i, { title })}
              />
              <TextArea
                id={`guide-step-${i}-action`}
                label={t('edit.stepAction', { n: i + 1 })}
                value={s.action}
                error={err(`steps.${i}.action`)}
                onChange={(action) => setStep(i, { action })}
              />
              <TextArea
                id={`guide-step-${i}-check`}
                label={t('edit.stepCheck', { n: i + 1 })}
                value={s.check}
                error={err(`steps.${i}.check`)}
                onChange={(check) => setStep(i, { check })}
                rows={2}
              />
              {guide.steps.length > 1 && (
                <button
                  type="button"
                  className="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left"
                  onClick={() => setGuide((g) => ({ ...g, steps: renumber(g.steps.filter((_, j) => j !== i)) }))}
                >
                  {t('edit.removeStep', { n: i + 1 })}
                </button>
              )}
            </div>
          ))}
          <div className="fr-fieldset__element">
            <button
              type="button"
              className="fr-btn fr-btn--sm fr-btn--secondary fr-icon-add-line fr-btn--icon-left"
              onClick={() =>
                setGuide((g) => ({
                  ...g,
                  steps: renumber([...g.steps, { number: 0, title: '', action: '', check: '' }]),
                }))
              }
            >
              {t('edit.addStep')}
            </button>
          </div>
        </fieldset>
        <TextArea
          id="guide-pitfalls"
          label={t('edit.pitfalls')}
          hint={t('edit.onePerLine')}
          value={pitfalls}
          error={Object.entries(errors).find(([p]) => p.startsWith('guide.pitfalls'))?.[1]}
          onChange={setPitfalls}
          rows={4}
        />
        <InputField
          id="guide-duration"
          type="number"
          min={5}
          max={240}
          label={t('edit.duration')}
          value={String(guide.typicalDurationMinutes)}
          error={err('typicalDurationMinutes')}
          onChange={(v) => setGuide((g) => ({ ...g, typicalDurationMinutes: Number(v) }))}
        />
        <InputField
          id="guide-reviewed"
          type="date"
          label={t('edit.reviewedOn')}
          value={guide.reviewedOn}
          error={err('reviewedOn')}
          onChange={(reviewedOn) => setGuide((g) => ({ ...g, reviewedOn }))}
        />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" className="fr-btn">
              {t('edit.save')}
            </button>
          </li>
          <li>
            <a className="fr-btn fr-btn--secondary" href={paths.guide(guide.id)}>
              {t('edit.cancel')}
            </a>
          </li>
        </ul>
      </form>
      {isLocal && (
        <section aria-labelledby="guide-revert" className="fr-mt-4w">
          <h2 id="guide-revert" className="fr-h5">
            {t(shipped ? 'edit.revertTitle' : 'edit.removeTitle')}
          </h2>
          <p>{t(shipped ? 'edit.revertIntro' : 'edit.removeIntro')}</p>
          {confirmRevert ? (
            <ul className="fr-btns-group fr-btns-group--inline-md">
              <li>
                <button type="button" className="fr-btn" onClick={() => void revert()}>
                  {t('edit.revertConfirm')}
                </button>
              </li>
              <li>
                <button type="button" className="fr-btn fr-btn--secondary" onClick={() => setConfirmRevert(false)}>
                  {t('edit.cancel')}
                </button>
              </li>
            </ul>
          ) : (
            <button type="button" className="fr-btn fr-btn--tertiary" onClick={() => setConfirmRevert(true)}>
              {t(shipped ? 'edit.revert' : 'edit.remove')}
            </button>
          )}
        </section>
      )}
    </>
  );
}

export function GuideEditPage({ id }: { id: string }) {
  const { t } = useTranslation('guides');
  const detail = useCoreQuery('guides.get', { id });
  return (
    <>
      <p className="fr-mb-1w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={paths.guide(id)}>
          {t('edit.back')}
        </a>
      </p>
      <h1>{t('edit.pageTitle')}</h1>
      <p>{t('edit.intro')}</p>
      {detail.error && <RetryAlert message={coreErrorText(detail.error)} onRetry={detail.refetch} />}
      {detail.data ? (
        <EditForm
          initial={detail.data.guide}
          isLocal={detail.data.local !== null}
          shipped={detail.data.local?.shipped ?? true}
        />
      ) : (
        !detail.error && <p role="status">{t('list.loading')}</p>
      )}
    </>
  );
}
