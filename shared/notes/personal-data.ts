// Warns when a free-text note looks like it holds personal data, so that a mediator can mask it before saving.
// Notes never leave the desk, but a journal should still not become a file of people.
// Patterns favour recall on French formats; checksums (NIR key, IBAN mod 97) cut false alarms where they exist.

export const PERSONAL_DATA_KINDS = ['email', 'iban', 'nir', 'taxNumber', 'phone', 'address'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

function mod97(digits: string): number {
  let rest = 0;
  for (const ch of digits) rest = (rest * 10 + Number(ch)) % 97;
  return rest;
}

function validIban(raw: string): boolean {
  const iban = raw.replace(/\s/g, '').toUpperCase();
  if (iban.length < 15 || iban.length > 34) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  const digits = rearranged.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return mod97(digits) === 1;
}

function validNir(raw: string): boolean {
  const nir = raw.replace(/\s/g, '').toUpperCase();
  if (nir.length === 13) return true;
  const body = nir.slice(0, 13).replace('2A', '19').replace('2B', '18');
  return 97 - mod97(body) === Number(nir.slice(13));
}

// Street words are matched as written on letters and forms: "rue", "Rue" or "RUE". Words that are also ordinary
// nouns in a mediator's note ("3 cours de bureautique", "1 passage à la CAF", "2 place libres") only count when a
// proper name follows ("12 cours Lafayette", "2 place de l'Église").
const STREET_WORDS = [
  'rue',
  'avenue',
  'av\\.?',
  'boulevard',
  'bd',
  'chemin',
  'all[ée]e',
  'impasse',
  'quai',
  'square',
  'r[ée]sidence',
  'lotissement',
  'lieu-dit',
  'hameau',
  'faubourg',
  'cit[ée]',
];
const COMMON_NOUN_STREET_WORDS = ['place', 'route', 'cours', 'voie', 'passage'];
const PARTICLES = ['de', 'du', 'des', 'la', 'le', 'les', 'aux?', 'en', 'sur', 'sous', 'et'];
const asWritten = (words: string[]) =>
  words.flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1), w.toUpperCase()]).join('|');

const PARTICLE = `(?:(?:${asWritten(PARTICLES)})\\s+|[dlDL]['’])`;
const NAME_WORD = `[\\p{L}\\d][\\p{L}\\d'’-]*`;
const PROPER_WORD = `\\p{Lu}[\\p{L}'’-]*(?![\\p{L}\\d])`;
// The rest of a street or city name: further words only while they are capitalised ("rue Victor Hugo", "Le Havre"),
// so that "12 rue de la Paix et doit revenir" masks the address and not the rest of the sentence, and a code
// written next to it ("75011 Paris FR76 …") stays a separate finding.
const MORE_PROPER = `(?:[ \\t]+${PARTICLE}*${PROPER_WORD})*`;
const HOUSE_NUMBER = `\\b\\d{1,4}\\s?(?:${asWritten(['bis', 'ter'])})?,?\\s+`;
const STREET = `${HOUSE_NUMBER}(?:(?:${asWritten(STREET_WORDS)})\\s+${PARTICLE}*${NAME_WORD}|(?:${asWritten(COMMON_NOUN_STREET_WORDS)})\\s+${PARTICLE}*${PROPER_WORD})${MORE_PROPER}`;
const POSTCODE_CITY = `\\b\\d{5}\\s+\\p{Lu}[\\p{L}'’-]*${MORE_PROPER}`;

const DETECTORS: Array<{ kind: PersonalDataKind; re: RegExp; check?: (m: string) => boolean }> = [
  { kind: 'email', re: /[\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.[\p{L}]{2,}/giu },
  { kind: 'iban', re: /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b/gi, check: validIban },
  {
    kind: 'nir',
    re: /\b[12]\s?\d{2}\s?(?:0[1-9]|1[0-2]|[2-9]\d)\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}(?:\s?\d{2})?\b/gi,
    check: validNir,
  },
  // Numéro fiscal (SPI): 13 digits, starting with 0 to 3. A run starting 0033 + non-zero digit is a phone number
  // written with the international prefix (0033 6 12 34 56 78 also has 13 digits): left to the phone detector.
  { kind: 'taxNumber', re: /\b(?!00[\s.-]?33[\s.-]?[1-9])[0-3]\d(?:\s?\d){11}\b/g },
  { kind: 'phone', re: /(?:(?:\+|00)33\s?\(?0?\)?\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/g },
  {
    kind: 'address',
    re: new RegExp(`${STREET}|${POSTCODE_CITY}`, 'gu'),
  },
];

export function findPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  const overlaps = (s: number, e: number) => found.some((f) => s < f.end && e > f.start);
  for (const { kind, re, check } of DETECTORS) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].trimEnd().length;
      if (overlaps(start, end)) continue;
      if (check && !check(m[0])) continue;
      found.push({ kind, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Replaces each match with a marker such as "[téléphone masqué]"; the caller supplies translated markers. */
export function maskPersonalData(text: string, marker: (kind: PersonalDataKind) => string): string {
  let out = '';
  let at = 0;
  for (const m of findPersonalData(text)) {
    out += text.slice(at, m.start) + marker(m.kind);
    at = m.end;
  }
  return out + text.slice(at);
}
