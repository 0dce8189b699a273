// `npx tsx bench/lock.ts [--quick]` — the app lock's costs: what the guard adds to every contract call (it runs
// before each one), and how long checking a PIN takes at the shipped scrypt cost (a person waits that once; a
// guesser holding a copy of the file pays it per guess). Prints a table and writes bench/.data/lock-results.json.
// Nothing here asserts on time.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../main/core';
import { defaultGuardSets, guardLock, refusalFor } from '../main/core/lock/guard';
import { LOCK_STATE_FILE } from '../main/core/lock/lock-store';
import { DEFAULT_PIN_KDF, hashPin, verifyPin } from '../main/core/lock/pin-hash';
import { dispatch } from '../main/ipc/dispatch';
import { METHOD_NAMES, type Handlers } from '../shared/contract';
import type { LockStatus } from '../shared/lock/schema';
import { CACHE_DIR, measure, summarise, type Sample } from './work';

const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = args.quick;
const CALLS = quick ? 20_000 : 200_000;
const BATCHES = quick ? 20 : 50;
const PIN_CHECKS = quick ? 5 : 30;

const results: Record<string, Sample & { unit: string }> = {};
const fmt = (ms: number) =>
  ms < 0.001 ? `${(ms * 1e6).toFixed(0)} ns` : ms < 1 ? `${(ms * 1e3).toFixed(1)} µs` : `${ms.toFixed(1)} ms`;

/** Per-call time of `fn`, from batches of CALLS calls: each sample is one batch's mean. */
async function perCall(name: string, fn: () => unknown, calls = CALLS): Promise<void> {
  const batches = await measure(BATCHES, 3, () => {
    for (let i = 0; i < calls; i++) fn();
  });
  results[name] = { ...summarise(batches.map((ms) => ms / calls)), unit: 'ms per call' };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mediane-bench-lock-'));
  try {
    // 1. The guard on a handler that does nothing, so only the guard's own work is measured.
    const noop = Object.fromEntries(METHOD_NAMES.map((m) => [m, () => null])) as unknown as Handlers;
    const open: LockStatus = { pinSet: true, locked: false, selfService: false, idleMinutes: 5, retryAfter: null };
    const gate = { current: () => open, touch: () => undefined };
    const guarded = guardLock(noop, gate) as unknown as Record<string, () => unknown>;
    const raw = noop as unknown as Record<string, () => unknown>;
    await perCall('handler without guard (journal.list)', () => raw['journal.list']!());
    await perCall('guarded handler (journal.list)', () => guarded['journal.list']!());
    // Naive baseline: the state read from its file on every call instead of kept in memory.
    writeFileSync(join(dir, LOCK_STATE_FILE), JSON.stringify({ ...open, version: 1 }));
    const sets = defaultGuardSets();
    await perCall(
      'naive guard: state read from the file per call',
      () => {
        const state = JSON.parse(readFileSync(join(dir, LOCK_STATE_FILE), 'utf8')) as LockStatus;
        if (refusalFor('journal.list', state, sets)) throw new Error('refused');
        return raw['journal.list']!();
      },
      // A file read per call is four orders of magnitude slower: fewer calls per batch.
      CALLS / 1000,
    );

    // 2. Through the real core and dispatch (parse, guard, handler): lock.status, the screens' poll.
    const core = createCore({ dataDir: join(dir, 'desk'), maintenance: false });
    await dispatch(core.handlers, 'lock.setPin', { pin: '482913' });
    const status = await measure(quick ? 2_000 : 20_000, 200, () => dispatch(core.handlers, 'lock.status', {}));
    results['dispatch lock.status (real core)'] = { ...summarise(status), unit: 'ms' };

    // 3. A PIN check at the shipped cost (scrypt on libuv's thread pool).
    const stored = await hashPin('482913', DEFAULT_PIN_KDF);
    results['verify a PIN (scrypt N=2^15, r=8, p=1)'] = {
      ...summarise(await measure(PIN_CHECKS, 2, () => verifyPin('482913', stored))),
      unit: 'ms',
    };
    await core.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const w = Math.max(...Object.keys(results).map((k) => k.length));
  const lines = [`${'measure'.padEnd(w)}  ${'p50'.padStart(10)}  ${'p99'.padStart(10)}`];
  for (const [k, s] of Object.entries(results))
    lines.push(`${k.padEnd(w)}  ${fmt(s.p50).padStart(10)}  ${fmt(s.p99).padStart(10)}`);
  const guard = results['guarded handler (journal.list)']!.p50 - results['handler without guard (journal.list)']!.p50;
  const naive =
    results['naive guard: state read from the file per call']!.p50 -
    results['handler without guard (journal.list)']!.p50;
  lines.push(
    `guard overhead per call: ${fmt(guard)}; naive (file per call): ${fmt(naive)}; ratio ${(naive / guard).toFixed(0)}×`,
  );
  const pin = results['verify a PIN (scrypt N=2^15, r=8, p=1)']!.p50;
  lines.push(
    `offline guesses of a PIN hash on this CPU: about ${Math.round(1000 / pin)} a second per core (10,000 four-digit PINs: ${((10_000 * pin) / 1000).toFixed(0)} s)`,
  );
  process.stdout.write(lines.join('\n') + '\n');
  mkdirSync(CACHE_DIR, { recursive: true });
  const out = join(CACHE_DIR, quick ? 'lock-results-quick.json' : 'lock-results.json');
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), quick, results }, null, 2) + '\n');
  process.stdout.write(`results written to ${out}\n`);
}

await main();
