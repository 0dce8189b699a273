// The national vocabulary of an assisted session (La Coop de la médiation numérique, ANCT, mid-2026)
// plus what Médiane adds (operators, outcome, follow-up). We store keys; labels come from i18n.
// Bump TAXONOMY_VERSION whenever a list changes: every record keeps the version it was written with.

export const TAXONOMY_VERSION = 'coop-2026.06+mediane.1';

export const SESSION_KINDS = ['individuel', 'collectif'] as const;
export const CHANNELS = ['lieu_activite', 'domicile', 'a_distance', 'autre'] as const;
export const EQUIPMENT = ['ordinateur', 'telephone', 'tablette', 'autre', 'aucun'] as const;
export const DURATION_PRESETS = [15, 30, 45, 60, 90, 120] as const;
export const MAX_DURATION_MIN = 23 * 60 + 59;

export const TOPICS = [
  'diagnostic_numerique',
  'prendre_en_main_du_materiel',
  'maintenance_de_materiel',
  'gere_ses_contenus_numeriques',
  'navigation_sur_internet',
  'email',
  'bureautique',
  'reseaux_sociaux',
  'sante',
  'banque_et_achats_en_ligne',
  'entrepreneuriat',
  'insertion_professionnelle',
  'securite_numerique',
  'parentalite',
  'scolarite_et_numerique',
  'creer_avec_le_numerique',
  'culture_numerique',
  'intelligence_artificielle',
  'aide_aux_demarches_administratives',
] as const;
export const ADMIN_TOPIC_TRIGGER = 'aide_aux_demarches_administratives';

export const ADMIN_TOPICS = [
  'papiers_elections_citoyennete',
  'famille_scolarite',
  'social_sante',
  'travail_formation',
  'logement',
  'transports_mobilite',
  'argent_impots',
  'justice',
  'etrangers_europe',
  'loisirs_sports_culture',
  'associations',
] as const;

export const AUTONOMY = ['entierement_accompagne', 'partiellement_autonome', 'autonome'] as const;

export const ORIENTATIONS = [
  'administration',
  'mediation_numerique',
  'operateur_ou_organisme_en_charge',
  'aide_sociale',
  'insertion_professionnelle',
  'aide_aux_demarches_administratives',
  'autre',
] as const;

export const WORKSHOP_LEVELS = ['debutant', 'intermediaire', 'avance'] as const;

export const GENDERS = ['masculin', 'feminin', 'non_communique'] as const;
export const AGE_BRACKETS = [
  'moins_de_douze',
  'douze_dix_huit',
  'dix_huit_vingt_quatre',
  'vingt_cinq_trente_neuf',
  'quarante_cinquante_neuf',
  'soixante_soixante_neuf',
  'soixante_dix_plus',
  'non_communique',
] as const;
export const STATUSES = ['scolarise', 'sans_emploi', 'en_emploi', 'retraite', 'non_communique'] as const;

// The nine national operators of every France Services site, plus a catch-all. The list is data:
// the database holds the operators a desk may pick, seeded from this default list.
export const DEFAULT_OPERATORS = [
  'caf',
  'cpam',
  'cnav',
  'msa',
  'france_travail',
  'dgfip',
  'ants',
  'justice',
  'la_poste',
  'autre_operateur',
] as const;

export const OUTCOMES = ['finalisee', 'a_finaliser_en_autonomie', 'doit_revenir', 'oriente_vers_structure'] as const;

export type SessionKind = (typeof SESSION_KINDS)[number];
export type Channel = (typeof CHANNELS)[number];
export type Equipment = (typeof EQUIPMENT)[number];
export type Topic = (typeof TOPICS)[number];
export type AdminTopic = (typeof ADMIN_TOPICS)[number];
export type Autonomy = (typeof AUTONOMY)[number];
export type Orientation = (typeof ORIENTATIONS)[number];
export type WorkshopLevel = (typeof WORKSHOP_LEVELS)[number];
export type Gender = (typeof GENDERS)[number];
export type AgeBracket = (typeof AGE_BRACKETS)[number];
export type Status = (typeof STATUSES)[number];
export type Outcome = (typeof OUTCOMES)[number];
