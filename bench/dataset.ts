// Deterministic, realistic journal data for the benchmarks: what a French public help desk (France Services,
// conseillers numériques) logs over years. Same seed, same count, same schema: byte-identical rows.
// Rows are written straight into SQLite through prepared INSERTs in large transactions, in exactly the shape
// journal-service.ts writes them (checked against the real service before every generation).

import { createHash } from 'node:crypto';
import { sessionColumns } from '../main/core/journal/session-row';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SessionInput, type SessionData } from '../shared/journal/schema';
import { createJournalService } from '../main/core/journal/journal-service';
import { DB_FILE, openDatabase } from '../main/core/storage/database';
import { MIGRATIONS, checksum } from '../main/core/storage/migrations';

const here = dirname(fileURLToPath(import.meta.url));
export const CACHE_DIR = join(here, '.data');

/** The history covered: about eight years up to a fixed "today", so every run sees the same calendar. */
export const DATASET_START = '2019-01-02';
export const DATASET_END = '2026-11-27';

// ---------------------------------------------------------------------------------------------------------------
// Seeded PRNG (sfc32, seeded through splitmix32): fast, good enough for data, never Math.random.

export type Rng = () => number;

export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next();
  return () => next() / 4294967296;
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const chance = (rng: Rng, p: number) => rng() < p;

/** A weighted table, drawn in O(log n). */
class Weighted<T> {
  private readonly cum: number[] = [];
  private readonly values: T[] = [];
  private readonly total: number;
  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    let t = 0;
    for (const [v, w] of entries) {
      if (w <= 0) continue;
      t += w;
      this.cum.push(t);
      this.values.push(v);
    }
    this.total = t;
  }
  pick(rng: Rng): T {
    const x = rng() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo]!;
  }
}
const w = <T>(entries: ReadonlyArray<readonly [T, number]>) => new Weighted(entries);

function uuid(rng: Rng): string {
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  const r = () => Math.floor(rng() * 4294967296) >>> 0;
  const a = hex(r());
  const b = hex(r());
  const c = hex(r());
  const d = hex(r());
  // Version 4, RFC 4122 variant: the same form as crypto.randomUUID().
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16)}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The calendar: weekdays, some Saturday mornings, French public holidays, seasons.

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

function easter(year: number): number {
  // Anonymous Gregorian algorithm; returns the UTC day number of Easter Sunday.
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

function holidays(year: number): Set<number> {
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map((md) => dayOf(`${year}-${md}`));
  const e = easter(year);
  return new Set([...fixed, e + 1, e + 39, e + 50]); // Easter Monday, Ascension, Whit Monday
}

/** Last Sunday of a month (UTC day number), for the Paris summer-time switch. */
function lastSunday(year: number, month: number): number {
  const last = Math.floor(Date.UTC(year, month, 0) / DAY_MS);
  const dow = new Date(last * DAY_MS).getUTCDay();
  return last - dow;
}

/** Paris local minutes-of-day on a day, as a UTC epoch in ms. */
function parisToUtcMs(day: number, minutes: number): number {
  const year = new Date(day * DAY_MS).getUTCFullYear();
  const summer = day >= lastSunday(year, 3) && day < lastSunday(year, 10);
  return day * DAY_MS + (minutes - (summer ? 120 : 60)) * 60_000;
}

const MONTH_FACTOR = [1.05, 1.05, 1.1, 1.2, 1.25, 1.05, 0.85, 0.45, 1.25, 1.05, 1.0, 0.85];
const WEEKDAY_FACTOR = [0, 0.9, 1.05, 0.95, 1.05, 0.95, 0.22]; // Sun..Sat; Saturdays: mornings only

function dayWeight(day: number, holidaySet: Map<number, Set<number>>, startDay: number): number {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const dom = date.getUTCDate();
  const dow = date.getUTCDay();
  if (WEEKDAY_FACTOR[dow] === 0) return 0;
  let hs = holidaySet.get(year);
  if (!hs) holidaySet.set(year, (hs = holidays(year)));
  if (hs.has(day)) return 0;
  let f = WEEKDAY_FACTOR[dow]! * MONTH_FACTOR[month]!;
  if (month === 11 && dom >= 21) f *= 0.4; // between Christmas and New Year
  if (month === 6 && dom >= 15) f *= 0.8;
  if ((month === 3 && dom >= 10) || month === 4 || (month === 5 && dom <= 8)) f *= 1.15; // income-tax return season
  if (month === 8 && dom <= 20) f *= 1.1; // la rentrée
  const years = (day - startDay) / 365.25;
  return f * (1 + 0.08 * years); // the network grows every year
}

// ---------------------------------------------------------------------------------------------------------------
// The vocabulary, weighted like a real desk (see shared/reference france-services.md and taxonomy.md).

type Op = 'caf' | 'cpam' | 'cnav' | 'msa' | 'france_travail' | 'dgfip' | 'ants' | 'justice' | 'la_poste' | 'autre_operateur';

// Primary operator of an administrative session. With the seasons (DGFiP peaks in the tax-return season) and the
// second operators below, the shares of mentions come out as france-services.md gives them: ANTS ~19 %, CAF ~16 %,
// CPAM ~16 %, DGFiP ~15 %, then France Travail, CNAV, MSA, La Poste, Justice and the others.
const OPERATOR_WEIGHTS: ReadonlyArray<readonly [Op, number]> = [
  ['ants', 21.5], ['caf', 13], ['cpam', 15], ['dgfip', 12.5], ['france_travail', 11.5], ['cnav', 6], ['msa', 3.5],
  ['la_poste', 3], ['justice', 1.6], ['autre_operateur', 7],
];

function seasonalOperators(month: number, dom: number): Weighted<Op> {
  return w(
    OPERATOR_WEIGHTS.map(([op, wt]) => {
      let m = 1;
      if (op === 'dgfip') m = (month === 3 && dom >= 10) || month === 4 || (month === 5 && dom <= 8) ? 2.6 : month === 8 || month === 9 ? 1.2 : 0.75;
      if (op === 'caf') m = month === 8 ? 1.35 : month === 0 ? 1.15 : 1;
      if (op === 'france_travail') m = month === 8 ? 1.2 : 1;
      if (op === 'ants') m = month >= 2 && month <= 5 ? 1.25 : 0.9;
      return [op, wt * m] as const;
    }),
  );
}

// Second operator of a session that touches two: the usual pairs.
const SECOND_OPERATOR: Record<Op, Weighted<Op>> = {
  caf: w([['cpam', 4], ['france_travail', 4], ['dgfip', 3], ['autre_operateur', 2], ['msa', 1]]),
  cpam: w([['caf', 5], ['cnav', 2], ['autre_operateur', 1]]),
  cnav: w([['dgfip', 3], ['cpam', 3], ['caf', 1]]),
  msa: w([['dgfip', 2], ['cpam', 1], ['caf', 1]]),
  france_travail: w([['caf', 6], ['cpam', 2]]),
  dgfip: w([['caf', 3], ['cnav', 2], ['autre_operateur', 1]]),
  ants: w([['autre_operateur', 3], ['la_poste', 1]]),
  justice: w([['autre_operateur', 1], ['caf', 1]]),
  la_poste: w([['ants', 2], ['caf', 1]]),
  autre_operateur: w([['caf', 3], ['dgfip', 2], ['ants', 1]]),
};

type AdminTopic = SessionData['adminTopics'][number];
// The procedures a desk handles most, per operator, each with the administrative sub-topic it belongs to.
const PROCEDURES: Record<Op, Weighted<readonly [string, AdminTopic]>> = {
  ants: w([
    [["Pré-demande de carte d'identité", 'papiers_elections_citoyennete'], 5], [['Pré-demande de passeport', 'papiers_elections_citoyennete'], 4],
    [['Permis de conduire : renouvellement', 'transports_mobilite'], 2], [['Carte grise : changement de titulaire', 'transports_mobilite'], 3],
    [['Carte grise : changement d’adresse', 'transports_mobilite'], 1], [['Suivi de demande ANTS', 'papiers_elections_citoyennete'], 1],
  ]),
  caf: w([
    [['Déclaration trimestrielle RSA / prime d’activité', 'social_sante'], 6], [['Demande d’aide au logement', 'logement'], 3],
    [['Créer son compte CAF', 'famille_scolarite'], 2], [['Signaler un changement de situation', 'famille_scolarite'], 3],
    [['Attestation de paiement', 'social_sante'], 2], [['Demande de prime d’activité', 'social_sante'], 2],
  ]),
  cpam: w([
    [['Créer son compte ameli', 'social_sante'], 4], [['Commande de carte Vitale', 'social_sante'], 2],
    [['Complémentaire santé solidaire', 'social_sante'], 3], [['Attestation de droits', 'social_sante'], 3],
    [['Mon espace santé', 'social_sante'], 1], [['Déclarer un médecin traitant', 'social_sante'], 1],
  ]),
  cnav: w([
    [['Demande de retraite en ligne', 'travail_formation'], 4], [['Relevé de carrière', 'travail_formation'], 3],
    [['Créer son compte retraite', 'social_sante'], 2], [['Demande d’ASPA', 'social_sante'], 1],
  ]),
  msa: w([
    [['Espace privé MSA', 'social_sante'], 2], [['Déclaration prime d’activité MSA', 'social_sante'], 2],
    [['Prestations familiales MSA', 'famille_scolarite'], 1],
  ]),
  france_travail: w([
    [['Actualisation mensuelle', 'travail_formation'], 6], [['Inscription France Travail', 'travail_formation'], 3],
    [['Attestation employeur', 'travail_formation'], 1], [['Mon Compte Formation', 'travail_formation'], 1],
  ]),
  dgfip: w([
    [['Déclaration de revenus', 'argent_impots'], 8], [['Créer son espace particulier', 'argent_impots'], 3],
    [['Taux de prélèvement à la source', 'argent_impots'], 2], [['Avis d’impôt', 'argent_impots'], 2],
    [['Déclaration des biens immobiliers', 'argent_impots'], 1], [['Messagerie sécurisée', 'argent_impots'], 2],
  ]),
  justice: w([
    [['Extrait de casier judiciaire', 'justice'], 3], [['Demande d’aide juridictionnelle', 'justice'], 2],
    [['Plainte en ligne (escroquerie)', 'justice'], 1],
  ]),
  la_poste: w([
    [['Lettre recommandée en ligne', 'papiers_elections_citoyennete'], 2], [['Réexpédition du courrier', 'logement'], 2],
    [['Identité Numérique La Poste', 'papiers_elections_citoyennete'], 2],
  ]),
  autre_operateur: w([
    [['Chèque énergie', 'logement'], 3], [['MaPrimeRénov’', 'logement'], 2], [['Demande de logement social', 'logement'], 3],
    [['Titre de séjour (ANEF)', 'etrangers_europe'], 2], [['Amende (ANTAI)', 'transports_mobilite'], 2],
    [['Inscription sur les listes électorales', 'papiers_elections_citoyennete'], 1], [['Vignette Crit’Air', 'transports_mobilite'], 1],
    [['Demande de subvention associative', 'associations'], 0.4], [['Pass’Sport', 'loisirs_sports_culture'], 0.3],
  ]),
};

const FOLLOW_UP_REASONS: Record<Op | 'none', Weighted<string>> = {
  ants: w([['Vérifier l’avancement de la demande de titre', 3], ['Rendez-vous en mairie pour les empreintes', 2]]),
  caf: w([['Vérifier le versement de la prime d’activité', 3], ['Pièces justificatives à envoyer à la CAF', 2]]),
  cpam: w([['Relancer la CPAM pour la carte Vitale', 2], ['Vérifier l’ouverture des droits C2S', 2]]),
  cnav: w([['Suivre la demande de retraite', 2], ['Compléter le relevé de carrière', 1]]),
  msa: w([['Relancer la MSA', 1]]),
  france_travail: w([['Vérifier l’actualisation du mois', 2], ['Rendez-vous conseiller France Travail', 1]]),
  dgfip: w([['Vérifier l’avis d’impôt', 2], ['Réponse du centre des finances publiques', 2]]),
  justice: w([['Suivre la demande d’aide juridictionnelle', 1]]),
  la_poste: w([['Vérifier la réexpédition du courrier', 1]]),
  autre_operateur: w([['Suivre la demande de logement social', 2], ['Vérifier l’envoi du chèque énergie', 1]]),
  none: w([['Reprendre la prise en main du smartphone', 2], ['Finir la création de la boîte e-mail', 2], ['Inscription à un atelier', 1]]),
};

type Topic = SessionData['topics'][number];
const DIGITAL_TOPICS = w<Topic>([
  ['prendre_en_main_du_materiel', 18], ['email', 16], ['navigation_sur_internet', 12], ['bureautique', 8],
  ['gere_ses_contenus_numeriques', 8], ['securite_numerique', 6], ['sante', 6], ['banque_et_achats_en_ligne', 5],
  ['maintenance_de_materiel', 5], ['insertion_professionnelle', 5], ['reseaux_sociaux', 4], ['diagnostic_numerique', 4],
  ['scolarite_et_numerique', 2], ['entrepreneuriat', 2], ['intelligence_artificielle', 2], ['parentalite', 1],
  ['culture_numerique', 1], ['creer_avec_le_numerique', 1],
]);
const WITH_ADMIN_TOPICS = w<Topic>([
  ['email', 35], ['navigation_sur_internet', 20], ['prendre_en_main_du_materiel', 15], ['securite_numerique', 10],
  ['sante', 10], ['banque_et_achats_en_ligne', 10],
]);

const WORKSHOPS: ReadonlyArray<readonly [string, Topic[], Op | null, number]> = [
  ['Prendre en main son smartphone', ['prendre_en_main_du_materiel'], null, 6],
  ['Découvrir l’ordinateur', ['prendre_en_main_du_materiel', 'bureautique'], null, 4],
  ['Créer et gérer sa boîte e-mail', ['email'], null, 5],
  ['Naviguer sur internet en sécurité', ['navigation_sur_internet', 'securite_numerique'], null, 4],
  ['Repérer les arnaques en ligne', ['securite_numerique'], null, 4],
  ['Ranger ses photos et documents', ['gere_ses_contenus_numeriques'], null, 3],
  ['Les réseaux sociaux en famille', ['reseaux_sociaux', 'parentalite'], null, 2],
  ['Découvrir l’intelligence artificielle', ['intelligence_artificielle', 'culture_numerique'], null, 2],
  ['Traitement de texte : les bases', ['bureautique'], null, 3],
  ['Faire sa déclaration de revenus en ligne', ['aide_aux_demarches_administratives', 'navigation_sur_internet'], 'dgfip', 1.5],
  ['Créer son compte ameli', ['aide_aux_demarches_administratives', 'sante'], 'cpam', 1],
  ['FranceConnect pas à pas', ['aide_aux_demarches_administratives', 'securite_numerique'], null, 1.5],
  ['CV et candidatures en ligne', ['insertion_professionnelle', 'bureautique'], null, 2],
  ['ENT et Pronote pour les parents', ['scolarite_et_numerique', 'parentalite'], null, 1.5],
];
const WORKSHOP_PICK = w(WORKSHOPS.map((x, i) => [i, x[3]] as const));

const NOTES = w<string>([
  ['', 88],
  ['Personne à l’aise avec le téléphone, pas avec l’ordinateur.', 2],
  ['Identifiants retrouvés avec la personne.', 2],
  ['Documents scannés sur place.', 2],
  ['A besoin d’un interprète la prochaine fois.', 1],
  ['Rendez-vous pris en ligne pendant l’accompagnement.', 2],
  ['Première venue, orientée par la mairie.', 2],
  ['Compte bloqué : réinitialisation du mot de passe.', 1],
]);

// Communes of residence around a desk in Creuse (real INSEE codes), the desk's own town first.
const COMMUNES = w<string>([
  ['23096', 40], ['23193', 9], ['23247', 7], ['23245', 7], ['23002', 5], ['23195', 5], ['23176', 6], ['23025', 4],
  ['23092', 3], ['23004', 3], ['23101', 2], ['23170', 1], ['23030', 3], ['23008', 3], ['23031', 2],
]);

const AGE = w<string>([
  ['moins_de_douze', 0.5], ['douze_dix_huit', 2], ['dix_huit_vingt_quatre', 8], ['vingt_cinq_trente_neuf', 20],
  ['quarante_cinquante_neuf', 27], ['soixante_soixante_neuf', 17], ['soixante_dix_plus', 18], ['non_communique', 7.5],
]);
const GENDER = w<string>([['feminin', 55], ['masculin', 40], ['non_communique', 5]]);
const STATUS_YOUNG = w<string>([['scolarise', 3], ['sans_emploi', 4], ['en_emploi', 3]]);
const STATUS_ADULT = w<string>([['sans_emploi', 45], ['en_emploi', 50], ['retraite', 2], ['scolarise', 3]]);
function statusFor(rng: Rng, age: string): string {
  if (chance(rng, 0.1)) return 'non_communique';
  if (age === 'moins_de_douze' || age === 'douze_dix_huit') return 'scolarise';
  if (age === 'soixante_dix_plus') return 'retraite';
  if (age === 'soixante_soixante_neuf') return chance(rng, 0.75) ? 'retraite' : chance(rng, 0.5) ? 'en_emploi' : 'sans_emploi';
  if (age === 'dix_huit_vingt_quatre') return STATUS_YOUNG.pick(rng);
  return STATUS_ADULT.pick(rng);
}

const INDIVIDUAL_DURATION = w<number>([
  [15, 22], [30, 30], [45, 18], [60, 14], [90, 4], [120, 1.5], [10, 3], [20, 3], [25, 1.5], [35, 1], [40, 1], [50, 0.5], [75, 0.5],
]);
const WORKSHOP_DURATION = w<number>([[60, 25], [90, 30], [120, 35], [150, 5], [180, 5]]);
const CHANNEL_INDIVIDUAL = w<SessionData['channel']>([['lieu_activite', 86], ['a_distance', 9], ['domicile', 3], ['autre', 2]]);
const CHANNEL_WORKSHOP = w<SessionData['channel']>([['lieu_activite', 92], ['autre', 8]]);
type Equip = SessionData['equipment'];
const EQUIP_INDIVIDUAL = w<Equip>([[['ordinateur'], 55], [['telephone'], 25], [['ordinateur', 'telephone'], 10], [['tablette'], 3], [['aucun'], 5], [[], 2]]);
const EQUIP_WORKSHOP = w<Equip>([[['ordinateur'], 40], [['tablette'], 20], [['telephone'], 25], [['ordinateur', 'telephone'], 15]]);
const AUTONOMY = w<string | null>([['entierement_accompagne', 55], ['partiellement_autonome', 30], ['autonome', 8], [null, 7]]);
const OUTCOME_ADMIN = w<SessionData['outcome']>([['finalisee', 52], ['a_finaliser_en_autonomie', 17], ['doit_revenir', 16], ['oriente_vers_structure', 9], [null, 6]]);
const OUTCOME_DIGITAL = w<SessionData['outcome']>([[null, 55], ['finalisee', 30], ['a_finaliser_en_autonomie', 8], ['doit_revenir', 7]]);
const ORIENTATION = w<SessionData['orientation']>([
  ['operateur_ou_organisme_en_charge', 40], ['administration', 20], ['aide_sociale', 15], ['insertion_professionnelle', 10],
  ['aide_aux_demarches_administratives', 5], ['mediation_numerique', 5], ['autre', 5],
]);
const WORKSHOP_START = w<number>([[570, 1], [600, 2], [840, 2], [870, 1]]);
const LEVEL = w<string>([['debutant', 60], ['intermediaire', 30], ['avance', 10]]);
const FOLLOW_UP_DELAY = w<number>([[3, 10], [7, 30], [10, 10], [14, 25], [21, 10], [30, 15]]);

const GENDER_KEYS = ['masculin', 'feminin', 'non_communique'] as const;
const AGE_KEYS = ['moins_de_douze', 'douze_dix_huit', 'dix_huit_vingt_quatre', 'vingt_cinq_trente_neuf', 'quarante_cinquante_neuf', 'soixante_soixante_neuf', 'soixante_dix_plus', 'non_communique'] as const;
const STATUS_KEYS = ['scolarise', 'sans_emploi', 'en_emploi', 'retraite', 'non_communique'] as const;
const WORKSHOP_AGE = [0, 2, 5, 15, 25, 25, 25, 3];
const WORKSHOP_GENDER = [40, 57, 3];
const WORKSHOP_STATUS = [3, 20, 20, 50, 7];

/** Spreads `n` people over keys (in the enum's order, zero counts left out, like a form would send them). */
function breakdown<K extends string>(rng: Rng, n: number, keys: readonly K[], weights: number[]): Partial<Record<K, number>> {
  const table = w(keys.map((k, i) => [i, weights[i]!] as const));
  const counts = new Array<number>(keys.length).fill(0);
  for (let i = 0; i < n; i++) counts[table.pick(rng)]!++;
  const out: Partial<Record<K, number>> = {};
  keys.forEach((k, i) => {
    if (counts[i]! > 0) out[k] = counts[i]!;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// One session.

export interface GeneratedSession {
  /** Exactly what SessionInput parses into (the service's SessionData), liveId null. */
  data: SessionData;
  id: string;
  createdAt: string;
  updatedAt: string;
  followUpClosedAt: string | null;
  deletedAt: string | null;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const hhmm = (m: number) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;

interface Skeleton {
  day: number;
  startMin: number;
  createdMs: number;
  workshop: boolean;
}

function sessionData(rng: Rng, sk: Skeleton, opsOfSeason: Weighted<Op>, withStartTime: boolean): { data: SessionData; primaryOp: Op | null } {
  const date = isoOf(sk.day);
  const notes = NOTES.pick(rng);
  const startTime = withStartTime ? hhmm(sk.startMin) : null;
  if (sk.workshop) {
    const [title, topics, op] = WORKSHOPS[WORKSHOP_PICK.pick(rng)]!;
    const participants = Math.max(2, Math.min(14, Math.round(3 + rng() * 5 + rng() * 5)));
    const data = {
      kind: 'collectif',
      date,
      startTime,
      durationMin: WORKSHOP_DURATION.pick(rng),
      channel: CHANNEL_WORKSHOP.pick(rng),
      equipment: EQUIP_WORKSHOP.pick(rng),
      topics: [...topics],
      adminTopics: op === 'dgfip' ? ['argent_impots'] : op === 'cpam' ? ['social_sante'] : [],
      operators: op ? [op] : [],
      procedureName: '',
      outcome: null,
      orientation: null,
      followUp: null,
      notes,
      liveId: null,
      workshop: {
        title,
        level: LEVEL.pick(rng),
        participants,
        byGender: chance(rng, 0.8) ? breakdown(rng, participants, GENDER_KEYS, WORKSHOP_GENDER) : {},
        byAge: chance(rng, 0.7) ? breakdown(rng, participants, AGE_KEYS, WORKSHOP_AGE) : {},
        byStatus: chance(rng, 0.5) ? breakdown(rng, participants, STATUS_KEYS, WORKSHOP_STATUS) : {},
      },
    };
    return { data: data as SessionData, primaryOp: op };
  }

  const admin = chance(rng, 0.72);
  let topics: Topic[];
  const adminTopics: AdminTopic[] = [];
  let operators: Op[] = [];
  let procedureName = '';
  let primaryOp: Op | null = null;
  if (admin) {
    topics = ['aide_aux_demarches_administratives'];
    if (chance(rng, 0.15)) topics.push(WITH_ADMIN_TOPICS.pick(rng));
    primaryOp = opsOfSeason.pick(rng);
    operators = [primaryOp];
    if (chance(rng, 0.18)) {
      const second = SECOND_OPERATOR[primaryOp].pick(rng);
      if (second !== primaryOp) operators.push(second);
    }
    for (const op of operators) {
      const [name, t] = PROCEDURES[op].pick(rng);
      if (op === primaryOp && chance(rng, 0.85)) procedureName = name;
      if (!adminTopics.includes(t)) adminTopics.push(t);
    }
  } else {
    topics = [DIGITAL_TOPICS.pick(rng)];
    if (chance(rng, 0.3)) {
      const t = DIGITAL_TOPICS.pick(rng);
      if (t !== topics[0]) topics.push(t);
    }
    if (topics.includes('sante') && chance(rng, 0.15)) operators = ['cpam'];
  }
  const outcome = (admin ? OUTCOME_ADMIN : OUTCOME_DIGITAL).pick(rng);
  const orientation = outcome === 'oriente_vers_structure' ? ORIENTATION.pick(rng) : null;
  const followUpP = outcome === 'doit_revenir' ? 0.45 : admin ? 0.06 : 0.02;
  let followUp: SessionData['followUp'] = null;
  if (chance(rng, followUpP)) {
    followUp = {
      dueDate: isoOf(sk.day + FOLLOW_UP_DELAY.pick(rng)),
      reason: FOLLOW_UP_REASONS[primaryOp ?? 'none'].pick(rng),
    };
  }
  const ageBracket = AGE.pick(rng);
  const data = {
    kind: 'individuel',
    date,
    startTime,
    durationMin: INDIVIDUAL_DURATION.pick(rng),
    channel: CHANNEL_INDIVIDUAL.pick(rng),
    equipment: EQUIP_INDIVIDUAL.pick(rng),
    topics,
    adminTopics,
    operators,
    procedureName,
    outcome,
    orientation,
    followUp,
    notes,
    liveId: null,
    autonomy: AUTONOMY.pick(rng),
    person: {
      ageBracket,
      gender: GENDER.pick(rng),
      status: statusFor(rng, ageBracket),
      communeCode: chance(rng, 0.8) ? COMMUNES.pick(rng) : null,
      firstVisit: chance(rng, 0.1) ? null : chance(rng, 0.36),
    },
  };
  return { data: data as SessionData, primaryOp };
}

/**
 * The sessions of a desk's history, in the order they were logged (so `seq` grows with created_at, mostly with
 * the date: about 6 % are logged a few days after the session, as happens at a busy desk).
 */
export function* generateSessions(count: number, seed: number, opts: { start?: string; end?: string } = {}): Generator<GeneratedSession> {
  const startDay = dayOf(opts.start ?? DATASET_START);
  const endDay = dayOf(opts.end ?? DATASET_END);
  const rng = createRng(seed);
  const idRng = createRng(seed ^ 0x5bd1e995);
  const hs = new Map<number, Set<number>>();

  // 1. How many sessions each day gets: cumulative rounding of the calendar's weights gives exactly `count`.
  const days = endDay - startDay + 1;
  const weights = new Float64Array(days);
  let total = 0;
  for (let i = 0; i < days; i++) total += weights[i] = dayWeight(startDay + i, hs, startDay);
  const perDay = new Int32Array(days);
  let acc = 0;
  let given = 0;
  for (let i = 0; i < days; i++) {
    acc += weights[i]!;
    const upTo = Math.round((acc / total) * count);
    perDay[i] = upTo - given;
    given = upTo;
  }

  // 2. Skeletons (day, start, kind, when logged), then sorted by when they were logged.
  const sDay = new Int32Array(count);
  const sStart = new Int16Array(count);
  const sWorkshop = new Uint8Array(count);
  const sCreated = new Float64Array(count);
  let n = 0;
  for (let i = 0; i < days; i++) {
    const day = startDay + i;
    const saturday = new Date(day * DAY_MS).getUTCDay() === 6;
    for (let k = 0; k < perDay[i]!; k++) {
      const workshop = chance(rng, 0.15);
      let start: number;
      if (workshop) start = saturday ? 600 : WORKSHOP_START.pick(rng);
      else if (saturday || chance(rng, 0.55)) start = 540 + 5 * int(rng, 0, 35); // 9:00 - 11:55
      else start = 810 + 5 * int(rng, 0, 47); // 13:30 - 17:25
      const late = chance(rng, 0.06);
      const loggedDay = late ? Math.min(endDay, day + int(rng, 1, 9)) : day;
      const loggedMin = late ? 540 + int(rng, 0, 480) : start + int(rng, 10, 150);
      sDay[n] = day;
      sStart[n] = start;
      sWorkshop[n] = workshop ? 1 : 0;
      sCreated[n] = parisToUtcMs(loggedDay, loggedMin) + int(rng, 0, 59_999);
      n++;
    }
  }
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => sCreated[a]! - sCreated[b]! || a - b);

  // 3. The sessions, in logging order.
  const endMs = parisToUtcMs(endDay, 18 * 60);
  const seasonCache = new Map<number, Weighted<Op>>();
  for (let j = 0; j < count; j++) {
    const i = order[j]!;
    const sk: Skeleton = { day: sDay[i]!, startMin: sStart[i]!, createdMs: sCreated[i]!, workshop: sWorkshop[i] === 1 };
    const d = new Date(sk.day * DAY_MS);
    const seasonKey = d.getUTCMonth() * 32 + d.getUTCDate();
    let ops = seasonCache.get(seasonKey);
    if (!ops) seasonCache.set(seasonKey, (ops = seasonalOperators(d.getUTCMonth(), d.getUTCDate())));
    const { data } = sessionData(rng, sk, ops, !chance(rng, 0.06));
    const createdAt = new Date(sk.createdMs).toISOString();
    let updatedMs = sk.createdMs;
    if (chance(rng, 0.05)) updatedMs = Math.min(endMs, sk.createdMs + int(rng, 60_000, 5 * DAY_MS));
    let followUpClosedAt: string | null = null;
    if (data.followUp) {
      const due = dayOf(data.followUp.dueDate);
      const p = due < endDay - 21 ? 0.88 : due < endDay ? 0.5 : 0.15;
      if (chance(rng, p)) {
        const closedMs = Math.max(sk.createdMs + 60_000, Math.min(endMs, parisToUtcMs(due + int(rng, -3, 10), int(rng, 540, 1050))));
        followUpClosedAt = new Date(closedMs).toISOString();
        updatedMs = Math.max(updatedMs, closedMs);
      }
    }
    let deletedAt: string | null = null;
    if (chance(rng, 0.003)) {
      const deletedMs = sk.createdMs + int(rng, 30_000, 3_600_000);
      deletedAt = new Date(deletedMs).toISOString();
      updatedMs = Math.max(updatedMs, deletedMs);
    }
    yield { data, id: uuid(idRng), createdAt, updatedAt: new Date(updatedMs).toISOString(), followUpClosedAt, deletedAt };
  }
}

/** Session inputs for the save benchmark: what a mediator would submit today (recent dates). */
export function sessionInputs(count: number, seed: number): SessionData[] {
  const out: SessionData[] = [];
  for (const s of generateSessions(count, seed, { start: '2026-11-02', end: DATASET_END })) out.push(s.data);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Rows, exactly as journal-service.ts writes them.

// The sessions row's columns come from the core itself, so the generator cannot drift from what the service writes.
export { sessionColumns };

const INSERT_SESSION = `INSERT INTO sessions (seq, id, kind, date, start_time, duration_min, outcome, follow_up_due,
  follow_up_closed_at, topics, operators, procedure_name, workshop_title, participants, data, notes, taxonomy_version,
  created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Proves the generator writes what the service writes: a sample of generated sessions goes through zod (the
 * contract's parse) and through the real journal service into a scratch database; every column of every row
 * (sessions, session_operators, session_topics) must equal the generator's own.
 */
export function verifyAgainstService(seed: number, sample = 300): void {
  const dir = join(tmpdir(), `mediane-bench-verify-${process.pid}-${Date.now()}`);
  const clock = { now: () => new Date('2026-11-27T10:00:00.000Z') };
  const a = openDatabase(join(dir, 'service'), clock);
  const b = openDatabase(join(dir, 'generator'), clock);
  try {
    let nextId = '';
    const service = createJournalService({ db: a.db, clock, newId: () => nextId, communeExists: () => true });
    const insert = b.db.prepare(INSERT_SESSION);
    const insOp = b.db.prepare('INSERT INTO session_operators (operator, date, seq) VALUES (?, ?, ?)');
    const insTopic = b.db.prepare('INSERT INTO session_topics (topic, date, seq) VALUES (?, ?, ?)');
    let seq = 0;
    for (const g of generateSessions(sample, seed ^ 0x1234)) {
      const parsed = SessionInput.parse(JSON.parse(JSON.stringify(g.data)));
      if (JSON.stringify(parsed) !== JSON.stringify(g.data)) {
        throw new Error(`dataset: generated session differs from its zod parse:\n${JSON.stringify(g.data)}\n${JSON.stringify(parsed)}`);
      }
      nextId = g.id;
      service.create(parsed);
      seq++;
      const c = sessionColumns(g.data);
      insert.run(seq, g.id, c.kind, c.date, c.start_time, c.duration_min, c.outcome, c.follow_up_due, null, c.topics, c.operators,
        c.procedure_name, c.workshop_title, c.participants, c.data, c.notes, c.taxonomy_version, clock.now().toISOString(), clock.now().toISOString(), null);
      for (const op of g.data.operators) insOp.run(op, g.data.date, seq);
      for (const t of g.data.topics) insTopic.run(t, g.data.date, seq);
    }
    for (const q of ['SELECT * FROM sessions ORDER BY seq', 'SELECT * FROM session_operators ORDER BY seq, operator', 'SELECT * FROM session_topics ORDER BY seq, topic']) {
      const x = JSON.stringify(a.db.prepare(q).all());
      const y = JSON.stringify(b.db.prepare(q).all());
      if (x !== y) throw new Error(`dataset: generated rows differ from the journal service's for "${q}"`);
    }
  } finally {
    a.close();
    b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface GenerateResult {
  path: string;
  seconds: number;
}

/**
 * Creates `dataDir`/mediane.sqlite through the real openDatabase/migrate and fills it with `count` sessions.
 * The desk's profile is left empty: the journal does not need it.
 */
export function generateDatabase(dataDir: string, count: number, seed: number, log: (m: string) => void = () => undefined): GenerateResult {
  const t0 = process.hrtime.bigint();
  verifyAgainstService(seed);
  const clock = { now: () => new Date(`${DATASET_START}T07:00:00.000Z`) };
  const opened = openDatabase(dataDir, clock);
  const db = opened.db;
  // Bulk-load settings for this connection only; the file itself keeps the app's (WAL, and so on).
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = MEMORY');
  const insert = db.prepare(INSERT_SESSION);
  const insOp = db.prepare('INSERT INTO session_operators (operator, date, seq) VALUES (?, ?, ?)');
  const insTopic = db.prepare('INSERT INTO session_topics (topic, date, seq) VALUES (?, ?, ?)');
  const BATCH = 50_000;
  let batch: GeneratedSession[] = [];
  let seq = 0;
  const flush = db.transaction((rows: GeneratedSession[]) => {
    for (const g of rows) {
      seq++;
      const c = sessionColumns(g.data);
      insert.run(seq, g.id, c.kind, c.date, c.start_time, c.duration_min, c.outcome, c.follow_up_due, g.followUpClosedAt, c.topics,
        c.operators, c.procedure_name, c.workshop_title, c.participants, c.data, c.notes, c.taxonomy_version, g.createdAt, g.updatedAt, g.deletedAt);
      for (const op of g.data.operators) insOp.run(op, g.data.date, seq);
      for (const t of g.data.topics) insTopic.run(t, g.data.date, seq);
    }
  });
  for (const g of generateSessions(count, seed)) {
    batch.push(g);
    if (batch.length === BATCH) {
      flush(batch);
      batch = [];
      if (seq % 200_000 === 0) log(`  … ${seq.toLocaleString('en')} sessions`);
    }
  }
  if (batch.length) flush(batch);
  db.pragma('synchronous = NORMAL');
  opened.close(); // checkpoints the WAL into the file and removes the "running" marker: a clean shutdown
  return { path: join(dataDir, DB_FILE), seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

// ---------------------------------------------------------------------------------------------------------------
// The cache: bench/.data/ds-<count>-<seed>-<hash>/, the hash covering the schema and this generator.

export function schemaChecksum(): string {
  return checksum(MIGRATIONS.map((m) => `${m.version}:${checksum(m.sql)}`).join('\n'));
}

function cacheKey(count: number, seed: number): string {
  const source = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  const h = createHash('sha256').update(schemaChecksum()).update('\n').update(source).digest('hex').slice(0, 12);
  return `ds-${count}-${seed}-${h}`;
}

/** The cached database directory for (count, seed, schema, generator), generated on first use. */
export function datasetDir(count: number, seed: number, log: (m: string) => void = () => undefined): { dir: string; generatedSeconds: number | null } {
  mkdirSync(CACHE_DIR, { recursive: true });
  const key = cacheKey(count, seed);
  const dir = join(CACHE_DIR, key);
  if (existsSync(join(dir, DB_FILE))) return { dir, generatedSeconds: null };
  // Older datasets for the same count and seed (another schema or generator) are stale: drop them.
  for (const name of readdirSync(CACHE_DIR)) {
    if (name.startsWith(`ds-${count}-${seed}-`) || name.startsWith(`tmp-${count}-${seed}-`)) rmSync(join(CACHE_DIR, name), { recursive: true, force: true });
  }
  const tmp = join(CACHE_DIR, `tmp-${count}-${seed}-${process.pid}`);
  log(`generating ${count.toLocaleString('en')} sessions (seed ${seed}) into ${key} …`);
  const r = generateDatabase(tmp, count, seed, log);
  renameSync(tmp, dir);
  log(`  done in ${r.seconds.toFixed(1)} s, ${(statSync(join(dir, DB_FILE)).size / 1e6).toFixed(0)} MB`);
  return { dir, generatedSeconds: r.seconds };
}
