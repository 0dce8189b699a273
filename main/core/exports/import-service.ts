import { CoreError } from '../../../shared/errors';
import type { Clock, IdSource } from '../../../shared/ids';
import {
  PREVIEW_LIST_MAX,
  PREVIEW_SAMPLE_MAX,
  type ImportCommitResult,
  type ImportPreview,
} from '../../../shared/exports/schema';
import type { Files } from '../files/files';
import type { Jobs } from '../jobs/jobs';
import type { ImportedSession } from '../journal/journal-service';
import { MissingColumnsError, planImport, type ImportPlan } from './national-import';
import { readSpreadsheet, UnreadableFileError } from './spreadsheet-reader';

export const IMPORT_PHASES = {
  reading: 'jobs.phase.reading',
  analysing: 'jobs.phase.analysing',
  importing: 'jobs.phase.importing',
} as const;

/** What the import needs of the journal: its one write path for many sessions, and whether an id is taken. */
export interface ImportJournal {
  importMany(entries: readonly ImportedSession[]): { inserted: number; skipped: number };
  exists(id: string): boolean;
  operators(): string[];
}

export interface ImportDeps {
  clock: Clock;
  newId: IdSource;
  jobs: Jobs;
  files: Files;
  journal: ImportJournal;
  communeExists(code: string): boolean;
}

const PLAN_TTL_MS = 30 * 60 * 1000;
const MAX_PLANS = 4;

/**
 * Import in two steps: a preview job reads the file and keeps the plan (nothing written), the mediator looks at it,
 * then a commit job writes the plan in one transaction. The plan is kept in memory for a while, never on disk.
 */
export function createImportService(d: ImportDeps) {
  const plans = new Map<string, { plan: ImportPlan; fileName: string; expiresAt: number }>();
  const sweep = () => {
    const now = d.clock.now().getTime();
    for (const [id, p] of plans) if (p.expiresAt <= now) plans.delete(id);
    while (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value!);
  };

  return {
    preview(input: { sourceId: string }) {
      return d.jobs.start('exports.previewImport', async (ctx): Promise<ImportPreview> => {
        const source = d.files.takeSource(input.sourceId, 'spreadsheet');
        try {
          ctx.progress(0, null, IMPORT_PHASES.reading);
          let plan: ImportPlan;
          try {
            const rows = await readSpreadsheet(source.path);
            if (ctx.signal.aborted) throw new Error('cancelled');
            ctx.progress(0, rows.length, IMPORT_PHASES.analysing);
            plan = planImport(rows, {
              communeExists: d.communeExists,
              operators: new Set(d.journal.operators()),
            });
          } catch (e) {
            if (e instanceof UnreadableFileError) throw new CoreError('invalid_input', 'exports.fileUnreadable');
            if (e instanceof MissingColumnsError)
              throw new CoreError(
                'invalid_input',
                'exports.columnsMissing',
                e.missing.map((c) => ({ path: c, message: 'exports.columnMissing' })),
              );
            throw e;
          }
          const alreadyImported = plan.sessions.filter((s) => d.journal.exists(s.id)).length;
          sweep();
          const planId = d.newId();
          plans.set(planId, { plan, fileName: source.name, expiresAt: d.clock.now().getTime() + PLAN_TTL_MS });
          return {
            planId,
            fileName: source.name,
            rows: plan.rows,
            sessions: plan.sessions.length,
            workshops: plan.workshops,
            alreadyImported,
            unmapped: plan.unmapped.slice(0, PREVIEW_LIST_MAX),
            unreadable: plan.unreadable.slice(0, PREVIEW_LIST_MAX),
            unreadableCount: plan.unreadable.length,
            sample: plan.sessions.slice(0, PREVIEW_SAMPLE_MAX).map((s) => ({
              line: s.line,
              date: s.data.date,
              kind: s.data.kind,
              participants: s.data.kind === 'collectif' ? s.data.workshop.participants : 1,
              durationMin: s.data.durationMin,
              topics: s.data.topics,
            })),
          };
        } finally {
          source.release();
        }
      });
    },

    commit(input: { planId: string }) {
      sweep();
      const entry = plans.get(input.planId);
      if (!entry) throw new CoreError('not_found', 'exports.planExpired');
      // A plan is written once: a second click cannot run it twice.
      plans.delete(input.planId);
      return d.jobs.start('exports.commitImport', async (ctx): Promise<ImportCommitResult> => {
        const { plan } = entry;
        ctx.progress(0, plan.sessions.length, IMPORT_PHASES.importing);
        if (ctx.signal.aborted) throw new Error('cancelled');
        const r = d.journal.importMany(plan.sessions.map((s) => ({ id: s.id, data: s.data, createdAt: s.createdAt })));
        ctx.progress(plan.sessions.length, plan.sessions.length, IMPORT_PHASES.importing);
        return { inserted: r.inserted, alreadyImported: r.skipped, unreadableCount: plan.unreadable.length };
      });
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
