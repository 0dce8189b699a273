import { randomUUID } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CoreError } from '../../../shared/errors';
import { LOCK_FILE } from './names';
import { writePrivateFile } from './private-files';

// One core per data folder. Two hosts on one folder (two browser-mode hosts, or the desktop app and a browser-mode
// host) would interleave their writes and, worse, the second would delete the first one's running marker on exit,
// hiding a later crash. The lock is a file created atomically (a hard link of a complete temporary file, so nobody
// ever reads a half-written one), holding who took it. A process killed without cleaning up (SIGKILL, power cut)
// leaves it behind: it is stale, and taken over, when its pid is no longer alive on this computer.

export type HostKind = 'desktop' | 'browser';

/** Who holds a data folder: what the refusal message tells the user. */
export interface LockHolder {
  pid: number;
  hostname: string;
  host: HostKind | null;
  startedAt: string;
}

interface LockContent extends LockHolder {
  token: string;
}

/** Refusal to open a data folder another Médiane process has open; `details` names that process. */
export class DataFolderLockedError extends CoreError {
  constructor(readonly details: LockHolder) {
    super('storage_unavailable', 'storage.locked');
    this.name = 'DataFolderLockedError';
  }
}

export interface DataFolderLock {
  /**
   * Ties the lock to the connection it protects: inside this process the lock counts as held only while that
   * connection is open, as a lock of a dead process does not count (a connection dropped without close is a crash).
   */
  bindTo(connection: { readonly open: boolean }): void;
  /** Removes the lock file if it is still this one. Idempotent. */
  release(): void;
}

/** Locks taken by this process, by lock path: the in-process half of "is its holder alive?". */
const held = new Map<string, { token: string; inUse: () => boolean }>();
let exitHookInstalled = false;

function readLock(path: string): { raw: string; content: LockContent | null } | null {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const c = JSON.parse(raw) as Partial<LockContent>;
    const valid = typeof c.pid === 'number' && typeof c.hostname === 'string' && typeof c.token === 'string';
    return { raw, content: valid ? (c as LockContent) : null };
  } catch {
    return { raw, content: null };
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another account.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(path: string, content: LockContent | null): boolean {
  // Unreadable content cannot name a live holder: only a damaged file is written so (the content is whole on creation).
  if (content === null) return true;
  // A process on another computer (a shared network folder) cannot be checked from here: it is presumed alive.
  if (content.hostname !== hostname()) return false;
  if (content.pid === process.pid) {
    const mine = held.get(path);
    // Our own pid but not our lock: left by an earlier process that had the same pid.
    return !mine || mine.token !== content.token || !mine.inUse();
  }
  return !pidAlive(content.pid);
}

/** Creates the lock file with its whole content, or returns false when one exists. */
function create(path: string, content: LockContent): boolean {
  const text = JSON.stringify(content);
  const tmp = `${path}.${content.token}.tmp`;
  writePrivateFile(tmp, text);
  try {
    linkSync(tmp, path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links (FAT): O_EXCL on the file itself, which is atomic too.
    try {
      writePrivateFile(path, text, { exclusive: true });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Removes a stale lock, unless another opener replaced it in the meantime (then that one stays). */
function removeStale(path: string, staleRaw: string): void {
  const aside = `${path}.${randomUUID()}.stale`;
  try {
    renameSync(path, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    if (readFileSync(aside, 'utf8') !== staleRaw) linkSync(aside, path);
  } catch {
    // Someone took the folder meanwhile (EEXIST): their lock stands, ours will be refused on the next attempt.
  } finally {
    rmSync(aside, { force: true });
  }
}

function toHolder(c: LockContent): LockHolder {
  return {
    pid: c.pid,
    hostname: c.hostname,
    host: c.host === 'desktop' || c.host === 'browser' ? c.host : null,
    startedAt: c.startedAt,
  };
}

function releaseAllAtExit(): void {
  for (const [path, mine] of held) {
    if (readLock(path)?.content?.token === mine.token) rmSync(path, { force: true });
  }
  held.clear();
}

/**
 * Takes the data folder's single-instance lock, or throws DataFolderLockedError naming the process that holds it.
 * Released by `release()` (the core's close) and, should a host exit without closing, when the process exits.
 */
export function lockDataFolder(dataDir: string, host: HostKind): DataFolderLock {
  const path = join(dataDir, LOCK_FILE);
  const content: LockContent = {
    pid: process.pid,
    hostname: hostname(),
    host,
    startedAt: new Date().toISOString(),
    token: randomUUID(),
  };
  let taken = false;
  let holder: LockHolder | null = null;
  let lastSeen: LockContent | null = null;
  // A few rounds: each one either takes the lock, finds a live holder, or clears a stale lock and tries again.
  for (let attempt = 0; attempt < 5 && !taken; attempt++) {
    if (create(path, content)) {
      taken = true;
      break;
    }
    const existing = readLock(path);
    if (existing === null) continue;
    lastSeen = existing.content ?? lastSeen;
    if (!isStale(path, existing.content)) {
      holder = toHolder(existing.content!);
      break;
    }
    removeStale(path, existing.raw);
  }
  if (!taken) {
    // Without a live holder found, the lock kept changing hands under us: name the last one seen.
    throw new DataFolderLockedError(
      holder ?? (lastSeen ? toHolder(lastSeen) : { pid: 0, hostname: hostname(), host: null, startedAt: '' }),
    );
  }

  const entry = { token: content.token, inUse: () => true };
  held.set(path, entry);
  if (!exitHookInstalled) {
    process.once('exit', releaseAllAtExit);
    exitHookInstalled = true;
  }
  return {
    bindTo(connection) {
      entry.inUse = () => connection.open;
    },
    release() {
      if (held.get(path) !== entry) return;
      held.delete(path);
      if (readLock(path)?.content?.token === entry.token) rmSync(path, { force: true });
    },
  };
}

/** The host this process runs: Electron's main process is the desktop app, plain Node the browser-mode host. */
export function currentHostKind(): HostKind {
  return process.versions.electron ? 'desktop' : 'browser';
}
