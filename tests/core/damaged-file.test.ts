import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../main/core/storage/names';
import { createCheckpointer } from '../../main/core/storage/checkpointer';
import { corruptMiddlePages } from './damage';
import { callResult, individual, LYON_SITE, openCore, removeTempDirs } from './helpers';

afterEach(removeTempDirs);

describe('a file found damaged while the app runs', () => {
  it('refuses every write with a translated reason, keeps reads working, and asks the next start to recover', async () => {
    const core = openCore();
    expect((await callResult(core, 'site.save', LYON_SITE)).ok).toBe(true);
    for (let i = 0; i < 300; i++) expect((await callResult(core, 'journal.create', individual())).ok).toBe(true);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    corruptMiddlePages(join(core.dataDir, DB_FILE));

    expect(await core.maintenance.checkIntegrity()).toBe('failed');
    const refused = await callResult(core, 'journal.create', individual());
    expect(refused).toEqual({
      ok: false,
      error: { code: 'storage_unavailable', messageKey: 'storage.integrityFailed' },
    });
    const status = await callResult(core, 'app.status', {});
    expect(status.ok && status.value.storage.integrity).toBe('failed');
    core.close();

    const next = openCore({ dataDir: core.dataDir });
    const after = await callResult(next, 'app.status', {});
    expect(after.ok && after.value.storage.recoveredFrom).toBe('none');
    next.close();
  });
});

describe('idle checkpoints', () => {
  it('move the WAL into the database only when something was written since the last one', async () => {
    const core = openCore();
    const checkpointer = createCheckpointer(core.db);
    expect(checkpointer.runIfDirty()).toBe(true);
    expect(checkpointer.runIfDirty()).toBe(false);
    await callResult(core, 'site.save', LYON_SITE);
    expect(checkpointer.runIfDirty()).toBe(true);
    expect(checkpointer.runIfDirty()).toBe(false);
    expect(core.db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    core.close();
  });
});
