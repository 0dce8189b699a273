import type { ReactNode } from 'react';
import type { AppStatus, MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { Commune } from '../../../shared/communes/schema';
import type { AppError, Result } from '../../../shared/errors';
import type { SiteProfile } from '../../../shared/site/schema';
import { StatusProvider } from '../../app/status';

// A fake of the core typed by the contract: each handler returns a value (ok) or an AppError (refused).
type Handler<M extends MethodName> = (input: MethodInput<M>) => MethodOutput<M> | { error: AppError } | Promise<MethodOutput<M> | { error: AppError }>;
export type FakeHandlers = { [M in MethodName]?: Handler<M> };
export interface Call {
  method: MethodName;
  input: unknown;
}

export function refused(error: AppError): { error: AppError } {
  return { error };
}

/** Stubs window.mediane (the preload's bridge) and records every call. */
export function fakeApi(handlers: FakeHandlers): Call[] {
  const calls: Call[] = [];
  const bridge = new Proxy(
    {},
    {
      get: (_target, method: string) => async (input: unknown): Promise<Result<unknown>> => {
        calls.push({ method: method as MethodName, input });
        const handler = handlers[method as MethodName] as ((i: unknown) => unknown) | undefined;
        if (!handler) return { ok: false, error: { code: 'unknown_method' } };
        const out = await handler(input);
        if (out && typeof out === 'object' && 'error' in out && Object.keys(out).length === 1) {
          return { ok: false, error: (out as { error: AppError }).error };
        }
        return { ok: true, value: out };
      },
    },
  );
  window.mediane = bridge as NonNullable<Window['mediane']>;
  return calls;
}

export function callsOf(calls: Call[], method: MethodName): unknown[] {
  return calls.filter((c) => c.method === method).map((c) => c.input);
}

export const LUNEL: Commune = {
  code: '34145',
  name: 'Lunel',
  postcodes: ['34400'],
  departement: '34',
  departementName: 'Hérault',
  epci: '243400694',
  population: 26000,
};

export const MARSEILLE: Commune = {
  code: '13055',
  name: 'Marseille',
  postcodes: ['13001', '13002', '13003'],
  departement: '13',
  departementName: 'Bouches-du-Rhône',
  epci: '200054807',
  population: 870000,
};

export const SAVED_SITE: SiteProfile = {
  id: '7d1f6c0e-1b7a-4c6e-9d7e-2f0a1b2c3d4e',
  name: 'France Services de Lunel',
  siteType: 'france_services',
  communeCode: '34145',
  communeName: 'Lunel',
  postcode: '34400',
  street: '',
  siret: '',
  services: ['Aide aux démarches administratives'],
  programmes: ['France Services'],
  trainingLabels: [],
  mediatorName: 'Camille',
  createdAt: '2026-06-01T09:00:00.000Z',
  updatedAt: '2026-06-01T09:00:00.000Z',
};

export function statusWith(site: SiteProfile | null): AppStatus {
  return {
    setupDone: site !== null,
    site,
    settings: { locale: 'fr' },
    deployment: { stateOperated: false, appVersion: '0.1.0' },
    storage: { schemaVersion: 1, integrity: 'ok', uncleanShutdown: false, recoveredFrom: null, lastBackupAt: null },
    operators: [],
    taxonomyVersion: 'coop-2026.06+mediane.1',
  };
}

/** Renders a page inside the real status provider, which loads app.status from the fake API. */
export function WithStatus({ children }: { children: ReactNode }) {
  return (
    <StatusProvider loading={<p>…</p>} failed={(key) => <p>{key}</p>}>
      {children}
    </StatusProvider>
  );
}
