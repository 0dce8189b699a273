import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import { ALLOWED_WHEN_LOCKED, defaultGuardSets, guardLock, SELF_SERVICE_METHODS } from '../../main/core/lock/guard';
import { LOCK_STATE_FILE } from '../../main/core/lock/lock-store';
import { hashPin, verifyPin } from '../../main/core/lock/pin-hash';
import { resetPin } from '../../main/core/lock/reset';
import { DataFolderLockedError } from '../../main/core/storage/data-folder-lock';
import { dispatch } from '../../main/ipc/dispatch';
import { METHOD_NAMES, type Handlers } from '../../shared/contract';
import {
  call,
  callResult,
  individual,
  LYON_SITE,
  openCore,
  removeTempDirs,
  testClock,
  type TestClock,
} from './helpers';

const PIN = '482913';
const FAST = { kdf: { N: 2 ** 10, r: 8, p: 1 } };
const opened: Core[] = [];

function open(dataDir: string | undefined, clock: TestClock, lock = FAST) {
  const core = openCore({ dataDir, clock, lock });
  opened.push(core);
  return core;
}

async function reopen(core: Core & { dataDir: string }, clock: TestClock) {
  await core.close();
  opened.splice(opened.indexOf(core), 1);
  return open(core.dataDir, clock);
}

afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
  removeTempDirs();
});

async function refusal(core: Core, method: Parameters<typeof callResult>[1], input: unknown) {
  const r = await callResult(core, method, input as never);
  return r.ok ? null : r.error;
}

describe('the PIN hash', () => {
  it('is salted per PIN, keeps no clear PIN and checks in constant time', async () => {
    const kdf = FAST.kdf;
    const a = await hashPin(PIN, kdf);
    const b = await hashPin(PIN, kdf);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.stringify(a)).not.toContain(PIN);
    expect(await verifyPin(PIN, a)).toBe(true);
    expect(await verifyPin('482914', a)).toBe(false);
    expect(await verifyPin('', a)).toBe(false);
  });

  it('uses scrypt at the default cost when the core is not told otherwise', async () => {
    const core = openCore({ clock: testClock() });
    opened.push(core);
    await call(core, 'lock.setPin', { pin: PIN });
    const saved = readFileSync(join(core.dataDir, LOCK_STATE_FILE), 'utf8');
    expect(saved).not.toContain(PIN);
    expect(JSON.parse(saved).pin).toMatchObject({ kdf: 'scrypt', N: 2 ** 15, r: 8, p: 1 });
  });
});

describe('the app lock', () => {
  it('without a PIN, never locks and cannot be locked', async () => {
    const clock = testClock();
    const core = open(undefined, clock);
    clock.advance(24 * 3600_000);
    expect((await call(core, 'journal.list', {})).total).toBe(0);
    expect(await refusal(core, 'lock.lock', {})).toEqual({ code: 'conflict', messageKey: 'lock.noPin' });
    expect(await refusal(core, 'lock.enterSelfService', {})).toEqual({ code: 'conflict', messageKey: 'lock.noPin' });
  });

  it('locked on demand: only the allowed set answers until the right PIN', async () => {
    const core = open(undefined, testClock());
    await call(core, 'site.save', LYON_SITE);
    await call(core, 'lock.setPin', { pin: PIN });
    await call(core, 'lock.lock', {});
    const locked = { code: 'forbidden', messageKey: 'lock.locked' };
    expect(await refusal(core, 'journal.list', {})).toEqual(locked);
    expect(await refusal(core, 'journal.create', individual())).toEqual(locked);
    expect(await refusal(core, 'settings.update', { locale: 'en' })).toEqual(locked);
    expect(await refusal(core, 'lock.removePin', { currentPin: PIN })).toEqual(locked);
    expect(await refusal(core, 'lock.enterSelfService', {})).toEqual(locked);
    expect((await call(core, 'app.status', {})).lock).toMatchObject({ pinSet: true, locked: true });
    expect((await call(core, 'lock.status', {})).locked).toBe(true);
    expect(await refusal(core, 'lock.unlock', { pin: '000000' })).toEqual({
      code: 'forbidden',
      messageKey: 'lock.wrongPin',
    });
    expect((await call(core, 'lock.unlock', { pin: PIN })).locked).toBe(false);
    expect((await call(core, 'journal.list', {})).total).toBe(0);
  });

  it('locks after the idle time; activity and saves start it again', async () => {
    const clock = testClock();
    const core = open(undefined, clock);
    await call(core, 'site.save', LYON_SITE);
    await call(core, 'lock.setPin', { pin: PIN });
    await call(core, 'lock.configure', { idleMinutes: 2 });
    clock.advance(90_000);
    await call(core, 'lock.activity', {});
    clock.advance(90_000);
    // Reading is not activity (screens poll), a save is.
    await call(core, 'journal.list', {});
    await call(core, 'journal.create', individual());
    clock.advance(119_000);
    expect((await call(core, 'journal.list', {})).total).toBe(1);
    clock.advance(1_000);
    expect(await refusal(core, 'journal.list', {})).toEqual({ code: 'forbidden', messageKey: 'lock.locked' });
    expect((await call(core, 'app.status', {})).lock.locked).toBe(true);
  });

  it('stays locked across a restart, and a restart with a PIN set starts locked', async () => {
    const clock = testClock();
    let core = open(undefined, clock);
    await call(core, 'lock.setPin', { pin: PIN });
    expect((await call(core, 'lock.status', {})).locked).toBe(false);
    core = await reopen(core, clock);
    expect((await call(core, 'lock.status', {})).locked).toBe(true);
    expect(await refusal(core, 'journal.list', {})).toMatchObject({ messageKey: 'lock.locked' });
    await call(core, 'lock.unlock', { pin: PIN });
    await call(core, 'lock.lock', {});
    core = await reopen(core, clock);
    expect((await call(core, 'lock.status', {})).locked).toBe(true);
  });

  it('changing or removing the PIN needs the current one', async () => {
    const core = open(undefined, testClock());
    await call(core, 'lock.setPin', { pin: PIN });
    expect(await refusal(core, 'lock.setPin', { pin: '1111' })).toEqual({
      code: 'forbidden',
      messageKey: 'lock.currentPinRequired',
    });
    expect(await refusal(core, 'lock.setPin', { pin: '1111', currentPin: '2222' })).toMatchObject({
      messageKey: 'lock.wrongPin',
    });
    await call(core, 'lock.setPin', { pin: '1111', currentPin: PIN });
    await call(core, 'lock.lock', {});
    expect(await refusal(core, 'lock.unlock', { pin: PIN })).toMatchObject({ messageKey: 'lock.wrongPin' });
    await call(core, 'lock.unlock', { pin: '1111' });
    expect((await call(core, 'lock.removePin', { currentPin: '1111' })).pinSet).toBe(false);
  });

  it('refuses PINs that are not 4 to 8 digits', async () => {
    const core = open(undefined, testClock());
    for (const pin of ['123', '123456789', 'abcd', '12 34', '١٢٣٤']) {
      expect(await refusal(core, 'lock.setPin', { pin })).toMatchObject({
        code: 'invalid_input',
        issues: [{ path: 'pin', message: 'lock.pinFormat' }],
      });
    }
    expect(await refusal(core, 'lock.configure', { idleMinutes: 0 })).toMatchObject({ code: 'invalid_input' });
  });
});

describe('wrong PINs slow down', () => {
  it('waits double after each wrong PIN past the free ones, kept across a restart', async () => {
    const clock = testClock('2026-12-07T10:00:00.000Z');
    let core = open(undefined, clock);
    await call(core, 'lock.setPin', { pin: PIN });
    await call(core, 'lock.lock', {});
    for (let i = 0; i < 2; i++)
      expect(await refusal(core, 'lock.unlock', { pin: '0000' })).toMatchObject({ messageKey: 'lock.wrongPin' });
    expect((await call(core, 'lock.status', {})).retryAfter).toBeNull();
    await refusal(core, 'lock.unlock', { pin: '0000' });
    expect((await call(core, 'lock.status', {})).retryAfter).toBe('2026-12-07T10:00:30.000Z');
    // Even the right PIN is not checked before then.
    expect(await refusal(core, 'lock.unlock', { pin: PIN })).toEqual({ code: 'forbidden', messageKey: 'lock.tooSoon' });
    core = await reopen(core, clock);
    expect(await refusal(core, 'lock.unlock', { pin: PIN })).toMatchObject({ messageKey: 'lock.tooSoon' });
    clock.advance(30_000);
    await refusal(core, 'lock.unlock', { pin: '0000' });
    expect((await call(core, 'lock.status', {})).retryAfter).toBe('2026-12-07T10:01:30.000Z');
    clock.advance(60_000);
    await refusal(core, 'lock.unlock', { pin: '0000' });
    expect((await call(core, 'lock.status', {})).retryAfter).toBe('2026-12-07T10:03:30.000Z');
    clock.advance(120_000);
    expect((await call(core, 'lock.unlock', { pin: PIN })).retryAfter).toBeNull();
    // A success starts the count again.
    for (let i = 0; i < 2; i++) await refusal(core, 'lock.removePin', { currentPin: '0000' });
    expect((await call(core, 'lock.status', {})).retryAfter).toBeNull();
  });

  it('counts parallel guesses one after the other', async () => {
    const core = open(undefined, testClock());
    await call(core, 'lock.setPin', { pin: PIN });
    await call(core, 'lock.lock', {});
    const guesses = ['1000', '1001', '1002', '1003', '1004', '1005', PIN];
    const answers = await Promise.all(guesses.map((pin) => refusal(core, 'lock.unlock', { pin })));
    expect(answers.map((a) => a?.messageKey)).toEqual([
      'lock.wrongPin',
      'lock.wrongPin',
      'lock.wrongPin',
      'lock.tooSoon',
      'lock.tooSoon',
      'lock.tooSoon',
      'lock.tooSoon',
    ]);
  });

  it('caps the wait', async () => {
    const clock = testClock();
    const core = open(undefined, clock, { ...FAST, baseDelayMs: 1000, maxDelayMs: 4000, freeAttempts: 0 } as never);
    await call(core, 'lock.setPin', { pin: PIN });
    await call(core, 'lock.lock', {});
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      await refusal(core, 'lock.unlock', { pin: '0000' });
      const after = Date.parse((await call(core, 'lock.status', {})).retryAfter!);
      waits.push(after - clock.now().getTime());
      clock.set(new Date(after).toISOString());
    }
    expect(waits).toEqual([1000, 2000, 4000, 4000, 4000]);
  });
});

describe('self-service mode', () => {
  it('needs a PIN, refuses everything but its set, survives a restart, and ends with the PIN', async () => {
    const clock = testClock();
    let core = open(undefined, clock);
    await call(core, 'site.save', LYON_SITE);
    await call(core, 'journal.create', individual());
    await call(core, 'lock.setPin', { pin: PIN });
    expect((await call(core, 'lock.enterSelfService', {})).selfService).toBe(true);
    const only = { code: 'forbidden', messageKey: 'lock.selfServiceOnly' };
    for (const [method, input] of [
      ['journal.list', {}],
      ['journal.create', individual()],
      ['settings.update', { locale: 'en' }],
      ['site.exportNationalRecord', {}],
      ['lock.lock', {}],
      ['lock.removePin', { currentPin: PIN }],
      ['lock.setPin', { pin: '1111', currentPin: PIN }],
      ['lock.configure', { idleMinutes: 240 }],
      ['storage.backupNow', {}],
    ] as const)
      expect(await refusal(core, method, input), method).toEqual(only);
    // No idle lock there: the next person at the PC goes on with the diagnosis.
    clock.advance(3600_000);
    expect((await call(core, 'app.status', {})).lock).toMatchObject({ selfService: true, locked: false });
    core = await reopen(core, clock);
    expect((await call(core, 'lock.status', {})).selfService).toBe(true);
    expect((await call(core, 'lock.status', {})).locked).toBe(false);
    expect(await refusal(core, 'journal.list', {})).toEqual(only);
    expect(await refusal(core, 'lock.leaveSelfService', { pin: '0000' })).toMatchObject({
      messageKey: 'lock.wrongPin',
    });
    expect((await call(core, 'lock.leaveSelfService', { pin: PIN })).selfService).toBe(false);
    expect((await call(core, 'journal.list', {})).total).toBe(1);
  });

  it('lets through the methods the contract marks selfService (a fake one here), and only those', async () => {
    const state = { pinSet: true, locked: false, selfService: true, idleMinutes: 5, retryAfter: null };
    const gate = { current: () => state, touch: () => undefined };
    const fake = { ...Object.fromEntries(METHOD_NAMES.map((m) => [m, () => m])), 'diagnostic.fake': () => 'ran' };
    const guarded = guardLock(fake as unknown as Handlers, gate, defaultGuardSets(['diagnostic.fake']));
    const run = (m: string) => (guarded as unknown as Record<string, () => unknown>)[m]!();
    expect(run('diagnostic.fake')).toBe('ran');
    expect(run('app.status')).toBe('app.status');
    expect(run('lock.leaveSelfService')).toBe('lock.leaveSelfService');
    expect(() => run('journal.list')).toThrow('lock.selfServiceOnly');
    state.locked = true;
    expect(() => run('diagnostic.fake')).toThrow('lock.locked');
    expect(run('lock.unlock')).toBe('lock.unlock');
  });

  it('the allowed sets are exactly these', () => {
    expect([...ALLOWED_WHEN_LOCKED]).toEqual(['app.status', 'lock.status', 'lock.unlock']);
    const sets = defaultGuardSets();
    expect([...sets.inSelfService].sort()).toEqual(
      ['app.status', 'lock.leaveSelfService', 'lock.status', ...SELF_SERVICE_METHODS].sort(),
    );
    expect(METHOD_NAMES.filter((m) => sets.whenLocked.has(m))).toEqual(['app.status', 'lock.status', 'lock.unlock']);
  });

  it('an unknown method stays unknown, locked or not', async () => {
    const core = open(undefined, testClock());
    await call(core, 'lock.setPin', { pin: PIN });
    await call(core, 'lock.lock', {});
    expect(await dispatch(core.handlers, 'diagnostic.nothing', {}, { error: () => undefined })).toEqual({
      ok: false,
      error: { code: 'unknown_method' },
    });
  });
});

describe('a forgotten PIN', () => {
  it('is reset only with Médiane closed, removing the lock and nothing else', async () => {
    const clock = testClock();
    const core = open(undefined, clock);
    await call(core, 'site.save', LYON_SITE);
    await call(core, 'journal.create', individual());
    await call(core, 'lock.setPin', { pin: PIN });
    await call(core, 'lock.enterSelfService', {});
    expect(() => resetPin(core.dataDir)).toThrow(DataFolderLockedError);
    await core.close();
    opened.splice(opened.indexOf(core), 1);
    expect(resetPin(core.dataDir)).toBe('reset');
    expect(resetPin(core.dataDir)).toBe('no-pin');
    const after = open(core.dataDir, clock);
    expect((await call(after, 'lock.status', {})).pinSet).toBe(false);
    expect((await call(after, 'lock.status', {})).selfService).toBe(false);
    expect((await call(after, 'journal.list', {})).total).toBe(1);
  });

  it('a damaged lock file keeps the app locked (never read as "no PIN") until the reset', async () => {
    const clock = testClock();
    let core = open(undefined, clock);
    await call(core, 'lock.setPin', { pin: PIN });
    await core.close();
    opened.splice(opened.indexOf(core), 1);
    writeFileSync(join(core.dataDir, LOCK_STATE_FILE), '{"version":1,"pin":null');
    core = open(core.dataDir, clock);
    expect((await call(core, 'lock.status', {})).locked).toBe(true);
    expect(await refusal(core, 'journal.list', {})).toMatchObject({ messageKey: 'lock.locked' });
    expect(await refusal(core, 'lock.unlock', { pin: PIN })).toEqual({
      code: 'forbidden',
      messageKey: 'lock.stateDamaged',
    });
    const dir = (core as Core & { dataDir: string }).dataDir;
    await core.close();
    opened.splice(opened.indexOf(core), 1);
    resetPin(dir);
    core = open(dir, clock);
    expect((await call(core, 'journal.list', {})).total).toBe(0);
  });
});
