import type { Clock } from '../../../shared/ids';
import type { ExportResult } from '../../../shared/exports/schema';
import type { ParsedInput } from '../../../shared/contract';
import type { SiteProfile } from '../../../shared/site/schema';
import type { Files } from '../files/files';
import type { Jobs } from '../jobs/jobs';
import type { Db } from '../storage/database';
import type { ExportScope } from '../../../shared/exports/schema';
import { writeAggregated, type DashboardTables } from './aggregated';
import { createWriter, writeAtomically, writeSessionExport } from './export-file';
import type { CommuneLookup } from './session-rows';

export interface ExportsDeps {
  db: Db;
  clock: Clock;
  jobs: Jobs;
  files: Files;
  site(): SiteProfile | null;
  communes: CommuneLookup;
  /** The statistics' query layer (the dashboard's own call) for a scope. */
  dashboard: (scope: ExportScope) => DashboardTables;
}

/** Exports as jobs: the file goes to the target the user picked, as `.part` until whole, then renamed. */
export function createExportService(d: ExportsDeps) {
  return {
    exportSessions(input: ParsedInput<'exports.sessions'>) {
      return d.jobs.start('exports.sessions', async (ctx): Promise<ExportResult> => {
        const target = d.files.takeTarget(input.targetId, input.format);
        try {
          const r = await writeAtomically(target.path, (part) =>
            writeSessionExport(
              d.db.name,
              part,
              {
                format: input.format,
                scope: input.scope,
                includeNotes: input.includeNotes,
                site: d.site(),
                communes: d.communes,
                exportedAt: d.clock.now(),
              },
              ctx,
            ),
          );
          target.commit();
          return { name: target.name, ...r };
        } catch (e) {
          target.abandon();
          throw e;
        }
      });
    },
    exportAggregated(input: ParsedInput<'exports.aggregated'>) {
      const dashboard = d.dashboard;
      return d.jobs.start('exports.aggregated', async (ctx): Promise<ExportResult> => {
        const target = d.files.takeTarget(input.targetId, input.format);
        try {
          const tables = dashboard(input.scope);
          const r = await writeAtomically(target.path, async (part) => {
            const writer = createWriter(input.format, part);
            try {
              const rows = await writeAggregated(
                writer,
                tables,
                { scope: input.scope, site: d.site(), exportedAt: d.clock.now() },
                ctx,
              );
              return { rows, sessions: Number(tables.keyFigures.sessions ?? 0), bytes: await writer.finish() };
            } catch (e) {
              await writer.abort();
              throw e;
            }
          });
          target.commit();
          return { name: target.name, ...r };
        } catch (e) {
          target.abandon();
          throw e;
        }
      });
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
