// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultPeriod, lastClosed, periodAround, shiftPeriod } from '../../../shared/coordinator/periods';
import type { CoordinatorStatus, CoordinatorSummary } from '../../../shared/coordinator/schema';
import { emptyConsolidated } from '../../../shared/sync/consolidate';
import { initI18n } from '../../i18n';
import { today } from '../../lib/format';
import { callsOf, installFakeApi } from '../../test-kit';
import { ConnectedView } from './ConnectedView';
import { coordinator } from './index';

// The period picker against a fake core: a weekly hub offers weeks and asks for ranges of ISO weeks; a monthly hub
// offers no week. Expected ranges come from shared/coordinator/periods.ts (tested on its own) and today's date.

beforeAll(() => initI18n('fr', [coordinator]));
afterEach(cleanup);

const status = (granularity: 'month' | 'week'): CoordinatorStatus => ({
  connection: { hubUrl: 'https://hub.example.fr', scopeName: 'Rhône', connectedAt: '', granularity },
  proxy: null,
});

const summaryOf =
  (granularity: 'month' | 'week') =>
  ({ from, to }: { from: string; to: string }): CoordinatorSummary => ({
    scope: { id: '0f0e0d0c-0b0a-4098-8765-43210fedcba9', name: 'Rhône', kind: 'departement', codes: ['69'] },
    from,
    to,
    disclosure: { k: 5, granularity },
    sites: [],
    total: emptyConsolidated(),
  });

describe('the coordinator’s period picker', () => {
  it('on a weekly hub: weeks, and a quarter is a range of ISO weeks; « Suivante » stops at the last closed week', async () => {
    const api = installFakeApi({ 'coordinator.summary': summaryOf('week') });
    render(<ConnectedView status={status('week')} onDisconnect={() => {}} />);
    const first = defaultPeriod('week', today());
    await waitFor(() => expect(callsOf(api, 'coordinator.summary')).toEqual([{ from: first.from, to: first.to }]));
    expect(screen.getByRole('button', { name: 'Semaine' })).toBeTruthy();
    expect((screen.getByLabelText(/De la semaine/) as HTMLInputElement).type).toBe('week');

    await userEvent.click(screen.getByRole('button', { name: 'Semaine' }));
    const closed = lastClosed('week', today());
    const week = periodAround('week', first.to > closed ? closed : first.to);
    expect(week.from).toBe(closed);
    await waitFor(() => expect(callsOf(api, 'coordinator.summary').at(-1)).toEqual({ from: week.from, to: week.to }));
    expect(week.from).toMatch(/^\d{4}-W\d{2}$/);

    await userEvent.click(screen.getByRole('button', { name: 'Trimestre' }));
    const quarter = periodAround('quarter', week.to);
    await waitFor(() =>
      expect(callsOf(api, 'coordinator.summary').at(-1)).toEqual({ from: quarter.from, to: quarter.to }),
    );
    expect(screen.getByRole('button', { name: 'Trimestre' }).getAttribute('aria-pressed')).toBe('true');
    const next = screen.getByRole('button', { name: /Suivante/ }) as HTMLButtonElement;
    expect(next.disabled).toBe(shiftPeriod(quarter, 1).from > lastClosed('week', today()));
  });

  it('on a monthly hub: no week; the custom range is typed in months and a reversed one is refused in words', async () => {
    const api = installFakeApi({ 'coordinator.summary': summaryOf('month') });
    render(<ConnectedView status={status('month')} onDisconnect={() => {}} />);
    await waitFor(() => expect(callsOf(api, 'coordinator.summary')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Semaine' })).toBeNull();
    const from = screen.getByLabelText(/Du mois/) as HTMLInputElement;
    expect(from.type).toBe('month');
    await userEvent.click(screen.getByRole('button', { name: 'Année' }));
    const year = periodAround('year', defaultPeriod('month', today()).to);
    await waitFor(() => expect(callsOf(api, 'coordinator.summary').at(-1)).toEqual({ from: year.from, to: year.to }));
    await userEvent.click(screen.getByRole('button', { name: /Précédente/ }));
    const before = shiftPeriod(year, -1);
    await waitFor(() =>
      expect(callsOf(api, 'coordinator.summary').at(-1)).toEqual({ from: before.from, to: before.to }),
    );
    const to = screen.getByLabelText(/Au mois/) as HTMLInputElement;
    await userEvent.clear(to);
    await userEvent.type(to, '1999-01');
    expect(await screen.findByText('Le mois de fin doit venir après le mois de début.')).toBeTruthy();
  });
});
