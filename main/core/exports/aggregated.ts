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
import type { ExportScope } from '../../../shared/exports/schema';
import type { SiteProfile } from '../../../shared/site/schema';
import { informationBlock, type Progress } from './export-file';
import type { SheetWriter } from './sheet-writer';

// The aggregated export: every table of the dashboard, as the statistics' query layer computes it (the same call the
// dashboard makes, so a file and the screen can never disagree). Labels are French, as in the session export.

/** The part of the statistics' dashboard this export reads (see shared/stats/schema.ts on the stats branch). */
export interface DashboardTables {
  keyFigures: Record<string, number | null>;
  breakdowns: ReadonlyArray<{
    dimension: string;
    base: string;
    baseCount: number;
    rows: ReadonlyArray<{ key: string; name: string | null; count: number; share: number }>;
  }>;
  trend: ReadonlyArray<{
    month: string;
    sessions: number;
    peopleHelped: number;
    previousSessions: number;
    previousPeopleHelped: number;
  }>;
}

export const KEY_FIGURE_LABELS: Record<string, string> = {
  sessions: 'Séances',
  peopleHelped: 'Personnes accompagnées',
  firstVisits: 'Premières visites',
  individualSessions: 'Accompagnements individuels',
  workshops: 'Ateliers collectifs',
  participants: 'Participants aux ateliers',
  minutes: 'Temps total (minutes)',
  adminHelpSessions: 'Séances d’aide aux démarches administratives',
  adminHelpShare: 'Part de l’aide administrative (%)',
  followUpsOpen: 'Relances ouvertes',
  followUpsOverdue: 'Relances en retard',
  guidesUsed: 'Séances avec un guide',
};

export const DIMENSION_LABELS: Record<string, string> = {
  operator: 'Opérateurs',
  topic: 'Thématiques',
  adminTopic: 'Thématiques administratives',
  outcome: 'Issues des démarches',
  orientation: 'Orientations',
  channel: 'Canaux',
  duration: 'Durées',
  autonomy: 'Autonomie',
  equipment: 'Matériel',
  ageBracket: 'Tranches d’âge',
  gender: 'Genre',
  status: 'Statut',
  commune: 'Communes de résidence',
  epci: 'EPCI de résidence',
  departement: 'Départements de résidence',
  guide: 'Guides utilisés',
};

const BASE_LABELS: Record<string, string> = {
  sessions: 'séances',
  individualSessions: 'accompagnements individuels',
  adminHelpSessions: 'séances d’aide administrative',
  people: 'personnes',
};

const DURATION_LABELS: Record<string, string> = {
  moins_30_min: 'Moins de 30 min',
  de_30_min_a_1_h: '30 min à 1 h',
  de_1_h_a_2_h: '1 h à 2 h',
  plus_de_2_h: '2 h et plus',
};

const KEY_LABELS: Record<string, Record<string, string>> = {
  operator: OPERATOR_LABELS,
  topic: TOPIC_LABELS,
  adminTopic: ADMIN_TOPIC_LABELS,
  outcome: OUTCOME_LABELS,
  orientation: ORIENTATION_LABELS,
  channel: CHANNEL_LABELS,
  duration: DURATION_LABELS,
  autonomy: AUTONOMY_LABELS,
  equipment: EQUIPMENT_LABELS,
  ageBracket: AGE_LABELS,
  gender: GENDER_LABELS,
  status: STATUS_LABELS,
  kind: KIND_LABELS,
};
const NOT_GIVEN_LABEL = 'Non renseigné';

export function rowLabel(dimension: string, key: string, name: string | null): string {
  if (name) return `${name} (${key})`;
  if (key === 'non_renseigne') return NOT_GIVEN_LABEL;
  return KEY_LABELS[dimension]?.[key] ?? key;
}

const percent = (share: number) => Math.round(share * 1000) / 10;

/** Writes every table; the caller owns the writer (finish / abort) and the `.part` file. */
export async function writeAggregated(
  writer: SheetWriter,
  dashboard: DashboardTables,
  o: { scope: ExportScope; site: SiteProfile | null; exportedAt: Date },
  p: Progress,
): Promise<number> {
  let rows = 0;
  const total = dashboard.breakdowns.length + 2;
  writer.sheet('Chiffres clés');
  for (const line of informationBlock('Médiane : statistiques agrégées', o.scope, o.site, o.exportedAt))
    writer.text(line);
  writer.text(['Indicateur', 'Valeur']);
  writer.columns(['text', 'number']);
  for (const [key, value] of Object.entries(dashboard.keyFigures)) {
    if (value === null || !(key in KEY_FIGURE_LABELS)) continue;
    writer.row([KEY_FIGURE_LABELS[key]!, key === 'adminHelpShare' ? percent(value) : value]);
    rows++;
  }
  p.progress(1, total);
  for (const [i, b] of dashboard.breakdowns.entries()) {
    if (p.signal.aborted) throw new Error('cancelled');
    const title = DIMENSION_LABELS[b.dimension] ?? b.dimension;
    writer.sheet(title);
    writer.text([title, `Part calculée sur ${b.baseCount} ${BASE_LABELS[b.base] ?? b.base}`]);
    writer.text(['Libellé', 'Nombre', 'Part (%)']);
    writer.columns(['text', 'number', 'number']);
    for (const r of b.rows) {
      writer.row([rowLabel(b.dimension, r.key, r.name), r.count, percent(r.share)]);
      rows++;
    }
    await writer.drain();
    p.progress(i + 2, total);
  }
  writer.sheet('Évolution mensuelle');
  writer.text(['Mois', 'Séances', 'Personnes accompagnées', 'Séances un an plus tôt', 'Personnes un an plus tôt']);
  writer.columns(['text', 'number', 'number', 'number', 'number']);
  for (const m of dashboard.trend) {
    writer.row([
      `${m.month.slice(5, 7)}/${m.month.slice(0, 4)}`,
      m.sessions,
      m.peopleHelped,
      m.previousSessions,
      m.previousPeopleHelped,
    ]);
    rows++;
  }
  p.progress(total, total);
  return rows;
}
