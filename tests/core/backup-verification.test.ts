import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_DIR } from '../../main/core/storage/names';
import { call, individual, openCore, removeTempDirs, testClock } from './helpers';

// A backup counts only once it has passed the full integrity check: here the check is made to fail.
const verdict = vi.hoisted(() => ({ next: 'ok' as 'ok' | 'failed' }));
vi.mock('../../main/core/storage/integrity', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../main/core/storage/integrity')>();
  return {
    ...real,
    checkIntegrityInWorker: async (path: string, level?: 'quick' | 'full') => {
      const r = await real.checkIntegrityInWorker(path, level);
      return verdict.next === 'failed' ? 'failed' : r;
    },
  };
});

afterEach(() => {
  verdict.next = 'ok';
  removeTempDirs();
});

describe('a backup that fails its integrity check', () => {
  it('is not kept, leaves no partial file, does not record a backup time, and keeps the previous backups', async () => {
    const clock = testClock('2026-03-01T08:00:00.000Z');
    const core = openCore({ clock });
    await call(core, 'journal.create', individual());
    const good = await core.maintenance.backup();
    clock.advance(24 * 60 * 60 * 1000);

    verdict.next = 'failed';
    await expect(core.maintenance.backup()).rejects.toThrow(/integrity/);
    expect(readdirSync(join(core.dataDir, BACKUP_DIR))).toEqual([good]);
    expect((await call(core, 'app.status', {})).storage.lastBackupAt).toBe('2026-03-01T08:00:00.000Z');

    verdict.next = 'ok';
    const next = await core.maintenance.backup();
    expect(readdirSync(join(core.dataDir, BACKUP_DIR)).sort()).toEqual([good, next].sort());
    expect(existsSync(join(core.dataDir, BACKUP_DIR, `${next}.partial`))).toBe(false);
    core.close();
  });
});
