import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi, type Mock } from 'vitest';
import type { AppStatus } from '../shared/app/schema';
import { METHOD_NAMES, type MethodInput, type MethodName, type MethodOutput } from '../shared/contract';
import type { AppError, Result } from '../shared/errors';
import { StatusProvider } from './app/status';

// A fake of the core for the renderer's component tests: window.mediane answers each contract method from a
// handler typed by the contract; a handler that throws a FakeFailure (see `refused`) answers {ok: false, error}.

export class FakeFailure {
  constructor(readonly error: AppError) {}
}

/** For a handler: the core refuses the call with this error. */
export function refused(error: AppError): never {
  throw new FakeFailure(error);
}

export type FakeHandlers = {
  [M in MethodName]?: (input: MethodInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};
export type FakeApi = { [M in MethodName]: Mock<(input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>> };

export const STATUS: AppStatus = {
  setupDone: true,
  site: null,
  settings: { locale: 'fr' },
  deployment: { stateOperated: false, appVersion: '0.1.0-test' },
  storage: {
    schemaVersion: 1,
    integrity: 'ok',
    uncleanShutdown: false,
    recoveredFrom: null,
    lastBackupAt: null,
    lastIntegrityCheckAt: null,
  },
  operators: ['caf', 'cpam', 'dgfip', 'autre_operateur'],
  taxonomyVersion: 'coop-2026.06+mediane.1',
  lock: { pinSet: false, locked: false, selfService: false, idleMinutes: 5, retryAfter: null },
};

/** Replaces window.mediane (the preload's bridge) with fakes; app.status answers STATUS unless a handler says otherwise. */
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

/** The inputs a method was called with, in order. */
export function callsOf<M extends MethodName>(api: FakeApi, method: M): Array<MethodInput<M>> {
  return api[method].mock.calls.map(([input]) => input);
}

/** Renders a page inside the real status provider, which loads app.status from the fake API. */
export function renderWithStatus(ui: ReactNode) {
  return render(
    <StatusProvider loading={<p>…</p>} failed={(key) => <p>{key}</p>}>
      {ui}
    </StatusProvider>,
  );
}
