import type { Clock } from '../shared/ids';
import { addSnapshot, emptyConsolidated } from '../shared/sync/consolidate';
import { ACTIVITY_DIMENSIONS, POPULATION_DIMENSIONS } from '../shared/sync/dimensions';
import type { Snapshot } from '../shared/sync/snapshot';
import type { HubDb } from './db/database';
import { readDisclosure } from './settings';

// Open data ("l'État plateforme"): the consolidated figures of each closed period, per département, as CSV with a
// Table Schema. Activity counts are exact; a population figure is published only when every site released its cell
// and the sum reaches k, so nothing below the disclosure threshold ever appears here.

export const OPEN_DATA_COLUMNS = ['periode', 'departement', 'tableau', 'cle', 'valeur', 'sites'] as const;

export const TABLE_SCHEMA = {
  $schema: 'https://specs.frictionlessdata.io/schemas/table-schema.json',
  name: 'mediane-activite-mediation',
  title: 'Activité consolidée des lieux de médiation (Médiane)',
  description:
    'Nombre d’accompagnements et de personnes aidées par période et par département, agrégés depuis les instantanés anonymisés des lieux. Les effectifs de personnes inférieurs au seuil de diffusion ne sont jamais publiés.',
  fields: [
    { name: 'periode', type: 'string', title: 'Période', description: 'Mois (AAAA-MM) ou semaine ISO (AAAA-Wss)' },
    { name: 'departement', type: 'string', title: 'Département', description: 'Code officiel du département' },
    {
      name: 'tableau',
      type: 'string',
      title: 'Tableau',
      description: 'totaux, ou la dimension (operators, topics, age, gender…)',
      constraints: { enum: ['totaux', ...ACTIVITY_DIMENSIONS, ...POPULATION_DIMENSIONS] },
    },
    {
      name: 'cle',
      type: 'string',
      title: 'Clé',
      description: 'Clé de la nomenclature nationale, ou code géographique',
    },
    { name: 'valeur', type: 'integer', title: 'Valeur', constraints: { minimum: 0 } },
    {
      name: 'sites',
      type: 'integer',
      title: 'Lieux',
      description: 'Nombre de lieux ayant contribué',
      constraints: { minimum: 1 },
    },
  ],
  primaryKey: ['periode', 'departement', 'tableau', 'cle'],
} as const;

function periodEnded(key: string, now: Date): boolean {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return Date.UTC(Number(month[1]), Number(month[2]), 1) <= now.getTime();
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!week) return false;
  // ISO week: the week with the year's first Thursday is week 1.
  const jan4 = new Date(Date.UTC(Number(week[1]), 0, 4));
  const monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  return monday + Number(week[2]) * 7 * 86_400_000 <= now.getTime();
}

function csvField(value: string | number): string {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function createOpenData(db: HubDb, clock: Clock) {
  return {
    /** The periods published: those that have ended and hold at least one snapshot. */
    async periods(): Promise<string[]> {
      const rows = await db.selectFrom('snapshots').select('period_key').distinct().orderBy('period_key').execute();
      const now = clock.now();
      return rows.map((r) => r.period_key).filter((p) => periodEnded(p, now));
    },

    /** One period's CSV (UTF-8, comma-separated, RFC 4180), or null when the period is not published. */
    async csv(period: string): Promise<string | null> {
      if (!periodEnded(period, clock.now())) return null;
      const { k } = await readDisclosure(db);
      const rows = await db
        .selectFrom('snapshots')
        .innerJoin('sites', 'sites.id', 'snapshots.site_id')
        .select(['sites.departement', 'snapshots.site_id', 'snapshots.body'])
        .where('period_key', '=', period)
        .execute();
      if (rows.length === 0) return null;
      const byDepartement = new Map<string, { sites: Set<string>; figures: ReturnType<typeof emptyConsolidated> }>();
      for (const row of rows) {
        const entry = byDepartement.get(row.departement) ?? { sites: new Set(), figures: emptyConsolidated() };
        entry.sites.add(row.site_id);
        addSnapshot(entry.figures, JSON.parse(row.body) as Snapshot);
        byDepartement.set(row.departement, entry);
      }
      const lines = [OPEN_DATA_COLUMNS.join(',')];
      const push = (dep: string, table: string, key: string, value: number, sites: number) =>
        lines.push([period, dep, table, key, value, sites].map(csvField).join(','));
      for (const [dep, { sites, figures }] of [...byDepartement].sort(([a], [b]) => a.localeCompare(b))) {
        for (const [key, value] of Object.entries(figures.totals)) {
          // People counted in totals are population figures too: below k they stay unpublished.
          if ((key === 'peopleHelped' || key === 'workshopParticipants') && value < k) continue;
          push(dep, 'totaux', key, value, sites.size);
        }
        for (const dimension of ACTIVITY_DIMENSIONS)
          for (const [key, value] of Object.entries(figures.activity[dimension] ?? {}).sort())
            push(dep, dimension, key, value, sites.size);
        for (const dimension of POPULATION_DIMENSIONS)
          for (const [key, cell] of Object.entries(figures.population[dimension] ?? {}).sort())
            if (cell.suppressedIn === 0 && cell.n >= k) push(dep, dimension, key, cell.n, sites.size);
      }
      return `${lines.join('\r\n')}\r\n`;
    },
  };
}

export type HubOpenData = ReturnType<typeof createOpenData>;
