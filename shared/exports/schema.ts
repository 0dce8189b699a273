import { z } from 'zod';
import { isoDate, operatorKey } from '../journal/schema';
import { OUTCOMES, TOPICS } from '../taxonomy';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'ods'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The period and the journal's filters: what an export covers (and what its information block states). */
export const ExportScope = z
  .object({
    from: isoDate,
    to: isoDate,
    kind: z.enum(['individuel', 'collectif']).nullable().default(null),
    operator: operatorKey.nullable().default(null),
    topic: z.enum(TOPICS).nullable().default(null),
    outcome: z.enum(OUTCOMES).nullable().default(null),
  })
  .strict()
  .refine((s) => s.from <= s.to, { message: 'exports.periodReversed', path: ['to'] });
export type ExportScope = z.output<typeof ExportScope>;

export const SessionExportInput = z
  .object({
    targetId: z.uuid(),
    format: z.enum(EXPORT_FORMATS),
    scope: ExportScope,
    /** Notes stay on the desk: only a file the mediator keeps locally, on an explicit and warned choice. */
    includeNotes: z.boolean().default(false),
  })
  .strict();

export const AggregatedExportInput = z
  .object({ targetId: z.uuid(), format: z.enum(EXPORT_FORMATS), scope: ExportScope })
  .strict();

export const ExportResult = z.object({
  name: z.string(),
  /** Data rows written (a workshop gives one row per participant in the session export). */
  rows: z.number().int().nonnegative(),
  sessions: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type ExportResult = z.infer<typeof ExportResult>;

// ---- import from the national tool ------------------------------------------------------------------------------

export const ImportPreviewInput = z.object({ sourceId: z.uuid() }).strict();

export const UnreadableRow = z.object({ line: z.number().int(), reason: z.string() });
export type UnreadableRow = z.infer<typeof UnreadableRow>;
export const UnmappedValue = z.object({ column: z.string(), value: z.string(), count: z.number().int() });
export type UnmappedValue = z.infer<typeof UnmappedValue>;
export const ImportSample = z.object({
  line: z.number().int(),
  date: z.string(),
  kind: z.enum(['individuel', 'collectif']),
  participants: z.number().int(),
  durationMin: z.number().int(),
  topics: z.array(z.string()),
});

/** What an import would write: nothing is written before the mediator confirms the plan. */
export const ImportPreview = z.object({
  planId: z.uuid(),
  fileName: z.string(),
  rows: z.number().int(),
  sessions: z.number().int(),
  workshops: z.number().int(),
  /** Sessions of this file already in the journal (an earlier import): skipped, never duplicated. */
  alreadyImported: z.number().int(),
  unmapped: z.array(UnmappedValue),
  /** Kept short for the screen; `unreadableCount` says how many there are in all. */
  unreadable: z.array(UnreadableRow),
  unreadableCount: z.number().int(),
  sample: z.array(ImportSample),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportCommitInput = z.object({ planId: z.uuid() }).strict();
export const ImportCommitResult = z.object({
  inserted: z.number().int(),
  alreadyImported: z.number().int(),
  unreadableCount: z.number().int(),
});
export type ImportCommitResult = z.infer<typeof ImportCommitResult>;

/** How many unreadable rows and samples the preview lists (the counts are complete). */
export const PREVIEW_LIST_MAX = 200;
export const PREVIEW_SAMPLE_MAX = 20;
