import { z } from 'zod';
import { isValidSiret, normaliseSiret } from './siret';

export const SITE_TYPES = [
  'france_services',
  'conseiller_numerique',
  'mediatheque',
  'ccas',
  'association',
  'autre',
] as const;

// Values of the national schema of "lieux de médiation numérique" (ANCT). A unit test checks these lists
// against the enums of @gouvfr-anct/lieux-de-mediation-numerique so they cannot drift apart.
export const NATIONAL_PROGRAMMES = [
  'Aidants Connect',
  'Bibliothèques numérique de référence',
  'Certification PIX',
  'Conseillers numériques',
  'Emmaüs Connect',
  'France Services',
  'Grande école du numérique',
  'La Croix Rouge',
  "Point d'accès numérique CAF",
  'Promeneurs du net',
  'Relais numérique (Emmaüs Connect)',
] as const;

export const TRAINING_LABELS = [
  'Formé à « Mon Espace Santé »',
  'Formé à « DUPLEX » (illettrisme)',
  'Arnia/MedNum BFC (Bourgogne-Franche-Comté)',
  'Collectif ressources et acteurs réemploi (Normandie)',
  'Étapes numériques (La Poste)',
  'Fabriques de Territoire',
  'Les Éclaireurs du numérique (Drôme)',
  'Mes Papiers (Métropole de Lyon)',
  'ORDI 3.0',
  'SUD LABS (PACA)',
] as const;

export const NATIONAL_SERVICES = [
  'Acquisition de matériel informatique à prix solidaire',
  'Aide aux démarches administratives',
  'Maîtrise des outils numériques du quotidien',
  'Insertion professionnelle via le numérique',
  'Utilisation sécurisée du numérique',
  'Parentalité et éducation avec le numérique',
  'Loisirs et créations numériques',
  'Compréhension du monde numérique',
  'Accès internet et matériel informatique',
] as const;

const inseeCode = z.string().regex(/^(?:\d{2}|2A|2B)\d{3}$/, { message: 'site.communeInvalid' });

export const SiteProfileInput = z
  .object({
    name: z.string().trim().min(2, { message: 'site.nameRequired' }).max(120, { message: 'site.nameTooLong' }),
    siteType: z.enum(SITE_TYPES),
    communeCode: inseeCode,
    postcode: z.string().regex(/^\d{5}$/, { message: 'site.postcodeInvalid' }),
    street: z.string().trim().max(200, { message: 'site.streetTooLong' }).default(''),
    siret: z
      .string()
      .trim()
      .max(20)
      .default('')
      .transform((s) => normaliseSiret(s))
      .refine((s) => s === '' || isValidSiret(s), { message: 'site.siretInvalid' }),
    services: z.array(z.enum(NATIONAL_SERVICES)).max(NATIONAL_SERVICES.length).default([]),
    programmes: z.array(z.enum(NATIONAL_PROGRAMMES)).max(NATIONAL_PROGRAMMES.length).default([]),
    trainingLabels: z.array(z.enum(TRAINING_LABELS)).max(TRAINING_LABELS.length).default([]),
    mediatorName: z.string().trim().max(80, { message: 'site.mediatorNameTooLong' }).default(''),
  })
  .strict();
export type SiteProfileInput = z.input<typeof SiteProfileInput>;

export const SiteProfile = z.object({
  id: z.string(),
  name: z.string(),
  siteType: z.enum(SITE_TYPES),
  communeCode: z.string(),
  communeName: z.string(),
  postcode: z.string(),
  street: z.string(),
  siret: z.string(),
  services: z.array(z.enum(NATIONAL_SERVICES)),
  programmes: z.array(z.enum(NATIONAL_PROGRAMMES)),
  trainingLabels: z.array(z.enum(TRAINING_LABELS)),
  mediatorName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SiteProfile = z.infer<typeof SiteProfile>;

// A record of the national schema, as produced by the ANCT library (flat string fields).
export const NationalRecordExport = z.object({
  fileName: z.string(),
  record: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type NationalRecordExport = z.infer<typeof NationalRecordExport>;
