import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_STATE_FILE } from '../../main/core/lock/lock-store';
import type { Core } from '../../main/core';
import { BAKERY } from '../../shared/diagnostic/contract.examples';
import {
  CallFailed,
  call,
  LYON_SITE,
  openCore,
  removeTempDirs,
  sequentialIds,
  testClock,
  type TestClock,
} from './helpers';

// Self-service mode and the diagnosis: the lock service tells the diagnosis when the current period began
// (main/core/index.ts wires the port); the diagnosis then starts only diagnoses done alone and reaches only the latest.

const PIN = '482913';
const FAST = { kdf: { N: 2 ** 10, r: 8, p: 1 } };
const opened: Core[] = [];
let clock: TestClock;

function open(dataDir?: string) {
  const c = openCore({ dataDir, clock, newId: sequentialIds(), lock: FAST });
  opened.push(c);
  return c;
}

afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
  removeTempDirs();
});

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof CallFailed) return e.error;
    throw e;
  }
  throw new Error('expected a refusal');
}

const notFound = { code: 'not_found', messageKey: 'diagnostic.notFound' };

describe('the diagnosis in self-service mode', () => {
  it('is always done alone, logs no journal session, and reaches only the latest diagnosis of the current period', async () => {
    clock = testClock('2026-12-07T09:00:00.000Z');
    const core = open();
    await call(core, 'site.save', LYON_SITE);
    await call(core, 'lock.setPin', { pin: PIN });
    // Before the period: one diagnosis with a mediator, one done alone.
    const withMediator = await call(core, 'diagnostic.start', { mode: 'mediateur' });
    await call(core, 'diagnostic.describe', { id: withMediator.id, business: BAKERY });
    const earlierAlone = await call(core, 'diagnostic.start', { mode: 'autonome' });
    await call(core, 'diagnostic.describe', { id: earlierAlone.id, business: BAKERY });
    await call(core, 'diagnostic.finish', { id: earlierAlone.id });

    clock.advance(60_000);
    await call(core, 'lock.enterSelfService', {});
    clock.advance(1000);
    // Whatever the input says: alone.
    const mine = await call(core, 'diagnostic.start', { mode: 'mediateur' });
    expect(mine.mode).toBe('autonome');
    await call(core, 'diagnostic.describe', { id: mine.id, business: BAKERY });
    await call(core, 'diagnostic.answer', { id: mine.id, answers: {} });
    clock.advance(20 * 60_000);
    const finished = await call(core, 'diagnostic.finish', { id: mine.id });
    expect(finished.journalSessionId).toBeNull();
    expect((await call(core, 'diagnostic.results', { id: mine.id })).diagnosis.id).toBe(mine.id);

    // The diagnoses from before the period are not there, whichever method asks.
    for (const other of [withMediator.id, earlierAlone.id]) {
      expect(await refusal(call(core, 'diagnostic.get', { id: other }))).toMatchObject(notFound);
      expect(await refusal(call(core, 'diagnostic.results', { id: other }))).toMatchObject(notFound);
      expect(await refusal(call(core, 'diagnostic.answer', { id: other, answers: {} }))).toMatchObject(notFound);
      expect(await refusal(call(core, 'diagnostic.describe', { id: other, business: BAKERY }))).toMatchObject(notFound);
      expect(await refusal(call(core, 'diagnostic.finish', { id: other }))).toMatchObject(notFound);
      // Nor can a new diagnosis copy an earlier business's description through previousId.
      expect(await refusal(call(core, 'diagnostic.start', { mode: 'autonome', previousId: other }))).toMatchObject(
        notFound,
      );
    }
    // The list and delete stay refused by the guard.
    const only = { code: 'forbidden', messageKey: 'lock.selfServiceOnly' };
    expect(await refusal(call(core, 'diagnostic.list', {}))).toMatchObject(only);
    expect(await refusal(call(core, 'diagnostic.delete', { id: mine.id }))).toMatchObject(only);

    // The next visitor, in the same period: once theirs starts, the previous one's is out of reach.
    const next = await call(core, 'diagnostic.start', { mode: 'autonome' });
    expect((await call(core, 'diagnostic.get', { id: next.id })).id).toBe(next.id);
    expect(await refusal(call(core, 'diagnostic.results', { id: mine.id }))).toMatchObject(notFound);
    expect(await refusal(call(core, 'diagnostic.get', { id: mine.id }))).toMatchObject(notFound);

    // A new period (the next person after the desk re-enters the mode) does not reach the previous one's.
    await call(core, 'lock.leaveSelfService', { pin: PIN });
    clock.advance(1000);
    await call(core, 'lock.enterSelfService', {});
    expect(await refusal(call(core, 'diagnostic.get', { id: mine.id }))).toMatchObject(notFound);

    // Outside the mode, the mediator reaches everything again; no journal session was logged by the visitor.
    await call(core, 'lock.leaveSelfService', { pin: PIN });
    expect((await call(core, 'diagnostic.get', { id: mine.id })).mode).toBe('autonome');
    expect((await call(core, 'diagnostic.get', { id: withMediator.id })).mode).toBe('mediateur');
    expect((await call(core, 'journal.list', {})).total).toBe(0);
  });

  it('keeps the period across a restart of the core', async () => {
    clock = testClock('2026-12-07T09:00:00.000Z');
    let core = open();
    await call(core, 'site.save', LYON_SITE);
    await call(core, 'lock.setPin', { pin: PIN });
    const before = await call(core, 'diagnostic.start', { mode: 'autonome' });
    clock.advance(1000);
    await call(core, 'lock.enterSelfService', {});
    const mine = await call(core, 'diagnostic.start', { mode: 'autonome' });
    const dataDir = (core as Core & { dataDir: string }).dataDir;
    await core.close();
    opened.splice(opened.indexOf(core), 1);
    core = open(dataDir);
    expect((await call(core, 'diagnostic.get', { id: mine.id })).id).toBe(mine.id);
    expect(await refusal(call(core, 'diagnostic.get', { id: before.id }))).toMatchObject(notFound);
  });

  it('prints without a save dialog: a PDF goes to the data folder’s libre-service folder, other files are refused', async () => {
    clock = testClock('2026-12-07T09:00:00.000Z');
    const asked: string[] = [];
    const dialogs = {
      pickSave: async (purpose: string) => (asked.push(purpose), '/somewhere/chosen.pdf'),
      pickOpen: async () => null,
    };
    const core = openCore({ clock, newId: sequentialIds(), lock: FAST, dialogs });
    opened.push(core);
    await call(core, 'site.save', LYON_SITE);
    await call(core, 'lock.setPin', { pin: PIN });
    // Outside the mode: the desktop's dialog.
    expect((await call(core, 'files.pickSave', { purpose: 'pdf', suggestedName: 'a.pdf' }))?.name).toBe('chosen.pdf');
    expect(asked).toEqual(['pdf']);
    await call(core, 'lock.enterSelfService', {});
    const target = await call(core, 'files.pickSave', { purpose: 'pdf', suggestedName: '../../rapport.pdf' });
    expect(asked).toEqual(['pdf']);
    expect(target).toMatchObject({ delivery: 'native' });
    // Dated, unique, and no folder in the name whatever the page asked.
    expect(target!.name).toMatch(/^2026-12-07-[0-9a-f]{8}-[^/\\]*rapport\.pdf$/);
    expect(await refusal(call(core, 'files.pickSave', { purpose: 'desk', suggestedName: 'x.mediane' }))).toMatchObject({
      code: 'forbidden',
    });
  });

  it('counts a period saved without its start (an older state file) from the core’s start: fail closed', async () => {
    clock = testClock('2026-12-07T09:00:00.000Z');
    let core = open();
    await call(core, 'site.save', LYON_SITE);
    await call(core, 'lock.setPin', { pin: PIN });
    await call(core, 'lock.enterSelfService', {});
    const mine = await call(core, 'diagnostic.start', { mode: 'autonome' });
    const dataDir = (core as Core & { dataDir: string }).dataDir;
    await core.close();
    opened.splice(opened.indexOf(core), 1);
    const file = join(dataDir, LOCK_STATE_FILE);
    const { selfServiceSince: _dropped, ...older } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify(older));
    clock.advance(1000);
    core = open(dataDir);
    expect((await call(core, 'lock.status', {})).selfService).toBe(true);
    expect(await refusal(call(core, 'diagnostic.get', { id: mine.id }))).toMatchObject(notFound);
  });
});
