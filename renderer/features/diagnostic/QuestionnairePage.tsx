import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnosis } from '../../../shared/diagnostic/contract';
import type { Question, Questionnaire } from '../../../shared/diagnostic/questionnaire';
import type { AnswerValue } from '../../../shared/diagnostic/schema';
import { api } from '../../api/client';
import { coreErrorText } from '../../lib/core-error';
import { navigate } from '../../lib/router';
import { InputField } from '../../ui/fields';
import { AnswerField } from './AnswerField';
import { paths } from './paths';
import { ScreenError } from './ScreenError';
import { Stepper } from './Stepper';
import { PAGE_COUNT, langOf, pick } from './text';
import { useDiagnosis } from './useDiagnosis';

type Answers = Record<string, AnswerValue>;

/** Saves each answer as it is given (resumable later); the last save's outcome is announced politely. */
function useAnswerSaver(diagnosis: Diagnosis) {
  const { t } = useTranslation('diagnostic');
  const [answers, setAnswers] = useState<Answers>(diagnosis.answers);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  async function save(item: string, value: AnswerValue | null) {
    setAnswers((a) => {
      const next = { ...a };
      if (value === null) delete next[item];
      else next[item] = value;
      return next;
    });
    try {
      await api('diagnostic.answer', { id: diagnosis.id, answers: { [item]: value } });
      setStatus({ ok: true, text: t('questions.saved') });
    } catch (e) {
      setStatus({ ok: false, text: t('questions.saveFailed', { reason: coreErrorText(e) }) });
    }
  }
  return { answers, save, status };
}

function PercentField({
  id,
  label,
  lang,
  value,
  onChange,
}: {
  id: string;
  label: string;
  lang: string;
  value: AnswerValue | null;
  onChange(value: AnswerValue | null): void;
}) {
  const { t } = useTranslation('diagnostic');
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '');
  return (
    <div className="mediane-diag-percent">
      <InputField
        id={id}
        label={<span lang={lang}>{label}</span>}
        type="number"
        min={0}
        max={100}
        step={1}
        inputMode="numeric"
        value={text}
        disabled={value === 'dk'}
        onChange={(v) => {
          setText(v);
          const n = Number(v);
          if (v === '') onChange(null);
          else if (Number.isInteger(n) && n >= 0 && n <= 100) onChange(n);
        }}
      />
      <div className="fr-checkbox-group fr-checkbox-group--sm">
        <input
          type="checkbox"
          id={`${id}-dk`}
          checked={value === 'dk'}
          onChange={(e) => onChange(e.target.checked ? 'dk' : text === '' ? null : Number(text))}
        />
        <label className="fr-label" htmlFor={`${id}-dk`}>
          {t('questions.options.dk')}
        </label>
      </div>
    </div>
  );
}

function QuestionBlock({
  question,
  answers,
  save,
  language,
  noStaff,
}: {
  question: Question;
  answers: Answers;
  save(item: string, value: AnswerValue | null): void;
  language: string;
  noStaff: boolean;
}) {
  const { t } = useTranslation('diagnostic');
  const lang = langOf(language);
  const headingId = `q-${question.id}`;
  return (
    <section className="fr-mb-6w" aria-labelledby={headingId}>
      <h3 id={headingId} lang={lang}>
        {pick(question.label, language)}
      </h3>
      <p className="fr-text--sm mediane-diag-help" lang={lang}>
        {pick(question.help, language)}
      </p>
      {noStaff && question.staff ? (
        <p className="fr-badge fr-badge--info fr-badge--no-icon">{t('questions.noStaff')}</p>
      ) : (
        question.items
          .filter((item) => !(noStaff && item.staff))
          .map((item) =>
            question.kind === 'percent' ? (
              <PercentField
                key={item.id}
                id={`a-${item.id}`}
                label={pick(item.label, language)}
                lang={lang}
                value={answers[item.id] ?? null}
                onChange={(v) => void save(item.id, v)}
              />
            ) : (
              <AnswerField
                key={item.id}
                id={`a-${item.id}`}
                kind={question.kind}
                label={pick(item.label, language)}
                lang={lang}
                item={item}
                value={answers[item.id] ?? null}
                onChange={(v) => void save(item.id, v)}
              />
            ),
          )
      )}
    </section>
  );
}

function EinvoicingBlock({
  questionnaire,
  answers,
  save,
  language,
}: {
  questionnaire: Questionnaire;
  answers: Answers;
  save(item: string, value: AnswerValue | null): void;
  language: string;
}) {
  const e = questionnaire.einvoicing;
  const lang = langOf(language);
  return (
    <section className="fr-mb-6w">
      <p lang={lang}>{pick(e.help, language)}</p>
      {e.checks
        .filter((c) => !c.fromProfile)
        .map((c) => (
          <AnswerField
            key={c.id}
            id={`a-${c.id}`}
            kind={c.kind ?? 'check'}
            label={pick(c.label, language)}
            hint={c.help ? pick(c.help, language) : undefined}
            lang={lang}
            item={{ notApplicable: c.notApplicable, dontKnow: c.kind === 'check' || c.kind === 'platform' }}
            value={answers[c.id] ?? null}
            onChange={(v) => void save(c.id, v)}
          />
        ))}
    </section>
  );
}

function Pages({ diagnosis, questionnaire, n }: { diagnosis: Diagnosis; questionnaire: Questionnaire; n: number }) {
  const { t, i18n } = useTranslation('diagnostic');
  const { answers, save, status } = useAnswerSaver(diagnosis);
  const [finishing, setFinishing] = useState<string | null>(null);
  const language = i18n.language;
  const isEinvoicing = n === PAGE_COUNT;
  const dimension = questionnaire.dimensions[n - 1];
  const title = isEinvoicing ? pick(questionnaire.einvoicing.label, language) : pick(dimension!.label, language);
  const nextTitle =
    n < PAGE_COUNT - 1
      ? pick(questionnaire.dimensions[n]!.label, language)
      : n === PAGE_COUNT - 1
        ? pick(questionnaire.einvoicing.label, language)
        : t('steps.results');
  const noStaff = diagnosis.business?.sizeBand === '0';

  async function finish() {
    setFinishing(null);
    try {
      await api('diagnostic.finish', { id: diagnosis.id });
      navigate(paths.results(diagnosis.id));
    } catch (e) {
      setFinishing(coreErrorText(e));
    }
  }

  return (
    <>
      <h1>{t('title')}</h1>
      <Stepper step={n + 1} title={title} next={nextTitle} />
      {isEinvoicing ? (
        <EinvoicingBlock questionnaire={questionnaire} answers={answers} save={save} language={language} />
      ) : (
        dimension!.questions.map((q) => (
          <QuestionBlock key={q.id} question={q} answers={answers} save={save} language={language} noStaff={noStaff} />
        ))
      )}
      <div aria-live="polite" className="fr-mb-2w">
        {status && <p className={status.ok ? 'fr-valid-text' : 'fr-error-text'}>{status.text}</p>}
      </div>
      {finishing && (
        <div className="fr-alert fr-alert--error fr-mb-2w" role="alert">
          <p>{finishing}</p>
        </div>
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <a
            className="fr-btn fr-btn--secondary"
            href={n === 1 ? paths.business(diagnosis.id) : paths.page(diagnosis.id, n - 1)}
          >
            {t('questions.previous')}
          </a>
        </li>
        <li>
          {isEinvoicing ? (
            <button type="button" className="fr-btn" onClick={() => void finish()}>
              {t('questions.finish')}
            </button>
          ) : (
            <a className="fr-btn" href={paths.page(diagnosis.id, n + 1)}>
              {t('questions.next')}
            </a>
          )}
        </li>
      </ul>
    </>
  );
}

/** Steps 2-8: one dimension per page, then e-invoicing; every answer is saved as it is given. */
export function QuestionnairePage({ id, n }: { id: string; n: number }) {
  const { t } = useTranslation('diagnostic');
  const { diagnosis, questionnaire } = useDiagnosis(id);
  if (diagnosis.error) return <ScreenError error={diagnosis.error} />;
  if (!diagnosis.data || !questionnaire.data) return <p role="status">{t('loading')}</p>;
  if (!diagnosis.data.business) {
    navigate(paths.business(id));
    return null;
  }
  // The pages share one state: answers given on one page are there when coming back to it.
  return <Pages diagnosis={diagnosis.data} questionnaire={questionnaire.data} n={n} />;
}
