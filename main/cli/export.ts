import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { createCommunesIndex } from '../core/communes/communes-index';
import { writeAggregated } from '../core/exports/aggregated';
import { createWriter, writeAtomically, writeSessionExport } from '../core/exports/export-file';
import { DataFolderLockedError } from '../core/storage/data-folder-lock';
import { defaultDataDir } from '../web/data-dir';
import { EXPORT_FORMATS, ExportScope, type ExportFormat } from '../../shared/exports/schema';

// `npm run export -- --format csv|xlsx|ods --from YYYY-MM-DD --to YYYY-MM-DD [--aggregated] [--data-dir DIR] --out FILE`
// The same exports as the « Exporter » screen, for exports IT schedules (cron, Task Scheduler). It opens the data
// folder like the app does, so it is refused while Médiane has the folder open (the folder's lock), and writes
// FILE.part then renames it: a scheduled job that fails never leaves a partial file under FILE.

const USAGE = `Usage: npm run export -- --format csv|xlsx|ods --from AAAA-MM-JJ --to AAAA-MM-JJ [--aggregated] [--notes] [--data-dir DOSSIER] --out FICHIER`;

function fail(message: string, code = 2): never {
  console.error(`Erreur : ${message}\n${USAGE}`);
  process.exit(code);
}

async function main(): Promise<void> {
  let values;
  try {
    values = parseArgs({
      options: {
        format: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        aggregated: { type: 'boolean', default: false },
        notes: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (e) {
    fail((e as Error).message);
  }
  const format = values.format as ExportFormat | undefined;
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format))
    fail(`--format doit valoir csv, xlsx ou ods (reçu : ${values.format ?? 'rien'}).`);
  const scope = ExportScope.safeParse({ from: values.from, to: values.to });
  if (!scope.success)
    fail(
      `période invalide : donnez --from et --to au format AAAA-MM-JJ, --from avant --to (reçu : ${values.from ?? '?'} → ${values.to ?? '?'}).`,
    );
  if (!values.out) fail('--out FICHIER est obligatoire.');
  const out = resolve(values.out);
  if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) fail(`le dossier de ${out} n'existe pas.`);
  if (values.aggregated && values.notes) fail('--notes ne concerne que l’export des séances.');
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  if (!existsSync(dataDir)) fail(`le dossier de données ${dataDir} n'existe pas.`);

  let core;
  try {
    core = createCore({ dataDir, maintenance: false });
  } catch (e) {
    if (e instanceof DataFolderLockedError)
      fail(
        `le dossier de données est ouvert par Médiane (${e.message}). Fermez l'application ou planifiez l'export en dehors des heures d'ouverture.`,
        3,
      );
    throw e;
  }
  const communes = createCommunesIndex();
  const site = (await core.handlers['app.status']({})).site;
  const progress = { signal: new AbortController().signal, progress: () => undefined };
  try {
    if (values.aggregated) {
      const dashboard = core.dashboard;
      if (!dashboard) fail('les statistiques agrégées ne sont pas disponibles dans cette version.', 4);
      const tables = dashboard(scope.data);
      const rows = await writeAtomically(out, async (part) => {
        const writer = createWriter(format, part);
        try {
          const n = await writeAggregated(
            writer,
            tables,
            { scope: scope.data, site, exportedAt: new Date() },
            progress,
          );
          await writer.finish();
          return n;
        } catch (e) {
          await writer.abort();
          throw e;
        }
      });
      console.log(`${rows} lignes écrites dans ${out}`);
    } else {
      const r = await writeAtomically(out, (part) =>
        writeSessionExport(
          core.db.name,
          part,
          {
            format,
            scope: scope.data,
            includeNotes: values.notes === true,
            site,
            communes,
            exportedAt: new Date(),
          },
          progress,
        ),
      );
      console.log(`${r.sessions} séances (${r.rows} lignes) écrites dans ${out}`);
    }
  } finally {
    await core.close();
  }
}

main().catch((e: unknown) => {
  console.error(
    `Erreur : l'export a échoué (${e instanceof Error ? e.message : String(e)}). Aucun fichier n'a été écrit.`,
  );
  process.exit(1);
});
