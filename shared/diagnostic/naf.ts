// The 21 sections of the French activity nomenclature (NAF rév. 2, aligned on NACE rév. 2): each covers a range of
// two-digit divisions. A business's section letter is derived from its NAF code, never asked.
const SECTIONS: ReadonlyArray<readonly [letter: string, first: number, last: number]> = [
  ['A', 1, 3],
  ['B', 5, 9],
  ['C', 10, 33],
  ['D', 35, 35],
  ['E', 36, 39],
  ['F', 41, 43],
  ['G', 45, 47],
  ['H', 49, 53],
  ['I', 55, 56],
  ['J', 58, 63],
  ['K', 64, 66],
  ['L', 68, 68],
  ['M', 69, 75],
  ['N', 77, 82],
  ['O', 84, 84],
  ['P', 85, 85],
  ['Q', 86, 88],
  ['R', 90, 93],
  ['S', 94, 96],
  ['T', 97, 98],
  ['U', 99, 99],
];

/** A NAF sub-class code as INSEE writes it: two digits, a dot, two digits, a capital letter (47.11F). */
export const NAF_CODE = /^\d{2}\.\d{2}[A-Z]$/;

/** The section letter (A-U) of a NAF code, or null when its division belongs to no section. */
export function nafSection(code: string): string | null {
  const division = Number(code.slice(0, 2));
  if (!/^\d{2}/.test(code)) return null;
  const row = SECTIONS.find(([, first, last]) => division >= first && division <= last);
  return row ? row[0] : null;
}
