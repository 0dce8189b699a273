import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../main/core';
import { dispatch } from '../../main/ipc/dispatch';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { AppError, Result } from '../../shared/errors';
import type { SessionInput } from '../../shared/journal/schema';
import type { SiteProfileInput } from '../../shared/site/schema';
import { ORDINARY_SESSION } from '../../shared/journal/contract.examples';

/** A clock the test moves by hand. */
export function testClock(start = '2026-03-10T09:00:00.000Z') {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    set(iso: string) {
      t = Date.parse(iso);
    },
    advance(ms: number) {
      t += ms;
    },
  };
}
export type TestClock = ReturnType<typeof testClock>;

/** Deterministic RFC 4122 (version 4 shaped) ids: 00000000-0000-4000-8000-000000000001, ...002, ... */
export function sequentialIds(prefix = '00000000') {
  let n = 0;
  return () => `${prefix}-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const dirs: string[] = [];
export function tempDir(label = 'mediane-test-'): string {
  const d = mkdtempSync(join(tmpdir(), label));
  dirs.push(d);
  return d;
}
export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function openCore(options: Partial<CoreOptions> & { dataDir?: string } = {}): Core & { dataDir: string } {
  const dataDir = options.dataDir ?? tempDir();
  const core = createCore({ clock: testClock(), newId: sequentialIds(), maintenance: false, ...options, dataDir });
  return Object.assign(core, { dataDir });
}

export const LYON_SITE: SiteProfileInput = {
  name: 'France Services Lyon 3e',
  siteType: 'france_services',
  communeCode: '69123',
  postcode: '69003',
  street: '12 rue Paul Bert',
  services: ['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien'],
  programmes: ['France Services'],
  trainingLabels: [],
};

export function individual(overrides: Partial<Extract<SessionInput, { kind: 'individuel' }>> = {}): SessionInput {
  return {
    ...ORDINARY_SESSION,
    topics: [...ORDINARY_SESSION.topics],
    adminTopics: [...ORDINARY_SESSION.adminTopics],
    operators: [...ORDINARY_SESSION.operators],
    ...overrides,
  };
}

/** The workshop part of `workshop()`, with every breakdown filled: what the journal must give back. */
export const WORKSHOP = {
  title: 'Premiers pas avec la messagerie',
  level: 'debutant',
  participants: 8,
  byGender: { feminin: 5, masculin: 3 },
  byAge: { soixante_soixante_neuf: 4, soixante_dix_plus: 4 },
  byStatus: { retraite: 8 },
} as const satisfies Extract<SessionInput, { kind: 'collectif' }>['workshop'];

export function workshop(overrides: Partial<Extract<SessionInput, { kind: 'collectif' }>> = {}): SessionInput {
  return {
    kind: 'collectif',
    date: '2026-03-10',
    durationMin: 120,
    channel: 'lieu_activite',
    topics: ['email', 'securite_numerique'],
    workshop: structuredClone(WORKSHOP) as Extract<SessionInput, { kind: 'collectif' }>['workshop'],
    ...overrides,
  };
}

const quietLog = { error: () => undefined };

/** Calls a method through the real boundary (parse + handler + error mapping). */
export function callResult<M extends MethodName>(
  core: Core,
  method: M,
  input: MethodInput<M>,
): Promise<Result<MethodOutput<M>>> {
  return dispatch(core.handlers, method, input, quietLog) as Promise<Result<MethodOutput<M>>>;
}

export class CallFailed extends Error {
  constructor(readonly error: AppError) {
    super(`call failed: ${JSON.stringify(error)}`);
  }
}

/** Same, unwrapped: resolves to the value or rejects with CallFailed. */
export async function call<M extends MethodName>(
  core: Core,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const r = await callResult(core, method, input);
  if (!r.ok) throw new CallFailed(r.error);
  return r.value;
}

/**
 * A cheap fingerprint of everything a call could write: row counts and latest write times of the tables.
 * Two equal fingerprints around a rejected call mean it wrote nothing.
 */
export function fingerprint(db: Core['db']): Record<string, unknown> {
  const one = (sql: string) => db.prepare(sql).get() as Record<string, unknown>;
  return {
    sessions: one(
      'SELECT count(*) AS n, max(updated_at) AS at, count(deleted_at) AS deleted, count(follow_up_closed_at) AS closed FROM sessions',
    ),
    site: one('SELECT count(*) AS n, max(updated_at) AS at FROM site'),
    settings: one(
      "SELECT count(*) AS n, group_concat(key || '=' || value, ';') AS kv FROM (SELECT * FROM settings ORDER BY key)",
    ),
    live_timers: one('SELECT count(*) AS n, max(started_at) AS at FROM live_timers'),
    session_operators: one('SELECT count(*) AS n FROM session_operators'),
    session_topics: one('SELECT count(*) AS n FROM session_topics'),
    guide_overrides: one(
      'SELECT count(*) AS n, max(updated_at) AS at, sum(length(guide)) AS bytes FROM guide_overrides',
    ),
    session_guides: one('SELECT count(*) AS n, max(updated_at) AS at FROM session_guides'),
    timer_guides: one('SELECT count(*) AS n, max(updated_at) AS at FROM timer_guides'),
  };
}
