// What the search needs from the other features, as small interfaces wired in main/core/index.ts: the guides
// (feature `guides`), the service-public.fr catalogue (feature `catalogue`) and the running live session (the journal,
// with the guides recorded per session). Search imports none of them; tests give fakes.

/** One guide as the search indexes it (from the guides feature's `guideIndexEntries()`). */
export interface GuideIndexEntry {
  id: string;
  title: string;
  /** Operator taxonomy key ("caf", "ants"…), or null for a guide of no operator (e-mail). */
  operator: string | null;
  keywords: readonly string[];
  synonyms: readonly string[];
}

export interface GuidesPort {
  guideIndexEntries(): readonly GuideIndexEntry[];
  /** Changes whenever the entries change (a local override saved or reverted): the index is rebuilt then. */
  revision?(): number | string;
}

/** One ranked hit of the catalogue's own search (FTS5 and its fuzzy title index). */
export interface CatalogueHit {
  /** service-public.fr identifier: F (fiche), R (online service, form, simulator), N (topic page). */
  id: string;
  /** The catalogue's kind of entry, when it gives one; otherwise the identifier's letter says it. */
  kind?: string;
  title: string;
  audience?: string | null;
  snippet?: string | null;
  /** 'fuzzy': found by typo-tolerant title matching only (a guess), 'text': by the full-text index. */
  match?: 'text' | 'fuzzy';
}

export interface CataloguePort {
  /**
   * Ranked hits, best first; the catalogue folds accents, case and elisions itself. `typos: false` skips its
   * typo-tolerant pass (a synonym's words are well spelt, and that pass is the costly part over the full catalogue).
   */
  searchEntries(query: string, limit: number, options?: { typos?: boolean }): readonly CatalogueHit[];
  /** The date carried by the catalogue's data (ISO), or null when there is no catalogue. */
  dataDate?(): string | null;
  /** True for the small demo catalogue shipped with the app (2020 data, never to be read as current). */
  isDemo?(): boolean;
}

/** Links an opened guide or online service to the running live session; answers that session's id, or null. */
export interface SessionLinkPort {
  linkToRunningSession(ref: { kind: 'guide' | 'service'; id: string }): string | null;
}
