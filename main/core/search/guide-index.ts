import MiniSearch, { type Query, type SearchResult as MiniResult } from 'minisearch';
import type { Fold } from '../../../shared/search/synonyms';
import type { GuideIndexEntry } from './ports';
import { STOPWORDS } from './stopwords';

// The guides' fuzzy index: titles, keywords and synonyms only (a few hundred short fields), so it builds in a
// moment on the first query and tolerates typos ("pasport", "alocation") and unfinished words.

/** Field boosts for a synonym's phrasing: a little under the person's own words. */
const SYNONYM_BOOST = { title: 2.4, keywords: 1.6, synonyms: 1.6, operator: 0.8 };

export interface GuideHit {
  entry: GuideIndexEntry;
  score: number;
  /** The folded terms of the entry that matched. */
  terms: string[];
}

function terms(fold: Fold, text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0 && !STOPWORDS.has(t));
}

/** Typos are tolerated in words long enough to tell apart: one edit from 5 letters, two from 7 ("pasport"). */
function fuzziness(term: string): number | false {
  if (term.length < 5) return false;
  return term.length < 7 ? 1 : 2;
}

export function createGuideIndex(fold: Fold, entries: readonly GuideIndexEntry[]) {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const index = new MiniSearch<{ id: string; title: string; keywords: string; synonyms: string; operator: string }>({
    fields: ['title', 'keywords', 'synonyms', 'operator'],
    // The text is folded once, then split: the same folding as the catalogue and the synonyms.
    tokenize: (text) => terms(fold, text),
    processTerm: (t) => t,
    searchOptions: {
      boost: { title: 3, keywords: 2, synonyms: 2, operator: 1 },
      // The last word is being typed: it matches as a prefix; every long word may hold a typo.
      prefix: (_term, i, all) => i === all.length - 1,
      fuzzy: (term) => fuzziness(term),
      weights: { fuzzy: 0.45, prefix: 0.75 },
    },
  });
  index.addAll(
    entries.map((e) => ({
      id: e.id,
      title: e.title,
      keywords: e.keywords.join(' \n '),
      synonyms: e.synonyms.join(' \n '),
      operator: (e.operator ?? '').replace(/_/g, ' '),
    })),
  );

  function hits(results: MiniResult[], factor: number): GuideHit[] {
    return results.flatMap((r) => {
      const entry = byId.get(r.id as string);
      return entry ? [{ entry, score: r.score * factor, terms: r.terms }] : [];
    });
  }

  return {
    size: entries.length,
    /**
     * Every phrasing is searched with all its words required; the first phrasing is the person's own and counts
     * most. Only when no phrasing matches whole does any single word do (a long question, one word misspelt beyond
     * reach).
     */
    search(phrasings: readonly string[], limit: number): GuideHit[] {
      if (!phrasings[0]) return [];
      // One query over every phrasing: a guide matching several of them (the person's words and a synonym) ranks
      // higher. Synonyms are whole, well-spelt words: only the person's own words are read as prefixes or with
      // typos (else "sécu", a synonym of ameli, would find every guide about "sécurité").
      const query: Query = {
        combineWith: 'OR',
        queries: phrasings.map((q, i): Query =>
          i === 0
            ? { combineWith: 'AND', queries: [q] }
            : { combineWith: 'AND', prefix: false, fuzzy: false, boost: SYNONYM_BOOST, queries: [q] },
        ),
      };
      let found = hits(index.search(query), 1);
      if (found.length === 0) found = hits(index.search(phrasings[0], { combineWith: 'OR' }), 0.5);
      return found.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id)).slice(0, limit);
    },
  };
}

export type GuideIndex = ReturnType<typeof createGuideIndex>;
