import { z } from 'zod';
import {
  ADMIN_TOPICS,
  AUTONOMY,
  CHANNELS,
  EQUIPMENT,
  MAX_DURATION_MIN,
  ORIENTATIONS,
  OUTCOMES,
  SESSION_KINDS,
  TOPICS,
  WORKSHOP_LEVELS,
} from '../taxonomy';
import { operatorKey } from './schema';

/**
 * A template: the reusable part of a session, filled into a new session in one action. It never holds what belongs
 * to one person or one day (notes, brackets, commune, dates, follow-up): those are typed for each session.
 */
export const TemplateFields = z
  .object({
    kind: z.enum(SESSION_KINDS),
    durationMin: z.number().int().min(1).max(MAX_DURATION_MIN),
    channel: z.enum(CHANNELS),
    equipment: z.array(z.enum(EQUIPMENT)).max(EQUIPMENT.length),
    topics: z.array(z.enum(TOPICS)).min(1).max(TOPICS.length),
    adminTopics: z.array(z.enum(ADMIN_TOPICS)).max(ADMIN_TOPICS.length),
    operators: z.array(operatorKey).max(20),
    procedureName: z.string().max(200),
    outcome: z.enum(OUTCOMES).nullable(),
    orientation: z.enum(ORIENTATIONS).nullable(),
    autonomy: z.enum(AUTONOMY).nullable(),
    workshopTitle: z.string().max(160).nullable(),
    workshopLevel: z.enum(WORKSHOP_LEVELS).nullable(),
  })
  .strict();
export type TemplateFields = z.infer<typeof TemplateFields>;

/** Only the first templates have a key (1 to 9): the order is the desk's own (journal.moveTemplate). */
export const TEMPLATE_KEYS = 9;

export const templateName = z
  .string()
  .trim()
  .min(1, { message: 'journal.templateNameRequired' })
  .max(80, { message: 'journal.templateNameTooLong' });

export const Template = z.object({
  id: z.string(),
  name: z.string(),
  fields: TemplateFields,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Template = z.infer<typeof Template>;

export const CreateTemplateInput = z.object({ sessionId: z.uuid(), name: templateName }).strict();
export const RenameTemplateInput = z.object({ id: z.uuid(), name: templateName }).strict();
/** Moves a template to a place in the list (0 is first); the others keep their order. */
export const MoveTemplateInput = z.object({ id: z.uuid(), position: z.number().int().min(0).max(10_000) }).strict();

/** How many weeks of the desk's own journal the suggestions look back on. */
export const SUGGESTION_WEEKS = 8;
export const MAX_SUGGESTIONS = 5;

export const Suggestion = z.object({ fields: TemplateFields, count: z.number().int() });
export type Suggestion = z.infer<typeof Suggestion>;

/** What a new session can start from besides the templates: the last session logged and the desk's usual ones. */
export const SessionMemory = z.object({
  last: TemplateFields.nullable(),
  suggestions: z.array(Suggestion),
});
export type SessionMemory = z.infer<typeof SessionMemory>;

/** Two sets of fields describe the same help (what a suggestion is compared on). */
export function sameCombination(a: TemplateFields, b: TemplateFields): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    a.kind === b.kind &&
    a.durationMin === b.durationMin &&
    a.outcome === b.outcome &&
    same(a.topics, b.topics) &&
    same(a.adminTopics, b.adminTopics) &&
    same(a.operators, b.operators)
  );
}
