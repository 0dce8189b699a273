import { describe, expect, it } from 'vitest';
import { normalizeForSearch as normalize } from './normalize';
import { createSynonymExpander, MAX_EXPANSIONS, SYNONYM_GROUPS } from './synonyms';

const { expand } = createSynonymExpander(normalize);

describe('synonym expansion', () => {
  it('answers the folded query first', () => {
    expect(expand('Impôts')[0]).toBe(normalize('Impôts'));
    expect(expand('jardin potager')).toEqual([normalize('jardin potager')]);
  });

  it.each([
    ['APL', 'aide personnalisée au logement'],
    ['apl', 'allocation logement'],
    ['RSA', 'revenu de solidarité active'],
    ['CMU', 'complémentaire santé solidaire'],
    ['c2s', 'complémentaire santé solidaire'],
    ['CNI', 'carte nationale d’identité'],
    ['carte grise', 'certificat d’immatriculation'],
    ['impôts', 'déclaration de revenus'],
    ['Pôle emploi', 'France Travail'],
    ['ANTS', 'France Titres'],
    ['ameli', 'Assurance Maladie'],
    ['CPF', 'compte personnel de formation'],
    ['AAH', 'allocation aux adultes handicapés'],
    ['ASPA', 'allocation de solidarité aux personnes âgées'],
    ['MSA', 'Mutualité sociale agricole'],
    ['CAF', 'caisse d’allocations familiales'],
    ['CNAV', 'retraite'],
    ['prime d’activité', 'PPA'],
  ])('%s is also searched as %s', (query, phrase) => {
    expect(expand(query)).toContain(normalize(phrase));
  });

  it('replaces the phrase inside a longer query and keeps the other words', () => {
    expect(expand('renouveler carte grise vite')).toContain(normalize('renouveler certificat d’immatriculation vite'));
    expect(expand('changer adresse pole emploi')).toContain(normalize('changer adresse France Travail'));
  });

  it('matches whole words only', () => {
    // "caf" inside "cafe" is not the CAF.
    expect(expand('cafe')).toEqual([normalize('cafe')]);
  });

  it('is accent- and case-insensitive on both sides', () => {
    expect(expand('POLE EMPLOI')).toEqual(expand('pôle emploi'));
  });

  it('never answers more than MAX_EXPANSIONS phrasings, without duplicates', () => {
    const many = expand('impots caf apl cpf msa rsa carte grise ants');
    expect(many.length).toBeLessThanOrEqual(MAX_EXPANSIONS);
    expect(new Set(many).size).toBe(many.length);
  });

  it('an empty query expands to nothing else', () => {
    expect(expand('   ')).toEqual([normalize('   ')]);
  });

  it('takes other groups (a desk could bring its own)', () => {
    const own = createSynonymExpander(normalize, [{ phrases: ['mairie', 'hôtel de ville'] }]);
    expect(own.expand('horaires mairie')).toEqual(['horaires mairie', normalize('horaires hôtel de ville')]);
  });

  it('no phrase ends with a word of one character (as a last-word prefix it makes the full-text index scan)', () => {
    for (const g of SYNONYM_GROUPS)
      for (const p of g.phrases) expect(normalize(p).split(' ').pop()!.length, p).toBeGreaterThan(1);
  });

  it('every group has at least two distinct phrases once folded', () => {
    for (const g of SYNONYM_GROUPS) expect(new Set(g.phrases.map(normalize)).size).toBeGreaterThanOrEqual(2);
  });
});
