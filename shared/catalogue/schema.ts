import { z } from 'zod';
import { ContentNode } from './content';

// The official service-public.fr catalogue ("Vos droits et démarches"), imported from its archives: fiches (F),
// online services and forms (R), topic pages (N). Licence Ouverte: wherever its content shows, the source and the
// date of the data (not of the import) show too.

export const SOURCE_LABEL = 'service-public.fr, Licence Ouverte';

export const AUDIENCES = ['particuliers', 'professionnels', 'associations'] as const;
export const Audience = z.enum(AUDIENCES);
export type Audience = z.infer<typeof Audience>;

export const ENTRY_KINDS = ['fiche', 'service', 'topic'] as const;
export const EntryKind = z.enum(ENTRY_KINDS);
export type EntryKind = z.infer<typeof EntryKind>;

/** F1342, R45668, N358. */
export const EntryId = z.string().regex(/^[FRN]\d{1,7}$/, 'catalogue.badId');

export const RelatedLink = z.object({
  rel: z.enum(['service', 'fiche', 'question', 'moreInfo', 'reference', 'parent', 'seeAlso']),
  id: z.string().optional(),
  url: z.string().optional(),
  title: z.string(),
  type: z.string().optional(),
});
export type RelatedLink = z.infer<typeof RelatedLink>;

export const CatalogueStatus = z.object({
  installed: z.boolean(),
  /** The demo catalogue shipped with the app (2020 data): always shown as such. */
  demo: z.boolean(),
  /** The data's own date (the newest `dc:date` in the archives), ISO YYYY-MM-DD. */
  dataDate: z.string().nullable(),
  importedAt: z.string().nullable(),
  counts: z.object({ fiche: z.number().int(), service: z.number().int(), topic: z.number().int() }),
  audiences: z.array(Audience),
  source: z.string(),
});
export type CatalogueStatus = z.infer<typeof CatalogueStatus>;

export const CatalogueEntry = z.object({
  id: z.string(),
  kind: EntryKind,
  type: z.string(),
  title: z.string(),
  description: z.string(),
  modified: z.string().nullable(),
  audiences: z.array(Audience),
  breadcrumb: z.array(z.object({ id: z.string(), title: z.string() })),
  related: z.array(RelatedLink),
  url: z.string().nullable(),
  content: z.array(ContentNode),
  /** The catalogue's data date and demo flag, repeated so a page showing the entry always has them. */
  dataDate: z.string().nullable(),
  demo: z.boolean(),
  source: z.string(),
  /** Guides citing this entry (filled through the guides port; empty until it is wired). */
  citedBy: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

export const EntryInput = z.object({ id: EntryId }).strict();

export const SEARCH_LIMIT_MAX = 50;
export const SearchInput = z
  .object({
    query: z.string().max(200),
    limit: z.number().int().min(1).max(SEARCH_LIMIT_MAX).optional(),
  })
  .strict();

export const SearchHit = z.object({
  id: z.string(),
  kind: EntryKind,
  type: z.string(),
  title: z.string(),
  audiences: z.array(Audience),
  snippet: z.string(),
  /** 'text': found by the full-text index; 'fuzzy': found by typo-tolerant title matching. */
  match: z.enum(['text', 'fuzzy']),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  hits: z.array(SearchHit),
  dataDate: z.string().nullable(),
  demo: z.boolean(),
});
export type SearchResult = z.infer<typeof SearchResult>;

/** One to three archives (one per audience), picked by the user (files feature, single-use ids). */
export const MAX_ARCHIVES = 3;
export const ImportInput = z.object({ sourceIds: z.array(z.uuid()).min(1).max(MAX_ARCHIVES) }).strict();

export const ImportResult = z.object({
  counts: z.object({ fiche: z.number().int(), service: z.number().int(), topic: z.number().int() }),
  dataDate: z.string().nullable(),
  audiences: z.array(Audience),
});
export type ImportResult = z.infer<typeof ImportResult>;
