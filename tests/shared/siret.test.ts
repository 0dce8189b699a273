import { describe, expect, it } from 'vitest';
import { SiteProfileInput } from '../../shared/site/schema';
import { isValidSiret, normaliseSiret } from '../../shared/site/siret';

function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}
const digitSum = (s: string) => [...s].reduce((a, d) => a + Number(d), 0);

describe('SIRET', () => {
  it.each([['73282932000074'], ['35600000000048'], ['13002526500013'], ['21690123100011']])(
    'accepts %s (Luhn)',
    (siret) => {
      expect(luhnOk(siret)).toBe(true);
      expect(isValidSiret(siret)).toBe(true);
    },
  );

  it('accepts a La Poste establishment whose digit sum is a multiple of 5, even when it fails Luhn', () => {
    const laPoste = '35600000049837'; // 3+5+6+4+9+8+3+7 = 45
    expect(digitSum(laPoste) % 5).toBe(0);
    expect(luhnOk(laPoste)).toBe(false);
    expect(isValidSiret(laPoste)).toBe(true);
    expect(isValidSiret('35600000049838')).toBe(false); // sum 46
  });

  it.each([['73282932000075'], ['73282932000084'], ['12345678901234'], ['35600000000049']])(
    'refuses %s (checksum)',
    (siret) => {
      expect(isValidSiret(siret)).toBe(false);
    },
  );

  it.each([['7328293200007'], ['732829320000740'], [''], ['7328293200007A'], ['abcdefghijklmn']])(
    'refuses %j (length or characters)',
    (siret) => {
      expect(isValidSiret(siret)).toBe(false);
    },
  );

  it('allows spaces (and dots or dashes) as written on documents', () => {
    expect(isValidSiret('732 829 320 00074')).toBe(true);
    expect(isValidSiret(' 732829320 00074 ')).toBe(true);
    expect(isValidSiret('732.829.320-00074')).toBe(true);
    expect(normaliseSiret('732 829 320 00074')).toBe('73282932000074');
  });

  it('the site form stores the SIRET normalised, accepts an empty one and refuses a wrong one with site.siretInvalid', () => {
    const base = { name: 'Médiathèque', siteType: 'mediatheque' as const, communeCode: '69123', postcode: '69003' };
    expect(SiteProfileInput.parse({ ...base, siret: '732 829 320 00074' }).siret).toBe('73282932000074');
    expect(SiteProfileInput.parse(base).siret).toBe('');
    const r = SiteProfileInput.safeParse({ ...base, siret: '732 829 320 00075' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['site.siretInvalid']);
  });
});
