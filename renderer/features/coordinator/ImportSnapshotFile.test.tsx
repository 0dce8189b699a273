// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initAppI18n } from '../../app/features';
import { callsOf, installFakeApi, refused, type FakeHandlers } from '../../test-kit';
import { ImportSnapshotFile } from './ImportSnapshotFile';

const SOURCE = { sourceId: '99999999-2222-4333-8444-555555555555', name: 'statistiques-mediane.json', bytes: 4096 };
const DESK = '6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5';
const RECEIPT = {
  deskId: DESK,
  site: { id: '0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3', name: 'France Services de Ganges', departement: '34' },
  exportedAt: '2026-12-01T09:30:00.000Z',
  receipts: [
    {
      status: 'stored' as const,
      deskId: DESK,
      period: { granularity: 'month' as const, key: '2026-10' },
      version: 1,
      hash: 'a'.repeat(64),
      receivedAt: '2026-12-07T09:00:00.000Z',
    },
    {
      status: 'duplicate' as const,
      deskId: DESK,
      period: { granularity: 'month' as const, key: '2026-11' },
      version: 2,
      hash: 'b'.repeat(64),
      receivedAt: '2026-12-07T09:00:00.000Z',
    },
  ],
};

beforeAll(() => initAppI18n('fr'));
beforeEach(async () => {
  await i18next.changeLanguage('fr');
});
afterEach(() => {
  cleanup();
  delete window.mediane;
});

function setup(extra: FakeHandlers = {}) {
  const api = installFakeApi({
    'files.pickOpen': () => SOURCE,
    'coordinator.importSnapshotFile': () => RECEIPT,
    ...extra,
  });
  const onImported = vi.fn();
  render(<ImportSnapshotFile onImported={onImported} />);
  return { api, onImported, user: userEvent.setup({ delay: null }) };
}

describe('ImportSnapshotFile', () => {
  it('sends the chosen file, lists the hub’s receipt per period and asks for fresh figures', async () => {
    const { api, onImported, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Importer un fichier de bureau' }));
    expect(callsOf(api, 'files.pickOpen')).toEqual([{ purpose: 'snapshots' }]);
    expect(callsOf(api, 'coordinator.importSnapshotFile')).toEqual([{ sourceId: SOURCE.sourceId }]);
    const table = await screen.findByRole('table', {
      name: 'Accusés de réception du hub pour France Services de Ganges',
    });
    expect(table.textContent).toContain('2026-10');
    expect(screen.getByRole('row', { name: '2026-10 1 Enregistrée' })).toBeTruthy();
    expect(screen.getByRole('row', { name: '2026-11 2 Déjà reçue (comptée une seule fois)' })).toBeTruthy();
    expect(screen.getByText(/accepté par le hub : 1 période enregistrée\./)).toBeTruthy();
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it('a cancelled dialog sends nothing; a refusal is said in words and asks for nothing', async () => {
    const cancelled = setup({ 'files.pickOpen': () => null });
    await cancelled.user.click(screen.getByRole('button', { name: 'Importer un fichier de bureau' }));
    expect(callsOf(cancelled.api, 'coordinator.importSnapshotFile')).toEqual([]);
    expect(screen.queryByRole('alert')).toBeNull();
    cleanup();

    const { onImported, user } = setup({
      'coordinator.importSnapshotFile': () =>
        refused({ code: 'invalid_input', messageKey: 'coordinator.fileTampered' }),
    });
    await user.click(screen.getByRole('button', { name: 'Importer un fichier de bureau' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/La signature ne correspond pas/);
    expect(screen.queryByRole('table')).toBeNull();
    expect(onImported).not.toHaveBeenCalled();
  });
});
