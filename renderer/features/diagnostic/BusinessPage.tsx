import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnosis, NafEntry } from '../../../shared/diagnostic/contract';
import { CUSTOMER_MIXES, SIZE_BANDS, VAT_STATUSES, type BusinessInput } from '../../../shared/diagnostic/schema';
import { useCoreMutation, useCoreQuery } from '../../api/hooks';
import { navigate } from '../../lib/router';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { InputField, RadioGroup, SelectField } from '../../ui/fields';
import { useFormErrors } from '../../ui/form-errors';
import { NafCombobox } from './NafCombobox';
import { paths } from './paths';
import { ScreenError } from './ScreenError';
import { Stepper } from './Stepper';
import { useDiagnosis } from './useDiagnosis';
import { pick } from './text';

type Size = (typeof SIZE_BANDS)[number];
type Vat = (typeof VAT_STATUSES)[number];
type Mix = (typeof CUSTOMER_MIXES)[number];

function BusinessForm({ diagnosis, firstPage }: { diagnosis: Diagnosis; firstPage: string }) {
  const { t } = useTranslation('diagnostic');
  const saved = diagnosis.business;
  const [name, setName] = useState(saved?.name ?? '');
  const [naf, setNaf] = useState<NafEntry | null>(
    saved ? { code: saved.naf, label: saved.nafLabel, section: saved.nafSection } : null,
  );
  const [size, setSize] = useState<Size | null>(saved?.sizeBand ?? null);
  const [departement, setDepartement] = useState(saved?.departement ?? '');
  const [vat, setVat] = useState<Vat | null>(saved?.vatStatus ?? null);
  const [mix, setMix] = useState<Mix | null>(saved?.customerMix ?? null);
  const [siret, setSiret] = useState(saved?.siret ?? '');
  const departements = useCoreQuery('diagnostic.departements', {});
  const describe = useCoreMutation('diagnostic.describe');
  const errors = useFormErrors();
  const [attempt, setAttempt] = useState(0);

  const labels: Record<string, string> = {
    'business.name': t('business.name.label'),
    'business.naf': t('business.naf.label'),
    'business.sizeBand': t('business.size.legend'),
    'business.departement': t('business.departement.label'),
    'business.vatStatus': t('business.vat.legend'),
    'business.customerMix': t('business.mix.legend'),
    'business.siret': t('business.siret.label'),
  };
  const targets: Record<string, string> = {
    'business.name': 'diag-name',
    'business.naf': 'diag-naf',
    'business.sizeBand': 'diag-size',
    'business.departement': 'diag-departement',
    'business.vatStatus': 'diag-vat',
    'business.customerMix': 'diag-mix',
    'business.siret': 'diag-siret',
  };

  async function submit() {
    // Missing choices go to the core as they are: its refusal names each field (one source of the rules).
    const business = {
      name,
      naf: naf?.code ?? '',
      sizeBand: size ?? '',
      departement,
      vatStatus: vat ?? '',
      customerMix: mix ?? '',
      siret,
    } as unknown as BusinessInput;
    try {
      await describe.mutate({ id: diagnosis.id, business });
      errors.clear();
      navigate(firstPage);
    } catch (e) {
      errors.setFrom(e);
      setAttempt((n) => n + 1);
    }
  }

  const field = (path: string) => errors.field(`business.${path}`);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {errors.errors.summary && (
        <ErrorSummary
          title={t('business.errorTitle')}
          titleLevel={2}
          summary={errors.errors.summary}
          items={Object.entries(errors.errors.fields).map(([path, message]) => ({
            key: path,
            field: labels[path],
            message,
            targetId: targets[path],
          }))}
          attempt={attempt}
        />
      )}
      <p className="fr-hint-text">{t('business.requiredNote')}</p>
      <InputField
        id="diag-name"
        label={t('business.name.label')}
        hint={t('business.name.hint')}
        value={name}
        onChange={setName}
        error={field('name')}
        maxLength={120}
        autoComplete="organization"
      />
      <NafCombobox id="diag-naf" value={naf} onChange={setNaf} error={field('naf')} />
      <RadioGroup<Size>
        id="diag-size"
        legend={t('business.size.legend')}
        required
        value={size}
        onChange={setSize}
        error={field('sizeBand')}
        layout="stack"
        options={SIZE_BANDS.map((s) => ({ value: s, label: t(`business.size.options.${s}`) }))}
      />
      <SelectField
        id="diag-departement"
        label={t('business.departement.label')}
        required
        value={departement}
        onChange={setDepartement}
        error={field('departement')}
        placeholder={t('business.departement.placeholder')}
        options={(departements.data ?? []).map((d) => ({ value: d.code, label: `${d.code} ${d.name}` }))}
      />
      <RadioGroup<Vat>
        id="diag-vat"
        legend={t('business.vat.legend')}
        hint={t('business.vat.hint')}
        required
        value={vat}
        onChange={setVat}
        error={field('vatStatus')}
        layout="stack"
        options={VAT_STATUSES.map((v) => ({ value: v, label: t(`business.vat.options.${v}`) }))}
      />
      <RadioGroup<Mix>
        id="diag-mix"
        legend={t('business.mix.legend')}
        required
        value={mix}
        onChange={setMix}
        error={field('customerMix')}
        layout="stack"
        options={CUSTOMER_MIXES.map((m) => ({ value: m, label: t(`business.mix.options.${m}`) }))}
      />
      <InputField
        id="diag-siret"
        label={t('business.siret.label')}
        hint={t('business.siret.hint')}
        value={siret}
        onChange={setSiret}
        error={field('siret')}
        inputMode="numeric"
        maxLength={20}
      />
      <button type="submit" className="fr-btn" aria-busy={describe.pending || undefined}>
        {t('business.submit')}
      </button>
    </form>
  );
}

/** Step 1: who the business is (activity from the official NAF list, size, département, VAT status, customers). */
export function BusinessPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation('diagnostic');
  const { diagnosis, questionnaire } = useDiagnosis(id);
  if (diagnosis.error) return <ScreenError error={diagnosis.error} />;
  if (!diagnosis.data || !questionnaire.data) return <p role="status">{t('loading')}</p>;
  const first = questionnaire.data.dimensions[0]!;
  return (
    <>
      <h1>{t('title')}</h1>
      <Stepper step={1} title={t('steps.business')} next={pick(first.label, i18n.language)} />
      <p>{t('business.intro')}</p>
      <BusinessForm diagnosis={diagnosis.data} firstPage={paths.page(id, 1)} />
    </>
  );
}
