import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import { dispatch } from '../../main/ipc/dispatch';
import {
  METHOD_NAMES,
  MAX_REQUEST_BYTES,
  QUERY_METHODS,
  contract,
  type MethodInput,
  type MethodName,
} from '../../shared/contract';
import { ERROR_CODES, type Result } from '../../shared/errors';
import { appExamples } from '../../shared/app/contract.examples';
import { catalogueExamples } from '../../shared/catalogue/contract.examples';
import { communesExamples } from '../../shared/communes/contract.examples';
import { contentExamples } from '../../shared/content/contract.examples';
import { diagnosticExamples } from '../../shared/diagnostic/contract.examples';
import { exportsExamples } from '../../shared/exports/contract.examples';
import { filesExamples } from '../../shared/files/contract.examples';
import { guidesExamples } from '../../shared/guides/contract.examples';
import { jobsExamples } from '../../shared/jobs/contract.examples';
import { journalExamples } from '../../shared/journal/contract.examples';
import { lockExamples } from '../../shared/lock/contract.examples';
import { settingsExamples } from '../../shared/settings/contract.examples';
import { siteExamples } from '../../shared/site/contract.examples';
import { searchExamples } from '../../shared/search/contract.examples';
import { statsExamples } from '../../shared/stats/contract.examples';
import { syncExamples } from '../../shared/sync/contract.examples';
import { coordinatorExamples } from '../../shared/coordinator/contract.examples';
import { ACTIVITY_DIMENSIONS, POPULATION_DIMENSIONS } from '../../shared/sync/dimensions';
import { storageExamples } from '../../shared/storage/contract.examples';
import { transferExamples } from '../../shared/transfer/contract.examples';
import { printExamples } from '../../shared/print/contract.examples';
import { call, fingerprint, openCore, removeTempDirs, sequentialIds, tempDir, testClock } from '../core/helpers';

// Property: whatever arrives at the boundary, dispatch answers with a typed Result. It never throws, a success always
// matches the contract's output schema, a failure carries only a known code and i18n keys (never exception text),
// and a refused call leaves the database exactly as it was.

const RUNS = Number(process.env.BOUNDARY_RUNS ?? 150);
const I18N_KEY = /^[a-z]+\.[A-Za-z.]+$/;
const ZOD_FALLBACK_KEY = /^invalid\.[a-z_]+$/;

// Methods that only read (declared `query` in the contract): even their successes must not change the database.
const READ_ONLY = new Set<MethodName>(QUERY_METHODS);

let core: Core;
const internalErrors: unknown[] = [];
const log = { error: (_m: string, e: unknown) => void internalErrors.push(e) };

/** One valid input per method, from each feature's examples (the type makes the merge complete). */
let examples: { [M in MethodName]: MethodInput<M> };

// ---- arbitraries ------------------------------------------------------------------------------------------------

const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
];

function deepNest(depth: number, leaf: unknown, asArray: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

/** An object whose hostile key is an own, enumerable property, exactly as JSON.parse produces it. */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

const anything = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withBoxedValues: true,
  withTypedArray: true,
  withSparseArray: true,
  withUnicodeString: true,
  key: fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_KEYS)),
});

const weird: fc.Arbitrary<unknown> = fc.oneof(
  anything,
  fc.constantFrom<unknown>(
    '',
    ' ',
    'x'.repeat(MAX_REQUEST_BYTES + 10),
    'é'.repeat(6000),
    'x'.repeat(5001),
    -1,
    0,
    -0,
    1.5,
    2 ** 53,
    Number.MAX_VALUE,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    null,
    undefined,
    true,
    [],
    {},
    '2026-02-30',
    '2026-13-01',
    '1999-12-31',
    '99:99',
    '00000000-0000-0000-0000-000000000000',
    "'; DROP TABLE sessions; --",
    '<script>alert(1)</script>',
    '\u0000',
    '\ud800',
    '__proto__',
    'constructor',
  ),
  fc.uuid(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.integer({ min: 1, max: 3000 }).chain((d) => fc.boolean().map((arr) => deepNest(d, 'x', arr))),
  fc.constantFrom(...HOSTILE_KEYS).chain((k) => anything.map((v) => withOwnKey({}, k, v))),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')),
);

type Path = Array<string | number>;

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const out: Path[] = [];
  for (const [k, v] of Object.entries(value)) {
    const p = [...prefix, Array.isArray(value) ? Number(k) : k];
    out.push(p, ...pathsOf(v, p));
  }
  return out;
}
function containersOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return [prefix, ...Object.entries(value).flatMap(([k, v]) => containersOf(v, [...prefix, k]))];
}
const clone = <T>(v: T): T => structuredClone(v);
function at(root: unknown, path: Path): Record<string | number, unknown> {
  return path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], root) as Record<
    string | number,
    unknown
  >;
}

/** Hostile variations of a valid input: a value replaced, a key dropped, a key added, a hostile own key, or nothing at all. */
function hostile(example: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(example);
  const containers = containersOf(example);
  const variants: Array<fc.Arbitrary<unknown>> = [
    anything,
    weird,
    fc.constant(example),
    fc
      .tuple(fc.constantFrom(...containers), fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_KEYS)), weird)
      .map(([path, key, value]) => {
        const root = clone(example) as Record<string, unknown>;
        withOwnKey(path.length ? at(root, path) : root, key, value);
        return root;
      }),
  ];
  if (paths.length) {
    variants.push(
      fc.tuple(fc.constantFrom(...paths), weird).map(([path, value]) => {
        const root = clone(example);
        const parent = path.length > 1 ? at(root, path.slice(0, -1)) : (root as Record<string | number, unknown>);
        parent[path[path.length - 1]!] = value;
        return root;
      }),
      fc.constantFrom(...paths).map((path) => {
        const root = clone(example);
        const parent = path.length > 1 ? at(root, path.slice(0, -1)) : (root as Record<string | number, unknown>);
        if (Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1);
        else delete parent[path[path.length - 1]!];
        return root;
      }),
    );
  }
  return fc.oneof(...variants);
}

// ---- checks -----------------------------------------------------------------------------------------------------

function checkResult(method: string, r: Result<unknown>): void {
  expect(typeof r).toBe('object');
  // The result crosses as JSON (HTTP) or structured clone (IPC): it must survive that.
  expect(() => JSON.stringify(r)).not.toThrow();
  if (r.ok) {
    expect(Object.keys(r).sort()).toEqual(['ok', 'value']);
    const parsed = contract[method as MethodName].output.safeParse(r.value);
    if (!parsed.success) throw new Error(`${method} returned a value outside its contract: ${parsed.error.message}`);
    return;
  }
  expect(Object.keys(r).sort()).toEqual(['error', 'ok']);
  const e = r.error;
  expect(ERROR_CODES).toContain(e.code);
  for (const k of Object.keys(e)) expect(['code', 'issues', 'messageKey']).toContain(k);
  if (e.messageKey !== undefined) expect(e.messageKey).toMatch(I18N_KEY);
  for (const issue of e.issues ?? []) {
    expect(Object.keys(issue).sort()).toEqual(['message', 'path']);
    expect(typeof issue.path).toBe('string');
    expect(issue.message.match(I18N_KEY) ?? issue.message.match(ZOD_FALLBACK_KEY)).not.toBeNull();
  }
}

function pollutionFree(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
}

/** A job started by a successful call runs on after it: wait for its end, so that its writes land before the next run. */
async function settleJob(method: MethodName, r: Result<unknown>): Promise<void> {
  if (!r.ok || !contract[method].result) return;
  const { jobId } = r.value as { jobId: string };
  let view = await call(core, 'jobs.get', { id: jobId });
  while (view.state === 'running')
    view = await call(core, 'jobs.get', { id: jobId, afterVersion: view.version, waitMs: 1000 });
}

function emptyConsolidated() {
  return {
    snapshots: 0,
    totals: {
      sessions: 0,
      individualSessions: 0,
      workshops: 0,
      workshopParticipants: 0,
      peopleHelped: 0,
      totalMinutes: 0,
    },
    activity: Object.fromEntries(ACTIVITY_DIMENSIONS.map((d) => [d, {}])),
    population: Object.fromEntries(POPULATION_DIMENSIONS.map((d) => [d, {}])),
  };
}
function emptySummary() {
  const scope = { id: '00000000-0000-4000-8000-00000000c00d', name: 'Fuzz', kind: 'departement', codes: ['69'] };
  return { scope, from: '2026-01', to: '2026-01', sites: [], total: emptyConsolidated() };
}

beforeAll(async () => {
  // The host's file dialogs, faked: a save lands in a temp folder, an open picks a file that is not a desk file.
  const picked = tempDir('mediane-fuzz-files-');
  const anyFile = join(picked, 'not-a-desk.mediane');
  writeFileSync(anyFile, 'not a desk file');
  let saves = 0;
  const dialogs = { pickSave: async () => join(picked, `export-${++saves}.mediane`), pickOpen: async () => anyFile };
  core = openCore({
    clock: testClock('2026-03-12T12:00:00.000Z'),
    newId: sequentialIds(),
    dialogs,
    transferKdf: { N: 2 ** 14, r: 8, p: 1 },
    printToPdf: async () => new TextEncoder().encode('%PDF-1.7 fuzz'),
    // A cheap PIN hash, and no wait after wrong PINs: the clock stands still here, so a wait would never end and
    // the untouched examples below could not unlock.
    lock: { kdf: { N: 2 ** 10, r: 8, p: 1 }, baseDelayMs: 0 },
    // A hub that enrolls any well-formed code and is down for uploads (the sync's own suite runs a real hub).
    syncTransport: () => ({
      enroll: async () => ({
        status: 200,
        body: {
          deskId: '00000000-0000-4000-8000-00000000f00d',
          credential: 'fuzz-credential-0123456789',
          site: { id: '00000000-0000-4000-8000-00000000517e', name: 'Fuzz', departement: '69' },
          disclosure: { k: 5, granularity: 'month' },
        },
      }),
      send: async () => ({ status: 503, body: null }),
    }),
    // A hub whose coordinator scope is empty (coordinator mode's own suite runs a real hub).
    coordinatorTransport: () => ({
      get: async (path: string) => ({
        status: 200,
        body: path.includes('/sites/') ? emptyConsolidated() : emptySummary(),
      }),
      post: async () => ({ status: 400, body: { error: 'malformed_file', message: 'not a snapshot file' } }),
    }),
  });
  const seed = <K extends MethodName>(method: K, input: MethodInput<K>) => call(core, method, input);
  // Site first: the journal's examples refer to its commune.
  examples = {
    ...(await appExamples(seed)),
    ...(await settingsExamples(seed)),
    ...(await siteExamples(seed)),
    ...(await communesExamples(seed)),
    ...(await journalExamples(seed)),
    ...(await jobsExamples(seed)),
    ...(await filesExamples(seed)),
    ...(await transferExamples(seed)),
    ...(await catalogueExamples(seed)),
    ...(await storageExamples(seed)),
    ...(await guidesExamples(seed)),
    ...(await diagnosticExamples(seed)),
    ...(await printExamples(seed)),
    ...(await searchExamples(seed)),
    ...(await statsExamples(seed)),
    ...(await syncExamples(seed)),
    ...(await exportsExamples(seed)),
    ...(await coordinatorExamples(seed)),
    ...(await contentExamples(seed)),
    // Last: its examples lock the app and open self-service mode, then leave them (see its file).
    ...(await lockExamples(seed)),
  };
  core.warm();
});
afterAll(async () => {
  await core.close();
  removeTempDirs();
});

describe('the boundary under hostile input', () => {
  it('the examples cover every method of the contract', () => {
    expect(Object.keys(examples).sort()).toEqual([...METHOD_NAMES].sort());
  });

  for (const method of METHOD_NAMES) {
    it(`${method}: never throws, answers within the contract, and a refusal writes nothing`, async () => {
      const stats = { ok: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(hostile(examples[method]), async (input) => {
          const before = fingerprint(core.db);
          let r: Result<unknown>;
          try {
            r = await dispatch(core.handlers, method, input, log);
          } catch (e) {
            throw new Error(`dispatch threw for ${method}: ${String(e)}`);
          }
          await settleJob(method, r);
          checkResult(method, r);
          if (!r.ok || READ_ONLY.has(method)) expect(fingerprint(core.db)).toEqual(before);
          if (r.ok) stats.ok++;
          else stats.refused++;
          expect(internalErrors).toEqual([]);
          pollutionFree();
        }),
        { numRuns: RUNS },
      );
      expect(stats.refused).toBeGreaterThan(0);
    });
  }

  it('the untouched examples are accepted (so the properties above also exercise success paths)', async () => {
    for (const method of METHOD_NAMES) {
      const r = await dispatch(core.handlers, method, examples[method], log);
      await settleJob(method, r);
      // A few depend on state the random runs may have changed (the session deleted, the timer cancelled, the
      // file choice used up); a restore is refused on this desk, which is set up.
      const expected = method === 'transfer.restore' ? ['conflict'] : ['not_found'];
      if (!r.ok) expect(expected, `${method}: ${JSON.stringify(r.error)}`).toContain(r.error.code);
      checkResult(method, r);
    }
  });

  it('an unknown method is refused with unknown_method and writes nothing', async () => {
    const known = new Set<string>(METHOD_NAMES);
    const names = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '',
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'valueOf',
        'APP.STATUS',
        'app.status ',
        'app.status\u0000',
        'journal',
        'journal.create.extra',
        '../journal.create',
        'journal.drop',
      ),
    );
    await fc.assert(
      fc.asyncProperty(names, anything, async (name, input) => {
        fc.pre(!known.has(name));
        const before = fingerprint(core.db);
        const r = await dispatch(core.handlers, name, input, log);
        expect(r).toEqual({ ok: false, error: { code: 'unknown_method' } });
        expect(fingerprint(core.db)).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it('oversized inputs are refused before parsing', async () => {
    const before = fingerprint(core.db);
    const big = { ...examples['journal.create'], notes: 'x'.repeat(MAX_REQUEST_BYTES) };
    expect(await dispatch(core.handlers, 'journal.create', big, log)).toEqual({
      ok: false,
      error: { code: 'invalid_input', messageKey: 'errors.tooLarge' },
    });
    // Values JSON cannot measure (BigInt, cycles) are refused the same way rather than crashing.
    const cyclic: Record<string, unknown> = { locale: 'fr' };
    cyclic.self = cyclic;
    expect((await dispatch(core.handlers, 'settings.update', cyclic, log)).ok).toBe(false);
    expect((await dispatch(core.handlers, 'settings.update', { locale: 10n }, log)).ok).toBe(false);
    expect(fingerprint(core.db)).toEqual(before);
  });
});
