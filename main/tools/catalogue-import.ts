import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock, randomIds } from '../../shared/ids';
import { createCatalogueService } from '../core/catalogue/catalogue-service';
import { CatalogueError, type Refusal } from '../core/catalogue/errors';
import { createJobs } from '../core/jobs/jobs';
import { currentHostKind, DataFolderLockedError, lockDataFolder } from '../core/storage/data-folder-lock';
import { ensurePrivateDir } from '../core/storage/private-files';
import { defaultDataDir } from '../web/data-dir';

// `npm run catalogue:import -- ARCHIVE... [--data-dir DIR]`: IT pre-loads the official catalogue when installing a
// desk. The same import as the app's (catalogue-service.ts): on a refused archive the previous catalogue stays and the
// exit code is non-zero. The desk's data folder is locked meanwhile, as the app locks it: never both at once.

const REASONS: Record<Refusal, string> = {
  notZip: 'the file is not a zip archive',
  damaged: 'the archive is damaged or truncated (or one of its XML files is malformed)',
  notServicePublic: 'the archive holds no service-public.fr "Vos droits et démarches" XML files',
  unsupportedVersion: 'the archive uses a schema version other than 3.3 or 3.4',
  tooLarge: 'a file in the archive, or the archive as a whole, is larger than the import accepts',
  suspiciousCompression: 'the archive is compressed like a zip bomb',
  tooManyFiles: 'the archive holds more files than the import accepts',
  empty: 'the archive is empty',
  busy: 'another import is running',
  tooManyArchives: 'too many archives at once',
};

const USAGE = 'Usage: npm run catalogue:import -- ARCHIVE.zip [ARCHIVE.zip...] [--data-dir DIR]';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: { 'data-dir': { type: 'string' } }, allowPositionals: true });
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const archives = parsed.positionals.map((p) => resolve(p));
  if (archives.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const dataDir = resolve(parsed.values['data-dir'] ?? defaultDataDir());
  ensurePrivateDir(dataDir);
  let lock;
  try {
    lock = lockDataFolder(dataDir, currentHostKind());
  } catch (err) {
    if (!(err instanceof DataFolderLockedError)) throw err;
    const h = err.details;
    console.error(
      `Refused: the data folder ${dataDir} is in use by Médiane (process ${h.pid} on ${h.hostname}). Close Médiane first.`,
    );
    return 3;
  }
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const jobs = createJobs({ clock: systemClock, newId: randomIds });
  const catalogue = createCatalogueService({ dataDir, clock: systemClock, newId: randomIds, jobs });
  let lastPercent = -1;
  try {
    const result = await catalogue.importArchives(archives, {
      demo: false,
      signal: controller.signal,
      progress: (done, total) => {
        const percent = total ? Math.floor((100 * done) / total) : 0;
        if (percent >= lastPercent + 10) {
          lastPercent = percent;
          process.stderr.write(`… ${percent} %\n`);
        }
      },
    });
    const c = result.counts;
    console.log(`Catalogue imported into ${dataDir}`);
    console.log(`  fiches (F): ${c.fiche}`);
    console.log(`  online services and forms (R): ${c.service}`);
    console.log(`  topic pages (N): ${c.topic}`);
    console.log(`  audiences: ${result.audiences.join(', ') || '(none stated)'}`);
    console.log(`  data date: ${result.dataDate ?? 'unknown'} (source: service-public.fr, Licence Ouverte)`);
    return 0;
  } catch (err) {
    if (err instanceof CatalogueError) {
      console.error(`Refused: ${REASONS[err.reason]}. The previous catalogue is unchanged.`);
      return 1;
    }
    if (controller.signal.aborted) {
      console.error('Cancelled. The previous catalogue is unchanged.');
      return 130;
    }
    console.error(`Failed: ${err instanceof Error ? err.message : String(err)}. The previous catalogue is unchanged.`);
    return 1;
  } finally {
    catalogue.close();
    lock.release();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
