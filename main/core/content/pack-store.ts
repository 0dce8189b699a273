import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { PACK_CHANNELS, type PackChannel, type PackManifest } from '../../../shared/content/pack';
import { ensurePrivateDir, writePrivateFile } from '../storage/private-files';

// Installed packs live as plain files in the data folder, one folder per installed version:
//   content/packs/<channel>-v<version>-<id>/…     the verified files of the pack in use
//   content/staging/<id>/                          a pack being written (removed at the next start if left over)
//   content/state.json                             the pointer: which folder each channel uses
// Installing writes and fsyncs the files in staging, moves the folder under packs/ (same file system: one rename),
// then replaces state.json (written whole, fsynced, renamed). That last rename is the switch: a crash before it leaves
// the previous pointer, so the previous content stays in use; folders no pointer names are swept at the next start.

export const CONTENT_DIR = 'content';
const STATE_FILE = 'state.json';
const STATE_FORMAT = 1;

const PackPointer = z.object({
  version: z.number().int().min(1),
  dir: z.string().regex(/^[a-z]+-v\d+-[A-Za-z0-9-]{1,64}$/),
  issuedAt: z.string(),
  expiresAt: z.string(),
  keyId: z.string(),
  installedAt: z.string(),
  files: z.number().int().nonnegative(),
  previousVersion: z.number().int().min(1).nullable(),
});
/** The pack in use, and the one it replaced (kept on disk so the user can go back to it; one level only). */
const ChannelPointer = PackPointer.extend({ previous: PackPointer.nullable().default(null) });
export type ChannelPointer = z.infer<typeof ChannelPointer>;

const State = z.object({
  format: z.literal(STATE_FORMAT),
  channels: z.partialRecord(z.enum(PACK_CHANNELS), ChannelPointer),
});
type State = z.infer<typeof State>;

export interface PackStoreOptions {
  dataDir: string;
  newId: () => string;
  /** Test hook: runs after the files are staged and moved, just before the switch (a crash there is simulated). */
  beforeSwitch?: () => void;
}

function fsyncPath(path: string): void {
  // Directories cannot be opened for fsync on Windows; the rename is still atomic there.
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // best effort (see above)
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeDurably(path: string, data: Buffer | string): void {
  writePrivateFile(path, data);
  fsyncPath(path);
}

export function createPackStore(o: PackStoreOptions) {
  const root = join(o.dataDir, CONTENT_DIR);
  const packsDir = join(root, 'packs');
  const stagingDir = join(root, 'staging');
  const statePath = join(root, STATE_FILE);

  /** The pointer as on disk; an unreadable or foreign state means "shipped content" (never a crash, never a lock-out). */
  function readState(): State {
    try {
      const parsed = State.safeParse(JSON.parse(readFileSync(statePath, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // no state yet, or damaged: the shipped content answers
    }
    return { format: STATE_FORMAT, channels: {} };
  }

  function pointer(channel: PackChannel): ChannelPointer | null {
    const p = readState().channels[channel];
    if (!p || !existsSync(join(packsDir, p.dir))) return null;
    return p.previous && !existsSync(join(packsDir, p.previous.dir)) ? { ...p, previous: null } : p;
  }

  function writeState(state: State): void {
    const part = `${statePath}.part`;
    writeDurably(part, JSON.stringify(state));
    renameSync(part, statePath); // the switch
    fsyncPath(root);
  }

  /** Removes staging leftovers and pack folders no pointer names (an install interrupted before or after its switch). */
  function sweep(): void {
    rmSync(stagingDir, { recursive: true, force: true });
    if (!existsSync(packsDir)) return;
    const used = new Set(Object.values(readState().channels).flatMap((p) => [p.dir, p.previous?.dir]));
    for (const name of readdirSync(packsDir))
      if (!used.has(name)) rmSync(join(packsDir, name), { recursive: true, force: true });
  }

  /**
   * Writes a verified pack's files and switches the channel to them. `check` runs on the staged folder before the
   * switch (channel-specific validation, the catalogue import): if it throws, nothing changes.
   */
  async function install(
    manifest: PackManifest,
    files: ReadonlyMap<string, Buffer>,
    installedAt: string,
    check: (stagedDir: string) => Promise<void>,
  ): Promise<ChannelPointer> {
    const id = o.newId();
    const staged = join(stagingDir, id);
    const dirName = `${manifest.channel}-v${manifest.version}-${id}`;
    const final = join(packsDir, dirName);
    ensurePrivateDir(root);
    ensurePrivateDir(packsDir);
    try {
      for (const [path, data] of files) {
        // Paths were checked by the manifest schema (no "..", no absolute path): they stay inside the folder.
        const target = join(staged, ...path.split('/'));
        ensurePrivateDir(dirname(target));
        writeDurably(target, data);
      }
      ensurePrivateDir(staged);
      fsyncPath(staged);
      await check(staged);
      renameSync(staged, final);
      fsyncPath(packsDir);
      const previous = pointer(manifest.channel);
      const { previous: dropped = null, ...kept } = previous ?? {};
      const next: ChannelPointer = {
        version: manifest.version,
        dir: dirName,
        issuedAt: manifest.issuedAt,
        expiresAt: manifest.expiresAt,
        keyId: manifest.keyId,
        installedAt,
        files: files.size,
        previousVersion: previous?.version ?? null,
        previous: previous ? (kept as z.infer<typeof PackPointer>) : null,
      };
      const state = readState();
      state.channels[manifest.channel] = next;
      o.beforeSwitch?.();
      writeState(state);
      // The version before the previous one is no longer reachable: its folder goes.
      if (dropped) rmSync(join(packsDir, dropped.dir), { recursive: true, force: true });
      return next;
    } finally {
      rmSync(staged, { recursive: true, force: true });
    }
  }

  /**
   * Goes back to the pack the one in use replaced, or to the shipped content when it replaced nothing; the folder of
   * the version left is removed after the switch. Answers the version now in use (null: shipped).
   */
  function rollback(channel: PackChannel): number | null {
    const current = pointer(channel);
    if (!current) return null;
    const state = readState();
    if (current.previous) state.channels[channel] = { ...current.previous, previous: null };
    else delete state.channels[channel];
    writeState(state);
    rmSync(join(packsDir, current.dir), { recursive: true, force: true });
    return current.previous?.version ?? null;
  }

  return {
    pointer,
    rollback,
    /** The folder of the pack in use on a channel, or null (the shipped content is in use). */
    dirOf(channel: PackChannel): string | null {
      const p = pointer(channel);
      return p ? join(packsDir, p.dir) : null;
    },
    install,
    sweep,
  };
}

export type PackStore = ReturnType<typeof createPackStore>;
