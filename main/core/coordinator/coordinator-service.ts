import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import type { Clock } from '../../../shared/ids';
import { CoreError } from '../../../shared/errors';
import {
  Consolidated,
  CoordinatorSummary,
  type ConnectInput,
  type CoordinatorExportInput,
  type CoordinatorExportResult,
  type CoordinatorStatus,
  type PeriodInput,
  type SiteInput,
  SnapshotFileReceipt,
} from '../../../shared/coordinator/schema';
import type { TakenSource } from '../files/files';
import type { CredentialStore } from '../sync/credential-store';
import { proxyFromEnv } from '../sync/http-transport';
import { parseHubUrl } from '../sync/hub-url';
import type { Files } from '../files/files';
import type { Jobs } from '../jobs/jobs';
import { writeCoordinatorTables, type TableWriter } from './export-tables';
import type { CoordinatorTransportFactory, HubAnswer } from './transport';

/** The exports feature's file writers, injected by the composition root (main/core/index.ts). */
export interface CoordinatorExportWriters {
  createWriter(format: CoordinatorExportInput['format'], path: string): TableWriter;
  /** Writes `<path>.part`, then renames it: no partial file under the chosen name. */
  writeAtomically<T>(path: string, write: (partPath: string) => Promise<T>): Promise<T>;
}

export interface CoordinatorDeps {
  clock: Clock;
  /** The settings table (hub address, scope name): never the credential. */
  readSetting(key: string): string | null;
  writeSetting(key: string, value: string): void;
  credentials: CredentialStore;
  transport: CoordinatorTransportFactory;
  /** A file the coordinator picked (purpose 'snapshots'), single use. */
  takeSource(sourceId: string): TakenSource;
  jobs: Jobs;
  files: Files;
  writers: CoordinatorExportWriters;
  env?: NodeJS.ProcessEnv;
}

/** The settings keys; an empty hub address means "not connected". */
const KEY = {
  hubUrl: 'coordinator.hubUrl',
  scopeName: 'coordinator.scopeName',
  connectedAt: 'coordinator.connectedAt',
  granularity: 'coordinator.granularity',
};

const unreachable = () => new CoreError('conflict', 'coordinator.hubUnreachable');

/** The hub's refusal as a translated error: revoked credential, wrong role, site outside the scope, rate limit. */
function refusal(answer: HubAnswer): CoreError {
  if (answer.status === 401) return new CoreError('forbidden', 'coordinator.credentialRefused');
  if (answer.status === 403) return new CoreError('forbidden', 'coordinator.notCoordinator');
  if (answer.status === 404) return new CoreError('not_found', 'coordinator.outsideScope');
  if (answer.status === 429) return new CoreError('conflict', 'coordinator.tooManyRequests');
  return new CoreError('conflict', 'coordinator.hubError');
}

/** The hub's largest snapshot file (hub/server.ts LIMITS.snapshotFileBytes): a bigger one is refused before sending. */
const SNAPSHOT_FILE_MAX_BYTES = 8 * 1024 * 1024;

/** Why the hub refused a snapshot file, in words: each refusal of hub/snapshot-file.ts has its own text. */
const FILE_REFUSALS: Record<string, string> = {
  unsigned_file: 'coordinator.fileUnsigned',
  desk_without_key: 'coordinator.fileDeskWithoutKey',
  bad_signature: 'coordinator.fileTampered',
  hash_mismatch: 'coordinator.fileTampered',
  wrong_desk: 'coordinator.fileTampered',
  unknown_desk: 'coordinator.fileUnknownDesk',
  revoked_desk: 'coordinator.fileRevokedDesk',
  outside_scope: 'coordinator.fileOutsideScope',
  disclosure_rule: 'coordinator.fileRuleBroken',
  wrong_granularity: 'coordinator.fileRuleBroken',
  conflicting_version: 'coordinator.fileConflict',
  malformed_file: 'coordinator.fileMalformed',
  bad_request: 'coordinator.fileMalformed',
  invalid_request: 'coordinator.fileMalformed',
  too_large: 'coordinator.fileTooLarge',
};

function fileRefusal(answer: HubAnswer): CoreError {
  const code = (answer.body as { error?: unknown } | null)?.error;
  const key = typeof code === 'string' ? FILE_REFUSALS[code] : undefined;
  if (key && answer.status >= 400 && answer.status < 500) return new CoreError('invalid_input', key);
  return refusal(answer);
}

function monthsQuery(p: { from: string; to: string }) {
  return `from=${encodeURIComponent(p.from)}&to=${encodeURIComponent(p.to)}`;
}

export function createCoordinatorService(o: CoordinatorDeps) {
  const connection = (): CoordinatorStatus['connection'] => {
    const hubUrl = o.readSetting(KEY.hubUrl);
    if (!hubUrl) return null;
    return {
      hubUrl,
      scopeName: o.readSetting(KEY.scopeName) ?? '',
      connectedAt: o.readSetting(KEY.connectedAt) ?? '',
      granularity: o.readSetting(KEY.granularity) === 'week' ? 'week' : 'month',
    };
  };

  /** Keeps what the hub last said of its granularity (the picker offers its periods), when it changed. */
  const remember = (summary: CoordinatorSummary) => {
    const g = summary.disclosure?.granularity ?? 'month';
    if (o.readSetting(KEY.granularity) !== g) o.writeSetting(KEY.granularity, g);
    return summary;
  };

  async function ask<T extends z.ZodType>(
    hubUrl: string,
    credential: string,
    path: string,
    schema: T,
  ): Promise<z.output<T>> {
    let answer: HubAnswer;
    try {
      answer = await o.transport(hubUrl).get(path, credential);
    } catch {
      throw unreachable();
    }
    if (answer.status !== 200) throw refusal(answer);
    const parsed = schema.safeParse(answer.body);
    // An answer that is not the hub's (a captive portal, a proxy page, another server): say so rather than guess.
    if (!parsed.success) throw new CoreError('conflict', 'coordinator.notAHub');
    return parsed.data;
  }

  async function connected(): Promise<{ hubUrl: string; credential: string }> {
    const c = connection();
    const credential = c ? await o.credentials.load().catch(() => null) : null;
    if (!c || !credential) throw new CoreError('not_found', 'coordinator.notConnected');
    return { hubUrl: c.hubUrl, credential };
  }

  return {
    status(): CoordinatorStatus {
      return { connection: connection(), proxy: proxyFromEnv(o.env) };
    },

    /** Asks the hub once with the credential (this month's summary) before keeping anything. */
    async connect(input: ConnectInput): Promise<CoordinatorStatus> {
      const hubUrl = parseHubUrl(input.hubUrl);
      const month = o.clock.now().toISOString().slice(0, 7);
      const summary = await ask(
        hubUrl,
        input.credential,
        `/v1/coordinator/summary?${monthsQuery({ from: month, to: month })}`,
        CoordinatorSummary,
      );
      try {
        await o.credentials.save(input.credential);
      } catch {
        throw new CoreError('conflict', 'coordinator.credentialUnavailable');
      }
      o.writeSetting(KEY.hubUrl, hubUrl);
      o.writeSetting(KEY.scopeName, summary.scope.name);
      o.writeSetting(KEY.connectedAt, o.clock.now().toISOString());
      remember(summary);
      return this.status();
    },

    async disconnect(): Promise<CoordinatorStatus> {
      await o.credentials.clear().catch(() => {});
      o.writeSetting(KEY.hubUrl, '');
      o.writeSetting(KEY.scopeName, '');
      o.writeSetting(KEY.connectedAt, '');
      o.writeSetting(KEY.granularity, '');
      return this.status();
    },

    async summary(input: PeriodInput): Promise<CoordinatorSummary> {
      const c = await connected();
      return remember(
        await ask(c.hubUrl, c.credential, `/v1/coordinator/summary?${monthsQuery(input)}`, CoordinatorSummary),
      );
    },

    /** What an export writes: the scope's summary, or one site's every table with its row of the sites table. */
    async tablesFor(input: { from: string; to: string; siteId?: string }): Promise<CoordinatorSummary> {
      const summary = await this.summary({ from: input.from, to: input.to });
      if (!input.siteId) return summary;
      const site = summary.sites.find((x) => x.id === input.siteId);
      if (!site) throw new CoreError('not_found', 'coordinator.outsideScope');
      const total = await this.site({ siteId: site.id, from: input.from, to: input.to });
      return { ...summary, sites: [site], total };
    },

    /** The range's tables as a file, as a job: the hub is asked first, then the file is written whole or not at all. */
    exportTables(input: CoordinatorExportInput): { jobId: string } {
      return o.jobs.start('coordinator.export', async (ctx): Promise<CoordinatorExportResult> => {
        const target = o.files.takeTarget(input.targetId, input.format);
        try {
          ctx.progress(0, null);
          const summary = await this.tablesFor(input);
          const hubUrl = connection()?.hubUrl ?? '';
          const r = await o.writers.writeAtomically(target.path, async (part) => {
            const writer = o.writers.createWriter(input.format, part);
            try {
              const rows = await writeCoordinatorTables(writer, summary, { hubUrl, exportedAt: o.clock.now() }, ctx);
              return { rows, bytes: await writer.finish() };
            } catch (e) {
              await writer.abort();
              throw e;
            }
          });
          target.commit();
          return { name: target.name, sites: summary.sites.length, ...r };
        } catch (e) {
          target.abandon();
          throw e;
        }
      });
    },

    /**
     * A desk's signed snapshot file to the hub, its bytes as they are (the hub checks the desk's signature over them):
     * the hub stores it whole or refuses it whole, and answers a receipt per snapshot.
     */
    async importSnapshotFile(input: { sourceId: string }): Promise<SnapshotFileReceipt> {
      const source = o.takeSource(input.sourceId);
      try {
        const c = await connected();
        if (source.bytes > SNAPSHOT_FILE_MAX_BYTES) throw new CoreError('invalid_input', 'coordinator.fileTooLarge');
        const body = await readFile(source.path, 'utf8');
        let answer: HubAnswer;
        try {
          answer = await o.transport(c.hubUrl).post('/v1/coordinator/snapshot-files', c.credential, body);
        } catch {
          throw unreachable();
        }
        if (answer.status !== 200) throw fileRefusal(answer);
        const parsed = SnapshotFileReceipt.safeParse(answer.body);
        if (!parsed.success) throw new CoreError('conflict', 'coordinator.notAHub');
        return parsed.data;
      } finally {
        source.release();
      }
    },

    async site(input: SiteInput): Promise<Consolidated> {
      const c = await connected();
      const path = `/v1/coordinator/sites/${encodeURIComponent(input.siteId)}?${monthsQuery(input)}`;
      return ask(c.hubUrl, c.credential, path, Consolidated);
    },
  };
}
export type CoordinatorService = ReturnType<typeof createCoordinatorService>;
