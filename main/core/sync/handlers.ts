import type { HandlersFor } from '../../../shared/contract';
import type { syncContract } from '../../../shared/sync/contract';
import type { createJobs } from '../jobs/jobs';
import type { SyncService } from './sync-service';
import type { Files } from '../files/files';

type Jobs = ReturnType<typeof createJobs>;

/**
 * Starts a sync round as a job, or answers the round already running (the schedule and the button share it, so two
 * rounds never send the same queue at once).
 */
export function createSyncRunner(jobs: Jobs, sync: SyncService) {
  let current: string | null = null;
  return {
    start(): { jobId: string } {
      if (current) return { jobId: current };
      const started = jobs.start('sync.run', (ctx) =>
        sync.run(ctx).finally(() => {
          current = null;
        }),
      );
      current = started.jobId;
      return started;
    },
    running: () => current !== null,
  };
}
export type SyncRunner = ReturnType<typeof createSyncRunner>;

/**
 * Sync by itself when online: a check a little after start (never before the first screen), then every minute; a
 * round starts when the desk is enrolled and no backoff is pending. Offline, each round fails fast and backs off.
 */
export function createSyncSchedule(sync: SyncService, runner: SyncRunner, startDelayMs = 20_000, everyMs = 60_000) {
  let timer: NodeJS.Timeout | null = null;
  const tick = () => {
    try {
      if (!runner.running() && sync.due()) runner.start();
    } catch {
      // The core is closing (jobs refuse new work) or the database is busy: the next tick tries again.
    }
    timer = setTimeout(tick, everyMs).unref();
  };
  return {
    start() {
      timer = setTimeout(tick, startDelayMs).unref();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

export function syncHandlers(
  sync: SyncService,
  runner: SyncRunner,
  jobs: Jobs,
  files: Pick<Files, 'takeTarget'>,
): HandlersFor<keyof typeof syncContract> {
  return {
    'sync.status': () => sync.status(),
    'sync.enroll': (input) => sync.enroll(input),
    'sync.configure': (input) => sync.configure(input),
    'sync.closePeriods': () => sync.closePeriods(),
    'sync.correct': (input) => sync.correct(input),
    'sync.preview': (input) => sync.preview(input),
    'sync.requeue': (input) => sync.requeue(input),
    'sync.run': () => runner.start(),
    'sync.exportFile': (input) => {
      const target = files.takeTarget(input.targetId, 'snapshots');
      return jobs.start('sync.exportFile', async (ctx) => {
        ctx.progress(0, null, 'jobs.phase.finishing');
        return sync.exportFile(target);
      });
    },
  };
}
