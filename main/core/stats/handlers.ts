import type { HandlersFor } from '../../../shared/contract';
import type { statsContract } from '../../../shared/stats/contract';
import type { createJobs } from '../jobs/jobs';
import { RETENTION_PHASE, type Retention } from './retention';
import type { StatsService } from './stats-service';

type Jobs = ReturnType<typeof createJobs>;

export function startRetentionJob(jobs: Jobs, retention: Retention) {
  return jobs.start('stats.runRetention', (ctx) =>
    retention.run((done, total) => ctx.progress(done, total, RETENTION_PHASE), ctx.signal),
  );
}

export function statsHandlers(
  stats: StatsService,
  retention: Retention,
  jobs: Jobs,
): HandlersFor<keyof typeof statsContract> {
  return {
    'stats.dashboard': (input) => stats.dashboardParsed(input),
    'stats.retention': () => retention.state(),
    'stats.setRetention': (input) => retention.setPolicy(input),
    'stats.runRetention': () => startRetentionJob(jobs, retention),
  };
}

/**
 * Runs the retention policy in the background when it is on: a little after start (never before the first
 * screen), then once a day. Each run is a job (batches, cancellable) and is logged for "Mon lieu".
 */
export function createRetentionSchedule(jobs: Jobs, retention: Retention, startDelayMs = 30_000) {
  let timer: NodeJS.Timeout | null = null;
  const DAY_MS = 24 * 60 * 60 * 1000;
  const tick = () => {
    try {
      if (retention.policy().enabled) startRetentionJob(jobs, retention);
    } catch {
      // Jobs refuse new work while the core closes: nothing to do then.
    }
    timer = setTimeout(tick, DAY_MS).unref();
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
