import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commune } from '../../../shared/communes/schema';
import {
  NATIONAL_PROGRAMMES,
  NATIONAL_SERVICES,
  SITE_TYPES,
  TRAINING_LABELS,
  type SiteProfile,
  type SiteProfileInput,
} from '../../../shared/site/schema';
import { isValidSiret, normaliseSiret } from '../../../shared/site/siret';
import { api } from '../../api/client';
import { errorText } from '../../i18n';
import { CommuneCombobox } from '../../ui/CommuneCombobox';
import { ErrorSummary, type SummaryItem } from '../../ui/ErrorSummary';
import { CheckboxGroup, InputField, RadioGroup, SelectField } from '../../ui/fields';
import { useFormErrors } from '../../ui/form-errors';

type SiteType = (typeof SITE_TYPES)[number];
type NationalService = (typeof NATIONAL_SERVICES)[number];
type Programme = (typeof NATIONAL_PROGRAMMES)[number];
type TrainingLabel = (typeof TRAINING_LABELS)[number];

/** i18n key of each national service: the French label is the schema's value itself, English translates it. */
export const SERVICE_KEYS = {
  'Acquisition de matériel informatique à prix solidaire': 'materielSolidaire',
  'Aide aux démarches administratives': 'demarches',
  'Maîtrise des outils numériques du quotidien': 'outilsQuotidien',
  'Insertion professionnelle via le numérique': 'insertionPro',
  'Utilisation sécurisée du numérique': 'securite',
  'Parentalité et éducation avec le numérique': 'parentalite',
  'Loisirs et créations numériques': 'loisirs',
  'Compréhension du monde numérique': 'comprehension',
  'Accès internet et matériel informatique': 'accesInternet',
} as const satisfies Record<NationalService, string>;

/** Ids of the fields, also used by the export section of "Mon lieu" to link its messages to the form. */
export const FIELD_IDS = {
  name: 'site-name',
  siteType: 'site-type',
  communeCode: 'site-commune',
  postcode: 'site-postcode',
  street: 'site-street',
  siret: 'site-siret',
  services: 'site-services',
  programmes: 'site-programmes',
  trainingLabels: 'site-training-labels',
  mediatorName: 'site-mediator-name',
} as const;
export type FieldPath = keyof typeof FIELD_IDS;
const FIELD_ORDER = Object.keys(FIELD_IDS) as FieldPath[];

/** The visible label of each field, for error summaries. */
export function useFieldLabels(): Record<FieldPath, string> {
  const { t } = useTranslation('site');
  return {
    name: t('form.name.label'),
    siteType: t('form.siteType.legend'),
    communeCode: t('form.commune.label'),
    postcode: t('form.postcode.label'),
    street: t('form.street.label'),
    siret: t('form.siret.label'),
    services: t('form.services.legend'),
    programmes: t('form.programmes.legend'),
    trainingLabels: t('form.trainingLabels.legend'),
    mediatorName: t('form.mediatorName.label'),
  };
}

/** Turns translated per-path messages into summary items in the order of the form, each linked to its field. */
export function summaryItems(fields: Record<string, string>, labels: Record<FieldPath, string>): SummaryItem[] {
  const items: SummaryItem[] = [];
  const seen = new Set<string>();
  for (const path of FIELD_ORDER) {
    const key = Object.keys(fields).find((p) => p === path || p.startsWith(`${path}.`));
    if (key === undefined) continue;
    seen.add(key);
    items.push({ key: path, field: labels[path], message: fields[key]!, targetId: FIELD_IDS[path] });
  }
  for (const [path, message] of Object.entries(fields)) {
    if (!seen.has(path)) items.push({ key: path, message });
  }
  return items;
}

interface Draft {
  name: string;
  siteType: SiteType | '';
  commune: Commune | null;
  postcode: string;
  street: string;
  siret: string;
  services: NationalService[];
  programmes: Programme[];
  trainingLabels: TrainingLabel[];
  mediatorName: string;
}

function draftOf(site: SiteProfile | null, commune: Commune | null): Draft {
  return {
    name: site?.name ?? '',
    siteType: site?.siteType ?? '',
    commune,
    postcode: site?.postcode ?? '',
    street: site?.street ?? '',
    siret: site?.siret ?? '',
    services: site?.services ?? [],
    programmes: site?.programmes ?? [],
    trainingLabels: site?.trainingLabels ?? [],
    mediatorName: site?.mediatorName ?? '',
  };
}

interface Props {
  /** The saved profile to edit, or null for the first-run setup. */
  site: SiteProfile | null;
  /** The saved profile's commune, looked up in the official geographic code. */
  commune: Commune | null;
  submitLabel: string;
  /** Heading level of the error summary's title, one below the heading that introduces the form. */
  titleLevel: 2 | 3;
  /** Called when a save starts (to clear an earlier success message). */
  onSubmit?(): void;
  /**
   * First run: only the required fields. The optional ones (address, SIRET, the national schema's ≈30 boxes, the
   * mediator's name) wait for "Mon lieu", so that a new desk can start logging sessions at once.
   */
  requiredOnly?: boolean;
  onSaved(profile: SiteProfile): void | Promise<void>;
}

/**
 * The site profile form, shared by the first-run setup and "Mon lieu". Every check is the core's: a refused save
 * writes nothing and comes back as per-field messages, summarised in an alert that takes the focus.
 * The SIRET is also checked as it is typed, so the mediator sees a mistake before saving.
 */
export function SiteProfileForm({
  site,
  commune,
  submitLabel,
  titleLevel,
  onSubmit,
  onSaved,
  requiredOnly = false,
}: Props) {
  const { t, i18n } = useTranslation(['site', 'taxonomy']);
  const labels = useFieldLabels();
  const errors = useFormErrors();
  const [draft, setDraft] = useState<Draft>(() => draftOf(site, commune));
  // Fields changed since the last refused save: their inline message is out of date, the summary keeps it.
  const [edited, setEdited] = useState<ReadonlySet<FieldPath>>(new Set());
  const [siretBlurred, setSiretBlurred] = useState(false);
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const busy = useRef(false);

  function change<K extends keyof Draft>(key: K, value: Draft[K], path: FieldPath = key as FieldPath) {
    setDraft((d) => ({ ...d, [key]: value }));
    if (!edited.has(path)) setEdited(new Set(edited).add(path));
  }

  function fieldError(path: FieldPath): string | undefined {
    return edited.has(path) ? undefined : errors.field(path);
  }

  const siret = normaliseSiret(draft.siret.trim());
  const siretLive =
    siret !== '' && (siretBlurred || siret.length >= 14) && !isValidSiret(siret)
      ? errorText('site.siretInvalid')
      : undefined;
  const siretError = siretLive ?? fieldError('siret');

  const postcodes = draft.commune?.postcodes ?? [];

  function pickCommune(c: Commune | null) {
    setDraft((d) => ({
      ...d,
      commune: c,
      postcode: !c
        ? ''
        : c.postcodes.length === 1
          ? c.postcodes[0]!
          : c.postcodes.includes(d.postcode)
            ? d.postcode
            : '',
    }));
    const next = new Set(edited);
    next.add('communeCode');
    next.add('postcode');
    setEdited(next);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy.current) return;
    busy.current = true;
    setSaving(true);
    onSubmit?.();
    const input: SiteProfileInput = {
      name: draft.name,
      // An unchosen type is sent as it is: the core refuses it and says so on the field.
      siteType: draft.siteType as SiteType,
      communeCode: draft.commune?.code ?? '',
      postcode: draft.postcode,
      street: draft.street,
      siret: draft.siret,
      services: draft.services,
      programmes: draft.programmes,
      trainingLabels: draft.trainingLabels,
      mediatorName: draft.mediatorName,
    };
    try {
      const saved = await api('site.save', input);
      errors.clear();
      setEdited(new Set());
      await onSaved(saved);
    } catch (err) {
      errors.setFrom(err);
      setEdited(new Set());
      setAttempt((n) => n + 1);
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }

  // The national programmes and labels read as the schema spells them, in French, whatever the app's language.
  const lang = i18n.language === 'fr' ? undefined : 'fr';
  const nationalLists = [
    { path: 'services', options: NATIONAL_SERVICES.map((s) => ({ value: s, label: t(`service.${SERVICE_KEYS[s]}`) })) },
    { path: 'programmes', options: NATIONAL_PROGRAMMES.map((p) => ({ value: p, label: p, lang })) },
    { path: 'trainingLabels', options: TRAINING_LABELS.map((l) => ({ value: l, label: l, lang })) },
  ] as const;
  const items = summaryItems(errors.errors.fields, labels);

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-busy={saving || undefined}>
      {errors.errors.summary && (
        <ErrorSummary
          title={t('form.errorTitle')}
          titleLevel={titleLevel}
          summary={errors.errors.summary}
          items={items}
          attempt={attempt}
        />
      )}
      <p className="fr-hint-text fr-mb-3w">{t('form.requiredNote')}</p>

      <InputField
        id={FIELD_IDS.name}
        label={t('form.name.label')}
        hint={t('form.name.hint')}
        required
        value={draft.name}
        onChange={(v) => change('name', v)}
        error={fieldError('name')}
        autoComplete="organization"
      />

      <RadioGroup
        id={FIELD_IDS.siteType}
        legend={t('form.siteType.legend')}
        regular
        layout="stack"
        required
        options={SITE_TYPES.map((s) => ({ value: s, label: t(`taxonomy:siteType.${s}`) }))}
        value={draft.siteType || null}
        onChange={(v) => change('siteType', v)}
        error={fieldError('siteType')}
      />

      <div id={FIELD_IDS.communeCode}>
        <CommuneCombobox
          label={t('form.commune.label')}
          hint={t('form.commune.hint')}
          required
          value={draft.commune}
          onChange={pickCommune}
          error={fieldError('communeCode')}
        />
      </div>

      <SelectField
        id={FIELD_IDS.postcode}
        label={t('form.postcode.label')}
        required
        value={draft.postcode}
        placeholder={draft.commune ? t('form.postcode.choose') : t('form.postcode.chooseCommuneFirst')}
        options={postcodes.map((p) => ({ value: p, label: p }))}
        onChange={(v) => change('postcode', v)}
        disabled={!draft.commune}
        error={fieldError('postcode')}
      />

      {requiredOnly ? (
        <p className="fr-text--sm fr-mt-2w">{t('form.laterInSite')}</p>
      ) : (
        <>
          <InputField
            id={FIELD_IDS.street}
            label={t('form.street.label')}
            hint={t('form.street.hint')}
            value={draft.street}
            onChange={(v) => change('street', v)}
            error={fieldError('street')}
            autoComplete="street-address"
          />

          <InputField
            id={FIELD_IDS.siret}
            label={t('form.siret.label')}
            hint={t('form.siret.hint')}
            value={draft.siret}
            onChange={(v) => change('siret', v)}
            onBlur={() => setSiretBlurred(true)}
            error={siretError}
            inputMode="numeric"
            autoComplete="off"
          />

          {nationalLists.map(({ path, options }) => (
            <CheckboxGroup<string>
              key={path}
              id={FIELD_IDS[path]}
              legend={t(`form.${path}.legend`)}
              hint={t(`form.${path}.hint`)}
              regular
              layout="stack"
              small={false}
              options={options}
              value={draft[path]}
              onChange={(v) => change(path, v as Draft[typeof path])}
              error={fieldError(path)}
            />
          ))}

          <InputField
            id={FIELD_IDS.mediatorName}
            label={t('form.mediatorName.label')}
            hint={t('form.mediatorName.hint')}
            value={draft.mediatorName}
            onChange={(v) => change('mediatorName', v)}
            error={fieldError('mediatorName')}
            autoComplete="name"
          />
        </>
      )}

      <button type="submit" className="fr-btn fr-mt-2w">
        {saving ? t('form.saving') : submitLabel}
      </button>
    </form>
  );
}
