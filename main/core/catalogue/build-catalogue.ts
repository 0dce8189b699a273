import { openArchive, LIMITS, type ArchiveLimits, type OpenedArchive } from './archive';
import { createBuilder, type CatalogueMeta } from './catalogue-store';
import { createEntryReader } from './entry-parser';
import { CatalogueError } from './errors';

// One import, from archives to a finished catalogue file under a temporary name (the caller renames it into place).
// Everything is refused or nothing: a damaged file anywhere in any archive refuses the whole import, so a catalogue
// is never half of one.

/** Progress phases (i18n keys, namespace common). */
export const PHASES = {
  reading: 'jobs.phase.reading',
  indexing: 'jobs.phase.indexing',
  replacing: 'jobs.phase.replacing',
} as const;

export interface BuildOptions {
  archives: string[];
  /** The temporary file to write (see catalogue-store.ts, buildingPath). */
  target: string;
  demo: boolean;
  importedAt: string;
  signal: AbortSignal;
  progress(done: number, total: number | null, phaseKey: string): void;
  limits?: ArchiveLimits;
}

const PROGRESS_EVERY = 50;

export async function buildCatalogue(o: BuildOptions): Promise<CatalogueMeta> {
  const opened: OpenedArchive[] = [];
  const builder = createBuilder(o.target);
  try {
    o.progress(0, null, PHASES.reading);
    for (const path of o.archives) opened.push(await openArchive(path, o.limits ?? LIMITS));
    const total = opened.reduce((n, a) => n + a.entryCount, 0);
    let done = 0;
    let found = 0;
    for (const archive of opened) {
      found += await archive.forEachEntry(async (fileId, chunks) => {
        const reader = createEntryReader(fileId);
        for await (const chunk of chunks) reader.write(chunk);
        builder.add(reader.end(), null);
        if (++done % PROGRESS_EVERY === 0) o.progress(done, total, PHASES.reading);
      }, o.signal);
      archive.close();
    }
    if (found === 0) throw new CatalogueError('notServicePublic');
    if (o.signal.aborted) throw new Error('cancelled');
    o.progress(total, total, PHASES.indexing);
    return builder.finish({ importedAt: o.importedAt, demo: o.demo });
  } catch (err) {
    builder.discard();
    throw err;
  } finally {
    for (const a of opened) a.close();
  }
}
