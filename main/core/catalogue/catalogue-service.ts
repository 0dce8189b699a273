import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  SOURCE_LABEL,
  type Audience,
  type CatalogueEntry,
  type CatalogueStatus,
  type ImportResult,
  type SearchHit,
  type SearchResult,
} from '../../../shared/catalogue/schema';
import { CoreError } from '../../../shared/errors';
import type { Clock, IdSource } from '../../../shared/ids';
import { searchTokens } from '../../../shared/search/normalize';
import type { TakenSource } from '../files/files';
import type { JobContext, Jobs } from '../jobs/jobs';
import { buildCatalogue, PHASES } from './build-catalogue';
import {
  buildingPath,
  CATALOGUE_FILE,
  installBuilt,
  openReader,
  removeLeftovers,
  type CatalogueReader,
  type HitRow,
} from './catalogue-store';
import { CatalogueError } from './errors';
import type { ArchiveLimits } from './archive';

/** Guides citing a catalogue entry: the guides feature's answer, wired in main/core/index.ts. */
export type CitedByPort = (entryId: string) => Array<{ id: string; title: string }>;

export interface CatalogueOptions {
  dataDir: string;
  clock: Clock;
  newId: IdSource;
  jobs: Jobs;
  /** Takes a file the user picked (files feature); absent in the command-line import. */
  takeSource?: (sourceId: string) => TakenSource;
  citedBy?: CitedByPort;
  limits?: ArchiveLimits;
}

const SNIPPET_MAX = 200;
const DEFAULT_LIMIT = 10;

function snippet(text: string): string {
  if (text.length <= SNIPPET_MAX) return text;
  const cut = text.slice(0, SNIPPET_MAX);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SNIPPET_MAX - 40))}…`;
}

function toHit(row: HitRow, match: SearchHit['match']): SearchHit {
  return {
    id: row.id,
    kind: row.kind,
    type: row.type,
    title: row.title,
    audiences: JSON.parse(row.audiences) as Audience[],
    snippet: snippet(row.description),
    match,
  };
}

export function createCatalogueService(o: CatalogueOptions) {
  const path = join(o.dataDir, CATALOGUE_FILE);
  removeLeftovers(o.dataDir);
  let reader: CatalogueReader | null | undefined;
  let importing = false;

  /** The installed catalogue, opened on first use (never at start). */
  function current(): CatalogueReader | null {
    if (reader === undefined) reader = openReader(path);
    return reader;
  }

  function status(): CatalogueStatus {
    const r = current();
    const s = r?.summary;
    return {
      installed: r !== null,
      demo: s?.demo ?? false,
      dataDate: s?.dataDate ?? null,
      importedAt: s?.importedAt ?? null,
      counts: s?.counts ?? { fiche: 0, service: 0, topic: 0 },
      audiences: s?.audiences ?? [],
      source: SOURCE_LABEL,
    };
  }

  function entry(id: string): CatalogueEntry {
    const r = current();
    const row = r?.entry(id);
    if (!r || !row) throw new CoreError('not_found', 'catalogue.entryNotFound');
    return {
      id: row.id,
      kind: row.kind,
      type: row.type,
      title: row.title,
      description: row.description,
      modified: row.modified,
      audiences: JSON.parse(row.audiences) as Audience[],
      breadcrumb: JSON.parse(row.breadcrumb) as CatalogueEntry['breadcrumb'],
      related: JSON.parse(row.related) as CatalogueEntry['related'],
      url: row.url,
      content: JSON.parse(r.contentJson(row)) as CatalogueEntry['content'],
      dataDate: r.summary.dataDate,
      demo: r.summary.demo,
      source: SOURCE_LABEL,
      citedBy: o.citedBy ? o.citedBy(row.id) : [],
    };
  }

  /** Ranked fiches, services and topic pages: full text first (BM25, title weighted), then typo-tolerant titles. */
  function searchEntries(query: string, limit = DEFAULT_LIMIT): SearchHit[] {
    const r = current();
    const tokens = searchTokens(query);
    if (!r || tokens.length === 0) return [];
    const hits = r.searchText(tokens, limit).map((row) => toHit(row, 'text'));
    if (hits.length < limit) {
      const seen = new Set(hits.map((h) => h.id));
      for (const row of r.searchFuzzy(query, limit)) {
        if (hits.length >= limit) break;
        if (!seen.has(row.id)) hits.push(toHit(row, 'fuzzy'));
      }
    }
    return hits;
  }

  function search(input: { query: string; limit?: number }): SearchResult {
    const s = status();
    return { hits: searchEntries(input.query, input.limit), dataDate: s.dataDate, demo: s.demo };
  }

  /** Closes the reader and renames the new file over the old one; the next call opens the new catalogue. */
  function swapIn(built: string): void {
    reader?.close();
    reader = undefined;
    installBuilt(built, o.dataDir);
  }

  /** The import itself, shared by the job, the first-start demo install and the command line. */
  async function importArchives(
    archives: string[],
    options: { demo: boolean; signal: AbortSignal; progress: JobContext['progress'] },
  ): Promise<ImportResult> {
    if (importing) throw new CatalogueError('busy');
    importing = true;
    const target = buildingPath(o.dataDir, o.newId());
    try {
      const meta = await buildCatalogue({
        archives,
        target,
        demo: options.demo,
        importedAt: o.clock.now().toISOString(),
        signal: options.signal,
        progress: options.progress,
        limits: o.limits,
      });
      // Past this point a cancel changes nothing: the finished catalogue goes in (one rename).
      options.progress(1, 1, PHASES.replacing);
      swapIn(target);
      return { counts: meta.counts, dataDate: meta.dataDate, audiences: meta.audiences };
    } finally {
      importing = false;
    }
  }

  /** `catalogue.import`: the archives the user picked, as a job (progress, cancel leaves the old catalogue). */
  function startImport(input: { sourceIds: string[] }): { jobId: string } {
    if (!o.takeSource) throw new CoreError('forbidden');
    if (importing || o.jobs.running('catalogue.import')) throw new CatalogueError('busy');
    const taken: TakenSource[] = [];
    try {
      for (const id of new Set(input.sourceIds)) taken.push(o.takeSource(id));
    } catch (err) {
      for (const t of taken) t.release();
      throw err;
    }
    return o.jobs.start('catalogue.import', async (ctx) => {
      try {
        return await importArchives(
          taken.map((t) => t.path),
          { demo: false, signal: ctx.signal, progress: ctx.progress },
        );
      } finally {
        for (const t of taken) t.release();
      }
    });
  }

  /** First start: installs the shipped demo catalogue when no catalogue exists (in the background, as a job). */
  function installDemoIfMissing(archives: string[]): void {
    if (archives.length === 0 || existsSync(path) || importing) return;
    o.jobs.start('catalogue.import', (ctx) =>
      importArchives(archives, { demo: true, signal: ctx.signal, progress: ctx.progress }),
    );
  }

  return {
    status,
    entry,
    search,
    searchEntries,
    startImport,
    importArchives,
    installDemoIfMissing,
    close(): void {
      reader?.close();
      reader = undefined;
    },
  };
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
