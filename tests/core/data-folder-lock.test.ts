import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core';
import { DataFolderLockedError, lockDataFolder } from '../../main/core/storage/data-folder-lock';
import { DB_FILE, LOCK_FILE, RUNNING_MARKER } from '../../main/core/storage/names';
import { startupErrorMessage } from '../../main/core/startup-errors';
import { call, individual, openCore, removeTempDirs, sequentialIds, tempDir, testClock } from './helpers';

afterEach(() => removeTempDirs());

function refusal(open: () => unknown): DataFolderLockedError {
  try {
    open();
  } catch (err) {
    expect(err).toBeInstanceOf(DataFolderLockedError);
    return err as DataFolderLockedError;
  }
  throw new Error('the second open was not refused');
}

/** A Node process that stays alive until killed, and a promise of its exit. */
function liveProcess() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { pid: child.pid!, kill: () => child.kill('SIGKILL'), exited };
}

/** The pid of a process that has ended (and was reaped): what a SIGKILLed host leaves in its lock. */
async function deadPid(): Promise<number> {
  const p = liveProcess();
  p.kill();
  await p.exited;
  return p.pid;
}

function writeLock(dataDir: string, holder: { pid: number; hostname?: string; host?: string }) {
  writeFileSync(
    join(dataDir, LOCK_FILE),
    JSON.stringify({
      hostname: hostname(),
      host: 'browser',
      startedAt: '2026-03-10T08:00:00.000Z',
      token: 'theirs',
      ...holder,
    }),
  );
}

describe('single-instance lock of the data folder', () => {
  it('refuses a second core on an open folder, naming the holder, without touching its marker or its data', async () => {
    const first = openCore();
    await call(first, 'journal.create', individual());
    const marker = readFileSync(join(first.dataDir, RUNNING_MARKER), 'utf8');

    const err = refusal(() => createCore({ dataDir: first.dataDir, clock: testClock(), maintenance: false }));
    expect(err.code).toBe('storage_unavailable');
    expect(err.messageKey).toBe('storage.locked');
    expect(err.details).toMatchObject({ pid: process.pid, hostname: hostname(), host: 'browser' });
    expect(startupErrorMessage(err, 'fr')).toContain(`processus ${process.pid}`);
    expect(startupErrorMessage(err, 'en')).toContain(`process ${process.pid}`);

    // The first core is unaffected: its marker is its own, it keeps writing.
    expect(readFileSync(join(first.dataDir, RUNNING_MARKER), 'utf8')).toBe(marker);
    await call(first, 'journal.create', individual());
    expect((await call(first, 'journal.list', {})).total).toBe(2);
    first.close();
    expect(existsSync(join(first.dataDir, LOCK_FILE))).toBe(false);

    // Once closed, the folder opens again, with the data and a clean-shutdown status.
    const again = openCore({ dataDir: first.dataDir, newId: sequentialIds('00000001') });
    expect((await call(again, 'journal.list', {})).total).toBe(2);
    expect((await call(again, 'app.status', {})).storage.uncleanShutdown).toBe(false);
    again.close();
  });

  it('takes over a stale lock left by a process that was killed', async () => {
    const dataDir = tempDir();
    const pid = await deadPid();
    writeLock(dataDir, { pid });
    writeFileSync(join(dataDir, RUNNING_MARKER), String(pid));
    const core = openCore({ dataDir });
    expect((await call(core, 'app.status', {})).storage.uncleanShutdown).toBe(true);
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    core.close();
  });

  it('takes over a lock with this pid that this process did not take (a previous process with the same pid)', () => {
    const dataDir = tempDir();
    writeLock(dataDir, { pid: process.pid });
    const core = openCore({ dataDir });
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).token).not.toBe('theirs');
    core.close();
  });

  it('takes over an unreadable lock file', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, LOCK_FILE), '{"pid":');
    const core = openCore({ dataDir });
    core.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('refuses while another live process holds the lock, and opens once that process is gone', async () => {
    const dataDir = tempDir();
    const other = liveProcess();
    writeLock(dataDir, { pid: other.pid, host: 'desktop' });
    const err = refusal(() => openCore({ dataDir }));
    expect(err.details).toMatchObject({ pid: other.pid, host: 'desktop' });
    expect(startupErrorMessage(err, 'fr')).toMatch(
      new RegExp(`l’application de bureau Médiane \\(processus ${other.pid}\\)`),
    );
    expect(startupErrorMessage(err, 'en')).toMatch(new RegExp(`the Médiane desktop app \\(process ${other.pid}\\)`));
    // Refused before anything was created: no database, no marker.
    expect(existsSync(join(dataDir, RUNNING_MARKER))).toBe(false);
    expect(existsSync(join(dataDir, DB_FILE))).toBe(false);
    other.kill();
    await other.exited;
    openCore({ dataDir }).close();
  });

  it('presumes alive a holder on another computer (a shared folder) and names that computer', () => {
    const dataDir = tempDir();
    writeLock(dataDir, { pid: 4242, hostname: 'poste-accueil-2' });
    const err = refusal(() => openCore({ dataDir }));
    expect(startupErrorMessage(err, 'fr')).toContain('processus 4242, sur l’ordinateur « poste-accueil-2 »');
    expect(startupErrorMessage(err, 'en')).toContain('process 4242, on the computer "poste-accueil-2"');
  });

  it('a connection dropped without close (a crash inside this process) does not keep the folder locked', () => {
    const core = openCore();
    core.db.close();
    const next = openCore({ dataDir: core.dataDir });
    next.close();
    // The first core's late close does not remove the lock the second one took (nor fail).
    const third = openCore({ dataDir: core.dataDir });
    core.close();
    expect(existsSync(join(core.dataDir, LOCK_FILE))).toBe(true);
    expect(() => openCore({ dataDir: core.dataDir })).toThrow(DataFolderLockedError);
    third.close();
  });

  it('is released when the open itself is refused (database from a newer version)', () => {
    const dataDir = tempDir();
    const future = new Database(join(dataDir, DB_FILE));
    future.pragma('user_version = 999');
    future.close();
    expect(() => openCore({ dataDir })).toThrow(expect.objectContaining({ messageKey: 'storage.newerVersion' }));
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    expect(existsSync(join(dataDir, RUNNING_MARKER))).toBe(false);
  });

  it('lockDataFolder: refuses a second taker in the same process, release is idempotent', () => {
    const dataDir = tempDir();
    const lock = lockDataFolder(dataDir, 'browser');
    expect(() => lockDataFolder(dataDir, 'browser')).toThrow(DataFolderLockedError);
    lock.release();
    lock.release();
    const again = lockDataFolder(dataDir, 'desktop');
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({
      host: 'desktop',
      pid: process.pid,
    });
    again.release();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });
});
