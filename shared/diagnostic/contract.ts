import { z } from 'zod';
import { byId, mutation, noInput, query } from '../contract-kit';
import { PeerComparison } from '../sync/desk-schema';
import { Questionnaire } from './questionnaire';
import { AnswerValue, BusinessInput, MODES, Results, SIZE_BANDS, VAT_STATUSES, CUSTOMER_MIXES } from './schema';

const Business = z.object({
  name: z.string(),
  naf: z.string(),
  nafLabel: z.string(),
  nafSection: z.string(),
  sizeBand: z.enum(SIZE_BANDS),
  departement: z.string(),
  vatStatus: z.enum(VAT_STATUSES),
  customerMix: z.enum(CUSTOMER_MIXES),
  siret: z.string(),
});

export const Diagnosis = z.object({
  id: z.string(),
  mode: z.enum(MODES),
  questionnaireVersion: z.string(),
  business: Business.nullable(),
  answers: z.record(z.string(), AnswerValue),
  status: z.enum(['en_cours', 'termine']),
  previousId: z.string().nullable(),
  startedAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  journalSessionId: z.string().nullable(),
});
export type Diagnosis = z.infer<typeof Diagnosis>;

const itemId = z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, { message: 'diagnostic.answerInvalid' });

export const StartInput = z.object({ mode: z.enum(MODES), previousId: z.uuid().nullable().default(null) }).strict();
export const DescribeInput = z.object({ id: z.uuid(), business: BusinessInput }).strict();
/** Answers saved as they are given (null clears one): a page of the questionnaire at most. */
export const AnswerInput = z
  .object({
    id: z.uuid(),
    answers: z.record(itemId, AnswerValue.nullable()).refine((a) => Object.keys(a).length <= 40, {
      message: 'diagnostic.tooManyAnswers',
    }),
  })
  .strict();
export const NafQuery = z
  .object({ query: z.string().max(80), limit: z.number().int().min(1).max(50).default(10) })
  .strict();
export const NafEntry = z.object({ code: z.string(), label: z.string(), section: z.string() });
export type NafEntry = z.infer<typeof NafEntry>;
export const Departement = z.object({ code: z.string(), name: z.string() });

const Progress = z.object({
  previousId: z.string(),
  previousAsOf: z.string(),
  dimensions: z.array(
    z.object({
      id: z.string(),
      before: z.number().nullable(),
      now: z.number().nullable(),
      delta: z.number().nullable(),
    }),
  ),
  overall: z.object({ before: z.number().nullable(), now: z.number().nullable(), delta: z.number().nullable() }),
  dii: z.object({ before: z.number(), now: z.number(), delta: z.number() }),
  einvoicing: z.object({ before: z.string(), now: z.string() }),
});

export const DiagnosisResults = z.object({ diagnosis: Diagnosis, results: Results, progress: Progress.nullable() });
export type DiagnosisResults = z.infer<typeof DiagnosisResults>;

export const ListInput = z
  .object({
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .strict();
export const ListRow = z.object({
  id: z.string(),
  mode: z.enum(MODES),
  name: z.string(),
  naf: z.string(),
  nafLabel: z.string(),
  sizeBand: z.string(),
  departement: z.string(),
  status: z.enum(['en_cours', 'termine']),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  overall: z.number().nullable(),
});
export const DiagnosisPage = z.object({ rows: z.array(ListRow), total: z.number().int() });

// Self-service: what a business owner alone at the PC needs to fill in a diagnosis and read its results and report.
// Listing past diagnoses and deleting one stay with the mediator.
const self = { selfService: true } as const;

export const diagnosticContract = {
  'diagnostic.questionnaire': query(z.object({ version: z.string().max(10) }).strict(), Questionnaire, self),
  'diagnostic.searchNaf': query(NafQuery, z.array(NafEntry), self),
  'diagnostic.departements': query(noInput, z.array(Departement), self),
  'diagnostic.start': mutation(StartInput, Diagnosis, self),
  'diagnostic.describe': mutation(DescribeInput, Diagnosis, self),
  'diagnostic.answer': mutation(AnswerInput, Diagnosis, self),
  'diagnostic.get': query(byId, Diagnosis, self),
  'diagnostic.finish': mutation(byId, Diagnosis, self),
  'diagnostic.results': query(byId, DiagnosisResults, self),
  /** Comparable businesses' scores (peer benchmarks from the hub, or the last ones fetched). */
  'diagnostic.peers': query(byId, PeerComparison, self),
  'diagnostic.list': query(ListInput, DiagnosisPage),
  'diagnostic.delete': mutation(byId, z.object({ id: z.string() })),
} as const;
