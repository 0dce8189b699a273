import { cleanup, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { initAppI18n } from '../../app/features';
import type { JobView } from '../../../shared/jobs/schema';
import type { AppError } from '../../../shared/errors';
import type { FakeHandlers } from '../../test-kit';

// A fake of the core's job runner for the transfer screens' tests: each started job can be moved by hand (progress,
// done, failed); `jobs.get` with `afterVersion` waits for the next change, as the real long-poll does.

export class FakeJobs {
  private jobs = new Map<string, JobView>();
  private waiters = new Map<string, Array<() => void>>();
  private next = 1;

  start(method: string): { jobId: string } {
    const id = `00000000-0000-4000-8000-${String(this.next++).padStart(12, '0')}`;
    this.jobs.set(id, {
      id,
      method,
      state: 'running',
      done: 0,
      total: null,
      phase: 'jobs.phase.copying',
      version: 0,
      startedAt: '2026-06-01T10:00:00.000Z',
      endedAt: null,
    });
    return { jobId: id };
  }

  /** The only job started so far with this method. */
  idOf(method: string): string {
    const found = [...this.jobs.values()].filter((j) => j.method === method);
    if (found.length !== 1) throw new Error(`${found.length} jobs for ${method}`);
    return found[0]!.id;
  }

  update(id: string, change: Partial<JobView>): void {
    const job = this.jobs.get(id)!;
    this.jobs.set(id, { ...job, ...change, version: job.version + 1 });
    for (const wake of this.waiters.get(id) ?? []) wake();
    this.waiters.delete(id);
  }

  progress = (id: string, done: number, total: number) => this.update(id, { done, total });
  finish = (id: string, result: unknown) =>
    this.update(id, { state: 'done', result, endedAt: '2026-06-01T10:01:00.000Z' });
  fail = (id: string, error: AppError) =>
    this.update(id, { state: 'failed', error, endedAt: '2026-06-01T10:01:00.000Z' });

  handlers(): FakeHandlers {
    return {
      'jobs.get': async ({ id, afterVersion }) => {
        const job = this.jobs.get(id);
        if (!job) throw new Error(`no job ${id}`);
        if (afterVersion !== undefined && job.version <= afterVersion && job.state === 'running') {
          await new Promise<void>((resolve) => this.waiters.set(id, [...(this.waiters.get(id) ?? []), resolve]));
        }
        return this.jobs.get(id)!;
      },
      'jobs.cancel': ({ id }) => {
        this.update(id, { state: 'cancelled', endedAt: '2026-06-01T10:01:00.000Z' });
        return this.jobs.get(id)!;
      },
    };
  }
}

/** The job's Cancel button, once the first progress report has enabled it. */
export async function enabledCancel(): Promise<HTMLElement> {
  const button = await screen.findByRole('button', { name: 'Annuler' });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  return button;
}

/** The set-up both screens' tests share: French texts, a clean page and no desktop bridge after each test. */
export function setUpTransferTests(hash?: string): void {
  beforeAll(() => {
    initAppI18n('fr');
  });
  beforeEach(async () => {
    await i18next.changeLanguage('fr');
    if (hash !== undefined) window.location.hash = hash;
  });
  afterEach(() => {
    cleanup();
    delete window.mediane;
  });
}
