import { z } from 'zod';

// The one search box: a query over the curated guides and the service-public.fr catalogue, answered in groups
// (guides first, then fiches, online services and topic pages), each result carrying the route that opens it.

export const SEARCH_QUERY_MAX = 120;
export const SEARCH_LIMIT_MAX = 20;

export const SearchQuery = z
  .object({
    query: z.string().trim().min(1).max(SEARCH_QUERY_MAX),
    /** Results per group. */
    limit: z.number().int().min(1).max(SEARCH_LIMIT_MAX).default(5),
  })
  .strict();

/** Kinds of result, in the order their groups are shown. */
export const RESULT_KINDS = ['guide', 'fiche', 'service', 'topic'] as const;
export const ResultKind = z.enum(RESULT_KINDS);
export type ResultKind = z.infer<typeof ResultKind>;

export const SearchResult = z.object({
  id: z.string(),
  kind: ResultKind,
  title: z.string(),
  /** A short line that says why it matched or what it is (an operator, a snippet of the fiche). */
  context: z.string(),
  /** A guide's operator (taxonomy key, labelled by the renderer); null for catalogue entries. */
  operator: z.string().nullable(),
  /** The hash route that opens it ("#/guide/caf-rsa", "#/fiche/F1234"). */
  route: z.string(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchGroup = z.object({ kind: ResultKind, results: z.array(SearchResult) });
export type SearchGroup = z.infer<typeof SearchGroup>;

export const SearchAnswer = z.object({
  /** Non-empty groups only, guides first. */
  groups: z.array(SearchGroup),
  total: z.number().int().min(0),
  /** The catalogue's own date (from its data), shown with its source wherever its content appears; null without one. */
  catalogueDate: z.string().nullable(),
  /** The demo catalogue shipped with the app: said beside its date so it never looks current. */
  catalogueDemo: z.boolean(),
});
export type SearchAnswer = z.infer<typeof SearchAnswer>;

/** Opening a result: from a running live session, a guide or an online service is linked to it. */
export const OpenInput = z.object({ kind: ResultKind, id: z.string().min(1).max(80) }).strict();
export const OpenAnswer = z.object({
  /** The live session it was linked to, or null when no session is running (or the kind is not linked). */
  linkedTo: z.string().nullable(),
});
export type OpenAnswer = z.infer<typeof OpenAnswer>;
