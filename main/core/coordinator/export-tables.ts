import {
  ADMIN_TOPIC_LABELS,
  AGE_LABELS,
  AUTONOMY_LABELS,
  CHANNEL_LABELS,
  EQUIPMENT_LABELS,
  GENDER_LABELS,
  KIND_LABELS,
  OPERATOR_LABELS,
  ORIENTATION_LABELS,
  OUTCOME_LABELS,
  STATUS_LABELS,
  TOPIC_LABELS,
} from '../../../shared/exports/national-labels';
import type { CoordinatorSummary } from '../../../shared/coordinator/schema';
import { periodDays } from '../../../shared/coordinator/periods';
import { ACTIVITY_DIMENSIONS, DEFAULT_K, POPULATION_DIMENSIONS } from '../../../shared/sync/dimensions';
import { TAXONOMY_VERSION } from '../../../shared/taxonomy';

// The coordinator's consolidated tables as a spreadsheet: the same shape and information block as the statistics'
// aggregated export (French labels, one table a sheet), written through the exports writers the composition root
// injects (this feature does not import the exports feature). A population cell a site held back is written
// « secret statistique », never 0: the released counts are summed, the held-back ones are said, not guessed.

/** The part of the exports' sheet writer this file needs (main/core/exports/sheet-writer.ts). */
export interface TableWriter {
  sheet(name: string): void;
  text(cells: readonly string[]): void;
  columns(types: ReadonlyArray<'text' | 'number' | 'date'>): void;
  row(cells: ReadonlyArray<string | number | null>): void;
  drain(): Promise<void>;
  finish(): Promise<number>;
  abort(): Promise<void>;
}

export const SECRET = 'secret statistique';

const TOTAL_LABELS = {
  sessions: 'Séances',
  peopleHelped: 'Personnes accompagnées',
  individualSessions: 'Accompagnements individuels',
  workshops: 'Ateliers collectifs',
  workshopParticipants: 'Participants aux ateliers',
  totalMinutes: 'Temps total (minutes)',
} as const;
const TOTAL_KEYS = Object.keys(TOTAL_LABELS) as Array<keyof typeof TOTAL_LABELS>;

export const DIMENSION_TITLES: Record<string, string> = {
  kind: 'Types de séance',
  topics: 'Thématiques',
  adminTopics: 'Thématiques administratives',
  outcomes: 'Issues des démarches',
  orientation: 'Orientations',
  channels: 'Canaux',
  durationRanges: 'Durées',
  autonomy: 'Autonomie',
  equipment: 'Matériel',
  operators: 'Opérateurs',
  age: 'Tranches d’âge',
  gender: 'Genre',
  status: 'Statut',
  firstVisit: 'Première visite',
  area: 'Lieux de résidence',
};

const KEY_LABELS: Record<string, Record<string, string>> = {
  kind: KIND_LABELS,
  topics: TOPIC_LABELS,
  adminTopics: ADMIN_TOPIC_LABELS,
  outcomes: OUTCOME_LABELS,
  orientation: ORIENTATION_LABELS,
  channels: CHANNEL_LABELS,
  durationRanges: {
    moins_30: 'Moins de 30 min',
    de_30_a_60: '30 min à 1 h',
    de_60_a_120: '1 h à 2 h',
    plus_120: '2 h et plus',
  },
  autonomy: AUTONOMY_LABELS,
  equipment: EQUIPMENT_LABELS,
  operators: OPERATOR_LABELS,
  age: AGE_LABELS,
  gender: GENDER_LABELS,
  status: STATUS_LABELS,
  firstVisit: { premiere_visite: 'Première visite', deja_venu: 'Déjà venu' },
};

export function keyLabel(dimension: string, key: string): string {
  if (dimension === 'area') {
    if (key === 'non_communique') return 'Non communiqué';
    return /^\d{9}$/.test(key) ? `EPCI ${key}` : `Commune ${key}`;
  }
  return KEY_LABELS[dimension]?.[key] ?? key;
}

const frenchDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const FRENCH_INSTANT = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'short',
  timeStyle: 'short',
});
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
/** Sites named in the block up to this many; beyond, the « Lieux » sheet lists them. */
const NAMED_SITES = 30;

/** What every file starts with: what it is, which scope and sites, which period, when, which taxonomy, the rule. */
export function coordinatorInformationBlock(s: CoordinatorSummary, hubUrl: string, exportedAt: Date): string[][] {
  const days = periodDays(s);
  const k = s.disclosure?.k ?? DEFAULT_K;
  const names = s.sites.map((x) => x.name);
  const sites =
    names.length <= NAMED_SITES
      ? `${names.length} : ${names.join(', ')}`
      : `${names.length} (liste dans la feuille « Lieux »)`;
  return [
    ['Médiane : statistiques consolidées de coordination'],
    ['Périmètre', s.scope.name],
    ['Lieux', sites],
    ['Période', `du ${frenchDate(days.from)} au ${frenchDate(days.to)} (${s.from} à ${s.to})`],
    ['Source', `hub ${hubUrl}`],
    ['Date de l’export', FRENCH_INSTANT.format(exportedAt)],
    ['Version de la taxonomie', TAXONOMY_VERSION],
    [
      'Secret statistique',
      `Chaque lieu masque avant l’envoi les effectifs de personnes inférieurs à ${k} : ces cases sont notées « ${SECRET} » (et non 0), et le total d’une ligne ne compte que les effectifs publiés. La colonne « Secret statistique » dit dans combien de relevés (un lieu, une période) l’effectif a été masqué.`,
    ],
    [''],
  ];
}

export interface Progress {
  signal: AbortSignal;
  progress(done: number, total: number | null): void;
}

/** Writes every table; the caller owns the writer (finish / abort) and the `.part` file. Returns the data rows. */
export async function writeCoordinatorTables(
  writer: TableWriter,
  s: CoordinatorSummary,
  o: { hubUrl: string; exportedAt: Date },
  p: Progress,
): Promise<number> {
  const steps = 2 + ACTIVITY_DIMENSIONS.length + POPULATION_DIMENSIONS.length;
  let step = 0;
  let rows = 0;
  const next = async () => {
    if (p.signal.aborted) throw new Error('cancelled');
    await writer.drain();
    p.progress(++step, steps);
  };

  writer.sheet('Chiffres clés');
  for (const line of coordinatorInformationBlock(s, o.hubUrl, o.exportedAt)) writer.text(line);
  writer.text(['Indicateur', 'Valeur']);
  writer.columns(['text', 'number']);
  for (const key of TOTAL_KEYS) {
    writer.row([TOTAL_LABELS[key], s.total.totals[key]]);
    rows++;
  }
  writer.row(['Relevés reçus (un lieu, une période)', s.total.snapshots]);
  rows++;
  await next();

  writer.sheet('Lieux');
  writer.text(['Lieu', 'Département', 'EPCI', ...TOTAL_KEYS.map((k) => TOTAL_LABELS[k]), 'Relevés reçus']);
  writer.columns(['text', 'text', 'text', ...TOTAL_KEYS.map(() => 'number' as const), 'number']);
  const sum = Object.fromEntries([...TOTAL_KEYS, 'snapshots'].map((k) => [k, 0])) as Record<string, number>;
  for (const site of s.sites) {
    writer.row([
      site.name,
      site.departement,
      site.epci ?? '',
      ...TOTAL_KEYS.map((k) => site.totals[k]),
      site.totals.snapshots,
    ]);
    for (const k of [...TOTAL_KEYS, 'snapshots'] as const) sum[k]! += site.totals[k];
    rows++;
  }
  writer.row(['Total du périmètre', '', '', ...TOTAL_KEYS.map((k) => sum[k]!), sum.snapshots!]);
  rows++;
  await next();

  for (const dim of ACTIVITY_DIMENSIONS) {
    const title = DIMENSION_TITLES[dim] ?? dim;
    const entries = Object.entries(s.total.activity[dim] ?? {})
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]);
    const whole = entries.reduce((a, [, n]) => a + n, 0);
    writer.sheet(title);
    writer.text([title, `Part calculée sur ${whole} séances`]);
    writer.text(['Libellé', 'Code', 'Nombre', 'Part (%)']);
    writer.columns(['text', 'text', 'number', 'number']);
    for (const [key, n] of entries) {
      writer.row([keyLabel(dim, key), key, n, percent(n, whole)]);
      rows++;
    }
    await next();
  }

  for (const dim of POPULATION_DIMENSIONS) {
    const title = DIMENSION_TITLES[dim] ?? dim;
    const entries = Object.entries(s.total.population[dim] ?? {})
      .filter(([, c]) => c.n > 0 || c.suppressedIn > 0)
      .sort((a, b) => b[1].n - a[1].n);
    const whole = entries.reduce((a, [, c]) => a + c.n, 0);
    writer.sheet(title);
    writer.text([title, `Part calculée sur ${whole} personnes (effectifs publiés)`]);
    writer.text(['Libellé', 'Code', 'Nombre', 'Part (%)', 'Secret statistique']);
    writer.columns(['text', 'text', 'number', 'number', 'text']);
    for (const [key, c] of entries) {
      const hidden =
        c.suppressedIn > 0 ? `${SECRET} dans ${c.suppressedIn} relevé${c.suppressedIn > 1 ? 's' : ''}` : '';
      // Nothing released at all: the count is not known, so it is not written as one.
      const count = c.n === 0 ? SECRET : c.n;
      writer.row([keyLabel(dim, key), key, count, c.n === 0 ? null : percent(c.n, whole), hidden]);
      rows++;
    }
    await next();
  }
  return rows;
}
