import type { HandlersFor } from '../../../shared/contract';
import type { exportsContract } from '../../../shared/exports/contract';
import type { ExportService } from './export-service';
import type { ImportService } from './import-service';

export function exportsHandlers(
  exportsService: ExportService,
  imports: ImportService,
): HandlersFor<keyof typeof exportsContract> {
  return {
    'exports.sessions': (input) => exportsService.exportSessions(input),
    'exports.aggregated': (input) => exportsService.exportAggregated(input),
    'exports.previewImport': (input) => imports.preview(input),
    'exports.commitImport': (input) => imports.commit(input),
  };
}
