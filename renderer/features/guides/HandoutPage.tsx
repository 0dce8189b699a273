import { useId, useState } from 'react';
import type { Guide } from '../../../shared/guides/schema';
import { useTranslation } from 'react-i18next';
import { useCoreQuery } from '../../api/hooks';
import { useAppStatus } from '../../app/status';
import { coreErrorText } from '../../lib/core-error';
import { InputField, SelectField } from '../../ui/fields';
import { PrintButton } from '../../ui/print/PrintButton';
import { PrintSheet } from '../../ui/print/PrintSheet';
import { RetryAlert } from '../../ui/RetryAlert';
import { HANDOUT_LABELS, HANDOUT_LANGUAGES, type HandoutLanguage } from './handout-labels';
import { HandoutSheet, type HandoutContent } from './HandoutSheet';
import { paths } from './paths';

/** The opening hours are the desk's, not the person's: remembered on this computer for the next handout. */
const HOURS_KEY = 'mediane.guides.openingHours';

function TextArea({
  id,
  label,
  hint,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange(v: string): void;
}) {
  return (
    <div className="fr-input-group">
      <label className="fr-label" htmlFor={id}>
        {label}
        {hint && <span className="fr-hint-text">{hint}</span>}
      </label>
      <textarea id={id} className="fr-input" rows={3} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function HandoutEditor({ guide }: { guide: Guide }) {
  const { t } = useTranslation('guides');
  const fid = useId();
  const { status } = useAppStatus();
  const [content, setContent] = useState<HandoutContent>(() => ({
    lang: 'fr',
    personName: '',
    deskName: status.site?.name ?? '',
    openingHours: localStorage.getItem(HOURS_KEY) ?? '',
    bring: guide.prerequisites.map((p) => p.label).join('\n'),
    nextSteps: '',
    followUpDate: '',
  }));
  const set = (patch: Partial<HandoutContent>) => setContent((c) => ({ ...c, ...patch }));

  return (
    <>
      <form className="mediane-handout-form fr-mb-3w" onSubmit={(e) => e.preventDefault()}>
        <SelectField<HandoutLanguage>
          id={`${fid}-lang`}
          label={t('handout.language')}
          hint={t('handout.languageHint')}
          value={content.lang}
          onChange={(lang) => set({ lang })}
          options={HANDOUT_LANGUAGES.map((l) => ({
            value: l,
            label: `${HANDOUT_LABELS[l].name} (${t(`handout.languages.${l}`)})`,
          }))}
        />
        <InputField
          id={`${fid}-person`}
          label={t('handout.person')}
          hint={t('handout.personHint')}
          autoComplete="off"
          value={content.personName}
          onChange={(personName) => set({ personName })}
        />
        <InputField
          id={`${fid}-desk`}
          label={t('handout.desk')}
          value={content.deskName}
          onChange={(deskName) => set({ deskName })}
        />
        <InputField
          id={`${fid}-hours`}
          label={t('handout.hours')}
          hint={t('handout.hoursHint')}
          value={content.openingHours}
          onChange={(openingHours) => {
            localStorage.setItem(HOURS_KEY, openingHours);
            set({ openingHours });
          }}
        />
        <TextArea
          id={`${fid}-bring`}
          label={t('handout.bring')}
          hint={t('handout.onePerLine')}
          value={content.bring}
          onChange={(bring) => set({ bring })}
        />
        <TextArea
          id={`${fid}-next`}
          label={t('handout.nextSteps')}
          hint={t('handout.onePerLine')}
          value={content.nextSteps}
          onChange={(nextSteps) => set({ nextSteps })}
        />
        <InputField
          id={`${fid}-followup`}
          type="date"
          label={t('handout.followUp')}
          value={content.followUpDate}
          onChange={(followUpDate) => set({ followUpDate })}
        />
      </form>
      <PrintButton fileName={`fiche-${guide.id}-${content.lang}.pdf`} className="fr-mb-2w" />
      <PrintSheet
        lang={content.lang}
        dir={HANDOUT_LABELS[content.lang].dir}
        title={t('handout.sheetTitle', { title: guide.title })}
      >
        <HandoutSheet guide={guide} content={content} />
      </PrintSheet>
    </>
  );
}

export function HandoutPage({ id }: { id: string }) {
  const { t } = useTranslation('guides');
  const detail = useCoreQuery('guides.get', { id });
  const guide = detail.data?.guide;
  return (
    <>
      <p className="fr-mb-1w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={paths.guide(id)}>
          {t('handout.back')}
        </a>
      </p>
      <h1>{t('handout.title')}</h1>
      <p>{t('handout.intro')}</p>
      {detail.error && <RetryAlert message={coreErrorText(detail.error)} onRetry={detail.refetch} />}
      {guide ? <HandoutEditor guide={guide} /> : !detail.error && <p role="status">{t('list.loading')}</p>}
    </>
  );
}
