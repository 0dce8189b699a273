import { z } from 'zod';
import { isValidSiret, normaliseSiret } from '../site/siret';
import { NAF_CODE } from './naf';

// Error messages are i18n keys (namespace "errors", filed under diagnostic.*).

export const SIZE_BANDS = ['0', '1-9', '10-49', '50-249'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];
export const VAT_STATUSES = ['redevable', 'franchise', 'non_assujetti', 'ne_sait_pas'] as const;
export const CUSTOMER_MIXES = ['entreprises', 'particuliers', 'mixte', 'secteur_public', 'ne_sait_pas'] as const;
export const MODES = ['mediateur', 'autonome'] as const;
export type DiagnosisMode = (typeof MODES)[number];
export const EINVOICING_STATUSES = ['pret', 'en_cours', 'a_risque', 'non_concerne'] as const;
export type EinvoicingStatus = (typeof EINVOICING_STATUSES)[number];

const DEPARTEMENT = /^(?:0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/;

/** A SIREN is 9 digits with a Luhn sum multiple of 10 (La Poste's 356 000 000 too); a SIRET is checked like the site's. */
export function isValidSirenOrSiret(raw: string): boolean {
  const v = normaliseSiret(raw);
  if (/^\d{14}$/.test(v)) return isValidSiret(v);
  if (!/^\d{9}$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let digit = Number(v[8 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export const BusinessInput = z
  .object({
    name: z.string().trim().max(120, { message: 'diagnostic.nameTooLong' }).default(''),
    naf: z.string().regex(NAF_CODE, { message: 'diagnostic.nafInvalid' }),
    sizeBand: z.enum(SIZE_BANDS, { message: 'diagnostic.sizeRequired' }),
    departement: z.string().regex(DEPARTEMENT, { message: 'diagnostic.departementInvalid' }),
    vatStatus: z.enum(VAT_STATUSES, { message: 'diagnostic.vatRequired' }),
    customerMix: z.enum(CUSTOMER_MIXES, { message: 'diagnostic.customerMixRequired' }),
    siret: z
      .string()
      .max(20, { message: 'diagnostic.siretInvalid' })
      .transform((s) => normaliseSiret(s))
      .refine((s) => s === '' || isValidSirenOrSiret(s), { message: 'diagnostic.siretInvalid' })
      .default(''),
  })
  .strict();
export type BusinessInput = z.input<typeof BusinessInput>;
export type Business = z.output<typeof BusinessInput> & { nafLabel: string; nafSection: string };

/** An answer: a level (0..max of its kind; a percentage for the DII figures), "not applicable" or "don't know". */
export const AnswerValue = z.union([z.number().int().min(0).max(100), z.literal('na'), z.literal('dk')]);
export type AnswerValue = z.infer<typeof AnswerValue>;
export type Answers = Readonly<Record<string, AnswerValue>>;

const BandId = z.enum(['elementaire', 'intermediaire', 'avance', 'tres_avance']);

export const DimensionScore = z.object({
  id: z.string(),
  score: z.number().int().min(0).max(100).nullable(),
  band: BandId.nullable(),
  indicative: z.boolean(),
  applicable: z.number().int(),
  total: z.number().int(),
  dontKnow: z.number().int(),
});
export type DimensionScore = z.infer<typeof DimensionScore>;

export const PlanAction = z.object({
  recommendation: z.string(),
  priority: z.union([z.literal(1), z.literal(2)]),
  effort: z.enum(['S', 'M', 'L']),
  dueDate: z.string(),
  reason: z.enum(['legal', 'cyber', 'improve']),
  legalDeadline: z.string().nullable(),
  overdue: z.boolean(),
  dimension: z.string().nullable(),
  items: z.array(z.string()),
});
export type PlanAction = z.infer<typeof PlanAction>;

export const Results = z.object({
  questionnaireVersion: z.string(),
  asOf: z.string(),
  overall: z.object({ score: z.number().int().min(0).max(100).nullable(), band: BandId.nullable() }),
  dimensions: z.array(DimensionScore),
  dontKnow: z.number().int(),
  answered: z.number().int(),
  questions: z.number().int(),
  dii: z.object({
    score: z.number().int().min(0).max(12),
    level: z.string(),
    basic: z.boolean(),
    officialScope: z.boolean(),
    surveyYear: z.number().int(),
    indicators: z.array(z.object({ id: z.string(), met: z.boolean() })),
  }),
  einvoicing: z.object({
    status: z.enum(EINVOICING_STATUSES),
    receptionDeadline: z.string(),
    emissionDeadline: z.string(),
    checks: z.array(z.object({ id: z.string(), met: z.boolean() })),
  }),
  redFlags: z.array(z.string()),
  plan: z.array(PlanAction),
});
export type Results = z.infer<typeof Results>;
