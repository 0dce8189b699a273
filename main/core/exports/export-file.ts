import Database from 'better-sqlite3';
import { open } from 'node:fs/promises';
import { renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { CoreError } from '../../../shared/errors';
import { KIND_LABELS, OPERATOR_LABELS, OUTCOME_LABELS, TOPIC_LABELS } from '../../../shared/exports/national-labels';
import type { ExportFormat, ExportScope } from '../../../shared/exports/schema';
import type { SiteProfile } from '../../../shared/site/schema';
import { TAXONOMY_VERSION } from '../../../shared/taxonomy';
import { createCsvWriter } from './csv-writer';
import { createOdsWriter, OdsTooLargeError } from './ods-writer';
import { sessionCsvSource } from './session-csv';
import { sessionColumnTypes, sessionHeaders, sessionRowSource, type CommuneLookup } from './session-rows';
import type { SheetWriter } from './sheet-writer';
import { createXlsxWriter, XlsxTooLargeError } from './xlsx-writer';

/** Progress phases (i18n keys, namespace common). */
export const EXPORT_PHASES = {
  counting: 'jobs.phase.counting',
  writing: 'jobs.phase.writing',
  finishing: 'jobs.phase.finishing',
} as const;

export interface Progress {
  signal: AbortSignal;
  progress(done: number, total: number | null, phaseKey?: string): void;
}

export function createWriter(format: ExportFormat, path: string): SheetWriter {
  if (format === 'csv') return createCsvWriter(path);
  if (format === 'xlsx') return createXlsxWriter(path);
  return createOdsWriter(path);
}

const frenchDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const FRENCH_INSTANT = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** The filters of a scope as a French sentence for the information block. */
export function describeFilters(scope: ExportScope): string {
  const parts: string[] = [];
  if (scope.kind) parts.push(`Type : ${KIND_LABELS[scope.kind]}`);
  if (scope.operator) parts.push(`Opérateur : ${OPERATOR_LABELS[scope.operator] ?? scope.operator}`);
  if (scope.topic) parts.push(`Thématique : ${TOPIC_LABELS[scope.topic]}`);
  if (scope.outcome) parts.push(`Issue : ${OUTCOME_LABELS[scope.outcome]}`);
  return parts.length ? parts.join(' ; ') : 'Aucun';
}

/** The block every exported file starts with: what it is, where from, which period and filters, when, which taxonomy. */
export function informationBlock(
  title: string,
  scope: ExportScope,
  site: SiteProfile | null,
  exportedAt: Date,
  extra: string[][] = [],
): string[][] {
  return [
    [title],
    ['Lieu', site ? `${site.name} (${site.communeName}, ${site.communeCode})` : ''],
    ['Période', `du ${frenchDate(scope.from)} au ${frenchDate(scope.to)}`],
    ['Filtres', describeFilters(scope)],
    ['Date de l’export', FRENCH_INSTANT.format(exportedAt)],
    ['Version de la taxonomie', TAXONOMY_VERSION],
    ...extra,
    [''],
  ];
}

async function fsyncPath(path: string, flags: 'r' | 'r+'): Promise<void> {
  try {
    const fh = await open(path, flags);
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Best effort: Windows cannot open a folder this way and does not need it.
  }
}

/**
 * Writes `<path>.part` through `write`, then renames it to `path`: a cancel, a crash or a failure never leaves a
 * partial file under the name the user chose (the `.part` file is removed).
 */
export async function writeAtomically<T>(path: string, write: (partPath: string) => Promise<T>): Promise<T> {
  const part = `${path}.part`;
  try {
    const result = await write(part);
    await fsyncPath(part, 'r+');
    // The rename is the commit point: before it, the chosen name holds nothing of ours; after it, a whole file.
    renameSync(part, path);
    await fsyncPath(dirname(path), 'r');
    return result;
  } catch (e) {
    rmSync(part, { force: true });
    throw e;
  }
}

export interface SessionExportOptions {
  format: ExportFormat;
  scope: ExportScope;
  includeNotes: boolean;
  site: SiteProfile | null;
  communes: CommuneLookup;
  exportedAt: Date;
  /** CSV only: 'cells' writes through the generic path (rows of cells, as XLSX and ODS), the reference the direct
   *  path is compared with in the tests. */
  csvPath?: 'direct' | 'cells';
}

const BATCH = 2000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes the session export of a scope to `path` (the caller handles `.part` and rename). Reads through its own
 * read-only connection: a consistent snapshot of the period, and the app's connection stays free for saves while
 * the file is written.
 */
export async function writeSessionExport(
  dbPath: string,
  path: string,
  o: SessionExportOptions,
  p: Progress,
): Promise<{ rows: number; sessions: number; bytes: number }> {
  if (p.signal.aborted) throw new Error('cancelled');
  const reader = new Database(dbPath, { readonly: true, fileMustExist: true });
  // CSV has its own path straight to text (session-csv.ts), byte for byte what the generic path writes.
  const csvWriter = o.format === 'csv' && o.csvPath !== 'cells' ? createCsvWriter(path) : null;
  const writer = csvWriter ?? createWriter(o.format, path);
  let finished = false;
  try {
    reader.exec('BEGIN'); // one snapshot for the count and the rows
    const csv = csvWriter ? sessionCsvSource(reader, o.scope, o) : null;
    const source = csv ? null : sessionRowSource(reader, o.scope, o);
    p.progress(0, null, EXPORT_PHASES.counting);
    const total = await (csv ?? source)!.count(yieldToEventLoop);
    writer.sheet('Séances');
    const extra = o.includeNotes
      ? [['Notes', 'Incluses à la demande : fichier à garder sur ce poste, à ne pas transmettre.']]
      : [];
    for (const line of informationBlock('Médiane : export des séances', o.scope, o.site, o.exportedAt, extra))
      writer.text(line);
    writer.text(sessionHeaders(o.includeNotes));
    writer.columns(sessionColumnTypes(o.includeNotes));
    p.progress(0, total.rows, EXPORT_PHASES.writing);
    let rows = 0;
    const step = async () => {
      if (p.signal.aborted) throw new Error('cancelled');
      await writer.drain();
      // Let the event loop turn even when the disk keeps up (drain then resolves at once): the export runs on the
      // app's main thread, and calls, saves and progress must go on meanwhile.
      await yieldToEventLoop();
      p.progress(rows, total.rows, EXPORT_PHASES.writing);
    };
    if (csv) {
      for (const chunk of csv.chunks()) {
        csvWriter!.lines(chunk.text);
        rows += chunk.rows;
        await step();
      }
    } else {
      for (const row of source!.rows()) {
        writer.row(row);
        if (++rows % BATCH === 0) await step();
      }
    }
    p.progress(rows, total.rows, EXPORT_PHASES.finishing);
    const bytes = await writer.finish();
    finished = true;
    return { rows, sessions: total.sessions, bytes };
  } catch (e) {
    if (e instanceof OdsTooLargeError) throw new CoreError('invalid_input', 'exports.tooLargeForOds');
    if (e instanceof XlsxTooLargeError) throw new CoreError('invalid_input', 'exports.tooLargeForXlsx');
    throw e;
  } finally {
    if (!finished) await writer.abort().catch(() => undefined);
    if (reader.inTransaction) reader.exec('COMMIT');
    reader.close();
  }
}
