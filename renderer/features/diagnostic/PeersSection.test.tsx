// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../shared/diagnostic/contract';
import { QUESTIONNAIRES } from '../../../shared/diagnostic/questionnaires';
import { scoreDiagnosis } from '../../../shared/diagnostic/scoring';
import type { PeerBenchmarks } from '../../../shared/sync/api';
import type { PeerComparison } from '../../../shared/sync/desk-schema';
import { initAppI18n } from '../../app/features';
import { installFakeApi, renderWithStatus } from '../../test-kit';
import { PeersSection } from './PeersSection';

// The comparison with similar businesses on the results screen and in the printed report, for each state the core
// answers: fresh figures, the last ones fetched (offline), none yet, no hub, and not enough comparable businesses.

const q = QUESTIONNAIRES.v1!;
const results = scoreDiagnosis(q, {
  sizeBand: '1-9',
  vatStatus: 'redevable',
  customerMix: 'mixte',
  answers: { d4_sauvegarde: 1, d1_ventes: 2 },
  asOf: '2026-12-07',
});
const ID = '00000000-0000-4000-8000-000000000001';
const diagnosis: Diagnosis = {
  id: ID,
  mode: 'mediateur',
  questionnaireVersion: 'v1',
  business: {
    name: 'Boulangerie des Pentes',
    naf: '10.71C',
    nafLabel: 'Boulangerie et boulangerie-pâtisserie',
    nafSection: 'C',
    sizeBand: '1-9',
    departement: '69',
    vatStatus: 'redevable',
    customerMix: 'mixte',
    siret: '',
  },
  answers: {},
  status: 'termine',
  previousId: null,
  startedAt: '2026-12-07T09:00:00.000Z',
  updatedAt: '2026-12-07T09:30:00.000Z',
  completedAt: '2026-12-07T09:30:00.000Z',
  journalSessionId: null,
};
const first = q.dimensions[0]!.id;
const BENCHMARKS: PeerBenchmarks = {
  nafSection: 'C',
  sizeBand: '1-9',
  departement: '69',
  from: '2025-12',
  to: '2026-11',
  computedAt: '2026-12-07T08:00:00.000Z',
  thresholds: { diagnoses: 10, desks: 3 },
  national: { diagnoses: 120, desks: 9, overall: 47.5, dimensions: [{ id: first, mean: 41.2, diagnoses: 118 }] },
  departemental: { diagnoses: 31, desks: 3, overall: 52.3, dimensions: [] },
};

function show(comparison: PeerComparison, printed = false) {
  installFakeApi({ 'diagnostic.peers': () => comparison });
  return renderWithStatus(<PeersSection questionnaire={q} diagnosis={diagnosis} results={results} printed={printed} />);
}

beforeAll(() => {
  initAppI18n('fr');
});
beforeEach(async () => {
  await i18next.changeLanguage('fr');
});
afterEach(() => {
  cleanup();
  delete window.mediane;
});

describe('PeersSection', () => {
  it('shows the business’s scores beside the département and national means, in a table beside the chart', async () => {
    show({ state: 'fresh', fetchedAt: '2026-12-07T09:00:00.000Z', benchmarks: BENCHMARKS });
    const table = await screen.findByRole('table', { name: /Votre score et la moyenne des entreprises comparables/ });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Comparaison avec des entreprises comparables');
    expect(screen.getByText(/Chiffres du réseau reçus le 7 décembre 2026/)).toBeTruthy();
    expect(screen.getByText(/de décembre 2025 à novembre 2026/)).toBeTruthy();
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Thème', 'Votre score', 'Moyenne du département 69', 'Moyenne nationale']);
    const firstRow = within(table).getAllByRole('row')[1]!;
    const cells = within(firstRow)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual([String(results.dimensions[0]!.score ?? '–'), '–', '41,2']);
    const overall = within(table).getByRole('row', { name: /Score global/ });
    expect(
      within(overall)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([String(results.overall.score), '52,3', '47,5']);
    expect(await screen.findByRole('img', { name: /Graphique radar/ })).toBeTruthy();
  });

  it('offline: the last figures fetched, with their date; or a plain sentence when there are none', async () => {
    show({ state: 'cached', fetchedAt: '2026-11-02T09:00:00.000Z', benchmarks: BENCHMARKS });
    expect(await screen.findByText(/reçus le 2 novembre 2026 : le serveur du réseau ne répond pas/)).toBeTruthy();
    expect(screen.getByRole('table')).toBeTruthy();
    cleanup();
    show({ state: 'unavailable', fetchedAt: null, benchmarks: null });
    expect(await screen.findByText(/a besoin du serveur statistique du réseau, qui ne répond pas/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    cleanup();
    show({ state: 'not_enrolled', fetchedAt: null, benchmarks: null });
    expect(await screen.findByText(/ce poste n’y est pas relié/)).toBeTruthy();
  });

  it('says when there are not enough comparable businesses yet, and in English too', async () => {
    const none = { ...BENCHMARKS, national: null, departemental: null };
    show({ state: 'fresh', fetchedAt: '2026-12-07T09:00:00.000Z', benchmarks: none });
    expect(await screen.findByText(/Pas encore assez d’entreprises comparables.*10 diagnostics.*3 lieux/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    cleanup();
    show({ state: 'fresh', fetchedAt: '2026-12-07T09:00:00.000Z', benchmarks: { ...BENCHMARKS, departemental: null } });
    await screen.findByRole('table');
    await act(() => i18next.changeLanguage('en'));
    expect(screen.getByRole('heading', { name: 'Comparison with similar businesses' })).toBeTruthy();
    expect(screen.getByText(/Not enough similar businesses in département 69 yet/)).toBeTruthy();
  });

  it('prints the table without the chart, and leaves the section out of the report when there are no figures', async () => {
    show({ state: 'fresh', fetchedAt: '2026-12-07T09:00:00.000Z', benchmarks: BENCHMARKS }, true);
    expect(await screen.findByRole('table')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    cleanup();
    const { container } = show({ state: 'unavailable', fetchedAt: null, benchmarks: null }, true);
    await new Promise((r) => setTimeout(r, 50));
    expect(container.querySelector('section')).toBeNull();
  });
});
