import { readFile, stat } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  PACK_CHANNELS,
  PackManifest,
  verifyPack,
  type PackChannel,
  type PackRefusal,
} from '../../../shared/content/pack';
import type { ContentStatus, InstallResult } from '../../../shared/content/schema';
import { CoreError } from '../../../shared/errors';
import type { Clock } from '../../../shared/ids';
import type { TakenSource } from '../files/files';
import type { JobContext, Jobs } from '../jobs/jobs';
import { readGuidePack } from './guide-pack';
import type { HubAccess, PackHubClient } from './hub-client';
import type { PackStore } from './pack-store';

// Signed content packs on the desk: verified against the pinned keys and the version in use, written to the data
// folder and switched in atomically (pack-store.ts), then handed to the feature that uses them (guides read them;
// the catalogue imports its archives before the switch). Every refusal has its own message (errors "content.*").

/** A pack file larger than this is refused before it is read (a whole national catalogue is about 150 MB). */
export const MAX_PACK_FILE_BYTES = 400 * 1024 * 1024;

/** Channels this desk can use; the diagnosis's questionnaire versions ship with the app (compiled in) for now. */
const SUPPORTED: ReadonlySet<PackChannel> = new Set(['guides', 'catalogue']);
/** Channels whose previous version can be switched back at once (a catalogue would need its archives re-imported). */
const ROLLBACK: ReadonlySet<PackChannel> = new Set(['guides']);

const REFUSAL_KEYS: Record<PackRefusal, string> = {
  malformed: 'content.malformed',
  foreign_key: 'content.foreignKey',
  bad_signature: 'content.badSignature',
  not_newer: 'content.rolledBack',
  missing_file: 'content.missingFile',
  extra_file: 'content.extraFile',
  hash_mismatch: 'content.hashMismatch',
};

export interface ContentDeps {
  clock: Clock;
  jobs: Jobs;
  store: PackStore;
  trustedKeys: Readonly<Record<string, string>>;
  takeSource: (sourceId: string) => TakenSource;
  /** The desk's hub and credential when enrolled (the sync feature's, injected), else null. */
  hubAccess: () => Promise<HubAccess | null>;
  hubEnrolled: () => boolean;
  hub: PackHubClient;
  /** Called after a guides pack is switched in (the guides service reads its files again). */
  onGuidesInstalled: () => void;
  /** Imports the catalogue archives of a staged pack (the catalogue's own import; replaces the catalogue at its end). */
  importCatalogue: (archives: string[], ctx: Pick<JobContext, 'signal' | 'progress'>) => Promise<unknown>;
}

const PHASE_VERIFYING = 'jobs.phase.verifying';
const PHASE_DOWNLOADING = 'jobs.phase.downloading';
const PHASE_INSTALLING = 'jobs.phase.replacing';

function manifestOf(candidate: unknown): PackManifest | null {
  try {
    const text = (candidate as { manifest?: unknown })?.manifest;
    if (typeof text !== 'string') return null;
    const parsed = PackManifest.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function zipsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...zipsUnder(path));
    else if (e.name.toLowerCase().endsWith('.zip')) out.push(path);
  }
  return out.sort();
}

export function createContentService(d: ContentDeps) {
  let installing = false;

  function status(): ContentStatus {
    const now = d.clock.now().getTime();
    return {
      channels: PACK_CHANNELS.map((channel) => {
        const p = d.store.pointer(channel);
        return {
          channel,
          supported: SUPPORTED.has(channel),
          canRollBack: p !== null && ROLLBACK.has(channel),
          installed: p && {
            version: p.version,
            issuedAt: p.issuedAt,
            expiresAt: p.expiresAt,
            keyId: p.keyId,
            stale: Date.parse(p.expiresAt) < now,
            installedAt: p.installedAt,
            files: p.files,
            previousVersion: p.previous?.version ?? null,
          },
        };
      }),
      trustedKeys: Object.keys(d.trustedKeys).sort(),
      hubEnrolled: d.hubEnrolled(),
    };
  }

  /** Channel-specific checks on the staged files, before the switch: a pack that cannot be used is never switched in. */
  async function useStaged(channel: PackChannel, dir: string, ctx: Pick<JobContext, 'signal' | 'progress'>) {
    if (channel === 'guides') {
      const set = readGuidePack(dir);
      if (set.guides.length === 0 || set.problems.length > 0)
        throw new CoreError(
          'invalid_input',
          'content.invalidGuides',
          set.problems
            .slice(0, 20)
            .flatMap((p) =>
              p.issues.slice(0, 3).map((i) => ({ path: `${p.name} ${i.path}`.trim(), message: i.message })),
            ),
        );
      return;
    }
    if (channel === 'catalogue') {
      const archives = zipsUnder(dir);
      if (archives.length === 0) throw new CoreError('invalid_input', 'content.noArchives');
      await d.importCatalogue(archives, ctx);
    }
  }

  /** Verifies a candidate pack and installs it. `expected`: the channel asked for (hub), refused if another. */
  async function installCandidate(
    candidate: unknown,
    ctx: Pick<JobContext, 'signal' | 'progress'>,
    expected?: PackChannel,
  ): Promise<InstallResult> {
    ctx.progress(0, null, PHASE_VERIFYING);
    const claimed = manifestOf(candidate);
    const channel = claimed?.channel;
    if (expected && channel && channel !== expected) throw new CoreError('invalid_input', 'content.wrongChannel');
    const installed = channel ? d.store.pointer(channel) : null;
    const now = d.clock.now();
    const result = verifyPack(candidate, { trustedKeys: d.trustedKeys, installedVersion: installed?.version, now });
    if (!result.ok) {
      if (result.reason === 'not_newer' && claimed && installed) {
        // Each case of "not newer" gets its own words: the same version, an expired older one, an older one.
        if (claimed.version === installed.version) throw new CoreError('conflict', 'content.alreadyInstalled');
        if (Date.parse(claimed.expiresAt) < now.getTime()) throw new CoreError('conflict', 'content.expiredOlder');
        throw new CoreError('conflict', 'content.rolledBack');
      }
      throw new CoreError('invalid_input', REFUSAL_KEYS[result.reason]);
    }
    const { manifest, files, stale } = result;
    if (!SUPPORTED.has(manifest.channel)) throw new CoreError('invalid_input', 'content.channelUnsupported');
    if (ctx.signal.aborted) throw new CoreError('conflict', 'content.cancelled');
    ctx.progress(0, null, PHASE_INSTALLING);
    await d.store.install(manifest, files, now.toISOString(), (dir) => useStaged(manifest.channel, dir, ctx));
    if (manifest.channel === 'guides') d.onGuidesInstalled();
    return { channel: manifest.channel, outcome: 'installed', version: manifest.version, stale };
  }

  /** One install at a time (two would race for the same pointer). */
  function exclusive<T>(run: () => Promise<T>): Promise<T> {
    if (installing) return Promise.reject(new CoreError('conflict', 'content.busy'));
    installing = true;
    return run().finally(() => {
      installing = false;
    });
  }

  async function readPackFile(source: TakenSource): Promise<unknown> {
    let text: string;
    try {
      if ((await stat(source.path)).size > MAX_PACK_FILE_BYTES)
        throw new CoreError('invalid_input', 'content.tooLarge');
      text = await readFile(source.path, 'utf8');
    } catch (e) {
      if (e instanceof CoreError) throw e;
      throw new CoreError('not_found', 'files.unreadable');
    }
    try {
      return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      throw new CoreError('invalid_input', 'content.notJson');
    }
  }

  function installFile(input: { sourceId: string }): { jobId: string } {
    if (installing) throw new CoreError('conflict', 'content.busy');
    const source = d.takeSource(input.sourceId);
    return d.jobs.start('content.installFile', (ctx) =>
      exclusive(async () => {
        try {
          ctx.progress(0, null, PHASE_VERIFYING);
          return await installCandidate(await readPackFile(source), ctx);
        } finally {
          source.release();
        }
      }),
    );
  }

  async function fromHub(channel: PackChannel, ctx: JobContext): Promise<InstallResult> {
    const access = await d.hubAccess();
    if (!access) throw new CoreError('not_found', 'content.notEnrolled');
    const call = async (what: 'info' | 'latest') => {
      try {
        return await d.hub[what](access, channel, ctx.signal);
      } catch {
        if (ctx.signal.aborted) throw new CoreError('conflict', 'content.cancelled');
        throw new CoreError('storage_unavailable', 'content.hubUnreachable');
      }
    };
    const refused = (status: number) =>
      new CoreError(
        status === 401 || status === 403 ? 'forbidden' : 'internal',
        status === 401 || status === 403 ? 'content.hubRefused' : 'content.hubFailed',
      );
    ctx.progress(0, null, PHASE_DOWNLOADING);
    const info = await call('info');
    const installed = d.store.pointer(channel);
    const none: InstallResult = {
      channel,
      outcome: 'nothingPublished',
      version: installed?.version ?? null,
      stale: false,
    };
    if (info.status === 404) return none;
    if (info.status !== 200) throw refused(info.status);
    const published = (info.body as { version?: unknown } | null)?.version;
    const upToDate: InstallResult = {
      channel,
      outcome: 'upToDate',
      version: installed?.version ?? null,
      stale: installed ? Date.parse(installed.expiresAt) < d.clock.now().getTime() : false,
    };
    // Nothing newer announced: no download (the announcement is only a hint; the pack itself is verified below).
    if (typeof published === 'number' && installed && published <= installed.version) return upToDate;
    const pack = await call('latest');
    if (pack.status === 404) return none;
    if (pack.status !== 200) throw refused(pack.status);
    return installCandidate(pack.body, ctx, channel);
  }

  function checkHub(input: { channel: PackChannel }): { jobId: string } {
    if (installing) throw new CoreError('conflict', 'content.busy');
    if (!SUPPORTED.has(input.channel)) throw new CoreError('invalid_input', 'content.channelUnsupported');
    return d.jobs.start('content.checkHub', (ctx) => exclusive(() => fromHub(input.channel, ctx)));
  }

  function rollback(input: { channel: PackChannel }): ContentStatus {
    if (!ROLLBACK.has(input.channel)) throw new CoreError('invalid_input', 'content.rollbackUnsupported');
    if (installing) throw new CoreError('conflict', 'content.busy');
    if (!d.store.pointer(input.channel)) throw new CoreError('not_found', 'content.nothingToRollBack');
    d.store.rollback(input.channel);
    if (input.channel === 'guides') d.onGuidesInstalled();
    return status();
  }

  return {
    status,
    rollback,
    installFile,
    checkHub,
    /** The folder of the guides pack in use, or null: the guides service then reads the shipped guides. */
    guidesDir: () => d.store.dirOf('guides'),
  };
}

export type ContentService = ReturnType<typeof createContentService>;
