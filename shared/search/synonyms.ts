// The words desks use for the procedures they handle, as data: acronyms, old names of bodies that were renamed
// (Pôle emploi → France Travail, ANTS → France Titres, CMU-C → C2S), everyday names of official documents (carte grise →
// certificat d'immatriculation). A person at the desk says "APL" or "la carte grise"; the guides and the
// service-public.fr catalogue say "aide personnalisée au logement" or "certificat d'immatriculation", and the 2020
// catalogue still says "Pôle emploi". A query naming one phrase of a group is also searched with the others.
//
// Phrases are written as a person reads them (accents, apostrophes); the expander folds them with the same
// normalisation as the queries and the indexes, so "impôts", "Impots" and "IMPÔTS" all meet.

export interface SynonymGroup {
  /** Equivalent phrases, the most official first (the one shown when a label is needed). */
  readonly phrases: readonly string[];
}

export const SYNONYM_GROUPS: readonly SynonymGroup[] = [
  // CAF
  { phrases: ['caisse d’allocations familiales', 'CAF', 'allocations familiales'] },
  { phrases: ['aide personnalisée au logement', 'APL', 'aide au logement', 'allocation logement'] },
  { phrases: ['allocation de logement sociale', 'ALS', 'allocation logement'] },
  { phrases: ['allocation de logement familiale', 'ALF', 'allocation logement'] },
  { phrases: ['revenu de solidarité active', 'RSA'] },
  { phrases: ['prime d’activité', 'PPA'] },
  { phrases: ['allocation aux adultes handicapés', 'AAH'] },
  { phrases: ['maison départementale des personnes handicapées', 'MDPH'] },
  { phrases: ['déclaration trimestrielle de ressources', 'DTR', 'déclaration trimestrielle'] },
  { phrases: ['attestation de paiement', 'attestation CAF', 'attestation de versement'] },
  // Assurance Maladie
  { phrases: ['Assurance Maladie', 'ameli', 'CPAM', 'sécurité sociale', 'sécu'] },
  { phrases: ['complémentaire santé solidaire', 'C2S', 'CMU', 'CMUC', 'ACS', 'mutuelle gratuite'] },
  { phrases: ['protection universelle maladie', 'PUMa'] },
  { phrases: ['carte Vitale', 'carte de sécurité sociale', 'appli carte Vitale'] },
  { phrases: ['attestation de droits', 'attestation de sécurité sociale', 'attestation vitale'] },
  { phrases: ['Mon espace santé', 'dossier médical partagé', 'DMP'] },
  { phrases: ['médecin traitant', 'choisir un médecin'] },
  // Retraite
  { phrases: ['retraite', 'pension de retraite', 'CNAV', 'Assurance retraite', 'info-retraite'] },
  { phrases: ['allocation de solidarité aux personnes âgées', 'ASPA', 'minimum vieillesse'] },
  { phrases: ['relevé de carrière', 'relevé individuel de situation', 'RIS'] },
  // MSA
  { phrases: ['Mutualité sociale agricole', 'MSA'] },
  // France Travail
  { phrases: ['France Travail', 'Pôle emploi', 'pole emploi', 'ANPE', 'chômage'] },
  { phrases: ['allocation chômage', 'allocation d’aide au retour à l’emploi', 'ARE', 'indemnités chômage'] },
  { phrases: ['actualisation', 's’actualiser', 'déclaration mensuelle'] },
  { phrases: ['compte personnel de formation', 'CPF', 'Mon Compte Formation'] },
  // DGFiP
  {
    phrases: [
      'impôts',
      'impôt sur le revenu',
      'impots.gouv',
      'déclaration de revenus',
      'déclaration d’impôts',
      'DGFiP',
      'finances publiques',
    ],
  },
  { phrases: ['prélèvement à la source', 'taux de prélèvement', 'PAS'] },
  { phrases: ['avis d’imposition', 'avis d’impôt', 'feuille d’impôt'] },
  { phrases: ['taxe foncière', 'impôts locaux'] },
  { phrases: ['numéro fiscal', 'numéro fiscal de référence', 'SPI'] },
  // France Titres (ex-ANTS)
  { phrases: ['France Titres', 'ANTS', 'Agence nationale des titres sécurisés'] },
  { phrases: ['carte nationale d’identité', 'CNI', 'carte d’identité', 'pièce d’identité'] },
  { phrases: ['passeport', 'passport'] },
  { phrases: ['certificat d’immatriculation', 'carte grise', 'immatriculation', 'SIV'] },
  { phrases: ['permis de conduire', 'permis'] },
  { phrases: ['prédemande', 'pré-demande'] },
  // La Poste, Justice, others often seen
  { phrases: ['lettre recommandée', 'recommandé', 'LRE', 'lettre recommandée électronique'] },
  { phrases: ['changement d’adresse', 'déménagement', 'réexpédition du courrier'] },
  { phrases: ['extrait de casier judiciaire', 'casier judiciaire', 'bulletin numéro trois', 'B3'] },
  { phrases: ['aide juridictionnelle', 'AJ', 'avocat gratuit'] },
  { phrases: ['plainte en ligne', 'porter plainte', 'THESEE', 'Pharos', 'arnaque'] },
  { phrases: ['chèque énergie', 'aide pour payer l’énergie', 'facture d’énergie'] },
  { phrases: ['MaPrimeRénov’', 'MaPrimeRenov', 'ANAH', 'rénovation énergétique'] },
  { phrases: ['logement social', 'demande de logement social', 'HLM'] },
  { phrases: ['inscription sur les listes électorales', 'listes électorales', 'carte électorale'] },
  { phrases: ['titre de séjour', 'ANEF', 'carte de séjour', 'préfecture'] },
  { phrases: ['amende', 'contravention', 'ANTAI', 'PV'] },
  { phrases: ['vignette Crit’Air', 'Crit’Air', 'certificat qualité de l’air'] },
  { phrases: ['EduConnect', 'école', 'Pronote'] },
  { phrases: ['FranceConnect', 'France Connect'] },
  { phrases: ['Identité Numérique La Poste', 'identité numérique'] },
  { phrases: ['adresse électronique', 'e-mail', 'email', 'courriel', 'adresse mail', 'boîte mail'] },
  { phrases: ['mot de passe', 'mdp', 'mot de passe oublié'] },
  // Businesses
  { phrases: ['micro-entreprise', 'auto-entrepreneur', 'micro-entrepreneur', 'autoentrepreneur'] },
  { phrases: ['URSSAF', 'cotisations sociales'] },
  { phrases: ['numéro SIRET', 'SIRET', 'SIREN'] },
  { phrases: ['facturation électronique', 'facture électronique', 'e-facture'] },
];

/** Folds a phrase for comparison: the same function as the indexes and queries (shared/search/normalize.ts). */
export type Fold = (text: string) => string;

/** At most this many phrasings are searched for one query: a query naming several groups stays fast. */
export const MAX_EXPANSIONS = 8;

interface FoldedGroup {
  phrases: string[];
}

/** Whole-word occurrence of `phrase` in `text`, both folded (words separated by single spaces). */
function findPhrase(text: string, phrase: string): number {
  const padded = ` ${text} `;
  const at = padded.indexOf(` ${phrase} `);
  return at;
}

/**
 * Builds the query expander over these groups (or others, for tests): `expand(query)` answers the folded query first,
 * then the query with each phrase of a group it names replaced by the group's other phrases, at most MAX_EXPANSIONS
 * in all, without duplicates. A query naming no group answers itself alone.
 */
export function createSynonymExpander(fold: Fold, groups: readonly SynonymGroup[] = SYNONYM_GROUPS) {
  const folded: FoldedGroup[] = groups.map((g) => ({
    phrases: [...new Set(g.phrases.map(fold).filter((p) => p.length > 0))],
  }));
  // Longest phrases first, so "allocation de logement sociale" is replaced whole before "logement" alone would be.
  const byLength = folded
    .flatMap((g) => g.phrases.map((phrase) => ({ phrase, group: g })))
    .sort((a, b) => b.phrase.length - a.phrase.length);

  return {
    expand(query: string): string[] {
      const q = fold(query);
      const out = [q];
      if (!q) return out;
      const covered: Array<[number, number]> = [];
      for (const { phrase, group } of byLength) {
        if (out.length >= MAX_EXPANSIONS) break;
        const at = findPhrase(q, phrase);
        if (at < 0) continue;
        const end = at + phrase.length;
        // A shorter phrase inside a longer one already replaced ("logement" in "allocation logement") adds nothing.
        if (covered.some(([s, e]) => at >= s && end <= e)) continue;
        covered.push([at, end]);
        for (const other of group.phrases) {
          if (other === phrase) continue;
          const variant = `${q.slice(0, at)}${other}${q.slice(end)}`.trim();
          if (!out.includes(variant)) out.push(variant);
          if (out.length >= MAX_EXPANSIONS) break;
        }
      }
      return out;
    },
  };
}

export type SynonymExpander = ReturnType<typeof createSynonymExpander>;
