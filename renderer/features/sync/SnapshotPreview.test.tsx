// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSnapshot, type RawDiagnosis, type RawSnapshot } from '../../../shared/sync/disclosure';
import { initAppI18n } from '../../app/features';
import { SnapshotPreview } from './SnapshotPreview';

// The preview shows the diagnostics section exactly as it leaves (groups, counts, sums), or says nothing leaves.

const empty = {};
function raw(diagnostics: RawDiagnosis[]): RawSnapshot {
  return {
    deskId: '6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5',
    period: { granularity: 'month', key: '2026-11' },
    version: 1,
    totals: {
      sessions: 0,
      individualSessions: 0,
      workshops: 0,
      workshopParticipants: 0,
      peopleHelped: 0,
      totalMinutes: 0,
    },
    activity: {
      kind: empty,
      topics: empty,
      adminTopics: empty,
      outcomes: empty,
      orientation: empty,
      channels: empty,
      durationRanges: empty,
      autonomy: empty,
      equipment: empty,
      operators: empty,
    },
    population: { age: empty, gender: empty, status: empty, firstVisit: empty, area: empty },
    diagnostics,
  };
}
const bakery = (overall: number): RawDiagnosis => ({
  nafSection: 'C',
  sizeBand: '1-9',
  departement: '69',
  overall,
  dimensions: { strategie: 40 },
});

function show(diagnostics: RawDiagnosis[]) {
  const { snapshot } = buildSnapshot(raw(diagnostics), 5);
  render(<SnapshotPreview preview={{ key: 'k', state: 'pending', hash: 'h', snapshot, suppressions: [], bytes: 1 }} />);
}

beforeAll(() => {
  initAppI18n('fr');
});
beforeEach(async () => {
  await i18next.changeLanguage('fr');
});
afterEach(cleanup);

describe('SnapshotPreview, diagnostics', () => {
  it('lists each group sent with its count and sums', () => {
    show(Array.from({ length: 10 }, (_, i) => bakery(50 + i)));
    const table = screen.getByRole('table', { name: 'Diagnostics envoyés, par groupe d’entreprises' });
    const row = within(table).getByRole('row', { name: /Section C, 1-9 salariés, département 69/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['10', '545', 'strategie : 400 (sur 10)']);
  });

  it('says nothing about diagnoses leaves when no group reaches 10', () => {
    show(Array.from({ length: 9 }, () => bakery(50)));
    expect(screen.getByText(/Aucun groupe d’au moins 10 diagnostics/)).toBeTruthy();
  });
});
