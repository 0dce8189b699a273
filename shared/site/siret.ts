// A SIRET is 14 digits whose Luhn sum is a multiple of 10. La Poste's establishments share one SIREN
// (356 000 000) and follow a different rule (digit sum multiple of 5), documented by INSEE.
const LA_POSTE_SIREN = '356000000';

export function normaliseSiret(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}

export function isValidSiret(raw: string): boolean {
  const siret = normaliseSiret(raw);
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== '35600000000048') {
    const sum = [...siret].reduce((acc, d) => acc + Number(d), 0);
    return sum % 5 === 0;
  }
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let digit = Number(siret[13 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
