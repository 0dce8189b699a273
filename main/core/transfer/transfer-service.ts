import Database from 'better-sqlite3';
import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { CoreError } from '../../../shared/errors';
import type { Clock, IdSource } from '../../../shared/ids';
import type { ExportDeskResult, RestoreDeskResult } from '../../../shared/transfer/schema';
import type { Files } from '../files/files';
import type { JobContext, Jobs } from '../jobs/jobs';
import type { Db } from '../storage/database';
import { KDF_DEFAULTS, decryptStream, encryptStream, newHeader, readPrelude, unlock } from './desk-file';

// Moving a desk: export writes the whole database (journal, site, settings) to a file the user chose, encrypted with
// their passphrase; restore (first run only) reads such a file back into a fresh desk. Both are jobs.
//
// Work that stays on the main thread, and why that is enough: the snapshot goes through SQLite's online backup in
// steps (between other calls), gzip and gunzip run on libuv's thread pool (zlib streams), scrypt too, and AES-GCM
// (hardware-accelerated) seals one 256 KiB record per call; the full integrity check of a restored file runs in a
// worker. What does block is the final swap of a restored desk, one transaction by design, on a desk that is
// empty and waiting for it (bench/README.md, "Moving a desk", has the measured figures).

/** Progress phases (i18n keys, namespace common). */
export const PHASES = {
  snapshot: 'jobs.phase.snapshot',
  deriving: 'jobs.phase.deriving',
  encrypting: 'jobs.phase.encrypting',
  finishing: 'jobs.phase.finishing',
  reading: 'jobs.phase.reading',
  decrypting: 'jobs.phase.decrypting',
  checking: 'jobs.phase.checking',
  migrating: 'jobs.phase.migrating',
  replacing: 'jobs.phase.replacing',
} as const;

/** Settings that describe this computer's own care of its data, not the desk: a restore keeps the local ones. */
const LOCAL_SETTINGS_PREFIX = 'maintenance.';
const BACKUP_PAGES_PER_STEP = 1000;

export interface TransferOptions {
  db: Db;
  stagingDir: string;
  clock: Clock;
  newId: IdSource;
  jobs: Jobs;
  files: Files;
  latestSchemaVersion: number;
  migrate(db: Db, clock: Clock): void;
  readUserVersion(path: string): number | null;
  integrityCheck(path: string): Promise<'ok' | 'failed'>;
  /** scrypt cost; tests lower it (a file states its own, within the bounds a reader accepts). */
  kdf?: { N: number; r: number; p: number };
}

function removeDbFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

function checkNotAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new Error('cancelled');
}

/** Counts bytes going through, for progress. */
function counter(onBytes: (n: number) => void): Transform {
  let n = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      n += chunk.length;
      onBytes(n);
      done(null, chunk);
    },
  });
}

/** A failed pipeline may still be opening its output file: wait until it is closed before removing it. */
async function closed(stream: WriteStream): Promise<void> {
  if (!stream.closed) await once(stream, 'close');
}

async function fsyncFile(path: string): Promise<void> {
  const fh = await open(path, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function fsyncDir(path: string): Promise<void> {
  // Makes the rename durable on POSIX; Windows cannot open a folder this way and does not need it.
  try {
    const fh = await open(path, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    /* best effort */
  }
}

export function createTransferService(o: TransferOptions) {
  const kdf = o.kdf ?? KDF_DEFAULTS;
  const tempPath = (label: string) => join(o.stagingDir, `${o.newId()}.${label}`);

  /** A consistent copy of the live database through the online backup API, as one self-contained file. */
  async function snapshot(path: string, ctx: JobContext): Promise<void> {
    await o.db.backup(path, {
      progress({ totalPages, remainingPages }) {
        // Throwing here is how better-sqlite3 stops a backup midway.
        checkNotAborted(ctx.signal);
        ctx.progress(totalPages - remainingPages, totalPages, PHASES.snapshot);
        return BACKUP_PAGES_PER_STEP;
      },
    });
    checkNotAborted(ctx.signal);
    const copy = new Database(path);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  }

  function exportDesk(input: { targetId: string; passphrase: string }): { jobId: string } {
    const target = o.files.takeTarget(input.targetId, 'desk');
    return o.jobs.start('transfer.export', async (ctx): Promise<ExportDeskResult> => {
      const snap = tempPath('snapshot');
      const part = `${target.path}.part`;
      try {
        ctx.progress(0, null, PHASES.snapshot);
        await snapshot(snap, ctx);
        const copy = new Database(snap, { readonly: true, fileMustExist: true });
        let sessions: number;
        let schemaVersion: number;
        try {
          sessions = (
            copy.prepare('SELECT count(*) AS n FROM sessions WHERE deleted_at IS NULL').get() as { n: number }
          ).n;
          schemaVersion = copy.pragma('user_version', { simple: true }) as number;
        } finally {
          copy.close();
        }
        ctx.progress(0, null, PHASES.deriving);
        const { header, keys } = await newHeader(
          input.passphrase,
          { schemaVersion, exportedAt: o.clock.now().toISOString() },
          kdf,
          ctx.signal,
        );
        checkNotAborted(ctx.signal);
        const size = statSync(snap).size;
        ctx.progress(0, size, PHASES.encrypting);
        const out = createWriteStream(part, { mode: 0o600 });
        try {
          await pipeline(
            createReadStream(snap),
            counter((n) => ctx.progress(n, size, PHASES.encrypting)),
            createGzip(),
            encryptStream(header, keys),
            out,
            { signal: ctx.signal },
          );
        } catch (err) {
          await closed(out);
          throw err;
        }
        ctx.progress(size, size, PHASES.finishing);
        await fsyncFile(part);
        checkNotAborted(ctx.signal);
        // The rename is the commit point: before it, the chosen name holds nothing of ours; after it, a whole file.
        renameSync(part, target.path);
        await fsyncDir(dirname(target.path));
        target.commit();
        return { name: target.name, bytes: statSync(target.path).size, sessions };
      } catch (err) {
        rmSync(part, { force: true });
        target.abandon();
        throw err;
      } finally {
        removeDbFiles(snap);
      }
    });
  }

  /** A desk already in use is never overwritten: restoring is a first-run choice. */
  function checkFirstRun(db: Db, schema = 'main'): void {
    const site = db.prepare(`SELECT count(*) AS n FROM ${schema}.site`).get() as { n: number };
    const sessions = db.prepare(`SELECT count(*) AS n FROM ${schema}.sessions`).get() as { n: number };
    if (site.n > 0 || sessions.n > 0) throw new CoreError('conflict', 'transfer.notFirstRun');
  }

  /** Replaces every table's rows by the verified copy's, in one transaction: all of it lands, or nothing. */
  function replaceContent(copyPath: string): void {
    const db = o.db;
    db.prepare('ATTACH DATABASE ? AS restored').run(copyPath);
    try {
      db.transaction(() => {
        checkFirstRun(db);
        const tables = db
          .prepare(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name",
          )
          .all() as Array<{ name: string }>;
        // Children are emptied and filled in any order; the keys are checked once, at commit.
        db.pragma('defer_foreign_keys = ON');
        for (const { name } of tables) {
          const columns = (db.prepare(`PRAGMA main.table_info("${name}")`).all() as Array<{ name: string }>).map(
            (c) => `"${c.name}"`,
          );
          const theirs = (db.prepare(`PRAGMA restored.table_info("${name}")`).all() as Array<{ name: string }>).map(
            (c) => `"${c.name}"`,
          );
          if (theirs.length !== columns.length || theirs.some((c) => !columns.includes(c))) {
            throw new CoreError('invalid_input', 'transfer.damagedFile');
          }
          const list = columns.join(', ');
          if (name === 'settings') {
            db.prepare(`DELETE FROM main.settings WHERE key NOT LIKE '${LOCAL_SETTINGS_PREFIX}%'`).run();
            db.prepare(
              `INSERT OR REPLACE INTO main.settings (${list}) SELECT ${list} FROM restored.settings WHERE key NOT LIKE '${LOCAL_SETTINGS_PREFIX}%'`,
            ).run();
            continue;
          }
          db.prepare(`DELETE FROM main."${name}"`).run();
          db.prepare(`INSERT INTO main."${name}" (${list}) SELECT ${list} FROM restored."${name}"`).run();
        }
      })();
    } finally {
      db.prepare('DETACH DATABASE restored').run();
    }
  }

  function restoreDesk(input: { sourceId: string; passphrase: string }): { jobId: string } {
    // Refused at once (before the file is even read) on a desk already set up, or while another restore runs.
    checkFirstRun(o.db);
    if (o.jobs.running('transfer.restore')) throw new CoreError('conflict', 'transfer.busy');
    const source = o.files.takeSource(input.sourceId, 'desk');
    return o.jobs.start('transfer.restore', async (ctx): Promise<RestoreDeskResult> => {
      const copyPath = tempPath('restoring');
      try {
        ctx.progress(0, null, PHASES.reading);
        const { header, prelude } = await readPrelude(source.path, o.latestSchemaVersion);
        ctx.progress(0, null, PHASES.deriving);
        const keys = await unlock(header, input.passphrase, ctx.signal);
        checkNotAborted(ctx.signal);
        const size = statSync(source.path).size;
        ctx.progress(0, size, PHASES.decrypting);
        const out = createWriteStream(copyPath, { mode: 0o600, flags: 'wx' });
        try {
          await pipeline(
            createReadStream(source.path),
            counter((n) => ctx.progress(n, size, PHASES.decrypting)),
            decryptStream(prelude, keys),
            createGunzip(),
            out,
            { signal: ctx.signal },
          );
        } catch (err) {
          await closed(out);
          // A sealed record that does not inflate can only come from a writer we do not know: damaged too.
          if (err instanceof CoreError || ctx.signal.aborted) throw err;
          throw new CoreError('invalid_input', 'transfer.damagedFile');
        }
        const version = o.readUserVersion(copyPath);
        if (version === null) throw new CoreError('invalid_input', 'transfer.damagedFile');
        if (version > o.latestSchemaVersion) throw new CoreError('invalid_input', 'transfer.newerVersion');
        ctx.progress(0, null, PHASES.checking);
        if ((await o.integrityCheck(copyPath)) !== 'ok')
          throw new CoreError('invalid_input', 'transfer.integrityFailed');
        checkNotAborted(ctx.signal);
        ctx.progress(0, null, PHASES.migrating);
        let siteName: string | null = null;
        let sessions = 0;
        const copy = new Database(copyPath, { fileMustExist: true });
        try {
          copy.pragma('journal_mode = DELETE');
          if ((copy.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error('dangling references');
          o.migrate(copy, o.clock);
          const site = copy.prepare('SELECT data FROM site LIMIT 1').get() as { data: string } | undefined;
          siteName = site ? (((JSON.parse(site.data) as { name?: unknown }).name as string | undefined) ?? null) : null;
          sessions = (
            copy.prepare('SELECT count(*) AS n FROM sessions WHERE deleted_at IS NULL').get() as { n: number }
          ).n;
        } catch {
          // A copy that passed the integrity check but not its migrations was not written by Médiane as we know it.
          throw new CoreError('invalid_input', 'transfer.damagedFile');
        } finally {
          copy.close();
        }
        checkNotAborted(ctx.signal);
        ctx.progress(0, null, PHASES.replacing);
        replaceContent(copyPath);
        return { siteName: typeof siteName === 'string' ? siteName : null, sessions, exportedAt: header.exportedAt };
      } finally {
        removeDbFiles(copyPath);
        source.release();
      }
    });
  }

  return { exportDesk, restoreDesk };
}

export type TransferService = ReturnType<typeof createTransferService>;
