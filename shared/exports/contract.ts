import { job } from '../contract-kit';
import {
  AggregatedExportInput,
  ExportResult,
  ImportCommitInput,
  ImportCommitResult,
  ImportPreview,
  ImportPreviewInput,
  SessionExportInput,
} from './schema';

export const exportsContract = {
  /** The sessions of a period, one row each (a workshop: one per participant), in the national tool's columns. */
  'exports.sessions': job(SessionExportInput, ExportResult),
  /** Every dashboard table of a period, from the statistics' query layer. */
  'exports.aggregated': job(AggregatedExportInput, ExportResult),
  /** Reads a national-tool export and says what an import would write; writes nothing. */
  'exports.previewImport': job(ImportPreviewInput, ImportPreview),
  /** Writes a previewed plan, in one transaction. */
  'exports.commitImport': job(ImportCommitInput, ImportCommitResult),
} as const;
