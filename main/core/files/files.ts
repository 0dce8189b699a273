import { chmodSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CoreError } from '../../../shared/errors';
import type { FilePurpose, OpenSource, SaveTarget } from '../../../shared/files/schema';
import type { Clock, IdSource } from '../../../shared/ids';

// Files the user picks never cross the boundary as paths: the host shows its own dialog (desktop) and the core keeps
// the path behind an opaque, single-use, expiring grant id. In browser mode there is no dialog: a save goes to a
// private staging file the host then serves as a download, and a file to read arrives as an upload.

/** The host's file dialogs (absolute paths; null when the user cancelled). Absent in browser mode. */
export interface FileDialogs {
  pickSave(purpose: FilePurpose, suggestedName: string): Promise<string | null>;
  pickOpen(purpose: FilePurpose): Promise<string | null>;
}

export const STAGING_DIR = 'transfers';
const GRANT_TTL_MS = 30 * 60 * 1000;
const MAX_GRANTS = 64;
const NAME_MAX = 120;

interface SaveGrant {
  kind: 'save';
  id: string;
  purpose: FilePurpose;
  path: string;
  name: string;
  delivery: SaveTarget['delivery'];
  state: 'open' | 'writing' | 'ready';
  expiresAt: number;
}
interface OpenGrant {
  kind: 'open';
  id: string;
  purpose: FilePurpose;
  path: string;
  name: string;
  bytes: number;
  /** A staging copy (an upload): removed once used. A file the user picked on disk is never removed. */
  staged: boolean;
  state: 'open' | 'reading';
  expiresAt: number;
}
type Grant = SaveGrant | OpenGrant;

/** A save target taken by a job: `commit` once the file is whole under `path`, `abandon` otherwise. */
export interface TakenTarget {
  path: string;
  name: string;
  commit(): void;
  abandon(): void;
}
/** A source taken by a job: `release` when done with it (a staged upload is removed then). */
export interface TakenSource {
  path: string;
  name: string;
  bytes: number;
  release(): void;
}

export interface FilesOptions {
  dataDir: string;
  clock: Clock;
  newId: IdSource;
  dialogs?: FileDialogs;
  /**
   * A folder every save goes to, with no dialog, or null for the usual way (self-service mode: a visitor must not
   * browse the file system through a save dialog; only PDFs are saved there).
   */
  fixedSaveDir?: () => string | null;
}

/** A name safe to show and to offer as a download name: no folders, no control or reserved characters. */
export function safeFileName(name: string, fallback = 'mediane'): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/^[.\s]+|\s+$/g, '')
    .slice(0, NAME_MAX);
  return cleaned || fallback;
}

function privateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
}

export function createFiles(o: FilesOptions) {
  const staging = join(o.dataDir, STAGING_DIR);
  // Whatever an earlier run left here (an upload never used, a download never fetched) is stale: start empty.
  rmSync(staging, { recursive: true, force: true });
  privateDir(staging);
  const grants = new Map<string, Grant>();
  const now = () => o.clock.now().getTime();

  function stagedPath(grant: Grant): string | null {
    if (grant.kind === 'save') return grant.delivery === 'download' ? grant.path : null;
    return grant.staged ? grant.path : null;
  }

  function drop(grant: Grant): void {
    grants.delete(grant.id);
    const staged = stagedPath(grant);
    if (staged) {
      rmSync(staged, { force: true });
      rmSync(`${staged}.part`, { force: true });
    }
  }

  const inUse = (g: Grant) => g.state === 'writing' || g.state === 'reading';

  /** Expired grants go; and the oldest idle ones when there are too many (a renderer picking in a loop). */
  function sweep(room = 0): void {
    const t = now();
    for (const g of [...grants.values()]) if (!inUse(g) && g.expiresAt <= t) drop(g);
    const idle = [...grants.values()].filter((g) => !inUse(g));
    for (const g of idle.slice(0, Math.max(0, grants.size + room - MAX_GRANTS))) drop(g);
  }

  function add<G extends Grant>(grant: G): G {
    sweep(1);
    grants.set(grant.id, grant);
    return grant;
  }

  function grantOf<K extends Grant['kind']>(id: string, kind: K, purpose: FilePurpose): Extract<Grant, { kind: K }> {
    sweep();
    const g = grants.get(id);
    if (!g || g.kind !== kind || g.purpose !== purpose || g.state !== 'open')
      throw new CoreError('not_found', 'files.expired');
    return g as Extract<Grant, { kind: K }>;
  }

  async function pickSave(input: { purpose: FilePurpose; suggestedName: string }): Promise<SaveTarget | null> {
    const id = o.newId();
    const base = { kind: 'save', id, purpose: input.purpose, state: 'open', expiresAt: now() + GRANT_TTL_MS } as const;
    const fixed = o.fixedSaveDir?.() ?? null;
    if (fixed !== null) {
      if (input.purpose !== 'pdf') throw new CoreError('forbidden', 'lock.selfServiceOnly');
      mkdirSync(fixed, { recursive: true });
      // Dated and unique: a visitor's report never replaces another's.
      const name = `${o.clock.now().toISOString().slice(0, 10)}-${id.slice(0, 8)}-${safeFileName(input.suggestedName)}`;
      const g = add<SaveGrant>({ ...base, path: join(fixed, name), name, delivery: 'native' });
      return { targetId: g.id, name: g.name, delivery: g.delivery };
    }
    if (!o.dialogs) {
      const g = add<SaveGrant>({
        ...base,
        path: join(staging, `${id}.download`),
        name: safeFileName(input.suggestedName),
        delivery: 'download',
      });
      return { targetId: g.id, name: g.name, delivery: g.delivery };
    }
    const path = await o.dialogs.pickSave(input.purpose, safeFileName(input.suggestedName));
    if (path === null) return null;
    const g = add<SaveGrant>({ ...base, path, name: basename(path), delivery: 'native' });
    return { targetId: g.id, name: g.name, delivery: g.delivery };
  }

  async function pickOpen(input: { purpose: FilePurpose }): Promise<OpenSource | null> {
    // Browser mode: the renderer sends the file to the host instead (core.files.acceptUpload).
    if (!o.dialogs) throw new CoreError('forbidden', 'files.uploadInstead');
    const path = await o.dialogs.pickOpen(input.purpose);
    if (path === null) return null;
    let bytes: number;
    try {
      const st = statSync(path);
      if (!st.isFile()) throw new Error('not a file');
      bytes = st.size;
    } catch {
      throw new CoreError('not_found', 'files.unreadable');
    }
    const g = add<OpenGrant>({
      kind: 'open',
      id: o.newId(),
      purpose: input.purpose,
      path,
      name: basename(path),
      bytes,
      staged: false,
      state: 'open',
      expiresAt: now() + GRANT_TTL_MS,
    });
    return { sourceId: g.id, name: g.name, bytes: g.bytes };
  }

  /**
   * Receives a file sent by the browser (browser mode) into a private staging file. Over `maxBytes`, or if the
   * upload breaks off, it is refused and nothing is left behind.
   */
  async function acceptUpload(
    name: string,
    body: AsyncIterable<Buffer | string> | NodeJS.ReadableStream,
    maxBytes: number,
    purpose: FilePurpose = 'desk',
  ): Promise<OpenSource> {
    const id = o.newId();
    const path = join(staging, `${id}.upload`);
    privateDir(staging);
    const file = await open(path, 'wx', 0o600);
    let bytes = 0;
    let failure: CoreError | null = null;
    try {
      for await (const chunk of body as AsyncIterable<Buffer | string>) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        bytes += buf.length;
        if (bytes > maxBytes) {
          failure = new CoreError('invalid_input', 'files.tooLarge');
          break;
        }
        await file.write(buf);
      }
    } catch {
      failure = new CoreError('invalid_input', 'files.uploadIncomplete');
    } finally {
      await file.close();
    }
    if (failure) {
      rmSync(path, { force: true });
      // Stop reading a body we refused, so the host can answer at once.
      const stream = body as Partial<NodeJS.ReadableStream> & { destroy?: () => void };
      if (typeof stream.destroy === 'function') stream.destroy();
      throw failure;
    }
    const g = add<OpenGrant>({
      kind: 'open',
      id,
      purpose,
      path,
      name: safeFileName(name, 'mediane-upload'),
      bytes,
      staged: true,
      state: 'open',
      expiresAt: now() + GRANT_TTL_MS,
    });
    return { sourceId: g.id, name: g.name, bytes: g.bytes };
  }

  /** For a job: the save target, single use. */
  function takeTarget(targetId: string, purpose: FilePurpose): TakenTarget {
    const g = grantOf(targetId, 'save', purpose);
    g.state = 'writing';
    return {
      path: g.path,
      name: g.name,
      commit() {
        if (g.delivery === 'native') grants.delete(g.id);
        else {
          // The host serves it once (download) then releases it; until then it expires like any grant.
          g.state = 'ready';
          g.expiresAt = now() + GRANT_TTL_MS;
        }
      },
      abandon: () => drop(g),
    };
  }

  /** For a job: the file to read, single use. */
  function takeSource(sourceId: string, purpose: FilePurpose): TakenSource {
    const g = grantOf(sourceId, 'open', purpose);
    g.state = 'reading';
    return { path: g.path, name: g.name, bytes: g.bytes, release: () => drop(g) };
  }

  return {
    pickSave,
    pickOpen,
    acceptUpload,
    takeTarget,
    takeSource,
    /** A finished download target (browser mode): the host streams it, then calls `release`. */
    download(targetId: string): { path: string; name: string } | null {
      sweep();
      const g = grants.get(targetId);
      if (!g || g.kind !== 'save' || g.delivery !== 'download' || g.state !== 'ready') return null;
      return { path: g.path, name: g.name };
    },
    release(targetId: string): void {
      const g = grants.get(targetId);
      if (g && !inUse(g)) drop(g);
    },
    /** Removes every staging file (the host is closing). */
    close(): void {
      grants.clear();
      rmSync(staging, { recursive: true, force: true });
    },
  };
}

export type Files = ReturnType<typeof createFiles>;
