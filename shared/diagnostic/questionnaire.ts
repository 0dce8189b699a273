import { z } from 'zod';

// The shape of a versioned questionnaire file (resources/diagnostic/questionnaire-v<N>.json). The scoring functions
// take the questionnaire as an argument, so a stored diagnosis is always re-scored with the version it was answered
// with, and the hub can later aggregate with the same code.

export const Text = z.object({ fr: z.string().min(1), en: z.string().min(1) }).strict();
export type Text = z.infer<typeof Text>;

export const QUESTION_KINDS = ['check', 'plan', 'triple', 'scale', 'percent'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The highest answer level of each kind: check yes = 1; plan already = 2; triple yes = 2; scale operational = 5. */
export const MAX_LEVEL: Record<QuestionKind, number> = { check: 1, plan: 2, triple: 2, scale: 5, percent: 100 };

const id = z.string().regex(/^[a-z][a-z0-9_]{1,40}$/);

export const Item = z
  .object({
    id,
    label: Text,
    recommendation: id.optional(),
    notApplicable: z.boolean().optional(),
    dontKnow: z.boolean().optional(),
    /** Only makes sense with employees: left out of the score of a business without any. */
    staff: z.boolean().optional(),
    /** A missing "yes" is a cyber red flag: a first-priority action whatever the score. */
    redFlag: z.boolean().optional(),
  })
  .strict();
export type Item = z.infer<typeof Item>;

export const Question = z
  .object({
    id,
    kind: z.enum(QUESTION_KINDS),
    label: Text,
    help: Text,
    /** Unscored questions (the DII's numeric follow-ups) feed only the DII. */
    scored: z.boolean().optional(),
    staff: z.boolean().optional(),
    /** An item whose "yes" makes the whole question score zero ("no digital data"). */
    exclusive: id.optional(),
    items: z.array(Item).min(1),
  })
  .strict();
export type Question = z.infer<typeof Question>;

export const Dimension = z.object({ id, label: Text, questions: z.array(Question).min(1) }).strict();
export type Dimension = z.infer<typeof Dimension>;

export const Recommendation = z
  .object({
    priority: z.union([z.literal(1), z.literal(2)]),
    effort: z.enum(['S', 'M', 'L']),
    delayDays: z.number().int().min(1).max(730),
    title: Text,
    detail: Text,
    resource: z.object({ label: Text, url: z.url({ protocol: /^https$/ }) }).strict(),
  })
  .strict();
export type Recommendation = z.infer<typeof Recommendation>;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const EinvoicingCheck = z
  .object({
    id,
    kind: z.enum(['platform', 'check', 'triple']).optional(),
    fromProfile: z.boolean().optional(),
    label: Text,
    help: Text.optional(),
    recommendation: id,
    deadline: z.enum(['reception', 'emission']).optional(),
    notApplicable: z.boolean().optional(),
  })
  .strict();
export type EinvoicingCheck = z.infer<typeof EinvoicingCheck>;

const Band = z.object({ id, min: z.number(), max: z.number(), label: Text }).strict();

export const DiiIndicator = z
  .object({
    id,
    rule: z.enum(['item', 'anyOf', 'onlineShare', 'webB2c']),
    item: id.optional(),
    /** For a business without employees: the item that stands for "persons with internet" (the owner). */
    soloItem: id.optional(),
    items: z.array(id).optional(),
    minLevel: z.number().optional(),
    label: Text,
  })
  .strict();
export type DiiIndicator = z.infer<typeof DiiIndicator>;

export const ReferenceFigure = z
  .object({
    id,
    value: z.number(),
    unit: z.string(),
    label: Text,
    source: z.string().min(1),
    year: z.number().int(),
    dimension: id.nullable(),
  })
  .strict();
export type ReferenceFigure = z.infer<typeof ReferenceFigure>;

export const Questionnaire = z
  .object({
    version: z.string().regex(/^v\d+$/),
    publishedOn: isoDay,
    source: Text,
    bands: z.array(Band).length(4),
    dimensions: z.array(Dimension).length(6),
    einvoicing: z
      .object({
        label: Text,
        help: Text,
        receptionDeadline: isoDay,
        emissionDeadlines: z.record(z.string(), isoDay),
        emissionNote: Text,
        checks: z.array(EinvoicingCheck).length(5),
      })
      .strict(),
    recommendations: z.record(id, Recommendation),
    dii: z
      .object({
        surveyYear: z.number().int(),
        scope: Text,
        indicators: z.array(DiiIndicator).length(12),
        levels: z.array(Band).length(4),
        basicLevel: z.number().int(),
      })
      .strict(),
    references: z.array(ReferenceFigure),
  })
  .strict()
  .superRefine((q, ctx) => {
    const seen = new Set<string>();
    const items = new Map<string, Item>();
    for (const d of q.dimensions)
      for (const question of d.questions)
        for (const item of question.items) {
          if (seen.has(item.id)) ctx.addIssue({ code: 'custom', message: `duplicate item ${item.id}` });
          seen.add(item.id);
          items.set(item.id, item);
          if (question.scored !== false && !item.recommendation)
            ctx.addIssue({ code: 'custom', message: `scored item without recommendation ${item.id}` });
          if (item.recommendation && !q.recommendations[item.recommendation])
            ctx.addIssue({ code: 'custom', message: `unknown recommendation ${item.recommendation}` });
        }
    for (const c of q.einvoicing.checks) {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', message: `duplicate item ${c.id}` });
      seen.add(c.id);
      if (!q.recommendations[c.recommendation])
        ctx.addIssue({ code: 'custom', message: `unknown recommendation ${c.recommendation}` });
    }
    for (const ind of q.dii.indicators)
      for (const ref of [ind.item, ind.soloItem, ...(ind.items ?? [])])
        if (ref && !items.has(ref)) ctx.addIssue({ code: 'custom', message: `DII refers to unknown item ${ref}` });
  });
export type Questionnaire = z.infer<typeof Questionnaire>;
