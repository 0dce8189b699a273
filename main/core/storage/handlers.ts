import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { HandlersFor } from '../../../shared/contract';
import type { Clock } from '../../../shared/ids';
import type { storageContract } from '../../../shared/storage/contract';
import type { Jobs } from '../jobs/jobs';
import { BACKUP_DIR } from './names';
import type { createMaintenance } from './maintenance';

export const BACKUP_PHASE = 'jobs.phase.backingUp';

export function storageHandlers(o: {
  jobs: Jobs;
  maintenance: ReturnType<typeof createMaintenance>;
  dataDir: string;
  clock: Clock;
}): HandlersFor<keyof typeof storageContract> {
  return {
    // "Back up now": the same online backup as the daily one (rotated with them), as a job with progress.
    'storage.backupNow': () =>
      o.jobs.start('storage.backupNow', async (ctx) => {
        ctx.progress(0, null, BACKUP_PHASE);
        let pages: number | null = null;
        const name = await o.maintenance.backup((done, total) => {
          // Throwing inside a step is how the backup API stops; the half-written copy is removed.
          if (ctx.signal.aborted) throw new Error('cancelled');
          pages = total;
          ctx.progress(done, total, BACKUP_PHASE);
        });
        // The last step is not reported by the backup API (nor any step of a small database).
        ctx.progress(pages ?? 1, pages ?? 1, BACKUP_PHASE);
        return { at: o.clock.now().toISOString(), bytes: statSync(join(o.dataDir, BACKUP_DIR, name)).size };
      }),
  };
}
