// One folding of French text for every search index and every query (the catalogue's FTS5 and fuzzy indexes, the
// guides' index): what is indexed and what is typed go through the same function, so "D’IDENTITÉ", "d'identite" and
// "identité" meet. Accents and case fold, typographic apostrophes become plain ones, ligatures open up (œ → oe), and
// the French elisions (l', d', qu', jusqu'…) are dropped: FTS5's tokenizer would otherwise split "d'identité" into a
// stray "d" and "identite", and a fuzzy index would see "didentite".

const APOSTROPHES = /[\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Longest first so "jusqu'" is not read as "qu'".
const ELISION = /(^|[^\p{L}\p{N}])(?:jusqu|lorsqu|puisqu|quoiqu|presqu|qu|[cdjlmnst])'(?=\p{L})/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower case, no accents, plain apostrophes, ligatures opened. Keeps punctuation (see `normalizeForSearch`). */
export function foldCase(text: string): string {
  return text
    .replace(APOSTROPHES, "'")
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

/** The text as the indexes see it: folded, elisions dropped, words separated by single spaces. */
export function normalizeForSearch(text: string): string {
  return foldCase(text).replace(ELISION, '$1').replace(NOT_WORD, ' ').trim();
}

/** The words of a text or a query, normalised (empty words dropped). */
export function searchTokens(text: string): string[] {
  const n = normalizeForSearch(text);
  return n === '' ? [] : n.split(' ');
}
