/**
 * Words that carry no meaning in a query ("carte DE séjour", "L'aide AU logement"), folded. Left out of the guides'
 * index and of the words sent to the catalogue: in a full-text AND query, "de" matches nearly every entry and makes
 * the ranking score all of them.
 */
export const STOPWORDS = new Set([
  'a',
  'au',
  'aux',
  'c',
  'd',
  'de',
  'des',
  'du',
  'en',
  'et',
  'j',
  'l',
  'la',
  'le',
  'les',
  'm',
  'ma',
  'mes',
  'mon',
  'n',
  'ou',
  'par',
  'pour',
  'qu',
  's',
  'sa',
  'ses',
  'son',
  'sur',
  't',
  'un',
  'une',
]);

/** The folded words of a phrasing without the empty ones; a phrasing of empty words only is kept whole. */
export function meaningfulWords(folded: string): string {
  const kept = folded.split(' ').filter((w) => w && !STOPWORDS.has(w));
  return kept.length > 0 ? kept.join(' ') : folded;
}
