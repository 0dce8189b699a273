import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, listBackups } from '../../main/core/storage/backups';
import {
  BACKUP_DIR,
  CORRUPT_DIR_PREFIX,
  DB_FILE,
  NEEDS_RECOVERY_MARKER,
  RUNNING_MARKER,
} from '../../main/core/storage/names';
import { requestRecovery } from '../../main/core/storage/recovery';
import { corruptMiddlePages } from './damage';
import { call, individual, openCore, removeTempDirs, sequentialIds, testClock } from './helpers';

const DAY = 24 * 60 * 60 * 1000;

afterEach(() => removeTempDirs());

function countSessions(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** A desk with some history, a backup of part of it, then more sessions; closed cleanly. */
async function deskWithBackup() {
  const clock = testClock('2026-03-10T09:00:00.000Z');
  const core = openCore({ clock, newId: sequentialIds() });
  const notes = 'Suivi du dossier, pièces à fournir la prochaine fois. '.repeat(20);
  for (let i = 0; i < 150; i++) await call(core, 'journal.create', individual({ notes }));
  const backupName = await core.maintenance.backup();
  clock.advance(60_000);
  for (let i = 0; i < 50; i++) await call(core, 'journal.create', individual({ notes }));
  core.close();
  return { dataDir: core.dataDir, backupName, clock };
}

describe('storage', () => {
  it('opens in WAL mode with foreign keys on', () => {
    const core = openCore();
    expect(core.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(core.db.pragma('foreign_keys', { simple: true })).toBe(1);
    core.close();
  });

  it('writes a running marker while open and removes it on a clean close', async () => {
    const core = openCore();
    expect(existsSync(join(core.dataDir, RUNNING_MARKER))).toBe(true);
    core.close();
    expect(existsSync(join(core.dataDir, RUNNING_MARKER))).toBe(false);
    const again = openCore({ dataDir: core.dataDir });
    expect((await call(again, 'app.status', {})).storage).toMatchObject({
      uncleanShutdown: false,
      recoveredFrom: null,
    });
    again.close();
  });

  it('backs up into <dataDir>/backups, records the time, and keeps the newest seven', async () => {
    const clock = testClock('2026-03-01T08:00:00.000Z');
    const core = openCore({ clock });
    await call(core, 'journal.create', individual());
    const names: string[] = [];
    for (let i = 0; i < BACKUPS_KEPT + 3; i++) {
      names.push(await core.maintenance.backup());
      clock.advance(DAY);
    }
    expect(BACKUPS_KEPT).toBe(7);
    const dir = join(core.dataDir, BACKUP_DIR);
    const onDisk = readdirSync(dir).sort();
    expect(onDisk).toEqual(names.slice(-BACKUPS_KEPT).sort());
    expect(onDisk.every((n) => /^mediane-\d{8}-\d{6}\.sqlite$/.test(n))).toBe(true);
    expect(names[0]).toBe('mediane-20260301-080000.sqlite');
    // The last backup happened one day before the clock's current time.
    await expect(call(core, 'app.status', {})).resolves.toMatchObject({
      storage: { lastBackupAt: '2026-03-10T08:00:00.000Z' },
    });
    // Each backup is a whole, self-contained database file with the session in it (no WAL of its own needed).
    expect(countSessions(join(dir, onDisk[0]!))).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(onDisk);
    core.close();
  });

  it('runs a full integrity check that returns ok on a healthy database', async () => {
    const core = openCore();
    await call(core, 'journal.create', individual());
    expect(core.maintenance.integrity()).toBe('not_run');
    await expect(core.maintenance.checkIntegrity()).resolves.toBe('ok');
    await expect(call(core, 'app.status', {})).resolves.toMatchObject({
      storage: { integrity: 'ok', lastIntegrityCheckAt: expect.any(String) },
    });
    expect(core.maintenance.integrity()).toBe('ok');
    expect((await call(core, 'app.status', {})).storage.integrity).toBe('ok');
    core.close();
  });

  describe('recovery', () => {
    it('after an unclean shutdown on a corrupt file: restores the newest good backup and moves the corrupt files aside', async () => {
      const { dataDir, backupName, clock } = await deskWithBackup();
      const dbPath = join(dataDir, DB_FILE);
      corruptMiddlePages(dbPath);
      writeFileSync(join(dataDir, RUNNING_MARKER), '12345'); // the process died without closing

      clock.advance(DAY);
      const core = openCore({ dataDir, clock });
      const status = await call(core, 'app.status', {});
      expect(status.storage.uncleanShutdown).toBe(true);
      expect(status.storage.recoveredFrom).toBe(backupName);
      // The working database is the backup's content: the 150 sessions saved before it.
      expect((await call(core, 'journal.list', {})).total).toBe(150);
      expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(core.db.pragma('journal_mode', { simple: true })).toBe('wal');

      const aside = readdirSync(dataDir).filter((n) => n.startsWith(CORRUPT_DIR_PREFIX));
      expect(aside).toHaveLength(1);
      expect(readdirSync(join(dataDir, aside[0]!))).toContain(DB_FILE);
      // The backup itself is still there, and checking it left no stray -wal/-shm files that rotation would never remove.
      expect(listBackups(dataDir).map((b) => b.name)).toContain(backupName);
      expect(readdirSync(join(dataDir, BACKUP_DIR))).toEqual([backupName]);
      core.close();

      // The next clean start is an ordinary one.
      const next = openCore({ dataDir, clock });
      expect((await call(next, 'app.status', {})).storage).toMatchObject({
        uncleanShutdown: false,
        recoveredFrom: null,
      });
      expect((await call(next, 'journal.list', {})).total).toBe(150);
      next.close();
    });

    it('skips a backup that fails its integrity check and takes the next good one', async () => {
      const { dataDir, backupName, clock } = await deskWithBackup();
      // A newer backup exists but is itself corrupt.
      const reopened = openCore({ dataDir, clock });
      clock.advance(DAY);
      const newer = await reopened.maintenance.backup();
      reopened.close();
      expect(newer > backupName).toBe(true);
      corruptMiddlePages(join(dataDir, BACKUP_DIR, newer));
      corruptMiddlePages(join(dataDir, DB_FILE));
      writeFileSync(join(dataDir, RUNNING_MARKER), '1');

      const core = openCore({ dataDir, clock });
      expect((await call(core, 'app.status', {})).storage.recoveredFrom).toBe(backupName);
      expect((await call(core, 'journal.list', {})).total).toBe(150);
      core.close();
    });

    it('when a failed background check asked for it (requestRecovery), restores at the next start', async () => {
      const { dataDir, backupName, clock } = await deskWithBackup();
      requestRecovery(dataDir);
      const core = openCore({ dataDir, clock });
      const status = await call(core, 'app.status', {});
      expect(status.storage.recoveredFrom).toBe(backupName);
      expect(status.storage.uncleanShutdown).toBe(false);
      expect((await call(core, 'journal.list', {})).total).toBe(150);
      expect(readdirSync(dataDir).filter((n) => n.startsWith(CORRUPT_DIR_PREFIX))).toHaveLength(1);
      expect(existsSync(join(dataDir, NEEDS_RECOVERY_MARKER))).toBe(false);
      core.close();

      const next = openCore({ dataDir, clock });
      expect((await call(next, 'app.status', {})).storage.recoveredFrom).toBeNull();
      next.close();
    });

    it('with no backup at all: recoveredFrom is "none" and the desk starts on an empty working database', async () => {
      const clock = testClock();
      const core = openCore({ clock });
      const notes = 'x'.repeat(2000);
      for (let i = 0; i < 100; i++) await call(core, 'journal.create', individual({ notes }));
      core.close();
      const dataDir = core.dataDir;
      corruptMiddlePages(join(dataDir, DB_FILE));
      writeFileSync(join(dataDir, RUNNING_MARKER), '1');

      const after = openCore({ dataDir, clock });
      const status = await call(after, 'app.status', {});
      expect(status.storage.recoveredFrom).toBe('none');
      expect(status.storage.uncleanShutdown).toBe(true);
      expect(status.setupDone).toBe(false);
      expect((await call(after, 'journal.list', {})).total).toBe(0);
      expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
      // The working database is usable.
      await call(after, 'journal.create', individual());
      expect((await call(after, 'journal.list', {})).total).toBe(1);
      expect(readdirSync(dataDir).filter((n) => n.startsWith(CORRUPT_DIR_PREFIX))).toHaveLength(1);
      after.close();
    });

    it('a requestRecovery with no backup moves the file aside and starts empty', async () => {
      const core = openCore();
      await call(core, 'journal.create', individual());
      core.close();
      requestRecovery(core.dataDir);
      const after = openCore({ dataDir: core.dataDir });
      expect((await call(after, 'app.status', {})).storage.recoveredFrom).toBe('none');
      expect((await call(after, 'journal.list', {})).total).toBe(0);
      after.close();
    });

    it('an unclean shutdown on a healthy file keeps the data and recovers nothing', async () => {
      const core = openCore();
      const s = await call(core, 'journal.create', individual());
      // Simulate a crash: the connection is dropped without the clean-close checkpoint, the marker stays.
      core.db.close();
      expect(existsSync(join(core.dataDir, RUNNING_MARKER))).toBe(true);
      const after = openCore({ dataDir: core.dataDir });
      const status = await call(after, 'app.status', {});
      expect(status.storage).toMatchObject({ uncleanShutdown: true, recoveredFrom: null });
      expect((await call(after, 'journal.get', { id: s.id })).id).toBe(s.id);
      after.close();
    });
  });
});
