import { describe, expect, it, vi } from 'vitest';
import { createJobs, type JobContext } from '../../main/core/jobs/jobs';
import { CoreError } from '../../shared/errors';
import { sequentialIds, testClock } from './helpers';

const RESULT = { at: '2026-03-10T09:00:00.000Z', bytes: 4096 };

/** A job body the test drives by hand: it waits until `finish` or `fail` is called, or its signal aborts. */
function controlled() {
  let ctx!: JobContext;
  let finish!: (value: unknown) => void;
  let fail!: (err: unknown) => void;
  let cleanedUp = false;
  let ready!: () => void;
  const started = new Promise<void>((r) => {
    ready = r;
  });
  function body(c: JobContext): Promise<never> {
    ctx = c;
    ready();
    return new Promise((resolve, reject) => {
      finish = resolve as (v: unknown) => void;
      fail = reject;
      c.signal.addEventListener('abort', () => {
        cleanedUp = true;
        reject(new Error('aborted'));
      });
    });
  }
  return {
    body,
    started,
    ctx: () => ctx,
    finish: (v: unknown) => finish(v),
    fail: (e: unknown) => fail(e),
    cleanedUp: () => cleanedUp,
  };
}

function setup(keepEnded?: number) {
  const log = { error: vi.fn() };
  const jobs = createJobs({ clock: testClock(), newId: sequentialIds(), log, keepEnded });
  return { jobs, log };
}

async function ended(jobs: ReturnType<typeof createJobs>, id: string) {
  let view = await jobs.get({ id });
  while (view.state === 'running') view = await jobs.get({ id, afterVersion: view.version });
  return view;
}

describe('jobs', () => {
  it('answers an id at once, then reports progress with a growing version', async () => {
    const { jobs } = setup();
    const c = controlled();
    const { jobId } = jobs.start('storage.backupNow', c.body as never);
    const first = await jobs.get({ id: jobId });
    expect(first).toMatchObject({ id: jobId, method: 'storage.backupNow', state: 'running', done: 0, total: null });
    await c.started;
    c.ctx().progress(3, 10, 'jobs.phase.backingUp');
    const next = await jobs.get({ id: jobId });
    expect(next).toMatchObject({ done: 3, total: 10, phase: 'jobs.phase.backingUp' });
    expect(next.version).toBeGreaterThan(first.version);
    c.finish(RESULT);
    expect(await ended(jobs, jobId)).toMatchObject({ state: 'done', result: RESULT });
  });

  it('a long-poll waits for the next version and wakes up on progress', async () => {
    const { jobs } = setup();
    const c = controlled();
    const { jobId } = jobs.start('storage.backupNow', c.body as never);
    await c.started;
    const now = await jobs.get({ id: jobId });
    let answered = false;
    const waiting = jobs.get({ id: jobId, afterVersion: now.version, waitMs: 10_000 }).then((v) => {
      answered = true;
      return v;
    });
    await new Promise((r) => setImmediate(r));
    expect(answered).toBe(false);
    c.ctx().progress(1, 2);
    const woken = await waiting;
    expect(woken.version).toBe(now.version + 1);
    expect(woken.done).toBe(1);
    // Without afterVersion, or once the wait is over, it answers with what it has.
    expect((await jobs.get({ id: jobId, afterVersion: woken.version, waitMs: 0 })).version).toBe(woken.version);
    c.finish(RESULT);
    await ended(jobs, jobId);
  });

  it('cancel aborts the job, which ends cancelled after cleaning up; an ended job is left as it is', async () => {
    const { jobs } = setup();
    const c = controlled();
    const { jobId } = jobs.start('storage.backupNow', c.body as never);
    await c.started;
    const view = jobs.cancel(jobId);
    expect(view).toMatchObject({ state: 'running', phase: 'jobs.phase.cancelling' });
    expect(c.ctx().signal.aborted).toBe(true);
    const end = await ended(jobs, jobId);
    expect(end.state).toBe('cancelled');
    expect(end.endedAt).not.toBeNull();
    expect(c.cleanedUp()).toBe(true);
    expect(jobs.cancel(jobId)).toEqual(end);
  });

  it('a CoreError becomes the typed error; anything else is internal, logged, its text never shown', async () => {
    const { jobs, log } = setup();
    const a = controlled();
    const typed = jobs.start('storage.backupNow', a.body as never);
    await a.started;
    a.fail(new CoreError('conflict', 'transfer.notFirstRun'));
    expect(await ended(jobs, typed.jobId)).toMatchObject({
      state: 'failed',
      error: { code: 'conflict', messageKey: 'transfer.notFirstRun' },
    });
    expect(log.error).not.toHaveBeenCalled();

    const b = controlled();
    const other = jobs.start('storage.backupNow', b.body as never);
    await b.started;
    b.fail(new Error('/home/secret/path exploded'));
    const view = await ended(jobs, other.jobId);
    expect(view).toMatchObject({ state: 'failed', error: { code: 'internal' } });
    expect(JSON.stringify(view)).not.toContain('secret');
    expect(log.error).toHaveBeenCalledTimes(1);
  });

  it('a result outside the method’s result schema is refused as internal', async () => {
    const { jobs, log } = setup();
    const { jobId } = jobs.start('storage.backupNow', (async () => ({ at: 42 })) as never);
    expect(await ended(jobs, jobId)).toMatchObject({ state: 'failed', error: { code: 'internal' } });
    expect((await jobs.get({ id: jobId })).result).toBeUndefined();
    expect(log.error).toHaveBeenCalledTimes(1);
  });

  it('an unknown job is not_found', async () => {
    const { jobs } = setup();
    await expect(jobs.get({ id: '00000000-0000-4000-8000-000000000999' })).rejects.toMatchObject({ code: 'not_found' });
    expect(() => jobs.cancel('00000000-0000-4000-8000-000000000999')).toThrow(CoreError);
  });

  it('keeps a bounded number of ended jobs, the oldest forgotten first', async () => {
    const { jobs } = setup(2);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { jobId } = jobs.start('storage.backupNow', async () => RESULT);
      ids.push(jobId);
      await ended(jobs, jobId);
    }
    await expect(jobs.get({ id: ids[0]! })).rejects.toMatchObject({ code: 'not_found' });
    await expect(jobs.get({ id: ids[1]! })).rejects.toMatchObject({ code: 'not_found' });
    expect((await jobs.get({ id: ids[3]! })).state).toBe('done');
  });

  it('close cancels running jobs, waits for their cleanup and wakes waiting long-polls; no new job starts', async () => {
    const { jobs } = setup();
    const c = controlled();
    const { jobId } = jobs.start('storage.backupNow', c.body as never);
    await c.started;
    const v = await jobs.get({ id: jobId });
    const waiting = jobs.get({ id: jobId, afterVersion: v.version + 5, waitMs: 10_000 });
    await jobs.close();
    expect(c.cleanedUp()).toBe(true);
    expect((await jobs.get({ id: jobId })).state).toBe('cancelled');
    expect((await waiting).state).toBe('cancelled');
    expect(jobs.running()).toBe(false);
    expect(() => jobs.start('storage.backupNow', async () => RESULT)).toThrow(CoreError);
  });
});
