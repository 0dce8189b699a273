import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../../shared/search/normalize';
import { FAKE_GUIDES, fakeCatalogue, fakeGuides } from '../../../tests/fixtures/search-fakes';
import { catalogueKind, createSearchService, withoutLoneLetter } from './search-service';
import { meaningfulWords } from './stopwords';

const CATALOGUE = [
  { id: 'F1050', title: 'Certificat d’immatriculation (carte grise)', snippet: 'Changement de propriétaire' },
  { id: 'R13567', title: 'Certificat d’immatriculation : demande en ligne', snippet: 'Téléservice ANTS' },
  { id: 'F12006', title: 'Aide personnalisée au logement (APL)', snippet: 'Location' },
  { id: 'F1342', title: 'Carte nationale d’identité', snippet: 'Demande en mairie' },
  { id: 'F14929', title: 'Passeport', snippet: 'Demande' },
  { id: 'N19811', title: 'Papiers et citoyenneté', snippet: null as unknown as string },
  { id: 'F13900', title: 'Inscription à Pôle emploi', snippet: 'Demandeur d’emploi' },
];

function service(opts: { guides?: boolean; catalogue?: boolean } = {}) {
  const guides = fakeGuides();
  const catalogue = fakeCatalogue(CATALOGUE, normalizeForSearch);
  const linked: Array<{ kind: string; id: string }> = [];
  const s = createSearchService({
    fold: normalizeForSearch,
    guides: opts.guides === false ? null : guides,
    catalogue: opts.catalogue === false ? null : catalogue,
    sessions: {
      linkToRunningSession(ref) {
        linked.push(ref);
        return 'timer-1';
      },
    },
  });
  return { s, guides, catalogue, linked };
}

const ids = (answer: ReturnType<ReturnType<typeof service>['s']['query']>) =>
  answer.groups.flatMap((g) => g.results.map((r) => r.id));

describe('search service', () => {
  it.each([
    ['carte grise', 'ants-carte-grise'],
    ['CARTE GRISE', 'ants-carte-grise'],
    ['apl', 'caf-aide-logement'],
    ['alocation logement', 'caf-aide-logement'],
    ['retraite', 'cnav-demande-retraite'],
    ['impots', 'dgfip-declaration-revenus'],
    ['impôts', 'dgfip-declaration-revenus'],
    ['pasport', 'ants-passeport'],
    ['d’identité', 'ants-carte-identite'],
    ["d'identite", 'ants-carte-identite'],
    ['CNI', 'ants-carte-identite'],
    ['pole emploi', 'france-travail-inscription'],
    ['CMU', 'cpam-c2s'],
    ['demander un pass', 'ants-passeport'],
  ])('"%s" finds %s in the top three', (query, expected) => {
    const { s } = service();
    expect(ids(s.query(query, 5)).slice(0, 3)).toContain(expected);
  });

  it('groups results by kind, guides first, then fiches, services and topics, each with its route', () => {
    const { s } = service();
    const answer = s.query('carte grise', 5);
    expect(answer.groups.map((g) => g.kind)).toEqual(['guide', 'fiche', 'service']);
    expect(answer.groups[0]!.results[0]).toMatchObject({
      id: 'ants-carte-grise',
      kind: 'guide',
      operator: 'ants',
      route: '#/guide/ants-carte-grise',
    });
    expect(answer.groups[1]!.results[0]).toMatchObject({ id: 'F1050', route: '#/fiche/F1050', operator: null });
    expect(answer.groups[2]!.results[0]).toMatchObject({ id: 'R13567', kind: 'service' });
    expect(answer.total).toBe(answer.groups.reduce((n, g) => n + g.results.length, 0));
    expect(answer.catalogueDate).toBe('2020-06-01');
  });

  it('asks the catalogue with the synonyms too: the 2020 catalogue says Pôle emploi', () => {
    const { s, catalogue } = service();
    const answer = s.query('France Travail inscription', 5);
    expect(ids(answer)).toContain('F13900');
    expect(catalogue.queries).toContain('pole emploi inscription');
  });

  it('says which keyword matched when the title does not show it', () => {
    const { s } = service();
    const guide = s.query('CNI', 5).groups[0]!.results[0]!;
    expect(guide.id).toBe('ants-carte-identite');
    expect(guide.context).toBe('CNI');
  });

  it('keeps each group within the limit', () => {
    const { s } = service();
    for (const g of s.query('demander', 2).groups) expect(g.results.length).toBeLessThanOrEqual(2);
  });

  it('finds nothing for words of no guide nor entry, and answers without a catalogue or guides', () => {
    expect(service().s.query('zzzz qqqq', 5)).toEqual({
      groups: [],
      total: 0,
      catalogueDate: '2020-06-01',
      catalogueDemo: false,
    });
    const bare = service({ guides: false, catalogue: false }).s.query('carte grise', 5);
    expect(bare).toEqual({ groups: [], total: 0, catalogueDate: null, catalogueDemo: false });
    expect(
      service({ catalogue: false })
        .s.query('pasport', 5)
        .groups.map((g) => g.kind),
    ).toEqual(['guide']);
  });

  it('builds the guide index on the first query or warm-up, once, and again when the guides change', () => {
    const guides = fakeGuides();
    let revision = 1;
    const s = createSearchService({
      fold: normalizeForSearch,
      guides: { guideIndexEntries: () => guides.guideIndexEntries(), revision: () => revision },
      catalogue: null,
      sessions: null,
    });
    expect(guides.calls).toBe(0);
    s.warm();
    s.query('rsa', 5);
    s.query('apl', 5);
    expect(guides.calls).toBe(1);
    revision = 2;
    s.query('apl', 5);
    expect(guides.calls).toBe(2);
  });

  it('links an opened guide or online service to the running session, never a fiche', () => {
    const { s, linked } = service();
    expect(s.open('guide', 'caf-rsa')).toEqual({ linkedTo: 'timer-1' });
    expect(s.open('service', 'R13567')).toEqual({ linkedTo: 'timer-1' });
    expect(s.open('fiche', 'F1050')).toEqual({ linkedTo: null });
    expect(linked).toEqual([
      { kind: 'guide', id: 'caf-rsa' },
      { kind: 'service', id: 'R13567' },
    ]);
    const alone = createSearchService({ fold: normalizeForSearch, guides: null, catalogue: null, sessions: null });
    expect(alone.open('guide', 'caf-rsa')).toEqual({ linkedTo: null });
  });

  it('keeps the catalogue’s typo guesses for unknown words only, never for a known acronym', () => {
    const s = createSearchService({
      fold: normalizeForSearch,
      guides: null,
      catalogue: {
        searchEntries: (q) =>
          q === 'cpf' || q === 'pasport'
            ? [{ id: 'R558', title: 'Simulateur de RSA (Caf)', match: 'fuzzy' as const }]
            : q === 'compte personnel formation'
              ? [{ id: 'F10705', title: 'Compte personnel de formation (CPF)', match: 'text' as const }]
              : [],
      },
      sessions: null,
    });
    expect(ids(s.query('CPF', 5))).toEqual(['F10705']);
    expect(ids(s.query('pasport', 5))).toEqual(['R558']);
  });

  it('asks the catalogue without a lone last letter being typed, and typo-tolerant only for unknown words', () => {
    const asked: Array<[string, boolean | undefined]> = [];
    const s = createSearchService({
      fold: normalizeForSearch,
      guides: null,
      catalogue: {
        searchEntries: (q, _limit, options) => {
          asked.push([q, options?.typos]);
          return [];
        },
      },
      sessions: null,
    });
    s.query('carte g', 5);
    s.query('c', 5);
    s.query('cpf', 5);
    expect(asked).toEqual([
      ['carte', true],
      ['cpf', false],
      ['compte personnel formation', false],
      ['compte formation', false],
    ]);
    expect(withoutLoneLetter('carte g')).toBe('carte');
    expect(withoutLoneLetter('carte gr')).toBe('carte gr');
    expect(meaningfulWords('declaration de revenus')).toBe('declaration revenus');
    expect(meaningfulWords('de la')).toBe('de la');
  });

  it('reads the kind of a catalogue entry from the catalogue, or from its identifier', () => {
    expect(catalogueKind({ id: 'F1', title: '' })).toBe('fiche');
    expect(catalogueKind({ id: 'R1', title: '' })).toBe('service');
    expect(catalogueKind({ id: 'N1', title: '' })).toBe('topic');
    expect(catalogueKind({ id: 'X1', kind: 'service', title: '' })).toBe('service');
  });

  it('every fake guide is reachable by its own title', () => {
    const { s } = service();
    for (const g of FAKE_GUIDES) expect(ids(s.query(g.title, 5))[0]).toBe(g.id);
  });
});
