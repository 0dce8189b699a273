import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_DIR, DB_FILE, LOCK_FILE, NEEDS_RECOVERY_MARKER, RUNNING_MARKER } from '../../main/core/storage/names';
import { ensurePrivateDir, touchPrivateFile, writePrivateFile } from '../../main/core/storage/private-files';
import { requestRecovery } from '../../main/core/storage/recovery';
import { call, individual, openCore, removeTempDirs, sequentialIds, tempDir, testClock } from './helpers';

// The data folder holds the journal's notes: on a desk PC shared by several OS accounts, nothing in it may be
// readable by another account, whatever the umask of the process that wrote it.

const posix = process.platform !== 'win32';
let savedUmask = 0;
beforeAll(() => {
  // The widest umask: every mode below comes from Médiane itself, not from a protective default.
  savedUmask = process.umask(0);
});
afterAll(() => {
  process.umask(savedUmask);
  removeTempDirs();
});

/** Every entry under `dir` (itself included) whose mode is not 0700 (folders) or 0600 (files). */
function wideEntries(dir: string): string[] {
  const bad: string[] = [];
  const visit = (path: string) => {
    const st = statSync(path);
    const mode = st.mode & 0o777;
    if (st.isDirectory()) {
      if (mode !== 0o700) bad.push(`${path} ${mode.toString(8)}`);
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if (mode !== 0o600) bad.push(`${path} ${mode.toString(8)}`);
  };
  visit(dir);
  return bad;
}

function allNames(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe.runIf(posix)('the private data folder (POSIX)', () => {
  it('the helpers create 0700 folders and 0600 files under umask 0, and tighten existing wider ones', () => {
    const root = tempDir();
    const dir = join(root, 'a', 'b');
    ensurePrivateDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    writePrivateFile(join(dir, 'new.txt'), 'x');
    touchPrivateFile(join(dir, 'empty'));
    expect(statSync(join(dir, 'new.txt')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'empty')).mode & 0o777).toBe(0o600);

    writeFileSync(join(dir, 'wide.txt'), 'old', { mode: 0o666 });
    chmodSync(join(dir, 'wide.txt'), 0o666);
    writePrivateFile(join(dir, 'wide.txt'), 'new');
    expect(statSync(join(dir, 'wide.txt')).mode & 0o777).toBe(0o600);
    chmodSync(dir, 0o755);
    ensurePrivateDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(() => writePrivateFile(join(dir, 'new.txt'), 'y', { exclusive: true })).toThrow(/EEXIST/);
  });

  it('after open, writes, backups, a recovery and a clean close: every folder is 0700 and every file 0600', async () => {
    const clock = testClock('2026-03-10T09:00:00.000Z');
    const newId = sequentialIds();
    const dataDir = join(tempDir(), 'Mediane');
    const core = openCore({ dataDir, clock, newId });
    for (let i = 0; i < 20; i++)
      await call(core, 'journal.create', individual({ notes: 'Pièces à fournir. '.repeat(30) }));
    await call(core, 'settings.update', { locale: 'en' });
    await core.maintenance.backup();
    clock.advance(24 * 60 * 60 * 1000);
    await core.maintenance.backup();
    expect(await core.maintenance.checkIntegrity()).toBe('ok');
    // While it runs: the database with its WAL and shared memory, the running marker, the lock.
    expect(allNames(dataDir)).toEqual(
      expect.arrayContaining([DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, RUNNING_MARKER, LOCK_FILE]),
    );
    expect(wideEntries(dataDir)).toEqual([]);
    core.close();

    requestRecovery(dataDir);
    expect(wideEntries(dataDir)).toEqual([]);
    const recovered = openCore({ dataDir, clock, newId });
    expect((await call(recovered, 'app.status', {})).storage.recoveredFrom).toMatch(/^mediane-.*\.sqlite$/);
    await call(recovered, 'journal.create', individual());
    // A corrupt-<time>/ folder with the set-aside database, the restored database, both backups.
    const names = allNames(dataDir);
    expect(names.filter((n) => /^corrupt-[^/]+$/.test(n))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith(`${BACKUP_DIR}/`))).toHaveLength(2);
    expect(wideEntries(dataDir)).toEqual([]);
    recovered.close();
    expect(wideEntries(dataDir)).toEqual([]);
  });

  it('tightens at open what an earlier version left readable by others', async () => {
    const dataDir = tempDir();
    const first = openCore({ dataDir });
    await call(first, 'journal.create', individual());
    await first.maintenance.backup();
    first.close();
    // As Médiane 0.1 left it: 0755 folders, 0644 files, and an old set-aside folder from a recovery.
    const aside = join(dataDir, 'corrupt-2026-01-01T00-00-00-000Z');
    mkdirSync(aside);
    writeFileSync(join(aside, DB_FILE), 'damaged');
    writeFileSync(join(dataDir, NEEDS_RECOVERY_MARKER), 'x');
    const wide = (path: string, mode: number) => chmodSync(path, mode);
    for (const n of readdirSync(join(dataDir, BACKUP_DIR))) wide(join(dataDir, BACKUP_DIR, n), 0o644);
    wide(join(dataDir, BACKUP_DIR), 0o755);
    wide(join(dataDir, DB_FILE), 0o644);
    wide(join(aside, DB_FILE), 0o666);
    wide(aside, 0o777);
    wide(join(dataDir, NEEDS_RECOVERY_MARKER), 0o644);
    wide(dataDir, 0o755);
    expect(wideEntries(dataDir).length).toBeGreaterThanOrEqual(7);

    const again = openCore({ dataDir });
    expect(wideEntries(dataDir)).toEqual([]);
    again.close();
  });
});

describe.runIf(!posix)('the data folder on Windows', () => {
  it('is created by the same helpers, which skip POSIX modes', () => {
    const dir = join(tempDir(), 'x');
    ensurePrivateDir(dir);
    writePrivateFile(join(dir, 'f'), 'x');
    expect(readdirSync(dir)).toEqual(['f']);
  });
});
