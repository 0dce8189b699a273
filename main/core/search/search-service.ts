import {
  RESULT_KINDS,
  type OpenAnswer,
  type ResultKind,
  type SearchAnswer,
  type SearchResult,
} from '../../../shared/search/schema';
import { createSynonymExpander, type Fold, type SynonymGroup } from '../../../shared/search/synonyms';
import { createGuideIndex, type GuideHit, type GuideIndex } from './guide-index';
import type { CatalogueHit, CataloguePort, GuidesPort, SessionLinkPort } from './ports';
import { meaningfulWords } from './stopwords';

// The one search box's core: the query is folded, expanded with the desks' synonyms, then answered by the guides'
// fuzzy index and the catalogue's own search, and returned in groups, guides first.

export interface SearchDeps {
  fold: Fold;
  guides: GuidesPort | null;
  catalogue: CataloguePort | null;
  sessions: SessionLinkPort | null;
  synonyms?: readonly SynonymGroup[];
}

/** The catalogue is asked for the person's words and this many synonym phrasings at most: each is one FTS query. */
export const CATALOGUE_PHRASINGS = 3;
/** Reciprocal-rank fusion constant: a hit's weight in one phrasing's list is 1 / (K + rank). */
const RRF_K = 10;

export const routes = {
  guide: (id: string) => `#/guide/${encodeURIComponent(id)}`,
  entry: (id: string) => `#/fiche/${encodeURIComponent(id)}`,
};

/** F = fiche, R = online service / form / simulator, N = topic page; the catalogue's own kind wins when it gives one. */
export function catalogueKind(hit: CatalogueHit): Exclude<ResultKind, 'guide'> {
  const k = (hit.kind ?? '').toLowerCase();
  if (k === 'fiche' || k === 'f') return 'fiche';
  if (k === 'service' || k === 'r' || k === 'online-service' || k === 'form') return 'service';
  if (k === 'topic' || k === 'n') return 'topic';
  const letter = hit.id.charAt(0).toUpperCase();
  return letter === 'R' ? 'service' : letter === 'N' ? 'topic' : 'fiche';
}

function guideResult(h: GuideHit, fold: Fold, queryWords: readonly string[]): SearchResult {
  // Say which keyword or synonym matched when the title alone does not show why the guide came up: one holding the
  // person's own words first, else one holding the words of the synonym that matched.
  const title = fold(h.entry.title);
  const aside = [...h.entry.keywords, ...h.entry.synonyms].map((k) => ({ k, words: fold(k).split(' ') }));
  const holds = (words: string[], wanted: readonly string[]) => wanted.some((w) => words.some((x) => x.startsWith(w)));
  const notInTitle = aside.filter(({ k }) => !title.includes(fold(k)));
  const matched =
    notInTitle.find(({ words }) => holds(words, queryWords)) ?? notInTitle.find(({ words }) => holds(words, h.terms));
  return {
    id: h.entry.id,
    kind: 'guide',
    title: h.entry.title,
    context: matched?.k ?? '',
    operator: h.entry.operator,
    route: routes.guide(h.entry.id),
  };
}

function short(text: string | null | undefined, max = 140): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A last word of one letter is a word being typed ("carte g"): as a full-text prefix it would scan most of the
 * index, so the catalogue is asked for the words before it (the guides' index takes it as typed). A query of one
 * letter alone asks the catalogue nothing.
 */
export function withoutLoneLetter(folded: string): string {
  const words = folded.split(' ');
  return words[words.length - 1]!.length < 2 ? words.slice(0, -1).join(' ') : folded;
}

export function createSearchService(deps: SearchDeps) {
  const expander = createSynonymExpander(deps.fold, deps.synonyms);
  let guideIndex: GuideIndex | null = null;
  let indexedRevision: number | string | undefined;

  /** Built on the first query (or by warm-up after the first screen), rebuilt when the guides change. */
  function guides(): GuideIndex | null {
    if (!deps.guides) return null;
    const revision = deps.guides.revision?.();
    if (!guideIndex || revision !== indexedRevision) {
      guideIndex = createGuideIndex(deps.fold, deps.guides.guideIndexEntries());
      indexedRevision = revision;
    }
    return guideIndex;
  }

  function catalogueHits(phrasings: readonly string[], limit: number): Array<{ hit: CatalogueHit; score: number }> {
    if (!deps.catalogue) return [];
    const fused = new Map<string, { hit: CatalogueHit; score: number }>();
    phrasings.slice(0, 1 + CATALOGUE_PHRASINGS).forEach((phrasing, i) => {
      const q = meaningfulWords(i === 0 ? withoutLoneLetter(phrasing) : phrasing);
      if (!q) return;
      const weight = i === 0 ? 1 : 0.8;
      // Each phrasing fetches more than one group's worth: the fusion may promote hits from lower down.
      // A typo-tolerant guess is worth showing only when the words are the person's own and unknown to the synonyms:
      // a known acronym ("CPF", "AAH") is searched through its meaning, not guessed at ("CAF" is one typo from "CPF").
      const guessesWelcome = phrasings.length === 1;
      deps
        .catalogue!.searchEntries(q, limit * 2, { typos: guessesWelcome })
        .filter((hit) => guessesWelcome || hit.match !== 'fuzzy')
        .forEach((hit, rank) => {
          const prev = fused.get(hit.id);
          const score = weight / (RRF_K + rank);
          if (prev) prev.score += score;
          else fused.set(hit.id, { hit, score });
        });
    });
    return [...fused.values()].sort((a, b) => b.score - a.score || a.hit.id.localeCompare(b.hit.id));
  }

  return {
    /** Builds the guide index now (after the first screen), so the first search answers at once. */
    warm(): void {
      guides();
    },

    query(query: string, limit: number): SearchAnswer {
      const phrasings = expander.expand(query);
      const byKind: Record<ResultKind, SearchResult[]> = { guide: [], fiche: [], service: [], topic: [] };
      if (phrasings[0]) {
        const words = phrasings[0].split(' ');
        for (const h of guides()?.search(phrasings, limit) ?? []) byKind.guide.push(guideResult(h, deps.fold, words));
        for (const { hit } of catalogueHits(phrasings, limit)) {
          const kind = catalogueKind(hit);
          if (byKind[kind].length >= limit) continue;
          byKind[kind].push({
            id: hit.id,
            kind,
            title: hit.title,
            context: short(hit.snippet),
            operator: null,
            route: routes.entry(hit.id),
          });
        }
      }
      const groups = RESULT_KINDS.filter((k) => byKind[k].length > 0).map((kind) => ({
        kind,
        results: byKind[kind],
      }));
      return {
        groups,
        total: groups.reduce((n, g) => n + g.results.length, 0),
        catalogueDate: deps.catalogue?.dataDate?.() ?? null,
        catalogueDemo: deps.catalogue?.isDemo?.() ?? false,
      };
    },

    /** Opening a guide or an online service while a live session runs links it to that session. */
    open(kind: ResultKind, id: string): OpenAnswer {
      if (!deps.sessions || (kind !== 'guide' && kind !== 'service')) return { linkedTo: null };
      return { linkedTo: deps.sessions.linkToRunningSession({ kind, id }) };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
