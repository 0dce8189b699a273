import { describe, expect, it } from 'vitest';
import type { CoordinatorSummary } from '../../../shared/coordinator/schema';
import { ACTIVITY_DIMENSIONS, POPULATION_DIMENSIONS } from '../../../shared/sync/dimensions';
import { summaryCsv, type CsvTexts } from './csv';

const totals = {
  sessions: 7,
  individualSessions: 7,
  workshops: 0,
  workshopParticipants: 0,
  peopleHelped: 7,
  totalMinutes: 210,
};
const summary: CoordinatorSummary = {
  scope: { id: '00000000-0000-4000-8000-00000000c00d', name: 'Hérault', kind: 'departement', codes: ['34'] },
  from: '2026-11',
  to: '2026-11',
  sites: [
    {
      id: '00000000-0000-4000-8000-000000005173',
      name: '=Lunel; "centre"',
      departement: '34',
      epci: null,
      totals: { ...totals, snapshots: 1 },
    },
  ],
  total: {
    snapshots: 1,
    totals,
    activity: { ...Object.fromEntries(ACTIVITY_DIMENSIONS.map((d) => [d, {}])), kind: { individuel: 7 } } as never,
    population: {
      ...Object.fromEntries(POPULATION_DIMENSIONS.map((d) => [d, {}])),
      gender: { feminin: { n: 6, suppressedIn: 0 }, masculin: { n: 0, suppressedIn: 1 } },
    } as never,
  },
};
const texts: CsvTexts = {
  headers: { section: 'Tableau', key: 'Code', label: 'Libellé', count: 'Nombre', suppressedIn: 'Masqué dans' },
  sitesSection: 'Lieux',
  totals: {
    sessions: 'Séances',
    individualSessions: 'Individuels',
    workshops: 'Ateliers',
    workshopParticipants: 'Participants',
    peopleHelped: 'Personnes',
    totalMinutes: 'Minutes',
  },
  dimension: (d) => d.toUpperCase(),
  keyLabel: (_d, k) => `<${k}>`,
};

describe('the scope’s CSV', () => {
  it('holds every site total and every table of the scope, with the held-back counts', () => {
    const lines = summaryCsv(summary, texts).replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('Tableau;Code;Libellé;Nombre;Masqué dans');
    expect(lines).toContain('Séances;sessions;Séances;7;');
    expect(lines).toContain('KIND;individuel;<individuel>;7;');
    expect(lines).toContain('GENDER;feminin;<feminin>;6;0');
    expect(lines).toContain('GENDER;masculin;<masculin>;0;1');
    expect(lines.filter((l) => l.startsWith('Lieux;'))).toHaveLength(6);
  });

  it('quotes separators and neutralises a leading formula character', () => {
    const csv = summaryCsv(summary, texts);
    expect(csv).toContain(`"'=Lunel; ""centre"" : Séances"`);
    expect(csv.startsWith('\uFEFF')).toBe(true);
  });
});
