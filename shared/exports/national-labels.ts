import { TAXONOMY_VERSION } from '../taxonomy';

// The French labels of the national tool (La Coop de la médiation numérique) for each taxonomy key, as its activity
// export writes them (see the team's taxonomy reference). Exports write these labels; the import maps them back to
// keys. They are data of the file format, not UI texts: the UI shows the keys through i18n.

export const CHANNEL_LABELS = {
  lieu_activite: "Lieu d'activité",
  domicile: 'À domicile',
  a_distance: 'À distance',
  autre: 'Autre lieu',
} as const;

export const EQUIPMENT_LABELS = {
  ordinateur: 'Ordinateur',
  telephone: 'Téléphone',
  tablette: 'Tablette',
  autre: 'Autre',
  aucun: 'Pas de matériel',
} as const;

export const TOPIC_LABELS = {
  diagnostic_numerique: 'Diagnostic numérique',
  prendre_en_main_du_materiel: 'Prendre en main du matériel',
  maintenance_de_materiel: 'Maintenance de matériel',
  gere_ses_contenus_numeriques: 'Gérer ses contenus numériques',
  navigation_sur_internet: 'Navigation sur internet',
  email: 'E-mail',
  bureautique: 'Bureautique',
  reseaux_sociaux: 'Réseaux sociaux communication',
  sante: 'Santé',
  banque_et_achats_en_ligne: 'Banque et achats en ligne',
  entrepreneuriat: 'Accompagner un professionnel',
  insertion_professionnelle: 'Insertion professionnelle',
  securite_numerique: 'Prévention en sécurité numérique',
  parentalite: 'Parentalité',
  scolarite_et_numerique: 'Scolarité et numérique',
  creer_avec_le_numerique: 'Créer avec le numérique',
  culture_numerique: 'Culture numérique',
  intelligence_artificielle: 'Intelligence artificielle (IA)',
  aide_aux_demarches_administratives: 'Aide aux démarches administratives',
} as const;

export const ADMIN_TOPIC_LABELS = {
  papiers_elections_citoyennete: 'Papiers - Élections - Citoyenneté',
  famille_scolarite: 'Famille - Scolarité',
  social_sante: 'Social - Santé',
  travail_formation: 'Travail - Formation - Entreprise',
  logement: 'Logement',
  transports_mobilite: 'Transports - Mobilité',
  argent_impots: 'Argent - Impôts',
  justice: 'Justice',
  etrangers_europe: 'Étrangers - Europe',
  loisirs_sports_culture: 'Loisirs - Sports - Culture',
  associations: 'Associations',
} as const;

export const AUTONOMY_LABELS = {
  entierement_accompagne: 'Avec guidage (1/3)',
  partiellement_autonome: 'Autonome avec guidage en cas de besoin (2/3)',
  autonome: 'Autonome (3/3)',
} as const;

export const ORIENTATION_LABELS = {
  administration: 'Administration (mairie, préfecture…)',
  mediation_numerique: 'Autre structure de médiation numérique',
  operateur_ou_organisme_en_charge: 'Opérateur ou organisme en charge de la démarche administrative',
  aide_sociale: "Structure d'aide sociale (maison des solidarités, centre social…)",
  insertion_professionnelle:
    "Structure d'insertion professionnelle (France Travail, mission locale, chambre de commerce…)",
  aide_aux_demarches_administratives: "Structure d'aide aux démarches administratives (France Services…)",
  autre: 'Autre',
} as const;

export const WORKSHOP_LEVEL_LABELS = {
  debutant: 'Débutant',
  intermediaire: 'Intermédiaire',
  avance: 'Avancé',
} as const;

export const GENDER_LABELS = { masculin: 'Masculin', feminin: 'Féminin', non_communique: 'Non communiqué' } as const;

export const AGE_LABELS = {
  moins_de_douze: 'Moins de 12 ans',
  douze_dix_huit: '12 - 17 ans',
  dix_huit_vingt_quatre: '18 - 24 ans',
  vingt_cinq_trente_neuf: '25 - 39 ans',
  quarante_cinquante_neuf: '40 - 59 ans',
  soixante_soixante_neuf: '60 - 69 ans',
  soixante_dix_plus: '70 ans et plus',
  non_communique: 'Non communiqué',
} as const;

export const STATUS_LABELS = {
  scolarise: 'Scolarisé',
  sans_emploi: 'Sans emploi',
  en_emploi: 'En emploi',
  retraite: 'Retraité',
  non_communique: 'Non communiqué ou hétérogène',
} as const;

export const KIND_LABELS = { individuel: 'Accompagnement individuel', collectif: 'Atelier collectif' } as const;

/** Médiane's own columns. An operator a coordinator added has no label here: its key is written as it is. */
export const OPERATOR_LABELS: Record<string, string> = {
  caf: 'CAF',
  cpam: 'Assurance Maladie (CPAM)',
  cnav: 'Assurance retraite (CNAV/CARSAT)',
  msa: 'MSA',
  france_travail: 'France Travail',
  dgfip: 'Finances publiques (impots.gouv)',
  ants: 'France Titres (ANTS)',
  justice: 'Ministère de la Justice',
  la_poste: 'La Poste',
  autre_operateur: 'Autre',
};

export const OUTCOME_LABELS = {
  finalisee: 'Démarche finalisée',
  a_finaliser_en_autonomie: 'Reste à finaliser en autonomie',
  doit_revenir: 'La personne doit revenir',
  oriente_vers_structure: 'Orientée vers une autre structure',
} as const;

export const YES = 'Oui';
export const NO = 'Non';

/**
 * The session export's columns, in order: the national tool's activity export, then Médiane's own. The import reads
 * the national columns by these headers.
 */
export const NATIONAL_COLUMNS = [
  'Date',
  'Enregistré le',
  'Dernière modification le',
  'Type',
  'Participants',
  "Canaux d'accompagnement",
  'Nom du lieu',
  'Commune',
  'Code postal',
  'Code Insee',
  'Durée (min)',
  "Nom de l'atelier",
  'Matériel numérique utilisé',
  "Thématique(s) d'accompagnement",
  'Tags',
  'Nom de la démarche administrative',
  "Niveau d'autonomie (ou de l'atelier)",
  'Bénéficiaire réorienté',
  'Structure de redirection',
  'Commune du bénéficiaire',
  'Code postal du bénéficiaire',
  'Code Insee du bénéficiaire',
  'Genre du bénéficiaire',
  "Tranche d'âge du bénéficiaire",
  'Statut du bénéficiaire',
  'ID',
] as const;
export const MEDIANE_COLUMNS = [
  'Opérateur(s)',
  'Issue de la démarche',
  'Relance prévue le',
  'Guide(s) utilisé(s)',
  'Version de la taxonomie',
] as const;
export const SESSION_COLUMNS = [...NATIONAL_COLUMNS, ...MEDIANE_COLUMNS] as const;
/** Only when the mediator ticks it, for a file that stays on the desk. */
export const NOTES_COLUMN = 'Notes';

/** Lists of labels inside one cell are joined with this (no label of a list contains a comma). */
export const LIST_SEPARATOR = ', ';

export const EXPORT_TAXONOMY_VERSION = TAXONOMY_VERSION;
