import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi, type Mock } from 'vitest';
import { METHOD_NAMES, type AppStatus, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/contract';
import type { AppError, Result } from '../../../shared/errors';
import type { JournalRow } from '../../../shared/journal/schema';
import { StatusProvider } from '../../app/status';

// A fake of the core for the journal list's component tests: window.mediane answers each contract method from a
// handler typed by the contract; a handler that throws a FakeFailure answers {ok: false, error}.

export class FakeFailure {
  constructor(readonly error: AppError) {}
}

export type FakeHandlers = { [M in MethodName]?: (input: MethodInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };
export type FakeApi = { [M in MethodName]: Mock<(input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>> };

export const STATUS: AppStatus = {
  setupDone: true,
  site: null,
  settings: { locale: 'fr' },
  deployment: { stateOperated: false, appVersion: '0.1.0-test' },
  storage: { schemaVersion: 1, integrity: 'ok', uncleanShutdown: false, recoveredFrom: null, lastBackupAt: null },
  operators: ['caf', 'cpam', 'dgfip', 'autre_operateur'],
  taxonomyVersion: 'test',
};

export function installFakeApi(handlers: FakeHandlers): FakeApi {
  const all: FakeHandlers = { 'app.status': () => STATUS, ...handlers };
  const bridge = {} as Record<string, unknown>;
  for (const method of METHOD_NAMES) {
    bridge[method] = vi.fn(async (input: unknown) => {
      const handler = all[method] as ((input: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'unknown_method' } };
      try {
        return { ok: true, value: await handler(input) };
      } catch (e) {
        if (e instanceof FakeFailure) return { ok: false, error: e.error };
        throw e;
      }
    });
  }
  window.mediane = bridge as unknown as NonNullable<Window['mediane']>;
  return bridge as unknown as FakeApi;
}

export function renderWithStatus(ui: ReactNode) {
  return render(
    <StatusProvider loading={<p>…</p>} failed={(key) => <p>{key}</p>}>
      {ui}
    </StatusProvider>,
  );
}

export function row(overrides: Partial<JournalRow> = {}): JournalRow {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    kind: 'individuel',
    date: '2026-03-12',
    startTime: null,
    durationMin: 45,
    topics: ['aide_aux_demarches_administratives'],
    operators: ['caf'],
    procedureName: 'Prime d’activité',
    workshopTitle: null,
    participants: 1,
    outcome: 'finalisee',
    followUpDue: null,
    followUpClosed: false,
    ...overrides,
  };
}
