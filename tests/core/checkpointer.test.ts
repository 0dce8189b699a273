import { afterEach, describe, expect, it } from 'vitest';
import { createCheckpointer } from '../../main/core/storage/checkpointer';
import { callResult, individual, LYON_SITE, openCore, removeTempDirs } from './helpers';

afterEach(removeTempDirs);

type Checkpoint = Array<{ busy: number; log: number; checkpointed: number }>;

describe('idle checkpoints', () => {
  // The first write after a WAL restart syncs the WAL header inside its commit: the checkpointer restarts the WAL
  // itself, in idle time, so the next save appends to a started WAL (one frame: the write that restarted it).
  it('restart the WAL after moving it all, so the next save does not', async () => {
    const core = openCore();
    try {
      await callResult(core, 'site.save', LYON_SITE);
      for (let i = 0; i < 5; i++) expect((await callResult(core, 'journal.create', individual())).ok).toBe(true);
      const version = core.db.pragma('user_version', { simple: true });
      const checkpointer = createCheckpointer(core.db);
      expect(checkpointer.runIfDirty()).toBe(true);
      // A WAL restarted since the checkpoint holds only the restarting write's page.
      const [after] = core.db.pragma('wal_checkpoint(PASSIVE)') as Checkpoint;
      expect(after).toEqual({ busy: 0, log: 1, checkpointed: 1 });
      expect(core.db.pragma('user_version', { simple: true })).toBe(version);
      // That write is not a change: the next tick has nothing to do.
      expect(checkpointer.runIfDirty()).toBe(false);
      expect((await callResult(core, 'journal.create', individual())).ok).toBe(true);
      expect(checkpointer.runIfDirty()).toBe(true);
    } finally {
      core.close();
    }
  });
});
